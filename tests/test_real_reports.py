"""What real reports need: grades as reported, partial components, counts of counts,
vague source dates, at-most ranks, and templates for a province with no data yet."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import run

EXIT_FINDINGS, EXIT_DATA = 1, 3

INDEX = """\
indices:
  - id: service-index-766
    name: {vi: Bộ chỉ số 766, en: Decision 766 index}
    max: 100
    components:
      - {code: CKMB, label: {vi: "Công khai, minh bạch", en: Publicity}, max: 18}
      - {code: TDGQ, label: {vi: Tiến độ giải quyết, en: Progress}, max: 20}
      - {code: CLGQ, label: {vi: Dịch vụ công trực tuyến, en: Online services}, max: 12}
      - {code: TTTT, label: {vi: Thanh toán trực tuyến, en: Online payment}, max: 10}
      - {code: MDHL, label: {vi: Mức độ hài lòng, en: Satisfaction}, max: 18}
      - {code: MDSH, label: {vi: Số hóa hồ sơ, en: Digitisation}, max: 22}
    bands:
      - {grade: Xuất sắc, label: {vi: Xuất sắc, en: Excellent}, min: 90, certainty: observed}
      - {grade: Tốt, label: {vi: Tốt, en: Good}, min: 80, below: 90, certainty: observed}
      - {grade: Khá, label: {vi: Khá, en: Fair}, min: 70, below: 80, certainty: observed}
      - {grade: Trung bình, label: {vi: Trung bình, en: Average}, min: 50, below: 70,
         certainty: assumed}
      - {grade: Yếu, label: {vi: Yếu, en: Weak}, below: 50, certainty: assumed}
"""

HEAD = """\
format: cchc-report/1
province:
  id: bac-kan
  name: {{vi: Bắc Kạn, en: Bac Kan}}
period: {period}
sources:
  - id: src
    publisher: Báo Bắc Kạn
    title: Kết quả chỉ số
    date: {date}
    language: vi
"""


def _report(tmp_path: Path, figures: str, *, period: str = "2024-07",
            date: str = "2024-08-05") -> Path:
    path = tmp_path / f"report_{period}.yaml"
    path.write_text(HEAD.format(period=period, date=date) + INDEX + "figures:\n" + figures,
                    encoding="utf-8")
    return path


def _score(value: str, extra: str = "") -> str:
    return f"""\
  - id: service_index_score
    area: procedures
    label: {{vi: Điểm Bộ chỉ số 766, en: Decision 766 index score}}
    kind: score
    index: service-index-766
    value: {value}
{extra}    source: src
    excerpt: đạt {value.replace('.', ',')} điểm
"""


def _findings(path: Path) -> list[dict[str, object]]:
    result = run("check", "--data", str(path), "--format", "json")
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return findings


def test_a_grade_that_is_not_a_band_loads_shows_its_band_and_is_flagged(
        tmp_path: Path) -> None:
    path = _report(tmp_path, _score("67.9", "    grade: Trung bình khá\n"))
    assert run("validate", str(path)).exit_code == 0
    shown = json.loads(run("show", "service_index_score", "--data", str(path),
                           "--format", "json").stdout)
    derived = {d["key"]: d["value"] for d in shown["figure"]["derived"]}
    assert derived["grade_band"] == "Trung bình"  # 50 <= 67.9 < 70
    assert derived["grade_agrees"] is False
    findings = _findings(path)
    assert [(f["code"], f["severity"]) for f in findings] == [("grade_not_a_band", "warning")]
    assert "Trung bình khá" in str(findings[0]["message"])
    assert "band of Trung bình" in str(findings[0]["message"])


def test_the_band_is_derived_even_without_a_reported_grade(tmp_path: Path) -> None:
    path = _report(tmp_path, _score("83.61"))
    shown = json.loads(run("show", "service_index_score", "--data", str(path),
                           "--format", "json").stdout)
    derived = {d["key"]: d["value"] for d in shown["figure"]["derived"]}
    assert derived["grade_band"] == "Tốt"
    assert "grade_agrees" not in derived
    assert "in the band of Good" in run("summary", "--data", str(path), "--lang", "en").stdout


def test_one_of_six_components_raises_no_sum_warning(tmp_path: Path) -> None:
    path = _report(tmp_path, _score("46.76", "    components: {MDHL: 9.2}\n"))
    assert run("validate", str(path)).exit_code == 0
    assert _findings(path) == []


def test_five_components_that_the_sixth_cannot_complete(tmp_path: Path) -> None:
    # 14.5 + 17.2 + 10.1 + 15.3 + 11.6 = 68.7; the missing TTTT adds at most 10: 78.7 < 79.1
    components = "{CKMB: 14.5, TDGQ: 17.2, CLGQ: 10.1, MDHL: 15.3, MDSH: 11.6}"
    path = _report(tmp_path, _score("79.1", f"    components: {components}\n"))
    findings = _findings(path)
    assert [f["code"] for f in findings] == ["components_short"]
    message = str(findings[0]["message"])
    assert "TTTT (max 10)" in message and "68.7" in message and "78.7" in message


def test_five_components_the_sixth_can_complete_are_fine(tmp_path: Path) -> None:
    components = "{CKMB: 14.5, TDGQ: 17.2, CLGQ: 10.1, MDHL: 15.3, MDSH: 11.6}"
    path = _report(tmp_path, _score("78.5", f"    components: {components}\n"))
    assert _findings(path) == []


COUNT_OF_COUNT = """\
  - id: units_connected
    area: digital_government
    label: {vi: Đơn vị kết nối, en: Units connected}
    kind: count
    value: 421
    share: {out_of: 511}
    source: src
    excerpt: 421/511 đơn vị
