"""``cchc check`` and ``cchc verify``: findings with their arithmetic, in either language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cchc_cli import i18n, numfmt
from cchc_cli.calc.audit import Finding
from cchc_cli.calc.verify import Check, Uncovered
from cchc_cli.model import Lang, Report
from cchc_cli.periods import Period
from cchc_cli.views.page import Column, Note, Page, Styled, Table
from cchc_cli.views.phrases import change_words
from cchc_cli.views.records import envelope, num, province_ref

if TYPE_CHECKING:
    from cchc_cli.calc.national import CrossCheck



def _shown(value: Decimal | int | str | tuple[Decimal, ...], lang: Lang) -> str:
    if isinstance(value, tuple):
        return " + ".join(numfmt.number(part, lang) for part in value)
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):  # a day, as the language writes it
        return i18n.date_text(value, lang)
    return numfmt.number(value, lang) if isinstance(value, Decimal) else str(value)


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def describe(finding: Finding, lang: Lang) -> str:
    """The finding's arithmetic in plain words."""
    numbers = {key: _shown(value, lang) for key, value in finding.numbers.items()}
    if finding.code == "change_disagrees":
        raw = finding.numbers
        amount = raw["amount"]
        assert isinstance(amount, Decimal)
        numbers["moved"] = change_words(str(raw["direction"]), amount, str(raw["unit"]), lang)
    return i18n.FINDINGS[finding.code].get(lang).format(year=finding.year, **numbers)


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as a JSON record, with its numbers raw and its message in English."""
    return {"severity": finding.severity, "code": finding.code,
            "province": province_ref(finding.province), "year": finding.year,
            "period": finding.period, "id": finding.figure_id,
            "numbers": {k: _raw(v) for k, v in finding.numbers.items()},
            "message": describe(finding, "en"), "excerpt": finding.excerpt,
            "source": finding.source}


def _raw(value: Decimal | int | str | tuple[Decimal, ...]) -> Any:
    if isinstance(value, tuple):
        return [num(part) for part in value]
    return num(value) if isinstance(value, Decimal) else value


class CheckView:
    """The audit's findings."""

    columns = ("severity", "code", "province", "year", "period", "id", "message", "excerpt",
               "source")

    def __init__(self, findings: list[Finding], reports: list[tuple[str, Period]],
                 cross_checks: Sequence[tuple[Report, CrossCheck]] = ()) -> None:
        self.findings = findings
        self.reports = reports
        self.cross_checks = cross_checks

    def count(self, severity: str) -> int:
        """How many findings have ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        return envelope("check", errors=self.count("error"), warnings=self.count("warning"),
                        reports=[{"province": province_ref(p), "year": period.year,
                                  "period": period.full_key} for p, period in self.reports],
                        findings=[finding_record(f) for f in self.findings],
                        cross_checks=[cross_record(r, c) for r, c in self.cross_checks])

    def rows(self) -> list[dict[str, Any]]:
        """One row per finding."""
        return [{**{k: v for k, v in finding_record(f).items() if k != "numbers"},
                 "province": f.province} for f in self.findings]

    def page(self, lang: Lang) -> Page:
        """The findings as a table, then the count."""
        page: Page = []
        if self.findings:
            rows = tuple((Styled(_severity(f.severity, lang),
                                 "error" if f.severity == "error" else "warning"),
                          f"{f.province} {f.period or f.year}", f.figure_id, describe(f, lang),
                          Styled(f"“{f.excerpt}”" if f.excerpt else "", "muted"))
                         for f in self.findings)
            page.append(Table(i18n.word("check_title", lang), (
                Column(i18n.word("severity", lang)), Column(i18n.word("report", lang)),
                Column(i18n.word("id", lang)), Column(i18n.word("arithmetic", lang)),
                Column(i18n.word("excerpt", lang))), rows))
        if self.cross_checks:
            page.append(cross_table(self.cross_checks, lang))
        errors, warnings = self.count("error"), self.count("warning")
        checked = len(self.reports)
        summary = i18n.word("checked", lang, checked=checked, errors=errors, warnings=warnings)
        page.append(Note(summary, "error" if errors else "warning" if warnings else "good"))
        return page


def _severity(severity: str, lang: Lang) -> str:
    return i18n.word("error" if severity == "error" else "warning", lang)


class VerifyView:
    """Figures held against a source text, and the numbers no figure accounts for."""

    columns = ("province", "year", "id", "status", "missing", "excerpt")

    def __init__(self, source: str, province: str, checks: list[Check],
                 uncovered: list[Uncovered]) -> None:
        self.source = source
        self.province = province
        self.checks = checks
        self.uncovered = uncovered

    @property
    def ok(self) -> bool:
        """Whether every figure was verified."""
        return all(check.status == "verified" for check in self.checks)

    def rows(self) -> list[dict[str, Any]]:
        """One row per figure checked."""
        return [{"province": self.province, "year": c.year, "id": c.figure.id,
                 "status": c.status, "missing": " ".join(c.missing),
                 "excerpt": c.figure.excerpt} for c in self.checks]

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        return envelope("verify", source=self.source, verified=self.ok,
                        figures=[{**row, "province": province_ref(self.province),
                                  "missing": list(c.missing)}
                                 for row, c in zip(self.rows(), self.checks, strict=True)],
                        uncovered=[u._asdict() for u in self.uncovered])

    def page(self, lang: Lang) -> Page:
        """The figures and their status, then the uncovered numbers."""
        rows = tuple((c.figure.id, str(c.year),
                      Styled(i18n.word(f"status_{c.status}", lang),
                             "good" if c.status == "verified" else "error"),
                      ", ".join(c.missing)) for c in self.checks)
        page: Page = [Table(self.source, (Column(i18n.word("id", lang)),
                                          Column(i18n.word("year", lang)),
                                          Column(i18n.word("status", lang)),
                                          Column(i18n.word("missing", lang))), rows)]
        if self.uncovered:
            page.append(Table(i18n.word("uncovered_title", lang),
                              (Column(i18n.word("line", lang), True),
                               Column(i18n.word("number", lang), True),
                               Column(i18n.word("context", lang))),
                              tuple((str(u.line), u.number, u.context) for u in self.uncovered)))
        failed = sum(1 for c in self.checks if c.status != "verified")
        summary = i18n.word("verified_count", lang, good=len(self.checks) - failed,
                            total=len(self.checks))
        page.append(Note(summary, "good" if not failed else "error"))
        return page


def cross_record(report: Report, check: CrossCheck) -> dict[str, Any]:
    """A cross-check of a report's figure against a national table, as a JSON record."""
    return {"province": province_ref(report.province.id, report.province.name),
            "period": report.period.full_key,
            "id": check.figure_id, "kind": check.kind, "stated": num(check.stated),
            "table_value": num(check.table_value), "rounded": num(check.rounded),
            "agrees": check.agrees, "stated_field": check.stated_field,
            "table_field": check.table_field, "report": report.path, "table": check.table.path,
            "index": check.table.index.id, "table_source": check.table.source.publisher}


def _out_of(value: Decimal, field: int | None, lang: Lang) -> str:
    """A place with its field (``30/63``), or a score as it is."""
    shown = numfmt.number(value, lang)
    return f"{shown}/{field}" if field is not None else shown


def cross_table(checks: Sequence[tuple[Report, CrossCheck]], lang: Lang) -> Table:
    """The cross-checks as a table: stated, the table's value, agreement."""
    rows = tuple((f"{r.province.id} {r.period.full_key}", c.figure_id,
                  _out_of(c.stated, c.stated_field, lang),
                  _out_of(c.table_value, c.table_field, lang),
                  Styled(i18n.word("agrees" if c.agrees else "disagrees", lang),
                         "good" if c.agrees else "error"))
                 for r, c in checks)
    return Table(i18n.word("cross_check_title", lang), (
        Column(i18n.word("report", lang)), Column(i18n.word("id", lang)),
        Column(i18n.word("stated", lang), True),
        Column(i18n.word("in_table", lang), True), Column("", nowrap=True)), rows)
