"""HTML documents and Excel workbooks written with --output: their structure, their
numbers (checked against the JSON output), the terminal recording kept beside
them, and data that tries to be markup, a formula or a script link."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cchc_cli.errors import EXIT_USAGE
from cchc_cli.render import svg
from cchc_cli.render.html import linked
from cchc_cli.render.xlsx import number_format, number_value
from cchc_cli.views.page import Bar, Chart, Number
from tests.conftest import MINIMAL, run, run_json

TABLE_COMMANDS = {
    "summary": ["summary", "--year", "2023"],
    "show": ["show", "online_public_services", "--year", "2023"],
    "compare": ["compare", "2022", "2023"],
    "trend": ["trend", "service_index_rank"],
    "rank": ["rank", "service_index_rank", "--year", "2023"],
    "check": ["check"],
}


class Outline(HTMLParser):
    """The parts of an HTML document a test looks at."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        for tag in self._open:
            self.text.setdefault(tag, []).append(data)

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.tags if name == tag)

    def joined(self, tag: str) -> str:
        return " ".join(self.text.get(tag, []))


def write(tmp_path: Path, name: str, *args: str) -> Path:
    target = tmp_path / name
    result = run(*args, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return target


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# -- HTML ----------------------------------------------------------------------------


def test_the_2023_summary_is_a_titled_document_with_area_headings_tables_and_charts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    page = outline(write(tmp_path, "r.html", "summary", "--year", "2023", "--lang", "vi"))
    html_tag = next(attrs for tag, attrs in page.tags if tag == "html")
    assert html_tag["lang"] == "vi"
    assert page.text["title"][0] == "Kết quả CCHC Hà Giang năm 2023"
    headings = page.text["h2"]
    for area in ("Công tác chỉ đạo, điều hành cải cách hành chính", "Cải cách thủ tục hành chính",
                 "Cải cách tài chính công",
                 "Xây dựng và phát triển chính quyền điện tử, chính quyền số"):
        assert area in headings
    # three figure charts, and the whole PAPI 2023 field with Hà Giang (11th) marked
    assert page.count("table") == 4 and page.count("svg") == 4
    assert "11. Hà Giang ◀" in page.joined("main")
    assert page.count("script") == 0 and page.count("link") == 0  # self-contained
    numbers = [attrs for tag, attrs in page.tags if tag == "td" and attrs.get("class") == "num"]
    assert len(numbers) == 18  # every figure's value, right-aligned
    body = page.joined("main")
    for shown in ("1.818", "163.909", "bằng 96,9% tổng số ≈1.876", "≈2.295 tỷ đồng", "76,90 điểm"):
        assert shown in body, shown
    footer = page.joined("footer")
    assert "Tạo ngày 01/01/2025 bằng cchc 0.1.0." in footer
    assert "Nỗ lực tạo đột phá trong cải cách hành chính" in footer
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert links == ["https://en.baohagiang.vn/administrative-reform/202505/ha-giang-works-to-"
                     "improve-papi-ranking-build-a-service-oriented-administration-6dd7fd1"]


@pytest.mark.parametrize("name", list(TABLE_COMMANDS))
def test_every_command_with_a_table_writes_a_document(tmp_path: Path, name: str) -> None:
    page = outline(write(tmp_path, "out.html", *TABLE_COMMANDS[name], "--lang", "en"))
    assert page.text["title"][0].strip()
    assert page.count("h1") == 1 and page.count("footer") == 1
    assert "by cchc 0.1.0" in page.joined("footer")
    if name != "check":  # a clean check is one line, not a table
        assert page.count("table") >= 1 and page.count("th") >= 2


def test_compare_and_rank_documents_hold_their_numbers(tmp_path: Path) -> None:
    compare = outline(write(tmp_path, "c.html", *TABLE_COMMANDS["compare"], "--lang", "en"))
    assert "19/63*" in compare.joined("td") and "14/63" in compare.joined("td")
    assert compare.text["title"][0] == "Ha Giang: 2022 → 2023"
    ranking = outline(write(tmp_path, "r.html", *TABLE_COMMANDS["rank"], "--lang", "en"))
    assert "14/63" in ranking.joined("td")


def test_the_terminal_recording_stays_available(tmp_path: Path) -> None:
    recording = write(tmp_path, "t.html", "summary", "--year", "2023", "--style", "terminal")
    text = recording.read_text(encoding="utf-8")
    assert "<pre" in text and "█" in text and "<table" not in text
    picture = write(tmp_path, "t.svg", "summary", "--year", "2023")
    assert picture.read_text(encoding="utf-8").startswith("<svg")
    refused = run("summary", "--style", "terminal", "--output", str(tmp_path / "t.json"))
    assert refused.exit_code == EXIT_USAGE and "--style terminal" in refused.stderr


HOSTILE = MINIMAL.replace(
    "label: {vi: Dịch vụ công trực tuyến, en: Online public services}",
    'label: {vi: "<script>alert(1)</script> dịch vụ", en: "<script>alert(1)</script> services"}',
).replace(
    "    language: vi\n",
    '    language: vi\n    url: "javascript:alert(2)"\n'
    '  - {id: web, publisher: "<b>Web</b>", title: "=1+2", date: 2024-01-02, language: vi,'
    ' url: "https://example.org/a?b=1&c=2"}\n',
)


def test_markup_and_script_links_from_data_are_shown_as_text(
        tmp_path: Path, write_report: Callable[..., Path]) -> None:
    data = write_report(HOSTILE)
    target = write(tmp_path, "x.html", "summary", "--data", str(data), "--lang", "en")
    text = target.read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; services" in text
    assert "<b>Web</b>" not in text and "&lt;b&gt;Web&lt;/b&gt;" in text
    page = outline(target)
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert links == ["https://example.org/a?b=1&c=2"]
    assert 'href="https://example.org/a?b=1&amp;c=2"' in text
    assert "javascript:alert(2)" in page.joined("footer")  # shown, not linked
    assert not any("javascript" in (attrs.get("href") or "") for _, attrs in page.tags)


@pytest.mark.parametrize(("text", "expected"), [
    ("see https://a.vn/x.", 'see <a href="https://a.vn/x">https://a.vn/x</a>.'),
    ("javascript:alert(1) and http:/broken", "javascript:alert(1) and http:/broken"),
    ('"https://a.vn/?q=1&r=2"', '&quot;<a href="https://a.vn/?q=1&amp;r=2">'
                                'https://a.vn/?q=1&amp;r=2</a>&quot;'),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
])
def test_only_web_addresses_become_links(text: str, expected: str) -> None:
    assert linked(text) == expected


def test_plan_bars_are_scaled_to_the_plan_with_the_target_marked() -> None:
    # 2023: the largest attainment is revenue at 101.3% of plan, so the scale is 101.3;
    # online services reach 96.9% against an 80% target: bar 96.9/101.3, mark 80/101.3.
    picture = svg.bar_chart(Chart("plans", (
        Bar("online", 96.9 / 101.3, "96.9% (target 2025: 80%)", "warning", 80 / 101.3,
            "target 80%"),
        Bar("revenue", 1.0, "101.3% of plan", "good")), reference=100 / 101.3,
        reference_label="100% of plan"))
    assert 'width="344.4"' in picture        # 96.9 / 101.3 × 360 = 344.36
    assert 'x1="284.3"' in picture           # the target: 80 / 101.3 × 360 = 284.30
    assert 'x1="355.4"' in picture           # the plan line: 100 / 101.3 × 360 = 355.38
    assert "▲ target 80%" in picture and ">100% of plan<" in picture


def test_summary_charts_carry_the_target_and_the_plan_line(tmp_path: Path) -> None:
    text = write(tmp_path, "r.html", "summary", "--year", "2023", "--lang", "en") \
        .read_text(encoding="utf-8")
    assert 'x1="284.3"' in text and 'x1="355.4"' in text
    assert "Rank movement: Service index rank among provinces" in text
    # ranks: a longer bar is better; 19th of 63 fills 45/63, 14th fills 50/63 of 360
    assert 'width="257.1"' in text and 'width="285.7"' in text


def test_component_scores_are_drawn_against_their_maxima(
        tmp_path: Path, write_report: Callable[..., Path]) -> None:
    report = MINIMAL.replace("figures:\n", """\
indices:
  - id: idx
    name: {vi: Chỉ số, en: Index}
    max: 100
    components:
      - {code: A, label: {vi: Công khai, en: Publicity}, max: 18}
      - {code: B, label: {vi: Hài lòng, en: Satisfaction}, max: 20}
figures:
  - id: index_score
    area: procedures
    label: {vi: Điểm, en: Index score}
    kind: score
    index: idx
    value: 27.5
    components: {A: 13.5, B: 14.0}
    source: src
    excerpt: đạt 27,5 điểm
""")
    target = write(tmp_path, "c.html", "summary", "--data", str(write_report(report)),
                   "--lang", "en")
    text = target.read_text(encoding="utf-8")
    assert "Component scores against their maxima: Index score" in text
    assert 'width="270.0"' in text and ">13.5/18<" in text   # 13.5 / 18 × 360 = 270
    assert 'width="252.0"' in text and ">14.0/20<" in text   # 14.0 / 20 × 360 = 252


# -- xlsx ----------------------------------------------------------------------------


def sheet_rows(path: Path, title: str) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path)
    return [tuple(cell.value for cell in row) for row in book[title].iter_rows()]


