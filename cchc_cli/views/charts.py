"""Charts for the summary: plans and targets as bars, breakdowns as one stacked bar,
the move of a rank, and component scores against their maxima. Each bar carries
its number in words, so nothing rests on colour."""

from __future__ import annotations

from decimal import Decimal

from cchc_cli import i18n, numfmt
from cchc_cli.calc.derive import FigureResult
from cchc_cli.model import Figure, Index, Lang
from cchc_cli.views.page import Bar, Chart


def _attained(figure: Figure, lang: Lang) -> tuple[Decimal, str] | None:
    """The percent of plan a figure reached, and the plan's name."""
    plan = i18n.word("plan", lang)
    if figure.attainment is not None:
        label = figure.attainment.plan_label
        return figure.attainment.percent, label.get(lang) if label else plan
    if figure.kind == "percent" and figure.basis == "plan":
        return figure.value, plan
    return None


def plan_chart(results: tuple[FigureResult, ...], lang: Lang) -> Chart | None:
    """One bar per figure measured against a plan or a target, all on one scale:
    100% of plan, or the highest attainment where a plan was beaten."""
    rows: list[tuple[str, Decimal, str, Decimal | None, str]] = []
    for result in results:
        figure = result.figure
        attained = _attained(figure, lang)
        label = figure.label.get(lang)
        if attained is not None:
            caption = i18n.word("plan_caption", lang, percent=numfmt.percent(attained[0], lang),
                                plan=attained[1])
            rows.append((label, attained[0], caption, None, ""))
        target = figure.target
        if target is not None and target.measure == "share" and figure.share is not None:
            share = figure.share.percent
            goal = numfmt.percent(target.value, lang)
            when = f" {target.year}" if target.year else ""
            text = i18n.word("target_caption", lang, share=numfmt.percent(share, lang),
                             year=when, goal=goal)
            mark = i18n.word("target_mark", lang, goal=goal)
            rows.append((label, share, text, target.value, mark))
    if not rows:
        return None
    scale = max(Decimal(100), *(row[1] for row in rows))
    bars = tuple(Bar(label, float(value / scale), caption, "good" if value >= 100 else "warning",
                     None if goal is None else float(goal / scale), mark)
                 for label, value, caption, goal, mark in rows)
    return Chart(i18n.word("chart_plans", lang), bars, reference=float(100 / scale),
                 reference_label=i18n.word("full_plan", lang))


def breakdown_charts(results: tuple[FigureResult, ...], lang: Lang) -> list[Chart]:
    """Each breakdown as one bar split into its parts and the rest."""
    charts = []
    for result in results:
        breakdown = result.figure.breakdown
        if breakdown is None:
            continue
        bars = [Bar(part.label.get(lang), float((part.percent or 0) / 100),
                    numfmt.percent(part.percent or Decimal(0), lang), "good")
                for part in breakdown.parts]
        rest = result.get("rest_percent", breakdown.rest.id if breakdown.rest else "rest")
        if rest is not None and isinstance(rest.value, Decimal):
            label = breakdown.rest.label.get(lang) if breakdown.rest else "—"
            bars.append(Bar(label, float(rest.value / 100), numfmt.percent(rest.value, lang),
                            "bad"))
        charts.append(Chart(result.figure.label.get(lang), tuple(bars), stacked=True))
    return charts


def rank_charts(results: tuple[FigureResult, ...], year: int, lang: Lang) -> list[Chart]:
    """A rank and the earlier rank its stated change implies; a longer bar is better."""
    charts = []
    for result in results:
        figure, before = result.figure, result.get("previous_rank")
        if figure.kind != "rank" or figure.of is None or before is None:
            continue
        assert isinstance(before.value, Decimal)
        bars = tuple(
            Bar(str(when), float((figure.of - rank + 1) / figure.of),
                f"{numfmt.number(rank, lang)}/{figure.of}", "strong")
            for when, rank in ((before.year, before.value), (year, figure.value))
        )
        charts.append(Chart(i18n.word("chart_rank", lang, label=figure.label.get(lang)), bars))
    return charts


def component_charts(results: tuple[FigureResult, ...], indices: tuple[Index, ...],
                     lang: Lang) -> list[Chart]:
    """A score's components, each against the most points its index gives it."""
    charts = []
    for result in results:
        figure = result.figure
        index = next((i for i in indices if i.id == figure.index_id), None)
        maxima = {c.code: c for c in index.components} if index else {}
        bars = tuple(
            Bar(maxima[code].label.get(lang), float(score / maxima[code].max),
                f"{numfmt.number(score, lang)}/{numfmt.number(maxima[code].max, lang)}")
            for code, score in figure.components if code in maxima and maxima[code].max > 0)
        if bars:
            charts.append(Chart(i18n.word("chart_components", lang,
                                                   label=figure.label.get(lang)), bars))
    return charts


def summary_charts(results: tuple[FigureResult, ...], year: int, lang: Lang,
                   indices: tuple[Index, ...] = ()) -> list[Chart]:
    """Every chart the summary's figures call for."""
    plans = plan_chart(results, lang)
    return ([plans] if plans else []) + breakdown_charts(results, lang) + \
        rank_charts(results, year, lang) + component_charts(results, indices, lang)
