"""Write the JSON Schema of each command's output to ``cchc_cli/schemas/<command>.json``.

Each file stands alone (its shared parts copied into its ``$defs``), so any
JSON Schema draft 2020-12 validator reads it without resolving other files.
The tests check that the files are what this script writes:

    python scripts/build_schemas.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

Schema = dict[str, Any]

OUT = Path(__file__).resolve().parent.parent / "cchc_cli" / "schemas"
BASE = "https://cchc.invalid/schemas/"
VERSION = "cchc-output/2"

STRING: Schema = {"type": "string"}
NUMBER: Schema = {"type": "number"}
INTEGER: Schema = {"type": "integer"}
BOOLEAN: Schema = {"type": "boolean"}
QUALIFIER: Schema = {"enum": ["exact", "approx", "at_least", "at_most"]}
BASIS: Schema = {"enum": ["stated", "derived"],
                 "description": "stated by a source, or derived by cchc"}


def ref(name: str) -> Schema:
    """A reference to one of the file's ``$defs``."""
    return {"$ref": f"#/$defs/{name}"}


def nullable(schema: Schema) -> Schema:
    """``schema`` or null."""
    return {"anyOf": [schema, {"type": "null"}]}


def array(items: Schema) -> Schema:
    """A list of ``items``."""
    return {"type": "array", "items": items}


def record(required: dict[str, Schema], optional: dict[str, Schema] | None = None, *,
           closed: bool = True) -> Schema:
    """An object with ``required`` keys (and ``optional`` ones); no others when ``closed``."""
    properties = {**required, **(optional or {})}
    schema: Schema = {"type": "object", "properties": properties, "required": list(required)}
    if closed:
        schema["additionalProperties"] = False
    return schema


DEFS: dict[str, Schema] = {
    "text": record({"vi": STRING, "en": STRING}),
    "province": record({"id": STRING, "name": ref("text")},
                       {"note": nullable(ref("text")), "source_name": nullable(STRING)}),
    "period": record({"key": STRING,
                      "kind": {"enum": ["year", "half", "quarter", "month", "ytd"]},
                      "year": INTEGER, "number": nullable(INTEGER), "start": STRING,
                      "end": STRING, "as_of": nullable(STRING)}),
    "source": record({"id": STRING, "publisher": STRING, "title": STRING, "date": STRING,
                      "language": STRING, "url": nullable(STRING), "file": nullable(STRING),
                      "author": nullable(STRING), "note": nullable(STRING)}),
    "derived": record({
        "key": STRING, "part": nullable(STRING),
        "value": {"type": ["number", "string", "boolean"]},
        "range": nullable({"type": "array", "items": NUMBER, "minItems": 2, "maxItems": 2}),
        "unit": STRING, "qualifier": QUALIFIER, "decimals": nullable(INTEGER),
        "year": nullable(INTEGER), "label": nullable(ref("text")), "formula": STRING}),
    "figure": record({
        "id": STRING, "area": STRING,
        "kind": {"enum": ["count", "percent", "score", "rank", "money", "duration"]},
        "label": ref("text"), "value": NUMBER, "decimals": INTEGER, "qualifier": QUALIFIER,
        "unit": nullable(ref("text")), "max": nullable(NUMBER), "of": nullable(INTEGER),
        "percent_basis": {"enum": ["whole", "plan", None]}, "basis": BASIS,
        "better": {"enum": ["higher", "lower", "neither", None]},
        "index": nullable(STRING), "grade": nullable(STRING),
        "components": nullable({"type": "object", "additionalProperties": NUMBER}),
        "share": nullable(record({"percent": NUMBER, "percent_stated": BOOLEAN,
                                  "out_of": nullable(NUMBER), "whole": nullable(ref("text")),
                                  "rest": nullable(ref("text")), "of": nullable(STRING)})),
        "breakdown": nullable(record({"parts": array(ref("part")),
                                      "rest": nullable(ref("part"))})),
        "attainment": nullable(record({"percent": NUMBER, "plan": nullable(ref("text")),
                                       "plan_value": nullable(NUMBER)})),
        "target": nullable(record({"value": NUMBER, "measure": STRING,
                                   "year": nullable(INTEGER), "label": nullable(ref("text")),
                                   "source": nullable(STRING)})),
        "change": nullable(record({"direction": {"enum": ["up", "down"]}, "amount": NUMBER,
                                   "unit": STRING, "since": INTEGER,
                                   "of": nullable(INTEGER)})),
        "derived": array(ref("derived")),
        "source": STRING, "excerpt": STRING, "note": nullable(STRING),
        "comparable": BOOLEAN, "not_comparable": nullable(STRING),
        "derived_from": nullable(STRING)}),
    "part": record({"id": STRING, "label": ref("text"), "percent": nullable(NUMBER),
                    "better": {"enum": ["higher", "lower", "neither", None]}}),
    "report_header": record({"province": ref("province"), "year": INTEGER,
                             "period": ref("period"), "file": STRING,
                             "sources": array(ref("source"))}, closed=False),
    "index": record({"id": STRING, "short": STRING, "name": ref("text"),
                     "publisher": STRING,
                     "method": record({"id": STRING, "note": nullable(STRING),
                                       "max": nullable(NUMBER)})}),
    "table_source": record({"table": STRING, "notes": array(STRING)}, closed=False),
    "standing": record({"place": INTEGER, "tied": BOOLEAN, "value": NUMBER}),
    "problem": record({"path": STRING, "line": INTEGER, "column": INTEGER, "field": STRING,
                       "message": STRING, "hint": STRING}),
}

