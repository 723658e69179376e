"""The catalogue of words: every key in both languages and used; Vietnamese output with
no English in it, dates as dd/mm/yyyy; tables that keep verdicts whole and stack when
narrow; no view or renderer that branches on the language."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

import pytest

from cchc_cli import i18n
from cchc_cli.calc.derive import DerivedKey
from cchc_cli.model import Change, Lang
from tests.conftest import ROOT, run

SOURCES = ROOT / "cchc_cli"
CATALOGUES = {"WORDS": i18n.WORDS, "FINDINGS": i18n.FINDINGS, "AREA_NAMES": i18n.AREA_NAMES,
              "KIND_NAMES": i18n.KIND_NAMES, "QUALIFIER_NAMES": i18n.QUALIFIER_NAMES,
              "PERIOD_KINDS": i18n.PERIOD_KINDS}

DYNAMIC = {
    "derived_": get_args(DerivedKey),
    "status_": ("verified", "excerpt_not_found", "value_not_found"),
    "verdict_": ("better", "worse", "same"),
    "compare_": ("share_percent", "whole", "attainment_percent", "top_share"),
    "score_": ("rises", "falls"),
    "place_": ("rises", "falls"),
    "unit_": get_args(Change.__annotations__["unit"]) or ("places", "points", "percent",
                                                          "count"),
}
"""Keys the code builds from a typed value (``f"derived_{item.key}"``), by prefix."""


def _code() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES.rglob("*.py")
                     if path.name != "i18n.py")


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_key_has_both_languages(name: str) -> None:
    for key, text in CATALOGUES[name].items():
        assert text.vi.strip() and text.en.strip(), f"{name}[{key!r}] lacks a language"


def test_every_word_is_used() -> None:
    code = _code()
    unused = [key for key in i18n.WORDS if f'"{key}"' not in code
              and not any(key.startswith(prefix) for prefix in DYNAMIC)]
    assert unused == []


def test_every_built_key_is_in_the_catalogue() -> None:
    built = {"unit_places", "unit_points", "unit_percent", "unit_count"}
    for prefix, suffixes in DYNAMIC.items():
        built |= {prefix + suffix for suffix in suffixes if prefix != "unit_"}
    missing = sorted(key for key in built if key not in i18n.WORDS)
    assert missing == []


def test_no_view_or_renderer_branches_on_the_language() -> None:
    branch = re.compile(r"""lang\s*[!=]=\s*["'](vi|en)["']|\[0 if lang|vi = lang""")
    found = [f"{path.relative_to(ROOT)}:{number}" for path in SOURCES.rglob("*.py")
             if path.name != "i18n.py"
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if branch.search(line)]
    assert found == []


ENGLISH = ("the", "of", "and", "implies", "implied", "points", "places", "plan", "target",
           "better", "worse", "same", "together", "top", "Figure", "Value", "Source", "Note",
           "Change", "agrees", "disagrees", "warning", "error", "checked", "report", "derived",
           "exact", "approximate", "Rank", "Score", "Year", "Period", "from", "since", "in",
           "below", "above", "short", "grade", "band", "Arithmetic", "Excerpt", "Qualifier")
"""English words that must not appear in Vietnamese output."""
CALQUES = ("của ≈", "cộng lại", "đứng đầu", "Suy ra", "Mức chính xác", "tổng (của tỷ lệ)",
           "số bậc tăng", "Chính phủ điện tử, Chính phủ số")
"""Phrases that read as translated, and the words an official writes instead."""

COMMANDS = [
    ("summary", "--year", "2023"), ("summary", "--year", "2024"),
    ("show", "online_public_services", "--year", "2023"),
    ("show", "service_index_rank", "--year", "2024"),
    ("show", "papi_rank", "--year", "2024"), ("show", "state_budget_revenue", "--year", "2023"),
    ("show", "dossiers_received", "--year", "2023"),
    ("compare", "2023", "2024"), ("compare", "2022", "2023"),
    ("trend", "service_index_rank"), ("trend", "papi_rank"), ("check",),
    ("check", "--year", "2023"), ("check", "--year", "2024"), ("years",), ("metrics",),
    ("rank", "papi", "--year", "2024", "--province", "ha-giang"),
    ("show", "papi", "--province", "ha-giang", "--year", "2024"),
    ("compare", "papi", "2023", "2024"), ("trend", "papi", "--province", "ha-giang"),
]


def _vietnamese_prose(text: str) -> str:
    """The output without what is quoted from the data: sources, addresses, excerpts."""
    kept = []
    for line in text.splitlines():
        if line.strip() == i18n.word("sources", "vi"):  # the table of sources: their titles
            break
        if line.startswith(("Nguồn", "https://", "http://", "  Tiêu đề:", "  Cơ quan đăng tải:")) \
                or "“" in line:
            continue
        kept.append(re.sub(r"https?://\S+|\b[a-z0-9]+(?:[_-][a-z0-9]+)+\b", "", line))
    return "\n".join(kept)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_vietnamese_output_has_no_english(args: tuple[str, ...],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # a source's line unwrapped, to be left out whole
    result = run(*args, "--lang", "vi")
    assert result.exit_code in (0, 1), result.stderr
    prose = _vietnamese_prose(result.stdout)
    leaked = sorted({w for w in ENGLISH if re.search(rf"(?<![\w/.-]){w}(?![\w/.-])", prose)})
    assert leaked == [], prose
    assert [c for c in CALQUES if c in result.stdout] == []
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", prose), "dates are dd/mm/yyyy"


def test_the_terms_an_official_writes() -> None:
    summary = run("summary", "--year", "2023", "--lang", "vi", "-f", "markdown").stdout
    assert "bằng 96,9% tổng số ≈1.876" in summary
    assert "tổng cộng ≈97,7%" in summary
    assert "thuộc nhóm 22% dẫn đầu; tăng 5 bậc so với năm 2022 (xếp thứ 19)" in summary
    assert "Xây dựng và phát triển chính quyền điện tử, chính quyền số" in summary
    assert "Diễn giải" in summary and "Suy ra" not in summary
    later = run("summary", "--year", "2024", "--lang", "vi", "-f", "markdown").stdout
    assert "giảm 19 bậc so với năm 2023 (xếp thứ 11)" in later
    shown = run("show", "papi_rank", "--year", "2024", "--lang", "vi", "-f", "markdown").stdout
    assert "thay đổi thứ hạng so với năm 2023" in shown and "giảm 19 bậc" in shown
    assert "Mức chính xác" not in shown


@pytest.mark.parametrize(("text", "vi", "en"), [
    ("2024-01-01", "01/01/2024", "2024-01-01"),
    ("2025-01", "tháng 1/2025", "2025-01"),
    ("2024", "năm 2024", "2024"),
    ("unknown", "không rõ ngày", "date unknown"),
])
def test_dates_as_each_language_writes_them(text: str, vi: str, en: str) -> None:
    assert (i18n.date_text(text, "vi"), i18n.date_text(text, "en")) == (vi, en)


def test_a_note_in_both_languages_follows_lang(write_report: object, tmp_path: Path) -> None:
    from tests.conftest import MINIMAL

    text = MINIMAL + "    note: {vi: Số liệu của Sở Nội vụ, en: Figure from the Home Office}\n"
    path = tmp_path / "report_2023.yaml"
    path.write_text(text, encoding="utf-8")
    vi = run("show", "online_public_services", "--data", str(path), "--lang", "vi").stdout
    en = run("show", "online_public_services", "--data", str(path), "--lang", "en").stdout
    assert "Ghi chú: Số liệu của Sở Nội vụ" in vi and "Home Office" not in vi
    assert "Note: Figure from the Home Office" in en


def test_summary_is_stacked_at_40_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    for lang in ("en", "vi"):
        text = run("summary", "--year", "2023", "--lang", lang).stdout
        assert "────" not in text  # no table rule: every table is stacked
        assert max(len(line) for line in text.splitlines()) <= 40
        assert ("What it implies: " if lang == "en" else "Diễn giải: ") in text


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("years", [("2023", "2024"), ("2022", "2023")])
def test_no_verdict_is_split_at_80_columns(monkeypatch: pytest.MonkeyPatch, lang: Lang,
                                           years: tuple[str, str]) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = run("compare", *years, "--lang", lang).stdout
    words = [i18n.word(f"verdict_{v}", lang) for v in ("better", "worse", "same")]
    verdicts = re.findall(r"[▲▼=] (\S+(?: \S+)?)", text)
    assert verdicts, text
    assert all(any(v.startswith(w) for w in words) for v in verdicts), verdicts
    for line in text.splitlines():  # a verdict's word never starts a line of its own
        assert line.strip() not in words, text


def test_plan_bars_mark_100_percent_of_plan_and_the_target(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_cli.bars import REFERENCE, TARGET

    monkeypatch.setenv("COLUMNS", "80")
    text = run("summary", "--year", "2023").stdout
    chart = text[text.index("Against plan and target"):]
    online = chart.splitlines()[chart.splitlines().index(
        "Online public services provided") + 1]
    # 50 cells on a scale of 101.3% of plan: 80% at cell 39, 100% at cell 49
    assert online.index(TARGET) == 38 and online.index(REFERENCE) == 48
    assert f"{REFERENCE} 100% of plan; {TARGET} target 80%" in chart


def test_metrics_in_vietnamese_are_in_vietnamese_alphabetical_order() -> None:
    text = run("metrics", "--lang", "vi", "--format", "markdown").stdout
    labels = [line.split("|")[4].strip() for line in text.splitlines()
              if line.startswith("| ") and "---" not in line][1:]
    assert labels == sorted(labels, key=i18n.collate)
    # d comes before đ: "Dịch vụ công …" before "Điểm …"
    assert labels.index("Dịch vụ công trực tuyến được cung cấp") < \
        labels.index("Điểm Chỉ số PAPI")
    assert i18n.collate("ăn") > i18n.collate("an") and i18n.collate("âm") > i18n.collate("ăn")


def test_validate_lists_mistakes_first_and_sums_up_empty_values(tmp_path: Path) -> None:
    skeleton = run("template", "--year", "2025").stdout
    half = skeleton.replace("    publisher:\n", "    publisher: Báo Hà Giang\n", 1)
    half = half.replace("  - id: papi_score\n", "  - id: papi_score\n    colour: red\n", 1)
    path = tmp_path / "report_2025.yaml"
    path.write_text(half, encoding="utf-8")
    lines = run("validate", str(path)).stdout.splitlines()
    assert "figures[papi_score].colour: unknown field 'colour'" in lines[0]
    empties = [line for line in lines if "empty value" in line]
    assert len(empties) == 1 and empties[0] == (
        f"{path}:14:11: 49 empty value(s) left to fill in (sources[0].title, "
        "sources[0].date, figures[papi_score].value, …)")
    assert lines[-1] == "50 problem(s) in 1 file(s)"


def test_an_empty_required_field_is_not_to_be_removed(tmp_path: Path) -> None:
    skeleton = run("template", "--year", "2025").stdout
    path = tmp_path / "report_2025.yaml"
    path.write_text(skeleton, encoding="utf-8")
    problems = json.loads(run("validate", str(path), "--json").stdout)["problems"]
    hints = {p["field"]: p["hint"] for p in problems}
    assert hints["figures[papi_score].value"] == "write a value"  # required: removing it
    assert hints["sources[0].publisher"] == "write a value"      # would be another problem
    optional = {field for field, hint in hints.items() if "remove the field" in hint}
    assert optional == {"figures[papi_rank].of", "figures[service_index_rank].of"}


def test_problems_follow_lang(tmp_path: Path) -> None:
    from tests.conftest import MINIMAL

    path = tmp_path / "report_2023.yaml"
    path.write_text(MINIMAL.replace("    kind: count\n", "    kind: cuont\n"), encoding="utf-8")
    vi = run("summary", "--data", str(path), "--lang", "vi")
    assert vi.exit_code == 3
    assert f"{path}:16:11: figures[online_public_services].kind: 'cuont' không thuộc các " \
           "giá trị: count, percent, score, rank, money, duration (có phải là 'count'?)" \
           in vi.stderr
    assert "1 lỗi trong 1 tệp" in vi.stderr
    en = run("validate", str(path))
    assert "'cuont' is not one of: count" in en.stdout and "(did you mean 'count'?)" in en.stdout


def test_template_comments_follow_lang() -> None:
    vi = run("template", "--year", "2025", "--lang", "vi").stdout
    en = run("template", "--year", "2025", "--lang", "en").stdout
    assert vi.startswith("# báo cáo cchc của Hà Giang, kỳ 2025, lập từ báo cáo kỳ 2024.\n")
    assert en.startswith("# cchc report for Hà Giang, 2025, made from the 2024 report.\n")
    assert "# up (tăng) hoặc down (giảm)" in vi and "# up or down" in en
    strip = re.compile(r"\s*#.*$", re.MULTILINE)
    assert strip.sub("", vi) == strip.sub("", en)  # the YAML itself is the same
