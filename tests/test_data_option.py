"""``--data`` is repeatable, and ``bundled`` names the bundled datasets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cchc_cli.errors import EXIT_DATA
from tests.conftest import DATA, run, run_json
from tests.portal_server import SEPTEMBER

REPORT_2025 = """\
format: cchc-report/1
province:
  id: ha-giang
  name: {vi: Hà Giang, en: Ha Giang}
year: 2025
sources:
  - id: own
    publisher: Báo Thử
    title: Kết quả CCHC 2025
    date: 2026-01-05
    language: vi
figures:
  - id: procedures_in_force
    area: procedures
    label: {vi: TTHC đang có hiệu lực, en: Administrative procedures in force}
    kind: count
    unit: {vi: TTHC, en: procedures}
    better: neither
    value: 2010
    source: own
    excerpt: 2.010 TTHC đang có hiệu lực
"""


@pytest.fixture
def own_2025(tmp_path: Path) -> Path:
    path = tmp_path / "report_2025.yaml"
    path.write_text(REPORT_2025, encoding="utf-8")
    return path


def test_compare_the_bundled_2024_with_ones_own_2025(own_2025: Path) -> None:
    document = run_json("compare", "2024", "2025", "--data", "bundled", "--data", str(own_2025))
    figure = document["figures"][0]
    # 1,952 procedures in force in 2024 (bundled), 2,010 in 2025 (one's own): +58
    assert figure["id"] == "procedures_in_force"
    assert (figure["measures"][0]["before"], figure["measures"][0]["after"],
            figure["measures"][0]["change"]) == (1952, 2010, 58)
    # the bundled file alone has no 2025, one's own file alone no 2024: both are needed
    assert run("compare", "2024", "2025", "--data", str(own_2025)).exit_code == 2
    assert run("compare", "2024", "2025", "--data", "bundled").exit_code == 2


def test_the_last_data_option_no_longer_wins_silently(own_2025: Path) -> None:
    years = run_json("years", "--data", "bundled", "--data", str(own_2025))
    assert [y["year"] for y in years["provinces"][0]["years"]] == [2022, 2023, 2024, 2025]


def test_cchc_data_holds_several_paths(own_2025: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_DATA", os.pathsep.join(["bundled", str(own_2025)]))
    years = run_json("years")
    assert [y["year"] for y in years["provinces"][0]["years"]] == [2022, 2023, 2024, 2025]
    assert run("validate").exit_code == 0


def test_the_same_file_twice_is_read_once() -> None:
    years = run_json("years", "--data", "bundled", "--data", str(DATA / "report_2024.yaml"))
    assert [y["year"] for y in years["provinces"][0]["years"]] == [2022, 2023, 2024]


def test_two_files_for_one_period_name_both(tmp_path: Path) -> None:
    copy = tmp_path / "report_2024.yaml"
    copy.write_bytes((DATA / "report_2024.yaml").read_bytes())
    result = run("summary", "--data", "bundled", "--data", str(copy))
    assert result.exit_code == EXIT_DATA
    assert "ha-giang 2024 is also in" in result.stdout + result.stderr


def test_template_takes_bundled_too(own_2025: Path) -> None:
    result = run("template", "--year", "2026", "--data", "bundled", "--data", str(own_2025))
    assert result.exit_code == 0, result.stderr
    assert "made from the 2025 report" in result.stdout


def test_imported_tables_in_a_data_folder_are_read_beside_the_bundled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    into = tmp_path / "tables"
    imported = run("import", str(SEPTEMBER), "--into", str(into), "--captured-at",
                   "2026-09-17T03:40:19Z")
    assert imported.exit_code == 0, imported.stderr
    ranked = run_json("rank", "service-index-766", "--data", "bundled", "--data", str(into))
    assert ranked["source"]["table"].startswith(str(into))
    # an index the folder lacks comes from the bundled tables
    papi = run_json("rank", "papi", "--year", "2024", "--data", str(into))
    assert papi["field"] == 61
    assert json.dumps(papi).count("national/papi") > 0
