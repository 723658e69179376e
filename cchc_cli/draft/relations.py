"""Group the numbers of a sentence into figures: a value and what the sentence says of it.

A percent right after a count is its share (two or more make a breakdown);
``101,3% kế hoạch`` after an amount is its attainment; ``tăng 5 bậc so với năm
2022`` after a rank is its change; ``trong 63 tỉnh`` after a rank is its field.
What has nothing to attach to stands as a figure of its own.
"""

from __future__ import annotations

import re

from cchc_cli.draft.classify import Reading
from cchc_cli.record import Record

_AMOUNTS = ("count", "money", "duration")
_WHOLES = ("count", "money")
_CHANGE_HOSTS = {"bậc": ("rank",), "score": ("score",), "percent": ("percent",)}
_FIELD_BETWEEN = re.compile(r"\s*(?:trong|trên)\s+(?:tổng\s+số\s+)?(?:các\s+)?\Z")
_FIELD_UNITS = ("tỉnh", "địa phương", "đơn vị", "huyện", "sở", "xã")


class Group(Record):
    """The numbers of one figure."""

    main: Reading
    shares: tuple[Reading, ...] = ()
    attainment: Reading | None = None
    change: Reading | None = None
    field: Reading | None = None


def group_sentence(readings: list[Reading], sentence: str, year: int) -> list[Group]:
    """The figures of one sentence, in order; ``year`` is the draft's year."""
    groups: list[Group] = []
    for reading in readings:
        host = _host(groups, reading, sentence, year)
        if host is None:
            groups.append(Group(reading))
            continue
        position, key = host
        group = groups[position]
        if key == "shares":
            groups[position] = group._replace(shares=(*group.shares, reading))
        else:
            groups[position] = group._replace(**{key: reading})
    return groups


def _host(groups: list[Group], reading: Reading, sentence: str,
          year: int) -> tuple[int, str] | None:
    """Which earlier figure of the sentence ``reading`` belongs to, and as what."""
    if not groups:
        return None
    last = len(groups) - 1
    latest = groups[last]
    between = sentence[_end(latest):reading.token.start]
    if ";" in between:
        return None
    if reading.role == "share" and latest.main.kind in _WHOLES and \
            latest.main.role == "value" and latest.attainment is None:
        return last, "shares"
    if reading.role == "attainment" and latest.main.kind in _AMOUNTS and \
            latest.main.role == "value" and not latest.shares and latest.attainment is None:
        return last, "attainment"
    if reading.role == "change" and reading.since is not None and reading.since < year:
        return _change_host(groups, reading)
    if latest.main.kind == "rank" and latest.main.token.over is None and latest.field is None \
            and reading.kind == "count" and _FIELD_BETWEEN.match(between) and \
            reading.unit is not None and reading.unit[0].startswith(_FIELD_UNITS) and \
            reading.value >= latest.main.value:
        return last, "field"
    return None


def _change_host(groups: list[Group], reading: Reading) -> tuple[int, str] | None:
    key = "bậc" if reading.unit and reading.unit[0] == "bậc" else reading.kind
    kinds = _CHANGE_HOSTS.get(key, ())
    for position in range(len(groups) - 1, -1, -1):
        group = groups[position]
        if group.main.kind in kinds and group.main.role in ("value", "share") and \
                group.change is None:
            return position, "change"
    return None


def _end(group: Group) -> int:
    readings = [group.main, *group.shares, group.attainment, group.change, group.field]
    return max(r.token.end for r in readings if r is not None)


def readings_of(group: Group) -> list[Reading]:
    """Every number of a figure, in the order they stand in the text."""
    found = [group.main, *group.shares, group.attainment, group.change, group.field]
    return sorted((r for r in found if r is not None), key=lambda r: r.token.start)
