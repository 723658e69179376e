"""Write a ``Draft`` as a ``cchc-report/1`` file, every guess listed under ``review``."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from cchc_cli.draft.model import Draft, DraftFigure, Relation, SetAside
from cchc_cli.draft.place import fold

_PLAIN = re.compile(r"[^\W\d_][^:#,\[\]{}&*!|>'\"%@`\n]*\Z")
_SPECIAL = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}

HEADER = """\
# A draft written by `cchc draft` from {name}.
# Every figure lists under `review:` the fields that are guesses: check each
# against the article, correct it, then delete the `review:` line. The same
# holds for the file's own `review:` (province, year, sources, set_aside).
# `cchc validate FILE` lists what is left to confirm; every value and excerpt
# is copied from the article, and `cchc verify --source {name}` checks them.
"""


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain where that is safe, else double-quoted."""
    if _PLAIN.match(text) and text.strip() == text and text.lower() not in _SPECIAL and \
            not re.search(r"\s#|:\s|\s-\s*\Z", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def number(value: Decimal) -> str:
    """A number as written in the format: plain digits, ``.`` for decimals."""
    return f"{value:f}"


def _period_lines(draft: Draft) -> list[str]:
    """``year: 2023``, or ``period: 2023-q1`` for a part of a year (with ``as_of`` for a
    year to date, the article's date to be confirmed)."""
    period = draft.period.period
    if period is None:
        return [f"year: {draft.period.year}"]
    lines = [f"period: {period}"]
    if period.endswith("ytd"):
        lines.append(f"as_of: {draft.source.date}")
    return lines


def write_draft(draft: Draft) -> str:
    """The text of the draft file."""
    lines = [HEADER.format(name=draft.source.file).rstrip("\n")]
    lines += [f"# {note}" for note in draft.notes]
    lines += ["format: cchc-report/1"]
    if draft.review:
        lines.append(f"review: [{', '.join(draft.review)}]")
    province = draft.province
    lines += ["province:", f"  id: {province.id}",
              f"  name: {{vi: {scalar(province.vi)}, en: {scalar(province.en)}}}",
              *_period_lines(draft), "", "sources:"]
    source = draft.source
    lines += [f"  - id: {source.id}", f"    publisher: {scalar(source.publisher)}",
              f"    title: {scalar(source.title)}", f"    date: {source.date}",
              "    language: vi"]
    if source.url:
        lines.append(f"    url: {scalar(source.url)}")
    lines += [f"    file: {scalar(source.file)}", "", "figures:"]
    for figure in draft.figures:
        lines += _figure(figure, source.id)
    if draft.set_aside:
        lines += ["", "# Numbers that state no fact (dates, times, years, document and project",
                  "# numbers, list numbering, service levels), listed so none is lost:",
                  "set_aside:"]
        lines += [_aside(item) for item in draft.set_aside]
    return "\n".join(lines) + "\n"


def _text(vi: str, en: str | None = None) -> str:
    return f"{{vi: {scalar(vi)}, en: {scalar(en if en is not None else vi)}}}"


def _figure(figure: DraftFigure, source: str) -> list[str]:
    lines = ["", f"  - id: {figure.id}", f"    review: [{', '.join(figure.review)}]",
             f"    area: {figure.area}", f"    label: {_text(figure.label)}",
             f"    kind: {figure.kind}"]
    if figure.unit is not None:
        lines.append(f"    unit: {_text(*figure.unit)}")
    lines.append(f"    value: {number(figure.value)}")
    if figure.qualifier != "exact":
        lines.append(f"    qualifier: {figure.qualifier}")
    if figure.of is not None:
        lines.append(f"    of: {figure.of}")
    if figure.max is not None:
        lines.append(f"    max: {number(figure.max)}")
    if figure.basis is not None:
        lines.append(f"    basis: {figure.basis}")
    lines += _relations(figure)
    lines += [f"    source: {source}", f"    excerpt: {scalar(figure.excerpt)}"]
    if figure.notes:
        lines.append(f"    note: {scalar('; '.join(figure.notes))}")
    if figure.as_printed:
        lines.append("    as_printed: true   # the article's own numbers do not add up")
    return lines


def _relations(figure: DraftFigure) -> list[str]:
    lines: list[str] = []
    if figure.share is not None:
        lines += ["    share:", f"      percent: {number(_percent(figure.share))}"]
        if figure.share.whole_id:
            lines.append(f"      of: {figure.share.whole_id}")
    if figure.parts:
        lines += ["    breakdown:", "      parts:"]
        for part in figure.parts:
            lines += [f"        - id: {part.id}", f"          label: {_text(part.label)}",
                      f"          percent: {number(part.percent)}"]
    if figure.attainment is not None:
        lines += ["    attainment:", f"      percent: {number(_percent(figure.attainment))}"]
        if figure.attainment.label:
            lines.append(f"      plan: {_text(figure.attainment.label)}")
    change = figure.change
    if change is not None and change.amount is not None:
        lines.append(f"    change: {{direction: {change.direction}, amount: "
                     f"{number(change.amount)}, unit: {change.unit}, since: {change.since}}}")
    return lines


def _percent(relation: Relation) -> Decimal:
    assert relation.percent is not None
    return relation.percent


def _aside(item: SetAside) -> str:
    return (f"  - {{number: {scalar(item.number)}, why: {item.why}, line: {item.line}, "
            f"context: {scalar(item.context)}}}")


def ascii_name(name: str) -> str:
    """A province's name without diacritics, for its English name."""
    return fold(name)
