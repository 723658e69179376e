"""``cchc check`` and ``cchc verify`` on small datasets and sources written for the tests."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.errors import EXIT_FINDINGS, EXIT_USAGE
from tests.conftest import ARTICLE_2023, DATA, REPORT_2023, line_of, run

HEAD = """\
format: cchc-report/1
province: {{id: x, name: {{vi: Tỉnh X, en: X Province}}}}
year: {year}
sources:
  - {{id: src, publisher: Báo X, title: Tin, date: 2024-01-01, language: vi, file: article.txt}}
indices:
  - id: idx
    name: {{vi: Chỉ số, en: Index}}
    max: 100
    components:
      - {{code: A, label: {{vi: A, en: A}}, max: 50}}
      - {{code: B, label: {{vi: B, en: B}}, max: 50}}
    bands:
      - {{grade: Khá, label: {{vi: Khá, en: Fair}}, min: 70, below: 80, certainty: observed}}
      - {{grade: Tốt, label: {{vi: Tốt, en: Good}}, min: 80, below: 90, certainty: observed}}
figures:
"""

FIGURES = {
    "breakdown": """\
  - id: dossiers
    area: procedures
    label: {{vi: Hồ sơ, en: Dossiers}}
    kind: count
    value: 1000
    breakdown:
      parts:
        - {{id: early, label: {{vi: sớm, en: early}}, percent: {early}}}
        - {{id: on_time, label: {{vi: đúng hạn, en: on time}}, percent: 18.9}}
    source: src
    excerpt: tiếp nhận 1.000 hồ sơ, trước hạn {early_vi}%, đúng hạn 18,9%
""",
    "share": """\
  - id: services
    area: procedures
    label: {{vi: DVC, en: Services}}
    kind: count
    value: {part}
    share: {{percent: {percent}}}
    source: src
    excerpt: cung cấp {part} dịch vụ, đạt {percent}%
""",
    "grade": """\
  - id: score
    area: procedures
    label: {{vi: Điểm, en: Score}}
    kind: score
    index: idx
    value: {score}
    grade: {grade}
    components: {{A: {a}, B: {b}}}
    source: src
    excerpt: đạt {score} điểm, xếp loại {grade}
""",
    "attainment": """\
  - id: revenue
    area: public_finance
    label: {{vi: Thu, en: Revenue}}
    kind: money
    unit: {{vi: tỷ đồng, en: billion VND}}
    value: 2295
    attainment: {{percent: {percent}, plan_value: 2265}}
    source: src
    excerpt: thu 2.295 tỷ đồng, bằng {percent}% kế hoạch
""",
    "rank": """\
  - id: rank
    area: procedures
    label: {{vi: Hạng, en: Rank}}
    kind: rank
    value: {rank}
    of: 63
    change: {{direction: {direction}, amount: {amount}, unit: places, since: {since}}}
    source: src
    excerpt: hạng {rank}/63, {direction} {amount} bậc
