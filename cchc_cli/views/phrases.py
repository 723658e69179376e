"""Values and derived values as short phrases, in Vietnamese or English."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from cchc_cli import numfmt
from cchc_cli.calc import ranks
from cchc_cli.calc.derive import Derived, DerivedKey, FigureResult, Token
from cchc_cli.i18n import word
from cchc_cli.model import Figure, Lang, Text


def value_text(figure: Figure, lang: Lang, value: Decimal | None = None) -> str:
    """A figure's value as printed in a table: ``1,818``, ``96.9%``, ``14/63``."""
    value = figure.value if value is None else value
    return numfmt.qualified(amount(figure, value, lang), figure.qualifier)


def amount(figure: Figure, value: Decimal, lang: Lang, decimals: int | None = None) -> str:
    """``value`` in the figure's kind and unit, without a qualifier mark."""
    kind = figure.kind
    if kind == "percent":
        return numfmt.percent(value, lang, decimals)
    if kind == "score":
        return numfmt.points(value, lang, decimals)
    if kind == "rank":
        return f"{numfmt.number(value, lang, 0)}/{figure.of}" if figure.of else str(value)
    if kind == "money":
        return numfmt.money(value, figure.unit, lang, decimals)
    if kind == "duration" and figure.unit is not None:
        return f"{numfmt.number(value, lang, decimals)} {figure.unit.get(lang)}"
    return numfmt.number(value, lang, decimals)


def derived_amount(item: Derived, figure: Figure, lang: Lang) -> str:
    """A derived number in its unit (without range or qualifier)."""
    value = item.value
    assert isinstance(value, Decimal)
    if item.unit in ("percent",):
        return numfmt.percent(value, lang, item.decimals)
    if item.unit == "points":
        return numfmt.points(value, lang, item.decimals)
    if item.unit == "rank":
        return f"{numfmt.number(value, lang, 0)}/{figure.of}" if figure.of else str(value)
    if item.unit in ("count", "places"):
        return numfmt.number(value, lang, item.decimals)
    return amount(figure, value, lang, item.decimals)


def with_range(item: Derived, figure: Figure, lang: Lang) -> str:
    """A derived value with its qualifier and, when it is a range, the range."""
    if not isinstance(item.value, Decimal):
        return str(item.value)
    text = numfmt.qualified(derived_amount(item, figure, lang), item.qualifier)
    if item.low is not None and item.high is not None and item.low != item.high:
        low = numfmt.number(item.low, lang, item.decimals)
        high = numfmt.number(item.high, lang, item.decimals)
        text += f" ({numfmt.span(low, high)})"
    return text


def formula_text(item: Derived, lang: Lang) -> str:
    """The arithmetic behind a derived value, numbers in the language's format."""
    return " ".join(_token(token, lang) for token in item.formula)


def _token(token: Token, lang: Lang) -> str:
    return numfmt.number(token, lang) if isinstance(token, Decimal) else token


def _label(text: Text | None, lang: Lang, fallback: str) -> str:
    return text.get(lang) if text else word(fallback, lang)


def implications(result: FigureResult, lang: Lang) -> list[str]:
    """What a figure implies, one short phrase per finding, for the summary."""
    phrases: list[str] = []
    for item in result.derived:
        phrase = _phrase(item, result, lang)
        if phrase:
            phrases.append(phrase)
    return phrases


def _phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    if isinstance(item.value, (bool, str)):
        return _grade_phrase(item, result, lang)
    describe = _PHRASES.get(item.key)
    return describe(item, result, lang) if describe else ""


def _shown(item: Derived, figure: Figure, lang: Lang) -> str:
    return numfmt.qualified(derived_amount(item, figure, lang), item.qualifier)


def _whole_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    share = result.figure.share
    assert share is not None
    percent = numfmt.percent(share.percent, lang)
    if not share.percent_stated:  # "421 of 511": the share is cchc's, not the source's
        percent = word("worked_out", lang, amount=numfmt.qualified(percent, "approx"))
    return word("whole_of", lang, percent=percent, whole=_shown(item, result.figure, lang))


def _remainder_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    share = result.figure.share
    rest = share.rest_label if share else None
    return word("rest_is", lang, amount=_shown(item, result.figure, lang),
                rest=_label(rest, lang, "the_rest"))


def _rest_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    figure = result.figure
    rest = figure.breakdown.rest if figure.breakdown else None
    count = result.get("rest_count", item.part)
    phrase = word("rest_is", lang, amount=_shown(item, figure, lang),
                  rest=_label(rest.label if rest else None, lang, "the_rest"))
    if count is None:
        return phrase
    return word("rest_count", lang, phrase=phrase, count=_shown(count, figure, lang))


def _combined_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    return word("combined", lang, amount=_shown(item, result.figure, lang))


def _plan_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    attainment = result.figure.attainment
    assert attainment is not None
    return word("of_plan", lang, percent=numfmt.percent(attainment.percent, lang),
                plan=_label(attainment.plan_label, lang, "plan"),
                amount=_shown(item, result.figure, lang))


