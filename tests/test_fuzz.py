"""Fuzzing the loader and the CLI with hypothesis.

Whatever text a report file holds, loading it gives either a report and no
problems, or no report and at least one problem: never an exception. And on
random line-level edits of the real 2023 dataset, ``cchc validate`` and
``cchc summary --format json`` exit with 0 or 3 (and on 0 print valid JSON).
Structural edits of the parsed report (any key removed, any number replaced by
an extreme but valid one) must be handled by loading, deriving, auditing and
laying out alike; each key and each number is also tried in turn.

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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_cli.errors import EXIT_DATA, EXIT_OK
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


# -- structural edits: keys removed, extreme but valid numbers --------------------------
#
# Line edits cannot remove one key of a flow mapping ({grade: Khá, label: ..., min: 70})
# nor write a number that is valid but extreme (0.000000000001). These edits work on
# the parsed tree of the real report, keeping every number's text as written, and
# write it back as YAML.


class _Raw(str):
    """A scalar's text as written (a number or a date), written back unquoted."""


class _KeepText(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Loads numbers and dates as their text, so nothing is lost on the way back."""


for _tag in ("int", "float", "timestamp"):
    _KeepText.add_constructor(f"tag:yaml.org,2002:{_tag}",
                              lambda loader, node: _Raw(node.value))


class _WriteBack(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes ``_Raw`` texts plain, under the tag their text resolves to."""


_WriteBack.add_representer(
    _Raw, lambda dumper, text: dumper.represent_scalar(
        dumper.resolve(yaml.ScalarNode, str(text), (True, False)), str(text)))

EXTREME_NUMBERS = [
    "0", "1", "0.000000000001", "0.0000000000000001", "999999999999999999",
    "99999999999999999.9", "100", "100.00000000000001", "0.5",
]
"""Numbers the format accepts (at most 18 digits) at the edges of what arithmetic meets."""


def real_tree() -> Any:
    """The real 2023 report as nested dicts and lists, numbers kept as written."""
    return yaml.load("".join(REAL_LINES), Loader=_KeepText)


def as_yaml(tree: Any) -> str:
    """The tree as YAML text in the layout a person would write."""
    return yaml.dump(tree, Dumper=_WriteBack, allow_unicode=True, sort_keys=False,
                     width=1000)


Place = tuple[Any, Any]
"""A container and a key (or index) in it."""


def places_in(tree: Any) -> list[Place]:
    """Every (mapping, key) and (list, index) of the tree, depth first."""
    found: list[Place] = []
    stack = [tree]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else \
            range(len(node)) if isinstance(node, list) else []
        for key in keys:
            found.append((node, key))
            stack.append(node[key])
    return found


def _edit(tree: Any, choose: Callable[[list[Place]], Place], action: str,
          number: str = "") -> Any:
    copy = copy_tree(tree)
    places = places_in(copy)
    if action == "remove":
        container, key = choose([p for p in places if isinstance(p[0], dict)])
        del container[key]
    else:
        numbers = [p for p in places if isinstance(p[0][p[1]], _Raw) and
                   p[0][p[1]][:1].isdigit() and "-" not in p[0][p[1]]]
        container, key = choose(numbers)
        container[key] = _Raw(number)
    return copy


def copy_tree(tree: Any) -> Any:
    """A deep copy of dicts and lists (scalars are immutable)."""
    if isinstance(tree, dict):
        return {key: copy_tree(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [copy_tree(value) for value in tree]
    return tree


def use_everything(report: Report) -> None:
    """Derive, audit and lay out a loaded report, as summary, show and check do."""
    from cchc_cli.calc.audit import audit_report
    from cchc_cli.calc.derive import derive_report
    from cchc_cli.views.show import ShowView
    from cchc_cli.views.summary import SummaryView

    results = derive_report(report)
    audit_report(report)
    view = SummaryView(report, results)
    json.dumps(view.document(), allow_nan=False, default=str)
    view.rows()
    view.page("en")
    for result in results:
        ShowView(report, result).page("vi")


def _load_and_use(text: str) -> None:
    report, problems = load_file(write_report(text))
    check_load_result((report, problems))
    if report is not None:
        use_everything(report)


def test_the_real_tree_writes_back_to_a_valid_report() -> None:
    """Without an edit the round trip is clean, so each edit below is all that changed."""
    report, problems = load_file(write_report(as_yaml(real_tree())))
    assert problems == [], problems[:3]
    assert report is not None and len(report.figures) == 16


def test_every_key_removed_from_the_real_report_is_handled() -> None:
    """Each key of each mapping removed in turn: a report or problems, never a crash."""
    tree = real_tree()
    crashes: list[str] = []
    for at in range(len([p for p in places_in(tree) if isinstance(p[0], dict)])):
        edited = _edit(tree, lambda places, at=at: places[at], "remove")  # type: ignore[misc]
        try:
            _load_and_use(as_yaml(edited))
        except Exception as error:  # collect them all, then fail once
            crashes.append(f"key {at} removed: {type(error).__name__}: {error}")
    assert not crashes, "\n".join(crashes)


def test_every_number_of_the_real_report_at_each_extreme_is_handled() -> None:
    """Each number replaced in turn by each extreme but valid number: never a crash."""
    tree = real_tree()
    count = len([p for p in places_in(tree) if isinstance(p[0][p[1]], _Raw)])
    crashes: list[str] = []
    for at in range(count):
        for number in EXTREME_NUMBERS[:5]:
            try:
                edited = _edit(tree, lambda places, at=at: places[at % len(places)],  # type: ignore[misc]
                               "number", number)
                _load_and_use(as_yaml(edited))
            except Exception as error:
                crashes.append(f"number {at} = {number}: {type(error).__name__}: {error}")
    assert not crashes, "\n".join(crashes[:20])


@st.composite
def structurally_edited_report(draw: st.DrawFn) -> str:
    """The real report with one to three keys removed or numbers made extreme."""
    tree = real_tree()
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["remove", "number"]))
        number = draw(st.sampled_from(EXTREME_NUMBERS))
        tree = _edit(tree, lambda places: draw(st.sampled_from(places)), action, number)
    return as_yaml(tree)


@given(structurally_edited_report())
def test_structurally_edited_report_exits_cleanly_from_every_command(text: str) -> None:
    path = write_report(text)
    _load_and_use(text)
    for args in (["validate", str(path)], ["summary", "--data", str(path), "--json"],
                 ["check", "--data", str(path), "--json"]):
        result = run(*args)
        assert result.exit_code in (EXIT_OK, 1, EXIT_DATA), (args, result.output)
        assert "Traceback" not in result.stdout + result.stderr


BAND_WITHOUT_GRADE = as_yaml(_edit(
    real_tree(), lambda places: next(p for p in places if p[1] == "grade" and "below" in p[0]),
    "remove"))
"""Found by the key removals above: once a KeyError in the loader (exit 70)."""

TINY_ATTAINMENT = "".join(REAL_LINES).replace("percent: 101.3", "percent: 0.000000000001")
"""Found by the extreme numbers above: once decimal.InvalidOperation (exit 70)."""


@pytest.mark.parametrize("text", [BAND_WITHOUT_GRADE, TINY_ATTAINMENT],
                         ids=["band_without_grade", "tiny_attainment"])
def test_the_two_crashes_the_structural_edits_found_stay_fixed(text: str) -> None:
    path = write_report(text)
    _load_and_use(text)
    for args in (["summary", "--data", str(path), "--json"], ["validate", str(path)],
                 ["summary", "--data", str(path)], ["check", "--data", str(path)]):
        result = run(*args)
        assert result.exit_code in (EXIT_OK, 1, EXIT_DATA), result.output
        assert "internal error" not in result.stderr


def test_an_attainment_of_a_trillionth_of_a_percent_implies_a_huge_plan() -> None:
    """2,295 × 100 ÷ 0.000000000001 = 229,500,000,000,000,000 (once exit 70)."""
    path = write_report(TINY_ATTAINMENT)
    document = json.loads(run("summary", "--data", str(path), "--json").stdout)
    [figure] = [f for f in document["figures"] if f["id"] == "state_budget_revenue"]
    [plan] = [d for d in figure["derived"] if d["key"] == "implied_plan"]
    assert plan["value"] == 229_500_000_000_000_000


def test_a_grade_band_without_its_grade_is_a_data_error() -> None:
    """Once a KeyError (exit 70); now the missing key is named at its line."""
    path = write_report(BAND_WITHOUT_GRADE)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_DATA
    assert ".grade: missing required field 'grade'" in result.stdout