"""


def test_a_count_of_a_count_derives_its_share(tmp_path: Path) -> None:
    path = _report(tmp_path, COUNT_OF_COUNT)
    assert run("validate", str(path)).exit_code == 0
    shown = json.loads(run("show", "units_connected", "--data", str(path), "--format",
                           "json").stdout)
    derived = {d["key"]: d["value"] for d in shown["figure"]["derived"]}
    # 421 × 100 ÷ 511 = 82.387… → 82.4, worked out to one decimal; the whole is the stated 511
    assert "computed_share" not in derived  # the share itself is the computed one
    assert derived["whole"] == 511
    assert derived["remainder"] == 90
    share = shown["figure"]["share"]
    assert (share["percent"], share["percent_stated"], share["out_of"]) == (82.4, False, 511)
    text = run("summary", "--data", str(path), "--lang", "en").stdout
    assert "≈82.4% (worked out) of 511" in text
    assert _findings(path) == []


def test_a_count_larger_than_its_whole_is_refused(tmp_path: Path) -> None:
    path = _report(tmp_path, COUNT_OF_COUNT.replace("out_of: 511", "out_of: 400"))
    result = run("validate", str(path))
    assert result.exit_code == EXIT_DATA
    assert "share.out_of: 421 cannot be a share of 400" in result.stdout


@pytest.mark.parametrize("date", ["2024", "2024-08", "unknown"])
def test_a_source_dated_to_the_year_month_or_not_at_all(tmp_path: Path, date: str) -> None:
    path = _report(tmp_path, _score("83.61"), date=date)
    assert run("validate", str(path)).exit_code == 0
    shown = {"2024": "năm 2024", "2024-08": "tháng 8/2024", "unknown": "không rõ ngày"}[date]
    assert shown in run("summary", "--data", str(path), "--lang", "vi").stdout


AT_MOST = """\
  - id: service_index_rank
    area: procedures
    label: {vi: Xếp hạng Bộ chỉ số 766, en: Decision 766 index rank}
    kind: rank
    index: service-index-766
    value: 20
    of: 63
    qualifier: at_most
    source: src
    excerpt: thuộc nhóm 20 tỉnh dẫn đầu
