"""One figure across years (a trend) and across provinces (a ranking)."""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.calc.compare import better_way
from cchc_cli.calc.ranks import competition_ranks
from cchc_cli.model import Figure, Province, Report
from cchc_cli.record import Record


class Point(Record):
    """A figure in one year, and its change from the year before it in the series."""

    year: int
    figure: Figure
    change: Decimal | None


def trend(timeline: list[Report], figure_id: str) -> list[Point]:
    """``figure_id`` in every year of ``timeline`` that has it, implied years included."""
    points: list[Point] = []
    for report in timeline:
        figure = report.figure(figure_id)
        if figure is None:
            continue
        change = figure.value - points[-1].figure.value if points else None
        points.append(Point(report.year, figure, change))
    return points


class Placing(Record):
    """A province's place in a ranking by one figure."""

    place: int
    tied: bool
    province: Province
    figure: Figure


def rank_provinces(entries: list[tuple[Province, Figure]]) -> list[Placing]:
    """Provinces ordered by the figure, best first; ties share the better place (1, 2, 2, 4).

    Which way is best follows the figure (a smaller rank is better); where
    neither way is better, larger comes first.
    """
    if not entries:
        return []
    lower_first = better_way(entries[0][1]) == "lower"
    values = [figure.value for _, figure in entries]
    places = competition_ranks(values, lower_is_better=lower_first)
    counts: dict[int, int] = {}
    for place in places:
        counts[place] = counts.get(place, 0) + 1
    placings = [Placing(place, counts[place] > 1, province, figure)
                for place, (province, figure) in zip(places, entries, strict=True)]
    return sorted(placings, key=lambda p: (p.place, p.province.id))


def ranking(timelines: list[tuple[Province, list[Report]]], figure_id: str,
            year: int) -> list[Placing]:
    """Provinces ranked by ``figure_id`` in ``year``, implied figures included."""
    entries = [(province, figure) for province, timeline in timelines for report in timeline
               if report.year == year and (figure := report.figure(figure_id)) is not None]
    return rank_provinces(entries)
