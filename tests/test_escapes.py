"""A dataset cannot drive the terminal: control characters are shown, never obeyed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, run

CLEAR = "\x1b[2J"
TITLE = "\x1b]0;owned\x07"
CSI = "\x9b31m"
RTL = "\u202e"
RAW = (CLEAR, TITLE, "\x1b", "\x9b", "\x07", RTL)
IN_YAML = {CLEAR: "\\e[2J", TITLE: "\\e]0;owned\\a", CSI: "\\x9b31m", RTL: "\\u202e"}
"""How a YAML double-quoted string writes each (YAML refuses them raw)."""


def _hostile() -> str:
    y = IN_YAML
    text = MINIMAL.replace("en: Online public services",
                           f'en: "Online{y[CLEAR]} public{y[TITLE]} services{y[CSI]}{y[RTL]}"')
    return text.replace("excerpt: cung cấp", 'excerpt: "\\e[31mcung cấp') \
        .replace("đạt 96,9%", 'đạt 96,9%"')


def _assert_shown_not_obeyed(text: str) -> None:
    for raw in RAW:
        assert raw not in text, f"{raw!r} reached the output"


@pytest.mark.parametrize("args", [
    ["summary", "--lang", "en"], ["summary", "--lang", "en", "--sources"],
    ["summary", "--format", "markdown", "--lang", "en", "--sources"],
    ["summary", "--format", "csv"], ["export", "--format", "csv"],
    ["show", "online_public_services", "--lang", "en"], ["metrics", "--lang", "en"],
])
def test_labels_and_excerpts_are_escaped(args: list[str],
                                         write_report: Callable[..., Path]) -> None:
    path = write_report(_hostile())
    result = run(*args, "--data", str(path))
    assert result.exit_code == 0, result.output
    _assert_shown_not_obeyed(result.stdout + result.stderr)
    assert "\\x1b[2J" in result.stdout and "\\u202e" in result.stdout


def test_json_stays_exact(write_report: Callable[..., Path]) -> None:
    """JSON is for programs: the label keeps its characters (JSON escapes C0 itself)."""
    path = write_report(_hostile())
    result = run("summary", "--json", "--data", str(path))
    assert "\x1b" not in result.stdout
    label = json.loads(result.stdout)["figures"][0]["label"]["en"]
    assert label.startswith(f"Online{CLEAR} public{TITLE}")


def test_an_unknown_key_and_a_file_name_are_escaped_on_stderr(
        write_report: Callable[..., Path]) -> None:
    key = f'"x{IN_YAML[TITLE]}{IN_YAML[CLEAR]}"'
    path = write_report(MINIMAL.replace("year: 2023", f"year: 2023\n{key}: 1"))
    for args in (["summary", "--data", str(path)], ["validate", str(path)],
                 ["validate", str(path), "--format", "markdown"]):
        result = run(*args)
        assert result.exit_code == 3
        _assert_shown_not_obeyed(result.stdout + result.stderr)
        assert "x1b]0;owned" in result.stdout + result.stderr  # Markdown doubles the \\


def test_an_argument_echoed_in_a_usage_error_is_escaped() -> None:
    result = run("show", f"no_such{CLEAR}")
    assert result.exit_code == 2
    _assert_shown_not_obeyed(result.stderr)
