"""The typed, immutable objects a report file is loaded into.

These are ``Record`` classes (see ``cchc_cli.record``) rather than frozen
dataclasses or named tuples: they are as immutable and as well typed, and
defining thirty of them costs little at start-up (a command-line tool pays for
every class at every run).

Numbers are ``Decimal`` built from the text of the file, so ``76.90`` keeps its
two printed decimals and no value passes through a binary float.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, get_args

from cchc_cli.periods import Period
from cchc_cli.record import Record

Lang = Literal["vi", "en"]

Kind = Literal["count", "percent", "score", "rank", "money", "duration"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]
Area = Literal["direction", "institutions", "procedures", "apparatus", "civil_service",
               "public_finance", "digital_government"]
KINDS: tuple[Kind, ...] = get_args(Kind)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
AREAS: tuple[Area, ...] = get_args(Area)
"""The reform areas of Resolution 76/NQ-CP, in its order."""
FORMAT = "cchc-report/1"


class Text(Record):
    """A phrase in Vietnamese and in English."""

    vi: str
    en: str

    def get(self, lang: Lang) -> str:
        """Return the phrase in ``lang``."""
        phrase: str = getattr(self, lang)
        return phrase


class Position(Record):
    """Where something stands in its file (1-based line and column)."""

    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Province(Record):
    """A province: a slug id, its names, and what the data says of it."""

    id: str
    name: Text
    note: Text | None = None
    """E.g. that it has been part of another province since the 2025 merger."""


class Source(Record):
    """A published source that figures are taken from."""

    id: str
    publisher: str
    title: str
    date: str
    language: str
    url: str | None = None
    file: str | None = None
    author: str | None = None
    note: Text | None = None
    """One text for both languages, or a Vietnamese and an English one."""


class Band(Record):
    """A grade band: ``min <= score < below`` (either end may be open)."""

    grade: str
    label: Text
    min: Decimal | None
    below: Decimal | None
    certainty: str

    def contains(self, score: Decimal) -> bool:
        """Whether ``score`` falls in this band."""
        above_min = self.min is None or score >= self.min
        under_top = self.below is None or score < self.below
        return above_min and under_top


class Component(Record):
    """A component group of an index and its maximum points."""

    code: str
    label: Text
    max: Decimal


class Index(Record):
    """An index that scores and ranks provinces, with its grade bands."""

    id: str
    name: Text
    basis: str | None
    max: Decimal | None
    components: tuple[Component, ...]
    components_note: str | None
    bands: tuple[Band, ...]
    bands_note: str | None


class Share(Record):
    """The figure is ``percent`` % of a whole (stated or implied)."""

    percent: Decimal
    whole_label: Text | None
    rest_label: Text | None
    whole_figure: str | None
    """The id of another figure that is the whole, where the source names it."""
    out_of: Decimal | None = None
    """The whole as the same sentence states it ("421 of 511 units")."""
    percent_stated: bool = True
    """False when the source gives only the two counts and cchc worked out ``percent``."""


class Part(Record):
    """One part of a breakdown, or the unstated remainder (``percent`` None)."""

    id: str
    label: Text
    percent: Decimal | None
    better: str | None


class Breakdown(Record):
    """The figure is a total split into parts given as shares of it."""

    parts: tuple[Part, ...]
    rest: Part | None


class Attainment(Record):
    """The figure is ``percent`` % of a plan."""

    percent: Decimal
    plan_label: Text | None
    plan: Decimal | None
    """The plan itself, where the source states it."""


class Target(Record):
    """A target the figure (or its share) is measured against."""

    value: Decimal
    measure: Literal["value", "share"]
    year: int | None
    label: Text | None
    source: str | None


class Change(Record):
    """A change the source states against an earlier year."""

    direction: Literal["up", "down"]
    amount: Decimal
    unit: Literal["places", "points", "percent", "count"]
    since: int
    of: int | None
    """For ranks: the size of the earlier year's field, if it differs."""


class Figure(Record):
    """One figure of a report, with the relations its source states."""

    id: str
    area: Area
    label: Text
    kind: Kind
    value: Decimal
    qualifier: Qualifier
    unit: Text | None
    max: Decimal | None
    of: int | None
    basis: Literal["whole", "plan"]
    better: Literal["higher", "lower", "neither"] | None
    index_id: str | None
    grade: str | None
    components: tuple[tuple[str, Decimal], ...]
    share: Share | None
    breakdown: Breakdown | None
    attainment: Attainment | None
    target: Target | None
    change: Change | None
    source: str
    excerpt: str
    note: Text | None
    position: Position
    derived_from: str | None = None
    """For a figure implied by another year's report: that report's path."""
    as_printed: bool = False
    """The source's own numbers do not add up, and the figure keeps them as printed:
    ``check`` reports the slip as a warning, and ``validate`` accepts it."""
    of_stated: bool = True
    """False when a rank's field size was not written and cchc took the number of
    provinces at the end of the report's period (63 before 1 July 2025, 34 after)."""
    not_comparable: Text | None = None
    """Why this figure's value must not be set against another period's (the sources
    count it differently): ``compare`` then shows both values with no change, direction
    or verdict."""


class ReviewMark(Record):
    """Guesses a draft asks a person to confirm: the fields named, where they are."""

    field: str
    """``""`` for the file itself, ``figures[<id>]`` for a figure."""
    guesses: tuple[str, ...]
    position: Position


class Headline(Record):
    """Which figures are the year's headline score and rank."""

    score: str | None
    rank: str | None


class Report(Record):
    """One province in one period (a year unless the file says otherwise)."""

    province: Province
    year: int
    sources: tuple[Source, ...]
    indices: tuple[Index, ...]
    headline: Headline
    figures: tuple[Figure, ...]
    path: str
    period: Period
    """The period the figures are for; ``period.year == year``."""
    review: tuple[ReviewMark, ...] = ()
    """What is left to confirm in a draft; empty in a reviewed report."""

    def figure(self, figure_id: str) -> Figure | None:
        """Return the figure with ``figure_id``, or None."""
        for figure in self.figures:
            if figure.id == figure_id:
                return figure
        return None

    def source(self, source_id: str) -> Source | None:
        """Return the source with ``source_id``, or None."""
        for source in self.sources:
            if source.id == source_id:
                return source
        return None

    def get_index(self, index_id: str | None) -> Index | None:
        """Return the index with ``index_id``, or None."""
        for index in self.indices:
            if index.id == index_id:
                return index
        return None


RECORDS: tuple[type[Record], ...] = (Text, Position, Province, Source, Band, Component, Index,
                                     Share, Part, Breakdown, Attainment, Target, Change, Figure,
                                     ReviewMark, Headline, Report, Period)
"""Every class a ``Report`` is built of (what a cached report may be rebuilt from)."""