def test_the_2023_workbook_keeps_numbers_as_numbers(tmp_path: Path) -> None:
    target = write(tmp_path, "r.xlsx", "summary", "--year", "2023")
    book = openpyxl.load_workbook(target)
    procedures = book["Administrative procedure reform"]
    assert procedures.freeze_panes == "A2"
    assert [c.value for c in procedures[1]] == ["Figure", "Value", "Value (qualifier)",
                                                "What it implies"]
    online = next(row for row in procedures.iter_rows(min_row=2)
                  if row[0].value == "Online public services provided")
    assert online[1].value == 1818 and isinstance(online[1].value, int)
    assert online[1].number_format == "#,##0" and online[2].value == "exact"
    every = book["Every number"]
    share = next(row for row in every.iter_rows(min_row=2)
                 if row[0].value == "Online public services provided"
                 and row[1].value == "share (stated)")
    assert share[2].value == pytest.approx(0.969) and share[2].number_format == "0.0%"
    revenue = next(row for row in book["Public finance reform"].iter_rows(min_row=2)
                   if str(row[0].value).startswith("State budget revenue"))
    assert (revenue[1].value, revenue[1].number_format, revenue[2].value) == \
        (2295, '"VND "#,##0" billion"', "approximate")
    score = next(row for row in procedures.iter_rows(min_row=2)
                 if str(row[0].value).startswith("Service index score"))
    assert score[1].number_format == '#,##0.00" points"'  # 76.90 keeps two decimals
    assert book.sheetnames[-1] == "Sources"
    sources = sheet_rows(target, "Sources")
    assert any(row[3] == "Nỗ lực tạo đột phá trong cải cách hành chính" for row in sources)
    link = next(row for row in book["Sources"].iter_rows(min_row=2) if row[4].value)
    assert link[4].hyperlink is not None
    assert str(link[4].hyperlink.target).startswith("https://")