""",
}


def report(year: int = 2023, **figures: dict[str, Any]) -> str:
    """A report of the named figures, each filled with its values."""
    return HEAD.format(year=year) + "".join(FIGURES[name].format(**values)
                                            for name, values in figures.items())


def check(write_report: Callable[..., Path], *texts: tuple[int, str],
          args: tuple[str, ...] = ()) -> tuple[int, dict[str, Any]]:
    folder = Path()
    for year, text in texts:
        folder = write_report(text, f"report_{year}.yaml").parent
    result = run("check", "--data", str(folder), "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


def codes(document: dict[str, Any]) -> list[str]:
    return [f["code"] for f in document["findings"]]


GOOD = {"early": "78.8", "early_vi": "78,8"}


def test_bundled_data_passes() -> None:
    result = run("check")
    assert result.exit_code == 0
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_breakdown_over_100_fails_with_the_arithmetic(write_report: Callable[..., Path]) -> None:
    code, document = check(write_report, (2023, report(breakdown={"early": "88.8",
                                                                 "early_vi": "88,8"})))
    assert code == EXIT_FINDINGS
    [finding] = document["findings"]
    assert finding["code"] == "breakdown_over_100" and finding["severity"] == "error"
    assert finding["numbers"]["total"] == 107.7
    assert finding["message"] == ("the parts add up to 88.8 + 18.9 = 107.7%, more than 100% "
                                  "even allowing 0.1 points for rounding")
    assert finding["excerpt"] == "tiếp nhận 1.000 hồ sơ, trước hạn 88,8%, đúng hạn 18,9%"


def test_breakdown_within_rounding_passes(write_report: Callable[..., Path]) -> None:
    # 81.15 + 18.9 = 100.05: within the 0.005 + 0.05 that rounding allows
    code, document = check(write_report, (2023, report(breakdown={"early": "81.15",
                                                                 "early_vi": "81,15"})))
    assert (code, codes(document)) == (0, [])


@pytest.mark.parametrize(("part", "percent", "found"), [
    (1818, "96.9", []),                    # 1876 and 1877 both give 96.9%
    (1, "34", ["share_impossible"]),       # 1/2 = 50%, 1/3 = 33.3%: nothing gives 34%
    (2, "67", []),                         # 2/3 = 66.67% rounds to 67
    (2, "68", ["share_impossible"]),       # 2/3 = 66.7%, 2/2 = 100%: nothing gives 68%
    (2, "66.7", []),                       # 2/3
])
def test_count_and_share_no_whole_can_give(write_report: Callable[..., Path], part: int,
                                           percent: str, found: list[str]) -> None:
    _, document = check(write_report, (2023, report(share={"part": part, "percent": percent})))
    assert codes(document) == found


@pytest.mark.parametrize(("score", "grade", "found"), [
    ("76.90", "Khá", []),
    ("83.61", "Khá", ["grade_disagrees"]),
    ("80", "Khá", ["grade_disagrees"]),    # 80 is the first score of Tốt
    ("65", "Khá", ["score_outside_bands"]),
])
def test_grade_against_its_bands(write_report: Callable[..., Path], score: str, grade: str,
                                 found: list[str]) -> None:
    half = f"{float(score) / 2:.3f}"
    _, document = check(write_report, (2023, report(grade={"score": score, "grade": grade,
                                                           "a": half, "b": half})))
    assert codes(document) == found


def test_grade_message_names_the_band(write_report: Callable[..., Path]) -> None:
    _, document = check(write_report, (2023, report(grade={"score": "83.61", "grade": "Khá",
                                                           "a": "41.8", "b": "41.81"})))
    assert document["findings"][0]["message"] == \
        "a score of 83.61 is in the band of Tốt (80 to below 90), not Khá"


def test_components_that_do_not_add_up_are_a_warning(write_report: Callable[..., Path]) -> None:
    text = report(grade={"score": "76.90", "grade": "Khá", "a": "40.1", "b": "38.2"})
    code, document = check(write_report, (2023, text))
    assert code == 0  # a warning alone does not fail
    [finding] = document["findings"]
    assert (finding["code"], finding["severity"]) == ("components_sum", "warning")
    assert finding["message"] == ("the components add up to 40.1 + 38.2 = 78.3, not the stated "
                                  "total 76.90 (a difference of 1.40)")
    strict, _ = check(write_report, (2023, text), args=("--strict",))
    assert strict == EXIT_FINDINGS


def test_components_within_rounding_pass(write_report: Callable[..., Path]) -> None:
    # 38.45 + 38.45 = 76.90 exactly
    _, document = check(write_report, (2023, report(grade={"score": "76.90", "grade": "Khá",
                                                           "a": "38.45", "b": "38.45"})))
    assert codes(document) == []


@pytest.mark.parametrize(("rank", "direction", "amount", "found"), [
    (14, "up", 5, []),
    (60, "up", 5, ["previous_rank_outside_field"]),   # 60 + 5 = 65 > 63
    (3, "down", 5, ["previous_rank_outside_field"]),  # 3 - 5 = -2 < 1
    (1, "down", 0, []),
    (63, "down", 62, []),
])
def test_derived_prior_rank_outside_its_field(write_report: Callable[..., Path], rank: int,
                                              direction: str, amount: int,
                                              found: list[str]) -> None:
    text = report(rank={"rank": rank, "direction": direction, "amount": amount, "since": 2022})
    _, document = check(write_report, (2023, text))
    assert codes(document) == found


def test_stated_change_disagreeing_with_the_other_year(write_report: Callable[..., Path]) -> None:
    earlier = report(2023, rank={"rank": 14, "direction": "up", "amount": 5, "since": 2022})
    agrees = report(2024, rank={"rank": 12, "direction": "up", "amount": 2, "since": 2023})
    _, document = check(write_report, (2023, earlier), (2024, agrees))
    assert codes(document) == []
    disagrees = report(2024, rank={"rank": 12, "direction": "up", "amount": 3, "since": 2023})
    code, document = check(write_report, (2023, earlier), (2024, disagrees))
    assert code == EXIT_FINDINGS
    [finding] = document["findings"]
    assert finding["code"] == "change_disagrees"
    assert finding["message"] == ("12 in 2024, up 3 places since 2023, gives 15 in 2023; the "
                                  "2023 report gives 14")


def test_the_same_figure_given_twice_with_different_values(
        write_report: Callable[..., Path]) -> None:
    # the 2023 report says up 2 on 2022 (so 14); the 2024 report says up 1 on 2022 (so 13)
    texts = (report(2023, rank={"rank": 12, "direction": "up", "amount": 2, "since": 2022}),
             report(2024, rank={"rank": 12, "direction": "up", "amount": 1, "since": 2022}))
    _, document = check(write_report, (2023, texts[0]), (2024, texts[1]))
    assert codes(document) == ["given_twice"]
    assert document["findings"][0]["message"] == \
        "the 2023 report gives 14 for 2022, the 2024 report gives 13"


@pytest.mark.parametrize(("percent", "found"), [
    ("101.3", []),                          # 2295 / 2265 = 101.32%
    ("102.3", ["attainment_mismatch"]),
])
def test_attainment_against_stated_plan_and_actual(write_report: Callable[..., Path],
                                                   percent: str, found: list[str]) -> None:
    _, document = check(write_report, (2023, report(attainment={"percent": percent})))
    assert codes(document) == found


def test_check_writes_the_arithmetic_in_vietnamese(write_report: Callable[..., Path]) -> None:
    folder = write_report(report(breakdown={"early": "88.8", "early_vi": "88,8"})).parent
    result = run("check", "--data", str(folder), "--lang", "vi", "--format", "markdown")
    assert result.exit_code == EXIT_FINDINGS
    assert "88,8 + 18,9 = 107,7%" in result.stdout
    assert "1 lỗi, 0 cảnh báo" in result.stdout


# --- verify ---------------------------------------------------------------------------------

SOURCE = ("Năm 2023, tỉnh X cung cấp 1.818 dịch vụ, đạt 96,9%. Thu 2.295 tỷ đồng, bằng "
          "101,3% kế hoạch; kiểm tra 7 đơn vị.\n")


def verify_data(write_report: Callable[..., Path], value: int = 1818,
                excerpt: str = "cung cấp 1.818 dịch vụ, đạt 96,9%") -> Path:
    text = report(share={"part": value, "percent": "96.9"}).replace(
        f"excerpt: cung cấp {value} dịch vụ, đạt 96.9%", f"excerpt: '{excerpt}'")
    return write_report(text)


def verify(data: Path, source: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    result = run("verify", "--source", str(source), "--data", str(data), "--json", *extra)
    return result.exit_code, json.loads(result.stdout)


def test_verify_passes_and_lists_uncovered_numbers(write_report: Callable[..., Path],
                                                   tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(SOURCE, encoding="utf-8")
    code, document = verify(verify_data(write_report), source)
    assert code == 0 and document["verified"] is True
    assert [(f["id"], f["status"]) for f in document["figures"]] == [("services", "verified")]
    assert [u["number"] for u in document["uncovered"]] == ["2.295", "101,3", "7"]


def test_verify_fails_on_a_changed_value(write_report: Callable[..., Path],
                                         tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(SOURCE, encoding="utf-8")
    code, document = verify(verify_data(write_report, value=1819), source)
    assert code == EXIT_FINDINGS
    assert document["figures"][0]["status"] == "value_not_found"
    assert document["figures"][0]["missing"] == ["value"]
    table = run("verify", "--source", str(source), "--data",
                str(verify_data(write_report, value=1819)))
    assert "services" in table.stdout and "value not found in its excerpt" in table.stdout


def test_verify_fails_on_an_edited_excerpt(write_report: Callable[..., Path],
                                           tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(SOURCE, encoding="utf-8")
    data = verify_data(write_report, excerpt="cung cấp 1.818 dịch vụ công, đạt 96,9%")
    code, document = verify(data, source)
    assert code == EXIT_FINDINGS
    assert document["figures"][0]["status"] == "excerpt_not_found"


def test_verify_is_tolerant_of_nfd_whitespace_and_quotes(write_report: Callable[..., Path],
                                                         tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    decomposed = unicodedata.normalize("NFD", "Tỉnh “X” cung cấp\n  1.818   dịch vụ, đạt 96,9%.")
    source.write_text(decomposed, encoding="utf-8")
    data = verify_data(write_report, excerpt='Tỉnh "X" cung cấp 1.818 dịch vụ, đạt 96,9%')
    code, document = verify(data, source)
    assert (code, document["figures"][0]["status"]) == (0, "verified")


def test_verify_reads_html(write_report: Callable[..., Path], tmp_path: Path) -> None:
    source = tmp_path / "article.html"
    source.write_text("<html><head><script>var x = 12345;</script></head><body><p>Tỉnh X "
                      "<b>cung cấp</b> 1.818 dịch vụ, đạt 96,9&#37;.</p></body></html>",
                      encoding="utf-8")
    code, document = verify(verify_data(write_report), source, "--source-id", "src")
    assert (code, document["figures"][0]["status"]) == (0, "verified")
    assert document["uncovered"] == []  # the script's 12345 is not text


def test_verify_the_2023_article_passes_for_every_figure() -> None:
    result = run("verify", "--source", str(ARTICLE_2023), "--year", "2023", "--json")
    document = json.loads(result.stdout)
    assert result.exit_code == 0
    assert len(document["figures"]) == 16
    assert {f["status"] for f in document["figures"]} == {"verified"}
    assert document["uncovered"] == []


def test_verify_names_the_figure_whose_value_was_changed(tmp_path: Path) -> None:
    copy = tmp_path / "report_2023.yaml"
    copy.write_text(REPORT_2023.read_text(encoding="utf-8").replace(
        "value: 163909", "value: 163908"), encoding="utf-8")
    result = run("verify", "--source", str(ARTICLE_2023), "--data", str(copy))
    assert result.exit_code == EXIT_FINDINGS
    line = next(line for line in result.stdout.splitlines() if "dossiers_received" in line)
    assert "value not found" in line


def test_verify_without_a_matching_source_is_a_usage_error(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("x", encoding="utf-8")
    result = run("verify", "--source", str(other))
    assert result.exit_code == EXIT_USAGE
    assert "--source-id" in result.stderr


def test_validate_reports_what_check_calls_an_error(tmp_path: Path) -> None:
    """1,890 of 1,952 is 96.82%, not the stated 95.9%: validate once called this valid."""
    data = tmp_path / "data"
    data.mkdir()
    text = (DATA / "report_2024.yaml").read_text(encoding="utf-8")
    (data / "report_2024.yaml").write_text(text.replace("    value: 1872", "    value: 1890"),
                                           encoding="utf-8")
    checked = run("check", "--data", str(data), "--format", "json")
    assert checked.exit_code == 1
    validated = run("validate", str(data), "--format", "json")
    assert validated.exit_code == 3
    [problem] = json.loads(validated.stdout)["problems"]
    assert problem["field"] == "figures[online_public_services]"
    assert problem["message"] == ("1,890 ÷ 1,952 = 96.82%, which does not round to the "
                                  "stated 95.9%")
    assert problem["line"] == line_of(text, "  - id: online_public_services")


def test_validate_leaves_warnings_to_check() -> None:
    assert run("validate").exit_code == 0
    assert run("check").exit_code == 0


def _without_figure(text: str, figure_id: str) -> str:
    """The report text with one figure's block removed."""
    start = text.index(f"  - id: {figure_id}\n")
    end = text.find("\n  - id: ", start + 1)
    return text[:start] + (text[end + 1:] if end >= 0 else "")


