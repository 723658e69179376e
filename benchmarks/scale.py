"""Scale: cchc over many reports against the cost of merely parsing them.

For each size (63, 630 and 6,300 reports by default) a data folder of 63
provinces is generated from ``data/report_2023.yaml`` (see ``generate``), checked
once with ``cchc validate``, and then three commands are timed over it:

    cchc validate DIR
    cchc export --format csv --data DIR            (output discarded)
    cchc rank service_index_rank --year 2024 --data DIR --format json

Each is set against the floor: a ``python -c`` that imports yaml and parses
every ``report_*.yaml`` of the folder with ``yaml.CSafeLoader`` (read as UTF-8
text first) and keeps the parsed documents, as a program that has read the data
does, and does nothing else. ``--drop-floor`` drops each document once parsed
instead, so that floor's memory stays flat however many reports there are: the
bar for a command that streams (``validate``, ``rank``), but not one that must
hold every report to refuse bad data before writing a line (``export``).

cchc keeps nothing between runs, so every run parses every file, as the
first run over new or changed data does.

Floor and command runs alternate (floor, cmd, floor, cmd, ...), so a busy
machine slows both sides of a pair alike; each child is reaped with
``os.wait4`` to get its own wall-clock time and peak RSS. The table gives the
median time and median peak RSS of each side and the median of the per-pair
ratios command/floor. A table of time per report shows how time grows with the
number of reports.

    python benchmarks/scale.py [--runs 5] [--sizes 63,630,6300] [--keep DIR]
                               [--drop-floor] [--seed 2023]
    python benchmarks/scale.py --sizes 630          # a quick run

Targets: time ratio at most 1.5, memory (peak RSS) ratio at most 2.0, for every
command at every size. Exit status 1 when any target is missed.

Sizes must be multiples of 63 (one report per province and year). Years are
2015-2024 for 630 reports, 2024 for 63, and 2000-2099 for 6,300 (the format
allows 1990-2100); ``rank`` uses 2024, which exists at every default size.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

TIME_TARGET = 1.5
MEMORY_TARGET = 2.0
PROVINCES = 63
RANK_YEAR = 2024
TEMPLATE = Path(__file__).resolve().parent.parent / "data" / "report_2023.yaml"

FLOOR_CODE = """\
import sys
from pathlib import Path
import yaml
root = Path(sys.argv[1])
paths = sorted([*root.glob("report_*.yaml"), *root.glob("*/report_*.yaml")])
documents = []
for path in paths:
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    if KEEP:
        documents.append(document)
"""


# --------------------------------------------------------------------------- data


def years_for(reports: int) -> list[int]:
    """The report years of a folder of ``reports`` reports (63 provinces each year).

    Up to 34 years end at 2024; more start at 2000 (6,300 reports: 2000-2099).
    """
    if reports <= 0 or reports % PROVINCES:
        raise ValueError(f"{reports} is not a positive multiple of {PROVINCES}")
    count = reports // PROVINCES
    if count <= 34:
        return list(range(2025 - count, 2025))
    if count <= 101:
        return list(range(2000, 2000 + count))
    raise ValueError(f"{count} years do not fit in the format's 1990-2100 (with 'since')")


@dataclass
class FigurePlan:
    """What the generator needs to know about one figure of the template."""

    id: str
    kind: str
    maximum: Decimal | None = None
    bands: list[tuple[str, Decimal | None, Decimal | None]] = field(default_factory=list)
    """Grade, inclusive minimum, exclusive upper bound, of the figure's index."""


@dataclass
class Template:
    """The template split into its header (up to ``figures:``) and its figure blocks."""

    header: list[str]
    blocks: list[list[str]]
    figures: list[FigurePlan]


