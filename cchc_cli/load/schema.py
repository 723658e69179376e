"""The ``cchc-report/1`` format: turn a node tree into a ``Report``.

Everything a report may contain is read here, with each rule stated once.
The format is documented in ``docs/data-format.md``.
"""

from __future__ import annotations

import os
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import Any, TypeGuard

from cchc_cli.load.fields import FieldReader, Fields
from cchc_cli.load.yamltree import Mapping, Node, Scalar
from cchc_cli.model import (
    AREAS,
    FORMAT,
    KINDS,
    QUALIFIERS,
    Attainment,
    Band,
    Breakdown,
    Change,
    Component,
    Figure,
    Headline,
    Index,
    Part,
    Position,
    Province,
    Report,
    ReviewMark,
    Share,
    Source,
    Target,
    Text,
)
from cchc_cli.periods import SYNTAX as PERIOD_SYNTAX
from cchc_cli.periods import Period, parse_period, year_period

BETTER = ("higher", "lower", "neither")
"""Which way is good for a figure or a part; ``neither`` for counts like dossiers received."""

MAX_FIGURES = 2000
"""Most figures one report may hold; a real year-end report has a few dozen."""

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_FIGURE_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_FILE_PERIOD = re.compile(r"report_([0-9]{4}(?:-(?:h[12]|q[1-4]|[01][0-9]|ytd))?)(?:[_.-]|\Z)",
                          re.IGNORECASE)

_FIGURE_REQUIRED = ("id", "area", "label", "kind", "value", "source", "excerpt")
_FIGURE_OPTIONAL = (
    "qualifier", "unit", "max", "of", "basis", "better", "index", "grade", "components",
    "share", "breakdown", "attainment", "target", "change", "note", "review", "as_printed",
    "not_comparable",
)
_FILE_GUESSES = ("province", "year", "period", "as_of", "sources", "indices", "headline",
                 "figures", "set_aside")
SET_ASIDE_REASONS = ("date", "time", "year", "period", "document_number", "project_number",
                     "list_number", "service_level", "name", "unclear", "other")
"""Why a draft set a number aside as stating no fact."""


class _Context:
    """What figure rules need to know about the rest of the file."""

    def __init__(self, reader: FieldReader, year: int | None) -> None:
        self.reader = reader
        self.year = year
        self.period: Period | None = None
        self.sources: dict[str, Source] = {}
        self.indices: dict[str, Index] = {}
        self.source_ids: set[str] = set()
        """Every source id written, even one whose source has problems of its own."""
        self.figure_kinds: dict[str, str] = {}
        """Id to kind of every figure written, even one with problems of its own."""
        self.marks: list[ReviewMark] = []
        """The guesses a draft marks for review."""


def build_report(root: Node, path: str, reader: FieldReader) -> Report | None:
    """Build a ``Report`` from ``root``; return None if any problem was found."""
    if not isinstance(root, Mapping):
        reader.fail(root, "", "the top level must be a mapping of fields",
                    "start the file with 'format: cchc-report/1'")
        return None
    fields = reader.fields(root, "", ("format", "province", "sources", "figures"),
                           ("year", "period", "as_of", "indices", "headline", "review",
                            "set_aside"))
    if fields is None:
        return None
    if "format" in fields:
        _check_format(fields["format"], reader)
    period = _period(root, fields, path, reader)
    year = period.year if period is not None else None
    province = _province(fields["province"], reader) if "province" in fields else None
    context = _Context(reader, year)
    context.period = period
    sources = _sources(fields.get("sources"), context)
    indices = _indices(fields.get("indices"), context)
    figures = _figures(fields.get("figures"), context)
    headline = _headline(fields.get("headline"), context)
    _check_references(figures, context)
    if "review" in fields:
        _review(fields["review"], "review", "", _FILE_GUESSES, context)
    if "set_aside" in fields:
        _set_aside(fields["set_aside"], reader)
    if reader.problems or province is None or period is None:
        return None
    marks = sorted(context.marks, key=lambda mark: mark.position.line)
    return Report(province, period.year, sources, indices, headline, figures, path, period,
                  tuple(marks))


def _review(node: Node, field: str, owner: str, known: tuple[str, ...],
            context: _Context) -> None:
    """A draft's list of guessed fields, each one the owner may hold."""
    reader = context.reader
    guesses = []
    for position, item in enumerate(reader.items(node, field)):
        name = reader.choice(item, f"{field}[{position}]", known)
        if name is not None:
            guesses.append(name)
    if guesses:
        context.marks.append(ReviewMark(owner, tuple(guesses),
                                        Position(reader.path, node.line, node.column)))