def test_verify_notices_a_deleted_figure_whose_number_another_figure_has(
        tmp_path: Path) -> None:
    """14 essential services and 14th of 63: each 14 needs its own figure."""
    data = tmp_path / "report_2023.yaml"
    data.write_text(_without_figure(REPORT_2023.read_text(encoding="utf-8"),
                                    "essential_services_reengineered"), encoding="utf-8")
    result = run("verify", "--source", str(ARTICLE_2023), "--data", str(data), "--json")
    uncovered = json.loads(result.stdout)["uncovered"]
    assert [(u["number"], "14 dịch vụ công thiết yếu" in u["context"]) for u in uncovered] \
        == [("14", True)]


@pytest.mark.parametrize(("text", "lang", "numbers"), [
    ("vươn lên vị trí thứ 14/63 tỉnh, thành phố.", "vi", ["14", "63"]),
    ("ngày 15/3 và 31.12.2023 lúc 8:30, đạt 97,55%.", "vi", ["97,55"]),
    ("the service index reached 97.55% on 1/2/2024.", "en", ["97.55"]),
])
def test_a_rank_pair_and_a_decimal_are_numbers_not_dates(text: str, lang: str,
                                                         numbers: list[str]) -> None:
    from cchc_cli.calc.verify import uncovered_numbers

    assert [u.number for u in uncovered_numbers(text, [], lang)] == numbers