DIRECTION: Schema = {"enum": ["up", "down", "same", None]}
VERDICT: Schema = {"enum": ["better", "worse", "same", None]}
NUMBERS: Schema = {"type": "object",
                   "additionalProperties": {"type": ["number", "string", "null", "array"]}}


def document(command: str, body: dict[str, Schema],
             optional: dict[str, Schema] | None = None) -> Schema:
    """The top of a document: its version and command, then ``body``."""
    return record({"format": {"const": VERSION}, "command": {"const": command}, **body},
                  optional)


def _report_figures() -> Schema:
    return document("summary", {
        "province": ref("province"), "year": INTEGER, "period": ref("period"), "file": STRING,
        "sources": array(ref("source")),
        "headline": record({"score": nullable(STRING), "rank": nullable(STRING)}),
        "figures": array(ref("figure")),
        "among_all_provinces": array(record({
            "index": STRING, "period": STRING, "total": NUMBER, "rounded": NUMBER,
            "max": nullable(NUMBER), "place": INTEGER, "tied": BOOLEAN, "field": INTEGER,
            "ahead_percent": NUMBER,
            "strengths": array(record({"code": STRING, "place": INTEGER, "field": INTEGER})),
            "weaknesses": array(record({"code": STRING, "place": INTEGER, "field": INTEGER})),
            "basis": BASIS, "table": STRING}))})


def _show() -> Schema:
    report = document("show", {
        "province": ref("province"), "year": INTEGER, "period": ref("period"), "file": STRING,
        "sources": array(ref("source")), "figure": ref("figure"),
        "source": nullable(ref("source"))})
    gap = nullable(record({"place": INTEGER, "provinces": array(ref("province")),
                           "points": NUMBER}))
    national = document("show", {
        "index": ref("index"), "period": ref("period"), "province": ref("province"),
        "source": ref("table_source"),
        "measures": array(record({
            "code": STRING, "kind": nullable(STRING), "label": nullable(ref("text")),
            "value": nullable(NUMBER), "rounded": nullable(NUMBER), "max": nullable(NUMBER),
            "median": nullable(NUMBER), "best": nullable(NUMBER),
            "best_provinces": array(ref("province")), "place": nullable(INTEGER),
            "tied": BOOLEAN, "field": INTEGER, "up": gap, "down": gap, "basis": BASIS}))})
    return {"oneOf": [report, national]}


