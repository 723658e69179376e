"""Match an answer's rows to the provinces registry and check its numbers.

Errors (the answer is refused): a code the registry does not know, a province
twice, a field of the wrong size (34 provinces from the 2025 merger, 63
before), a score outside its group's range, group scores that do not add up
to the total (beyond 0.01). Warnings (the answer is kept): where the portal is
known to disagree with itself — its national score or its radar against the
provinces' own scores — a name that is not the registry's for that code, and
a province with no score.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from cchc_cli.load.problems import DataError, Problem
from cchc_cli.portal import GROUPS, SUM_TOLERANCE, TOTAL_MAX
from cchc_cli.portal.response import Answer, Row
from cchc_cli.provinces import Entry, Registry
from cchc_cli.record import Record

_MAXIMA = dict(GROUPS)
_CENT = Decimal("0.01")


class Matched(Record):
    """A row of the answer and the province it is."""

    entry: Entry
    row: Row


class Checked(Record):
    """An answer whose rows all matched a province and passed the checks."""

    answer: Answer
    rows: tuple[Matched, ...]
    warnings: tuple[Problem, ...]


def check(answer: Answer, registry: Registry, on: dt.date) -> Checked:
    """Match and check ``answer`` for the provinces of ``on``; raise ``DataError`` with
    every error found."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    matched = _match(answer, registry, on, errors, warnings)
    _no_repeats(answer.path, matched, errors)
    _field_size(answer.path, matched, registry, on, errors)
    for item in matched:
        _scores(answer.path, item.row, errors, warnings)
    if errors:
        raise DataError(errors)
    _overview(answer, matched, warnings)
    return Checked(answer, tuple(matched), tuple(warnings))


def _problem(path: str, row: Row, field: str, message: str, hint: str = "") -> Problem:
    name = f"{row.field}.{field}" if field else row.field
    return Problem(path, row.line, row.column, name, message, hint)


def _match(answer: Answer, registry: Registry, on: dt.date, errors: list[Problem],
           warnings: list[Problem]) -> list[Matched]:
    matched = []
    for row in answer.rows:
        entry = _by_code(answer.path, row, registry, errors, warnings) if answer.shape == "new" \
            else _by_era_name(answer.path, row, registry, on, errors)
        if entry is None:
            continue
        if not entry.valid_on(on):
            errors.append(_problem(answer.path, row, "", f"{row.label} is {entry.name.vi}, "
                          f"which did not exist on {on.isoformat()}",
                          "check the period: 34 provinces from 1 July 2025, 63 before"))
            continue
        matched.append(Matched(entry, row))
    if answer.shape == "old" and matched:
        warnings.append(Problem(answer.path, 1, 1, "", "the old portal's rows carry no "
                                "departmentCode: each was matched by its name among the "
                                f"{registry.field_size(on)} provinces of {on.isoformat()}, and "
                                "its ID kept beside it"))
    return matched


def _by_code(path: str, row: Row, registry: Registry, errors: list[Problem],
             warnings: list[Problem]) -> Entry | None:
    """The province with the row's ``departmentCode``; the name only confirms it."""
    assert row.code is not None
    entry = registry.by_portal_code(row.code)
    if entry is None:
        errors.append(_problem(path, row, "departmentCode", f"'{row.code}' ({row.name}) is no "
                               "province's code in the provinces registry",
                               "a newer cchc may know it; the row is not matched by name"))
        return None
    if row.name and entry not in registry.matches(row.name):
        warnings.append(_problem(path, row, "departmentName", f"'{row.name}' is not a name "
                                 f"of {entry.name.vi}, whose code is {row.code}",
                                 "matched by the code; check the row"))
    return entry


def _by_era_name(path: str, row: Row, registry: Registry, on: dt.date,
                 errors: list[Problem]) -> Entry | None:
    """The one province of ``on`` the old portal's name names."""
    found = [entry for entry in registry.matches(row.name) if entry.valid_on(on)]
    if len(found) == 1:
        return found[0]
    what = "no province" if not found else f"{len(found)} provinces"
    errors.append(_problem(path, row, "TEN", f"'{row.name}' names {what} of {on.isoformat()}",
                           "the old portal has no code to match by; check the name"))
    return None


