"""``cchc import``: portal answers become checked tables; anything else is refused clearly."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from cchc_cli.load.problems import DataError
from cchc_cli.portal.response import read_answer
from tests.conftest import run
from tests.portal_server import FIREWALL_PAGE, OCTOBER, SEPTEMBER

CAPTURED = "2026-09-17T03:40:19Z"


@pytest.fixture(autouse=True)
def _own_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def september() -> dict[str, Any]:
    """The 17 September answer as JSON, numbers as Decimal."""
    loaded: dict[str, Any] = json.loads(SEPTEMBER.read_text("utf-8"), parse_float=Decimal)
    return loaded


@pytest.fixture
def answer_file(tmp_path: Path) -> Callable[..., Path]:
    """Write an answer (JSON, or raw bytes) named like a 2026 capture; return its path."""

    def write(content: Any, name: str = "service-results_year-2026_x.json") -> Path:
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        data = content if isinstance(content, bytes) else json.dumps(
            content, ensure_ascii=False, indent=2, default=str).encode("utf-8")
        path.write_bytes(data)
        return path

    return write


def import_(path: Path, into: Path, *args: str) -> Result:
    return run("import", str(path), "--into", str(into), *args)


def files(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def rows_of(table: Path) -> list[list[str]]:
    """The CSV rows of a table file, header first."""
    return [line.split(",") for line in table.read_text("utf-8").splitlines()
            if not line.startswith("#")]


def header_of(table: Path) -> dict[str, list[str]]:
    """The ``# key: value`` lines of a table file."""
    found: dict[str, list[str]] = {}
    for line in table.read_text("utf-8").splitlines():
        if line.startswith("# "):
            key, _, value = line[2:].partition(": ")
            found.setdefault(key, []).append(value)
    return found


# -- a real answer ----------------------------------------------------------------------


def test_the_real_answer_reads_as_34_rows_with_their_lines() -> None:
    answer = read_answer(str(SEPTEMBER), SEPTEMBER.read_bytes())
    assert answer.shape == "new" and len(answer.rows) == 34
    first = answer.rows[0]
    assert (first.code, first.name, first.total) == ("H20", "UBND tỉnh Đồng Tháp",
                                                     Decimal("68.32"))
    assert dict(first.groups)["CKMB"] == Decimal("11.45")
    assert first.delta == Decimal("24.71")
    lines = SEPTEMBER.read_text("utf-8").splitlines()
    assert lines[first.line - 1][first.column - 1] == "{"
    assert '"H20"' in lines[first.line + 2]
    last = answer.rows[-1]
    assert lines[last.line - 1][last.column - 1] == "{"
    assert f'"{last.code}"' in lines[last.line + 2]
    assert answer.sha256 == hashlib.sha256(SEPTEMBER.read_bytes()).hexdigest()


def test_import_writes_a_table_with_its_provenance(tmp_path: Path) -> None:
    before = SEPTEMBER.read_bytes()
    result = import_(SEPTEMBER, tmp_path, "--captured-at", CAPTURED)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    table = tmp_path / "service-index-766" / "table_2026-ytd@2026-09-17.csv"
    assert files(tmp_path) == ["service-index-766/index.csv",
                               "service-index-766/table_2026-ytd@2026-09-17.csv"]
    rows = rows_of(table)
    assert rows[0] == ["province", "source_key", "source_name", "total", "CKMB", "TDGQ",
                       "CLGQ", "TTTT", "MDHL", "MDSH", "change"]
    assert rows[1] == ["dong-thap", "H20", "UBND tỉnh Đồng Tháp", "68.32", "11.45", "17.72",
                       "8.83", "6.22", "14.45", "9.65", "24.71"]
    assert len(rows) == 35
    header = header_of(table)
    assert header["period"] == ["2026-ytd"] and header["as_of"] == ["2026-09-17"]
    assert header["source.sha256"] == [hashlib.sha256(before).hexdigest()]
    assert header["source.file"] == [SEPTEMBER.name]
    assert header["source.captured"] == ["2026-09-17T10:40:19"]  # Vietnam time
    notes = " ".join(header["note"])
    assert "captured 2026-09-17T03:40:19Z" in notes and "(--captured-at)" in notes
    assert ('request: POST /api/v1/reporting/evaluation/service-results '
            '{"timeType":"year","year":2026,"departmentType":"ADMINISTRATIVE_UNIT"}') in notes
    assert SEPTEMBER.read_bytes() == before  # the input is never modified
    assert f"cchc: wrote {table} (34 provinces, 2026-ytd@2026-09-17)" in result.stderr


