"""How well ``cchc draft`` drafts: scored against figures coded by hand.

Each article in ``tests/fixtures/articles/`` (a copy of the coded articles)
comes with every stated number coded by hand (``*.figures.csv``), and the seed
article with the bundled dataset (``data/report_2023.yaml``). Each article is
drafted with ``cchc draft``; every number of the draft (a figure's value, and
the numbers of its share, breakdown, attainment, change and field) is matched
to a coded number with the same value and printed precision whose excerpt
overlaps its own in the text.

    python benchmarks/draft_quality.py [--articles DIR]

- recall: coded numbers drafted with the right value;
- precision: drafted numbers that are coded numbers;
- kind, qualifier, relation: of the matched numbers, those drafted with the
  coded kind, qualifier and relation (share of, attainment of a plan, change
  against a year, rank of a field; a rank whose field is marked for review
  counts as "field unstated", and agrees with a field stated elsewhere in
  the article when it guessed that field).

Targets over the eight articles: recall and precision at least 95%, kind at
least 90%, relation at least 80%. Exit 1 if one is missed.
"""

from __future__ import annotations

import argparse
import csv
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from cchc_cli.record import Record

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
"""A copy of the seven coded articles, with the seed article beside them."""
SEED = "bao-ha-giang-2024-01-01-cchc-2023.txt"
TARGETS = {"recall": 0.95, "precision": 0.95, "kind": 0.90, "relation": 0.80}
_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5}


class Number(Record):
    """One stated number: its value, where it stands, and what it is."""

    value: Decimal
    span: tuple[int, int] | None
    kind: str
    qualifier: str
    relation: str
    words: bool = False

    def same_value(self, other: Number) -> bool:
        """Equal, and printed to the same places (76.90 is not 76.9)."""
        if self.value != other.value:
            return False
        return self.words or other.words or \
            self.value.as_tuple().exponent == other.value.as_tuple().exponent


def normalise(text: str) -> str:
    """NFC, straight quotes, single spaces (as ``cchc verify`` compares text)."""
    from cchc_cli.calc.verify import normalise as verify_normalise

    return verify_normalise(text)


def body_of(article: Path) -> str:
    """The article's text after its ``# SOURCE:`` header lines, normalised."""
    from cchc_cli.draft.sentences import split_body

    return normalise(split_body(article.read_text(encoding="utf-8")).text)