def _json_numbers(figure: dict[str, Any]) -> list[Decimal]:
    """A figure's numbers in the order the workbook's "Every number" sheet lists them."""
    numbers = [figure["value"]]
    relations = (figure["share"], figure["attainment"])
    if figure["share"]:
        numbers.append(figure["share"]["percent"])
    if figure["breakdown"]:
        numbers += [p["percent"] for p in figure["breakdown"]["parts"] if p["percent"] is not None]
    if relations[1]:
        numbers.append(relations[1]["percent"])
    if figure["target"]:
        numbers.append(figure["target"]["value"])
    numbers += [d["value"] for d in figure["derived"]
                if isinstance(d["value"], int | float) and not isinstance(d["value"], bool)]
    return [Decimal(str(n)) for n in numbers]


@pytest.mark.parametrize("year", ["2023", "2024"])
def test_every_workbook_number_equals_the_json(tmp_path: Path, year: str) -> None:
    document = run_json("summary", "--year", year)
    target = write(tmp_path, "r.xlsx", "summary", "--year", year)
    book = openpyxl.load_workbook(target)
    listed: dict[str, list[Decimal]] = {}
    for row in book["Every number"].iter_rows(min_row=2):
        value = Decimal(str(row[2].value))
        listed.setdefault(str(row[0].value), []).append(
            value * 100 if row[2].number_format.endswith("%") else value)
    figures = document["figures"]
    assert set(listed) == {f["label"]["en"] for f in figures}
    for figure in figures:
        assert listed[figure["label"]["en"]] == _json_numbers(figure), figure["id"]
    area_sheets = [sheet for sheet in book.worksheets[1:]
                   if sheet.title not in ("Every number", "Note", "Sources")]
    values = {row[0].value: row[1].value for sheet in area_sheets
              for row in sheet.iter_rows(min_row=2)}
    for figure in figures:
        shown = Decimal(str(values[figure["label"]["en"]]))
        percent = figure["kind"] == "percent"
        assert (shown * 100 if percent else shown) == Decimal(str(figure["value"])), figure["id"]