def test_the_portal_disagreeing_with_itself_is_a_warning() -> None:
    result = run("import", str(SEPTEMBER), "--captured-at", CAPTURED)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        f"warning: {SEPTEMBER}:7:7: data.overview.totalScore: the portal's national score "
        "56.56 is not the mean of its provinces' totals, 61.55 (the portal is known to "
        "disagree with itself here; the provinces' rows are kept as given)",
        f"warning: {SEPTEMBER}:12:5: data.radar: the radar's group scores are not the "
        "provinces' means: CKMB 8.79 against 9.82; TDGQ 15.58 against 17.41; ONLINE_SERVICE "
        "13.1 against 14.64; MDHL 10.49 against 10.31; MDSH 8.6 against 9.37 (the portal is "
        "known to disagree with itself here; the provinces' rows are kept as given)"]
    october = run("import", str(OCTOBER), "--captured-at", "2026-10-10T03:00:00Z")
    assert october.exit_code == 0, october.stderr
    assert "warning" not in october.stderr


def test_the_default_folder_is_the_users_data_folder(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("import", str(SEPTEMBER), "--captured-at", CAPTURED)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "xdg" / "cchc" / "service-index-766" /
            "table_2026-ytd@2026-09-17.csv").exists()
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    result = run("import", str(SEPTEMBER), "--captured-at", CAPTURED)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "home" / ".local" / "share" / "cchc" / "service-index-766" /
            "table_2026-ytd@2026-09-17.csv").exists()


def test_a_table_is_never_replaced_without_force(tmp_path: Path) -> None:
    assert import_(SEPTEMBER, tmp_path, "--captured-at", CAPTURED).exit_code == 0
    table = tmp_path / "service-index-766" / "table_2026-ytd@2026-09-17.csv"
    before = table.read_bytes()
    result = import_(SEPTEMBER, tmp_path, "--captured-at", "2026-09-17T09:00:00Z")
    assert result.exit_code == 4
    assert result.stderr.strip().splitlines()[-1] == (
        f"cchc: '{table}' exists (the same period, 2026-ytd@2026-09-17); use --force to "
        "replace it")
    assert table.read_bytes() == before
    assert import_(SEPTEMBER, tmp_path, "--captured-at", "2026-09-17T09:00:00Z",
                   "--force").exit_code == 0
    assert "captured 2026-09-17T09:00:00Z" in table.read_text("utf-8")


