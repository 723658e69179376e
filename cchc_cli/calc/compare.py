"""Compare two years of one province, figure by figure, measure by measure.

Figures are matched by id. Each figure gives measures: its value, and where it
states them, its share of a whole (and that whole), the shares of its parts,
and its attainment of a plan. For every measure present in both years the
comparison gives the change, the relative change, the direction, and whether
that is better or worse, knowing that a smaller rank is better.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.calc import ranks
from cchc_cli.calc.changes import previous_value, stated_change_agrees
from cchc_cli.calc.derive import derive
from cchc_cli.calc.precision import ONE_HUNDRED, divide, round_half_up
from cchc_cli.model import Figure, Report
from cchc_cli.record import Record


class Measure(Record):
    """One comparable number of a figure in one year."""

    name: str
    """``value``, ``share_percent``, ``whole``, ``part_percent`` or ``attainment_percent``."""
    part: str | None
    value: Decimal
    unit: str
    better: str
    qualifier: str
    """``exact``, ``approx``, ``at_least`` or ``at_most``, as stated or as derived."""


class Delta(Record):
    """A measure in both years and how it moved."""

    figure_id: str
    measure: str
    part: str | None
    before: Decimal | None
    after: Decimal | None
    change: Decimal | None
    """``after`` − ``before``; None for a rank, whose move is ``places_gained``."""
    relative: Decimal | None
    """Relative change in percent, rounded half-up to one decimal; None for ranks, percents
    and from zero."""
    places_gained: int | None
    """For a rank: places gained (``before`` − ``after``; positive = up the table)."""
    unit: str
    direction: str
    """``up``, ``down``, ``same``, or ``""`` when a year lacks the measure."""
    verdict: str
    """``better``, ``worse``, ``same`` or ``""`` (no way is better, or a year lacks it)."""
    qualifier_before: str | None
    qualifier_after: str | None
    change_qualifier: str | None
    """What the change (or places gained) is: ``exact``, ``approx``, ``at_least`` or
    ``at_most``; None when there is no change."""


class FigurePair(Record):
    """A figure present in both years, with its measures compared."""

    before: Figure
    after: Figure
    deltas: tuple[Delta, ...]

    @property
    def comparable(self) -> bool:
        """False when either year's data says its value is not comparable across periods;
        the deltas then give both values and no change, direction or verdict."""
        return self.before.not_comparable is None and self.after.not_comparable is None


class Disagreement(Record):
    """A stated change that does not match the other year's own figure."""

    figure: Figure
    """The figure as the report that states the change gives it."""
    stated_in: int
    implied: Decimal
    found: Decimal
    other_year: int


Numbers = dict[str, Decimal | int | str | None]


class Note(Record):
    """Something a reader of the comparison must know, with the numbers behind it.

    ``periods_unlike``: the periods are of different kinds (``--mixed-periods``).
    ``count_and_share_diverge``: a count rose while its share fell, or the reverse.
    ``fields_differ``: two ranks out of fields of different sizes, compared by top share.
    ``not_comparable``: a period's data says the figure is not comparable across periods
    (with its ``reason``): both values are shown with no change or verdict.
    """

    code: str
    figure_id: str | None
    numbers: Numbers


class Comparison(Record):
    """Two periods of one province compared."""

    before: Report
    after: Report
    pairs: tuple[FigurePair, ...]
    only_before: tuple[Figure, ...]
    only_after: tuple[Figure, ...]
    disagreements: tuple[Disagreement, ...]
    notes: tuple[Note, ...] = ()

    @property
    def periods_alike(self) -> bool:
        """Whether both periods are of one kind (a month with a month, a year with a year)."""
        return self.before.period.comparable_with(self.after.period)


def better_way(figure: Figure) -> str:
    """``higher``, ``lower`` or ``neither``: which way is good for ``figure``."""
    if figure.better is not None:
        return figure.better
    return "lower" if figure.kind == "rank" else "higher"


