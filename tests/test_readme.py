"""The README's help text and examples match what cchc prints.

Each command's ``--help`` is kept in the README between ``<!-- help:NAME -->``
markers. When help changes, regenerate those blocks with:

    CCHC_UPDATE_README=1 python -m pytest tests/test_readme.py
"""

from __future__ import annotations

import os
import re
import shlex

import pytest

from cchc_cli.cli.main import COMMANDS, cli
from tests.conftest import ROOT, run

README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- help:(?P<name>[\w-]+) -->\n```text\n)(?P<body>.*?)(```\n<!-- /help -->)",
                   re.DOTALL)


def help_text(name: str) -> str:
    args = ["--help"] if name == "cchc" else [name, "--help"]
    result = run(*args, terminal_width=80)
    assert result.exit_code == 0
    return result.stdout


@pytest.fixture(scope="module")
def readme() -> str:
    text = README.read_text(encoding="utf-8")
    if os.environ.get("CCHC_UPDATE_README"):
        text = BLOCK.sub(lambda m: m.group(1) + help_text(m.group("name")) + m.group(4), text)
        README.write_text(text, encoding="utf-8")
    return text


def test_every_command_has_its_help_in_the_readme(readme: str) -> None:
    documented = {m.group("name") for m in BLOCK.finditer(readme)}
    assert documented == {"cchc", *COMMANDS}


@pytest.mark.parametrize("name", ["cchc", *COMMANDS])
def test_readme_help_matches_the_command(readme: str, name: str) -> None:
    blocks = {m.group("name"): m.group("body") for m in BLOCK.finditer(readme)}
    assert blocks.get(name) == help_text(name), (
        f"README help for {name} is out of date: "
        "CCHC_UPDATE_README=1 python -m pytest tests/test_readme.py")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help_with_an_example(name: str) -> None:
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None and command.help
    assert "Examples:" in command.help and f"cchc {name}" in command.help
    assert run(name, "-h", terminal_width=80).stdout == help_text(name)


def test_quick_start_is_two_commands(readme: str) -> None:
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^\$ (.+)$", section, re.MULTILINE)
    assert commands == ["pip install . && cchc summary",
                        "pip install '.[test]' && python -m pytest"]


def test_exit_codes_are_documented(readme: str) -> None:
    from cchc_cli import errors

    for name in ("EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE", "EXIT_DATA", "EXIT_OUTPUT",
                 "EXIT_INTERNAL"):
        assert f"| {getattr(errors, name)} |" in readme, name


WRITERS = ("import", "fetch")
"""Commands whose examples write into the user's data folder or ask the portal."""


def _examples(readme: str) -> list[list[str]]:
    """The README's ``$ cchc ...`` examples that write nothing: no pipe, redirect or file,
    no import or fetch, no data folder of the user's."""
    examples = []
    for line in re.findall(r"^\$ (cchc .+)$", readme, re.MULTILINE):
        command = line.split("  #")[0].strip()
        if not any(mark in command for mark in ("|", ">", " -o ", "--output", "--data ")):
            args = shlex.split(command)[1:]
            if args[0] not in WRITERS:
                examples.append(args)
    return examples


def test_readme_examples_run(readme: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    examples = _examples(readme)
    assert len(examples) >= 8
    for args in examples:
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)


USER_FILES = ("--data", "--source", "-o", "--output", ">")
"""Examples with these name files of the user's, which the test does not have."""


@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None and command.help
    examples = [line.strip().split(" | ")[0]
                for line in command.help.split("Examples:", 1)[1].splitlines()
                if line.strip().startswith("cchc ")]
    assert examples
    if name in WRITERS:
        return
    for example in examples:
        args = shlex.split(example)[1:]
        if any(mark in args for mark in USER_FILES) or \
                any(a.endswith(".yaml") and not (ROOT / a).exists() for a in args):
            continue
        result = run(*args)
        assert result.exit_code == 0, (example, result.stderr)
