"""Errors the user can act on, each with its exit code (listed in the README)."""

from __future__ import annotations

from typing import IO

import click

from cchc_cli.load.problems import Problem
from cchc_cli.model import Lang

EXIT_OK = 0
EXIT_FINDINGS = 1
"""``check`` found errors, or ``verify`` found figures that do not match."""
EXIT_USAGE = 2
"""A bad option or argument, or a province, year or figure not in the data."""
EXIT_DATA = 3
"""A data file is missing or invalid; every problem is listed."""
EXIT_OUTPUT = 4
"""The output could not be written: the file exists, or the disk or stdout refused it."""
EXIT_PORTAL = 5
"""The portal refused, could not be reached, or sent no usable answer (try again later)."""
EXIT_INTERNAL = 70
"""A bug in cchc."""


class DataProblems(click.ClickException):
    """Data files that could not be loaded, with every problem found."""

    exit_code = EXIT_DATA

    def __init__(self, problems: list[Problem], summary: str | None = None) -> None:
        from cchc_cli.i18n import word
        from cchc_cli.render.formats import default_lang

        self.problems = problems
        ctx = click.get_current_context(silent=True)
        asked = ctx.params.get("lang") if ctx is not None else None
        self.lang: Lang = asked if asked in ("vi", "en") else default_lang()
        files = len({p.path for p in problems})
        super().__init__(summary or word("problems_found", self.lang, problems=len(problems),
                                         files=files))

    def show(self, file: IO[str] | None = None) -> None:
        """Print every problem, one per line, in the language asked for, then a count (all
        on stderr)."""
        from cchc_cli.i18n import problem_text
        from cchc_cli.visible import visible

        for problem in self.problems:
            click.echo(visible(problem_text(problem, self.lang)), err=True)
        click.echo(f"cchc: {visible(self.message)}", err=True)


class ReaderGone(Exception):
    """The reader closed stdout before the output was written (``cchc ... | head``).

    That is no failure of its own, but what was found still decides the exit
    code: ``code`` is the one the command would have ended with.
    """

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class OutputError(click.ClickException):
    """The output file cannot be written."""

    exit_code = EXIT_OUTPUT

    def show(self, file: IO[str] | None = None) -> None:
        """Print the message on stderr."""
        from cchc_cli.visible import visible

        click.echo(f"cchc: {visible(self.message)}", err=True)


class PortalFailure(click.ClickException):
    """The portal gave no usable answer: refused, unreachable, cut short, not JSON."""

    exit_code = EXIT_PORTAL

    def show(self, file: IO[str] | None = None) -> None:
        """Print the message on stderr."""
        from cchc_cli.visible import visible

        click.echo(f"cchc: {visible(self.message)}", err=True)
