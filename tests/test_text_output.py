"""Text output: numbers in each language, every number whole at any width, colour
only where wanted, charts, and exports written to files."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_cli import numfmt
from cchc_cli.errors import EXIT_OUTPUT, EXIT_USAGE
from cchc_cli.model import Lang, Text
from tests.conftest import run

BILLION = Text("tỷ đồng", "billion VND")


@pytest.mark.parametrize(("value", "decimals", "vi", "en"), [
    ("163909", None, "163.909", "163,909"),
    ("1818", None, "1.818", "1,818"),
    ("96.9", None, "96,9", "96.9"),
    ("76.90", None, "76,90", "76.90"),          # the printed precision is kept
    ("2.25", 1, "2,3", "2.3"),                  # half-up, never to even
    ("2.35", 1, "2,4", "2.4"),
    ("0.5", 0, "1", "1"),
    ("-8.72", None, "-8,72", "-8.72"),
    ("1234567.891", 2, "1.234.567,89", "1,234,567.89"),
    ("999.5", 0, "1.000", "1,000"),
    ("0", None, "0", "0"),
])
def test_numbers_in_both_languages(value: str, decimals: int | None, vi: str, en: str) -> None:
    assert numfmt.number(Decimal(value), "vi", decimals) == vi
    assert numfmt.number(Decimal(value), "en", decimals) == en


@pytest.mark.parametrize(("kind", "value", "vi", "en"), [
    ("percent", "96.9", "96,9%", "96.9%"),
    ("points", "76.90", "76,90 điểm", "76.90 points"),
    ("money", "2295", "2.295 tỷ đồng", "VND 2,295 billion"),
    ("money", "2265.5", "2.265,5 tỷ đồng", "VND 2,265.5 billion"),
])
def test_units_in_both_languages(kind: str, value: str, vi: str, en: str) -> None:
    number = Decimal(value)

    def shown(lang: Lang) -> str:
        if kind == "percent":
            return numfmt.percent(number, lang)
        if kind == "points":
            return numfmt.points(number, lang)
        return numfmt.money(number, BILLION, lang)

    assert (shown("vi"), shown("en")) == (vi, en)


def test_qualifier_marks() -> None:
    assert numfmt.qualified("1,876", "approx") == "≈1,876"
    assert numfmt.qualified("200,000", "at_least") == "≥200,000"
    assert numfmt.qualified("5", "at_most") == "≤5"
    assert numfmt.qualified("5", "exact") == "5"


def test_summary_lang_vi_and_en() -> None:
    vi = run("summary", "--year", "2023", "--lang", "vi").stdout
    en = run("summary", "--year", "2023", "--lang", "en").stdout
    assert "163.909" in vi and "96,9%" in vi
    assert "163,909" in en and "96.9%" in en


def test_language_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert "Kết quả CCHC" in run("summary").stdout
    monkeypatch.setenv("CCHC_LANG", "en")
    assert "administrative reform results" in run("summary").stdout
    monkeypatch.setenv("CCHC_LANG", "fr")
    assert run("summary").exit_code == EXIT_USAGE


def _values(command: list[str], lang: str) -> list[str]:
    """Every Value cell of a command's Markdown output (Markdown never wraps)."""
    out = run(*command, "--format", "markdown", "--lang", lang).stdout
    cells = []
    for line in out.splitlines():
        parts = [p.strip() for p in line.strip("|").split(" | ")]
        if line.startswith("| ") and len(parts) >= 2 and re.search(r"\d", parts[1]):
            cells.append(parts[1])
    return cells


