"""The cache between runs never serves old numbers, never runs code, stays private.

These tests run cchc as a user would, with what a cache could get wrong: a
file saved while cchc reads it, an entry planted by someone else or damaged,
a folder that is shared, a symlink or someone else's, a home folder that is
missing, other code, and a huge file at a report's path.
"""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, run

CCHC = [sys.executable, "-m", "cchc_cli"]
SOURCE_ROOT = str(Path(__file__).resolve().parent.parent)


@pytest.fixture
def cache_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every way a cache folder could be chosen points into ``tmp_path``."""
    monkeypatch.delenv("CCHC_NO_CACHE", raising=False)
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return tmp_path


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SOURCE_ROOT
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def _value(result_stdout: str) -> int:
    return int(json.loads(result_stdout)["figures"][0]["value"])


def test_a_report_saved_during_a_run_is_never_served_stale(
        cache_env: Path) -> None:
    """An editor saves the report while cchc reads it; the next run shows the saved file."""
    path = cache_env / "report_2023.yaml"
    old, new = MINIMAL.encode(), MINIMAL.replace("1818", "1819").encode()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # let the saving thread in while cchc parses
    randomness = random.Random(13)
    try:
        for _ in range(150):
            path.write_bytes(old)  # changed since the last run: this run parses it
            def save(delay: float = randomness.uniform(0, 0.004)) -> None:
                threading.Event().wait(delay)
                with path.open("r+b") as handle:  # in place, as many editors save
                    handle.write(new)

            saver = threading.Thread(target=save)
            saver.start()
            run("summary", "--json", "--data", str(path))
            saver.join()
            after = run("summary", "--json", "--data", str(path))
            assert _value(after.stdout) == 1819, "a run after the save showed the old value"
    finally:
        sys.setswitchinterval(interval)


class _Payload:
    """Unpickling this creates ``marker``: what a planted cache entry could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _plant(folder: Path, report: Path, marker: Path) -> None:
    """A payload in every file of ``folder`` and under the names cache entries had."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    payload = pickle.dumps(_Payload(marker))
    name = f"{report}\0{report.absolute()}".encode()
    names = {f"report-{zlib.crc32(name):08x}.pickle", "report.json", "report.pickle"}
    names |= {entry.name for entry in folder.iterdir()}
    for entry in names:
        (folder / entry).write_bytes(payload)


def test_a_planted_cache_entry_never_runs_code(cache_env: Path) -> None:
    report = cache_env / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    marker = cache_env / "payload-ran"
    env = _env(CCHC_NO_CACHE=None)
    args = [*CCHC, "summary", "--json", "--data", str(report)]
    subprocess.run(args, env=env, capture_output=True, check=True, timeout=60)
    for folder in (cache_env / "cache", cache_env / "xdg" / "cchc",
                   cache_env / "home" / ".cache" / "cchc"):
        _plant(folder, report, marker)
    done = subprocess.run(args, env=env, capture_output=True, check=False, timeout=60)
    assert not marker.exists(), "a planted cache entry ran code"
    assert done.returncode == 0 and _value(done.stdout.decode()) == 1818


def _as_nobody() -> None:
    os.setgid(65534)
    os.setuid(65534)


def _python_for_nobody() -> str | None:
    """A Python interpreter the user ``nobody`` may run, if there is one."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        try:
            subprocess.run([candidate, "-c", "pass"], preexec_fn=_as_nobody, check=True,
                           capture_output=True, timeout=60)
        except (OSError, subprocess.CalledProcessError):
            continue
        return candidate
    return None


