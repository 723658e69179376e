"""Plans and targets: what an attainment implies, and how far a figure is from a goal."""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.calc.precision import ONE_HUNDRED, Estimate, divide, places, round_half_up
from cchc_cli.calc.shares import implied_whole


def implied_plan(actual: Decimal, percent: Decimal, whole_numbers: bool) -> Estimate | None:
    """The plan that ``actual`` is ``percent`` % of.

    2,295 at 101.3% gives about 2,265.5 (2,264.4 to 2,266.7 at that precision).
    None when the percent is 0.
    """
    return implied_whole(actual, percent, whole_numbers, whole_holds_part=False)


def plan_gap(actual: Decimal, plan: Estimate) -> Estimate:
    """How far ``actual`` is above (positive) or below (negative) the plan."""
    low = None if plan.high is None else actual - plan.high
    high = None if plan.low is None else actual - plan.low
    return Estimate(actual - plan.central, low, high, plan.decimals)


def points_from(percent: Decimal, reference: Decimal = ONE_HUNDRED) -> Decimal:
    """Percentage points between ``percent`` and ``reference`` (91.28 vs 100: -8.72)."""
    return percent - reference


def progress(value: Decimal, target: Decimal) -> Decimal | None:
    """``value`` as a percent of ``target``, to one decimal; None for a zero target."""
    if target == 0:
        return None
    decimals = max(places(value), places(target), 1)
    return round_half_up(divide(value * ONE_HUNDRED, target), decimals)
