"""A folder of broken datasets: each one must be refused with a precise message.

Every ``tests/bad_inputs/<case>/report_2023.yaml`` starts with a comment line

    # expect: <line>: <field or -> : <words the message must contain>

and ``cchc summary --data <file> --format json`` must exit with code 3, print
nothing on stdout, never show a traceback, and put on stderr a problem line
``<file>:<line>:<column>: <field>: ...`` that contains the words.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from cchc_cli.errors import EXIT_DATA
from tests.conftest import run

BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
EXPECT = re.compile(r"^# expect: (?P<line>\d+): (?P<field>\S+) : (?P<words>.+)$")


class Expectation(NamedTuple):
    """What the first comment line of a broken file promises."""

    line: int
    field: str
    words: str


def case_files() -> list[Path]:
    """Every broken report in the folder, in name order."""
    return sorted(BAD_INPUTS.glob("*/report_2023.yaml"))


def expectation(path: Path) -> Expectation:
    """Parse the ``# expect:`` line at the top of ``path``."""
    with path.open(encoding="utf-8") as handle:
        first = handle.readline().rstrip("\n")
    match = EXPECT.match(first)
    assert match, f"{path}: the first line must be '# expect: <line>: <field> : <words>'"
    field = match["field"]
    return Expectation(int(match["line"]), "" if field == "-" else field, match["words"])


@pytest.mark.parametrize("path", case_files(), ids=lambda path: path.parent.name)
def test_broken_file_is_refused_with_line_field_and_words(path: Path) -> None:
    expected = expectation(path)
    result = run("summary", "--data", str(path), "--format", "json")
    assert result.exit_code == EXIT_DATA, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.stdout + result.stderr
    prefix = f"{path}:{expected.line}:"
    at_line = [line for line in result.stderr.splitlines() if line.startswith(prefix)]
    assert at_line, f"no problem reported at line {expected.line} in:\n{result.stderr}"
    if expected.field:
        at_line = [line for line in at_line
                   if re.match(rf"{re.escape(prefix)}\d+: {re.escape(expected.field)}: ", line)]
        assert at_line, f"no problem for {expected.field!r} at line {expected.line}:\n" \
                        f"{result.stderr}"
    assert any(expected.words in line for line in at_line), result.stderr


def test_the_folder_covers_enough_cases() -> None:
    files = case_files()
    assert len(files) >= 25, [str(f) for f in files]
    assert all(EXPECT.match(f.read_text(encoding="utf-8").split("\n", 1)[0]) for f in files)