def measures(figure: Figure, report: Report) -> list[Measure]:
    """The comparable numbers of ``figure``."""
    way = better_way(figure)
    derived = derive(figure, report)
    found = [Measure("value", None, figure.value, figure.kind, way, figure.qualifier)]
    if figure.share is not None:
        found.append(Measure("share_percent", None, figure.share.percent, "percent", way,
                             "exact"))
        whole = next((d for d in derived if d.key in ("whole", "implied_whole")), None)
        if whole is not None and isinstance(whole.value, Decimal):
            found.append(Measure("whole", None, whole.value, figure.kind, "neither",
                                 whole.qualifier))
    if figure.breakdown is not None:
        for part in figure.breakdown.parts:
            assert part.percent is not None
            found.append(Measure("part_percent", part.id, part.percent, "percent",
                                 part.better or "neither", "exact"))
        rest = next((d for d in derived if d.key == "rest_percent"), None)
        if rest is not None and isinstance(rest.value, Decimal):
            rest_better = figure.breakdown.rest.better if figure.breakdown.rest else None
            found.append(Measure("part_percent", rest.part, rest.value, "percent",
                                 rest_better or "neither", rest.qualifier))
    if figure.attainment is not None:
        found.append(Measure("attainment_percent", None, figure.attainment.percent, "percent",
                             way, "exact"))
    if figure.kind == "rank" and figure.of:
        top = next((d for d in derived if d.key == "top_share"), None)
        found.append(Measure("top_share", None, ranks.top_share(int(figure.value), figure.of),
                             "percent", "lower", top.qualifier if top else figure.qualifier))
    return found


def compare_measure(figure_id: str, before: Measure | None, after: Measure | None) -> Delta:
    """The change of one measure between two years."""
    known = before or after
    assert known is not None
    if before is None or after is None:
        return Delta(figure_id, known.name, known.part, before.value if before else None,
                     after.value if after else None, None, None, None, known.unit, "", "",
                     before.qualifier if before else None, after.qualifier if after else None,
                     None)
    change = after.value - before.value
    qualifier = difference_qualifier(before.qualifier, after.qualifier)
    if qualifier is None:  # the two bounds leave the change open
        return Delta(figure_id, after.name, after.part, before.value, after.value, None, None,
                     None, after.unit, "", "", before.qualifier, after.qualifier, None)
    if after.unit == "rank":  # a smaller number is a move up the table
        gained = ranks.places_gained(int(before.value), int(after.value))
        # places gained are before − after: a rank "at most 20" gains "at least" so many
        qualifier = difference_qualifier(after.qualifier, before.qualifier) or qualifier
        direction, _ = _certain(Decimal(gained), qualifier, "higher", ranks.direction(gained))
        verdict = _verdict(change, after.better) if direction else ""
        return Delta(figure_id, after.name, after.part, before.value, after.value, None, None,
                     gained, after.unit, direction, verdict, before.qualifier, after.qualifier,
                     qualifier)
    relative = None
    if before.value != 0 and after.unit != "percent":
        relative = round_half_up(divide(change * ONE_HUNDRED, abs(before.value)), 1)
    direction = "up" if change > 0 else "down" if change < 0 else "same"
    direction, verdict = _certain(change, qualifier, after.better, direction)
    return Delta(figure_id, after.name, after.part, before.value, after.value, change, relative,
                 None, after.unit, direction, verdict, before.qualifier, after.qualifier,
                 qualifier)


def difference_qualifier(before: str, after: str) -> str | None:
    """What ``after − before`` is, given what each value is.

    ``≥200,000`` against an exact 150,000 is a change of at least 50,000; an
    exact value against one that is at least something is a change of at most
    so much; an approximate value makes the change approximate (and a bound
    stays a bound). Two bounds opposite ways (at least, then at most) bound no
    change at all: None.
    """
    flipped = {"at_least": "at_most", "at_most": "at_least"}
    bounds = {after, flipped.get(before, before)} & {"at_least", "at_most"}
    if len(bounds) == 2:
        return None
    if bounds:
        return bounds.pop()
    return "approx" if "approx" in (before, after) else "exact"


def _certain(change: Decimal, qualifier: str, better: str, direction: str) -> tuple[str, str]:
    """The direction and verdict, or neither where a bound leaves the direction open.

    A change of at least −50 may be a rise or a fall; one of at least +50 is a rise.
    """
    if (qualifier == "at_least" and change <= 0) or (qualifier == "at_most" and change >= 0):
        return "", ""
    return direction, _verdict(change, better)


def _verdict(change: Decimal, better: str) -> str:
    if change == 0:
        return "same"
    if better == "neither":
        return ""
    return "better" if (change > 0) == (better == "higher") else "worse"


