"""Fuzzing the loader and the CLI with hypothesis.

Whatever text a report file holds, loading it gives either a report and no
problems, or no report and at least one problem: never an exception. And on
random line-level edits of the real 2023 dataset, ``cchc validate`` and
``cchc summary --format json`` exit with 0 or 3 (and on 0 print valid JSON).

The number of examples comes from a settings profile: ``ci`` (the default, a
few seconds) or ``long`` (``HYPOTHESIS_PROFILE=long python -m pytest
tests/test_fuzz.py``).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_cli.cli.errors import EXIT_DATA, EXIT_OK
from cchc_cli.load.files import load_file
from cchc_cli.load.problems import Problem
from cchc_cli.model import Report
from tests.conftest import MINIMAL, REPORT_2023, run

settings.register_profile("ci", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REAL_LINES = REPORT_2023.read_text(encoding="utf-8").splitlines(keepends=True)

_folder: list[Path] = []


def write_report(text: str) -> Path:
    """Write ``text`` to ``report_2023.yaml`` in this module's temporary folder."""
    if not _folder:
        folder = Path(tempfile.mkdtemp(prefix="cchc-fuzz-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _folder.append(folder)
    path = _folder[0] / "report_2023.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- strategies -----------------------------------------------------------------------

KEYS = [
    "format", "province", "id", "name", "vi", "en", "year", "sources", "publisher",
    "title", "date", "language", "url", "file", "author", "note", "indices", "basis",
    "max", "components", "code", "label", "bands", "grade", "min", "below", "certainty",
    "headline", "score", "rank", "figures", "area", "kind", "unit", "value", "qualifier",
    "share", "percent", "whole", "rest", "of", "target", "measure", "source", "excerpt",
    "breakdown", "parts", "attainment", "plan", "plan_value", "change", "direction",
    "amount", "since", "better", "index", "vlaue", "yaer", "Năm", "<<",
]
NUMBERS = [
    "1818", "1.818", "1,818", "96.9", "96,9", "96.9%", "1:20", "190:20:30", "010", "0o10",
    "0x1F", "0b101", "1e3", "1_000", "-5", "+7", "0", "-0", "18.5", "76.90", ".5", "5.",
    "1e400", "nan", ".nan", ".inf", "-.inf", "99999999999999999999999", "2023", "2024",
    "1990", "2101", "63", "64", "100", "100.0001", "163.909", "2.295", "~", "null",
]
WORDS = [
    "yes", "no", "on", "off", "y", "n", "true", "False", "NULL", "Hà Giang", "Báo Thử",
    "cchc-report/1", "cchc-report/2", "procedures", "count", "percent", "score", "rank",
    "money", "duration", "exact", "approx", "up", "down", "places", "share", "higher",
    "2024-01-01", "2024-13-45", "2025-01", "vi", "en", "fr", "src", "service-index-766",
    "online_public_services", "Khá", "Xuất sắc", "ha-giang", "\u202e", "\ufeff", "\u00a0",
]
SYMBOLS = [
    ": ", ":", "- ", "-", "[", "]", "{", "}", ", ", ",", "'", '"', "&a ", "*a", "&b", "*b",
    "!!python/object/apply:os.system ['true'] ", "!!str ", "!!int ", "!!binary ", "!foo ",
    "? ", "| ", ">- ", "---", "...", "#", " # note", "%YAML 1.1", "%TAG ! tag:x,2000:",
    "\t", "\\", "@", "`", "\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028",
    "\r", "\r\n",
]


def _fragment() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(KEYS).map(lambda key: f"{key}: "),
        st.sampled_from(KEYS),
        st.sampled_from(NUMBERS),
        st.sampled_from(WORDS),
        st.sampled_from(SYMBOLS),
        st.sampled_from(NUMBERS).map(lambda number: f"'{number}'"),
        st.sampled_from(NUMBERS).map(lambda number: f'"{number}"'),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
    )


@st.composite
def yaml_line(draw: st.DrawFn) -> str:
    """One line: indentation, an optional list dash, then a run of fragments."""
    indent = " " * draw(st.sampled_from([0, 0, 2, 4, 6, 8, 1, 3]))
    dash = draw(st.sampled_from(["", "", "- "]))
    body = "".join(draw(st.lists(_fragment(), min_size=0, max_size=6)))
    return indent + dash + body + "\n"


@st.composite
def yaml_like_text(draw: st.DrawFn) -> str:
    """Random lines on their own, or spliced into the minimal valid report."""
    lines = draw(st.lists(yaml_line(), min_size=0, max_size=12))
    if draw(st.booleans()):
        return "".join(lines)
    base = MINIMAL.splitlines(keepends=True)
    for line in lines:
        position = draw(st.integers(0, len(base)))
        if draw(st.booleans()) and position < len(base):
            base[position] = line  # replace a line of the report
        else:
            base.insert(position, line)
    return "".join(base)


RANDOM_TEXT = st.one_of(
    st.sampled_from(NUMBERS + WORDS + SYMBOLS),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.lists(_fragment(), max_size=5).map("".join),
)


@st.composite
def mutated_real_report(draw: st.DrawFn) -> str:
    """The real 2023 dataset after one to three line-level edits."""
    lines = list(REAL_LINES)
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "number", "insert"]))
        at = draw(st.integers(0, len(lines) - 1))
        if operation == "delete" and len(lines) > 1:
            del lines[at]
        elif operation == "duplicate":
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "number":
            numbered = [i for i, line in enumerate(lines) if any(c.isdigit() for c in line)]
            at = draw(st.sampled_from(numbered))
            line = lines[at]
            start = next(i for i, c in enumerate(line) if c.isdigit())
            end = start
            while end < len(line) and (line[end].isdigit() or line[end] in ".,"):
                end += 1
            lines[at] = line[:start] + draw(RANDOM_TEXT) + line[end:]
        else:
            indent = " " * draw(st.sampled_from([0, 2, 4, 6]))
            lines.insert(at, indent + draw(RANDOM_TEXT) + "\n")
    return "".join(lines)