def _plan_gap_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    exactly_on_plan = item.value == 0 and item.low == item.high and item.unit != "points"
    return "" if exactly_on_plan else _gap_phrase(item, result.figure, lang)


def _progress_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    return word("of_target", lang, amount=_shown(item, result.figure, lang))


def _top_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    """``top 22%``, rounded once from the rank itself (11 of 63 is 17.46%: top 17%)."""
    figure = result.figure
    assert figure.of is not None
    share = ranks.top_share(int(figure.value), figure.of, decimals=0)
    # "in the group of the top 20" (a rank of at most 20) is a top share of at most 32%
    return word("top_share", lang,
                share=numfmt.qualified(numfmt.percent(share, lang, 0), item.qualifier))


def _previous_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    return word("in_year", lang, year=item.year, amount=_shown(item, result.figure, lang))


def _part_count_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    figure = result.figure
    assert figure.breakdown is not None
    part = next(p for p in figure.breakdown.parts if p.id == item.part)
    assert part.percent is not None
    return word("part_share", lang, percent=numfmt.percent(part.percent, lang),
                label=part.label.get(lang), amount=_shown(item, figure, lang))


def _gap_phrase(item: Derived, figure: Figure, lang: Lang) -> str:
    assert isinstance(item.value, Decimal)
    size = abs(item.value)
    if item.unit == "points":
        shown = numfmt.number(size, lang, item.decimals)
        key = ("points_exactly_on_plan" if item.value == 0 else
               "points_short_of_plan" if item.value < 0 else "points_above_plan")
        return word(key, lang, size=shown)
    shown = numfmt.qualified(amount(figure, size, lang, item.decimals), item.qualifier)
    key = "on_plan" if item.value == 0 else "below_plan" if item.value < 0 else "above_plan"
    return word(key, lang, size=shown)


def _target_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    figure = result.figure
    assert isinstance(item.value, Decimal) and figure.target is not None
    target = figure.target
    goal = numfmt.percent(target.value, lang) if item.unit == "points" or \
        target.measure == "share" else amount(figure, target.value, lang)
    year = f" {target.year}" if target.year else ""
    size = numfmt.number(abs(item.value), lang, item.decimals)
    if item.unit == "points":
        size = word("points_unit", lang, size=size)
    named = word("target_of", lang, year=year, goal=goal)
    key = "above_target" if item.value >= 0 else "below_target"
    return word(key, lang, target=named, size=size)


def _rank_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    figure = result.figure
    assert isinstance(item.value, Decimal) and figure.change is not None
    moved = change_words(figure.change.direction, figure.change.amount, "places", lang)
    return word("rank_moved", lang, moved=moved, before=numfmt.number(item.value, lang, 0),
                year=item.year)


def grade_name(item: Derived, lang: Lang) -> str:
    """A grade as read in ``lang``: ``Khá``, or ``Fair (Khá)`` in English."""
    grade = str(item.value)
    if item.label is None or item.label.en == grade:
        return grade
    return word("grade_named", lang, grade=grade, english=item.label.en)


def change_words(direction: str, amount: Decimal, unit: str, lang: Lang) -> str:
    """A stated change in words: ``up 5 places``, ``giảm 0,5 điểm``, ``up 25%``."""
    size = numfmt.number(amount, lang)
    key = f"unit_{unit}"
    shown = word(key, lang, size=size) if key in _UNITS else f"{size} {unit}"
    return word("moved", lang, way=word(direction, lang), amount=shown)


_UNITS = ("unit_places", "unit_points", "unit_percent", "unit_count")


def _grade_phrase(item: Derived, result: FigureResult, lang: Lang) -> str:
    if item.key == "grade_band":
        agrees = result.get("grade_agrees")
        reported = result.figure.grade
        band = grade_name(item, lang)
        if reported is None:
            return word("grade_in_band", lang, band=band)
        key = "grade_agrees" if agrees and agrees.value else "grade_disagrees"
        return word(key, lang, grade=reported, band=band)
    if item.key == "grade_agrees" and result.get("grade_band") is None and result.figure.grade:
        return word("grade_no_band", lang)
    return ""


_Phrase = Callable[[Derived, FigureResult, Lang], str]

_PHRASES: dict[DerivedKey, _Phrase] = {
    "implied_whole": _whole_phrase,
    "whole": _whole_phrase,
    "remainder": _remainder_phrase,
    "part_count": _part_count_phrase,
    "rest_percent": _rest_phrase,
    "combined_percent": _combined_phrase,
    "implied_plan": _plan_phrase,
    "plan": _plan_phrase,
    "plan_gap": _plan_gap_phrase,
    "target_gap": _target_phrase,
    "target_progress": _progress_phrase,
    "top_share": _top_phrase,
    "previous_rank": _rank_phrase,
    "previous_value": _previous_phrase,
}
