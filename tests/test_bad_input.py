"""Every class of bad input gets a clear error that names file, line and field.

Each case writes a broken report, runs ``cchc summary --format json`` on it and
checks: exit code 3, nothing on stdout, no traceback, and a problem line
``path:line:column: field: message`` on stderr.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from cchc_cli.errors import EXIT_DATA
from cchc_cli.load.files import MAX_FILE_BYTES, load_file
from cchc_cli.load.yamltree import MAX_DEPTH
from tests.conftest import MINIMAL, line_of, run


class Case(NamedTuple):
    """A broken variant of the minimal report and the problem it must produce."""

    text: str
    line: int
    field: str
    words: str


def swap(old: str, new: str, base: str = MINIMAL) -> str:
    """``base`` with ``old`` (which must occur once) replaced by ``new``."""
    assert base.count(old) == 1, old
    return base.replace(old, new)


COUNT_BLOCK = "    kind: count\n    value: 1818\n    share:\n      percent: 96.9\n"
EXCERPT_LINE = "    excerpt: cung cấp 1.818 dịch vụ công trực tuyến, đạt 96,9%\n"


def case(old: str, new: str, field: str, words: str, at: str | None = None) -> Case:
    """A case made by one replacement; the line is where ``at`` (or ``new``) lands."""
    text = swap(old, new)
    return Case(text, line_of(text, at or new), field, words)


CASES = {
    # the parser notices at the end of the stream; cchc points at the last line
    "yaml syntax": Case(MINIMAL + "  - id: [unclosed\n", MINIMAL.count("\n") + 1, "",
                        "YAML syntax error"),
    "top level not a mapping": Case("- 1\n- 2\n", 1, "", "not a cchc report"),
    "unknown key, did you mean": case("    value: 1818", "    vlaue: 1818",
                                      "figures[online_public_services].vlaue",
                                      "did you mean 'value'?"),
    "duplicate key": case("    kind: count\n", "    kind: count\n    kind: percent\n",
                          "figures[online_public_services].kind",
                          "duplicate key 'kind' (first at line",
                          at="    kind: percent"),
    "duplicate figure id": Case(MINIMAL + MINIMAL[MINIMAL.index("  - id: online"):],
                                MINIMAL.count("\n") + 1, "figures[online_public_services]",
                                "duplicate figure id"),
    "missing required field": case(EXCERPT_LINE,
                                   "", "figures[online_public_services].excerpt",
                                   "missing required field 'excerpt'", at="  - id: online"),
    "wrong type (quoted number)": case("value: 1818", 'value: "1818"',
                                       "figures[online_public_services].value",
                                       "remove the quotes"),
    "wrong type (mapping for text)": case("    publisher: Báo Thử", "    publisher: {a: 1}",
                                          "sources[0].publisher", "expected a single value"),
    "vietnamese thousands in a count": case("value: 1818", "value: 1.818",
                                            "figures[online_public_services].value",
                                            "did you mean 1818?"),
    "vietnamese decimal comma": case("percent: 96.9", "percent: 96,9",
                                     "figures[online_public_services].share.percent",
                                     "write 96.9"),
    "decimal comma inside {...}": case("    share:\n      percent: 96.9\n",
                                       "    share: {percent: 96,9}\n",
                                       "figures[online_public_services].share.9",
                                       "if it was a decimal comma"),
    "yaml 1.1 boolean": case("    title: Kết quả CCHC", "    title: no", "sources[0].title",
                             "boolean false"),
    "yaml 1.1 sexagesimal": case("value: 1818", "value: 1:20",
                                 "figures[online_public_services].value", "as 80 (base 60)"),
    "yaml 1.1 octal": case("value: 1818", "value: 010", "figures[online_public_services].value",
                           "octal"),
    "percent above 100": case("percent: 96.9", "percent: 106.9",
                              "figures[online_public_services].share.percent",
                              "between 0 and 100"),
    "absurdly many digits": case("value: 1818", "value: 1234567890123456789012345678901",
                                 "figures[online_public_services].value",
                                 "more than 18 digits"),
    "negative count": case("value: 1818", "value: -5", "figures[online_public_services].value",
                           "at least 0"),
    "fractional count": case("value: 1818", "value: 18.5",
                             "figures[online_public_services].value", "not a whole number"),
    "rank above its field": case(COUNT_BLOCK,
                                 "    kind: rank\n    value: 70\n    of: 63\n",
                                 "figures[online_public_services].value", "outside its field",
                                 at="    value: 70"),
    "rank below 1": case(COUNT_BLOCK,
                         "    kind: rank\n    value: 0\n    of: 63\n",
                         "figures[online_public_services].value", "a rank starts at 1",
                         at="    value: 0"),
    "score above its maximum": case(COUNT_BLOCK,
                                    "    kind: score\n    max: 100\n    value: 101.5\n",
                                    "figures[online_public_services].value", "above its maximum",
                                    at="    value: 101.5"),
    "year disagrees with file name": case("year: 2023", "year: 2024", "year",
                                          "disagrees with the file name"),
    "anchor and alias": case("    kind: count\n", "    kind: &k count\n    unit: *k\n", "",
                             "anchors (&k) are not allowed", at="    kind: &k"),
    "python tag": case("value: 1818", "value: !!python/object/apply:os.system ['true']", "",
                       "tags (!!python/object/apply:os.system) are not allowed"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_reported_with_file_line_and_field(
    name: str, write_report: Callable[..., Path]
) -> None:
    broken = CASES[name]
    path = write_report(broken.text)
    result = run("summary", "--data", str(path), "--format", "json")
    assert result.exit_code == EXIT_DATA
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    pattern = rf"^{re.escape(str(path))}:{broken.line}:\d+: "
    if broken.field:
        pattern += re.escape(broken.field) + ":"
    lines = [line for line in result.stderr.splitlines() if re.match(pattern, line)]
    assert lines, f"no problem at line {broken.line} for {broken.field!r} in:\n{result.stderr}"
    assert any(broken.words in line for line in lines), result.stderr


def test_duplicate_key_names_both_lines(write_report: Callable[..., Path]) -> None:
    text = swap("    kind: count\n", "    kind: count\n    kind: percent\n")
    path = write_report(text)
    _, problems = load_file(path)
    first, second = line_of(text, "    kind: count"), line_of(text, "    kind: percent")
    assert [(p.line, p.field) for p in problems] == [(second,
                                                      "figures[online_public_services].kind")]
    assert f"first at line {first}" in problems[0].message


def test_every_problem_of_a_file_is_reported_at_once(write_report: Callable[..., Path]) -> None:
    text = swap("value: 1818", "value: 1.818")
    text = swap("percent: 96.9", "percent: 96,9", text)
    text = swap("    title: Kết quả CCHC", "    title: yes", text)
    result = run("validate", str(write_report(text)))
    assert result.exit_code == EXIT_DATA
    assert "did you mean 1818?" in result.stdout
    assert "write 96.9" in result.stdout
    assert "boolean true" in result.stdout
    assert "3 problem(s) in 1 file(s)" in result.stdout


def test_empty_file(write_report: Callable[..., Path]) -> None:
    path = write_report("# only a comment\n")
    result = run("summary", "--data", str(path))
    assert result.exit_code == EXIT_DATA
    assert f"{path}:1:1: the file is empty" in result.stderr


def test_bytes_that_are_not_utf8(write_report: Callable[..., Path]) -> None:
    raw = MINIMAL.replace("Báo Thử", "B\xe1o").encode("latin-1", errors="replace")
    path = write_report(raw)
    result = run("validate", str(path))
    assert result.exit_code == EXIT_DATA
    line = line_of(MINIMAL, "publisher:")
    assert f"{path}:{line}:" in result.stdout
    assert "not UTF-8 (byte 0xe1)" in result.stdout


def test_file_over_the_size_cap_fails_fast(write_report: Callable[..., Path]) -> None:
    path = write_report(MINIMAL + "#" * (MAX_FILE_BYTES + 1))
    result = run("validate", str(path))
    assert result.exit_code == EXIT_DATA
    assert "over the limit of 1,048,576" in result.stdout


def test_alias_bomb_is_refused_without_expanding(write_report: Callable[..., Path]) -> None:
    lines = ["format: cchc-report/1",
             'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = write_report("\n".join(lines) + "\n")
    report, problems = load_file(path)
    assert report is None
    assert any("aliases (*a0) are not allowed" in p.message for p in problems)


def test_python_tag_is_never_executed(write_report: Callable[..., Path], tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = swap("value: 1818", f"value: !!python/object/apply:os.system ['touch {marker}']")
    result = run("summary", "--data", str(write_report(text)))
    assert result.exit_code == EXIT_DATA
    assert not marker.exists()


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_absurd_nesting_is_refused_without_recursion_error(
    depth: int, write_report: Callable[..., Path]
) -> None:
    path = write_report("format: cchc-report/1\nfigures: " + "[" * depth + "]" * depth + "\n")
    result = run("validate", str(path))
    assert result.exit_code == EXIT_DATA
    assert "Traceback" not in result.stdout + result.stderr
    # cchc stops at MAX_DEPTH; libyaml's own limit may speak first on huge input
    assert re.search(rf"nesting deeper than {MAX_DEPTH} levels|maximum nesting depth",
                     result.stdout)


def test_two_files_for_the_same_province_and_year(write_report: Callable[..., Path]) -> None:
    first = write_report(MINIMAL, "a/report_2023.yaml")
    second = write_report(MINIMAL, "b/report_2023.yaml")
    result = run("validate", str(first.parent.parent))
    assert result.exit_code == EXIT_DATA
    assert str(first) in result.stdout and str(second) in result.stdout
    assert "test-province 2023 is also in" in result.stdout


def test_missing_data_path() -> None:
    result = run("summary", "--data", "/no/such/place")
    assert result.exit_code == EXIT_DATA
    assert "/no/such/place" in result.stderr and "no such file or folder" in result.stderr


def test_the_input_file_is_never_modified(write_report: Callable[..., Path]) -> None:
    path = write_report(swap("value: 1818", "value: 1.818"))
    before = path.read_bytes(), path.stat().st_mtime_ns
    run("validate", str(path))
    run("summary", "--data", str(path))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_share_target_needs_a_share(write_report: Callable[..., Path]) -> None:
    text = swap("    share:\n      percent: 96.9\n",
                "    target: {value: 80, measure: share}\n")
    result = run("validate", str(write_report(text)))
    assert result.exit_code == EXIT_DATA
    assert "target.measure: the target is for the share, but the figure states no share" \
        in result.stdout


@pytest.mark.parametrize("foreign", [
    "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
    "[section]\nkey = value\n",
    "".join(f"line {n}: with a colon\n" for n in range(2000)),
])
def test_a_file_that_is_not_a_report_gets_one_line(foreign: str, tmp_path: Path) -> None:
    """A report_2023.yaml linked to a system file once echoed every line of it back."""
    target = tmp_path / "passwd"
    target.write_text(foreign, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "report_2023.yaml").symlink_to(target)
    result = run("validate", str(data))
    assert result.exit_code == EXIT_DATA
    problem_lines = [line for line in result.stdout.splitlines() if "report_2023.yaml:" in line]
    assert len(problem_lines) == 1, result.stdout
    assert "not a cchc report" in problem_lines[0]
    assert not any(word in result.stdout for word in ("/bin/bash", "key", "colon"))


def test_many_problems_in_one_file_are_listed_up_to_50_then_counted(
        write_report: Callable[..., Path]) -> None:
    extra = "".join(f"unknown_{n}: {n}\n" for n in range(40_000))  # within the 1 MiB cap
    path = write_report(MINIMAL + extra)
    started = time.perf_counter()
    result = run("validate", str(path))
    assert time.perf_counter() - started < 8
    assert result.exit_code == EXIT_DATA
    listed = [line for line in result.stdout.splitlines() if "unknown field" in line]
    assert len(listed) == 50
    assert "39,950 more problem(s) in this file, not listed" in result.stdout
