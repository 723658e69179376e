"""Figures as JSON-ready records and as tidy CSV rows: raw numbers, no locale."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cchc_cli.calc.precision import places
from cchc_cli.model import Figure, Lang, Report, Source, Text
from cchc_cli.periods import Period

if TYPE_CHECKING:
    from cchc_cli.calc.derive import Derived, FigureResult
    from cchc_cli.national import NationalTable

OUTPUT_FORMAT = "cchc-output/2"
"""The version of the JSON documents cchc writes (see the README). 2: one vocabulary
(``basis`` is stated or derived, a province is always ``{id, name}``, ``year_before``
and ``year_after`` at the top of ``compare``), places gained, qualifiers and notes."""

Record = dict[str, Any]

TIDY_COLUMNS = (
    "province", "year", "id", "area", "kind", "measure", "part", "value", "grade", "flag",
    "low", "high", "unit", "qualifier", "basis", "for_year", "label_en", "label_vi",
)
"""Columns of the tidy CSV. ``value`` is always a number: a grade (``grade_band``) is
in ``grade`` and a yes/no (``grade_agrees``) in ``flag``, with ``value`` empty."""


def num(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when it has no decimals, else a float."""
    if value is None:
        return None
    written = str(value)  # far quicker than as_tuple(), and this runs for every number
    if "E" in written or not value.is_finite():  # 1.5E+3, NaN, Infinity: the long way
        return int(value) if places(value) == 0 and value == value.to_integral_value() \
            else float(value)
    return float(value) if "." in written else int(value)


def text(value: Text | None) -> Record | None:
    """A two-language phrase as ``{"vi": ..., "en": ...}``."""
    return None if value is None else {"vi": value.vi, "en": value.en}


def province_name(province: str) -> Text:
    """The registry's name of ``province`` (the id itself if the registry lacks it)."""
    from cchc_cli.provinces import registry

    entry = registry().get(province)
    return entry.name if entry else Text(province, province)


def province_ref(province_id: str, name: Text | None = None) -> Record:
    """A province as ``{"id", "name": {"vi", "en"}}``: the name given, else the registry's,
    else the id itself."""
    return {"id": province_id, "name": text(name or province_name(province_id))}


def rounded(table: NationalTable, value: Decimal | None) -> Decimal | None:
    """A national table's score rounded half-up to the decimals its index publishes."""
    from cchc_cli.calc.precision import round_half_up

    return None if value is None else round_half_up(value, table.index.decimals)


def envelope(command: str, **body: Any) -> Record:
    """The top of every JSON document: its format version and command."""
    return {"format": OUTPUT_FORMAT, "command": command, **body}


def source_record(source: Source) -> Record:
    """A source as a record."""
    return {**source._asdict(), "note": source.note.en if source.note else None}


