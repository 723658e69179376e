"""``cchc check`` and ``cchc verify``: findings with their arithmetic, in either language."""

from __future__ import annotations

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

MESSAGES: dict[str, tuple[str, str]] = {
    "breakdown_over_100": (
        "các phần cộng lại {parts} = {total}%, vượt 100% kể cả khi cho phép sai số làm tròn "
        "{slack} điểm",
        "the parts add up to {parts} = {total}%, more than 100% even allowing {slack} points "
        "for rounding"),
    "part_exceeds_whole": (
        "{part} lớn hơn tổng của nó ({whole_id} = {whole})",
        "{part} is more than its whole ({whole_id} = {whole})"),
    "share_mismatch": (
        "{part} ÷ {whole} = {computed}%, không làm tròn thành {percent}% như đã nêu",
        "{part} ÷ {whole} = {computed}%, which does not round to the stated {percent}%"),
    "share_impossible": (
        "không có số nguyên N nào để {part} ÷ N làm tròn thành {percent}%",
        "no whole number N makes {part} ÷ N round to {percent}%"),
    "grade_disagrees": (
        "điểm {score} thuộc khung {band} ({low} đến dưới {below}), không phải {grade}",
        "a score of {score} is in the band of {band} ({low} to below {below}), not {grade}"),
    "grade_not_a_band": (
        "xếp loại đã nêu “{grade}” không phải một khung của chỉ số ({grades}); điểm {score} "
        "thuộc khung {band}",
        "the reported grade “{grade}” is not a band of the index ({grades}); a score of "
        "{score} is in the band of {band}"),
    "components_exceed_total": (
        "{given} thành phần đã nêu cộng lại {sum}, đã vượt tổng điểm {total}",
        "the {given} components given already add up to {sum}, more than the total {total}"),
    "components_short": (
        "các thành phần đã nêu cộng lại {sum}; thành phần còn thiếu {missing} tối đa thêm "
        "{room}, tức là nhiều nhất {most}, chưa tới tổng điểm {total}",
        "the components given add up to {sum}; the missing {missing} can add at most {room}, "
        "so at most {most}, short of the stated total {total}"),
    "change_across_merger": (
        "thay đổi {amount} bậc so với {since} vượt qua đợt sắp xếp ngày 01/07/2025 (từ 63 "
        "xuống {of} tỉnh, thành phố): không suy ra được thứ hạng năm {since}; ghi rõ 'of' của "
        "năm đó nếu nguồn có nêu",
        "a change of {amount} places since {since} crosses the merger of 1 July 2025 (from "
        "63 provinces to {of}): no place in {since} is worked out; give that year's 'of' if "
        "the source states it"),
    "field_not_the_country": (
        "xếp hạng trên {of}, nhưng ngày {day} cả nước có {provinces} tỉnh, thành phố (một "
        "nhóm nhỏ hơn chỉ đúng khi có tỉnh không có số liệu)",
        "ranked out of {of}, but on {day} the country had {provinces} provinces (a smaller "
        "field is right only where some provinces have no data)"),
    "score_outside_bands": (
        "điểm {score} không thuộc khung xếp loại nào", "a score of {score} is in no band"),
    "components_sum": (
        "các thành phần cộng lại {parts} = {sum}, khác tổng điểm đã nêu {total} "
        "(chênh {difference})",
        "the components add up to {parts} = {sum}, not the stated total {total} "
        "(a difference of {difference})"),
    "rank_outside_field": (
        "hạng {rank} nằm ngoài khoảng 1 đến {of}", "rank {rank} is outside 1 to {of}"),
    "previous_rank_outside_field": (
        "hạng {rank} với thay đổi đã nêu cho ra hạng {previous} năm {year_before}, ngoài "
        "khoảng 1 đến {of}",
        "rank {rank} with the stated change gives {previous} in {year_before}, outside 1 to "
        "{of}"),
    "attainment_mismatch": (
        "{actual} ÷ {plan} = {computed}%, không làm tròn thành {percent}% như đã nêu",
        "{actual} ÷ {plan} = {computed}%, which does not round to the stated {percent}%"),
    "change_disagrees": (
        "{value} năm {year}, {moved} so với {since}, tức là {implied} năm {since}; báo cáo năm "
        "{since} ghi {stated}",
        "{value} in {year}, {moved} since {since}, gives {implied} in {since}; the {since} "
        "report gives {stated}"),
    "table_disagrees": (
        "báo cáo ghi {stated} ({report_source}); bảng toàn quốc cho {table_value}, làm tròn "
        "thành {rounded} ({table_source})",
        "the report states {stated} ({report_source}); the national table gives "
        "{table_value}, which rounds to {rounded} ({table_source})"),
    "given_twice": (
        "báo cáo {first_year} cho ra {first} năm {year_before}, báo cáo {year} cho ra {second}",
        "the {first_year} report gives {first} for {year_before}, the {year} report gives "
        "{second}"),
}


