"""Shares of a whole: the whole a share implies, the parts of a breakdown.

A printed percent ``p`` with ``d`` decimals stands for a true share in
``[p - h, p + h)`` where ``h = 0.5 * 10**-d`` (half-up rounding). Ranges below
follow from that interval; whole-number ranges are computed with integers only,
so the ends are exact.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.calc.precision import (
    ONE_HUNDRED,
    Estimate,
    ceil,
    divide,
    half_step,
    places,
    round_half_up,
)


def _scaled(percent: Decimal) -> tuple[int, int]:
    """``percent`` as the integer ``P`` with ``d`` decimals: 96.9 -> (969, 1)."""
    decimals = places(percent)
    return int(percent.scaleb(decimals)), decimals


def whole_number_range(part: int, percent: Decimal, *, whole_holds_part: bool = True
                       ) -> tuple[int, int | None] | None:
    """The whole numbers ``N`` for which ``part / N`` prints as ``percent``.

    ``whole_holds_part``: the whole of a share is at least the part; a plan that
    was beaten is not (2,295 at 101.3% of a plan of 2,265 or 2,266).

    Returns ``(low, high)`` with ``high`` None when there is no upper bound
    (a share printed as 0: 1 of more than 200 rounds to 0%), or None when no
    whole number gives that percent (the figures disagree). 1818 at 96.9%
    gives (1876, 1877).
    """
    scaled, decimals = _scaled(percent)
    # part*100/N in [P - 1/2, P + 1/2) * 10**-d  <=>  (2P-1) N <= K < (2P+1) N
    k = 2 * 100 * 10**decimals * part
    low = max(k // (2 * scaled + 1) + 1, part if whole_holds_part else 1, 1)
    if scaled == 0:  # any whole large enough makes the share round to 0
        return (low, None)
    high = k // (2 * scaled - 1)
    return (low, high) if low <= high else None


def implied_whole(part: Decimal, percent: Decimal, whole_numbers: bool, *,
                  whole_holds_part: bool = True) -> Estimate | None:
    """The whole that ``part`` is ``percent`` % of, with the range the rounding allows.

    For counts (``whole_numbers``) the range is of whole numbers; for amounts
    it is the continuous interval. None when the percent is 0, or when no whole
    number gives that percent (the figures disagree; ``cchc check`` says so).
    """
    if percent == 0:
        return None
    central = divide(part * ONE_HUNDRED, percent)
    if whole_numbers:
        bounds = whole_number_range(int(part), percent, whole_holds_part=whole_holds_part)
        if bounds is None or bounds[1] is None:
            return None
        return Estimate(round_half_up(central), Decimal(bounds[0]), Decimal(bounds[1]), 0)
    decimals = max(places(part), places(percent))
    step = half_step(places(percent))
    high = divide(part * ONE_HUNDRED, percent - step) if percent > step else None
    low = divide(part * ONE_HUNDRED, percent + step)
    return Estimate(round_half_up(central, decimals), round_half_up(low, decimals),
                    None if high is None else round_half_up(high, decimals), decimals)


def remainder(whole: Estimate, part: Decimal) -> Estimate:
    """What the whole holds beyond the part (``whole - part``)."""
    low = None if whole.low is None else max(whole.low - part, Decimal(0))
    high = None if whole.high is None else whole.high - part
    return Estimate(whole.central - part, low, high, whole.decimals)


def part_of(total: Decimal, percent: Decimal, whole_numbers: bool) -> Estimate:
    """``percent`` % of ``total``, with the range the percent's rounding allows."""
    step = half_step(places(percent))
    central = divide(total * percent, ONE_HUNDRED)
    low = divide(total * (percent - step), ONE_HUNDRED)
    high = divide(total * (percent + step), ONE_HUNDRED)
    if whole_numbers:
        # part/total in [p - h, p + h): whole parts from ceil(low) to below ceil(high)
        lowest = max(ceil(low), 0)
        highest = max(min(ceil(high) - 1, int(total)), lowest)
        return Estimate(round_half_up(central), Decimal(lowest), Decimal(highest), 0)
    decimals = max(places(total), places(percent))
    return Estimate(round_half_up(central, decimals), round_half_up(low, decimals),
                    round_half_up(high, decimals), decimals)


def _percent_sum(central: Decimal, percents: list[Decimal]) -> Estimate:
    """A share worked out from printed percents, with the slack their rounding leaves."""
    decimals = max(places(p) for p in percents)
    slack = sum((half_step(places(p)) for p in percents), Decimal(0))
    low = max(central - slack, Decimal(0))
    high = min(central + slack, ONE_HUNDRED)
    return Estimate(round_half_up(central, decimals), round_half_up(low, decimals),
                    round_half_up(high, decimals), decimals)


def rest_percent(percents: list[Decimal]) -> Estimate:
    """The share left once the stated parts are taken (100 - 78.8 - 18.9 = 2.3)."""
    return _percent_sum(ONE_HUNDRED - sum(percents, Decimal(0)), percents)


def combined_percent(percents: list[Decimal]) -> Estimate:
    """The share of several parts together (78.8 + 18.9 = 97.7)."""
    return _percent_sum(sum(percents, Decimal(0)), percents)


def rest_count(total: Decimal, parts: list[Estimate]) -> Estimate:
    """The count left once the parts are taken, so parts and rest add up to the total.

    The range is what the parts' whole-number ranges leave: 163,909 less the
    largest parts (129,242 + 31,060) is 3,607, less the smallest (129,079 +
    30,897) is 3,933.
    """
    central = total - sum((p.central for p in parts), Decimal(0))
    if any(p.low is None or p.high is None for p in parts):
        return Estimate(max(central, Decimal(0)), None, None, 0)
    low = total - sum((p.high for p in parts if p.high is not None), Decimal(0))
    high = total - sum((p.low for p in parts if p.low is not None), Decimal(0))
    return Estimate(max(central, Decimal(0)), max(low, Decimal(0)), max(high, Decimal(0)), 0)