def _set_aside(node: Node, reader: FieldReader) -> None:
    """A draft's numbers that state no fact, each with the reason."""
    for position, item in enumerate(reader.items(node, "set_aside")):
        field = f"set_aside[{position}]"
        fields = reader.fields(item, field, ("number", "why"), ("line", "context"))
        if fields is None:
            continue
        if "number" in fields:
            reader.string(fields["number"], f"{field}.number")
        if "why" in fields:
            reader.choice(fields["why"], f"{field}.why", SET_ASIDE_REASONS)
        if "line" in fields:
            reader.integer(fields["line"], f"{field}.line", 1, None)
        if "context" in fields:
            reader.string(fields["context"], f"{field}.context")


def _check_format(node: Node, reader: FieldReader) -> None:
    value = reader.string(node, "format")
    if value is not None and value != FORMAT:
        reader.fail(node, "format", f"unknown format '{value}'",
                    f"this version of cchc reads '{FORMAT}'")


def _period(root: Mapping, fields: Fields, path: str, reader: FieldReader) -> Period | None:
    """The report's period from ``year``, ``period`` and ``as_of``, checked against each other
    and against the file name."""
    year_node, period_node = fields.get("year"), fields.get("period")
    if year_node is None and period_node is None:
        reader.fail(root, "year", "missing required field 'year'",
                    "add 'year: 2024' (and 'period: 2024-07' for a part of the year)")
        return None
    year = None if year_node is None else reader.integer(year_node, "year", 1990, 2100,
                                                         "a report year such as 2023")
    period = None if period_node is None else _period_value(period_node, reader)
    if period_node is not None and period is None:
        return None
    if period is None:
        if year is None:
            return None
        period = year_period(year)
    elif year is not None and year != period.year and period_node is not None:
        reader.fail(period_node, "year",
                    f"the year {year} disagrees with the period {period.key}",
                    "correct one of them (or leave 'year' out)")
        return None
    period = _as_of_field(fields.get("as_of"), period, period_node or root, reader)
    field = "period" if period_node is not None else "year"
    if period is not None and not _agrees_with_name(period, path, fields[field], field, reader):
        return None
    return period


def _period_value(node: Node, reader: FieldReader) -> Period | None:
    # a plain year (period: 2024) is a period as written, not a number YAML would read
    if isinstance(node, Scalar) and node.plain and node.text.isdigit():
        text: str | None = node.text
    else:
        text = reader.string(node, "period")
    if text is None:
        return None
    try:
        period = parse_period(text)
    except ValueError as error:
        reader.fail(node, "period", str(error), f"write it as {PERIOD_SYNTAX}")
        return None
    if period.as_of is not None:
        reader.fail(node, "period", "the date a year to date runs to goes in 'as_of'",
                    f"write 'period: {period.key}' and 'as_of: {period.as_of.isoformat()}'")
        return None
    return period


def _as_of_field(node: Node | None, period: Period, near: Node,
                 reader: FieldReader) -> Period | None:
    """A year to date needs the day it runs to; no other period takes one."""
    if node is None:
        if period.kind == "ytd":
            reader.fail(near, "as_of", "a year-to-date report needs the day it runs to",
                        f"add 'as_of: {period.year}-MM-DD' (the last day the figures cover)")
            return None
        return period
    if period.kind != "ytd":
        reader.fail(node, "as_of", f"'as_of' is only for a year to date, not {period.key}",
                    f"remove it, or write 'period: {period.year}-ytd'")
        return None
    text = reader.date(node, "as_of")
    if text is None:
        return None
    if len(text) != 10 or not text.startswith(f"{period.year}-"):
        reader.fail(node, "as_of", f"'{text}' is not a day of {period.year}",
                    f"write the full date, {period.year}-MM-DD")
        return None
    return period.with_as_of(date.fromisoformat(text))


def _agrees_with_name(period: Period, path: str, node: Node, field: str,
                      reader: FieldReader) -> bool:
    """``report_2024-07.yaml`` must hold July 2024; a name without a period says nothing."""
    name = os.path.basename(path)
    match = _FILE_PERIOD.match(name)
    if match is None:
        return True
    try:
        named = parse_period(match.group(1))
    except ValueError:
        return True
    if named.key != period.key:
        reader.fail(node, field, f"the {field} {period.key} disagrees with the file name {name}",
                    f"rename the file or correct the {field}")
        return False
    return True


