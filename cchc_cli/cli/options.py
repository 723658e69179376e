"""Options every command shares: where the data is, and how to write the answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from cchc_cli.model import Lang
from cchc_cli.record import Record

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "csv", "markdown")


class Output(Record):
    """How a command writes its answer."""

    format: str
    lang: Lang
    color: str
    path: str | None
    force: bool
    style: str = "document"


class DataChoice(Record):
    """Where the data is and which province and year to use."""

    data: str | None
    province: str | None
    year: int | None


def data_options(year: bool = True, year_default: str = "the latest") -> Callable[[F], F]:
    """``--data``, ``--province`` and (optionally) ``--year``, gathered as ``choice``."""

    def decorator(command: F) -> F:
        options = [
            click.option("--data", metavar="PATH", envvar="CCHC_DATA", show_envvar=True,
                         help="A report file or a folder of report_*.yaml "
                              "[default: the bundled datasets]."),
            click.option("--province", "-p", metavar="NAME",
                         help="Province id or name, any case, with or without diacritics."),
        ]
        if year:
            options.append(click.option("--year", "-y", type=click.IntRange(1990, 2100),
                                        help=f"Report year [default: {year_default}]."))
        for option in reversed(options):
            command = option(command)
        return command

    return decorator


def choice_from(kwargs: dict[str, Any]) -> DataChoice:
    """Pop the data options out of a command's keyword arguments."""
    return DataChoice(kwargs.pop("data", None), kwargs.pop("province", None),
                      kwargs.pop("year", None))


def output_options(command: F) -> F:
    """``--format``/``--json``, ``--lang``, ``--color``, ``--output`` and ``--force``."""
    options = [
        click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table",
                     show_default=True, help="Output format."),
        click.option("--json", "as_json", is_flag=True, help="Short for --format json."),
        click.option("--lang", type=click.Choice(("vi", "en"), case_sensitive=False),
                     envvar="CCHC_LANG",
                     show_envvar=True,
                     help="Language of labels and numbers [default: vi for a vi_* locale, "
                          "else en]."),
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
    from cchc_cli.i18n import default_lang

    fmt = kwargs.pop("fmt")
    if kwargs.pop("as_json"):
        ctx = click.get_current_context()
        if ctx.get_parameter_source("fmt") == click.core.ParameterSource.COMMANDLINE \
                and fmt != "json":
            raise click.UsageError(f"--json contradicts --format {fmt}; give one of them")
        fmt = "json"
    lang = kwargs.pop("lang") or default_lang()
    return Output(fmt, lang, kwargs.pop("color"), kwargs.pop("output"), kwargs.pop("force"),
                  kwargs.pop("style"))
