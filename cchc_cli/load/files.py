"""Find report files and load them, refusing anything unsafe or malformed."""

from __future__ import annotations

import os
from pathlib import Path

from cchc_cli.load.fields import FieldReader
from cchc_cli.load.problems import DataError, Problem
from cchc_cli.load.schema import build_report
from cchc_cli.load.yamltree import read_tree
from cchc_cli.model import Report

MAX_FILE_BYTES = 1_048_576
"""Largest report file read (1 MiB); a year's report is about 15 KiB."""

MAX_FILES = 20_000
"""Most report files one data folder may hold."""

PATTERN = "report_*.yaml"


def bundled_data_dir() -> Path:
    """The datasets that ship with cchc (inside the wheel, or ``data/`` in a checkout)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "datasets"
    return installed if installed.is_dir() else package.parent / "data"


def find_report_files(location: Path) -> list[Path]:
    """The report files at ``location``: the file itself, or a folder's ``report_*.yaml``.

    A folder is searched one level deep as well (``DATA/<province>/report_2023.yaml``).
    Raises ``DataError`` when there is nothing to read.
    """
    if location.is_file():
        return [location]
    if not location.exists():
        raise DataError([Problem(str(location), 0, 0, "", "no such file or folder",
                                 "check the --data path or CCHC_DATA")])
    if not location.is_dir():
        raise DataError([Problem(str(location), 0, 0, "", "not a file or folder", "")])
    found = sorted([*location.glob(PATTERN), *location.glob(f"*/{PATTERN}")])
    if not found:
        raise DataError([Problem(str(location), 0, 0, "", f"no {PATTERN} files in this folder",
                                 "point --data at a report file or a folder of them")])
    if len(found) > MAX_FILES:
        raise DataError([Problem(str(location), 0, 0, "", f"{len(found)} report files is more "
                                 f"than the limit of {MAX_FILES}", "point --data at a smaller "
                                 "folder")])
    return found


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """Read a file as UTF-8 text, within the size cap."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(name, 1, 1, "", f"the file is {size:,} bytes, over the "
                                    f"limit of {MAX_FILE_BYTES:,}",
                                    "is this the right file? a report is a few KiB"))
            return None
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(name, 0, 0, "", f"cannot read the file: {error.strerror}", ""))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.append(Problem(name, line, column, "",
                                f"the file is not UTF-8 (byte 0x{data[error.start]:02x})",
                                "save it as UTF-8"))
        return None
    return text.removeprefix("\ufeff")


def load_file(path: Path) -> tuple[Report | None, list[Problem]]:
    """Load one report file: the report, or None and every problem found."""
    problems: list[Problem] = []
    text = read_text(path, problems)
    if text is None:
        return None, problems
    root = read_tree(text, str(path), problems)
    if root is None:
        if not problems:
            problems.append(Problem(str(path), 1, 1, "", "the file is empty",
                                    "start it with 'format: cchc-report/1'"))
        return None, problems
    reader = FieldReader(str(path))
    reader.problems = problems
    report = build_report(root, str(path), reader)
    problems.sort(key=lambda p: (p.line, p.column))
    return (report if not problems else None), problems


def load_files(paths: list[Path]) -> tuple[list[Report], list[Problem]]:
    """Load many files; also report two files for the same province and year."""
    reports: list[Report] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, int], Report] = {}
    for path in paths:
        report, found = load_file(path)
        problems.extend(found)
        if report is None:
            continue
        key = (report.province.id, report.year)
        first = seen.get(key)
        if first is not None:
            problems.append(Problem(report.path, 1, 1, "year",
                                    f"{report.province.id} {report.year} is also in {first.path}",
                                    "keep one file per province and year"))
            continue
        seen[key] = report
        reports.append(report)
    return reports, problems


def data_location(option: str | None) -> Path:
    """Where to read data from: ``--data``, else ``CCHC_DATA``, else the bundled datasets."""
    chosen = option or os.environ.get("CCHC_DATA")
    return Path(chosen) if chosen else bundled_data_dir()


def load_location(location: Path) -> list[Report]:
    """Load every report at ``location``, or raise ``DataError`` with all problems."""
    reports, problems = load_files(find_report_files(location))
    if problems:
        raise DataError(problems)
    return reports
