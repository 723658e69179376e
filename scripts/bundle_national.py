"""Build the bundled national tables from the originals in ``../shared/national``.

    python scripts/bundle_national.py [--shared ../shared/national] [--out data/national]
                                      [--force]

PAPI: one table a year, 2011–2024, the sub-dimensions exactly as published,
dimension scores and totals derived as their sums. The service index of
Decision 766: one table per saved portal response, "2026 year to date" as it
stood on the capture date. Every table is built before any is written; a
problem in any original stops the run (exit 3) with nothing written.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import re
import sys
from decimal import Decimal
from pathlib import Path

from cchc_cli.load.national import INDEX_FILE, load_index, table_name
from cchc_cli.load.problems import DataError, Problem
from cchc_cli.load.writer import check_table, make_table, write_table
from cchc_cli.national import Derivation, IndexInfo, NationalTable, Row, TableSource, Values
from cchc_cli.periods import Period, parse_period

ROOT = Path(__file__).resolve().parent.parent
PAPI_YEARS = range(2011, 2025)
BREAK_YEAR = 2018
PAPI_TRANSCRIPTION = ("github.com/hnks-gh/ml-mcdm commit d165721, data/csv/{year}.csv "
                      "(MIT licence), copied byte for byte")
PORTAL_URL = "https://dichvucong.gov.vn/api/v1/reporting/evaluation/service-results"
PORTAL_TRANSCRIPTION = (
    "github.com/duynghiaqn/Crawler-766, data/raw/2026/provinces/"
    "raw_Provinces_year_2026_{ddmmyyyy}.json (the 2026-09-17 response: "
    "data/discovery/api-20260917-104019/), written again with json.dumps(indent=2, "
    "ensure_ascii=False)")
CAPTURE_NAME = re.compile(r"service-results_year-(\d{4})_captured-(\d{4}-\d{2}-\d{2})\.json\Z")
CAPTURE_TIMES = {"2026-09-17": "2026-09-17T10:40:19"}
"""Capture times known beyond the date (from the collector's folder name; zone not stated)."""
GROUPS = ("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH")


def sha256(path: Path) -> str:
    """The SHA-256 of a file, as ``sha256sum`` prints it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def papi_provinces(codebook: Path) -> dict[str, tuple[str, str]]:
    """``P02`` -> (registry id, name in the codebook), for the 63 former provinces."""
    from cchc_cli.provinces import registry

    day = dt.date(2024, 12, 31)
    with codebook.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    return {code: (registry().resolve(name, on=day).id, name) for code, name in rows}


def papi_table(path: Path, year: int, index: IndexInfo,
               provinces: dict[str, tuple[str, str]]) -> NationalTable:
    """One year of PAPI: the measured sub-dimensions, with derived dimensions and total."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    header, body = lines[0], lines[1:]
    method_id = "2011" if year < BREAK_YEAR else "2018"
    method = index.method(method_id)
    assert method is not None
    measured = [code for position, code in enumerate(header) if position and code
                and any(line[position] for line in body)]
    dimensions = [d.code for d in method.dimensions
                  if any(s.code in measured for s in method.subs(d.code))]
    derived = [Derivation(d, tuple(s.code for s in method.subs(d) if s.code in measured))
               for d in dimensions]
    derived.append(Derivation("total", tuple(dimensions)))
    columns = ("total", *dimensions, *measured)
    rows = []
    for number, line in enumerate(body, start=2):
        province, name = provinces[line[0]]
        subs = {code: line[header.index(code)] for code in measured}
        values = (None,) * (1 + len(dimensions)) + tuple(
            Decimal(subs[code]) if subs[code] else None for code in measured)
        rows.append(Row(province, line[0], name, Values(values), number))
    unmeasured = [s.code for s in method.measures if s.kind == "sub" and s.code not in measured]
    notes = ["An empty cell is no data, never zero.",
             "Dimension scores and the total are derived: each dimension is the sum of its "
             "sub-dimensions as published, the total the sum of the dimensions; a row with "
             "any sub-dimension empty has no total and no rank."]
    if unmeasured:
        notes.append(f"Not measured this year (empty for every province in the source): "
                     f"{' '.join(unmeasured)}.")
    if year >= BREAK_YEAR:
        notes.append("Methodology of 2018: eight dimensions, 80 points; totals before 2018 "
                     "are out of 60 and do not compare.")
    source = TableSource("CECODES, RTA and UNDP Viet Nam (papi.org.vn)",
                         f"PAPI {year}: sub-dimension scores of the 63 provinces",
                         "https://papi.org.vn", PAPI_TRANSCRIPTION.format(year=year),
                         path.name, sha256(path))
    return make_table(index, method_id, Period(year), source=source, columns=columns,
                      rows=rows, derived=derived, notes=notes)


def read_capture(path: Path) -> dict[str, object]:
    """The JSON of a saved portal response; ``DataError`` for anything else (an HTML page)."""
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip().lower()
    if stripped.startswith(("<!doctype", "<html", "<")):
        line = text[:len(text) - len(text.lstrip())].count("\n") + 1
        raise DataError([Problem(str(path), line, 1, "", "the capture is an HTML page, not "
                                 "JSON", "the portal's firewall may have answered; capture "
                                 "it again")])
    try:
        document = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    except json.JSONDecodeError as error:
        raise DataError([Problem(str(path), error.lineno, error.colno, "",
                                 f"not JSON: {error.msg}", "capture it again")]) from None
    if not isinstance(document, dict) or document.get("code") != "OK":
        raise DataError([Problem(str(path), 1, 1, "code", "the response is not an 'OK' "
                                 "answer", "capture it again")])
    return document


def capture_rows(path: Path, document: dict[str, object]) -> list[Row]:
    """One row per ``evaluation`` entry, matched to the registry by ``departmentCode``."""
    from cchc_cli.provinces import registry

    data = document.get("data")
    evaluation = data.get("evaluation") if isinstance(data, dict) else None
    if not isinstance(evaluation, list):
        raise DataError([Problem(str(path), 1, 1, "data.evaluation", "missing",
                                 "is this a service-results response?")])
    rows, problems = [], []
    for position, entry in enumerate(evaluation):
        field = f"data.evaluation[{position}]"
        code = str(entry.get("departmentCode", ""))
        province = registry().by_portal_code(code)
        groups = entry.get("groupScores") or {}
        if province is None:
            problems.append(Problem(str(path), 1, 1, f"{field}.departmentCode",
                                    f"'{code}' is no portal code of the registry", ""))
            continue
        values = (entry.get("totalScore"), *(groups.get(g) for g in GROUPS),
                  entry.get("scoreDelta"))
        if not all(v is None or isinstance(v, Decimal) for v in values):
            problems.append(Problem(str(path), 1, 1, field, "a score is not a number", ""))
            continue
        rows.append(Row(province.id, code, str(entry.get("departmentName", "")),
                        Values(v if isinstance(v, Decimal) else None for v in values),
                        position + 1))
    if problems:
        raise DataError(problems)
    return rows


def capture_table(path: Path, index: IndexInfo) -> NationalTable:
    """One saved response of the portal as a "2026 year to date" table."""
    named = CAPTURE_NAME.match(path.name)
    if named is None:
        raise DataError([Problem(str(path), 1, 1, "", "not a capture file name",
                                 "service-results_year-YYYY_captured-YYYY-MM-DD.json")])
    year, day = named.groups()
    rows = capture_rows(path, read_capture(path))
    period = parse_period(f"{year}-ytd@{day}")
    ddmmyyyy = day[8:10] + day[5:7] + day[0:4]
    source = TableSource("Cổng Dịch vụ công quốc gia (National Public Service Portal)",
                         f"Kết quả đánh giá Bộ chỉ số 766, năm {year} tính đến ngày "
                         f"{day} (service-results)", PORTAL_URL,
                         PORTAL_TRANSCRIPTION.format(ddmmyyyy=ddmmyyyy), path.name,
                         sha256(path), CAPTURE_TIMES.get(day, day))
    notes = [f'POST {PORTAL_URL} with {{"timeType":"year","year":{year},'
             '"departmentType":"ADMINISTRATIVE_UNIT"}, as it answered on the capture date.',
             "Provinces are matched by departmentCode, never by name; source_name is the "
             "name as the portal wrote it.",
             "The portal states no rank: places are derived (ties share a place). change is "
             "the portal's scoreDelta as stated; its baseline is not documented.",
             "CLGQ (12) and TTTT (10) split the decision's online-services group (22) as the "
             "portal does (public collector code only); which is online payment is disputed."]
    columns = ("total", *GROUPS, "change")
    return make_table(index, "2026", period, source=source, columns=columns, rows=rows,
                      notes=notes)


def build(shared: Path, out: Path) -> list[tuple[Path, NationalTable]]:
    """Every table, built in memory; ``DataError`` with every problem found."""
    papi = load_index(str(out / "papi" / INDEX_FILE))
    service = load_index(str(out / "service-index-766" / INDEX_FILE))
    provinces = papi_provinces(shared / "papi" / "codebook" / "codebook_provinces.csv")
    built = [(out / "papi", papi_table(shared / "papi" / "csv" / f"{year}.csv", year, papi,
                                       provinces)) for year in PAPI_YEARS]
    problems: list[Problem] = []
    for capture in sorted((shared / "portal-766" / "captures").glob("*.json")):
        try:
            built.append((out / "service-index-766", capture_table(capture, service)))
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    return built


def main(argv: list[str] | None = None) -> int:
    """Build every table, then write them all (exit 3 and write nothing on a problem)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "national")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "national")
    parser.add_argument("--force", action="store_true", help="replace existing tables")
    args = parser.parse_args(argv)
    try:
        built = build(args.shared, args.out)
        for folder, table in built:  # every table is checked before any is written
            check_table(table, os.fspath(folder / table_name(table.period)))
        for folder, table in built:
            write_table(os.fspath(folder), table, force=args.force)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 3
    except FileExistsError as error:
        print(f"{error} (add --force)", file=sys.stderr)
        return 4
    print(f"wrote {len(built)} tables to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