def read_template(path: Path) -> Template:
    """Split ``path`` into figure blocks and learn each figure's kind, maximum and bands."""
    text = path.read_text(encoding="utf-8")
    document: dict[str, Any] = yaml.load(text, Loader=yaml.CSafeLoader)
    indices = {index["id"]: index for index in document.get("indices") or []}
    plans = []
    for item in document["figures"]:
        index = indices.get(item.get("index"), {})
        top = item.get("max", index.get("max"))
        bands = [(band["grade"],
                  Decimal(str(band["min"])) if "min" in band else None,
                  Decimal(str(band["below"])) if "below" in band else None)
                 for band in index.get("bands") or []]
        plans.append(FigurePlan(item["id"], item["kind"],
                                None if top is None else Decimal(str(top)), bands))
    lines = text.splitlines(keepends=True)
    start = lines.index("figures:\n") + 1
    header, blocks = lines[:start], []
    for line in lines[start:]:
        if line.startswith("  - id: "):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
        else:
            header.append(line)
    found = [block[0].removeprefix("  - id: ").strip() for block in blocks]
    if found != [plan.id for plan in plans]:
        raise ValueError(f"{path}: figures must be block-style '  - id: ...' entries")
    return Template(header, blocks, plans)


def province_id(number: int) -> str:
    """The slug of province ``number`` (1-based): ``province-07``."""
    return f"province-{number:02d}"


def rank_table(years: Sequence[int], seed: int) -> dict[int, list[int]]:
    """Per year (and the year before the first), a permutation of ranks 1..63."""
    return {year: random.Random(f"{seed}:ranks:{year}").sample(range(1, PROVINCES + 1),
                                                              PROVINCES)
            for year in [years[0] - 1, *years]}


def _whole(original: str, rng: random.Random) -> str:
    """A whole number within half to one-and-a-half times ``original``."""
    return str(max(0, round(float(original) * rng.uniform(0.5, 1.5))))


def _percent(rng: random.Random, low: float = 40.0) -> str:
    """A percent with one decimal within ``low``..100."""
    return f"{rng.uniform(low, 100.0):.1f}"


def _split(parts: int, rng: random.Random) -> list[str]:
    """``parts`` one-decimal percents that add up to at most 100."""
    cuts = sorted(rng.uniform(0.0, rng.uniform(90.0, 100.0)) for _ in range(parts))
    shares = [b - a for a, b in itertools.pairwise([0.0, *cuts])]
    return [f"{int(share * 10) / 10:.1f}" for share in shares]


def _grade(score: Decimal, plan: FigurePlan) -> str | None:
    for grade, low, below in plan.bands:
        if (low is None or score >= low) and (below is None or score < below):
            return grade
    return None


def _value(plan: FigurePlan, original: str, rank: int, rng: random.Random) -> str:
    """A new value for a figure of ``plan``'s kind, written as the format wants it."""
    if plan.kind == "rank":
        return str(rank)
    if plan.kind == "percent":
        return _percent(rng)
    if plan.kind == "score":
        top = float(plan.maximum if plan.maximum is not None else Decimal(100))
        return f"{rng.uniform(0.4 * top, top):.2f}"  # rounding cannot pass ``top``
    return _whole(original, rng)  # count, money, duration: whole numbers


_VALUE = re.compile(r"^    value: (.+)$")
_PERCENT = re.compile(r"^(\s+)percent: .+$")
_RELATION = re.compile(r"^    (\w+):")
_SINCE = re.compile(r"\bsince: \d{4}\b")
_DIRECTION = re.compile(r"\bdirection: (?:up|down)\b")
_AMOUNT = re.compile(r"\bamount: [0-9.]+")


