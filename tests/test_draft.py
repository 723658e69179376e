"""``cchc draft``: eight real articles drafted, checked against what was coded by hand."""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.draft_quality import (
    ARTICLES,
    Locator,
    Number,
    body_of,
    coded_numbers,
    drafted_numbers,
    score,
    seed_numbers,
)
from cchc_cli.calc.verify import normalise, printed_forms, stands_in
from tests.conftest import ARTICLE_2023, REPORT_2023, run

ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))
ALL = [*ARTICLE_FILES, ARTICLE_2023]


def draft(article: Path, out: Path, *options: str) -> dict[str, Any]:
    """Draft ``article`` to ``out`` through the CLI; the draft with every scalar as text."""
    result = run("draft", str(article), "-o", str(out), *options)
    assert result.exit_code == 0, result.stderr
    loaded: dict[str, Any] = yaml.load(out.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return loaded


def report_name(article: Path, tmp_path: Path, *options: str) -> Path:
    """A draft written as ``report_<period>.yaml``, the period the draft chose."""
    first = tmp_path / "first.yaml"
    drafted = draft(article, first, *options)
    target = tmp_path / f"report_{drafted.get('period') or drafted['year']}.yaml"
    first.rename(target)
    return target


@pytest.mark.parametrize("article", ALL, ids=lambda p: p.stem)
def test_every_drafted_value_is_printed_in_its_excerpt_and_the_excerpt_in_the_article(
        article: Path, tmp_path: Path) -> None:
    drafted = draft(article, tmp_path / "draft.yaml")
    text = normalise(article.read_text(encoding="utf-8"))
    assert drafted["figures"]
    for figure in drafted["figures"]:
        excerpt = normalise(figure["excerpt"])
        assert excerpt in text, figure["id"]
        value = Decimal(figure["value"])
        assert any(stands_in(form, excerpt) for form in printed_forms(value, "vi")), \
            (figure["id"], figure["value"], excerpt)


@pytest.mark.parametrize("article", ALL, ids=lambda p: p.stem)
def test_an_unedited_draft_verifies_and_validates_as_a_draft(article: Path,
                                                              tmp_path: Path) -> None:
    path = report_name(article, tmp_path)
    verified = run("verify", "--source", str(article), "--data", str(path), "--format", "json")
    assert verified.exit_code == 0, verified.stdout
    assert json.loads(verified.stdout)["verified"] is True
    validated = run("validate", str(path), "--format", "json")
    assert validated.exit_code == 1
    document = json.loads(validated.stdout)
    assert document["state"] == "draft" and document["valid"] is True
    assert document["unconfirmed"] and document["problems"] == []


def _main_numbers(drafted: dict[str, Any], text: str) -> list[Number]:
    """Each figure's own value, where its excerpt stands."""
    locator = Locator(text)
    return [Number(Decimal(f["value"]), locator.find_after(f["excerpt"]), f["kind"],
                   f.get("qualifier", "exact"), "") for f in drafted["figures"]]


def clear_review(path: Path, answers: dict[int, Number]) -> None:
    """Correct each figure's kind and qualifier to the coded answer, then delete every
    ``review`` entry: what a person does with the draft."""
    head, marker, rest = path.read_text(encoding="utf-8").partition("\nfigures:\n")
    blocks = re.split(r"(?m)^(?=  - id: )", rest)
    head, figures = head + marker + blocks[0], blocks[1:]
    for position, answer in answers.items():
        block = figures[position]
        block = re.sub(r"(?m)^    qualifier: \w+\n", "", block)
        if answer.qualifier != "exact":
            block = re.sub(r"(?m)^(    value: .*\n)", rf"\g<1>    qualifier: {answer.qualifier}\n",
                           block)
        kind = re.search(r"(?m)^    kind: (\w+)$", block)
        assert kind is not None
        swappable = {"count", "score", "duration"}
        if answer.kind != kind.group(1) and {answer.kind, kind.group(1)} <= swappable and \
                "share:" not in block and "attainment:" not in block:
            block = block.replace(kind.group(0), f"    kind: {answer.kind}")
        figures[position] = block
    text = head + "".join(figures)
    path.write_text(re.sub(r"(?m)^\s*review: \[.*\]\n", "", text), encoding="utf-8")


@pytest.mark.parametrize("article", ARTICLE_FILES, ids=lambda p: p.stem)
def test_a_draft_cleared_with_the_coded_answers_validates(article: Path,
                                                          tmp_path: Path) -> None:
    path = report_name(article, tmp_path)
    drafted = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    text = body_of(article)
    coded = coded_numbers(article.with_suffix(".figures.csv"), Locator(text))
    answers: dict[int, Number] = {}
    for position, number in enumerate(_main_numbers(drafted, text)):
        match = next((c for c in coded if c.same_value(number) and c.span and number.span and
                      c.span[0] < number.span[1] and number.span[0] < c.span[1]), None)
        if match is not None:
            coded.remove(match)
            answers[position] = match
    assert len(answers) >= len(drafted["figures"]) * 0.9
    clear_review(path, answers)
    validated = run("validate", str(path))
    assert validated.exit_code == 0, validated.stdout + validated.stderr
    assert "valid" in validated.stdout and "draft" not in validated.stdout
    verified = run("verify", "--source", str(article), "--data", str(path))
    assert verified.exit_code == 0, verified.stdout


def test_the_2023_article_drafts_every_figure_of_the_bundled_dataset(tmp_path: Path) -> None:
    drafted = draft(ARTICLE_2023, tmp_path / "report_2023.yaml",
                    "--province", "ha-giang", "--period", "2023")
    text = body_of(ARTICLE_2023)
    coded = seed_numbers(REPORT_2023, Locator(text))
    counts = score(coded, drafted_numbers(drafted, Locator(text)))
    assert counts["matched"] == counts["coded"] == 23
    assert counts["kind"] == counts["qualifier"] == counts["matched"]
    assert counts["relation"] >= 0.8 * counts["matched"]
    assert drafted["province"]["id"] == "ha-giang" and drafted["year"] == "2023"
    figures = {f["value"]: f for f in drafted["figures"]}
    rank = figures["14"]
    assert (rank["kind"], rank["of"]) == ("rank", "63")
    assert rank["change"] == {"direction": "up", "amount": "5", "unit": "places", "since": "2022"}
    assert figures["1818"]["share"]["percent"] == "96.9"
    money = figures["2295"]
    assert (money["kind"], money["qualifier"], money["attainment"]["percent"]) == \
        ("money", "approx", "101.3")
    assert [p["percent"] for p in figures["163909"]["breakdown"]["parts"]] == ["78.8", "18.9"]
    assert figures["76.90"]["kind"] == "score"
    assert figures["91.28"]["basis"] == "plan"
    aside = {item["number"]: item["why"] for item in drafted["set_aside"]}
    assert aside["06"] == "project_number" and aside["01/01/2024"] == "date"


@pytest.mark.parametrize(("name", "figure", "computed"), [
    ("01-dak-nong-2021-07-06", "99558", "48.12"),
    ("05-thua-thien-hue-2023-02-14", "367", "45.09"),
])
def test_check_reports_the_sources_own_arithmetic_slips(name: str, figure: str, computed: str,
                                                        tmp_path: Path) -> None:
    path = report_name(ARTICLES / f"{name}.txt", tmp_path)
    result = run("check", "--data", str(path), "--format", "json")
    # the draft keeps the article's numbers as printed and says so, so the slip is
    # reported as a warning (an error with --strict), and validate accepts the draft
    assert result.exit_code == 0
    assert run("check", "--data", str(path), "--strict").exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    slips = [f for f in findings if f["code"] == "share_mismatch"]
    assert len(slips) == 1 and slips[0]["severity"] == "warning"
    assert str(slips[0]["numbers"]["part"]) == figure
    assert str(slips[0]["numbers"]["computed"]) == computed
    drafted = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    marked = [f for f in drafted["figures"] if f.get("as_printed") == "true"]
    assert [f["id"] for f in marked] == [slips[0]["id"]]
    assert "as_printed" in marked[0]["review"]


def test_a_quarter_is_drafted_as_the_period(tmp_path: Path) -> None:
    drafted = draft(ARTICLES / "07-thai-nguyen-2023-03-31.txt", tmp_path / "d.yaml")
    # Thái Nguyên of 2023 is the former province (merged with Bắc Kạn in 2025)
    assert drafted["period"] == "2023-q1" and drafted["province"]["id"] == "thai-nguyen-cu"
    assert "year" not in drafted and "period" in drafted["review"]


def test_a_province_of_the_same_name_before_the_merger_is_the_former_one(
        tmp_path: Path) -> None:
    drafted = draft(ARTICLE_2023, tmp_path / "d.yaml", "--province", "Tuyên Quang",
                    "--period", "2023")
    assert drafted["province"]["id"] == "tuyen-quang-cu"
    later = draft(ARTICLE_2023, tmp_path / "e.yaml", "--province", "Tuyên Quang",
                  "--period", "2026")
    assert later["province"]["id"] == "tuyen-quang"


def test_an_unknown_province_gets_the_closest_names(tmp_path: Path) -> None:
    result = run("draft", str(ARTICLE_2023), "--province", "Ha Giangg", "-o",
                 str(tmp_path / "d.yaml"))
    assert result.exit_code == 2 and "Hà Giang" in result.stderr
    assert not (tmp_path / "d.yaml").exists()


def test_options_win_over_the_text_and_are_not_marked_for_review(tmp_path: Path) -> None:
    drafted = draft(ARTICLE_2023, tmp_path / "d.yaml", "--province", "Hà Tĩnh",
                    "--period", "2023-h1", "--source-url", "https://example.org/a")
    assert drafted["province"] == {"id": "ha-tinh", "name": {"vi": "Hà Tĩnh", "en": "Ha Tinh"}}
    assert drafted["review"] == ["sources", "set_aside"]
    assert drafted["sources"][0]["url"] == "https://example.org/a"


def test_a_bad_period_is_a_usage_error(tmp_path: Path) -> None:
    result = run("draft", str(ARTICLE_2023), "--period", "2023-q5")
    assert result.exit_code == 2 and "2024-q3" in result.stderr


PAGE = """<!doctype html><html><head><title>Báo Thử</title>
<link rel="canonical" href="https://baothu.vn/bai-viet-1.html">
<meta property="article:published_time" content="2024-03-02T08:00:00+07:00">
<script>var views = 4337; var x = "đạt 55,5%";</script><style>.a{width:100px}</style></head>
<body><nav class="menu"><a href="/">Trang chủ</a> <a>Chuyên mục 24</a></nav>
<div class="header-top">Hotline 0912 345 678</div>
<article><h1>Hà Giang: tiếp nhận 56.039 hồ sơ</h1>
<p>Năm 2023, tỉnh Hà Giang đã tiếp nhận <b>56.039</b> hồ sơ, đạt tỷ lệ 22,33%.</p>
<p>Thu ngân sách ước đạt 2.295 tỷ đồng, bằng 101,3% kế hoạch.</p></article>
<aside class="related">Tin liên quan: 12 bài viết khác</aside>
<footer>Giấy phép số 123/GP-BTTTT</footer></body></html>
"""


def test_a_saved_page_is_read_without_its_menus_scripts_and_markup(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    drafted = draft(page, tmp_path / "report_2023.yaml")
    values = sorted(f["value"] for f in drafted["figures"])
    assert values == ["2295", "56039", "56039"]
    assert drafted["sources"][0]["url"] == "https://baothu.vn/bai-viet-1.html"
    assert drafted["sources"][0]["date"] == "2024-03-02"
    assert drafted["year"] == "2023" and drafted["province"]["id"] == "ha-giang"
    received = [f for f in drafted["figures"] if "share" in f]
    assert received[0]["share"]["percent"] == "22.33"
    result = run("verify", "--source", str(page), "--data", str(tmp_path / "report_2023.yaml"))
    assert result.exit_code == 0, result.stdout


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>1.818 hồ sơ</w:document>")


VIETNAMESE = "Năm 2023, tỉnh đã tiếp nhận 163.909 hồ sơ, đạt 96,9%.\n"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"  \n\n", "the file is empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "a Word (.doc)"),
    (None, "a Word (.docx) document"),
    (VIETNAMESE.encode("utf-16"), "looks like UTF-16"),
    ("Tình hình cải cách hành chính của tỉnh đạt kết quả tốt.\n".encode(), "no number"),
    ("Ngày 01/01/2024, năm 2023, Quyết định 766/QĐ-TTg.\n".encode(), "states a fact"),
])
def test_a_file_that_is_no_article_is_refused_and_nothing_written(
        content: bytes | None, message: str, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    if content is None:
        _docx(article)
    else:
        article.write_bytes(content)
    out = tmp_path / "out.yaml"
    result = run("draft", str(article), "-o", str(out))
    assert result.exit_code == 3, result.stderr
    assert message in result.stderr and "no draft was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_text_in_windows_1258_is_named_as_such(tmp_path: Path) -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", ARTICLE_2023.read_text(encoding="utf-8"))
    article = tmp_path / "article.txt"
    article.write_bytes(text.encode("cp1258", errors="replace"))
    result = run("draft", str(article))
    assert result.exit_code == 3
    assert "not UTF-8; it looks like Windows-1258 (Vietnamese)" in result.stderr
    assert "iconv -f CP1258" in result.stderr


