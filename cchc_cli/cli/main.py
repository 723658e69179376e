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

from cchc_cli.cli.errors import EXIT_INTERNAL

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
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Command names in the order they are documented."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and return the command called ``cmd_name``."""
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, _, name = target.partition(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command


@click.group(name="cchc", cls=LazyGroup,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cchc", prog_name="cchc", message="%(prog)s %(version)s")
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


def main(args: list[str] | None = None, prog_name: str = "cchc") -> Any:
    """Run cchc and exit with its documented exit code."""
    _utf8_streams()
    try:
        code = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except SystemExit as error:
        from click.utils import PacifyFlushWrapper

        # click ends a run whose reader closed the pipe with exit 1; cchc's 1 means
        # findings, and a reader such as head that has seen enough is no failure
        closed_pipe = type(sys.stdout) is cast(type, PacifyFlushWrapper)
        if closed_pipe:
            _silence_stdout()
        code = 0 if closed_pipe else error.code
    except click.ClickException as error:
        error.show()
        code = error.exit_code
    except click.Abort:
        click.echo("cchc: aborted", err=True)
        code = 130
    except BrokenPipeError:
        _silence_stdout()
        code = 0
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        _silence_stdout()
        code = 0
    except Exception as error:  # a bug: one line unless asked for the traceback
        if os.environ.get("CCHC_DEBUG"):
            raise
        click.echo(f"cchc: internal error: {type(error).__name__}: {error} "
                   "(set CCHC_DEBUG=1 to see where; please report it)", err=True)
        code = EXIT_INTERNAL
    try:
        sys.stdout.flush()
    except (BrokenPipeError, OSError):
        _silence_stdout()
    sys.exit(code if isinstance(code, int) else 0)