def render_block(block: list[str], plan: FigurePlan, year: int, rank: tuple[int, int],
                 rng: random.Random) -> list[str]:
    """One figure of the template with its numbers varied for ``year``.

    ``rank`` is the province's (rank this year, rank the year before).
    """
    relations: list[str] = []  # the figure field (share, breakdown, change, ...) each line is in
    for line in block:
        match = _RELATION.match(line)
        relations.append(match.group(1) if match else (relations or [""])[-1])
    parts = sum(1 for line, relation in zip(block, relations, strict=True)
                if relation == "breakdown" and _PERCENT.match(line.rstrip("\n")))
    breakdown = iter(_split(parts, rng))
    out: list[str] = []
    score: Decimal | None = None
    for line, relation in zip(block, relations, strict=True):
        body = line.rstrip("\n")
        if (match := _VALUE.match(body)) is not None:
            value = _value(plan, match.group(1).strip(), rank[0], rng)
            score = Decimal(value) if plan.kind == "score" else None
            body = f"    value: {value}"
        elif body.startswith("    grade: "):
            grade = _grade(score, plan) if score is not None else None
            if grade is None:
                continue
            body = f"    grade: {grade}"
        elif (match := _PERCENT.match(body)) is not None:
            indent = match.group(1)
            new = next(breakdown) if relation == "breakdown" else _percent(rng, 50.0)
            body = f"{indent}percent: {new}"
        if relation == "change":
            body = _SINCE.sub(f"since: {year - 1}", body)
            if plan.kind == "rank":  # up means a better (smaller) rank
                now, before = rank
                body = _DIRECTION.sub(f"direction: {'up' if now <= before else 'down'}", body)
                body = _AMOUNT.sub(f"amount: {abs(before - now)}", body)
        out.append(body + "\n")
    if any(line.startswith("    grade: ") for line in block) and score is None:
        raise ValueError(f"{plan.id}: the grade line must follow the value line")
    return out


_PROVINCE_ID = re.compile(r"^  id: .+$")
_PROVINCE_NAME = re.compile(r"^  name: \{.*\}$")
_YEAR = re.compile(r"^year: \d+$")


def render_header(header: list[str], number: int, year: int) -> list[str]:
    """The template's header with its province and year replaced."""
    out: list[str] = []
    section = ""
    replaced = 0
    for line in header:
        body = line.rstrip("\n")
        if body and not body[0].isspace() and not body.startswith("#"):
            section = body.split(":", 1)[0]
        if section == "province" and _PROVINCE_ID.match(body):
            body, replaced = f"  id: {province_id(number)}", replaced + 1
        elif section == "province" and _PROVINCE_NAME.match(body):
            body = f"  name: {{vi: Tỉnh {number:02d}, en: Province {number:02d}}}"
            replaced += 1
        elif _YEAR.match(body):
            body, replaced = f"year: {year}", replaced + 1
        out.append(body + "\n")
    if replaced != 3:
        raise ValueError("the template needs 'province: {id, name: {vi, en}}' and 'year:' lines")
    return out


def generate(directory: Path, reports: int, seed: int = 2023,
             template_path: Path = TEMPLATE) -> list[Path]:
    """Write ``reports`` reports under ``directory`` as ``<province>/report_<year>.yaml``.

    Deterministic for a given seed: the same folder comes out every time.
    """
    template = read_template(template_path)
    years = years_for(reports)
    ranks = rank_table(years, seed)
    written = []
    for number in range(1, PROVINCES + 1):
        folder = directory / province_id(number)
        folder.mkdir(parents=True, exist_ok=True)
        for year in years:
            rng = random.Random(f"{seed}:{number}:{year}")
            rank = (ranks[year][number - 1], ranks[year - 1][number - 1])
            lines = render_header(template.header, number, year)
            for block, plan in zip(template.blocks, template.figures, strict=True):
                lines += render_block(block, plan, year, rank, rng)
            path = folder / f"report_{year}.yaml"
            path.write_text("".join(lines), encoding="utf-8")
            written.append(path)
    return written


# --------------------------------------------------------------------- measuring


@dataclass
class Sample:
    """One child process: wall-clock seconds and peak resident set size in KiB."""

    seconds: float
    rss_kib: int


@dataclass
class Result:
    """Floor and command samples of one command at one size, in run order."""

    size: int
    name: str
    floor: list[Sample]
    command: list[Sample]

    def median(self, side: str, what: str) -> float:
        """Median ``seconds`` or ``rss_kib`` of the ``floor`` or ``command`` samples."""
        samples: list[Sample] = getattr(self, side)
        return statistics.median(float(getattr(sample, what)) for sample in samples)

    def ratio(self, what: str) -> float:
        """Median of the per-pair ratios command/floor of ``seconds`` or ``rss_kib``."""
        return statistics.median(float(getattr(mine, what)) / float(getattr(base, what))
                                 for base, mine in zip(self.floor, self.command, strict=True))