def _complete(fields: Fields | None, required: tuple[str, ...]) -> TypeGuard[Fields]:
    """The mapping was read and has every required key (a missing one is already reported)."""
    return fields is not None and all(key in fields for key in required)


def _province(node: Node, reader: FieldReader) -> Province | None:
    fields = reader.fields(node, "province", ("id", "name"), ("note",))
    if not _complete(fields, ("id", "name")):
        return None
    slug = reader.string(fields["id"], "province.id")
    if slug is not None and not _SLUG.match(slug):
        reader.fail(fields["id"], "province.id", f"'{slug}' is not a slug",
                    "use lower-case ASCII words joined by '-', e.g. ha-giang")
        slug = None
    name = reader.text(fields["name"], "province.name")
    note = reader.text(fields["note"], "province.note") if "note" in fields else None
    if slug is None or name is None:
        return None
    return Province(slug, name, note)


def _sources(node: Node | None, context: _Context) -> tuple[Source, ...]:
    reader = context.reader
    if node is None:
        return ()
    items = reader.items(node, "sources")
    if isinstance(node, Mapping) or not items:
        if not items:
            reader.fail(node, "sources", "no sources", "list where the figures come from")
        return ()
    for item in items:
        if isinstance(item, Mapping) and "id" in item.entries:
            written = getattr(item.entries["id"][1], "text", None)
            if isinstance(written, str):
                context.source_ids.add(written)
    _collect(items, "sources", "source", lambda n, f: _source(n, f, reader),
             into=context.sources, reader=reader)
    return tuple(context.sources.values())


def _collect(items: list[Node], field: str, what: str, build: Any, *, into: dict[str, Any],
             reader: FieldReader) -> None:
    """Build each item into ``into`` by its id, reporting ids given twice."""
    for position, item in enumerate(items):
        built = build(item, f"{field}[{position}]")
        if built is None:
            continue
        if built.id in into:
            reader.fail(item, f"{field}[{position}].id", f"duplicate {what} id '{built.id}'",
                        f"give each {what} its own id")
            continue
        into[built.id] = built


def _source(node: Node, field: str, reader: FieldReader) -> Source | None:
    fields = reader.fields(node, field, ("id", "publisher", "title", "date", "language"),
                           ("url", "file", "author", "note"))
    if fields is None:
        return None
    values: dict[str, Any] = {}
    for key, item in fields.items():
        getter = {"date": reader.date, "note": reader.note}.get(key, reader.string)
        values[key] = getter(item, f"{field}.{key}")
    language = values.get("language")
    if language is not None and language not in ("vi", "en"):
        reader.fail(fields["language"], f"{field}.language",
                    f"'{language}' is not a supported language", "use vi or en")
        return None
    required = ("id", "publisher", "title", "date", "language")
    if any(value is None for value in values.values()) or any(k not in values for k in required):
        return None
    return Source(**values)


def _indices(node: Node | None, context: _Context) -> tuple[Index, ...]:
    reader = context.reader
    if node is None:
        return ()
    _collect(reader.items(node, "indices"), "indices", "index",
             lambda n, f: _index(n, f, reader), into=context.indices, reader=reader)
    return tuple(context.indices.values())


def _index(node: Node, field: str, reader: FieldReader) -> Index | None:
    fields = reader.fields(node, field, ("id", "name"),
                           ("basis", "max", "components", "components_note", "bands",
                            "bands_note"))
    if fields is None or "id" not in fields or "name" not in fields:
        return None
    index_id = reader.string(fields["id"], f"{field}.id")
    name = reader.text(fields["name"], f"{field}.name")
    basis = _optional(fields, "basis", field, reader.string)
    top = _optional(fields, "max", field, lambda n, f: reader.number(n, f, _ZERO))
    components = tuple(
        component
        for position, item in enumerate(reader.items(fields["components"], f"{field}.components")
                                        if "components" in fields else [])
        if (component := _component(item, f"{field}.components[{position}]", reader))
    )
    bands = tuple(
        band
        for position, item in enumerate(reader.items(fields["bands"], f"{field}.bands")
                                        if "bands" in fields else [])
        if (band := _band(item, f"{field}.bands[{position}]", reader))
    )
    _check_bands(bands, fields.get("bands"), f"{field}.bands", reader)
    if index_id is None or name is None:
        return None
    return Index(index_id, name, basis, top, components,
                 _optional(fields, "components_note", field, reader.string), bands,
                 _optional(fields, "bands_note", field, reader.string))