@pytest.mark.parametrize("name", list(TABLE_COMMANDS))
def test_every_command_with_a_table_writes_a_workbook(tmp_path: Path, name: str) -> None:
    target = write(tmp_path, "out.xlsx", *TABLE_COMMANDS[name], "--lang", "vi")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"


def test_trend_workbook_numbers_equal_the_json(tmp_path: Path) -> None:
    document = run_json("trend", "service_index_rank")
    target = write(tmp_path, "t.xlsx", "trend", "service_index_rank")
    rows = openpyxl.load_workbook(target).worksheets[0].iter_rows(min_row=2)
    got = [(int(str(row[0].value)), row[1].value, row[3].value) for row in rows]
    assert got == [(p["year"], p["value"], p["places_gained"]) for p in document["points"]]


def test_workbook_text_never_becomes_a_formula(
        tmp_path: Path, write_report: Callable[..., Path]) -> None:
    data = write_report(HOSTILE.replace("<script>alert(1)</script> services", "=1+2"))
    target = write(tmp_path, "x.xlsx", "summary", "--data", str(data), "--lang", "en")
    book = openpyxl.load_workbook(target)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    formulas = [cell.value for cell in cells if cell.data_type == "f"]
    assert formulas == []
    assert any(cell.value == "=1+2" and cell.data_type == "s" for cell in cells)
    hyperlinks = [cell.hyperlink.target for cell in cells if cell.hyperlink]
    assert hyperlinks == ["https://example.org/a?b=1&c=2"]  # not the javascript: one


@pytest.mark.parametrize(("cell", "value", "shown"), [
    (Number("1,818", Decimal(1818), 0), 1818, "#,##0"),
    (Number("96.9%", Decimal("96.9"), 1, percent=True), 0.969, "0.0%"),
    (Number("100%", Decimal(100), 0, percent=True), 1.0, "0%"),
    (Number("76.90 points", Decimal("76.90"), 2, suffix=" points"), 76.9, '#,##0.00" points"'),
    (Number("14/63", Decimal(14), 0, suffix="/63"), 14, '#,##0"/63"'),
    (Number('a "b" 5', Decimal(5), 0, prefix='a "b" '), 5, '"a b "#,##0'),
])
def test_number_formats_show_the_printed_precision(cell: Number, value: float,
                                                   shown: str) -> None:
    assert number_value(cell) == pytest.approx(value)
    assert number_format(cell) == shown


def test_a_workbook_is_written_atomically_and_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"mine")
    refused = run("summary", "--output", str(target))
    assert refused.exit_code == 4 and target.read_bytes() == b"mine"
    assert run("summary", "--output", str(target), "--force").exit_code == 0
    assert openpyxl.load_workbook(target).sheetnames
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]  # no temporary file left


def test_json_and_tables_are_unchanged_by_number_cells() -> None:
    out = run("summary", "--year", "2023", "--lang", "en", "--format", "markdown").stdout
    assert "| Online public services provided | 1,818 | 96.9% of ≈1,876;" in out
    document = json.loads(run("summary", "--year", "2023", "--json").stdout)
    assert document["figures"][0]["value"] == 7
    assert re.search(r"State budget revenue.*≈VND 2,295 billion", out)


def test_measures_under_a_figure_stay_indented(tmp_path: Path) -> None:
    text = write(tmp_path, "c.html", "compare", "2023", "2024", "--lang", "en") \
        .read_text(encoding="utf-8")
    assert '<th scope="row" class="sub">  share</th><td class="num">96.9%</td>' in text


def test_a_national_ranking_workbook_holds_numbers(tmp_path: Path) -> None:
    target = write(tmp_path, "r.xlsx", "rank", "papi", "--year", "2024")
    sheet = openpyxl.load_workbook(target).worksheets[0]
    first = list(next(sheet.iter_rows(min_row=2, max_row=2)))
    by_header = {str(h.value): c for h, c in zip(sheet[1], first, strict=True)}
    # Quảng Ninh first with 47.82 (47.8212 rounded as PAPI prints), nobody ahead
    assert (by_header["Total"].value, by_header["Total"].number_format) == (47.82, "#,##0.00")
    assert (by_header["Ahead"].value, by_header["Ahead"].number_format) == (0, "0.0%")
