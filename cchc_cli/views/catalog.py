"""``cchc metrics`` and ``cchc export``: views over every loaded report."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cchc_cli import i18n
from cchc_cli.calc.derive import derive_report
from cchc_cli.catalog import Catalog
from cchc_cli.model import Lang
from cchc_cli.views.page import Column, Page, Table
from cchc_cli.views.records import TIDY_COLUMNS, envelope, figure_record, report_header, tidy_rows


class MetricsView:
    """The figure ids available, with area, kind, labels and years."""

    columns = ("id", "area", "kind", "label_en", "label_vi", "years")

    def __init__(self, catalog: Catalog) -> None:
        merged: dict[str, dict[str, Any]] = {}
        for report in sorted(catalog.reports, key=lambda r: r.year):
            for figure in report.figures:
                entry = merged.setdefault(figure.id, {
                    "id": figure.id, "area": figure.area, "kind": figure.kind,
                    "label": figure.label, "years": []})
                if report.year not in entry["years"]:
                    entry["years"].append(report.year)
        self.entries = sorted(merged.values(), key=lambda e: e["id"])

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        return envelope("metrics", metrics=[
            {"id": e["id"], "area": e["area"], "kind": e["kind"],
             "label": {"vi": e["label"].vi, "en": e["label"].en}, "years": e["years"]}
            for e in self.entries])

    def rows(self) -> list[dict[str, Any]]:
        """One row per figure id; years joined by spaces."""
        return [{"id": e["id"], "area": e["area"], "kind": e["kind"], "label_en": e["label"].en,
                 "label_vi": e["label"].vi, "years": " ".join(map(str, e["years"]))}
                for e in self.entries]

    def page(self, lang: Lang) -> Page:
        """One table of every figure id, in the alphabetical order of the labels in ``lang``."""
        entries = sorted(self.entries, key=lambda e: i18n.collate(e["label"].get(lang)))
        rows = tuple((e["id"], i18n.area_name(e["area"], lang),
                      i18n.KIND_NAMES[e["kind"]].get(lang), e["label"].get(lang),
                      " ".join(map(str, e["years"]))) for e in entries)
        columns = (Column(i18n.word("id", lang)), Column(i18n.word("area", lang)),
                   Column(i18n.word("kind", lang)), Column(i18n.word("figure", lang)),
                   Column(i18n.word("years", lang)))
        return [Table(i18n.word("metrics_title", lang), columns, rows)]


class ExportView:
    """Every figure of every report, as the same tidy rows ``summary`` writes."""

    columns = TIDY_COLUMNS

    def __init__(self, catalog: Catalog) -> None:
        self.reports = sorted(catalog.reports, key=lambda r: (r.province.id, r.year))

    def document(self) -> dict[str, Any]:
        """The JSON document: one entry per report."""
        return envelope("export", reports=[
            {**report_header(report), "figures": [figure_record(r)
                                                  for r in derive_report(report)]}
            for report in self.reports])

    def rows(self) -> Iterator[dict[str, Any]]:
        """Tidy rows for every report, derived one report at a time."""
        for report in self.reports:
            for result in derive_report(report):
                yield from tidy_rows(report, result)

    def page(self, lang: Lang) -> Page:
        """The tidy rows as one table (stated values only, to stay readable)."""
        shown = ("province", "year", "id", "measure", "value", "unit", "qualifier")
        rows = tuple(tuple("" if row[c] is None else str(row[c]) for c in shown)
                     for row in self.rows() if row["basis"] == "stated")
        return [Table(i18n.word("export_title", lang),
                      tuple(Column(c, c in ("year", "value")) for c in shown),
                      rows)]