def environment() -> dict[str, str]:
    """The environment of a user: bytecode caches allowed, no colour, 80 columns."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "CCHC_DATA")}
    env.update(COLUMNS="80", NO_COLOR="1")
    return env


def cchc_command() -> list[str]:
    """The installed ``cchc`` beside this Python, else ``python -m cchc_cli``."""
    script = Path(sys.executable).with_name("cchc")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cchc_cli"]


def measure(command: list[str], env: dict[str, str]) -> Sample:
    """Run ``command`` (stdout discarded) and return its own time and peak RSS.

    ``os.wait4`` gives the rusage of that one child, unlike ``RUSAGE_CHILDREN``,
    whose ``ru_maxrss`` is the largest of all children so far. A failure stops
    the benchmark.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{tail}")
    return Sample(seconds, usage.ru_maxrss)


def check_folder(directory: Path, reports: int, env: dict[str, str]) -> None:
    """``cchc validate DIR`` must pass and see every generated file."""
    run = subprocess.run([*cchc_command(), "validate", str(directory), "--format", "json"],
                         env=env, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"cchc validate {directory} exited {run.returncode}:\n"
                           f"{run.stdout[-3000:]}{run.stderr[-3000:]}")
    files = len(json.loads(run.stdout)["files"])
    if files != reports:
        raise RuntimeError(f"cchc validate saw {files} files, not {reports}")


@dataclass
class Case:
    """One timed command: its name in the table, its arguments and its environment."""

    name: str
    argv: list[str]
    env: dict[str, str]


def cases(directory: Path, years: list[int], env: dict[str, str]) -> list[Case]:
    """The timed commands over ``directory``."""
    year = RANK_YEAR if RANK_YEAR in years else years[-1]
    data = str(directory)
    return [Case("validate", ["validate", data], env),
            Case("export --format csv", ["export", "--format", "csv", "--data", data], env),
            Case(f"rank service_index_rank {year}",
                 ["rank", "service_index_rank", "--year", str(year), "--data", data,
                  "--format", "json"], env)]


def compare(size: int, case: Case, *, floor: list[str], runs: int, env: dict[str, str],
            progress: Callable[[str], None]) -> Result:
    """One warm-up of each side, then ``runs`` interleaved pairs floor, command."""
    command = [*cchc_command(), *case.argv]
    progress(f"{size} reports, {case.name}: warm-up")
    measure(floor, env)
    measure(command, case.env)
    result = Result(size, case.name, [], [])
    for run in range(runs):
        progress(f"{size} reports, {case.name}: run {run + 1}/{runs}")
        result.floor.append(measure(floor, env))
        result.command.append(measure(command, case.env))
    return result


# ------------------------------------------------------------------------ report


def code_version() -> str:
    """The commit of this checkout, noting uncommitted changes to ``cchc_cli/``."""
    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "cchc_cli"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{commit}{' + uncommitted changes in cchc_cli/' if dirty else ''}"


def describe_machine(code_before: str) -> list[str]:
    """What ran the benchmark: CPUs, Python, and the cchc code it timed."""
    code = code_version()
    lines = [f"machine: {os.cpu_count()} CPUs, {platform.platform()}, "
             f"Python {platform.python_version()}; cchc at {code}"]
    if code != code_before:
        lines.append(f"warning: cchc changed during the run (it started at {code_before})")
    return lines


def verdict(ratio: float, target: float) -> str:
    """``<= target ok`` or ``<= target MISSED``."""
    return f"<= {target} {'ok' if ratio <= target else 'MISSED'}"


def print_table(results: list[Result], floor_kind: str) -> None:
    """Median time and peak RSS of floor and command, their ratios and the targets."""
    width = max(len(r.name) for r in results)
    print(f"floor: parse every file with yaml.CSafeLoader ({floor_kind}); "
          f"ratio = median of per-pair ratios cchc/floor")
    print(f"{'reports':>7}  {'command':{width}} {'floor s':>8} {'cchc s':>8} {'ratio':>6}  "
          f"{'time target':15} {'floor MiB':>9} {'cchc MiB':>9} {'ratio':>6}  memory target")
    for r in results:
        time_ratio, rss_ratio = r.ratio("seconds"), r.ratio("rss_kib")
        print(f"{r.size:7}  {r.name:{width}} {r.median('floor', 'seconds'):8.3f} "
              f"{r.median('command', 'seconds'):8.3f} {time_ratio:6.2f}  "
              f"{verdict(time_ratio, TIME_TARGET):15} "
              f"{r.median('floor', 'rss_kib') / 1024:9.1f} "
              f"{r.median('command', 'rss_kib') / 1024:9.1f} {rss_ratio:6.2f}  "
              f"{verdict(rss_ratio, MEMORY_TARGET)}")


