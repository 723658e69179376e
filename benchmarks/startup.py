"""Start-up: cchc against the cost of merely importing what it must import.

Each pair runs the floor and cchc one after the other, many times, and the
ratio of each pair is kept; the median ratio is printed. Interleaving means a
busy machine slows both sides of a pair alike.

    python benchmarks/startup.py [--runs 40]

Targets: both summary ratios at most 1.15. cchc keeps a cache of parsed
reports, so every run after the first reads no YAML; a row times the same
command with the cache off (CCHC_NO_CACHE=1), as a first run after an edit pays
it. It has no target and is printed for the record. The last row drafts the
2023 article with ``cchc draft`` (to /dev/null): at most 1.5 times the floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET = 1.15
DRAFT_TARGET = 1.5
ARTICLE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "sources" / \
    "bao-ha-giang-2024-01-01-cchc-2023.txt"

CASES = [
    ("summary --format json", ["summary", "--format", "json"],
     "import click, yaml, json", True, TARGET),
    ("summary (table)", ["summary"],
     "import click, yaml, rich.console, rich.table", True, TARGET),
    ("json, cache off", ["summary", "--format", "json"],
     "import click, yaml, json", False, None),
    ("draft the 2023 article", ["draft", str(ARTICLE)],
     "import click, yaml, json", True, DRAFT_TARGET),
]


def environment(cache: bool) -> dict[str, str]:
    """The environment of a user: bytecode caches allowed, no colour, 80 columns."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "CCHC_NO_CACHE")}
    env.update(COLUMNS="80", NO_COLOR="1")
    if not cache:
        env["CCHC_NO_CACHE"] = "1"
    return env


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


def compare(argv: list[str], floor: str, runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median times and the median of per-pair ratios."""
    command = [*cchc_command(), *argv]
    floor_command = [sys.executable, "-c", floor]
    for _ in range(3):  # warm the disk cache and write bytecode
        elapsed(floor_command, env)
        elapsed(command, env)
    ratios, ours, theirs = [], [], []
    for _ in range(runs):
        base = elapsed(floor_command, env)
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
    args = parser.parse_args()
    if shutil.which("cchc") is None and not Path(sys.executable).with_name("cchc").exists():
        print("note: no installed 'cchc' found; timing 'python -m cchc_cli'", file=sys.stderr)
    print(f"{'case':26} {'floor ms':>9} {'cchc ms':>9} {'ratio':>6}  target")
    missed = False
    for name, argv, floor, cache, target in CASES:
        result = compare(argv, floor, args.runs, environment(cache))
        ok = target is None or result["ratio"] <= target
        missed |= not ok
        verdict = (f"<= {target} {'ok' if ok else 'MISSED'}") if target else "(no target)"
        print(f"{name:26} {result['floor'] * 1000:9.1f} {result['cchc'] * 1000:9.1f} "
              f"{result['ratio']:6.2f}  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