def test_without_a_time_the_files_modification_time_is_used_and_said(
        tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    path = answer_file(SEPTEMBER.read_bytes())
    moment = dt.datetime(2026, 9, 20, 1, 2, 3, tzinfo=dt.UTC).timestamp()
    os.utime(path, (moment, moment))
    result = import_(path, tmp_path)
    assert result.exit_code == 0, result.stderr
    table = tmp_path / "service-index-766" / "table_2026-ytd@2026-09-20.csv"
    assert "captured 2026-09-20T01:02:03Z (source.captured is Vietnam time, UTC+7): the saved " \
           "file's modification time (no capture time was given)" in table.read_text("utf-8")
    # and the user hears it, not only the file: a wrong day would mislabel the table
    assert "no capture time was given, so the file's modification time, " \
           "2026-09-20T01:02:03+00:00" in result.stderr


def test_the_period_comes_from_the_request_or_the_option(
        tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    path = answer_file(SEPTEMBER.read_bytes(), "answer.json")
    result = import_(path, tmp_path / "data", "--captured-at", CAPTURED)
    assert result.exit_code == 2
    assert "cannot tell which period the answer is for; give --period" in result.stderr
    assert files(tmp_path / "data") == []
    request = tmp_path / "request.json"
    request.write_text('{"timeType":"year","year":2026,"departmentType":"ADMINISTRATIVE_UNIT"}')
    assert import_(path, tmp_path / "a", "--captured-at", CAPTURED, "--request",
                   str(request)).exit_code == 0
    assert import_(path, tmp_path / "b", "--captured-at", CAPTURED, "--period",
                   "2026").exit_code == 0
    assert (tmp_path / "b" / "service-index-766" / "table_2026-ytd@2026-09-17.csv").exists()
    clash = import_(path, tmp_path / "c", "--captured-at", CAPTURED, "--request", str(request),
                    "--period", "2026-q2")
    assert clash.exit_code == 2
    assert "--period 2026-q2 disagrees with the request, which asked for 2026" in clash.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--captured-at", "2026-09-17T03:40:19"], "has no time zone; add Z for UTC"),
    (["--captured-at", "yesterday"], "'yesterday' is not a time"),
    (["--captured-at", "2025-09-17T03:40:19Z"], "before 2026-ytd began"),
    (["--captured-at", CAPTURED, "--period", "2026-09"], "before 2026-09 ended"),
])
def test_times_and_periods_that_cannot_be_are_refused(
        tmp_path: Path, answer_file: Callable[..., Path], args: list[str],
        message: str) -> None:
    path = answer_file(SEPTEMBER.read_bytes(), "answer.json" if "--period" in args else
                       "service-results_year-2026.json")
    result = import_(path, tmp_path / "data", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert files(tmp_path / "data") == []


# -- what is not a portal answer --------------------------------------------------------

NOT_ANSWERS = {
    "an HTML page": (FIREWALL_PAGE, "1:1: an HTML page, not the portal's JSON (title: "
                     "'Request Rejected') (the portal's firewall answers with such a page "
                     "when it refuses a request; wait and try again, or save the answer of "
                     "the API request 'service-results' from the browser's developer tools "
                     "(Network tab, Response), not the page)"),
    "an error object": ({"code": "UNAUTHORIZED", "message": "Phiên làm việc hết hạn"},
                        "1:1: an error object, not results: code 'UNAUTHORIZED', message "
                        "'Phiên làm việc hết hạn'"),
    "JSON of another shape": ({"rows": [1, 2]}, "1:1: JSON of another shape: an object with "
                              "keys rows (expected the portal's service-results answer"),
    "an empty list": ([], "1:1: an empty list: the portal has no results for this period"),
    "an empty evaluation": ({"code": "OK", "data": {"evaluation": []}},
                            "1:1: an empty list: the portal has no results"),
    "cut short": (SEPTEMBER.read_bytes()[:4000], "the JSON ends before it is complete: the "
                  "answer was cut short"),
    "not JSON": (b"{'a': 1}", "1:2: not valid JSON: Expecting property name enclosed in "
                 "double quotes"),
    "an empty file": (b"  \n", "1:1: the file is empty"),
    "not UTF-8": (b'{"a": "\xff"}', "1:1: not UTF-8 text (byte 8)"),
    "a list of something else": ([{"name": "x"}], "JSON of another shape: a list whose items "
                                 "are not all old-portal rows"),
}


@pytest.mark.parametrize("name", list(NOT_ANSWERS))
def test_what_is_not_an_answer_is_refused_and_nothing_written(
        tmp_path: Path, answer_file: Callable[..., Path], name: str) -> None:
    content, message = NOT_ANSWERS[name]
    path = answer_file(content)
    into = tmp_path / "data"
    result = import_(path, into, "--captured-at", CAPTURED)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"cchc: {path}:") and message in lines[0], lines[0]
    assert lines[0].endswith("; no table was written")
    assert files(into) == []


# -- checks -----------------------------------------------------------------------------