def _component(node: Node, field: str, reader: FieldReader) -> Component | None:
    fields = reader.fields(node, field, ("code", "label", "max"), ())
    if not _complete(fields, ("code", "label", "max")):
        return None
    code = reader.string(fields["code"], f"{field}.code")
    label = reader.text(fields["label"], f"{field}.label")
    top = reader.number(fields["max"], f"{field}.max", _ZERO)
    if code is None or label is None or top is None:
        return None
    return Component(code, label, top)


def _band(node: Node, field: str, reader: FieldReader) -> Band | None:
    fields = reader.fields(node, field, ("grade", "label", "certainty"), ("min", "below"))
    if not _complete(fields, ("grade", "label", "certainty")):
        return None
    grade = reader.string(fields["grade"], f"{field}.grade")
    label = reader.text(fields["label"], f"{field}.label")
    certainty = reader.choice(fields["certainty"], f"{field}.certainty",
                              ("confirmed", "observed", "assumed"))
    low = _optional(fields, "min", field, reader.number)
    below = _optional(fields, "below", field, reader.number)
    if low is not None and below is not None and low >= below:
        reader.fail(fields["below"], f"{field}.below", f"the band is empty: {low} to below {below}",
                    "'min' is the lowest score in the band, 'below' the first score above it")
        return None
    if grade is None or label is None or certainty is None:
        return None
    return Band(grade, label, low, below, certainty)


def _check_bands(bands: tuple[Band, ...], node: Node | None, field: str,
                 reader: FieldReader) -> None:
    """Bands may not overlap: a score must have one grade."""
    if node is None:
        return
    ordered = sorted(bands, key=lambda b: b.min if b.min is not None else Decimal("-Infinity"))
    for lower, upper in pairwise(ordered):
        if lower.below is None or (upper.min is not None and lower.below > upper.min):
            reader.fail(node, field, f"the bands '{lower.grade}' and '{upper.grade}' overlap",
                        "each score must fall in exactly one band")


def _optional(fields: Fields, key: str, field: str, getter: Any) -> Any:
    return getter(fields[key], f"{field}.{key}") if key in fields else None


def _headline(node: Node | None, context: _Context) -> Headline:
    reader = context.reader
    if node is None:
        return Headline(None, None)
    fields = reader.fields(node, "headline", (), ("score", "rank"))
    if fields is None:
        return Headline(None, None)
    kinds = context.figure_kinds
    chosen: dict[str, str | None] = {"score": None, "rank": None}
    for key, item in fields.items():
        figure_id = reader.string(item, f"headline.{key}")
        if figure_id is None:
            continue
        if figure_id not in kinds:
            reader.fail(item, f"headline.{key}", f"no figure has the id '{figure_id}'",
                        "name a figure listed under 'figures'")
        elif kinds[figure_id] != key:
            reader.fail(item, f"headline.{key}",
                        f"'{figure_id}' is a {kinds[figure_id]}, not a {key}",
                        f"name a figure of kind {key}")
        else:
            chosen[key] = figure_id
    return Headline(chosen["score"], chosen["rank"])


def _figures(node: Node | None, context: _Context) -> tuple[Figure, ...]:
    reader = context.reader
    if node is None:
        return ()
    items = reader.items(node, "figures")
    if len(items) > MAX_FIGURES:
        reader.fail(node, "figures", f"{len(items)} figures is more than the limit of "
                    f"{MAX_FIGURES}", "split the data into one file per province and year")
        return ()
    figures: dict[str, Figure] = {}
    for position, item in enumerate(items):
        _note_kind(item, context)
        figure = _figure(item, _figure_field(item, position), context)
        if figure is None:
            continue
        first = figures.get(figure.id)
        if first is not None:
            reader.fail(item, _figure_field(item, position), f"duplicate figure id '{figure.id}' "
                        f"(first at line {first.position.line})", "give each figure its own id")
            continue
        figures[figure.id] = figure
    return tuple(figures.values())


def _note_kind(node: Node, context: _Context) -> None:
    """Remember a figure's id and kind before its other fields are checked."""
    if isinstance(node, Mapping):
        ids, kinds = node.entries.get("id"), node.entries.get("kind")
        figure_id = getattr(ids[1], "text", None) if ids else None
        kind = getattr(kinds[1], "text", "") if kinds else ""
        if isinstance(figure_id, str):
            context.figure_kinds.setdefault(figure_id, kind)


