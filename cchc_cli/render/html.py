"""A page as a self-contained HTML document that reads on screen and prints on A4.

Headings, semantic tables with numbers right-aligned, charts as inline SVG and
a footer with the sources, the date and cchc's version; no script, no network.
Everything that comes from data is escaped, and only ``http``/``https``
addresses become links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from cchc_cli import i18n
from cchc_cli.model import Lang
from cchc_cli.render.svg import chart_svg
from cchc_cli.views.page import (
    Block,
    Cell,
    Chart,
    Heading,
    Note,
    Page,
    Pairs,
    Table,
    plain,
    style_of,
)

_URL = re.compile(r"https?://[^\s<>\"'“”‘’]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»"
_NUM = ' class="num"'
SHORT = 20  # a column whose longest cell is at most this many characters is sized to it

STYLESHEET = """
:root { color: #1a1a1a; background: #ffffff; }
body { font-family: "Segoe UI", -apple-system, BlinkMacSystemFont, "Helvetica Neue", Arial,
  "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 15px;
  line-height: 1.45; max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.75rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; border-bottom: 1px solid #999999;
  padding-bottom: 0.15rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 0.5rem; }
th, td { border-bottom: 1px solid #cccccc; padding: 0.3rem 0.5rem; vertical-align: top;
  text-align: left; }
thead th { border-bottom: 2px solid #333333; font-weight: 600; }
tbody th { font-weight: normal; }
tbody th.sub { padding-left: 1.75rem; }
table.fixed { table-layout: fixed; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
dl.pairs { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem;
  margin: 0.25rem 0; }
dl.pairs dt { font-weight: 600; }
dl.pairs dd { margin: 0; }
figure { margin: 1rem 0; }
figcaption { font-weight: 600; margin-bottom: 0.35rem; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg.chart .label { font-size: 14px; fill: #1a1a1a; }
svg.chart .caption { font-size: 13px; fill: #1a1a1a; }
svg.chart .mark-label { font-size: 12px; fill: #1a1a1a; }
svg.chart .track { fill: #ffffff; stroke: #555555; stroke-width: 0.75; }
svg.chart .segment { stroke: #000000; stroke-width: 0.75; }
svg.chart .mark { stroke: #000000; stroke-width: 3; }
svg.chart .reference { stroke: #000000; stroke-width: 1; stroke-dasharray: 4 3; }
p.note { margin: 0.3rem 0; }
p.literal { white-space: pre-wrap; font-family: "DejaVu Sans Mono", Consolas, monospace; }
.s-good { color: #1e6b22; } .s-bad, .s-error { color: #a32020; }
.s-warning { color: #8a5a00; } .s-muted { color: #555555; } .s-strong { font-weight: 600; }
.s-error { font-weight: 600; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
footer { margin-top: 2.5rem; border-top: 1px solid #999999; padding-top: 0.5rem;
  font-size: 0.9rem; color: #333333; }
footer h2 { border: none; }
footer ol { padding-left: 1.25rem; margin: 0.25rem 0 0.75rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  :root, .s-good, .s-bad, .s-error, .s-warning, .s-muted, footer, a { color: #000000; }
  a { text-decoration: underline; }
  table, figure, dl.pairs, tr { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
}
"""


def linked(text: str) -> str:
    """``text`` escaped, with each ``http``/``https`` address made a link (nothing else is)."""
    out: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        out.append(escape(text[position:match.start()]))
        out.append(f'<a href="{escape(url, quote=True)}">{escape(url)}</a>')
        position = match.start() + len(url)
    out.append(escape(text[position:]))
    return "".join(out)


def _cell(cell: Cell) -> str:
    style = style_of(cell)
    content = linked(plain(cell))
    return f'<span class="s-{escape(style, quote=True)}">{content}</span>' \
        if style and style != "number" else content


def _widths(table: Table) -> list[int]:
    """The longest cell (or header) of each column, in characters."""
    return [max([len(column.header), *(len(plain(row[position])) for row in table.rows)])
            for position, column in enumerate(table.columns)]


def shared_widths(page: Page) -> dict[tuple[str, ...], list[int]]:
    """Column widths shared by tables with the same headers, so they line up."""
    widths: dict[tuple[str, ...], list[int]] = {}
    for block in page:
        if isinstance(block, Table):
            key = tuple(column.header for column in block.columns)
            old = widths.get(key, [0] * len(block.columns))
            widths[key] = [max(a, b) for a, b in zip(old, _widths(block), strict=True)]
    return widths


def _colgroup(table: Table, widths: list[int]) -> tuple[str, str]:
    """``<col>`` widths for the short and numeric columns, the rest sharing what is left;
    and the table's class (``fixed`` when some column is left to share)."""
    short = [column.numeric or width <= SHORT
             for column, width in zip(table.columns, widths, strict=True)]
    if all(short) or not any(short):
        return "", ""
    cols = "".join(f'<col style="width: calc({width + 1}ch + 1rem)">' if is_short else "<col>"
                   for width, is_short in zip(widths, short, strict=True))
    return f"<colgroup>{cols}</colgroup>", ' class="fixed"'


def _table(table: Table, heading: bool, widths: list[int]) -> str:
    numeric = [column.numeric for column in table.columns]
    head = "".join(f'<th scope="col"{_NUM if n else ""}>{escape(c.header)}</th>'
                   for c, n in zip(table.columns, numeric, strict=True))
    rows = []
    for row in table.rows:
        cells = []
        for position, (cell, is_number) in enumerate(zip(row, numeric, strict=True)):
            tag = "th" if position == 0 and not is_number else "td"
            scope = ' scope="row"' if tag == "th" else ""
            css = _NUM if is_number else ""
            if tag == "th" and plain(cell).startswith("  "):  # a measure under its figure
                css = ' class="sub"'

            cells.append(f"<{tag}{scope}{css}>{_cell(cell)}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    title = f"<h2>{escape(table.title)}</h2>" if heading and table.title else ""
    caption = f'<p class="note s-muted">{linked(table.caption)}</p>' if table.caption else ""
    colgroup, css = _colgroup(table, widths)
    return (f"<section>{title}<table{css}>{colgroup}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{caption}</section>")


def _pairs(pairs: Pairs, heading: bool) -> str:
    title = f"<h2>{escape(pairs.title)}</h2>" if heading and pairs.title else ""
    items = "".join(f"<dt>{escape(key)}</dt><dd>{_cell(value)}</dd>" for key, value in pairs.items)
    return f'<section>{title}<dl class="pairs">{items}</dl></section>'


def _chart(chart: Chart, key: str) -> str:
    return f"<figure><figcaption>{escape(chart.title)}</figcaption>{chart_svg(chart, key)}</figure>"


def _note(note: Note) -> str:
    css = "note literal" if note.literal else "note"
    return f'<p class="{css} s-{escape(note.style, quote=True)}">{linked(note.text)}</p>'


def _block(block: Block, position: int, widths: dict[tuple[str, ...], list[int]],
           heading: bool = True) -> str:
    if isinstance(block, Heading):
        level = min(block.level + 1, 6)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Table):
        return _table(block, heading, widths[tuple(c.header for c in block.columns)])
    if isinstance(block, Pairs):
        return _pairs(block, heading)
    if isinstance(block, Chart):
        return _chart(block, str(position))
    return _note(block)


def page_title(page: Page, fallback: str) -> str:
    """The document's title: the first block's title, else ``fallback``."""
    first = page[0] if page else None
    if isinstance(first, Heading):
        return first.text
    if isinstance(first, Table | Pairs | Chart) and first.title:
        return first.title
    return fallback


def _source_item(source: Mapping[str, Any], lang: Lang) -> str:
    """A source as a list item: publisher, date, title, address (a link if http/https)."""
    parts = [escape(str(source["publisher"]))] if source.get("publisher") else []
    if source.get("date"):
        parts.append(escape(i18n.date_text(str(source["date"]), lang)))
    if source.get("title"):
        parts.append(f"“{escape(str(source['title']))}”")
    text = f"[{escape(str(source.get('id', '')))}] " + ", ".join(parts) + "."
    url = str(source.get("url") or "")
    if url:
        text += " " + (linked(url) if _URL.fullmatch(url) else escape(url))
    return f"<li>{text}</li>"


def _footer(sources: Sequence[Mapping[str, Any]], notes: list[Note], lang: Lang,
            generated: str, version: str) -> str:
    parts = ["<footer>"]
    if sources or notes:
        parts.append(f"<h2>{escape(i18n.word('sources', lang))}</h2>")
    if sources:
        parts.append("<ol>" + "".join(_source_item(s, lang) for s in sources) + "</ol>")
    elif notes:
        parts += [_note(note) for note in notes]
    stamp = i18n.word("generated", lang, date=escape(i18n.date_text(generated, lang)),
                      version=escape(version))
    parts.append(f"<p>{stamp}</p></footer>")
    return "".join(parts)


def render(page: Page, lang: Lang, *, fallback_title: str,
           sources: Sequence[Mapping[str, Any]] = (), generated: str, version: str) -> str:
    """The page as one HTML document; ``sources`` (JSON source records) go in the footer,
    in place of the page's own source lines."""
    title = page_title(page, fallback_title)
    body: list[str] = [f"<h1>{escape(title)}</h1>"]
    source_notes = [b for b in page if isinstance(b, Note) and b.role == "source"]
    widths = shared_widths(page)
    for position, block in enumerate(page):
        if isinstance(block, Note) and block.role == "source":
            continue
        body.append(_block(block, position, widths,
                           heading=position > 0 or isinstance(block, Chart)))
    body.append(_footer(sources, source_notes, lang, generated, version))
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="cchc {escape(version, quote=True)}">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n"
            f"<main>\n" + "\n".join(body[:-1]) + "\n</main>\n" + body[-1] + "\n</body>\n</html>\n")
