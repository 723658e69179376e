"""A new report skeleton made from an earlier report, for the next year's figures.

Its ``# comments`` are written in the language asked for (see ``i18n.template_comments``).

The skeleton keeps ids, areas, kinds, labels, units, indices and the shape of
each relation, and leaves every value that belongs to the new year empty, so
``cchc validate`` points at each one until it is filled in.
"""

from __future__ import annotations

import json
from decimal import Decimal

from cchc_cli.i18n import template_comments
from cchc_cli.model import AREAS, FORMAT, KINDS, Figure, Index, Lang, Province, Report, Text
from cchc_cli.periods import Period

NEW_SOURCE = "new-source"


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _text(text: Text) -> str:
    return f"{{vi: {_q(text.vi)}, en: {_q(text.en)}}}"


def _number(value: Decimal) -> str:
    return str(value)


def file_name(period: Period) -> str:
    """The file name a report for ``period`` goes by: ``report_2024-07.yaml``."""
    return f"report_{period.key}.yaml"


def _head(province: Province, period: Period, made_from: str) -> list[str]:
    """The comment, format, province, period and a source to fill in."""
    lines = [
        f"# cchc report for {province.name.vi}, {period.full_key}{made_from}.",
        "# Fill in every empty value, name the source of each figure, delete the figures",
        "# and relations the new report does not give, then run: cchc validate FILE",
        f"# (save it as {file_name(period)}).",
        f"format: {FORMAT}",
        "province:",
        f"  id: {province.id}",
        f"  name: {_text(province.name)}",
    ]
    if period.is_year:
        lines.append(f"year: {period.year}")
    else:
        lines.append(f"period: {period.key}")
    if period.kind == "ytd":
        day = period.as_of.isoformat() if period.as_of else ""
        lines.append(f"as_of: {day:<19}# the last day the figures cover, YYYY-MM-DD")
    return [*lines, "", "sources:", f"  - id: {NEW_SOURCE}", "    publisher:", "    title:",
            "    date:                # YYYY-MM-DD; YYYY-MM or YYYY if that is all; or unknown",
            "    language: vi", "    # url: https://..."]


def render_blank(province: Province, period: Period, lang: Lang = "en") -> str:
    """A skeleton for a province with no report yet: one empty figure, nothing copied."""
    lines = [*_head(province, period, ": a first report, no figures copied"), "",
             "figures:",
             "  - id:                   # snake_case, e.g. online_public_services",
             "    area:                 # " + ", ".join(AREAS),
             "    label: {vi: \"\", en: \"\"}",
             "    kind:                 # " + ", ".join(KINDS),
             "    value:",
             f"    source: {NEW_SOURCE}",
             "    excerpt: \"\"           # the words of the source that state the value"]
    return template_comments("\n".join(lines) + "\n", lang)


def render_template(report: Report, period: Period, lang: Lang = "en") -> str:
    """The YAML text of a skeleton for ``period`` made from ``report``."""
    year = period.year
    lines = _head(report.province, period, f", made from the {report.period.full_key} report")
    if report.indices:
        lines += ["", "indices:"]
        for index in report.indices:
            lines += _index(index)
    headline = [f"  {key}: {value}" for key, value in report.headline._asdict().items() if value]
    if headline:
        lines += ["", "headline:", *headline]
    lines += ["", "figures:"]
    for figure in report.figures:
        if figure.derived_from is None:
            lines += _figure(figure, report.year, year)
    return template_comments("\n".join(lines) + "\n", lang)