def _compare() -> Schema:
    measure = record({
        "measure": {"enum": ["value", "share_percent", "whole", "part_percent",
                             "attainment_percent", "top_share"]},
        "part": nullable(STRING), "before": nullable(NUMBER), "after": nullable(NUMBER),
        "change": nullable(NUMBER), "relative_change": nullable(NUMBER),
        "places_gained": nullable(INTEGER), "points_change": nullable(NUMBER), "unit": STRING,
        "direction": DIRECTION, "verdict": VERDICT,
        "before_qualifier": nullable(QUALIFIER), "after_qualifier": nullable(QUALIFIER),
        "change_qualifier": nullable(QUALIFIER)})
    alone = record({"id": STRING, "value": NUMBER, "qualifier": QUALIFIER, "basis": BASIS})
    report = document("compare", {
        "province": ref("province"), "year_before": INTEGER, "year_after": INTEGER,
        "period_before": ref("period"), "period_after": ref("period"),
        "periods_alike": BOOLEAN,
        "figures": array(record({"id": STRING, "kind": STRING, "label": ref("text"),
                                 "before_basis": BASIS, "after_basis": BASIS,
                                 "comparable": BOOLEAN, "measures": array(measure)})),
        "only_before": array(alone), "only_after": array(alone),
        "disagreements": array(record({
            "id": STRING, "stated_in": INTEGER,
            "stated": record({"value": NUMBER, "direction": STRING, "amount": NUMBER,
                              "unit": STRING, "since": INTEGER}),
            "implies": NUMBER, "other_year": INTEGER, "other_year_says": NUMBER})),
        "notes": array(record({
            "code": {"enum": ["periods_unlike", "not_comparable", "count_and_share_diverge",
                              "fields_differ"]},
            "id": nullable(STRING), "message": STRING, "numbers": NUMBERS}))})
    table = record({"period": ref("period"), "method": STRING, "field": INTEGER,
                    "source": ref("table_source")})
    national = document("compare", {
        "index": ref("index"), "table_before": table, "table_after": table,
        "comparable": record({"scores": BOOLEAN, "places": BOOLEAN,
                              "reasons": array({"enum": ["method", "merger"]})}),
        "moves": array(record({"province": ref("province"), "before": ref("standing"),
                               "after": ref("standing"), "score_change": nullable(NUMBER),
                               "places_gained": nullable(INTEGER),
                               "highlighted": BOOLEAN})),
        "biggest": record({key: array(ref("province")) for key in (
            "score_rises", "score_falls", "place_rises", "place_falls")}),
        "only_before": array(ref("province")), "only_after": array(ref("province"))})
    return {"oneOf": [report, national]}


def _trend() -> Schema:
    report = document("trend", {
        "province": ref("province"), "id": STRING, "kind": STRING, "label": ref("text"),
        "points": array(record({
            "year": INTEGER, "period": ref("period"), "province": ref("province"),
            "value": NUMBER, "of": nullable(INTEGER), "qualifier": QUALIFIER, "basis": BASIS,
            "change": nullable(NUMBER), "places_gained": nullable(INTEGER),
            "change_qualifier": nullable(QUALIFIER), "change_from": nullable(STRING),
            "source": STRING}))})
    national = document("trend", {
        "index": record({"id": STRING, "short": STRING, "name": ref("text")}),
        "province": ref("province"),
        "series": array(record({"province": ref("province"), "points": array(record({
            "period": ref("period"), "method": STRING, "value": nullable(NUMBER),
            "rounded": nullable(NUMBER), "max": nullable(NUMBER),
            "share_of_max": nullable(NUMBER), "place": nullable(INTEGER), "tied": BOOLEAN,
            "field": INTEGER, "new_method": BOOLEAN, "basis": BASIS}))}))})
    return {"oneOf": [report, national]}


def _rank() -> Schema:
    report = document("rank", {
        "id": STRING, "year": INTEGER, "period": ref("period"),
        "ranking": array(record({"place": INTEGER, "tied": BOOLEAN,
                                 "province": ref("province"), "value": NUMBER,
                                 "decimals": INTEGER, "qualifier": QUALIFIER,
                                 "basis": BASIS}))})
    national = document("rank", {
        "index": ref("index"), "period": ref("period"),
        "measure": record({"code": STRING, "label": nullable(ref("text")),
                           "max": nullable(NUMBER), "basis": BASIS}),
        "source": ref("table_source"), "field": INTEGER,
        "no_data": array(record({"province": ref("province")})),
        "ranking": array(record({
            "place": INTEGER, "tied": BOOLEAN, "province": ref("province"),
            "source_name": nullable(STRING), "value": NUMBER, "rounded": NUMBER,
            "ahead_percent": NUMBER, "total": nullable(NUMBER),
            "components": {"type": "object", "additionalProperties": nullable(NUMBER)},
            "highlighted": BOOLEAN}))})
    return {"oneOf": [report, national]}


