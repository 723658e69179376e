"""Write a view in the chosen format, to stdout or to a file, and the Rich console.

Every command hands over a view with the same three shapes: a JSON document,
tidy rows for CSV, and a ``Page`` for tables, Markdown, HTML and Excel. Rich is
imported only when a table is drawn, and openpyxl only when a workbook is
written, so the JSON and CSV paths never pay for either.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

import click

from cchc_cli.errors import EXIT_OK, ReaderGone
from cchc_cli.render.formats import Output, file_kind

if TYPE_CHECKING:
    from cchc_cli.model import Lang
    from cchc_cli.views.page import Page


class View(Protocol):
    """What a command's result offers to the renderers."""

    @property
    def columns(self) -> tuple[str, ...]:
        """The CSV columns, in order."""

    def document(self) -> dict[str, Any]:
        """The JSON document."""

    def rows(self) -> Iterable[dict[str, Any]]:
        """Tidy rows for CSV, with keys from ``columns``."""

    def page(self, lang: Lang) -> Page:
        """Headings, tables and notes for text output."""


def emit(view: View, out: Output, exit_code: int = EXIT_OK) -> None:
    """Render ``view`` as ``out`` asks and write it.

    ``exit_code`` is what the command ends with once it is written (3 for
    invalid data, 1 for findings); a reader that closes the pipe early changes
    nothing about it (see ``ReaderGone``).
    """
    try:
        _emit(view, out)
    except OSError as error:
        if isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE:
            raise ReaderGone(exit_code) from None
        raise


def _emit(view: View, out: Output) -> None:
    if out.path is None:
        if out.format == "table":
            print_table(_page(view, out.lang), out.color)
        elif out.format == "csv":  # row by row: an export of thousands of reports
            from cchc_cli.render import csv

            csv.write(view.columns, view.rows(), sys.stdout)
            sys.stdout.flush()
        else:
            sys.stdout.write(render_text(view, out.format, out.lang))
            sys.stdout.flush()
        return
    kind = file_kind(out)
    content: str | bytes
    if kind == "html" and out.style == "document":
        content = render_document(view, out.lang)
    elif kind == "xlsx":
        content = render_workbook(view, out.lang)
    elif kind in ("html", "svg", "text"):
        content = record_page(_page(view, out.lang), kind)
    else:
        content = render_text(view, kind, out.lang)
    from pathlib import Path

    from cchc_cli.render.files import write_file

    write_file(Path(out.path), content, out.force)
    click.echo(f"cchc: wrote {out.path}", err=True)


def _sources(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The source records of a JSON document (``sources``, or the one ``source``)."""
    sources = document.get("sources")
    if isinstance(sources, list):
        return [s for s in sources if isinstance(s, dict)]
    source = document.get("source")
    return [source] if isinstance(source, dict) else []


def render_document(view: View, lang: Lang) -> str:
    """``view`` as a self-contained HTML document."""
    from cchc_cli.render import html

    document = view.document()
    return html.render(view.page(lang), lang, fallback_title=f"cchc {document['command']}",
                       sources=_sources(document), generated=_today(), version=_version())


def render_workbook(view: View, lang: Lang) -> bytes:
    """``view`` as an Excel workbook: its page's tables, then any sheets only a workbook
    has (a view's ``sheets(lang)``, such as the summary's every number)."""
    from cchc_cli.render import xlsx

    sheets = getattr(view, "sheets", None)
    extra: Page = sheets(lang) if callable(sheets) else []
    return xlsx.render(view.page(lang) + extra, lang, _sources(view.document()))


def _today() -> str:
    """Today's date, or the one ``SOURCE_DATE_EPOCH`` fixes (for reproducible files)."""
    import datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()
    return datetime.date.today().isoformat()


def _version() -> str:
    from importlib.metadata import version

    return version("cchc")


def render_text(view: View, fmt: str, lang: Lang) -> str:
    """JSON, CSV or Markdown text for ``view``."""
    if fmt == "json":
        from cchc_cli.render import json

        return json.render(view.document())
    if fmt == "csv":
        from cchc_cli.render import csv

        return csv.render(view.columns, view.rows())
    from cchc_cli.render import markdown

    return markdown.render(_page(view, lang))


def _page(view: View, lang: Lang) -> Page:
    """The view's page with control characters shown as escapes (see ``cchc_cli.visible``)."""
    from cchc_cli.visible import visible_all

    page: Page = visible_all(view.page(lang))
    return page


MIN_WIDTH = 20
"""Narrower than this, a table cannot show a label and its value; FALLBACK_WIDTH is used."""

FALLBACK_WIDTH = 80


def console(color: str, file: Any = None, record: bool = False) -> Any:
    """A Rich console for stdout honouring ``--color``, ``NO_COLOR``, ``TERM`` and ``COLUMNS``."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """Let cchc end a closed pipe like any other, quietly (Rich exits 1)."""
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    options: dict[str, Any] = {"highlight": False, "emoji": False, "markup": False}
    if color == "always":
        options.update(force_terminal=True, color_system="standard", no_color=False)
    elif color == "never":
        options.update(color_system=None, no_color=True)
    target = _Console(file=file or sys.stdout, record=record, **options)
    if target.width < MIN_WIDTH:  # COLUMNS=0 or 2 would print labels without values
        target.width = FALLBACK_WIDTH
    return target


def print_table(page: Page, color: str) -> None:
    """Draw ``page`` on stdout with Rich."""
    from cchc_cli.render.rich_page import print_page

    print_page(page, console(color))


def record_page(page: Page, kind: str) -> str:
    """``page`` drawn as an HTML page, an SVG picture or plain text."""
    import io

    from cchc_cli.render.rich_page import print_page

    target = console("always" if kind != "text" else "never", file=io.StringIO(), record=True)
    target.width = max(target.width, 100) if kind != "text" else target.width
    print_page(page, target)
    if kind == "html":
        return str(target.export_html(inline_styles=True))
    if kind == "svg":
        return str(target.export_svg(title="cchc"))
    return str(target.export_text())
