"""cchc as a real process: pipes, encodings, locales, colour, closed streams, imports.

Every test starts ``python -m cchc_cli`` (or a bash pipeline around it) in a
temporary folder, with the environment of the test run.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import REPORT_2023

CCHC = [sys.executable, "-m", "cchc_cli"]
CCHC_SHELL = " ".join(shlex.quote(part) for part in CCHC)
TIMEOUT = 60

NOISE = ("Traceback", "BrokenPipeError", "Exception ignored", "internal error")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """An empty folder to run cchc in (so nothing is found by accident in the checkout)."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def environment(workdir: Path, **changes: str | None) -> dict[str, str]:
    """The test run's environment, without forced colour, with ``changes`` applied."""
    env = dict(os.environ)
    for name in ("FORCE_COLOR", "CLICOLOR_FORCE", "PYTHONIOENCODING", "CCHC_DEBUG"):
        env.pop(name, None)
    env["XDG_CACHE_HOME"] = str(workdir / "cache")
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def cchc(workdir: Path, *args: str, env: dict[str, str] | None = None,
         stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[bytes]:
    """Run cchc with ``args``; stdout and stderr are captured as bytes."""
    return subprocess.run([*CCHC, *args], cwd=workdir, env=env or environment(workdir),
                          stdin=stdin, capture_output=True, timeout=TIMEOUT, check=False)


def bash(workdir: Path, script: str,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run a bash script; ``$CCHC`` in it stands for the (quoted) command that starts cchc."""
    return subprocess.run(["bash", "-c", script.replace("$CCHC", CCHC_SHELL)], cwd=workdir,
                          env=env or environment(workdir), stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=TIMEOUT, check=False)


def assert_quiet(stderr: bytes) -> None:
    """No traceback or broken-pipe noise on stderr."""
    text = stderr.decode("utf-8", errors="replace")
    for noise in NOISE:
        assert noise not in text, text


# -- closed pipes ------------------------------------------------------------------------


@pytest.mark.parametrize(("pipeline", "expected"), [
    ("$CCHC summary | head -1", b"Ha Giang: administrative reform results"),
    ("$CCHC summary --format json | head -c 10", b'{\n  "forma'),
], ids=["summary | head -1", "summary --format json | head -c 10"])
def test_output_cut_short_by_head_exits_quietly_with_0(
    workdir: Path, pipeline: str, expected: bytes
) -> None:
    # the 'status' line goes to stderr so stdout is exactly what head printed
    result = bash(workdir, f'{pipeline}; echo "status=${{PIPESTATUS[0]}}" >&2')
    assert result.stdout.startswith(expected), result.stdout
    assert_quiet(result.stderr)
    assert result.stderr.decode().strip().splitlines()[-1] == "status=0", result.stderr


@pytest.mark.parametrize("args", [
    ("summary",), ("summary", "--format", "json"), ("summary", "--format", "csv"),
    ("--version",), ("--help",),
], ids=" ".join)
def test_stdout_with_no_reader_at_all_exits_quietly_with_0(
    workdir: Path, args: tuple[str, ...]
) -> None:
    """A pipe whose read end is closed before cchc writes: every write fails with EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([*CCHC, *args], cwd=workdir, env=environment(workdir),
                                stdin=subprocess.DEVNULL, stdout=write_end,
                                stderr=subprocess.PIPE, timeout=TIMEOUT, check=False)
    finally:
        os.close(write_end)
    assert_quiet(result.stderr)
    assert result.stderr == b""
    assert result.returncode == 0, f"exit status {result.returncode} when stdout is a closed pipe"


# -- encodings and locales ---------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_vietnamese_table_is_utf8_whatever_pythonioencoding_says(
    workdir: Path, encoding: str
) -> None:
    env = environment(workdir, PYTHONIOENCODING=encoding)
    result = cchc(workdir, "summary", "--lang", "vi", "--year", "2023", env=env)
    assert result.returncode == 0, result.stderr
    assert_quiet(result.stderr)
    text = result.stdout.decode("utf-8")  # fails if the bytes are not UTF-8
    assert "Hà Giang" in text
    assert "163.909" in text
    assert "Kết quả CCHC" in text


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_is_utf8_whatever_pythonioencoding_says(workdir: Path, encoding: str) -> None:
    env = environment(workdir, PYTHONIOENCODING=encoding)
    result = cchc(workdir, "summary", "--year", "2023", "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    assert_quiet(result.stderr)
    text = result.stdout.decode("utf-8")
    assert "Hà Giang" in text
    document = json.loads(text)
    assert document["province"]["name"]["vi"] == "Hà Giang"
    values = {figure["id"]: figure["value"] for figure in document["figures"]}
    assert values["dossiers_received"] in (163909, "163909")


@pytest.mark.parametrize("variable", ["LANG", "LC_ALL"])
def test_c_locale_runs_and_gives_valid_output(workdir: Path, variable: str) -> None:
    env = environment(workdir, LANG="C", LC_ALL=None, LC_CTYPE=None, PYTHONUTF8=None)
    env[variable] = "C"
    table = cchc(workdir, "summary", "--year", "2023", env=env)
    assert table.returncode == 0, table.stderr
    assert_quiet(table.stderr)
    assert "Ha Giang" in table.stdout.decode("utf-8")
    as_json = cchc(workdir, "summary", "--year", "2023", "--format", "json", env=env)
    assert as_json.returncode == 0, as_json.stderr
    assert_quiet(as_json.stderr)
    assert json.loads(as_json.stdout.decode("utf-8"))["year"] == 2023
    vietnamese = cchc(workdir, "summary", "--year", "2023", "--lang", "vi", env=env)
    assert vietnamese.returncode == 0, vietnamese.stderr
    assert "Hà Giang" in vietnamese.stdout.decode("utf-8")


UNUSUAL_PATHS = {
    "PYTHONIOENCODING=ascii, a folder name that is not UTF-8":
        ({"PYTHONIOENCODING": "ascii"}, b"latin1-\xe9"),
    "PYTHONIOENCODING=latin-1, a folder name that is not UTF-8":
        ({"PYTHONIOENCODING": "latin-1"}, b"latin1-\xe9"),
    "C locale without UTF-8 mode, a Vietnamese folder name":
        ({"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
         "dữ liệu".encode()),
}


@pytest.mark.parametrize("name", list(UNUSUAL_PATHS))
def test_data_path_that_the_locale_cannot_spell(workdir: Path, name: str) -> None:
    """A path Python decodes with surrogate escapes is still printed, never a crash."""
    changes, folder_name = UNUSUAL_PATHS[name]
    folder = workdir / os.fsdecode(folder_name)  # undecodable bytes become surrogates
    try:
        (folder / "good").mkdir(parents=True)
        (folder / "bad").mkdir(parents=True)
    except (OSError, UnicodeError):  # pragma: no cover - a file system that wants UTF-8 names
        pytest.skip("the file system refuses this folder name")
    good, bad = folder / "good" / "report_2023.yaml", folder / "bad" / "report_2023.yaml"
    good.write_bytes(REPORT_2023.read_bytes())
    bad.write_bytes(REPORT_2023.read_bytes().replace(b"value: 163909\n", b"value: 163.909\n"))
    env = environment(workdir, **changes)

    def run_in(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([*CCHC, *args], cwd=workdir, env=env,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT,
                              check=False)

    refused = run_in("summary", "--data", bad, "--format", "json")
    assert_quiet(refused.stderr)
    assert refused.returncode == 3, refused.stderr
    assert refused.stdout == b""
    line = REPORT_2023.read_bytes().split(b"value: 163909\n")[0].count(b"\n") + 1
    assert b":%d:12: figures[dossiers_received].value: '163.909'" % line in refused.stderr

    validated = run_in("validate", bad)
    assert_quiet(validated.stderr)
    assert validated.returncode == 3, validated.stderr
    assert b"did you mean 163909?" in validated.stdout

    loaded = run_in("summary", "--data", good, "--format", "json")
    assert_quiet(loaded.stderr)
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(loaded.stdout.decode("utf-8", errors="surrogateescape"))["year"] == 2023


# -- colour ------------------------------------------------------------------------------


@pytest.mark.parametrize("changes", [
    {"NO_COLOR": "1"}, {"TERM": "dumb"}, {},
], ids=["NO_COLOR=1", "TERM=dumb", "plain pipe"])
def test_no_ansi_escapes_in_a_pipe(workdir: Path, changes: dict[str, str]) -> None:
    result = cchc(workdir, "summary", env=environment(workdir, **changes))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert b"\x1b" not in result.stdout


def test_color_always_colours_even_in_a_pipe(workdir: Path) -> None:
    result = cchc(workdir, "summary", "--color", "always")
    assert result.returncode == 0, result.stderr
    assert b"\x1b[" in result.stdout


# -- closed stdin ------------------------------------------------------------------------


def test_stdin_from_devnull(workdir: Path) -> None:
    result = cchc(workdir, "summary", stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert_quiet(result.stderr)
    assert b"Ha Giang" in result.stdout


def test_stdin_closed(workdir: Path) -> None:
    result = bash(workdir, "$CCHC summary <&-")
    assert result.returncode == 0, result.stderr
    assert_quiet(result.stderr)
    assert b"Ha Giang" in result.stdout


# -- output shape ------------------------------------------------------------------------


def test_json_is_one_document_and_stderr_is_empty(workdir: Path) -> None:
    result = cchc(workdir, "summary", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode("utf-8")
    document, end = json.JSONDecoder().raw_decode(text)
    assert text[end:].strip() == "", "more than one JSON document on stdout"
    assert isinstance(document, dict) and document["command"] == "summary"


def markdown_values(markdown: str) -> list[str]:
    """The Value column of every figure table in ``summary --format markdown``."""
    values: list[str] = []
    header: list[str] | None = None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
        elif not re.fullmatch(r"[-: |]+", line):
            values.append(cells[header.index("Value")])
    return values


def test_narrow_terminal_keeps_every_value_whole(workdir: Path) -> None:
    markdown = cchc(workdir, "summary", "--year", "2023", "--format", "markdown")
    assert markdown.returncode == 0, markdown.stderr
    values = markdown_values(markdown.stdout.decode("utf-8"))
    assert len(values) >= 15 and "163,909" in values, values
    narrow = cchc(workdir, "summary", "--year", "2023", env=environment(workdir, COLUMNS="40"))
    assert narrow.returncode == 0, narrow.stderr
    text = narrow.stdout.decode("utf-8")
    assert max(len(line) for line in text.splitlines()) <= 40, text
    missing = [value for value in values if value not in text]
    assert not missing, f"values split or lost at 40 columns: {missing}\n{text}"


def test_version(workdir: Path) -> None:
    result = cchc(workdir, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == f"cchc {version('cchc')}"


# -- import leanness ---------------------------------------------------------------------

LEAN_RUNS = {
    "--help": (["--help"], {}),
    "--version": (["--version"], {}),
    "summary json": (["summary", "--format", "json"], {}),
    "summary csv": (["summary", "--format", "csv"], {}),
    "summary --help": (["summary", "--help"], {}),
    "compare json": (["compare", "2023", "2024", "--format", "json"], {}),
    "rank papi json": (["rank", "papi", "--year", "2024", "--json"], {}),
    "rank 766 csv": (["rank", "service-index-766", "--format", "csv"], {}),
    "trend papi json": (["trend", "papi", "--province", "ha-giang", "--json"], {}),
    "compare 766 json": (["compare", "service-index-766", "--as-of", "2026-09-17", "--json"],
                         {}),
    "completion": ([], {"_CCHC_COMPLETE": "bash_complete", "COMP_WORDS": "cchc su",
                        "COMP_CWORD": "1"}),
    "figure completion": ([], {"_CCHC_COMPLETE": "bash_complete", "COMP_WORDS": "cchc show o",
                               "COMP_CWORD": "2"}),
}


def imported_modules(import_log: str) -> list[str]:
    """The module names of a ``-X importtime`` log."""
    modules = []
    for line in import_log.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.append(line.rsplit("|", 1)[1].strip())
    return modules


@pytest.mark.parametrize("name", list(LEAN_RUNS))
def test_rich_is_not_imported_when_no_table_is_drawn(workdir: Path, name: str) -> None:
    args, changes = LEAN_RUNS[name]
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "cchc_cli", *args],
                            cwd=workdir, env=environment(workdir, **changes),
                            stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    log = result.stderr.decode("utf-8", errors="replace")
    modules = imported_modules(log)
    assert "cchc_cli" in modules and "click" in modules, log[-2000:]
    assert result.stdout.strip()
    if name == "completion":
        assert b"summary" in result.stdout
    rich = [module for module in modules if module == "rich" or module.startswith("rich.")]
    assert not rich, f"{name} imports {rich}"
    assert not [line for line in log.splitlines() if re.search(r"\brich\b", line)]
    assert not [module for module in modules if module.startswith("openpyxl")], name


def modules_imported_by(workdir: Path, args: list[str]) -> list[str]:
    """The modules a successful ``cchc ARGS`` imports, from ``-X importtime``."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "cchc_cli", *args],
                            cwd=workdir, env=environment(workdir), stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return imported_modules(result.stderr.decode("utf-8", errors="replace"))


@pytest.mark.parametrize("args", [["rank", "papi", "--year", "2024", "--json"],
                                  ["trend", "papi", "--province", "ha-giang", "--json"],
                                  ["show", "papi", "--province", "ha-giang", "--format", "csv"]])
def test_national_json_and_csv_never_load_the_pages_words(workdir: Path,
                                                           args: list[str]) -> None:
    """A document of raw numbers needs neither the phrases of text output nor its cells, nor
    the report catalogue."""
    modules = modules_imported_by(workdir, args)
    assert "cchc_cli.views.national" in modules
    page_only = {"cchc_cli.i18n", "cchc_cli.views.page", "cchc_cli.views.cells",
                 "cchc_cli.views.national_pages", "cchc_cli.bars", "cchc_cli.catalog"}
    assert not page_only & set(modules)


@pytest.mark.parametrize("args", [["summary", "--format", "json"], ["validate"],
                                  ["rank", "papi", "--year", "2024", "--json"]])
def test_a_run_that_prints_no_help_looks_up_no_translation(workdir: Path,
                                                            args: list[str]) -> None:
    """click's own help and version options word their help through gettext, whose first
    lookup imports locale: a millisecond of every run. cchc's options do not."""
    modules = modules_imported_by(workdir, args)
    assert "click" in modules
    assert "locale" not in modules


def test_every_command_makes_its_own_help_option() -> None:
    """A command made without ``cls=Command`` would bring click's gettext lookup back."""
    import click

    from cchc_cli.cli.main import COMMANDS, cli
    from cchc_cli.cli.options import OwnHelp

    context = click.Context(cli)
    commands = [cli, *(cli.get_command(context, name) for name in COMMANDS)]
    assert all(isinstance(command, OwnHelp) for command in commands)


@pytest.mark.parametrize(("output", "heavy"), [("r.html", ("rich", "openpyxl")),
                                               ("r.xlsx", ("rich",))])
def test_documents_import_only_what_they_draw_with(workdir: Path, output: str,
                                                   heavy: tuple[str, ...]) -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "cchc_cli", "summary",
                             "--output", output], cwd=workdir, env=environment(workdir),
                            stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    modules = imported_modules(result.stderr.decode("utf-8", errors="replace"))
    assert ("openpyxl" in modules) == output.endswith(".xlsx")
    assert not [m for m in modules if m.split(".")[0] in heavy], output


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["summary"], ["summary", "--format", "json"],
                                  ["export", "--format", "csv"]])
def test_a_full_disk_is_one_line_and_exit_4(workdir: Path, args: list[str]) -> None:
    result = bash(workdir, f"$CCHC {shlex.join(args)} > /dev/full")
    assert result.returncode == 4
    assert result.stderr == b"cchc: cannot write the output: No space left on device\n"


def test_a_closed_stdout_is_one_line_and_exit_4(workdir: Path) -> None:
    result = bash(workdir, "$CCHC summary >&-")
    assert result.returncode == 4
    assert result.stderr == b"cchc: cannot write the output: standard output is closed\n"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_verify_refuses_a_source_that_is_not_a_regular_file(kind: str, workdir: Path) -> None:
    """``--source`` on a FIFO once hung, and on /dev/zero read without end."""
    if kind == "fifo":
        source = workdir / "article.txt"
        os.mkfifo(source)
    else:
        source = Path("/dev/zero")
        if not source.exists():
            pytest.skip("no /dev/zero here")
    try:
        result = subprocess.run([*CCHC, "verify", "--source", str(source), "--source-id",
                                 "bhg-2024-01-01"], cwd=workdir, env=environment(workdir),
                                stdin=subprocess.DEVNULL, capture_output=True, timeout=20,
                                check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"verify --source on a {kind} did not return")
    assert result.returncode == 3
    assert b"not a regular file" in result.stderr



def _with_no_reader(workdir: Path, args: tuple[str, ...]) -> subprocess.CompletedProcess[bytes]:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([*CCHC, *args], cwd=workdir, env=environment(workdir),
                              stdin=subprocess.DEVNULL, stdout=write_end,
                              stderr=subprocess.PIPE, timeout=TIMEOUT, check=False)
    finally:
        os.close(write_end)


BAD_DATA = Path(__file__).resolve().parent / "bad_inputs" / "rank_zero"


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_findings_decide_the_exit_code_whatever_the_reader_does(workdir: Path,
                                                                fmt: str) -> None:
    """``cchc validate BAD | head -1`` once exited 0 for a table or CSV, 3 for JSON."""
    result = _with_no_reader(workdir, ("validate", str(BAD_DATA), "--format", fmt))
    assert_quiet(result.stderr)
    assert result.returncode == 3
    piped = bash(workdir, f"$CCHC validate {shlex.quote(str(BAD_DATA))} --format {fmt} "
                          '| head -1 >/dev/null; echo "status=${PIPESTATUS[0]}" >&2')
    assert piped.stderr.decode().strip().splitlines()[-1] == "status=3"


def test_check_findings_survive_a_closed_pipe(workdir: Path) -> None:
    bad = workdir / "data" / "report_2023.yaml"
    bad.parent.mkdir()
    bad.write_text(REPORT_2023.read_text(encoding="utf-8").replace(
        "percent: 78.8", "percent: 98.8"), encoding="utf-8")  # parts over 100%
    assert cchc(workdir, "check", "--data", str(bad)).returncode == 1
    result = _with_no_reader(workdir, ("check", "--data", str(bad)))
    assert_quiet(result.stderr)
    assert result.returncode == 1