def compare_figures(before: Figure, after: Figure, reports: tuple[Report, Report]) -> FigurePair:
    """Compare every measure of one figure across two periods.

    Two ranks out of fields of different sizes (63 provinces, then 34) are
    never subtracted into places gained or lost: they are compared by the
    share of the field at or ahead of them (top 22.2% → top 14.7%).
    """
    old = {(m.name, m.part): m for m in measures(before, reports[0])}
    new = {(m.name, m.part): m for m in measures(after, reports[1])}
    keys = list(old) + [key for key in new if key not in old]
    fields_differ = fields_differ_in(before, after)
    comparable = before.not_comparable is None and after.not_comparable is None
    deltas = []
    for key in keys:
        if key[0] == "top_share" and not fields_differ:
            continue  # the places themselves compare
        delta = compare_measure(after.id, old.get(key), new.get(key))
        if (fields_differ and key[0] == "value") or not comparable:
            delta = delta._replace(change=None, relative=None, places_gained=None,
                                   direction="", verdict="", change_qualifier=None)
        deltas.append(delta)
    return FigurePair(before, after, tuple(deltas))


def fields_differ_in(before: Figure, after: Figure) -> bool:
    """Whether two ranks are out of fields of different sizes."""
    return before.kind == "rank" and after.kind == "rank" and before.of != after.of


def stated_change_disagreements(before: Report, after: Report) -> list[Disagreement]:
    """Changes one report states against the other year that its own figures contradict."""
    found = []
    for earlier, later in ((before, after), (after, before)):
        for figure in later.figures:
            change = figure.change
            if change is None or change.since != earlier.year or figure.derived_from:
                continue
            other = earlier.figure(figure.id)
            if other is None or other.derived_from:
                continue
            if not stated_change_agrees(other.value, figure.value, change):
                found.append(Disagreement(figure, later.year, previous_value(figure.value, change),
                                          other.value, earlier.year))
    return found


def compare(before: Report, after: Report) -> Comparison:
    """Compare two years of the same province."""
    after_ids = {f.id for f in after.figures}
    before_ids = {f.id for f in before.figures}
    pairs = tuple(
        compare_figures(figure, after_figure, (before, after))
        for figure in before.figures
        if (after_figure := after.figure(figure.id)) is not None
    )
    return Comparison(
        before, after, pairs,
        tuple(f for f in before.figures if f.id not in after_ids),
        tuple(f for f in after.figures if f.id not in before_ids),
        tuple(stated_change_disagreements(before, after)),
        tuple(comparison_notes(before, after, pairs)),
    )


def comparison_notes(before: Report, after: Report, pairs: tuple[FigurePair, ...]
                     ) -> list[Note]:
    """The notes of a comparison: a later period first, unlike periods, diverging counts
    and shares, fields."""
    notes = []
    if before.period.end > after.period.end:
        notes.append(Note("later_first", None, {"period_before": before.period.full_key,
                                                "period_after": after.period.full_key}))
    if not before.period.comparable_with(after.period):
        notes.append(Note("periods_unlike", None, {
            "period_before": before.period.full_key, "kind_before": before.period.kind,
            "period_after": after.period.full_key, "kind_after": after.period.kind}))
    notes += [Note("not_comparable", pair.after.id, {"period": period.full_key,
                                                    "reason": figure.not_comparable.en,
                                                    "reason_vi": figure.not_comparable.vi})
              for pair in pairs for period, figure in ((before.period, pair.before),
                                                       (after.period, pair.after))
              if figure.not_comparable is not None]
    notes += [note for pair in pairs if (note := diverging_share(pair)) is not None]
    notes += [Note("fields_differ", pair.after.id, {"field_before": pair.before.of,
                                                    "field_after": pair.after.of})
              for pair in pairs if fields_differ_in(pair.before, pair.after)]
    return notes


def diverging_share(pair: FigurePair) -> Note | None:
    """A note when a count rose while its share fell (or the reverse): the whole moved."""
    deltas = {d.measure: d for d in pair.deltas}
    value, share, whole = (deltas.get(k) for k in ("value", "share_percent", "whole"))
    if value is None or share is None or value.change is None or share.change is None:
        return None
    if (value.change > 0) == (share.change > 0) or value.change == 0 or share.change == 0:
        return None
    return Note("count_and_share_diverge", pair.after.id, {
        "count_before": value.before, "count_after": value.after,
        "share_before": share.before, "share_after": share.after,
        "whole_before": whole.before if whole else None,
        "whole_after": whole.after if whole else None,
        "whole_before_qualifier": whole.qualifier_before if whole else None,
        "whole_after_qualifier": whole.qualifier_after if whole else None})
