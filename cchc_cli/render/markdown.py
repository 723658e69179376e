"""Markdown: tables that paste into a report."""

from __future__ import annotations

from cchc_cli.bars import SEGMENTS, bar, stacked
from cchc_cli.views.page import Block, Chart, Heading, Note, Page, Pairs, Table, plain


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _paragraph(text: str) -> str:
    """A line of text that must not start a list, a heading or a quote."""
    escaped = _escape(text)
    return "\\" + escaped if escaped[:1] in ("*", "#", "-", "+", ">") else escaped


def _table(table: Table) -> list[str]:
    lines = [f"### {table.title}", ""] if table.title else []
    lines.append("| " + " | ".join(_escape(c.header) for c in table.columns) + " |")
    lines.append("|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(_escape(plain(cell)) for cell in row) + " |")
    if table.caption:
        lines += ["", f"*{_escape(table.caption)}*"]
    return lines


def _pairs(pairs: Pairs) -> list[str]:
    lines = [f"## {pairs.title}", ""] if pairs.title else []
    return lines + [f"- **{_escape(key)}**: {_escape(plain(value))}" for key, value in pairs.items]


def _chart(chart: Chart) -> list[str]:
    lines = [f"### {chart.title}", "", "```"]
    if chart.stacked:
        pieces = stacked([b.fraction for b in chart.bars], 40)
        lines.append("".join(pieces))
        lines += [f"{SEGMENTS[position % len(SEGMENTS)]} {b.label}: {b.caption}"
                  for position, b in enumerate(chart.bars)]
    else:
        for item in chart.bars:
            lines += [item.label, f"  {bar(item.fraction, 30)}  {item.caption}"]
    return [*lines, "```"]


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + block.text]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Pairs):
        return _pairs(block)
    if isinstance(block, Chart):
        return [] if block.document_only else _chart(block)
    assert isinstance(block, Note)
    return [_paragraph(block.text)]


def render(page: Page) -> str:
    """The page as Markdown, blocks separated by blank lines."""
    return "\n\n".join("\n".join(_block(block)) for block in page) + "\n"