def _figure_field(node: Node, position: int) -> str:
    """``figures[online_public_services]`` when the id is readable, else ``figures[3]``."""
    if isinstance(node, Mapping) and "id" in node.entries:
        id_node = node.entries["id"][1]
        text = getattr(id_node, "text", "")
        if isinstance(text, str) and _FIGURE_ID.match(text):
            return f"figures[{text}]"
    return f"figures[{position}]"


def _figure(node: Node, field: str, context: _Context) -> Figure | None:
    reader = context.reader
    fields = reader.fields(node, field, _FIGURE_REQUIRED, _FIGURE_OPTIONAL)
    if fields is None or any(key not in fields for key in _FIGURE_REQUIRED):
        if fields is not None:
            _figure_parts(fields, field, context)  # still report what else is wrong
        return None
    values = _figure_parts(fields, field, context)
    if values is None:
        return None
    assert isinstance(node, Mapping)
    if "review" in fields:
        known = tuple(k for k in (*_FIGURE_REQUIRED, *_FIGURE_OPTIONAL) if k != "review")
        _review(fields["review"], f"{field}.review", f"figures[{values['id']}]", known, context)
    return Figure(**values, position=Position(reader.path, node.line, node.column))


def _figure_parts(fields: Fields, field: str, context: _Context) -> dict[str, Any] | None:
    """Read every field of a figure; None if any is wrong."""
    reader = context.reader
    before = len(reader.problems)

    def get(key: str, getter: Any) -> Any:
        return _optional(fields, key, field, getter)

    kind = get("kind", lambda n, f: reader.choice(n, f, KINDS))
    values: dict[str, Any] = {
        "id": get("id", lambda n, f: _figure_id(n, f, reader)),
        "area": get("area", lambda n, f: reader.choice(n, f, AREAS)),
        "label": get("label", reader.text),
        "kind": kind,
        "qualifier": get("qualifier", lambda n, f: reader.choice(n, f, QUALIFIERS)) or "exact",
        "unit": get("unit", reader.text),
        "max": get("max", lambda n, f: reader.number(n, f, _ZERO)),
        "of": get("of", lambda n, f: reader.integer(n, f, 1, 10_000)),
        "basis": get("basis", lambda n, f: reader.choice(n, f, ("whole", "plan"))) or "whole",
        "better": get("better", lambda n, f: reader.choice(n, f, BETTER)),
        "index_id": get("index", reader.string),
        "grade": get("grade", reader.string),
        "source": get("source", reader.string),
        "excerpt": get("excerpt", reader.string),
        "note": get("note", reader.note),
        "as_printed": bool(get("as_printed", reader.flag)),
        "not_comparable": get("not_comparable", lambda n, f: _reason(n, f, reader)),
    }
    values["value"] = _value(fields.get("value"), kind, values, field, reader)
    values["components"] = _components(fields.get("components"), field, reader)
    values["share"] = get("share", lambda n, f: _share(n, f, reader, values["value"]))
    values["breakdown"] = get("breakdown", lambda n, f: _breakdown(n, f, reader))
    values["attainment"] = get("attainment", lambda n, f: _attainment(n, f, reader))
    values["target"] = get("target", lambda n, f: _target(n, f, context))
    values["change"] = get("change", lambda n, f: _change(n, f, context))
    complete = all(key in fields for key in _FIGURE_REQUIRED) and values["value"] is not None
    if len(reader.problems) == before and kind is not None and complete:
        _kind_rules(fields, field, values, context)
    if len(reader.problems) != before:
        return None
    return values


def _reason(node: Node, field: str, reader: FieldReader) -> Text | None:
    """A reason in words: a figure marked not comparable says why."""
    value = reader.note(node, field)
    if value is not None and not (value.vi.strip() and value.en.strip()):
        reader.fail(node, field, "the reason is empty",
                    "say why the figure is not comparable across periods, or remove the field")
        return None
    return value


def _figure_id(node: Node, field: str, reader: FieldReader) -> str | None:
    value = reader.string(node, field)
    if value is not None and not _FIGURE_ID.match(value):
        reader.fail(node, field, f"'{value}' is not a snake_case id",
                    "use lower-case English words joined by '_', e.g. online_public_services")
        return None
    return value


