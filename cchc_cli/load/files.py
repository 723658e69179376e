"""Find report files and load them, refusing anything unsafe or malformed."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from cchc_cli.load.problems import DataError, Problem

if TYPE_CHECKING:
    from cchc_cli.model import Report

MAX_FILE_BYTES = 1_048_576
"""Largest report file read (1 MiB); a year's report is about 15 KiB."""

MAX_FILES = 20_000
"""Most report files one data folder may hold."""

PATTERN = "report_*.yaml"

MAX_PROBLEMS = 50
"""Most problems listed per file; the rest are counted in one line."""

FORMAT_WITHIN = 50
"""Lines from the top within which a report must have its ``format:`` line."""


def bundled_data_dir() -> str:
    """The datasets that ship with cchc (inside the wheel, or ``data/`` in a checkout)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    installed = os.path.join(package, "datasets")
    return installed if os.path.isdir(installed) else os.path.join(os.path.dirname(package),
                                                                    "data")


def _is_report(name: str) -> bool:
    return name.startswith("report_") and name.endswith(".yaml")


def _reports_in(folder: str) -> list[str]:
    """``report_*.yaml`` in ``folder`` and in its sub-folders, one level down."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file() and _is_report(entry.name):
                found.append(entry.path)
            elif entry.is_dir():
                with os.scandir(entry.path) as inner:
                    found += [e.path for e in inner if e.is_file() and _is_report(e.name)]
    return sorted(found)


def find_report_files(location: str | os.PathLike[str]) -> list[str]:
    """The report files at ``location``: the file itself, or a folder's ``report_*.yaml``.

    A folder is searched one level deep as well (``DATA/<province>/report_2023.yaml``).
    Raises ``DataError`` when there is nothing to read.
    """
    location = os.fspath(location)
    if os.path.isfile(location):
        return [location]
    if not os.path.exists(location):
        raise DataError([Problem(location, 0, 0, "", "no such file or folder",
                                 "check the --data path or CCHC_DATA")])
    if not os.path.isdir(location):
        raise DataError([Problem(location, 0, 0, "", "not a file or folder", "")])
    try:
        found = _reports_in(location)
    except OSError as error:
        raise DataError([Problem(location, 0, 0, "", f"cannot read the folder: "
                                 f"{error.strerror}", "")]) from None
    if not found:
        raise DataError([Problem(str(location), 0, 0, "", f"no {PATTERN} files in this folder",
                                 "point --data at a report file or a folder of them")])
    if len(found) > MAX_FILES:
        raise DataError([Problem(str(location), 0, 0, "", f"{len(found)} report files is more "
                                 f"than the limit of {MAX_FILES}", "point --data at a smaller "
                                 "folder")])
    return found


def read_bytes(path: str, limit: int, problems: list[Problem], what: str) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes, or None and a problem
    (see ``read_file``)."""
    got = read_file(path, limit, problems, what)
    return None if got is None else got[0]


def read_file(path: str, limit: int, problems: list[Problem], what: str
              ) -> tuple[bytes, os.stat_result] | None:
    """The bytes of a regular file of at most ``limit`` bytes and its status as it was
    opened, or None and a problem.

    The file is opened without blocking and its kind and size are checked on
    the open handle before a byte is read, so a FIFO, a device (``/dev/zero``)
    or a 2 GB log is refused at once; at most ``limit`` bytes are ever read,
    even from a file that grows meanwhile. ``what`` names a file of the right
    kind in the hints ("a report", "an article").
    """
    import stat

    too_big = f"is this the right file? {what} is a few KiB"
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        problems.append(Problem(path, 0, 0, "", f"cannot read the file: {error.strerror}", ""))
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem(path, 0, 0, "", "not a regular file (a pipe, a device or "
                                    "a socket)", f"give the path of {what}"))
            return None
        if info.st_size > limit:
            problems.append(Problem(path, 1, 1, "", f"the file is {info.st_size:,} bytes, over "
                                    f"the limit of {limit:,}", too_big))
            return None
        data = _read_at_most(handle, limit + 1)
    except OSError as error:
        problems.append(Problem(path, 0, 0, "", f"cannot read the file: {error.strerror}", ""))
        return None
    finally:
        os.close(handle)
    if len(data) > limit:
        problems.append(Problem(path, 1, 1, "", f"the file is over the limit of {limit:,} bytes",
                                too_big))
        return None
    return data, info


def utf8_text(data: bytes, name: str, problems: list[Problem]) -> str | None:
    """``data`` as text without a byte-order mark, or None and a problem naming the byte."""
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


def _read_at_most(handle: int, limit: int) -> bytes:
    """Up to ``limit`` bytes from an open file descriptor."""
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(handle, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def load_file(path: str | os.PathLike[str]) -> tuple[Report | None, list[Problem]]:
    """Load one report file: the report, or None and every problem found.

    A report loaded before from these very bytes comes from the cache (see
    ``cchc_cli.cache``); the file is read and checked first all the same.
    """
    from cchc_cli.cache import Input, cached
    from cchc_cli.model import RECORDS

    path = os.fspath(path)
    problems: list[Problem] = []
    got = read_file(path, MAX_FILE_BYTES, problems, "a report")
    if got is None:
        return None, problems

    def parse() -> tuple[Report | None, list[Problem]]:
        text = utf8_text(got[0], path, problems)
        return (None, problems) if text is None else load_text(text, path)

    report, found = cached("report", [Input(path, *got)], RECORDS, parse,
                           keep=lambda loaded: loaded[0] is not None)
    return report, list(found)


def load_text(text: str, path: str) -> tuple[Report | None, list[Problem]]:
    """Load a report from its text (``path`` names it in messages)."""
    from cchc_cli.load.fields import FieldReader
    from cchc_cli.load.schema import build_report
    from cchc_cli.load.yamltree import read_tree

    problems: list[Problem] = []
    if not _looks_like_a_report(text):
        problems.append(Problem(path, 1, 1, "", "not a cchc report: no 'format:' line in "
                                f"its first {FORMAT_WITHIN} lines",
                                "is this the right file? a report starts with "
                                "'format: cchc-report/1'"))
        return None, problems
    root = read_tree(text, path, problems)
    if root is None:
        if not problems:
            problems.append(Problem(path, 1, 1, "", "the file is empty",
                                    "start it with 'format: cchc-report/1'"))
        return None, problems
    reader = FieldReader(path)
    reader.problems = problems
    report = build_report(root, path, reader)
    problems.sort(key=lambda p: (p.line, p.column))
    return (report if not problems else None), _capped(problems, path)


def _looks_like_a_report(text: str) -> bool:
    """A ``format:`` key at the start of a line near the top, or nothing but comments.

    A file with no content at all is reported as empty later, with the fix.
    """
    lines = text.splitlines()
    for line in lines[:FORMAT_WITHIN]:
        if line.startswith("format") and line[6:].lstrip(" \t").startswith(":"):
            return True
    return not any(line.strip() and not line.lstrip().startswith("#") for line in lines)


def _capped(problems: list[Problem], path: str) -> list[Problem]:
    """The first ``MAX_PROBLEMS`` problems, and one line counting the rest."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS],
            Problem(path, problems[MAX_PROBLEMS].line, problems[MAX_PROBLEMS].column, "",
                    f"{rest:,} more problem(s) in this file, not listed",
                    "fix the ones above and check again")]