def test_a_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    from cchc_cli.load.sourcetext import MAX_SOURCE_BYTES

    article = tmp_path / "huge.txt"
    article.write_bytes(b"1.818 h\xe1\xbb\x93 s\xc6\xa1. " * (MAX_SOURCE_BYTES // 15 + 10))
    result = run("draft", str(article))
    assert result.exit_code == 3 and "over the limit" in result.stderr


def test_an_existing_output_is_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "report_2023.yaml"
    out.write_text("mine\n", encoding="utf-8")
    kept = run("draft", str(ARTICLE_2023), "-o", str(out))
    assert kept.exit_code == 4 and "--force" in kept.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"
    forced = run("draft", str(ARTICLE_2023), "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# A draft written by `cchc draft`")


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run("draft", str(tmp_path / "nope.txt"))
    assert result.exit_code == 3 and "cannot read the file" in result.stderr


def test_the_draft_goes_to_stdout_without_o() -> None:
    result = run("draft", str(ARTICLE_2023))
    assert result.exit_code == 0
    assert result.stdout.startswith("# A draft") and "figures drafted" in result.stderr


def test_validate_tells_a_reviewed_report_from_a_draft() -> None:
    result = run("validate", str(REPORT_2023), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["state"] == "reviewed"


def test_an_unknown_review_field_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "report_2023.yaml"
    draft(ARTICLE_2023, path)
    text = path.read_text(encoding="utf-8").replace("review: [id,", "review: [colour,", 1)
    path.write_text(text, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 3 and "colour" in result.stdout
