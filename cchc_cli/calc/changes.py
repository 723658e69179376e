"""Changes against an earlier year: the earlier value a stated change implies."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cchc_cli.calc.precision import ONE_HUNDRED, divide, places, round_half_up
from cchc_cli.calc.ranks import previous_rank
from cchc_cli.model import Change


def previous_value(value: Decimal, change: Change) -> Decimal:
    """The earlier value implied by ``value`` and a stated ``change``.

    - ``places`` (ranks): up 5 from 14 was 19;
    - ``points`` or ``count``: down 0.5 from 43.7 was 44.2;
    - ``percent`` (relative): up 25% to 125 was 100.
    """
    if change.unit == "places":
        return Decimal(previous_rank(int(value), change.direction, int(change.amount)))
    sign = 1 if change.direction == "up" else -1
    if change.unit in ("points", "count"):
        return value - sign * change.amount
    factor = ONE_HUNDRED + sign * change.amount
    decimals = max(places(value), 1)
    return round_half_up(divide(value * ONE_HUNDRED, factor), decimals)


def crosses_merger(change: Change, period_end: date) -> bool:
    """Places gained or lost stated across the 2025 merger, without the earlier field.

    A rank among 34 provinces and one among 63 are not on one scale: "up 7
    places" from a field of 63 to a field of 34 gives no earlier place.
    """
    from cchc_cli.provinces import MERGER_DATE

    return (change.unit == "places" and change.of is None
            and date(change.since, 12, 31) < MERGER_DATE <= period_end)


def stated_change_agrees(before: Decimal, after: Decimal, change: Change) -> bool:
    """Whether ``change`` (stated with ``after``) agrees with ``before``'s own figure.

    Relative changes are compared at the precision of the stated amount.
    """
    if change.unit != "percent":
        return previous_value(after, change) == before
    if before == 0:
        return False
    actual = divide((after - before) * ONE_HUNDRED, before)
    signed = change.amount if change.direction == "up" else -change.amount
    return round_half_up(actual, places(change.amount)) == signed