def load_files(paths: list[str], keep: Callable[[Report], bool] | None = None
               ) -> tuple[list[Report], list[Problem]]:
    """Load many files; also report two files for the same province and period.

    Every file is read and checked at every run, and parsed unless the cache
    holds what these very bytes gave before (``cchc_cli.cache``), so what cchc
    shows is always what the files say now. Only the reports ``keep``
    accepts are returned (all, by default); the others are checked and dropped,
    so memory holds only what the command needs.

    Loading makes many objects and no reference cycles, so Python's cycle
    collector is paused meanwhile, and what was loaded is then frozen out of
    its sight: otherwise it walks the whole growing heap again and again.
    """
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        reports, problems = _load_each(paths, keep)
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    return reports, problems


def _load_each(paths: list[str], keep: Callable[[Report], bool] | None
               ) -> tuple[list[Report], list[Problem]]:
    reports: list[Report] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}
    for path in paths:
        report, found = load_file(path)
        problems.extend(found)
        if report is None:
            continue
        key = (report.province.id, report.period.full_key)
        first = seen.get(key)
        if first is not None:
            problems.append(Problem(report.path, 1, 1, "period",
                                    f"{report.province.id} {report.period.full_key} is also "
                                    f"in {first}", "keep one file per province and period"))
            continue
        seen[key] = report.path
        if keep is None or keep(report):
            reports.append(report)
    return reports, problems


BUNDLED = "bundled"
"""The name that ``--data`` (and ``CCHC_DATA``) gives the bundled datasets."""


def data_locations(options: Sequence[str] | str | None = None) -> list[str]:
    """Where to read data from: every ``--data``, else ``CCHC_DATA`` (several paths
    separated by ``os.pathsep``), else the bundled datasets; ``bundled`` names those."""
    given = [options] if isinstance(options, str) else list(options or ())
    if not given:
        given = [p for p in os.environ.get("CCHC_DATA", "").split(os.pathsep) if p]
    return [bundled_data_dir() if g == BUNDLED else g for g in given] or [bundled_data_dir()]


def find_all_report_files(locations: Sequence[str]) -> list[str]:
    """The report files at every location, each file once; ``DataError`` lists every
    location with nothing to read."""
    files: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for location in locations:
        try:
            found = find_report_files(location)
        except DataError as error:
            problems += error.problems
            continue
        for path in found:
            if (real := os.path.realpath(path)) not in seen:
                seen.add(real)
                files.append(path)
    if problems:
        raise DataError(problems)
    return files


def load_location(locations: Sequence[str], keep: Callable[[Report], bool] | None = None
                  ) -> list[Report]:
    """Load every report at ``locations``, or raise ``DataError`` with all problems.

    The same province and period in two files (the bundled 2024 and a file of
    one's own) is a problem naming both. ``keep`` chooses which reports to
    hold on to (see ``load_files``).
    """
    reports, problems = load_files(find_all_report_files(locations), keep=keep)
    if problems:
        raise DataError(problems)
    return reports