def _years() -> Schema:
    source = record({"id": STRING, "publisher": STRING, "title": STRING, "date": STRING,
                     "url": nullable(STRING)})
    return document("years", {"provinces": array(record({
        "id": STRING, "name": ref("text"),
        "successor": nullable(record({"id": STRING, "name": ref("text"),
                                      "since": nullable(STRING)})),
        "years": array(record({"year": INTEGER, "period": ref("period"), "basis": BASIS,
                               "file": STRING, "figures": INTEGER,
                               "sources": array(source)}))}))})


def _check() -> Schema:
    return document("check", {
        "errors": INTEGER, "warnings": INTEGER,
        "reports": array(record({"province": ref("province"), "year": INTEGER,
                                 "period": STRING})),
        "findings": array(record({
            "severity": {"enum": ["error", "warning"]}, "code": STRING,
            "province": ref("province"), "year": INTEGER, "period": STRING, "id": STRING,
            "numbers": NUMBERS, "message": STRING, "excerpt": STRING, "source": STRING})),
        "cross_checks": array(record({
            "province": ref("province"), "period": STRING, "id": STRING, "kind": STRING,
            "stated": NUMBER, "table_value": NUMBER, "rounded": NUMBER, "agrees": BOOLEAN,
            "stated_field": nullable(INTEGER), "table_field": nullable(INTEGER),
            "report": STRING, "table": STRING, "index": STRING, "table_source": STRING}))})


def _verify() -> Schema:
    return document("verify", {
        "source": STRING, "verified": BOOLEAN,
        "figures": array(record({
            "province": ref("province"), "year": INTEGER, "id": STRING,
            "status": {"enum": ["verified", "excerpt_not_found", "value_not_found"]},
            "missing": array(STRING), "excerpt": STRING})),
        "uncovered": array(record({"number": STRING, "line": INTEGER, "context": STRING}))})


def _validate() -> Schema:
    unconfirmed = {**DEFS["problem"], "properties": {**DEFS["problem"]["properties"],
                                                     "guesses": array(STRING)}}
    return document("validate", {
        "valid": BOOLEAN, "state": {"enum": ["invalid", "draft", "reviewed"]},
        "files": array(STRING), "problems": array(ref("problem")),
        "unconfirmed": array(unconfirmed)})


def _metrics() -> Schema:
    return document("metrics", {"metrics": array(record({
        "id": STRING, "area": STRING, "kind": STRING, "label": ref("text"),
        "years": array(INTEGER)}))})


def _export() -> Schema:
    return document("export", {"reports": array(record({
        "province": ref("province"), "year": INTEGER, "period": ref("period"),
        "file": STRING, "sources": array(ref("source")), "figures": array(ref("figure"))}))})


BUILDERS = {
    "summary": _report_figures, "show": _show, "compare": _compare, "trend": _trend,
    "rank": _rank, "years": _years, "check": _check, "verify": _verify,
    "validate": _validate, "metrics": _metrics, "export": _export,
}
"""The commands that write JSON, each with its schema."""


def schema(command: str) -> Schema:
    """The whole schema file of ``command``."""
    body = BUILDERS[command]()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{BASE}{command}.json",
            "title": f"cchc {command} --format json ({VERSION})", **body, "$defs": DEFS}


def rendered(command: str) -> str:
    """The schema file's text."""
    return json.dumps(schema(command), ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    """Write every schema file."""
    OUT.mkdir(exist_ok=True)
    for command in BUILDERS:
        (OUT / f"{command}.json").write_text(rendered(command), encoding="utf-8")


if __name__ == "__main__":
    main()
