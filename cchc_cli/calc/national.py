"""Calculators over national tables: places, medians, distances, movers and series.

Everything here returns values; nothing prints. A larger score is better
for every index held so far. Places are competition places ("1224"): ties
share the better place and the next place is skipped. The field is the
provinces with data for the measure ranked, never the provinces of the table.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from cchc_cli.calc.precision import ONE_HUNDRED, divide, round_half_up
from cchc_cli.calc.ranks import competition_ranks
from cchc_cli.national import NationalTable, Row
from cchc_cli.record import Record


class Standing(Record):
    """A province's place by one measure of a table."""

    place: int
    tied: bool
    row: Row
    value: Decimal


class Ranking(Record):
    """A table ranked by one measure: the provinces with data, best first, and the rest."""

    measure: str
    standings: tuple[Standing, ...]
    no_data: tuple[Row, ...]

    @property
    def field(self) -> int:
        """How many provinces have data for the measure."""
        return len(self.standings)

    def of(self, province: str) -> Standing | None:
        """The standing of ``province``, or None when it has no data."""
        for standing in self.standings:
            if standing.row.province == province:
                return standing
        return None


def rank_table(table: NationalTable, measure: str = "total") -> Ranking:
    """The provinces ranked by ``measure``, larger first; rows without a value apart."""
    position = table.position(measure)
    if position is None:
        raise KeyError(measure)
    scored = [(row, row.values[position]) for row in table.rows]
    entries = [(row, value) for row, value in scored if value is not None]
    places = competition_ranks([value for _, value in entries], lower_is_better=False)
    counts: dict[int, int] = {}
    for place in places:
        counts[place] = counts.get(place, 0) + 1
    standings = sorted((Standing(place, counts[place] > 1, row, value)
                        for place, (row, value) in zip(places, entries, strict=True)),
                       key=lambda s: (s.place, s.row.province))
    return Ranking(measure, tuple(standings),
                   tuple(row for row, value in scored if value is None))


def ahead_percent(place: int, field: int) -> Decimal:
    """The share of the field placed ahead: 30th of 61 has 29 ahead, 47.5%.

    Rounded half-up, once, to one decimal.
    """
    return round_half_up(divide(Decimal(place - 1) * ONE_HUNDRED, Decimal(field)), 1)


def median(values: list[Decimal]) -> Decimal | None:
    """The middle value (of an even count, the mean of the two middle ones); None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


class Gap(Record):
    """The next place up or down and how far it is in points."""

    place: int
    provinces: tuple[str, ...]
    """Every province on that place (several when tied)."""
    points: Decimal
    """How many points separate the two places (always positive)."""


def neighbours(ranking: Ranking, province: str) -> tuple[Gap | None, Gap | None]:
    """The next place up and the next place down from ``province``'s (None at an end)."""
    own = ranking.of(province)
    if own is None:
        return None, None
    better = [s for s in ranking.standings if s.value > own.value]
    worse = [s for s in ranking.standings if s.value < own.value]
    up = down = None
    if better:
        nearest = min(s.value for s in better)
        tied = [s for s in better if s.value == nearest]
        up = Gap(tied[0].place, tuple(s.row.province for s in tied), nearest - own.value)
    if worse:
        nearest = max(s.value for s in worse)
        tied = [s for s in worse if s.value == nearest]
        down = Gap(tied[0].place, tuple(s.row.province for s in tied), own.value - nearest)
    return up, down


class MeasureProfile(Record):
    """One measure of one province against the whole field."""

    code: str
    value: Decimal | None
    maximum: Decimal | None
    median: Decimal | None
    best: Decimal | None
    best_provinces: tuple[str, ...]
    place: int | None
    tied: bool
    field: int
    up: Gap | None
    down: Gap | None


def profile(table: NationalTable, province: str) -> list[MeasureProfile]:
    """Every measure of ``province``'s row: value, maximum, median, best, place, gaps.

    The maximum is the one the index states; a sub-dimension with none stated
    has none here (its dimension's maximum only bounds it when the table loads).
    """
    result = []
    for measure in table.measures():
        ranking = rank_table(table, measure.code)
        values = [s.value for s in ranking.standings]
        own = ranking.of(province)
        best = max(values) if values else None
        up, down = neighbours(ranking, province)
        result.append(MeasureProfile(
            measure.code, own.value if own else None, measure.max,
            median(values), best,
            tuple(s.row.province for s in ranking.standings if s.value == best),
            own.place if own else None, bool(own and own.tied), ranking.field, up, down))
    return result


class Comparability(Record):
    """What two tables of one index can be compared on, and why not the rest."""

    scores: bool
    places: bool
    reasons: tuple[str, ...]
    """``method`` (the methodology changed), ``merger`` (the 2025 merger lies between)."""


def comparability(before: NationalTable, after: NationalTable) -> Comparability:
    """Scores compare within one method; places compare within one set of provinces."""
    from cchc_cli.provinces import MERGER_DATE

    reasons = []
    if before.method.id != after.method.id:
        reasons.append("method")
    if (before.period.end < MERGER_DATE) != (after.period.end < MERGER_DATE):
        reasons.append("merger")
    return Comparability("method" not in reasons, "merger" not in reasons, tuple(reasons))


class Move(Record):
    """One province from one table to the other."""

    province: str
    before: Standing
    after: Standing
    score_change: Decimal | None
    """None when scores do not compare (see ``Comparability``)."""
    places_gained: int | None
    """Places gained (positive = up the table); None when places do not compare."""


class Movement(Record):
    """What changed between two tables of one index."""

    comparability: Comparability
    moves: tuple[Move, ...]
    only_before: tuple[str, ...]
    """Provinces with a score before and none after (absent, or no data)."""
    only_after: tuple[str, ...]
    fields: tuple[int, int]