class Locator:
    """Finds excerpts in a text, each occurrence once, in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.used: dict[str, int] = {}
        self.last = 0
        self.previous = ""

    def find_after(self, excerpt: str) -> tuple[int, int] | None:
        """The first occurrence at or after the last one found (for excerpts in text order)."""
        excerpt = normalise(excerpt)
        start = self.text.find(excerpt, self.last + (excerpt == self.previous))
        self.previous = excerpt
        if start < 0:
            start = self.text.find(excerpt)
        if start < 0:
            return None
        self.last = start
        return start, start + len(excerpt)

    def find(self, excerpt: str) -> tuple[int, int] | None:
        """The next unused occurrence of ``excerpt`` (or the last one, if all are used)."""
        excerpt = normalise(excerpt)
        spans = [(m.start(), m.start() + len(excerpt))
                 for m in re.finditer(re.escape(excerpt), self.text)]
        if not spans:
            return None
        count = self.used.get(excerpt, 0)
        self.used[excerpt] = count + 1
        return spans[min(count, len(spans) - 1)]


def coded_value(printed: str) -> tuple[Decimal, bool]:
    """The value of a number as the coders wrote it: ``14/63``, ``96,9%``, ``thứ hai``."""
    from cchc_cli.draft.numbers import read_number

    words = printed.strip().lower().removeprefix("thứ ").strip()
    if words in _ORDINALS:
        return Decimal(_ORDINALS[words]), True
    first = printed.replace("%", "").strip().split("/")[0]
    value = read_number(first)
    if value is None:
        raise ValueError(f"cannot read the coded number {printed!r}")
    return value, False


def relation_of(coded: str) -> str:
    """``share_of:hồ sơ`` as ``share_of``; years, fields and targets kept."""
    if coded.startswith("share_of"):
        return "share_of"
    return coded.strip()


def coded_numbers(table: Path, locator: Locator) -> list[Number]:
    """The hand-coded numbers of an article."""
    numbers = []
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            value, words = coded_value(row["number_as_printed"])
            numbers.append(Number(value, locator.find(row["excerpt"]), row["kind"],
                                  row["qualifier"], relation_of(row["relation"]), words))
    return numbers


def seed_numbers(report_path: Path, locator: Locator) -> list[Number]:
    """The numbers of the bundled 2023 dataset that come from the seed article."""
    from cchc_cli.load.files import load_file

    report, problems = load_file(report_path)
    assert report is not None, problems
    source_ids = {s.id for s in report.sources if s.file == SEED}
    numbers = []
    for figure in report.figures:
        if figure.source not in source_ids:
            continue
        span = locator.find(figure.excerpt)
        relation = "none"
        if figure.kind == "rank":
            relation = f"rank_of:{figure.of}"
        elif figure.kind == "percent":
            relation = "attainment_of_plan" if figure.basis == "plan" else "share_of"
        numbers.append(Number(figure.value, span, figure.kind, figure.qualifier, relation))
        if figure.share is not None:
            numbers.append(Number(figure.share.percent, span, "percent", "exact", "share_of"))
        if figure.breakdown is not None:
            numbers += [Number(p.percent, span, "percent", "exact", "share_of")
                        for p in figure.breakdown.parts if p.percent is not None]
        if figure.attainment is not None:
            numbers.append(Number(figure.attainment.percent, span, "percent", "exact",
                                  "attainment_of_plan"))
        if figure.change is not None:
            kind = "rank" if figure.change.unit == "places" else figure.kind
            numbers.append(Number(figure.change.amount, span, kind, "exact",
                                  f"change_vs:{figure.change.since}"))
    return numbers


def drafted_numbers(draft: dict[str, Any], locator: Locator) -> list[Number]:
    """Every number a draft states, read from its YAML with every scalar kept as text."""
    numbers = []
    for figure in draft.get("figures", []):
        span = locator.find_after(figure["excerpt"])
        review = figure.get("review", [])
        kind, value = figure["kind"], Decimal(figure["value"])
        relation = _value_relation(figure, review)
        numbers.append(Number(value, span, kind, figure.get("qualifier", "exact"), relation))
        if "share" in figure:
            numbers.append(Number(Decimal(figure["share"]["percent"]), span, "percent", "exact",
                                  "share_of"))
        for part in figure.get("breakdown", {}).get("parts", []):
            numbers.append(Number(Decimal(part["percent"]), span, "percent", "exact",
                                  "share_of"))
        if "attainment" in figure:
            numbers.append(Number(Decimal(figure["attainment"]["percent"]), span, "percent",
                                  "exact", "attainment_of_plan"))
        if "change" in figure:
            change = figure["change"]
            numbers.append(Number(Decimal(change["amount"]), span,
                                  "rank" if change["unit"] == "places" else kind, "exact",
                                  f"change_vs:{change['since']}"))
        if kind == "rank" and "of" not in review and \
                not re.search(rf"/{figure['of']}(?!\d)", figure["excerpt"]):
            numbers.append(Number(Decimal(figure["of"]), span, "count", "exact", "none"))
    return numbers


def _value_relation(figure: dict[str, Any], review: list[str]) -> str:
    kind = figure["kind"]
    if kind == "rank":
        return f"rank_of:{figure['of']}" + ("?" if "of" in review else "")
    if kind == "percent":
        return {"plan": "attainment_of_plan", "whole": "share_of"}.get(figure.get("basis", ""),
                                                                         "none")
    share = figure.get("share")
    if kind == "count" and share and share.get("of") and \
            re.search(r"\d/\d", figure["excerpt"]):
        return "share_of"
    return "none"


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two spans of text share a character (an unknown span overlaps any)."""
    if a is None or b is None:
        return True
    return a[0] < b[1] and b[0] < a[1]


def relation_agrees(coded: str, drafted: str) -> bool:
    """A coded relation and a drafted one say the same."""
    if coded == "rank_of:unstated":  # the draft must mark the field it guessed
        return drafted.startswith("rank_of:") and drafted.endswith("?")
    if coded.startswith("rank_of:"):
        return drafted.removesuffix("?") == coded
    return coded == drafted