_ATTACK = """\
import os, pickle, sys
folder, marker = sys.argv[1], sys.argv[2]
class P:
    def __reduce__(self):
        return (os.system, ('touch ' + marker,))
payload = pickle.dumps(P())
try:  # rewrite the entries, if they can be reached
    names = os.listdir(folder)
    for name in names:
        with open(os.path.join(folder, name), 'r+b') as f:
            f.truncate(0); f.write(payload)
except OSError:
    names = []
try:  # else put a folder of one's own in its place, with payloads under the same names
    os.rename(folder, folder + '.moved')
except OSError:
    pass
os.makedirs(folder, mode=0o700, exist_ok=True)
for name in names or ['entry.json']:
    try:
        with open(os.path.join(folder, name), 'wb') as f:
            f.write(payload)
    except OSError:
        pass
"""


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder under /tmp that the user ``nobody`` can write to, as a shared parent."""
    folder = Path(tempfile.mkdtemp(prefix="cchc-shared-", dir="/tmp"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                    reason="simulating a second local user needs root (setuid to nobody)")
def test_another_user_cannot_plant_an_entry_under_umask_000(shared_folder: Path) -> None:
    """Under ``umask 000``, with a parent folder anyone may write to, another local user
    can neither rewrite an entry nor get a folder of their own used in its place."""
    python = _python_for_nobody()
    if python is None:
        pytest.skip("no Python interpreter that the user nobody may run")
    report = shared_folder / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    report.chmod(0o644)
    folder = shared_folder / "cache"
    marker = shared_folder / "payload-ran"
    env = _env(CCHC_NO_CACHE=None, CCHC_CACHE_DIR=str(folder))
    args = [*CCHC, "summary", "--json", "--data", str(report)]
    old_mask = os.umask(0)
    try:
        subprocess.run(args, env=env, capture_output=True, check=True, timeout=60)
    finally:
        os.umask(old_mask)
    assert folder.stat().st_mode & 0o777 == 0o700
    entries = list(folder.iterdir())
    assert entries and all(e.stat().st_mode & 0o777 == 0o600 for e in entries)
    before = {e.name: e.read_bytes() for e in entries}
    subprocess.run([python, "-c", _ATTACK, str(folder), str(marker)],
                   preexec_fn=_as_nobody, check=True, timeout=60)
    moved = shared_folder / "cache.moved"
    kept = moved if moved.exists() else folder
    assert {e.name: e.read_bytes() for e in kept.iterdir()} == before, "an entry was rewritten"
    done = subprocess.run(args, env=env, capture_output=True, check=False, timeout=60)
    assert not marker.exists(), "another user's planted entry ran code"
    assert done.returncode == 0 and _value(done.stdout.decode()) == 1818


@pytest.mark.parametrize("home", ["", "unset"])
def test_no_usable_home_writes_nothing(tmp_path: Path, home: str) -> None:
    """Without a usable home cchc writes no folder anywhere (once: ``./.cache``, ``/.cache``)."""
    report = tmp_path / "data" / "report_2023.yaml"
    report.parent.mkdir()
    report.write_text(MINIMAL, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    env = _env(HOME=None if home == "unset" else home, XDG_CACHE_HOME=None,
               CCHC_CACHE_DIR=None, CCHC_NO_CACHE=None)
    root_cache = Path("/.cache/cchc")
    before = sorted(root_cache.iterdir()) if root_cache.is_dir() else None
    done = subprocess.run([*CCHC, "summary", "--json", "--data", str(report)], cwd=work,
                          env=env, capture_output=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert list(work.iterdir()) == []
    assert (sorted(root_cache.iterdir()) if root_cache.is_dir() else None) == before


def test_the_cache_lives_in_the_users_own_folder(cache_env: Path) -> None:
    """Without CCHC_CACHE_DIR or XDG_CACHE_HOME, entries go to ~/.cache/cchc: the folder
    0700, each entry 0600 and plain JSON, nothing else written under home."""
    report = cache_env / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    env = _env(CCHC_NO_CACHE=None, CCHC_CACHE_DIR=None, XDG_CACHE_HOME=None)
    old_mask = os.umask(0)
    try:
        subprocess.run([*CCHC, "summary", "--json", "--data", str(report)], env=env,
                       capture_output=True, check=True, timeout=60)
    finally:
        os.umask(old_mask)
    home = cache_env / "home"
    assert [p.relative_to(home) for p in home.rglob("*") if p.is_dir()] == [
        Path(".cache"), Path(".cache/cchc")]
    folder = home / ".cache" / "cchc"
    assert folder.stat().st_mode & 0o777 == 0o700
    entries = list(folder.iterdir())
    assert entries, "nothing was cached"
    for entry in entries:
        assert entry.stat().st_mode & 0o777 == 0o600
        head, body = entry.read_bytes().split(b"\n", 1)
        json.loads(head), json.loads(body)  # data, nothing else


def test_no_cache_writes_nothing(cache_env: Path) -> None:
    report = cache_env / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    env = _env(CCHC_NO_CACHE="1", CCHC_CACHE_DIR=None, XDG_CACHE_HOME=None)
    done = subprocess.run([*CCHC, "summary", "--json", "--data", str(report)], env=env,
                          capture_output=True, check=True, timeout=60)
    assert _value(done.stdout.decode()) == 1818
    assert list((cache_env / "home").iterdir()) == []


@pytest.mark.parametrize("folder_kind", ["open to others", "a symlink"])
def test_a_cache_folder_that_is_not_private_is_not_used(cache_env: Path,
                                                        folder_kind: str) -> None:
    report = cache_env / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    folder = cache_env / "cache"
    if folder_kind == "a symlink":
        target = cache_env / "elsewhere"
        target.mkdir(mode=0o700)
        folder.symlink_to(target)
    else:
        folder.mkdir()
        folder.chmod(0o755)
    env = _env(CCHC_NO_CACHE=None, CCHC_CACHE_DIR=str(folder))
    for _ in range(2):
        done = subprocess.run([*CCHC, "summary", "--json", "--data", str(report)], env=env,
                              capture_output=True, check=True, timeout=60)
        assert _value(done.stdout.decode()) == 1818
    assert list(folder.iterdir()) == []


def test_an_entry_that_is_a_symlink_is_not_followed(cache_env: Path) -> None:
    report = cache_env / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    env = _env(CCHC_NO_CACHE=None)
    args = [*CCHC, "summary", "--json", "--data", str(report)]
    subprocess.run(args, env=env, capture_output=True, check=True, timeout=60)
    folder = cache_env / "cache"
    (entry,) = [e for e in folder.iterdir() if e.name.endswith(".json")
                and '"report"' in e.read_text(encoding="utf-8")[:400]]
    from cchc_cli.cache import _digest

    head, body = entry.read_bytes().split(b"\n", 1)
    body = body.replace(b'"1818"', b'"4242"').replace(b",1818,", b",4242,")
    key = json.loads(head)
    key["value"] = _digest(body)
    forged = json.dumps(key, separators=(",", ":")).encode() + b"\n" + body
    entry.write_bytes(forged)  # a forgery that would be served from the folder itself
    served = subprocess.run(args, env=env, capture_output=True, check=True, timeout=60)
    assert _value(served.stdout.decode()) == 4242
    outside = cache_env / "forged.json"
    outside.write_bytes(forged)
    outside.chmod(0o600)
    entry.unlink()
    entry.symlink_to(outside)
    done = subprocess.run(args, env=env, capture_output=True, check=True, timeout=60)
    assert _value(done.stdout.decode()) == 1818


def test_same_size_and_time_but_other_bytes_is_a_miss(cache_env: Path) -> None:
    """A save that keeps the size and the modification time is seen (the change time and
    the content hash both differ; ``test_cache_codec`` tries the hash alone)."""
    report = cache_env / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    first = run("summary", "--json", "--data", str(report))
    assert _value(first.stdout) == 1818
    before = report.stat()
    report.write_text(MINIMAL.replace("1818", "1819"), encoding="utf-8")
    os.utime(report, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert report.stat().st_size == before.st_size
    assert _value(run("summary", "--json", "--data", str(report)).stdout) == 1819


def test_a_hit_serves_what_parsing_gives(cache_env: Path) -> None:
    """Every command's JSON is the same from the cache as from parsing the files."""
    from tests.conftest import DATA

    commands = [("summary", "--year", "2024"), ("check",), ("rank", "papi", "--year", "2023"),
                ("trend", "papi", "--province", "ha-giang"),
                ("rank", "service-index-766", "--as-of", "2026-09-17")]
    formats = ("json", "table", "markdown")
    for args, fmt in [(a, f) for a in commands for f in formats]:
        env = _env(CCHC_NO_CACHE=None, COLUMNS="120")
        full = [*CCHC, *args, "--format", fmt, "--data", str(DATA)]
        parsed = subprocess.run(full, env=_env(CCHC_NO_CACHE="1", COLUMNS="120"),
                                capture_output=True, timeout=60, check=False)
        filled = subprocess.run(full, env=env, capture_output=True, timeout=60, check=False)
        served = subprocess.run(full, env=env, capture_output=True, timeout=60, check=False)
        assert parsed.returncode == filled.returncode == served.returncode, args
        assert parsed.stdout == filled.stdout == served.stdout, args
        assert parsed.stderr == served.stderr, args


