"""The ``cchc`` command group and the entry point.

Commands live in their own modules and are imported only when they run (or
when help lists them), so starting ``cchc`` costs little more than importing
click and PyYAML.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Any, cast

import click

from cchc_cli.cli.options import HELP_NAMES, Group
from cchc_cli.errors import EXIT_INTERNAL, EXIT_OK, EXIT_OUTPUT, ReaderGone

COMMANDS = {
    "summary": "cchc_cli.cli.cmd_summary:summary",
    "show": "cchc_cli.cli.cmd_show:show",
    "compare": "cchc_cli.cli.cmd_compare:compare",
    "trend": "cchc_cli.cli.cmd_series:trend",
    "rank": "cchc_cli.cli.cmd_series:rank",
    "years": "cchc_cli.cli.cmd_series:years",
    "check": "cchc_cli.cli.cmd_audit:check",
    "verify": "cchc_cli.cli.cmd_audit:verify",
    "validate": "cchc_cli.cli.cmd_validate:validate",
    "metrics": "cchc_cli.cli.cmd_metrics:metrics",
    "export": "cchc_cli.cli.cmd_export:export",
    "template": "cchc_cli.cli.cmd_template:template",
    "import": "cchc_cli.cli.cmd_import:import_",
    "fetch": "cchc_cli.cli.cmd_fetch:fetch",
    "draft": "cchc_cli.cli.cmd_draft:draft",
}


class LazyGroup(Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Command names in the order they are documented."""
        return list(COMMANDS)

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        """Find the command, or fail with the closest command names (``sumary`` → summary)."""
        name = args[0] if args else ""
        if name in COMMANDS or name.startswith("-"):
            return super().resolve_command(ctx, args)
        import difflib

        close = difflib.get_close_matches(name, list(COMMANDS), n=2, cutoff=0.6)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise click.UsageError(f"No such command {name!r}.{hint} 'cchc --help' lists the "
                               "commands.", ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and return the command called ``cmd_name``."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, name = target.partition(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``cchc --version``: the installed version (click's own option words its help through
    gettext, as ``OwnHelp`` explains)."""
    if value and not ctx.resilient_parsing:
        from importlib.metadata import version

        click.echo(f"cchc {version('cchc')}", color=ctx.color)
        ctx.exit()


@click.group(name="cchc", cls=LazyGroup, context_settings={"help_option_names": HELP_NAMES})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_show_version, help="Show the version and exit.")
def cli() -> None:
    """Statistics on Vietnam's provincial administrative-reform (CCHC) results.

    Figures come from a checked YAML dataset that keeps the source excerpt behind
    each one. Every command takes --format table|json|csv|markdown.

    \b
    Examples:
      cchc summary
      cchc summary --format json | jq '.figures[] | {id, value}'
      cchc show online_public_services
    """


def _utf8_streams() -> None:
    """Write UTF-8 whatever the locale says, so Vietnamese text never fails to encode.

    A file name that is not valid UTF-8 is written with backslash escapes
    (``\\udce9``), which keeps JSON valid, rather than failing.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def _silence_stdout() -> None:
    """After a closed pipe, send what is left to /dev/null so exit is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


def _unwritable(error: OSError | None) -> int:
    """Report output that could not be written (a full disk, a closed stdout)."""
    reason = error.strerror if error is not None and error.strerror else "standard output is closed"
    if sys.stderr is not None:
        click.echo(f"cchc: cannot write the output: {reason}", err=True)
    if sys.stdout is not None:
        _silence_stdout()
    return EXIT_OUTPUT


def _os_error(error: OSError) -> int:
    """A reader that closed the pipe early is no failure; any other write error is."""
    if isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE:
        _silence_stdout()
        return EXIT_OK
    return _unwritable(error)


def _exited(error: SystemExit) -> int:
    """The code of a command that ended by exiting."""
    from click.utils import PacifyFlushWrapper

    # click ends a run whose reader closed the pipe with exit 1; cchc's 1 means
    # findings, and a reader such as head that has seen enough is no failure
    if type(sys.stdout) is cast(type, PacifyFlushWrapper):
        _silence_stdout()
        return EXIT_OK
    return error.code if isinstance(error.code, int) else EXIT_OK


def _show(error: click.ClickException) -> None:
    """Print a click error on stderr; what it quotes of the data is shown, not obeyed."""
    import io

    from cchc_cli.visible import visible

    buffer = io.StringIO()
    error.show(file=buffer)
    click.echo(visible(buffer.getvalue()), err=True, nl=False)


def _run(args: list[str] | None, prog_name: str) -> int:
    """Run the command line; return its exit code, whatever happened."""
    try:
        result = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except SystemExit as error:
        return _exited(error)
    except ReaderGone as gone:
        _silence_stdout()
        return gone.code
    except click.ClickException as error:
        _show(error)
        return error.exit_code
    except click.Abort:
        click.echo("cchc: aborted", err=True)
        return 130
    except OSError as error:
        return _os_error(error)
    except Exception as error:  # a bug: one line unless asked for the traceback
        if os.environ.get("CCHC_DEBUG"):
            raise
        from cchc_cli.visible import visible

        click.echo(f"cchc: internal error: {type(error).__name__}: {visible(str(error))} "
                   "(set CCHC_DEBUG=1 to see where; please report it)", err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK


def main(args: list[str] | None = None, prog_name: str = "cchc") -> Any:
    """Run cchc and exit with its documented exit code."""
    if sys.stdout is None:  # started with stdout closed (cchc summary >&-)
        sys.exit(_unwritable(None))
    _utf8_streams()
    code = _run(args, prog_name)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:
        code = _unwritable(error)
    sys.exit(code)
