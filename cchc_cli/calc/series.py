"""One figure across periods (a trend) and across provinces (a ranking)."""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.calc.compare import better_way, difference_qualifier
from cchc_cli.calc.ranks import competition_ranks, places_gained
from cchc_cli.model import Figure, Province, Report
from cchc_cli.periods import Period
from cchc_cli.record import Record


class Point(Record):
    """A figure in one period, and its change from the last period of its kind before it."""

    year: int
    figure: Figure
    change: Decimal | None
    """This value − the one before; None for a rank, whose move is ``places_gained``."""
    period: Period
    province: Province | None = None
    """Whose figure it is, where a series shows a unit's former parts as theirs."""
    places_gained: int | None = None
    """For a rank: places gained since the one before (positive = up the table); None
    when the two ranks are out of fields of different sizes."""
    change_qualifier: str | None = None
    """What the change (or places gained) is: ``exact``, ``approx``, ``at_least``,
    ``at_most``; None without one."""
    change_from: Period | None = None
    """The period the change is from: the last one of the same kind, which in a series
    of mixed kinds need not be the row above."""


def lineage_trend(timelines: list[tuple[Province, list[Report]]], figure_id: str
                  ) -> list[Point]:
    """``figure_id`` for each province of a unit and its former parts, each as its own.

    Every province's points keep its name, and a change is taken only within
    one province's own series: nothing is summed or averaged across them.
    """
    points = [point._replace(province=province) for province, timeline in timelines
              for point in trend(timeline, figure_id)]
    return sorted(points, key=lambda p: (p.period.sort_key(), p.province.id if p.province
                                         else ""))


def trend(timeline: list[Report], figure_id: str) -> list[Point]:
    """``figure_id`` in every period of ``timeline`` that has it, by end date.

    Implied years are included. A change is taken only from the previous
    period of the same kind (a month from a month, a year from a year).
    """
    points: list[Point] = []
    last: dict[str, tuple[Figure, Period]] = {}
    for report in sorted(timeline, key=lambda r: r.period.sort_key()):
        figure = report.figure(figure_id)
        if figure is None:
            continue
        before, since = last.get(report.period.kind, (None, None))
        last[report.period.kind] = (figure, report.period)
        comparable = before is not None and before.not_comparable is None \
            and figure.not_comparable is None
        qualifier = difference_qualifier(before.qualifier, figure.qualifier) \
            if before is not None and comparable else None
        if before is None or qualifier is None:
            points.append(Point(report.year, figure, None, report.period))
        elif figure.kind == "rank":
            gained = places_gained(int(before.value), int(figure.value)) \
                if before.of == figure.of else None
            points.append(Point(report.year, figure, None, report.period,
                                places_gained=gained, change_qualifier=(
                                    difference_qualifier(figure.qualifier, before.qualifier)
                                    if gained is not None else None),
                                change_from=since if gained is not None else None))
        else:
            points.append(Point(report.year, figure, figure.value - before.value,
                                report.period, change_qualifier=qualifier, change_from=since))
    return points


def period_kinds(points: list[Point]) -> list[str]:
    """The kinds of period in a series, in order of first appearance."""
    return list(dict.fromkeys(p.period.kind for p in points))


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
            period: Period) -> list[Placing]:
    """Provinces ranked by ``figure_id`` in ``period``, implied figures included.

    Only reports of that very period count: a July result is never ranked
    against a whole year. A year to date is each province's latest one.
    """
    entries = []
    for province, timeline in timelines:
        found = [figure for report in timeline
                 if period.names(report.period)
                 and (figure := report.figure(figure_id)) is not None]
        if found:
            entries.append((province, found[-1]))
    return rank_provinces(entries)