def test_a_hit_parses_nothing(cache_env: Path) -> None:
    """From the cache, the summary imports neither PyYAML nor the parsers."""
    env = _env(CCHC_NO_CACHE=None)
    code = ("import sys, runpy\nsys.argv = ['cchc', 'summary', '--format', 'json']\n"
            "try:\n    runpy.run_module('cchc_cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith("
            "('cchc_cli.load.schema', 'cchc_cli.load.yamltree', 'cchc_cli.load.blocks'))), "
            "file=sys.stderr)")
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True,
                   timeout=60)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            check=True, timeout=60)
    assert second.stderr.decode().strip().splitlines()[-1] == "[]"


def test_other_code_misses_every_entry(cache_env: Path, monkeypatch: pytest.MonkeyPatch
                                       ) -> None:
    """An entry made by other loading code (an upgrade, an edit) is never served."""
    from cchc_cli import cache

    report = cache_env / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    cache._opened.clear()
    calls: list[str] = []
    real = cache.Cache.put

    def spy(self: cache.Cache, kind: str, inputs: object, value: object,
            classes: object) -> None:
        calls.append(kind)
        real(self, kind, inputs, value, classes)  # type: ignore[arg-type]

    monkeypatch.setattr(cache.Cache, "put", spy)
    run("summary", "--json", "--data", str(report))
    run("summary", "--json", "--data", str(report))
    assert calls.count("report") == 1, calls
    cache._opened.clear()
    monkeypatch.setattr(cache, "stamp", lambda: "other code")
    run("summary", "--json", "--data", str(report))
    assert calls.count("report") == 2, calls
    cache._opened.clear()