def _value(node: Node | None, kind: str | None, values: dict[str, Any], field: str,
           reader: FieldReader) -> Decimal | None:
    """The figure's value, with the range its kind allows."""
    if node is None:
        return None
    field = f"{field}.value"
    if kind in ("count", "rank"):
        low = 1 if kind == "rank" else 0
        why = "a rank starts at 1" if kind == "rank" else "a count cannot be negative"
        number = reader.integer(node, field, low, None, why)
        return None if number is None else Decimal(number)
    if kind == "percent" and values.get("basis") != "plan":
        return reader.number(node, field, _ZERO, _HUNDRED,
                             "a share of a whole lies between 0 and 100; for a share of a "
                             "plan, which may pass 100, add 'basis: plan'")
    if kind in ("percent", "score", "duration"):
        return reader.number(node, field, _ZERO, None, f"a {kind} cannot be negative")
    return reader.number(node, field)


def _components(node: Node | None, field: str,
                reader: FieldReader) -> tuple[tuple[str, Decimal], ...]:
    if node is None:
        return ()
    field = f"{field}.components"
    if not isinstance(node, Mapping):
        reader.fail(node, field, "expected a mapping of component code to score",
                    "write e.g. 'CKMB: 15.2'")
        return ()
    result = []
    for code, (_key, item) in node.entries.items():
        number = reader.number(item, f"{field}.{code}", _ZERO)
        if number is not None:
            result.append((code, number))
    return tuple(result)


SHARE_DECIMALS = 1
"""Decimals of a share cchc works out from two stated counts, as reports print them."""


def _share(node: Node, field: str, reader: FieldReader, value: Decimal | None) -> Share | None:
    fields = reader.fields(node, field, (), ("percent", "out_of", "whole", "rest", "of"))
    if fields is None:
        return None
    if "out_of" not in fields:  # an empty percent is to be filled: without it the share fails
        reader.required.add(f"{field}.percent")
    if "percent" not in fields and "out_of" not in fields:
        reader.fail(node, field, "a share needs 'percent', or 'out_of' for a count of a count",
                    "write 'percent: 96.9', or 'out_of: 511' for \"421 of 511\"")
        return None
    percent = _optional(fields, "percent", field, lambda n, f: reader.number(
        n, f, _ZERO, _HUNDRED, "a share of a whole lies between 0 and 100"))
    out_of = _optional(fields, "out_of", field, lambda n, f: reader.number(
        n, f, _ZERO, None, "the whole is a count"))
    whole = _optional(fields, "whole", field, reader.text)
    rest = _optional(fields, "rest", field, reader.text)
    whole_figure = _optional(fields, "of", field, reader.string)
    if out_of is not None and value is not None and (out_of == 0 or value > out_of):
        reader.fail(fields["out_of"], f"{field}.out_of",
                    f"{value} cannot be a share of {out_of}",
                    "'out_of' is the whole the value is part of; it must be larger")
        return None
    if percent is None and out_of is not None and value is not None:
        worked = (value * _HUNDRED / out_of).quantize(Decimal(1).scaleb(-SHARE_DECIMALS),
                                                      rounding=ROUND_HALF_UP)
        return Share(worked, whole, rest, whole_figure, out_of, percent_stated=False)
    if percent is None:
        return None
    return Share(percent, whole, rest, whole_figure, out_of)


def _breakdown(node: Node, field: str, reader: FieldReader) -> Breakdown | None:
    fields = reader.fields(node, field, ("parts",), ("rest",))
    if fields is None or "parts" not in fields:
        return None
    parts: list[Part] = []
    for position, item in enumerate(reader.items(fields["parts"], f"{field}.parts")):
        part = _part(item, f"{field}.parts[{position}]", reader, with_percent=True)
        if part is None:
            continue
        if any(p.id == part.id for p in parts):
            reader.fail(item, f"{field}.parts[{position}].id", f"duplicate part id '{part.id}'",
                        "give each part its own id")
            continue
        parts.append(part)
    rest = _optional(fields, "rest", field,
                     lambda n, f: _part(n, f, reader, with_percent=False))
    if not parts:
        return None
    return Breakdown(tuple(parts), rest)


def _part(node: Node, field: str, reader: FieldReader, *, with_percent: bool) -> Part | None:
    required = ("id", "label", "percent") if with_percent else ("id", "label")
    fields = reader.fields(node, field, required, ("better",))
    if fields is None or any(key not in fields for key in required):
        return None
    part_id = _figure_id(fields["id"], f"{field}.id", reader)
    label = reader.text(fields["label"], f"{field}.label")
    percent = (reader.number(fields["percent"], f"{field}.percent", _ZERO, _HUNDRED,
                             "a share of a whole lies between 0 and 100")
               if with_percent else None)
    better = _optional(fields, "better", field,
                       lambda n, f: reader.choice(n, f, BETTER))
    if part_id is None or label is None or (with_percent and percent is None):
        return None
    return Part(part_id, label, percent, better)