def period_record(period: Period) -> Record:
    """A period as ``{"key", "kind", "year", "number", "start", "end", "as_of"}``."""
    return {"key": period.full_key, "kind": period.kind, "year": period.year,
            "number": period.number, "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "as_of": period.as_of.isoformat() if period.as_of else None}


def period_column(period: Period, lang: Lang) -> str:
    """A period as a column heading: ``2024`` for a year, else its label."""
    from cchc_cli.i18n import period_label

    return str(period.year) if period.is_year else period_label(period, lang)


def report_header(report: Report) -> Record:
    """Province, period, file and sources of a report."""
    return {
        "province": {"id": report.province.id, "name": text(report.province.name),
                     "note": text(report.province.note)},
        "year": report.year,
        "period": period_record(report.period),
        "file": report.path,
        "sources": [source_record(s) for s in report.sources],
    }


def raw_formula(item: Derived) -> str:
    """The arithmetic with plain numbers: ``1818 × 100 ÷ 96.9 ≈ 1876.16``."""
    return " ".join(str(token) for token in item.formula)


def derived_record(item: Derived) -> Record:
    """A derived value; ranges as ``[low, high]``."""
    value: Any = num(item.value) if isinstance(item.value, Decimal) else item.value
    has_range = item.low is not None and item.high is not None
    return {
        "key": item.key,
        "part": item.part,
        "value": value,
        "range": [num(item.low), num(item.high)] if has_range else None,
        "unit": item.unit,
        "qualifier": item.qualifier,
        "decimals": item.decimals,
        "year": item.year,
        "label": text(item.label),
        "formula": raw_formula(item),
    }


def figure_record(result: FigureResult) -> Record:
    """A figure with its stated relations and everything derived from it."""
    figure = result.figure
    return {
        "id": figure.id,
        "area": figure.area,
        "kind": figure.kind,
        "label": text(figure.label),
        "value": num(figure.value),
        "decimals": places(figure.value),
        "qualifier": figure.qualifier,
        "unit": text(figure.unit),
        "max": num(figure.max),
        "of": figure.of,
        "percent_basis": figure.basis if figure.kind == "percent" else None,
        "basis": "derived" if figure.derived_from else "stated",
        "better": figure.better,
        "index": figure.index_id,
        "grade": figure.grade,
        "components": {code: num(score) for code, score in figure.components} or None,
        **_relations(figure),
        "derived": [derived_record(item) for item in result.derived],
        "source": figure.source,
        "excerpt": figure.excerpt,
        "note": figure.note.en if figure.note else None,
        "comparable": figure.not_comparable is None,
        "not_comparable": figure.not_comparable.en if figure.not_comparable else None,
        "derived_from": figure.derived_from,
    }


def _relations(figure: Figure) -> Record:
    share, breakdown, attainment = figure.share, figure.breakdown, figure.attainment
    target, change = figure.target, figure.change
    return {
        "share": None if share is None else {
            "percent": num(share.percent), "percent_stated": share.percent_stated,
            "out_of": num(share.out_of), "whole": text(share.whole_label),
            "rest": text(share.rest_label), "of": share.whole_figure},
        "breakdown": None if breakdown is None else {
            "parts": [_part(p) for p in breakdown.parts],
            "rest": None if breakdown.rest is None else _part(breakdown.rest)},
        "attainment": None if attainment is None else {
            "percent": num(attainment.percent), "plan": text(attainment.plan_label),
            "plan_value": num(attainment.plan)},
        "target": None if target is None else {
            "value": num(target.value), "measure": target.measure, "year": target.year,
            "label": text(target.label), "source": target.source},
        "change": None if change is None else {
            "direction": change.direction, "amount": num(change.amount), "unit": change.unit,
            "since": change.since, "of": change.of},
    }


def _part(part: Any) -> Record:
    return {"id": part.id, "label": text(part.label), "percent": num(part.percent),
            "better": part.better}


def _unit_name(figure: Figure) -> str:
    if figure.kind in ("percent", "rank"):
        return figure.kind
    if figure.kind == "score":
        return "points"
    return figure.unit.en if figure.unit else figure.kind


def tidy_rows(report: Report, result: FigureResult) -> list[Record]:
    """One row per figure and measure: the stated ones, then the derived ones."""
    figure = result.figure
    base = {"province": report.province.id, "year": report.year, "id": figure.id,
            "area": figure.area, "kind": figure.kind, "label_en": figure.label.en,
            "label_vi": figure.label.vi}

    def row(measure: str, value: Any, unit: str, *, qualifier: str = "exact",
            basis: str = "stated", part: str | None = None, low: Any = None, high: Any = None,
            for_year: int | None = None) -> Record:
        return {**base, "measure": measure, "part": part, "value": value, "grade": None,
                "flag": None, "low": low,
                "high": high, "unit": unit, "qualifier": qualifier, "basis": basis,
                "for_year": for_year}

    rows = [row("value", num(figure.value), _unit_name(figure), qualifier=figure.qualifier,
                basis="derived" if figure.derived_from else "stated")]
    rows += _stated_rows(figure, row)
    for item in result.derived:
        unit = _unit_name(figure) if item.unit == figure.kind else item.unit
        derived = row(item.key, None, unit, qualifier=item.qualifier, basis="derived",
                      part=item.part, low=num(item.low), high=num(item.high),
                      for_year=item.year)
        derived[_column_of(item.value)] = num(item.value) if isinstance(item.value, Decimal) \
            else item.value
        rows.append(derived)
    return rows


def _column_of(value: object) -> str:
    """The tidy column a derived value goes in: a number, a yes/no or a grade."""
    if isinstance(value, bool):
        return "flag"
    return "grade" if isinstance(value, str) else "value"


def _stated_rows(figure: Figure, row: Any) -> list[Record]:
    rows = []
    if figure.max is not None:
        rows.append(row("max", num(figure.max), "points"))
    if figure.of is not None:
        rows.append(row("field_size", figure.of, "provinces"))
    if figure.share is not None:
        rows.append(row("share_percent", num(figure.share.percent), "percent"))
    if figure.breakdown is not None:
        rows += [row("part_percent", num(p.percent), "percent", part=p.id)
                 for p in figure.breakdown.parts]
    if figure.attainment is not None:
        rows.append(row("attainment_percent", num(figure.attainment.percent), "percent"))
    if figure.target is not None:
        unit = "percent" if figure.kind == "percent" or figure.target.measure == "share" \
            else _unit_name(figure)
        rows.append(row("target", num(figure.target.value), unit, for_year=figure.target.year))
    if figure.change is not None:
        signed = figure.change.amount if figure.change.direction == "up" else -figure.change.amount
        rows.append(row("stated_change", num(signed), figure.change.unit,
                        for_year=figure.change.since))
    return rows