"""


def test_a_rank_in_the_top_group_implies_an_at_most_share(tmp_path: Path) -> None:
    path = _report(tmp_path, AT_MOST)
    shown = json.loads(run("show", "service_index_rank", "--data", str(path), "--format",
                           "json").stdout)
    top = next(d for d in shown["figure"]["derived"] if d["key"] == "top_share")
    assert (top["value"], top["qualifier"]) == (31.7, "at_most")  # 20 × 100 ÷ 63 = 31.75 → 31.7


def test_a_comma_inside_braces_gets_a_hint_to_quote(tmp_path: Path) -> None:
    path = _report(tmp_path, _score("83.61").replace(
        "{vi: Điểm Bộ chỉ số 766, en:", "{vi: Điểm, chỉ số 766, en:"))
    result = run("validate", str(path))
    assert result.exit_code == EXIT_DATA
    assert re.search(r"label\.chỉ số 766: unknown field 'chỉ số 766' \(inside \{\.\.\.\} a "
                     r"',' separates entries.*put that text in quotes", result.stdout)


def test_template_for_a_province_with_no_data_validates_once_filled(tmp_path: Path) -> None:
    result = run("template", "--province", "bac-kan", "--period", "2024-07")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "id: bac-kan" in text and "Bắc Kạn" in text and "period: 2024-07" in text
    assert "ha-giang" not in text and "Hà Giang" not in text  # nothing copied
    filled = (text.replace("publisher:", "publisher: Báo Bắc Kạn")
              .replace("title:", "title: Kết quả tháng 7")
              .replace("date:  ", "date: 2024-08-05  ")
              .replace("  - id:     ", "  - id: online_services")
              .replace("area:   ", "area: procedures")
              .replace('label: {vi: "", en: ""}', "label: {vi: Dịch vụ công, en: Services}")
              .replace("kind:   ", "kind: count")
              .replace("value:", "value: 1818")
              .replace('excerpt: ""', "excerpt: 1.818 dịch vụ"))
    path = tmp_path / "report_2024-07.yaml"
    path.write_text(filled, encoding="utf-8")
    assert run("validate", str(path)).exit_code == 0, run("validate", str(path)).stderr
    empty = tmp_path / "empty" / "report_2024-07.yaml"
    empty.parent.mkdir()
    empty.write_text(text, encoding="utf-8")
    assert run("validate", str(empty)).exit_code == EXIT_DATA


def test_template_needs_a_period() -> None:
    result = run("template", "--province", "bac-kan")
    assert result.exit_code == 2 and "--period 2025-07" in result.stderr


@pytest.mark.parametrize(("period", "field"), [("2024-07", 63), ("2025-q2", 63),
                                               ("2025-q3", 34), ("2026-ytd", 34)])
def test_a_rank_without_its_field_takes_the_provinces_of_the_time(
        tmp_path: Path, period: str, field: int) -> None:
    text = AT_MOST.replace("    of: 63\n", "").replace("    qualifier: at_most\n", "")
    path = _report(tmp_path, text, period=period)
    # Cao Bằng, which the merger left as it was, exists on both sides of 1 July 2025
    text = path.read_text(encoding="utf-8").replace(
        "id: bac-kan\n  name: {vi: Bắc Kạn, en: Bac Kan}",
        "id: cao-bang\n  name: {vi: Cao Bằng, en: Cao Bang}")
    if period.endswith("ytd"):
        # a day with no national table captured, so no cross-check against a real rank
        text = text.replace("period: 2026-ytd\n", "period: 2026-ytd\nas_of: 2026-10-11\n")
    path.write_text(text, encoding="utf-8")
    shown = json.loads(run("show", "service_index_rank", "--data", str(path), "--format",
                           "json").stdout)
    assert shown["figure"]["of"] == field
    assert _findings(path) == []


def test_check_flags_a_stated_field_that_is_not_the_country(tmp_path: Path) -> None:
    path = _report(tmp_path, AT_MOST.replace("of: 63", "of: 34"))
    findings = _findings(path)
    assert [f["code"] for f in findings] == ["field_not_the_country"]
    assert "ranked out of 34, but on 2024-07-31 the country had 63" in str(findings[0]["message"])


def test_ranks_of_63_and_of_34_compare_by_share_not_places(tmp_path: Path) -> None:
    for period, rank, field in (("2024", 14, 63), ("2026", 5, 34)):
        text = AT_MOST.replace("value: 20", f"value: {rank}").replace(
            "of: 63", f"of: {field}").replace("    qualifier: at_most\n", "").replace(
            "thuộc nhóm 20 tỉnh dẫn đầu", f"xếp thứ {rank}/{field}")
        path = _report(tmp_path, text, period=period, date=f"{period}-12-31")
        path.write_text(path.read_text(encoding="utf-8").replace(
            f"period: {period}", f"year: {period}"), encoding="utf-8")
    document = json.loads(run("compare", "2024", "2026", "--data", str(tmp_path),
                              "--format", "json").stdout)
    measures = {m["measure"]: m for m in document["figures"][0]["measures"]}
    # 14 of 63 and 5 of 34 are not "up 9 places"
    assert measures["value"]["change"] is None and measures["value"]["direction"] is None
    top = measures["top_share"]
    # 14 × 100 ÷ 63 = 22.2; 5 × 100 ÷ 34 = 14.7; a smaller top share is better
    assert (top["before"], top["after"], top["change"], top["verdict"]) == (
        22.2, 14.7, -7.5, "better")
    table = run("compare", "2024", "2026", "--data", str(tmp_path), "--lang", "en").stdout
    assert "not on the same scale" in table and "places" not in table.split("scale")[0]
    # the note is data too: in the JSON with its numbers, and on the CSV's rows
    note = document["notes"][0]
    assert (note["code"], note["id"], note["numbers"]) == (
        "fields_differ", "service_index_rank", {"field_before": 63, "field_after": 34})
    assert "not on the same scale" in note["message"]
    rows = run("compare", "2024", "2026", "--data", str(tmp_path), "--format", "csv").stdout
    assert rows.count("fields_differ") == 2  # the value row and the top-share row


def test_the_bundled_reports_say_ha_giang_is_part_of_tuyen_quang() -> None:
    assert "part of Tuyen Quang province" in run("summary", "--lang", "en").stdout
    assert "là một phần của tỉnh Tuyên Quang" in run("summary", "--year", "2023",
                                                    "--lang", "vi").stdout
    note = json.loads(run("summary", "--format", "json").stdout)["province"]["note"]
    assert note["en"].startswith("Since 1 July 2025 Ha Giang has been part of Tuyen Quang")


def test_a_current_province_shows_its_former_parts_data_as_theirs() -> None:
    document = json.loads(run("trend", "service_index_rank", "--province", "Tuyên Quang",
                              "--format", "json").stdout)
    assert document["province"]["id"] == "tuyen-quang"
    points = [(p["province"]["id"], p["year"], p["value"], p["places_gained"])
              for p in document["points"]]
    # Hà Giang's own ranks, never added to anything; its changes are its own
    assert points == [("ha-giang", 2022, 19, None), ("ha-giang", 2023, 14, 5),
                      ("ha-giang", 2024, 12, 2)]
    table = run("trend", "service_index_rank", "--province", "tuyen quang", "--lang", "en")
    assert "Ha Giang" in table.stdout and "that province's own" in table.stdout
    years = run("years", "--province", "Tuyên Quang", "--format", "json")
    assert [p["id"] for p in json.loads(years.stdout)["provinces"]] == ["ha-giang"]


def test_a_province_with_no_data_and_no_parts_in_the_data_is_refused() -> None:
    result = run("trend", "service_index_rank", "--province", "Cà Mau")
    assert result.exit_code == 2 and "no data for Cà Mau" in result.stderr


def _complete(words: str, cword: int, shell: str = "bash") -> list[str]:
    result = run(env={"_CCHC_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
                      "COMP_CWORD": str(cword)}, prog_name="cchc")
    return [line.split(",", 1)[1] for line in result.stdout.splitlines() if "," in line]


def test_completion_offers_figure_ids_provinces_and_periods() -> None:
    assert _complete("cchc show onl", 2) == ["online_applications", "online_payment_transactions",
                                             "online_public_services"]
    assert sorted(_complete("cchc summary --province tuyen", 3)) == ["tuyen-quang",
                                                                     "tuyen-quang-cu"]
    assert _complete("cchc summary --period 202", 3) == ["2023", "2024"]
    assert _complete("cchc sum", 1) == ["summary"]


def test_a_figure_is_found_by_its_label_in_either_language() -> None:
    by_vi = run("show", "thu ngan sach", "--year", "2023", "--format", "json")
    assert by_vi.exit_code == 0, by_vi.stderr
    assert json.loads(by_vi.stdout)["figure"]["id"] == "state_budget_revenue"
    by_en = run("show", "STATE BUDGET", "--year", "2023", "--format", "json")
    assert json.loads(by_en.stdout)["figure"]["id"] == "state_budget_revenue"
    several = run("show", "dịch vụ công")
    assert several.exit_code == 2 and "several figures match" in several.stderr
    assert "online_public_services" in several.stderr


def test_a_mistyped_command_gets_a_did_you_mean() -> None:
    result = run("sumary")
    assert result.exit_code == 2 and "Did you mean 'summary'?" in result.stderr


SLIP = """\
  - id: dossiers_early
    area: procedures
    label: {vi: Hồ sơ giải quyết trước hạn, en: Dossiers settled early}
    kind: count
    value: 99558
    share: {percent: 48.2, out_of: 206885}
    source: src
    excerpt: 99.558/206.885 hồ sơ trước hạn, đạt 48,2%