def _no_repeats(path: str, matched: list[Matched], errors: list[Problem]) -> None:
    seen: dict[str, Row] = {}
    for item in matched:
        first = seen.setdefault(item.entry.id, item.row)
        if first is not item.row:
            errors.append(_problem(path, item.row, "", f"{item.entry.name.vi} is here twice: "
                                   f"also {first.field} (line {first.line})",
                                   "an answer has each province once"))


def _field_size(path: str, matched: list[Matched], registry: Registry, on: dt.date,
                errors: list[Problem]) -> None:
    expected = registry.on(on)
    if len({m.entry.id for m in matched}) == len(expected) or not matched:
        return
    present = {m.entry.id for m in matched}
    missing = [e.name.vi for e in expected if e.id not in present]
    shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    field = "data.evaluation" if matched[0].row.code else ""
    errors.append(Problem(path, 1, 1, field, f"{len(present)} provinces, not the "
                          f"{len(expected)} of {on.isoformat()}"
                          + (f"; missing {shown}" if missing else ""),
                          "34 provinces from 1 July 2025, 63 before; check the file is whole"))


def _scores(path: str, row: Row, errors: list[Problem], warnings: list[Problem]) -> None:
    """Each score within its range, and the groups adding up to the total."""
    if row.total is None:
        warnings.append(_problem(path, row, "", f"{row.label} has no total score: kept as no "
                                 "data"))
    elif not 0 <= row.total <= TOTAL_MAX:
        errors.append(_problem(path, row, "totalScore", f"{row.label}: {row.total} is outside "
                               f"0–{TOTAL_MAX}"))
    for code, score in row.groups:
        if score is not None and not 0 <= score <= _MAXIMA[code]:
            errors.append(_problem(path, row, code, f"{row.label}: {score} is outside its "
                                   f"group's range 0–{_MAXIMA[code]}"))
    scores = [score for _, score in row.groups]
    if row.total is None or not scores or any(score is None for score in scores):
        return
    added = sum(score for score in scores if score is not None)
    if abs(added - row.total) > SUM_TOLERANCE:
        errors.append(_problem(path, row, "", f"{row.label}: the group scores add up to "
                               f"{added}, not to the total {row.total} (a difference of "
                               f"{abs(added - row.total)}, more than the {SUM_TOLERANCE} "
                               "rounding allows)", "check the row against the portal"))


def mean(values: list[Decimal]) -> Decimal:
    """The mean to 0.01, rounded half-up, as the portal prints its national figures."""
    return (sum(values, Decimal(0)) / len(values)).quantize(_CENT, ROUND_HALF_UP)


def _overview(answer: Answer, matched: list[Matched], warnings: list[Problem]) -> None:
    """Warn where the portal's national figures are not its provinces' means."""
    if answer.overview is None or not matched:
        return
    totals = [m.row.total for m in matched if m.row.total is not None]
    stated = answer.overview.total
    if stated is not None and totals and abs(mean(totals) - stated) > _CENT:
        warnings.append(Problem(answer.path, *answer.overview.total_at, "data.overview.totalScore",
                                f"the portal's national score {stated} is not the mean of its "
                                f"provinces' totals, {mean(totals)}",
                                "the portal is known to disagree with itself here; the "
                                "provinces' rows are kept as given"))
    groups = {code: [s for m in matched for c, s in m.row.groups if c == code and s is not None]
              for code, _ in GROUPS}
    pairs = [(dict(m.row.groups).get("CLGQ"), dict(m.row.groups).get("TTTT")) for m in matched]
    groups["ONLINE_SERVICE"] = [a + b for a, b in pairs if a is not None and b is not None]
    off = [f"{code} {score} against {mean(groups[code])}"
           for code, score in answer.overview.radar
           if score is not None and groups.get(code) and abs(mean(groups[code]) - score) > _CENT]
    if off:
        warnings.append(Problem(answer.path, *answer.overview.radar_at, "data.radar",
                                f"the radar's group scores are not the provinces' means: "
                                f"{'; '.join(off)}", "the portal is known to disagree with "
                                "itself here; the provinces' rows are kept as given"))