COMMANDS = [["summary", "--year", "2023"], ["summary", "--year", "2024"],
            ["compare", "2023", "2024"], ["show", "dossiers_received", "--year", "2023"],
            ["trend", "service_index_rank"]]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_number_is_printed_whole_at_any_width(width: int, command: list[str], lang: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    values = _values(command, lang)
    assert values, "the command shows values"
    out = run(*command, "--lang", lang).stdout
    assert max(len(line) for line in out.splitlines()) <= width
    for value in values:
        assert value in out, f"{value!r} is not whole at width {width}"


def test_no_colour_in_a_pipe_but_colour_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in run("summary").stdout
    assert "\x1b[" in run("summary", "--color", "always").stdout
    assert "\x1b[" not in run("summary", "--color", "never").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("summary").stdout


def test_summary_charts() -> None:
    out = run("summary", "--year", "2023", "--lang", "en").stdout
    assert "Against plan and target" in out
    assert "101.3% of central government plan" in out
    assert "█ resolved ahead of deadline: 78.8%" in out
    assert "▒ late or pending: 2.3%" in out
    assert re.search(r"2022\s+█+░*\s+19/63", out)


@pytest.mark.parametrize("name", ["report.html", "report.svg"])
def test_export_to_html_and_svg(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    result = run("summary", "--year", "2023", "--lang", "en", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert page.lstrip().startswith("<!DOCTYPE html>" if name.endswith("html") else "<svg")
    plain = re.sub(r"<[^>]+>|&#160;", " ", page).replace("&#x27;", "'")
    for value in ("1,818", "163,909", "96.9%", "76.90 points"):
        assert value in plain, value


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert run("summary", "--output", str(target)).exit_code == 0
    target.write_text("mine", encoding="utf-8")
    second = run("summary", "--output", str(target))
    assert second.exit_code == EXIT_OUTPUT
    assert "exists; use --force" in second.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    assert run("summary", "--year", "2023", "--lang", "en", "--output", str(target),
               "--force").exit_code == 0
    assert "1,818" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["summary"], ["compare", "2023", "2024"], ["check"],
                                     ["show", "online_public_services"]])
def test_exports_by_extension(tmp_path: Path, command: list[str]) -> None:
    for name in ("out.json", "out.csv", "out.md", "out.txt"):
        target = tmp_path / name
        assert run(*command, "--output", str(target)).exit_code == 0, name
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert document["format"] == "cchc-output/2"
    header = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.count(",") >= 5  # check has no rows on clean data, only its header
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "|" in markdown or "0 error(s)" in markdown
    assert "\x1b[" not in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_output_extension_decides_and_contradictions_are_refused(tmp_path: Path) -> None:
    unknown = run("summary", "--output", str(tmp_path / "out.pdf"))
    assert unknown.exit_code == EXIT_USAGE and "extension" in unknown.stderr
    clash = run("summary", "--format", "csv", "--output", str(tmp_path / "out.json"))
    assert clash.exit_code == EXIT_USAGE and "contradicts" in clash.stderr


def test_an_output_file_gets_the_users_umask(tmp_path: Path) -> None:
    import os

    previous = os.umask(0o022)
    try:
        target = tmp_path / "report.md"
        assert run("summary", "--output", str(target)).exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o600)
        assert run("summary", "--output", str(target), "--force").exit_code == 0
        assert target.stat().st_mode & 0o777 == 0o600  # a replaced file keeps its mode
    finally:
        os.umask(previous)


def test_a_numeric_header_is_never_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run("compare", "2022", "2023", "--lang", "vi").stdout
    assert "Thay đổi" in out


@pytest.mark.parametrize("width", ["0", "1", "2", "5", "10", "19", "-3", "abc"])
def test_an_absurd_width_falls_back_to_80_columns(width: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS=0 once printed nothing, and COLUMNS=1 labels without their values."""
    values = _values(["summary", "--year", "2023"], "en")
    monkeypatch.setenv("COLUMNS", width)
    result = run("summary", "--year", "2023", "--lang", "en")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    for value in values:
        assert value in result.stdout, f"{value!r} is missing at COLUMNS={width}"


@pytest.mark.parametrize("width", ["0", "1", "2", "20"])
def test_validate_lists_every_problem_at_any_width(width: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    bad = Path(__file__).resolve().parent / "bad_inputs" / "rank_zero" / "report_2023.yaml"
    monkeypatch.setenv("COLUMNS", width)
    result = run("validate", str(bad))
    assert result.exit_code == 3
    assert "0 is out of range" in result.stdout.replace("\n", " ")


NUMBER = re.compile(r"\d[\d.,]*\d|\d")


@pytest.mark.parametrize("width", [20, 25, 30])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_number_is_whole_in_a_narrow_terminal(width: int, command: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """From 20 columns up a value and its range may wrap, but no number is cut."""
    numbers = {n for value in _values(command, "en") for n in NUMBER.findall(value)}
    monkeypatch.setenv("COLUMNS", str(width))
    out = run(*command, "--lang", "en").stdout
    assert max(len(line) for line in out.splitlines()) <= width
    assert numbers - set(NUMBER.findall(out)) == set()