# -- properties ------------------------------------------------------------------------


def check_load_result(result: tuple[Report | None, list[Problem]]) -> None:
    """A report and no problems, or no report and at least one problem."""
    report, problems = result
    assert isinstance(problems, list)
    if report is not None:
        assert isinstance(report, Report)
        assert problems == []
    else:
        assert problems, "no report and no problem"
        for problem in problems:
            assert isinstance(problem, Problem)
            assert problem.message
            assert problem.line >= 1 and problem.column >= 1, problem
            assert str(problem).startswith(problem.path + ":")


@given(yaml_like_text())
def test_load_file_never_raises_on_yaml_like_text(text: str) -> None:
    check_load_result(load_file(write_report(text)))


@given(mutated_real_report())
def test_mutated_real_report_gives_a_report_or_problems_and_a_clean_exit(text: str) -> None:
    path = write_report(text)
    report, problems = load_file(path)
    check_load_result((report, problems))

    validated = run("validate", str(path))
    assert validated.exit_code in (EXIT_OK, EXIT_DATA), validated.output
    assert "Traceback" not in validated.stdout + validated.stderr
    assert (validated.exit_code == EXIT_OK) == (report is not None), validated.stdout

    summary = run("summary", "--data", str(path), "--format", "json")
    assert summary.exit_code in (EXIT_OK, EXIT_DATA), summary.output
    assert "Traceback" not in summary.stdout + summary.stderr
    if summary.exit_code == EXIT_OK:
        document = json.loads(summary.stdout)
        assert document["command"] == "summary"
    else:
        assert summary.stdout == ""
        assert f"{path}:" in summary.stderr


def test_every_single_line_deletion_or_duplication_of_the_real_report() -> None:
    """The exhaustive, deterministic cousin of the fuzzing above (a few hundred loads)."""
    crashes: list[str] = []
    for at, line in enumerate(REAL_LINES):
        for edit, lines in (("delete", REAL_LINES[:at] + REAL_LINES[at + 1:]),
                            ("duplicate", REAL_LINES[:at + 1] + REAL_LINES[at:])):
            try:
                check_load_result(load_file(write_report("".join(lines))))
            except Exception as error:  # collect them all, then fail once
                crashes.append(f"{edit} line {at + 1} ({line.strip()!r}): "
                               f"{type(error).__name__}: {error}")
    assert not crashes, "\n".join(crashes)


def test_the_unmutated_report_loads() -> None:
    """The fuzzing starts from a valid report (else every mutation is trivially bad)."""
    report, problems = load_file(write_report("".join(REAL_LINES)))
    assert problems == []
    assert report is not None and report.year == 2023