def _peak_kib(args: list[str], env: dict[str, str]) -> tuple[int, int, bytes]:
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    assert process.stderr is not None
    errors = process.stderr.read()
    process.stderr.close()
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss, errors


def test_a_huge_file_at_a_reports_path_is_refused_before_it_is_read(cache_env: Path) -> None:
    """A 300 MB file where a report was (its cache entry still there) is never read."""
    report = cache_env / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    env = _env(CCHC_NO_CACHE=None)
    args = [*CCHC, "summary", "--json", "--data", str(report)]
    code, normal, _ = _peak_kib(args, env)
    assert code == 0
    with report.open("r+b") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: no disk space used
    code, peak, errors = _peak_kib(args, env)
    assert code == 3
    assert b"over the limit of 1,048,576" in errors
    assert peak < normal + 64 * 1024, f"{peak} KiB at peak; {normal} KiB for a normal run"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                    reason="a home owned by someone else needs root to set up")
def test_a_home_owned_by_someone_else_gets_no_cache_folder(tmp_path: Path) -> None:
    """``sudo cchc`` keeping the user's HOME leaves nothing the user cannot remove."""
    home = tmp_path / "home"
    home.mkdir()
    os.chown(home, 65534, 65534)
    report = tmp_path / "report_2023.yaml"
    report.write_text(MINIMAL, encoding="utf-8")
    env = _env(HOME=str(home), XDG_CACHE_HOME=None, CCHC_CACHE_DIR=None, CCHC_NO_CACHE=None)
    done = subprocess.run([*CCHC, "summary", "--json", "--data", str(report)], env=env,
                          capture_output=True, check=True, timeout=60)
    assert _value(done.stdout.decode()) == 1818
    assert list(home.iterdir()) == []