def checked(tmp_path: Path, answer_file: Callable[..., Path], data: Any,
            folder: str = "data") -> Result:
    into = tmp_path / folder
    result = import_(answer_file(data), into, "--captured-at", CAPTURED)
    if result.exit_code != 0:
        assert files(into) == []
    return result


def test_group_scores_that_do_not_add_up_name_the_row(
        tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    data = september()
    data["data"]["evaluation"][2]["groupScores"]["CKMB"] = Decimal("11.58")  # 11.08 + 0.50
    result = checked(tmp_path, answer_file, data)
    assert result.exit_code == 3
    path = tmp_path / "in" / "service-results_year-2026_x.json"
    row = path.read_text("utf-8").splitlines().index('        "departmentCode": "H24",') - 2
    assert result.stderr.splitlines()[0] == (
        f"{path}:{row}:7: data.evaluation[2]: UBND Thành phố Hải Phòng (H24): the group scores "
        "add up to 67.04, not to the total 66.54 (a difference of 0.50, more than the 0.01 "
        "rounding allows) (check the row against the portal)")


def test_a_rounding_difference_of_a_hundredth_is_accepted(
        tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    data = september()
    data["data"]["evaluation"][2]["groupScores"]["CKMB"] = Decimal("11.09")
    assert checked(tmp_path, answer_file, data).exit_code == 0
    data["data"]["evaluation"][2]["groupScores"]["CKMB"] = Decimal("11.10")
    assert checked(tmp_path, answer_file, data, "other").exit_code == 3


def test_a_province_twice_and_a_short_field_are_both_reported(
        tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    data = september()
    data["data"]["evaluation"][5] = data["data"]["evaluation"][0]
    result = checked(tmp_path, answer_file, data)
    assert result.exit_code == 3
    errors = result.stderr.splitlines()
    assert "data.evaluation[5]: Đồng Tháp is here twice: also data.evaluation[0] (line " \
        in errors[0]
    assert errors[1].endswith(
        ":1:1: data.evaluation: 33 provinces, not the 34 of 2026-09-17; missing Lạng Sơn "
        "(34 provinces from 1 July 2025, 63 before; check the file is whole)")


def test_a_missing_province_is_named(tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    data = september()
    del data["data"]["evaluation"][-1]
    result = checked(tmp_path, answer_file, data)
    assert result.exit_code == 3
    assert "33 provinces, not the 34 of 2026-09-17; missing " in result.stderr


@pytest.mark.parametrize(("field", "value", "message"), [
    ("CKMB", Decimal("18.5"), "18.5 is outside its group's range 0–18"),
    ("TTTT", Decimal("-0.5"), "-0.5 is outside its group's range 0–10"),
])
def test_a_score_outside_its_group_is_an_error(tmp_path: Path, answer_file: Callable[..., Path],
                                               field: str, value: Decimal, message: str) -> None:
    data = september()
    row = data["data"]["evaluation"][0]
    row["totalScore"] += value - row["groupScores"][field]
    row["groupScores"][field] = value
    result = checked(tmp_path, answer_file, data)
    assert result.exit_code == 3
    assert f"data.evaluation[0].{field}: UBND tỉnh Đồng Tháp (H20): {message}" in result.stderr


def test_a_province_is_matched_by_its_code_never_by_name(
        tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    data = september()
    data["data"]["evaluation"][0]["departmentCode"] = "H99"
    result = checked(tmp_path, answer_file, data)
    assert result.exit_code == 3
    assert ("data.evaluation[0].departmentCode: 'H99' (UBND tỉnh Đồng Tháp) is no province's "
            "code in the provinces registry (a newer cchc may know it; the row is not matched "
            "by name)") in result.stderr
    data = september()
    data["data"]["evaluation"][0]["departmentName"] = "UBND tỉnh Hà Giang"
    result = checked(tmp_path, answer_file, data)
    assert result.exit_code == 0, result.stderr
    assert ("data.evaluation[0].departmentName: 'UBND tỉnh Hà Giang' is not a name of Đồng "
            "Tháp, whose code is H20 (matched by the code; check the row)") in result.stderr
    table = tmp_path / "data" / "service-index-766" / "table_2026-ytd@2026-09-17.csv"
    assert rows_of(table)[1][:3] == ["dong-thap", "H20", "UBND tỉnh Hà Giang"]


def test_field_problems_are_all_listed_at_once(tmp_path: Path,
                                               answer_file: Callable[..., Path]) -> None:
    data = september()
    data["data"]["evaluation"][0]["totalScore"] = "n/a"
    del data["data"]["evaluation"][1]["groupScores"]["MDSH"]
    data["data"]["evaluation"][2]["departmentCode"] = ""
    result = checked(tmp_path, answer_file, data)
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert "data.evaluation[0].totalScore: \"n/a\" is not a number" in lines[0]
    assert "data.evaluation[1].groupScores.MDSH: missing" in lines[1]
    assert "data.evaluation[2].departmentCode: missing or empty" in lines[2]
    assert lines[3] == f"cchc: {tmp_path}/in/service-results_year-2026_x.json: not imported; " \
                       "no table was written"


def test_a_province_with_no_score_is_kept_as_no_data(tmp_path: Path,
                                                     answer_file: Callable[..., Path]) -> None:
    data = september()
    row = data["data"]["evaluation"][-1]
    row["totalScore"] = None
    row["groupScores"] = dict.fromkeys(row["groupScores"])
    result = checked(tmp_path, answer_file, data)
    assert result.exit_code == 0, result.stderr
    assert "has no total score: kept as no data" in result.stderr
    table = tmp_path / "data" / "service-index-766" / "table_2026-ytd@2026-09-17.csv"
    last = rows_of(table)[-1]
    assert last[3:10] == ["", "", "", "", "", "", ""]


# -- the old portal ---------------------------------------------------------------------


def old_answer(count: int = 63) -> list[dict[str, Any]]:
    """An old-portal array for the 63 provinces of 2024 (scores made to add up)."""
    from cchc_cli.provinces import registry

    rows = []
    for number, entry in enumerate(registry().on(dt.date(2024, 12, 31))[:count], start=1):
        groups = {"CKMB": Decimal("10.50"), "TDGQ": Decimal("15.25"), "CLGQ": Decimal("8.00"),
                  "TTTT": Decimal("6.00"), "MDHL": Decimal("12.00"),
                  "MDSH": Decimal(number) / 10}
        rows.append({"ID": 398000 + number, "TEN": f"Tỉnh {entry.name.vi}", "ROW_STT": number,
                     "TONG_SCORE": sum(groups.values()), **groups})
    return rows


def test_the_old_portals_array_is_read_for_the_63_provinces(
        tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    path = answer_file(old_answer(), "old.json")
    result = import_(path, tmp_path, "--period", "2024", "--captured-at", "2025-01-05T00:00:00Z")
    assert result.exit_code == 0, result.stderr
    assert "the old portal's rows carry no departmentCode: each was matched by its name among " \
           "the 63 provinces of 2024-12-31, and its ID kept beside it" in result.stderr
    rows = rows_of(tmp_path / "service-index-766" / "table_2024.csv")
    assert len(rows) == 64
    assert rows[1][:4] == ["an-giang-cu", "398001", "Tỉnh An Giang", "51.85"]
    assert rows[1][-1] == ""  # the old portal states no change


def test_the_old_portal_with_34_rows_is_not_the_field_of_2024(
        tmp_path: Path, answer_file: Callable[..., Path]) -> None:
    path = answer_file(old_answer(34), "old.json")
    result = import_(path, tmp_path / "data", "--period", "2024", "--captured-at",
                     "2025-01-05T00:00:00Z")
    assert result.exit_code == 3
    assert "34 provinces, not the 63 of 2024-12-31; missing " in result.stderr
    assert files(tmp_path / "data") == []


def test_a_metadata_file_for_other_bytes_is_ignored(tmp_path: Path,
                                                    answer_file: Callable[..., Path]) -> None:
    path = answer_file(SEPTEMBER.read_bytes(), "answer.json")
    meta = path.with_name("answer.meta.json")
    meta.write_text(json.dumps({"format": "cchc-portal-capture/1", "sha256": "0" * 64,
                                "captured_at": CAPTURED,
                                "request_body": {"timeType": "year", "year": 2026}}))
    result = import_(path, tmp_path)
    assert result.exit_code == 2
    assert "cannot tell which period" in result.stderr
    meta.write_text(json.dumps({"format": "cchc-portal-capture/1",
                                "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                                "captured_at": CAPTURED,
                                "request_body": {"timeType": "year", "year": 2026}}))
    result = import_(path, tmp_path)
    assert result.exit_code == 0, result.stderr
    table = tmp_path / "service-index-766" / "table_2026-ytd@2026-09-17.csv"
    assert "the time cchc fetch received it" in table.read_text("utf-8")


def test_reading_an_answer_refuses_rows_of_the_wrong_kind() -> None:
    with pytest.raises(DataError) as caught:
        read_answer("x.json", b'{"code":"OK","data":{"evaluation":[1,{"departmentCode":"H01"}]}}')
    messages = [str(p) for p in caught.value.problems]
    assert messages[0] == "x.json:1:36: data.evaluation[0]: is a number, not an object " \
                          "(each row is an object)"
    assert "data.evaluation[1].totalScore: missing" in messages[1]


def test_an_imported_answer_has_the_rows_of_the_bundled_table(tmp_path: Path) -> None:
    for capture, day in ((SEPTEMBER, "2026-09-17"), (OCTOBER, "2026-10-10")):
        result = import_(capture, tmp_path, "--captured-at", f"{day}T03:00:00Z")
        assert result.exit_code == 0, result.stderr
        name = f"table_2026-ytd@{day}.csv"
        bundled = Path(__file__).resolve().parent.parent / "data" / "national" / \
            "service-index-766" / name
        assert rows_of(tmp_path / "service-index-766" / name) == rows_of(bundled)
        assert header_of(tmp_path / "service-index-766" / name)["source.sha256"] == \
            header_of(bundled)["source.sha256"]


# -- the tables are read by the other commands ------------------------------------------

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "national" / \
    "portal-766" / "captures"


def test_rank_reads_an_imported_table_with_data(tmp_path: Path) -> None:
    shared = SHARED / SEPTEMBER.name
    source = shared if shared.exists() else SEPTEMBER
    result = import_(source, tmp_path, "--captured-at", CAPTURED)
    assert result.exit_code == 0, result.stderr
    result = run("rank", "service-index-766", "--data", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    ranking = json.loads(result.stdout)["ranking"]
    assert len(ranking) == 34
    assert (ranking[0]["province"]["id"], ranking[0]["place"], ranking[0]["total"]) == (
        "dong-thap", 1, 68.32)
    assert json.loads(result.stdout)["source"]["table"].startswith(str(tmp_path))


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"the eight captures are not at {SHARED}")
def test_all_eight_captures_import_and_compare_lists_the_movers(tmp_path: Path) -> None:
    captures = sorted(SHARED.glob("service-results_year-2026_captured-*.json"))
    assert len(captures) == 8
    for capture in captures:
        day = capture.stem.rsplit("captured-", 1)[1]
        result = import_(capture, tmp_path, "--captured-at", f"{day}T03:00:00Z")
        assert result.exit_code == 0, (capture, result.stderr)
    assert len(list((tmp_path / "service-index-766").glob("table_*.csv"))) == 8
    result = run("compare", "service-index-766", "--as-of", "2026-09-17", "--to", "2026-10-10",
                 "--data", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["moves"] and len(document["moves"]) == 34
    tuyen_quang = next(m for m in document["moves"] if m["province"]["id"] == "tuyen-quang")
    assert (tuyen_quang["before"]["place"], tuyen_quang["after"]["place"]) == (7, 9)
    assert "khanh-hoa" in {p["id"] for p in document["biggest"]["place_rises"]}
