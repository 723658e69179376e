"""What a draft holds before it is written: figures with their guesses marked."""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.draft.place import Period, Place
from cchc_cli.record import Record


class SetAside(Record):
    """A number that is not a fact, and why."""

    number: str
    why: str
    line: int
    context: str


class Relation(Record):
    """A share, attainment or change as the sentence states it."""

    percent: Decimal | None = None
    label: str | None = None
    whole_id: str | None = None
    direction: str | None = None
    amount: Decimal | None = None
    unit: str | None = None
    since: int | None = None


class Part(Record):
    """One part of a breakdown."""

    id: str
    label: str
    percent: Decimal


class DraftFigure(Record):
    """One drafted figure, ready to write."""

    id: str
    area: str
    label: str
    kind: str
    value: Decimal
    unit: tuple[str, str] | None
    qualifier: str
    excerpt: str
    line: int
    review: tuple[str, ...]
    of: int | None = None
    max: Decimal | None = None
    basis: str | None = None
    share: Relation | None = None
    parts: tuple[Part, ...] = ()
    attainment: Relation | None = None
    change: Relation | None = None
    notes: tuple[str, ...] = ()
    as_printed: bool = False
    """The article's own numbers for this figure do not add up (kept as printed)."""


class SourceDraft(Record):
    """The article as a source of the draft."""

    id: str
    publisher: str
    title: str
    date: str
    file: str
    url: str | None


class Draft(Record):
    """Everything ``cchc draft`` writes."""

    province: Place
    period: Period
    source: SourceDraft
    figures: tuple[DraftFigure, ...]
    set_aside: tuple[SetAside, ...]
    review: tuple[str, ...]
    notes: tuple[str, ...]