def score(coded: list[Number], drafted: list[Number]) -> dict[str, int]:
    """Counts of matches and agreements between coded and drafted numbers."""
    used: set[int] = set()
    counts = {"coded": len(coded), "drafted": len(drafted), "matched": 0, "kind": 0,
              "qualifier": 0, "relation": 0}
    for number in coded:
        candidates = [i for i, d in enumerate(drafted) if i not in used and
                      number.same_value(d) and overlaps(number.span, d.span)]
        if not candidates:
            continue
        best = min(candidates, key=lambda i: abs((drafted[i].span or (0, 0))[0] -
                                                 (number.span or (0, 0))[0]))
        used.add(best)
        found = drafted[best]
        counts["matched"] += 1
        counts["kind"] += found.kind == number.kind
        counts["qualifier"] += found.qualifier == number.qualifier
        counts["relation"] += relation_agrees(number.relation, found.relation)
    return counts


def draft_of(article: Path, *options: str) -> dict[str, Any]:
    """Run ``cchc draft`` on ``article`` and read its YAML with every scalar as text."""
    import yaml

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "draft.yaml"
        subprocess.run([sys.executable, "-m", "cchc_cli", "draft", str(article), *options,
                        "-o", str(out)], check=True, capture_output=True)
        loaded: dict[str, Any] = yaml.load(out.read_text(encoding="utf-8"),
                                           Loader=yaml.BaseLoader)
    return loaded


def cases(articles: Path) -> list[tuple[str, Path, Path, tuple[str, ...]]]:
    """Each article, its answers, and the options it is drafted with."""
    none: tuple[str, ...] = ()
    found = [(path.stem, path, path.with_suffix(".figures.csv"), none)
             for path in sorted(articles.glob("*.txt"))]
    seed = ROOT / "tests" / "fixtures" / "sources" / SEED
    found.append(("seed (Hà Giang 2023)", seed, ROOT / "data" / "report_2023.yaml",
                  ("--province", "ha-giang", "--period", "2023")))
    return found


def score_case(article: Path, answers: Path, options: tuple[str, ...]) -> dict[str, int]:
    """The counts for one article."""
    text = body_of(article)
    if answers.suffix == ".csv":
        coded = coded_numbers(answers, Locator(text))
    else:
        coded = seed_numbers(answers, Locator(text))
    drafted = drafted_numbers(draft_of(article, *options), Locator(text))
    return score(coded, drafted)


def rates(counts: dict[str, int]) -> dict[str, float]:
    """Recall, precision and accuracies from counts."""
    matched = counts["matched"] or 1
    return {"recall": counts["matched"] / (counts["coded"] or 1),
            "precision": counts["matched"] / (counts["drafted"] or 1),
            "kind": counts["kind"] / matched, "qualifier": counts["qualifier"] / matched,
            "relation": counts["relation"] / matched}


def main() -> int:
    """Score every article and print the table; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    args = parser.parse_args()
    if not args.articles.is_dir():
        print(f"no articles at {args.articles}; give --articles DIR", file=sys.stderr)
        return 2
    header = f"{'article':34} {'coded':>5} {'draft':>5} {'recall':>7} {'precis':>7} " \
             f"{'kind':>7} {'qualif':>7} {'relat':>7}"
    print(header)
    total = dict.fromkeys(("coded", "drafted", "matched", "kind", "qualifier", "relation"), 0)
    for name, article, answers, options in cases(args.articles):
        counts = score_case(article, answers, options)
        for key in total:
            total[key] += counts[key]
        print(_row(name, counts))
    print(_row("overall", total))
    overall = rates(total)
    missed = [f"{key} {overall[key]:.1%} < {target:.0%}" for key, target in TARGETS.items()
              if overall[key] < target]
    print("targets: " + ", ".join(f"{k} >= {v:.0%}" for k, v in TARGETS.items()) +
          (" -- missed: " + "; ".join(missed) if missed else " -- all met"))
    return 1 if missed else 0


def _row(name: str, counts: dict[str, int]) -> str:
    found = rates(counts)
    return (f"{name:34} {counts['coded']:5} {counts['drafted']:5} "
            + " ".join(f"{found[key]:7.1%}" for key in
                       ("recall", "precision", "kind", "qualifier", "relation")))


if __name__ == "__main__":
    sys.exit(main())
