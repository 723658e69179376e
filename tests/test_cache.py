"""The cache of loaded reports: used while nothing changed, ignored when anything did."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from cchc_cli.load import cache
from cchc_cli.load.files import load_files
from tests.conftest import MINIMAL, run_json


@pytest.fixture
def cache_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.delenv("CCHC_NO_CACHE")
    monkeypatch.setenv("CCHC_CACHE_DIR", str(folder))
    return folder


def test_a_loaded_report_is_cached_and_reused(cache_on: Path,
                                              write_report: Callable[..., Path]) -> None:
    path = str(write_report(MINIMAL))
    [first], _ = load_files([path])
    assert len(list(cache_on.iterdir())) == 1
    assert cache.load(path) == first
    [second], _ = load_files([path])
    assert second == first and second.path == path


def test_an_edited_file_is_parsed_again(cache_on: Path,
                                        write_report: Callable[..., Path]) -> None:
    path = write_report(MINIMAL)
    assert run_json("summary", "--data", str(path))["figures"][0]["value"] == 1818
    stat = path.stat()
    path.write_text(MINIMAL.replace("1818", "1819"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time, different size
    assert cache.load(str(path)) is None
    assert run_json("summary", "--data", str(path))["figures"][0]["value"] == 1819


def test_a_corrupt_entry_is_a_miss(cache_on: Path, write_report: Callable[..., Path]) -> None:
    path = str(write_report(MINIMAL))
    load_files([path])
    [entry] = cache_on.iterdir()
    entry.write_bytes(b"not a pickle")
    assert cache.load(path) is None
    [report], problems = load_files([path])
    assert problems == [] and report.year == 2023


def test_a_folder_others_may_write_to_is_not_trusted(cache_on: Path,
                                                     write_report: Callable[..., Path]) -> None:
    path = str(write_report(MINIMAL))
    load_files([path])
    cache_on.chmod(0o777)
    assert cache.load(path) is None


def test_an_unwritable_cache_never_stops_a_command(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   write_report: Callable[..., Path]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.delenv("CCHC_NO_CACHE")
    monkeypatch.setenv("CCHC_CACHE_DIR", str(blocker / "cache"))
    assert run_json("summary", "--data", str(write_report(MINIMAL)))["year"] == 2023


def test_cache_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                   write_report: Callable[..., Path]) -> None:
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    load_files([str(write_report(MINIMAL))])
    assert not (tmp_path / "cache").exists()