def _index(index: Index) -> list[str]:
    lines = [f"  - id: {index.id}", f"    name: {_text(index.name)}"]
    if index.basis:
        lines.append(f"    basis: {_q(index.basis)}")
    if index.max is not None:
        lines.append(f"    max: {_number(index.max)}")
    if index.components:
        lines.append("    components:")
        lines += [f"      - {{code: {c.code}, label: {_text(c.label)}, max: {_number(c.max)}}}"
                  for c in index.components]
    if index.components_note:
        lines.append(f"    components_note: {_q(index.components_note)}")
    if index.bands:
        lines.append("    bands:")
        for band in index.bands:
            ends = "".join(f", {key}: {_number(value)}" for key, value in
                           (("min", band.min), ("below", band.below)) if value is not None)
            lines.append(f"      - {{grade: {_q(band.grade)}, label: {_text(band.label)}{ends}, "
                         f"certainty: {band.certainty}}}")
    if index.bands_note:
        lines.append(f"    bands_note: {_q(index.bands_note)}")
    return lines


def _figure(figure: Figure, since: int, year: int) -> list[str]:
    lines = [
        "",
        f"  - id: {figure.id}",
        f"    area: {figure.area}",
        f"    label: {_text(figure.label)}",
        f"    kind: {figure.kind}",
    ]
    if figure.unit is not None:
        lines.append(f"    unit: {_text(figure.unit)}")
    for key in ("basis", "better"):
        value = getattr(figure, key)
        if value is not None and (key != "basis" or value != "whole"):
            lines.append(f"    {key}: {value}")
    if figure.index_id is not None:
        lines.append(f"    index: {figure.index_id}")
    if figure.kind == "score" and figure.max is not None:
        lines.append(f"    max: {_number(figure.max)}")
    if figure.kind == "rank":
        lines.append("    of:                  # 63 provinces until mid-2025, 34 after")
    lines.append("    value:")
    lines += _relations(figure, since, year)
    lines += [f"    source: {NEW_SOURCE}", "    excerpt:"]
    return lines


def _relations(figure: Figure, since: int, year: int) -> list[str]:
    """Each relation the earlier figure states, with its new-year numbers left empty."""
    lines = _share(figure) + _breakdown(figure) + _attainment(figure) + _target(figure, year)
    if figure.change is not None:
        lines += ["    change:", "      direction:           # up or down",
                  "      amount:", f"      unit: {figure.change.unit}",
                  f"      since: {since}"]
    return lines


def _share(figure: Figure) -> list[str]:
    share = figure.share
    if share is None:
        return []
    lines = ["    share:", "      percent:"]
    lines += [f"      {key}: {_text(label)}" for key, label in
              (("whole", share.whole_label), ("rest", share.rest_label)) if label]
    if share.whole_figure:
        lines.append(f"      of: {share.whole_figure}")
    return lines


def _breakdown(figure: Figure) -> list[str]:
    breakdown = figure.breakdown
    if breakdown is None:
        return []
    lines = ["    breakdown:", "      parts:"]
    for part in breakdown.parts:
        lines += [f"        - id: {part.id}", f"          label: {_text(part.label)}",
                  "          percent:"]
        lines += [f"          better: {part.better}"] if part.better else []
    rest = breakdown.rest
    if rest is not None:
        lines += ["      rest:", f"        id: {rest.id}", f"        label: {_text(rest.label)}"]
        lines += [f"        better: {rest.better}"] if rest.better else []
    return lines


def _attainment(figure: Figure) -> list[str]:
    attainment = figure.attainment
    if attainment is None:
        return []
    lines = ["    attainment:", "      percent:"]
    if attainment.plan_label is not None:
        lines.append(f"      plan: {_text(attainment.plan_label)}")
    return lines


def _target(figure: Figure, year: int) -> list[str]:
    """A target carries over while its year is still to come."""
    target = figure.target
    if target is None or (target.year is not None and target.year < year):
        return []
    lines = ["    target:", f"      value: {_number(target.value)}",
             f"      measure: {target.measure}"]
    if target.year is not None:
        lines.append(f"      year: {target.year}")
    if target.label is not None:
        lines.append(f"      label: {_text(target.label)}")
    lines.append(f"      source: {NEW_SOURCE}   # the source that sets the target")
    return lines
