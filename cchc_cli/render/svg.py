"""Charts as inline SVG, drawn from a page's ``Chart`` blocks.

Bars are drawn to the fractions the views computed, so a chart shows the same
numbers as the tables; each bar's caption is written beside it, so nothing
rests on colour, and fills differ in lightness (and a hatch marks the rest of a
breakdown) so a black-and-white print tells the segments apart.
"""

from __future__ import annotations

from html import escape

from cchc_cli.views.page import Bar, Chart

BAR_X = 0
BAR_WIDTH = 360
ROW = 40
MARKED_ROW = 54
CHAR = 7.5  # an average character's width at 13px, to size the picture to its captions
FILLS = {"good": "#2e6b30", "warning": "#9a6a00", "bad": "#a32020", "strong": "#33475b",
         "muted": "#b8c2cc"}
SEGMENT_FILLS = ("#1f3f66", "#6f95c4", "#d4e2f2", "#ffffff")
STACK_WIDTH = 560


def _clamp(fraction: float) -> float:
    return max(0.0, min(fraction, 1.0))


def _x(fraction: float) -> str:
    return f"{BAR_X + _clamp(fraction) * BAR_WIDTH:.1f}"


def _text(x: float | str, y: float, content: str, css: str = "", anchor: str = "") -> str:
    attributes = f' class="{css}"' if css else ""
    attributes += f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{x}" y="{y}"{attributes}>{escape(content)}</text>'


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
            f'<title>{escape(title)}</title>{"".join(body)}</svg>')


def _bar_row(item: Bar, top: int) -> list[str]:
    fill = FILLS.get(item.style, FILLS["strong"])
    parts = [
        _text(BAR_X, top + 13, item.label, "label"),
        f'<rect class="track" x="{BAR_X}" y="{top + 19}" width="{BAR_WIDTH}" height="12"/>',
        f'<rect class="fill" x="{BAR_X}" y="{top + 19}" width="{_x(item.fraction)}" '
        f'height="12" fill="{fill}"/>',
        _text(BAR_X + BAR_WIDTH + 10, top + 29, item.caption, "caption"),
    ]
    if item.mark is not None:
        x = _x(item.mark)
        parts += [f'<line class="mark" x1="{x}" x2="{x}" y1="{top + 15}" y2="{top + 35}"/>',
                  _text(x, top + 47, f"▲ {item.mark_label}" if item.mark_label else "▲",
                        "mark-label", "middle" if _clamp(item.mark) < 0.85 else "end")]
    return parts


def bar_chart(chart: Chart) -> str:
    """Horizontal bars, one per row, with an optional reference line and marks."""
    body: list[str] = []
    top = 0
    for item in chart.bars:
        body += _bar_row(item, top)
        top += MARKED_ROW if item.mark is not None else ROW
    if chart.reference is not None and chart.reference < 1:
        x = _x(chart.reference)
        body.append(f'<line class="reference" x1="{x}" x2="{x}" y1="14" y2="{top}"/>')
        body.append(_text(x, top + 12, chart.reference_label, "mark-label", "middle"))
        top += 16
    widest = max((len(item.caption) for item in chart.bars), default=0)
    width = max(680, round(BAR_X + BAR_WIDTH + 10 + widest * CHAR))
    return _svg(width, top + 4, chart.title, body)


def stacked_chart(chart: Chart, key: str) -> str:
    """One bar split into segments, then a legend: a swatch, the label and the caption.

    ``key`` makes the hatch pattern's id unique in the document.
    """
    pattern = f"hatch-{key}"
    body = [f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-width="3"/>'
            f'</pattern></defs>']
    fills = [f"url(#{pattern})" if item.style == "bad"
             else SEGMENT_FILLS[position % len(SEGMENT_FILLS)]
             for position, item in enumerate(chart.bars)]
    start = 0.0
    for item, fill in zip(chart.bars, fills, strict=True):
        share = min(_clamp(item.fraction), 1 - start)
        body.append(f'<rect class="segment" x="{BAR_X + start * STACK_WIDTH:.1f}" y="0" '
                    f'width="{share * STACK_WIDTH:.1f}" height="22" fill="{fill}"/>')
        start += share
    top = 34
    for item, fill in zip(chart.bars, fills, strict=True):
        body.append(f'<rect class="segment" x="{BAR_X}" y="{top}" width="14" height="14" '
                    f'fill="{fill}"/>')
        body.append(_text(BAR_X + 22, top + 12, f"{item.label}: {item.caption}", "caption"))
        top += 22
    widest = max((len(item.label) + len(item.caption) for item in chart.bars), default=0)
    return _svg(max(680, round(BAR_X + 24 + widest * CHAR)), top, chart.title, body)


def chart_svg(chart: Chart, key: str) -> str:
    """The chart as one ``<svg>`` element, titled for screen readers (``key``: unique id)."""
    return stacked_chart(chart, key) if chart.stacked else bar_chart(chart)