"""


def test_a_source_slip_kept_as_printed_is_a_warning_not_an_error(tmp_path: Path) -> None:
    # 99,558 × 100 ÷ 206,885 = 48.12%, not the printed 48.2%
    path = _report(tmp_path, SLIP)
    assert run("validate", str(path)).exit_code == EXIT_DATA
    assert [(f["code"], f["severity"]) for f in _findings(path)] == [("share_mismatch", "error")]
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    source: src\n    excerpt: 99", "    as_printed: true\n    source: src\n"
        "    excerpt: 99"), encoding="utf-8")
    assert run("validate", str(path)).exit_code == 0
    assert [(f["code"], f["severity"]) for f in _findings(path)] == [
        ("share_mismatch", "warning")]


def test_the_whole_field_chart_is_for_documents_not_the_terminal() -> None:
    text = run("summary", "--year", "2023", "--lang", "vi").stdout
    assert "Chỉ số PAPI" in text or "PAPI" in text
    assert "11. Hà Giang ◀" not in text
    assert "11. Hà Giang ◀" not in run("summary", "--year", "2023", "--lang", "vi",
                                       "--format", "markdown").stdout


def test_a_plain_year_is_a_period_as_written(tmp_path: Path) -> None:
    path = _report(tmp_path, _score("83.61"), period="2024")
    assert "period: 2024\n" in path.read_text(encoding="utf-8")
    assert run("validate", str(path)).exit_code == 0


def test_an_empty_province_is_a_usage_error() -> None:
    result = run("years", "--province", "")
    assert result.exit_code == 2 and "--province is empty" in result.stderr


def test_a_latin_1_article_gets_an_iconv_line_that_runs(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("Tỉnh đạt 96,9%".encode()[:-3] + b"\xe9t\xe9 12,5%")
    result = run("draft", str(path))
    assert result.exit_code == 3
    assert "iconv -f CP1252 -t UTF-8" in result.stdout + result.stderr


def test_an_at_most_rank_shows_an_at_most_top_share(tmp_path: Path) -> None:
    path = _report(tmp_path, AT_MOST)
    # 20 of 63 is 31.7%, printed as 32%: "in the group of the top 20" is top ≤32%
    assert "top ≤32%" in run("summary", "--data", str(path), "--lang", "en").stdout


def test_a_report_for_a_province_that_did_not_exist_then_is_flagged(tmp_path: Path) -> None:
    path = _report(tmp_path, _score("83.61"), period="2026-07", date="2026-08-05")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "id: bac-kan\n  name: {vi: Bắc Kạn, en: Bac Kan}",
        "id: ha-giang\n  name: {vi: Hà Giang, en: Ha Giang}"), encoding="utf-8")
    [finding] = _findings(path)
    assert (finding["code"], finding["severity"]) == ("province_not_in_period", "warning")
    assert "belong to: Tuyên Quang (tuyen-quang)" in str(finding["message"])
    note = run("template", "--province", "Hà Giang", "--period", "2026-07").stderr
    assert "Hà Giang did not exist at the end of 2026-07" in note
    assert "id: tuyen-quang-cu" in run("template", "--province", "Tuyên Quang", "--period",
                                       "2024-07").stdout


def test_a_later_period_first_is_compared_as_asked_and_said() -> None:
    document = json.loads(run("compare", "2024", "2023", "--format", "json").stdout)
    assert document["notes"][0]["code"] == "later_first"
    assert "2024 comes after 2023" in document["notes"][0]["message"]


def test_the_former_province_of_the_same_name_is_labelled_as_former() -> None:
    text = run("trend", "papi", "--province", "tuyen-quang").stdout
    assert "Tuyen Quang (the former province, to 30 June 2025)" in text
    assert "Ha Giang (now part of Tuyen Quang)" in text