def _shown(value: Decimal | int | str | tuple[Decimal, ...], lang: Lang) -> str:
    if isinstance(value, tuple):
        return " + ".join(numfmt.number(part, lang) for part in value)
    return numfmt.number(value, lang) if isinstance(value, Decimal) else str(value)


def describe(finding: Finding, lang: Lang) -> str:
    """The finding's arithmetic in plain words."""
    numbers = {key: _shown(value, lang) for key, value in finding.numbers.items()}
    if finding.code == "change_disagrees":
        raw = finding.numbers
        amount = raw["amount"]
        assert isinstance(amount, Decimal)
        numbers["moved"] = change_words(str(raw["direction"]), amount, str(raw["unit"]), lang)
    template = MESSAGES[finding.code][0 if lang == "vi" else 1]
    return template.format(year=finding.year, **numbers)


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
        vi = lang == "vi"
        page: Page = []
        if self.findings:
            rows = tuple((Styled(_severity(f.severity, lang),
                                 "error" if f.severity == "error" else "warning"),
                          f"{f.province} {f.period or f.year}", f.figure_id, describe(f, lang),
                          Styled(f"“{f.excerpt}”", "muted")) for f in self.findings)
            page.append(Table(i18n.word("check_title", lang), (
                Column("Mức" if vi else "Severity"), Column(i18n.word("report", lang)),
                Column(i18n.word("id", lang)), Column(i18n.word("arithmetic", lang)),
                Column(i18n.word("excerpt", lang))), rows))
        if self.cross_checks:
            page.append(cross_table(self.cross_checks, lang))
        errors, warnings = self.count("error"), self.count("warning")
        checked = len(self.reports)
        summary = (f"Đã kiểm tra {checked} báo cáo: {errors} lỗi, {warnings} cảnh báo" if vi
                   else f"{checked} report(s) checked: {errors} error(s), {warnings} "
                        "warning(s)")
        page.append(Note(summary, "error" if errors else "warning" if warnings else "good"))
        return page


def _severity(severity: str, lang: Lang) -> str:
    if lang == "vi":
        return "LỖI" if severity == "error" else "cảnh báo"
    return "ERROR" if severity == "error" else "warning"


STATUS_WORDS = {
    "verified": ("khớp", "verified"),
    "excerpt_not_found": ("không thấy trích dẫn trong nguồn", "excerpt not found in the source"),
    "value_not_found": ("không thấy giá trị trong trích dẫn", "value not found in its excerpt"),
}


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
        vi = lang == "vi"
        rows = tuple((c.figure.id, str(c.year),
                      Styled(STATUS_WORDS[c.status][0 if vi else 1],
                             "good" if c.status == "verified" else "error"),
                      ", ".join(c.missing)) for c in self.checks)
        page: Page = [Table(self.source, (Column(i18n.word("id", lang)),
                                          Column(i18n.word("year", lang)),
                                          Column("Kết quả" if vi else "Status"),
                                          Column("Thiếu" if vi else "Missing")), rows)]
        if self.uncovered:
            title = ("Số trong nguồn chưa có chỉ tiêu nào" if vi
                     else "Numbers in the source that no figure accounts for")
            page.append(Table(title, (Column("Dòng" if vi else "Line", True),
                                      Column("Số" if vi else "Number", True),
                                      Column("Ngữ cảnh" if vi else "Context")),
                              tuple((str(u.line), u.number, u.context) for u in self.uncovered)))
        failed = sum(1 for c in self.checks if c.status != "verified")
        summary = (f"{len(self.checks) - failed}/{len(self.checks)} chỉ tiêu khớp với nguồn"
                   if vi else f"{len(self.checks) - failed} of {len(self.checks)} figure(s) "
                              "verified against the source")
        page.append(Note(summary, "good" if not failed else "error"))
        return page


def cross_record(report: Report, check: CrossCheck) -> dict[str, Any]:
    """A cross-check of a report's figure against a national table, as a JSON record."""
    return {"province": province_ref(report.province.id, report.province.name),
            "period": report.period.full_key,
            "id": check.figure_id, "kind": check.kind, "stated": num(check.stated),
            "table_value": num(check.table_value), "rounded": num(check.rounded),
            "agrees": check.agrees, "report": report.path, "table": check.table.path,
            "index": check.table.index.id, "table_source": check.table.source.publisher}


def cross_table(checks: Sequence[tuple[Report, CrossCheck]], lang: Lang) -> Table:
    """The cross-checks as a table: stated, the table's value, agreement."""
    rows = tuple((f"{r.province.id} {r.period.full_key}", c.figure_id,
                  numfmt.number(c.stated, lang), numfmt.number(c.table_value, lang),
                  Styled(i18n.word("agrees" if c.agrees else "disagrees", lang),
                         "good" if c.agrees else "error"))
                 for r, c in checks)
    return Table(i18n.word("cross_check_title", lang), (
        Column(i18n.word("report", lang)), Column(i18n.word("id", lang)),
        Column(i18n.word("stated", lang), True),
        Column(i18n.word("in_table", lang), True), Column("")), rows)
