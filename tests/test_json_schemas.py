"""Every command's JSON output holds to the schema cchc ships for it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from cchc_cli.views.records import OUTPUT_FORMAT
from scripts.build_schemas import BUILDERS, rendered
from tests.conftest import ARTICLE_2023, run
from tests.portal_server import SEPTEMBER

SCHEMAS = Path(__file__).resolve().parent.parent / "cchc_cli" / "schemas"

RUNS: list[tuple[str, ...]] = [
    ("summary",), ("summary", "--year", "2023"), ("summary", "--year", "2022"),
    ("show", "online_public_services", "--year", "2023"),
    ("show", "state_budget_revenue", "--year", "2023"),
    ("show", "online_public_services", "--year", "2024"),
    ("show", "papi", "--province", "ha-giang", "--year", "2024"),
    ("show", "service-index-766", "--province", "tuyen-quang"),
    ("compare", "2022", "2023"), ("compare", "2023", "2024"), ("compare", "2022", "2024"),
    ("compare", "papi", "2023", "2024"), ("compare", "papi", "2017", "2018"),
    ("compare", "service-index-766", "--as-of", "2026-09-17", "--to", "2026-10-10"),
    ("trend", "service_index_rank"), ("trend", "online_public_services"),
    ("trend", "papi_score"), ("trend", "papi", "--province", "ha-giang"),
    ("trend", "papi", "--province", "tuyen-quang"),
    ("rank", "service_index_rank", "--year", "2023"),
    ("rank", "online_public_services", "--year", "2024"),
    ("rank", "papi", "--year", "2024", "--province", "ha-giang"),
    ("rank", "papi", "--year", "2011", "--by", "C01"), ("rank", "service-index-766"),
    ("years",), ("check",), ("check", "--year", "2024"),
    ("verify", "--source", str(ARTICLE_2023)), ("validate",), ("metrics",), ("export",),
]


def _schema(command: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{command}.json").read_text("utf-8"))
    return loaded


def _holds(args: tuple[str, ...], *, code: int = 0) -> dict[str, Any]:
    result = run(*args, "--format", "json")
    assert result.exit_code == code, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    assert (document["format"], document["command"]) == (OUTPUT_FORMAT, args[0])
    jsonschema.validate(document, _schema(args[0]),
                        cls=jsonschema.Draft202012Validator,
                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return document


@pytest.mark.parametrize("args", RUNS, ids=[" ".join(r[:3]) for r in RUNS])
def test_the_output_holds_to_its_schema(args: tuple[str, ...]) -> None:
    _holds(args)


def test_every_command_that_writes_json_has_a_schema_and_a_run() -> None:
    assert {path.stem for path in SCHEMAS.glob("*.json")} == set(BUILDERS)
    assert {args[0] for args in RUNS} == set(BUILDERS)
    for command in BUILDERS:
        jsonschema.Draft202012Validator.check_schema(_schema(command))


def test_the_schema_files_are_what_the_script_writes() -> None:
    for command in BUILDERS:
        assert (SCHEMAS / f"{command}.json").read_text("utf-8") == rendered(command), (
            f"{command}.json is out of date: python scripts/build_schemas.py")


def test_a_schema_refuses_what_the_vocabulary_forbids() -> None:
    document = _holds(("rank", "service_index_rank", "--year", "2023"))
    document["ranking"][0]["province"] = "ha-giang"  # a province is always {id, name}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, _schema("rank"), cls=jsonschema.Draft202012Validator)
    compared = _holds(("compare", "2023", "2024"))
    compared["before"] = 2023  # the years are year_before and year_after
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(compared, _schema("compare"), cls=jsonschema.Draft202012Validator)


def test_findings_problems_drafts_and_imported_tables_hold_too(tmp_path: Path) -> None:
    # a report whose arithmetic fails: check's findings and validate's problems
    text = (Path(__file__).resolve().parent.parent / "data" / "report_2023.yaml").read_text(
        "utf-8").replace("percent: 78.8", "percent: 88.8", 1)  # parts over 100%
    bad = tmp_path / "bad" / "report_2023.yaml"
    bad.parent.mkdir()
    bad.write_text(text, encoding="utf-8")
    assert _holds(("check", "--data", str(bad)), code=1)["findings"]
    assert _holds(("validate", str(bad)), code=3)["problems"]
    # a draft from an article: valid, with guesses to confirm
    draft = tmp_path / "report_2023.yaml"
    made = run("draft", str(ARTICLE_2023), "--output", str(draft))
    assert made.exit_code == 0, made.stderr
    assert _holds(("validate", str(draft)), code=1)["state"] == "draft"
    # a table imported from a portal answer, read by rank, show, compare and trend
    into = tmp_path / "tables"
    imported = run("import", str(SEPTEMBER), "--into", str(into), "--captured-at",
                   "2026-09-17T03:40:19Z")
    assert imported.exit_code == 0, imported.stderr
    for args in (("rank", "service-index-766"),
                 ("show", "service-index-766", "--province", "dong-thap"),
                 ("trend", "service-index-766", "--province", "dong-thap")):
        _holds((*args, "--data", str(into)))
