"""Ranks: 1 is best, so a smaller number is better and "up" means the number fell."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from cchc_cli.calc.precision import ONE_HUNDRED, divide, round_half_up

Direction = Literal["up", "down", "same"]


def previous_rank(rank: int, direction: Literal["up", "down"], places_moved: int) -> int:
    """The earlier rank, given the stated move: 14th, up 5 places, was 19th."""
    return rank + places_moved if direction == "up" else rank - places_moved


def places_gained(before: int, after: int) -> int:
    """Places gained from ``before`` to ``after`` (positive = moved up, i.e. better).

    This is cchc's one sign for a rank change, in every command: 14th → 12th is +2.
    """
    return before - after


def direction(places_gained: int) -> Direction:
    """``up``, ``down`` or ``same`` for a number of places gained."""
    if places_gained > 0:
        return "up"
    if places_gained < 0:
        return "down"
    return "same"


def top_share(rank: int, field: int, decimals: int = 1) -> Decimal:
    """Position as a share of the field: 14 of 63 is in the top 22.2%.

    Rounded half-up, once, to ``decimals`` places.
    """
    return round_half_up(divide(Decimal(rank) * ONE_HUNDRED, Decimal(field)), decimals)


def in_field(rank: int, field: int) -> bool:
    """Whether ``rank`` is a possible place in a field of ``field``."""
    return 1 <= rank <= field


def competition_ranks(values: list[Decimal], lower_is_better: bool) -> list[int]:
    """Competition ranks ("1224") for ``values``: ties share the better place."""
    order = sorted(values, reverse=not lower_is_better)
    first_place: dict[Decimal, int] = {}
    for position, value in enumerate(order, start=1):
        first_place.setdefault(value, position)
    return [first_place[value] for value in values]