def _attainment(node: Node, field: str, reader: FieldReader) -> Attainment | None:
    fields = reader.fields(node, field, ("percent",), ("plan", "plan_value"))
    if fields is None or "percent" not in fields:
        return None
    percent = reader.number(fields["percent"], f"{field}.percent", _ZERO, None,
                            "an attainment cannot be negative")
    plan_label = _optional(fields, "plan", field, reader.text)
    plan_value = _optional(fields, "plan_value", field, lambda n, f: reader.number(n, f, _ZERO))
    if percent is None:
        return None
    return Attainment(percent, plan_label, plan_value)


def _target(node: Node, field: str, context: _Context) -> Target | None:
    reader = context.reader
    fields = reader.fields(node, field, ("value",), ("measure", "year", "label", "source"))
    if fields is None or "value" not in fields:
        return None
    value = reader.number(fields["value"], f"{field}.value")
    measure = _optional(fields, "measure", field,
                        lambda n, f: reader.choice(n, f, ("value", "share"))) or "value"
    year = _optional(fields, "year", field, lambda n, f: reader.integer(n, f, 1990, 2100))
    label = _optional(fields, "label", field, reader.text)
    source = _optional(fields, "source", field, reader.string)
    if value is None:
        return None
    return Target(value, measure, year, label, source)  # type: ignore[arg-type]


def _change(node: Node, field: str, context: _Context) -> Change | None:
    reader = context.reader
    fields = reader.fields(node, field, ("direction", "amount", "unit", "since"), ("of",))
    if not _complete(fields, ("direction", "amount", "unit", "since")):
        return None
    direction = reader.choice(fields["direction"], f"{field}.direction", ("up", "down"))
    amount = reader.number(fields["amount"], f"{field}.amount", _ZERO, None,
                           "give the size of the change; 'direction' says which way")
    unit = reader.choice(fields["unit"], f"{field}.unit", ("places", "points", "percent", "count"))
    latest = (context.year - 1) if context.year else 2100
    since = reader.integer(fields["since"], f"{field}.since", 1990, latest,
                           "the year compared with comes before the report's year")
    field_size = _optional(fields, "of", field, lambda n, f: reader.integer(n, f, 1, 10_000))
    if direction is None or amount is None or unit is None or since is None:
        return None
    return Change(direction, amount, unit, since, field_size)  # type: ignore[arg-type]


def _kind_rules(fields: Fields, field: str, values: dict[str, Any], context: _Context) -> None:
    """Rules that tie a figure's fields to its kind."""
    reader = context.reader
    kind, value = values["kind"], values["value"]
    _allowed_with(fields, field, kind, reader)
    if kind == "rank":
        if values["of"] is None:
            values["of"] = _provinces_then(context.period)
            values["of_stated"] = False
        if values["of"] is None:
            reader.fail(fields["value"], f"{field}.of", "a rank needs 'of', the size of its field",
                        "add e.g. 'of: 63' (63 provinces until mid-2025, 34 after)")
        elif value > values["of"]:
            reader.fail(fields["value"], f"{field}.value",
                        f"rank {value} is outside its field of {values['of']}",
                        "a rank lies between 1 and 'of'")
    if kind == "money" and values["unit"] is None:
        reader.fail(fields["value"], f"{field}.unit", "an amount of money needs a unit",
                    "add e.g. 'unit: {vi: tỷ đồng, en: billion VND}'")
    _score_rules(fields, field, values, context)
    _change_rules(fields, field, values, reader)
    target = values["target"]
    if target is not None and target.measure == "share" and values["share"] is None:
        reader.fail(fields["target"], f"{field}.target.measure",
                    "the target is for the share, but the figure states no share",
                    "add 'share:' or set 'measure: value'")
    _breakdown_rules(fields, field, values, reader)


def _provinces_then(period: Period | None) -> int | None:
    """How many provinces there were at the end of ``period`` (None before 2008)."""
    if period is None:
        return None
    from cchc_cli.provinces import registry

    try:
        return registry().field_size(period.end)
    except ValueError:
        return None


_ONLY_FOR = {
    "max": ("score",),
    "of": ("rank",),
    "index": ("score", "rank"),
    "grade": ("score",),
    "components": ("score",),
    "basis": ("percent",),
    "share": ("count", "money", "duration"),
    "breakdown": ("count", "money", "duration"),
    "attainment": ("count", "money", "duration"),
}


