"""Shared fixtures: the bundled data, a CLI runner, and broken copies of a report."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cchc_cli.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
REPORT_2023 = DATA / "report_2023.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLE_2023 = FIXTURES / "sources" / "bao-ha-giang-2024-01-01-cchc-2023.txt"

MINIMAL = """\
format: cchc-report/1
province:
  id: test-province
  name: {vi: Tỉnh Thử, en: Test Province}
year: 2023
sources:
  - id: src
    publisher: Báo Thử
    title: Kết quả CCHC
    date: 2024-01-01
    language: vi
figures:
  - id: online_public_services
    area: procedures
    label: {vi: Dịch vụ công trực tuyến, en: Online public services}
    kind: count
    value: 1818
    share:
      percent: 96.9
    source: src
    excerpt: cung cấp 1.818 dịch vụ công trực tuyến, đạt 96,9%
"""


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run, so every test also runs through the cache."""
    folder = tmp_path_factory.mktemp("cache")
    folder.chmod(0o700)
    return folder


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch, _session_cache: Path) -> None:
    """Tests see the bundled data and English unless they say otherwise, and a cache
    of their own (never the user's)."""
    for name in ("CCHC_DATA", "CCHC_LANG", "NO_COLOR", "LC_ALL", "LC_MESSAGES",
                 "CCHC_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CCHC_CACHE_DIR", str(_session_cache))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "120")


def run(*args: str, **kwargs: Any) -> Result:
    """Invoke cchc in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def run_json(*args: str) -> Any:
    """Invoke cchc with --format json, check it succeeded and parse stdout."""
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first occurrence of ``needle`` in ``text``."""
    position = text.index(needle)
    return text.count("\n", 0, position) + 1


@pytest.fixture
def write_report(tmp_path: Path) -> Callable[..., Path]:
    """Write report text (or bytes) to ``tmp_path/name`` and return the path."""

    def write(content: str | bytes, name: str = "report_2023.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


@pytest.fixture
def real_2023() -> str:
    """The text of the bundled 2023 report."""
    return REPORT_2023.read_text(encoding="utf-8")
