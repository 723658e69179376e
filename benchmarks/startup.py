"""Start-up: cchc against the cost of merely importing what it must import.

Each pair runs the floor and cchc one after the other, many times, and the
ratio of each pair is kept; the median ratio is printed. Interleaving means a
busy machine slows both sides of a pair alike.

    python benchmarks/startup.py [--runs 40]

Targets: both ratios at most 1.15. cchc keeps nothing between runs (no cache),
so every run, the first after an edit included, parses and checks the data.
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

CASES = [
    ("summary --format json", ["summary", "--format", "json"],
     "import click, yaml, json"),
    ("summary (table)", ["summary"],
     "import click, yaml, rich.console, rich.table"),
]


def environment() -> dict[str, str]:
    """The environment of a user: bytecode caches allowed, no colour, 80 columns."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(COLUMNS="80", NO_COLOR="1")
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
    for name, argv, floor in CASES:
        result = compare(argv, floor, args.runs, environment())
        ok = result["ratio"] <= TARGET
        missed |= not ok
        verdict = f"<= {TARGET} {'ok' if ok else 'MISSED'}"
        print(f"{name:26} {result['floor'] * 1000:9.1f} {result['cchc'] * 1000:9.1f} "
              f"{result['ratio']:6.2f}  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
