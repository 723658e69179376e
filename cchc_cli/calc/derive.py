"""Everything a figure implies, computed once for every output format.

``derive(figure, report)`` returns ``Derived`` values: the whole behind a
share, the parts of a breakdown, the plan behind an attainment, the earlier
rank behind a stated change, the grade band of a score. Each carries the
arithmetic that produced it, as tokens a renderer can format in any language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from cchc_cli.calc import changes, grades, plans, ranks, shares
from cchc_cli.calc.precision import ONE_HUNDRED, Estimate, divide, exact, places, round_half_up
from cchc_cli.model import Figure, Qualifier, Report, Text
from cchc_cli.record import Record

Token = str | Decimal
"""A piece of written-out arithmetic: an operator or word, or a number to format."""

DerivedKey = Literal[
    "implied_whole", "whole", "computed_share", "remainder", "part_count", "rest_percent",
    "rest_count", "combined_percent", "implied_plan", "plan", "plan_gap", "target_gap",
    "target_progress", "top_share", "previous_rank", "places_gained", "previous_value",
    "grade_band", "grade_agrees",
]
"""What a derived value is; views look their words up by it, so mypy checks the spelling."""

DerivedUnit = Literal["count", "percent", "score", "rank", "money", "duration", "points",
                      "places", "grade", "agrees"]
"""How to read a derived value (a figure's kind, or one of the derived units)."""


class Derived(Record):
    """One value implied by a figure.

    ``value`` is a number (with ``low``/``high`` when the printed precision
    allows a range), a grade (``str``) or a yes/no (``bool``). ``unit`` says how
    to read it: count, money, percent, points, rank, places, grade or agrees.
    """

    key: DerivedKey
    value: Decimal | str | bool
    unit: DerivedUnit
    qualifier: Qualifier
    formula: tuple[Token, ...]
    low: Decimal | None = None
    high: Decimal | None = None
    decimals: int = 0
    part: str | None = None
    year: int | None = None
    label: Text | None = None
    """For a grade: its name in both languages."""


class FigureResult(Record):
    """A figure with everything derived from it."""

    figure: Figure
    derived: tuple[Derived, ...]

    def get(self, key: DerivedKey, part: str | None = None) -> Derived | None:
        """The derived value called ``key`` (for ``part``, in a breakdown)."""
        for item in self.derived:
            if item.key == key and item.part == part:
                return item
        return None


_FLIP: dict[Qualifier, Qualifier] = {"at_least": "at_most", "at_most": "at_least"}


def carry(qualifier: Qualifier, increasing: bool, estimate: bool) -> Qualifier:
    """The qualifier of a result computed from a value with ``qualifier``.

    "More than 200,000" gives "more than ..." for anything that grows with the
    value, and "less than ..." for anything that shrinks as it grows. A result
    read off a rounded percent is approximate even from an exact value.
    """
    if qualifier in _FLIP:
        return qualifier if increasing else _FLIP[qualifier]
    if qualifier == "approx" or estimate:
        return "approx"
    return "exact"


def _from(key: DerivedKey, estimate: Estimate, unit: DerivedUnit, qualifier: Qualifier,
          formula: tuple[Token, ...], **extra: object) -> Derived:
    return Derived(key, estimate.central, unit, qualifier, formula, estimate.low, estimate.high,
                   estimate.decimals, **extra)  # type: ignore[arg-type]


def _unrounded(value: Decimal, decimals: int) -> Decimal:
    """An intermediate result shown two places finer than the answer."""
    return round_half_up(value, decimals + 2)


def derive(figure: Figure, report: Report | None = None) -> tuple[Derived, ...]:
    """Every value ``figure`` implies, in reading order."""
    found: list[Derived] = []
    if figure.share is not None:
        found += _share(figure, report)
    if figure.breakdown is not None:
        found += _breakdown(figure)
    if figure.attainment is not None:
        found += _attainment(figure)
    if figure.kind == "percent" and figure.basis == "plan":
        gap = plans.points_from(figure.value)
        found.append(Derived("plan_gap", gap, "points", carry(figure.qualifier, True, False),
                             (figure.value, "−", ONE_HUNDRED, "=", gap), decimals=places(gap)))
    if figure.target is not None:
        found += _target(figure)
    if figure.kind == "rank" and figure.of is not None:
        found += _rank(figure, report)
    elif figure.change is not None:
        found += _previous_value(figure)
    if figure.kind == "score" and report is not None:
        found += _grade(figure, report)
    return tuple(found)


def derive_report(report: Report) -> tuple[FigureResult, ...]:
    """Derive every figure of ``report``."""
    return tuple(FigureResult(figure, derive(figure, report)) for figure in report.figures)


def _implied_base(key: DerivedKey, implied: Estimate, figure: Figure, percent: Decimal) -> Derived:
    """The whole or plan that ``figure`` is ``percent`` % of, with its arithmetic."""
    raw = divide(figure.value * ONE_HUNDRED, percent)
    return _from(key, implied, figure.kind, carry(figure.qualifier, True, implied.is_range),
                 (figure.value, "× 100 ÷", percent, "≈", _unrounded(raw, implied.decimals)))


def _share(figure: Figure, report: Report | None) -> list[Derived]:
    share = figure.share
    assert share is not None
    counts = figure.kind == "count"
    stated = report.figure(share.whole_figure) if report and share.whole_figure else None
    whole_qualifier: Qualifier = stated.qualifier if stated is not None else "exact"
    whole_value = stated.value if stated is not None else share.out_of
    if whole_value is not None:
        whole = exact(whole_value)
        computed = round_half_up(divide(figure.value * ONE_HUNDRED, whole_value),
                                 places(share.percent) + 1) if whole_value else None
        found = [Derived("whole", whole_value, figure.kind, whole_qualifier,
                         (whole_value,), decimals=places(whole_value))]
        if computed is not None and share.percent_stated:  # a worked-out share is this one
            found.append(Derived("computed_share", computed, "percent", "exact",
                                 (figure.value, "× 100 ÷", whole_value, "≈", computed),
                                 decimals=places(computed)))
    else:
        implied = shares.implied_whole(figure.value, share.percent, counts)
        if implied is None:
            return []
        whole = implied
        found = [_implied_base("implied_whole", implied, figure, share.percent)]
    rest = shares.remainder(whole, figure.value)
    # an implied whole grows with the part, and so does what is left of it; a stated
    # whole does not, so the more the part, the less is left
    grows = whole_value is None
    found.append(_from("remainder", rest, figure.kind,
                       carry(figure.qualifier, grows, rest.is_range),
                       (whole.central, "−", figure.value, "=", rest.central)))
    if figure.target is not None and figure.target.measure == "share":
        gap = share.percent - figure.target.value
        found.append(Derived("target_gap", gap, "points", "exact",
                             (share.percent, "−", figure.target.value, "=", gap),
                             decimals=max(places(share.percent), places(figure.target.value)),
                             year=figure.target.year))
    return found


def _breakdown(figure: Figure) -> list[Derived]:
    breakdown = figure.breakdown
    assert breakdown is not None
    counts = figure.kind == "count"
    total = figure.value
    found: list[Derived] = []
    estimates: list[Estimate] = []
    percents = [part.percent for part in breakdown.parts if part.percent is not None]
    for part in breakdown.parts:
        assert part.percent is not None
        estimate = shares.part_of(total, part.percent, counts)
        estimates.append(estimate)
        raw = divide(total * part.percent, ONE_HUNDRED)
        formula = (total, "×", part.percent, "÷ 100 ≈", _unrounded(raw, estimate.decimals))
        found.append(_from("part_count", estimate, figure.kind,
                           carry(figure.qualifier, True, True), formula, part=part.id))
    rest = shares.rest_percent(percents)
    rest_id = breakdown.rest.id if breakdown.rest is not None else "rest"
    found.append(_from("rest_percent", rest, "percent", carry("exact", True, rest.is_range),
                       (ONE_HUNDRED, *_minus_each(percents), "=", rest.central), part=rest_id))
    if counts:
        count = shares.rest_count(total, estimates)
        found.append(_from("rest_count", count, "count", carry(figure.qualifier, True, True),
                           (total, *_minus_each([e.central for e in estimates]), "=",
                            count.central), part=rest_id))
    if len(percents) > 1:
        both = shares.combined_percent(percents)
        found.append(_from("combined_percent", both, "percent",
                           carry("exact", True, both.is_range),
                           (*_plus_each(percents), "=", both.central),
                           part="+".join(p.id for p in breakdown.parts)))
    return found


def _minus_each(numbers: list[Decimal]) -> tuple[Token, ...]:
    tokens: list[Token] = []
    for number in numbers:
        tokens += ["−", number]
    return tuple(tokens)


def _plus_each(numbers: list[Decimal]) -> tuple[Token, ...]:
    tokens: list[Token] = [numbers[0]]
    for number in numbers[1:]:
        tokens += ["+", number]
    return tuple(tokens)


def _attainment(figure: Figure) -> list[Derived]:
    attainment = figure.attainment
    assert attainment is not None
    if attainment.plan is not None:
        plan = exact(attainment.plan)
        found = [Derived("plan", attainment.plan, figure.kind, "exact", (attainment.plan,),
                         decimals=places(attainment.plan))]
    else:
        implied = plans.implied_plan(figure.value, attainment.percent, figure.kind == "count")
        if implied is None:
            return []
        plan = implied
        found = [_implied_base("implied_plan", implied, figure, attainment.percent)]
    gap = plans.plan_gap(figure.value, plan)
    growing = attainment.percent >= ONE_HUNDRED
    found.append(_from("plan_gap", gap, figure.kind, carry(figure.qualifier, growing, gap.is_range),
                       (figure.value, "−", plan.central, "=", gap.central)))
    return found


def _target(figure: Figure) -> list[Derived]:
    target = figure.target
    assert target is not None
    if target.measure != "value":
        return []  # a share's target is derived with the share
    gap = figure.value - target.value
    unit = "points" if figure.kind == "percent" else figure.kind
    found = [Derived("target_gap", gap, unit, carry(figure.qualifier, True, False),
                     (figure.value, "−", target.value, "=", gap),
                     decimals=max(places(figure.value), places(target.value)), year=target.year)]
    reached = plans.progress(figure.value, target.value)
    if reached is not None and figure.kind != "percent":
        found.append(Derived("target_progress", reached, "percent",
                             carry(figure.qualifier, True, False),
                             (figure.value, "× 100 ÷", target.value, "≈", reached),
                             decimals=places(reached), year=target.year))
    return found


def _rank(figure: Figure, report: Report | None) -> list[Derived]:
    assert figure.of is not None
    rank = int(figure.value)
    share = ranks.top_share(rank, figure.of)
    # "in the group of the top 20" is a rank of at most 20: the share ahead is at most too
    bound = figure.qualifier if figure.qualifier in ("at_most", "at_least") else "exact"
    found = [Derived("top_share", share, "percent", bound,
                     (figure.value, "× 100 ÷", Decimal(figure.of), "≈", share), decimals=1)]
    change = figure.change
    across = change is not None and report is not None and \
        changes.crosses_merger(change, report.period.end)
    if change is not None and change.unit == "places" and not across:
        before = ranks.previous_rank(rank, change.direction, int(change.amount))
        sign = "+" if change.direction == "up" else "−"
        found.append(Derived("previous_rank", Decimal(before), "rank", bound,
                             (figure.value, sign, change.amount, "=", Decimal(before)),
                             year=change.since))
        gained = Decimal(ranks.places_gained(before, rank))
        found.append(Derived("places_gained", gained, "places", "exact",
                             (Decimal(before), "−", figure.value, "=", gained),
                             year=change.since))
    return found


def _previous_value(figure: Figure) -> list[Derived]:
    change = figure.change
    assert change is not None
    before = changes.previous_value(figure.value, change)
    if change.unit == "percent":
        factor = ONE_HUNDRED + (change.amount if change.direction == "up" else -change.amount)
        formula: tuple[Token, ...] = (figure.value, "× 100 ÷", factor, "≈", before)
    else:
        sign = "−" if change.direction == "up" else "+"
        formula = (figure.value, sign, change.amount, "=", before)
    return [Derived("previous_value", before, figure.kind,
                    carry(figure.qualifier, True, change.unit == "percent"), formula,
                    decimals=places(before), year=change.since)]


def _grade(figure: Figure, report: Report) -> list[Derived]:
    """The band the score falls in (whenever the index has bands); with a reported
    grade, whether the two agree."""
    index = report.get_index(figure.index_id)
    if index is None or not index.bands:
        return []
    checked = grades.check_grade(figure.value, figure.grade, index.bands)
    if checked.band is None:
        if figure.grade is None:
            return []
        return [Derived("grade_agrees", False, "agrees", "exact", (figure.value, "∉ bands"))]
    band = checked.band
    formula: tuple[Token, ...] = (
        *((band.min, "≤") if band.min is not None else ()),
        figure.value,
        *(("<", band.below) if band.below is not None else ()),
        "→", band.grade,
    )
    found = [Derived("grade_band", band.grade, "grade", "exact", formula, label=band.label)]
    if figure.grade is not None:
        found.append(Derived("grade_agrees", bool(checked.agrees), "agrees", "exact", formula))
    return found
