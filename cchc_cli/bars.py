"""Bars and sparklines drawn with text characters, so charts survive pipes and plain
terminals; views put them in cells, renderers draw charts with them."""

from __future__ import annotations

import math

FULL = "█"
EMPTY = "░"
SEGMENTS = ("█", "▓", "▒", "░")


def _half_up(number: float) -> int:
    """Round half up (``round`` goes to even: 38.5 -> 38)."""
    return math.floor(number + 0.5)


def bar(fraction: float, width: int) -> str:
    """A bar ``width`` characters long, filled to ``fraction`` (clamped to 0..1)."""
    filled = _half_up(max(0.0, min(fraction, 1.0)) * width)
    return FULL * filled + EMPTY * (width - filled)


REFERENCE = "│"
"""Where 100% of plan falls on a bar whose scale runs past it."""
TARGET = "┃"
"""Where a target falls on a bar."""


def marked(fraction: float, width: int, marks: list[tuple[float, str]]) -> str:
    """A bar with characters laid over it where each mark falls (a fraction of 0..1)."""
    cells = list(bar(fraction, width))
    for where, character in marks:
        position = min(max(_half_up(where * width) - 1, 0), width - 1)
        cells[position] = character
    return "".join(cells)


def stacked(fractions: list[float], width: int) -> list[str]:
    """Segments of one bar, each drawn with its own character, together ``width`` long."""
    pieces: list[str] = []
    used = 0
    running = 0.0
    for position, fraction in enumerate(fractions):
        running += max(fraction, 0.0)
        end = min(_half_up(running * width), width)
        character = SEGMENTS[position % len(SEGMENTS)]
        pieces.append(character * max(end - used, 0))
        used = max(end, used)
    return pieces


def sparkline(values: list[float]) -> str:
    """One character per value, from ▁ (lowest) to █ (highest)."""
    ticks = "▁▂▃▄▅▆▇█"
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return ticks[3] * len(values)
    return "".join(ticks[_half_up((v - low) / (high - low) * (len(ticks) - 1))] for v in values)
