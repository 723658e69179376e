"""Start-up: cchc against the cost of merely importing what it must import.

Each pair runs the floor and cchc one after the other, many times, and the
ratio of each pair is kept; the median ratio is printed. Interleaving means a
busy machine slows both sides of a pair alike.

    python benchmarks/startup.py [--runs 40]

Targets: summary and rank at most 1.15, trend over 14 tables at most 1.3
(each against the floor of its output path: JSON or a Rich table). Most rows
are later runs, served by the cache (``cchc_cli.cache``). Two kinds of rows say
what a run costs when the cache cannot help:

- "after an edit": a copy of the bundled reports whose 2024 report is changed
  before every run, so each run parses it again (the first run after the data
  changed), while the 2023 report and the tables come from the cache;
- "no cache": ``CCHC_NO_CACHE=1``, so every file is parsed and checked.

The last row drafts the 2023 article with ``cchc draft`` (to /dev/null): at most
1.5 times the floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGET = 1.15
DRAFT_TARGET = 1.5
ARTICLE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sources" / \
    "bao-ha-giang-2024-01-01-cchc-2023.txt"

JSON_FLOOR = "import click, yaml, json"
TABLE_FLOOR = "import click, yaml, rich.console, rich.table"

EDITED = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
"""A copy of the bundled reports, for the runs after an edit."""

NO_CACHE = {"CCHC_NO_CACHE": "1"}

CASES: list[tuple[str, list[str], str, float]] = [
    ("summary --format json", ["summary", "--format", "json"], JSON_FLOOR, TARGET),
    ("summary (table)", ["summary"], TABLE_FLOOR, TARGET),
    ("summary json, after an edit", ["summary", "--format", "json", "--data", str(EDITED)],
     JSON_FLOOR, TARGET),
    ("summary (table), after an edit", ["summary", "--data", str(EDITED)], TABLE_FLOOR,
     TARGET),
    ("summary json, no cache", ["summary", "--format", "json"], JSON_FLOOR, TARGET),
    ("summary (table), no cache", ["summary"], TABLE_FLOOR, TARGET),
    ("rank papi --year 2024 json", ["rank", "papi", "--year", "2024", "--json"], JSON_FLOOR,
     TARGET),
    ("rank papi --year 2024", ["rank", "papi", "--year", "2024"], TABLE_FLOOR, TARGET),
    ("rank service-index-766 json", ["rank", "service-index-766", "--json"], JSON_FLOOR,
     TARGET),
    ("rank service-index-766", ["rank", "service-index-766"], TABLE_FLOOR, TARGET),
    ("trend papi json (14 years)", ["trend", "papi", "--province", "ha-giang", "--json"],
     JSON_FLOOR, 1.3),
    ("trend papi (14 years)", ["trend", "papi", "--province", "ha-giang"], TABLE_FLOOR, 1.3),
    ("rank papi json, no cache", ["rank", "papi", "--year", "2024", "--json"], JSON_FLOOR,
     TARGET),
    ("trend papi json, no cache", ["trend", "papi", "--province", "ha-giang", "--json"],
     JSON_FLOOR, 1.3),
    ("draft the 2023 article", ["draft", str(ARTICLE)], JSON_FLOOR, DRAFT_TARGET),
]


def environment(name: str) -> dict[str, str]:
    """The environment of a user: bytecode caches allowed, no colour, 80 columns; no
    cache for the rows that say so."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "CCHC_NO_CACHE")}
    env.update(COLUMNS="80", NO_COLOR="1")
    if name.endswith("no cache"):
        env.update(NO_CACHE)
    return env


def editor(name: str) -> Callable[[], None]:
    """What happens before each timed run: for the rows after an edit, a changed 2024
    report (a comment line with a new number each time)."""
    if "after an edit" not in name:
        return lambda: None
    from cchc_cli.load.files import bundled_data_dir

    for report in Path(bundled_data_dir()).glob("report_*.yaml"):
        shutil.copy(report, EDITED / report.name)
    target = EDITED / "report_2024.yaml"
    original = target.read_text(encoding="utf-8")
    count = [0]

    def edit() -> None:
        count[0] += 1
        target.write_text(f"{original}# edit {count[0]}\n", encoding="utf-8")

    return edit


def cchc_command() -> list[str]:
    """The installed ``cchc`` beside this Python, else ``python -m cchc_cli``."""
    script = Path(sys.executable).with_name("cchc")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cchc_cli"]


def elapsed(command: list[str], env: dict[str, str]) -> float:
    """Wall-clock seconds of one run (output discarded; a failure stops the benchmark)."""
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   check=True)
    return time.perf_counter() - start


def compare(argv: list[str], floor: str, runs: int, env: dict[str, str],
            before: Callable[[], None]) -> dict[str, float]:
    """Median times and the median of per-pair ratios (``before`` runs, untimed, before
    each cchc run)."""
    command = [*cchc_command(), *argv]
    floor_command = [sys.executable, "-c", floor]
    for _ in range(3):  # warm the disk cache, write bytecode, fill cchc's cache
        elapsed(floor_command, env)
        before()
        elapsed(command, env)
    ratios, ours, theirs = [], [], []
    for _ in range(runs):
        base = elapsed(floor_command, env)
        before()
        mine = elapsed(command, env)
        ratios.append(mine / base)
        ours.append(mine)
        theirs.append(base)
    return {"floor": statistics.median(theirs), "cchc": statistics.median(ours),
            "ratio": statistics.median(ratios)}


def main() -> int:
    """Run both cases and print a table; exit 1 if a ratio misses its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--only", metavar="TEXT", help="run only the cases naming TEXT")
    args = parser.parse_args()
    if shutil.which("cchc") is None and not Path(sys.executable).with_name("cchc").exists():
        print("note: no installed 'cchc' found; timing 'python -m cchc_cli'", file=sys.stderr)
    print(f"{'case':34} {'floor ms':>9} {'cchc ms':>9} {'ratio':>6}  target")
    missed = False
    for name, argv, floor, target in CASES:
        if args.only and args.only not in name:
            continue
        result = compare(argv, floor, args.runs, environment(name), editor(name))
        ok = result["ratio"] <= target
        missed |= not ok
        verdict = f"<= {target} {'ok' if ok else 'MISSED'}"
        print(f"{name:34} {result['floor'] * 1000:9.1f} {result['cchc'] * 1000:9.1f} "
              f"{result['ratio']:6.2f}  {verdict}")
    shutil.rmtree(EDITED, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
