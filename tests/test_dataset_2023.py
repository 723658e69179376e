"""The bundled 2023 dataset says what the article says.

The expected values below were typed again by hand from the article, apart
from the YAML file, so a slip in either shows up here.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from cchc_cli.load.files import load_file
from cchc_cli.model import Figure
from tests.conftest import ARTICLE_2023, REPORT_2023

# id: (value as the article prints it, other numbers the article prints with it)
EXPECTED = {
    "units_inspected": ("92", ["100%"]),
    "reform_index_sets_targeted": ("7", []),
    "procedures_simplified": ("267", []),
    "processing_time_cut": ("30%", []),
    "inter_agency_procedures": ("555", []),
    "online_public_services": ("1.818", ["96,9%"]),
    "essential_services_reengineered": ("14", []),
    "dossiers_received": ("163.909", ["78,8%", "18,9%"]),
    "procedure_update_campaign": ("12", []),
    "service_index_score": ("76,90", []),
    "service_index_rank": ("14", ["63", "5", "2022"]),
    "project_06_tasks": ("17", []),
    "essential_services_fully_online": ("100%", []),
    "eid_accounts": ("583.888", ["89,5%"]),
    "state_budget_revenue": ("2.295", ["101,3%"]),
    "public_investment_disbursement": ("91,28%", []),
}


def _report_figures() -> dict[str, Figure]:
    report, problems = load_file(REPORT_2023)
    assert report is not None, problems
    return {figure.id: figure for figure in report.figures}


FIGURES = _report_figures()
ARTICLE = " ".join(ARTICLE_2023.read_text(encoding="utf-8").split())


def vi(number: Decimal) -> str:
    """A number as the article prints it: 1.818, 96,9, 76,90."""
    whole, _, fraction = f"{number:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


def occurs(token: str, text: str) -> bool:
    """``token`` stands in ``text`` as a whole number, not inside a longer one."""
    return re.search(rf"(?<![\d.,]){re.escape(token)}(?![\d]|[.,]\d)", text) is not None


def test_every_figure_of_the_article_is_in_the_dataset() -> None:
    assert set(FIGURES) == set(EXPECTED)


def test_the_grade_is_transcribed() -> None:
    assert FIGURES["service_index_score"].grade == "Khá"
    assert FIGURES["service_index_rank"].of == 63


@pytest.mark.parametrize("figure_id", sorted(EXPECTED))
def test_excerpt_is_copied_exactly_from_the_article(figure_id: str) -> None:
    excerpt = " ".join(FIGURES[figure_id].excerpt.split())
    assert excerpt in ARTICLE


@pytest.mark.parametrize("figure_id", sorted(EXPECTED))
def test_value_occurs_in_its_excerpt_as_the_article_prints_it(figure_id: str) -> None:
    figure = FIGURES[figure_id]
    printed, others = EXPECTED[figure_id]
    suffix = "%" if figure.kind == "percent" else ""
    assert vi(figure.value) + suffix == printed
    for token in [printed, *others]:
        assert occurs(token, figure.excerpt), (token, figure.excerpt)


@pytest.mark.parametrize("figure_id", sorted(EXPECTED))
def test_stated_relations_occur_in_the_excerpt(figure_id: str) -> None:
    figure = FIGURES[figure_id]
    numbers = []
    if figure.share is not None:
        numbers.append(vi(figure.share.percent) + "%")
    if figure.attainment is not None:
        numbers.append(vi(figure.attainment.percent) + "%")
    if figure.breakdown is not None:
        numbers += [vi(p.percent) + "%" for p in figure.breakdown.parts if p.percent is not None]
    if figure.change is not None:
        numbers += [vi(figure.change.amount), str(figure.change.since)]
    if figure.of is not None:
        numbers.append(str(figure.of))
    for token in numbers:
        assert occurs(token, figure.excerpt), (token, figure.excerpt)


def test_the_occurs_helper_refuses_a_number_inside_a_longer_one() -> None:
    assert occurs("7", "7 bộ chỉ số")
    assert not occurs("7", "17 nhiệm vụ")
    assert not occurs("1.818", "11.818 dịch vụ")
    assert not occurs("96,9", "96,95%")