def _allowed_with(fields: Fields, field: str, kind: str, reader: FieldReader) -> None:
    for key, kinds in _ONLY_FOR.items():
        if key in fields and kind not in kinds:
            reader.fail(fields[key], f"{field}.{key}", f"'{key}' does not apply to a {kind}",
                        f"'{key}' is for kind {' or '.join(kinds)}; remove it or fix 'kind'")


def _score_rules(fields: Fields, field: str, values: dict[str, Any], context: _Context) -> None:
    reader = context.reader
    if values["index_id"] is not None and values["index_id"] not in context.indices:
        reader.fail(fields["index"], f"{field}.index",
                    f"no index has the id '{values['index_id']}'",
                    "declare it under 'indices' or correct the id")
        return
    index = context.indices.get(values["index_id"])
    if values["kind"] != "score":
        return
    top = values["max"] if values["max"] is not None else (index.max if index else None)
    values["max"] = top
    if top is not None and values["value"] > top:
        reader.fail(fields["value"], f"{field}.value",
                    f"the score {values['value']} is above its maximum {top}",
                    "check the score and 'max'")
    # a grade is kept as the source reports it, even one the index's bands do not
    # name ("Trung bình khá"); 'cchc check' holds it against the band of the score
    _component_rules(fields, field, values, index, reader)


def _component_rules(fields: Fields, field: str, values: dict[str, Any], index: Index | None,
                     reader: FieldReader) -> None:
    if not values["components"]:
        return
    maxima = {c.code: c.max for c in index.components} if index else {}
    for code, score in values["components"]:
        node = fields["components"]
        if code not in maxima:
            reader.fail(node, f"{field}.components.{code}", f"'{code}' is not a component of the "
                        "figure's index", f"use one of: {', '.join(maxima) or '(none declared)'}")
        elif score > maxima[code]:
            reader.fail(node, f"{field}.components.{code}",
                        f"{score} is above the component's maximum {maxima[code]}",
                        "check the component score")


def _change_rules(fields: Fields, field: str, values: dict[str, Any],
                  reader: FieldReader) -> None:
    change: Change | None = values["change"]
    if change is None:
        return
    units = {"rank": ("places",), "percent": ("points", "percent"), "score": ("points", "percent"),
             "count": ("count", "percent")}.get(values["kind"], ("count", "percent"))
    if change.unit not in units:
        reader.fail(fields["change"], f"{field}.change.unit",
                    f"a {values['kind']} does not change in {change.unit}",
                    f"use {' or '.join(units)}")
    if change.unit == "percent" and change.direction == "down" and change.amount >= _HUNDRED:
        reader.fail(fields["change"], f"{field}.change.amount",
                    f"a fall of {change.amount}% would leave nothing", "check the amount")


def _breakdown_rules(fields: Fields, field: str, values: dict[str, Any],
                     reader: FieldReader) -> None:
    breakdown: Breakdown | None = values["breakdown"]
    if breakdown is None:
        return
    if breakdown.rest is not None and any(p.id == breakdown.rest.id for p in breakdown.parts):
        reader.fail(fields["breakdown"], f"{field}.breakdown.rest.id",
                    f"the rest has the same id as a part ('{breakdown.rest.id}')",
                    "give the rest its own id")


def _check_references(figures: tuple[Figure, ...], context: _Context) -> None:
    """Figures must name sources, and wholes, that exist in the file."""
    reader = context.reader
    ids = {figure.id for figure in figures}
    for figure in figures:
        here = figure.position
        refs = [("source", figure.source)]
        if figure.target is not None and figure.target.source is not None:
            refs.append(("target.source", figure.target.source))
        for key, ref in refs:
            if ref not in context.source_ids:
                reader.problems.append(reader_problem(here, f"figures[{figure.id}].{key}",
                                                      f"no source has the id '{ref}'",
                                                      "list it under 'sources'"))
        whole = figure.share.whole_figure if figure.share else None
        if whole is not None and whole not in ids:
            reader.problems.append(reader_problem(here, f"figures[{figure.id}].share.of",
                                                  f"no figure has the id '{whole}'",
                                                  "name the figure that is the whole"))


def reader_problem(here: Position, field: str, message: str, hint: str) -> Any:
    """A problem at a figure's position."""
    from cchc_cli.load.problems import Problem

    return Problem(here.path, here.line, here.column, field, message, hint)
