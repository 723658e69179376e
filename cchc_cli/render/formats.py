"""The output formats: one list, the file extensions that choose them, one conflict check,
and the language an answer is written in unless one is asked for."""

from __future__ import annotations

import os

import click

from cchc_cli.model import Lang
from cchc_cli.record import Record

FORMATS = ("table", "json", "csv", "markdown")
"""What ``--format`` offers on stdout."""

EXTENSIONS = {
    ".json": "json", ".csv": "csv", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".svg": "svg", ".txt": "text", ".xlsx": "xlsx",
}
"""What a file's extension chooses with ``--output``."""

_TABLE_LIKE = ("html", "svg", "text", "xlsx")


class Output(Record):
    """How a command writes its answer: the format, the language, and where to."""

    format: str
    lang: Lang
    color: str
    path: str | None
    force: bool
    style: str = "document"
    format_given: bool = False
    """``--format`` (or ``--json``) was given on the command line."""


def file_kind(out: Output) -> str:
    """What ``out.path`` is written as; a usage error when the options contradict it."""
    assert out.path is not None
    kind = EXTENSIONS.get(os.path.splitext(out.path)[1].lower())  # noqa: PTH122 (a str)
    if kind is None:
        raise click.UsageError(f"cannot tell the format of '{out.path}' from its extension; "
                               f"use one of {', '.join(sorted(EXTENSIONS))}")
    table_like = kind in _TABLE_LIKE and out.format == "table"
    if out.format_given and out.format != kind and not table_like:
        raise click.UsageError(f"--format {out.format} contradicts the extension of "
                               f"'{out.path}'; the extension decides, so drop --format")
    if out.style == "terminal" and kind not in ("html", "svg"):
        raise click.UsageError(f"--style terminal is for .html (and .svg) files, not "
                               f"'{out.path}'")
    return kind


def chosen(fmt: str, as_json: bool, given: bool) -> str:
    """The format of ``--format`` and ``--json`` together, refusing a contradiction."""
    if as_json and given and fmt != "json":
        raise click.UsageError(f"--json contradicts --format {fmt}; give one of them")
    return "json" if as_json else fmt


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """Vietnamese when the locale is ``vi_*``, else English (``--lang`` and ``CCHC_LANG``
    are read by click before this is asked)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"
