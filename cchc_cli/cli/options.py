"""Options every command shares: where the data is, and how to write the answer."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import click

from cchc_cli.periods import SYNTAX, Period, parse_period
from cchc_cli.queries.choice import DataChoice
from cchc_cli.render.formats import FORMATS, Output, chosen

F = TypeVar("F", bound=Callable[..., Any])

HELP_NAMES = ["-h", "--help"]


def _show_help(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


class OwnHelp(click.Command):
    """A ``-h``/``--help`` of cchc's making, for commands and the group.

    click words its help option through gettext, and the first lookup imports
    ``locale`` and searches for message catalogues: about a millisecond of
    every run, for a line only ``--help`` prints.
    """

    _own_help: click.Option | None = None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """The ``-h``/``--help`` option (made once per command: click tells its parameters
        apart by identity)."""
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if self._own_help is None:
            self._own_help = click.Option(list(names), is_flag=True, expose_value=False,
                                          is_eager=True, callback=_show_help,
                                          help="Show this message and exit.")
        return self._own_help


class Command(OwnHelp):
    """A cchc command (``@click.command(cls=Command)``)."""


class Group(OwnHelp, click.Group):
    """The cchc group."""


class DataPath(click.ParamType):  # type: ignore[type-arg]
    """A ``--data`` path, or ``bundled``; ``CCHC_DATA`` holds several separated by ``:``."""

    name = "path"
    envvar_list_splitter = os.pathsep


DATA_HELP = ("A report file or a folder of report_*.yaml; repeat to combine, 'bundled' "
             "for the bundled datasets [default: bundled].")


def data_option(command: F) -> F:
    """``--data PATH``, repeatable."""
    return click.option("--data", metavar="PATH", type=DataPath(), multiple=True,
                        envvar="CCHC_DATA", show_envvar=True, help=DATA_HELP)(command)


class PeriodType(click.ParamType):  # type: ignore[type-arg]
    """A period in the compact syntax: 2024, 2024-h1, 2024-q3, 2024-07, 2026-ytd."""

    name = "period"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Period:
        """Read the period, or fail as a usage error that shows the syntax."""
        if isinstance(value, Period):
            return value
        try:
            return parse_period(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)



def _complete(name: str) -> Callable[[click.Context, click.Parameter, str], list[Any]]:
    """A completion function of ``queries.complete``, imported only when the shell asks."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from cchc_cli.queries import complete as completions

        found: list[Any] = getattr(completions, name)(ctx, param, incomplete)
        return found

    return complete


FIGURE_ID = _complete("figure_ids")
"""Completion for a figure-id argument."""


def data_options(year: bool = True, year_default: str = "the latest") -> Callable[[F], F]:
    """``--data``, ``--province`` and (optionally) ``--year``, gathered as ``choice``."""

    def decorator(command: F) -> F:
        options = [
            data_option,
            click.option("--province", "-p", metavar="NAME", shell_complete=_complete("provinces"),
                         help="Province id or name, any case, with or without diacritics."),
        ]
        if year:
            options.append(click.option("--year", "-y", type=click.IntRange(1990, 2100),
                                        shell_complete=_complete("periods"),
                                        help=f"Report year (the whole year) "
                                             f"[default: {year_default}]."))
            options.append(click.option("--period", metavar="PERIOD", type=PeriodType(),
                                        shell_complete=_complete("periods"),
                                        help=f"Report period: {SYNTAX} "
                                             f"[default: {year_default}]."))
        for option in reversed(options):
            command = option(command)
        return command

    return decorator


def choice_from(kwargs: dict[str, Any]) -> DataChoice:
    """Pop the data options out of a command's keyword arguments."""
    year, period = kwargs.pop("year", None), kwargs.pop("period", None)
    if year is not None and period is not None and period.year != year:
        raise click.UsageError(f"--year {year} and --period {period.full_key} disagree; "
                               "give one of them")
    return DataChoice(tuple(kwargs.pop("data", None) or ()), kwargs.pop("province", None), year,
                      period)


def lang_option(what: str) -> Callable[[F], F]:
    """``--lang vi|en`` (``CCHC_LANG``); ``what`` it sets, for the help."""
    return click.option("--lang", type=click.Choice(("vi", "en"), case_sensitive=False),
                        envvar="CCHC_LANG", show_envvar=True,
                        help=f"{what} [default: vi for a vi_* locale, else en].")


def output_options(command: F) -> F:
    """``--format``/``--json``, ``--lang``, ``--color``, ``--output`` and ``--force``."""
    options = [
        click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table",
                     show_default=True, help="Output format."),
        click.option("--json", "as_json", is_flag=True, help="Short for --format json."),
        lang_option("Language of labels and numbers"),
        click.option("--color", type=click.Choice(("auto", "always", "never")), default="auto",
                     show_default=True, help="Colour in tables (NO_COLOR and TERM=dumb are "
                                              "honoured on auto)."),
        click.option("--output", "-o", metavar="FILE",
                     help="Write to FILE instead of stdout; the format follows the extension "
                          "(.html, .xlsx, .svg, .md, .json, .csv, .txt)."),
        click.option("--style", type=click.Choice(("document", "terminal")), default="document",
                     show_default=True,
                     help="For .html: a document to print or hand in, or a recording of the "
                          "terminal table (as .svg always is)."),
        click.option("--force", is_flag=True, help="Overwrite FILE if it exists."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def output_from(kwargs: dict[str, Any]) -> Output:
    """Pop the output options out of a command's keyword arguments."""
    from cchc_cli.render.formats import default_lang

    given = click.get_current_context().get_parameter_source("fmt") \
        == click.core.ParameterSource.COMMANDLINE
    fmt = chosen(kwargs.pop("fmt"), kwargs.pop("as_json"), given)
    lang = kwargs.pop("lang") or default_lang()
    return Output(fmt, lang, kwargs.pop("color"), kwargs.pop("output"), kwargs.pop("force"),
                  kwargs.pop("style"), given)


def tables_option(command: F) -> F:
    """``--tables PATH`` (``CCHC_TABLES``): where the national tables are."""
    return click.option("--tables", "tables", metavar="PATH", envvar="CCHC_TABLES",
                        show_envvar=True, help="A folder of national tables (one folder per "
                        "index) [default: the bundled tables].")(command)


def as_of_option(command: F) -> F:
    """``--as-of DATE``: which capture of a year to date."""
    return click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
                        help="For a year to date: the capture of that day [default: the "
                             "latest].")(command)