def print_growth(results: list[Result]) -> None:
    """Milliseconds per report at each size, and per extra report between sizes."""
    sizes = sorted({r.size for r in results})
    rows: dict[str, dict[int, float]] = {}
    for r in results:
        floors = [s.seconds for other in results if other.size == r.size for s in other.floor]
        rows.setdefault("floor (all its runs)", {})[r.size] = statistics.median(floors)
        rows.setdefault(r.name, {})[r.size] = r.median("command", "seconds")
    width = max(len(name) for name in rows) + 2
    print()
    print("growth: ms per report (median time / reports); "
          "'+a->b' = ms per extra report from a to b")
    steps = list(itertools.pairwise(sizes))
    head = "".join(f"{size:>10}" for size in sizes)
    head += "".join(f"{f'+{a}->{b}':>14}" for a, b in steps)
    print(f"{'':{width}}{head}")
    for name, times in rows.items():
        line = "".join(f"{times[size] * 1000 / size:10.3f}" for size in sizes)
        line += "".join(f"{(times[b] - times[a]) * 1000 / (b - a):14.3f}" for a, b in steps)
        print(f"{name:{width}}{line}")


# -------------------------------------------------------------------------- main


def parse_sizes(text: str) -> list[int]:
    """``63,630,6300`` as a list of sizes, each checked to be a multiple of 63."""
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
        for size in sizes:
            years_for(size)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return sizes


def run_size(size: int, root: Path, args: argparse.Namespace,
             floor: list[str]) -> list[Result]:
    """Generate, check and time one size of data folder under ``root``."""
    env = environment()
    directory = root / f"reports-{size}"
    if directory.exists() and any(directory.iterdir()):
        raise SystemExit(f"{directory} is not empty; give --keep a new or empty folder")
    _progress(f"{size} reports: generating in {directory}")
    started = time.perf_counter()
    written = generate(directory, size, args.seed)
    _progress(f"{size} reports: {len(written)} files written in "
              f"{time.perf_counter() - started:.1f} s; checking with cchc validate")
    check_folder(directory, size, env)
    results = [compare(size, case, floor=[*floor, str(directory)], runs=args.runs, env=env,
                       progress=_progress)
               for case in cases(directory, years_for(size), env)]
    _progress(f"{size} reports: done in {time.perf_counter() - started:.0f} s")
    return results


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main() -> int:
    """Generate each size, time each command against the floor and print the tables."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed pairs per command")
    parser.add_argument("--sizes", type=parse_sizes, default=[63, 630, 6300],
                        help="report counts, multiples of 63 (default 63,630,6300)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write the data folders under DIR and keep them")
    parser.add_argument("--seed", type=int, default=2023, help="seed of the generated figures")
    parser.add_argument("--drop-floor", action="store_true",
                        help="the floor drops each parsed document instead of keeping them")
    args = parser.parse_args()
    keep = not args.drop_floor
    floor = [sys.executable, "-c", FLOOR_CODE.replace("KEEP", str(keep))]
    results: list[Result] = []
    code_before = code_version()
    with tempfile.TemporaryDirectory(prefix="cchc-scale-") as temporary:
        root = Path(temporary) if args.keep is None else args.keep
        root.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            results += run_size(size, root, args, floor)
    print("\n".join(describe_machine(code_before)))
    print_table(results, "documents kept" if keep else "each document dropped")
    print_growth(results)
    missed = any(r.ratio("seconds") > TIME_TARGET or r.ratio("rss_kib") > MEMORY_TARGET
                 for r in results)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