def movers(before: NationalTable, after: NationalTable, measure: str = "total") -> Movement:
    """Every province ranked in both tables, with its change in score and place."""
    allowed = comparability(before, after)
    first, second = rank_table(before, measure), rank_table(after, measure)
    earlier = {s.row.province: s for s in first.standings}
    later = {s.row.province: s for s in second.standings}
    moves = tuple(Move(province, earlier[province], standing,
                       standing.value - earlier[province].value if allowed.scores else None,
                       earlier[province].place - standing.place if allowed.places else None)
                  for province, standing in later.items() if province in earlier)
    return Movement(allowed, moves,
                    tuple(p for p in earlier if p not in later),
                    tuple(p for p in later if p not in earlier),
                    (first.field, second.field))


def biggest(moves: tuple[Move, ...], key: str, count: int = 5) -> tuple[list[Move], list[Move]]:
    """The largest rises and the largest falls by ``key`` (``score`` or ``place``).

    Each list holds the ``count`` largest, and every province tied with the
    last of them: a cut never falls between two equal moves.
    """
    def amount(move: Move) -> Decimal | int | None:
        return move.score_change if key == "score" else move.places_gained

    changed = [m for m in moves if (amount(m) or 0) != 0]
    rises = sorted((m for m in changed if (amount(m) or 0) > 0),
                   key=lambda m: (-(amount(m) or 0), m.province))
    falls = sorted((m for m in changed if (amount(m) or 0) < 0),
                   key=lambda m: (amount(m) or 0, m.province))
    return _with_ties(rises, count, amount), _with_ties(falls, count, amount)


def _with_ties(ordered: list[Move], count: int,
               amount: Callable[[Move], Decimal | int | None]) -> list[Move]:
    """The first ``count`` moves, and any after them equal to the last one kept."""
    if len(ordered) <= count:
        return ordered
    last = amount(ordered[count - 1])
    return ordered[:count] + [m for m in ordered[count:] if amount(m) == last]


class SeriesPoint(Record):
    """A province in one table of a series."""

    table: NationalTable
    standing: Standing | None
    """None when the province is in the table without a score."""
    field: int
    new_method: bool
    """The methodology differs from the point before (a break in the series)."""


def series(tables: list[NationalTable], province: str) -> list[SeriesPoint]:
    """``province`` in every table that has its row, oldest first."""
    points: list[SeriesPoint] = []
    last_method: str | None = None
    for table in sorted(tables, key=lambda t: t.period.sort_key()):
        if table.row(province) is None:
            continue
        ranking = rank_table(table)
        points.append(SeriesPoint(table, ranking.of(province), ranking.field,
                                  last_method is not None and table.method.id != last_method))
        last_method = table.method.id
    return points


def share_of_max(value: Decimal, maximum: Decimal | None) -> Decimal | None:
    """A score as a percent of its maximum, to one decimal: what compares across methods."""
    if maximum is None or maximum == 0:
        return None
    return round_half_up(divide(value * ONE_HUNDRED, maximum), 1)


class Among(Record):
    """A province's standing in a national table: its total, place, strongest and weakest."""

    table: NationalTable
    standing: Standing
    field: int
    strengths: tuple[tuple[str, int, int], ...]
    """The dimensions with its best places: (code, place, field), best first."""
    weaknesses: tuple[tuple[str, int, int], ...]
    """The dimensions with its worst places, worst first."""


def among(table: NationalTable, province: str, count: int = 2) -> Among | None:
    """Where ``province`` stands in ``table``; None without a total."""
    ranking = rank_table(table)
    standing = ranking.of(province)
    if standing is None:
        return None
    places = []
    for dimension in table.method.dimensions:
        if dimension.code in table.columns:
            ranked = rank_table(table, dimension.code)
            own = ranked.of(province)
            if own is not None:
                places.append((dimension.code, own.place, ranked.field))
    ordered = sorted(places, key=lambda item: (item[1], item[0]))
    return Among(table, standing, ranking.field, tuple(ordered[:count]),
                 tuple(reversed(ordered[-count:])) if len(ordered) > count else ())


class CrossCheck(Record):
    """A report's stated index figure held against the national table."""

    figure_id: str
    kind: str
    """``score`` or ``rank``."""
    stated: Decimal
    table_value: Decimal
    rounded: Decimal
    """The table's value at the report's printed precision (a rank as it is)."""
    agrees: bool
    table: NationalTable
    stated_field: int | None = None
    """For a rank: the field the report states (63, counting every province)."""
    table_field: int | None = None
    """For a rank: the provinces the table ranks (61, those with data)."""


def cross_check(figures: list[tuple[str, str, Decimal, int | None]], table: NationalTable,
                province: str) -> list[CrossCheck]:
    """Each ``(figure_id, kind, stated value, stated field)`` against ``province``'s row.

    A score agrees when the table's total, rounded half-up to the decimals
    the report prints, is the stated score (43.7289 prints as 43.7); a rank
    agrees when it is the table's place. The fields are kept side by side: a
    report's "30 of 63" and the table's 30th of the 61 with data are one place
    out of two different counts.
    """
    from cchc_cli.calc.precision import places

    standing = rank_table(table).of(province)
    if standing is None:
        return []
    checks = []
    field = rank_table(table).field
    for figure_id, kind, stated, of in figures:
        if kind == "score":
            shown = round_half_up(standing.value, places(stated))
            checks.append(CrossCheck(figure_id, kind, stated, standing.value, shown,
                                     shown == stated, table))
        elif kind == "rank":
            place = Decimal(standing.place)
            checks.append(CrossCheck(figure_id, kind, stated, place, place, place == stated,
                                     table, of, field))
    return checks
