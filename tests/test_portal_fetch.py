"""``cchc fetch`` against a portal on 127.0.0.1 that replays real answers or misbehaves.

Every failure is one line on stderr with its exit code, and leaves nothing
behind, or a complete capture (the answer and its metadata), never half of one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import run
from tests.portal_server import (
    FIREWALL_PAGE,
    SEPTEMBER,
    Answer,
    Portal,
    error_object,
    replay,
    serve,
)

BODY_2026 = b'{"timeType":"year","year":2026,"departmentType":"ADMINISTRATIVE_UNIT"}'
TODAY = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()


@pytest.fixture
def portal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Portal]:
    """A running test portal; retries wait a millisecond; the user's folder is in tmp."""
    monkeypatch.setenv("CCHC_PORTAL_BACKOFF", "0.001")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    for name in ("CCHC_PORTAL_URL", "CCHC_PORTAL_MAX_BYTES"):
        monkeypatch.delenv(name, raising=False)
    with serve() as server:
        yield server


def fetch(portal: Portal, into: Path, *args: str) -> Result:
    """``cchc fetch service-index-766`` against the test portal."""
    return run("fetch", "service-index-766", "--base-url", portal.url, "--into", str(into),
               "--pause", "0", *args)


def files(folder: Path) -> list[str]:
    """Every file under ``folder`` (hidden ones too), relative, sorted."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def one_line(result: Result) -> str:
    """The single line on stderr."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def captures(folder: Path) -> list[Path]:
    """The saved answers (not their metadata)."""
    return sorted(p for p in (folder / "captures" / "service-index-766").glob("*.json")
                  if not p.name.endswith(".meta.json"))


# -- a real answer ----------------------------------------------------------------------


def test_fetch_posts_the_documented_request_and_keeps_the_answer(portal: Portal,
                                                                  tmp_path: Path) -> None:
    into = tmp_path / "data"
    result = fetch(portal, into, "--year", "2026")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    [seen] = portal.seen
    assert seen.path == "/api/v1/reporting/evaluation/service-results"
    assert seen.body == BODY_2026
    assert re.fullmatch(r"cchc/\d+\.\d+\.\d+\S*", seen.headers["User-Agent"])
    assert seen.headers["Content-Type"] == "application/json"
    [capture] = captures(into)
    assert capture.read_bytes() == SEPTEMBER.read_bytes()  # untouched
    assert re.fullmatch(r"2026-ytd_captured-\d{8}T\d{6}Z\.json", capture.name)
    meta = json.loads(capture.with_name(capture.stem + ".meta.json").read_text("utf-8"))
    assert meta["url"] == portal.url + "/api/v1/reporting/evaluation/service-results"
    assert meta["request_body"] == json.loads(BODY_2026)
    assert meta["status"] == 201
    assert meta["content_type"] == "application/json; charset=utf-8"
    assert meta["sha256"] == "0b8de2e914e6e49ffb984b0f1148cad425a8ec2d5bf1dda873396c3942761e0c"
    assert meta["size"] == 18443
    received = dt.datetime.fromisoformat(meta["captured_at"])
    assert abs(received - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    day = received.astimezone(dt.timezone(dt.timedelta(hours=7))).date()
    table = into / "service-index-766" / f"table_2026-ytd@{day.isoformat()}.csv"
    assert table.exists()
    assert f"cchc: saved {capture}" in result.stderr
    assert f"cchc: wrote {table} (34 provinces, 2026-ytd@{day.isoformat()})" in result.stderr
    ranked = run("rank", "service-index-766", "--data", str(into), "--format", "json")
    assert ranked.exit_code == 0, ranked.stderr
    assert json.loads(ranked.stdout)["ranking"][0]["total"] == 68.32


def test_fetch_makes_the_same_table_as_importing_the_same_bytes(portal: Portal,
                                                                 tmp_path: Path) -> None:
    fetched, imported = tmp_path / "fetched", tmp_path / "imported"
    assert fetch(portal, fetched, "--year", "2026").exit_code == 0
    [capture] = captures(fetched)
    result = run("import", str(capture), "--into", str(imported))
    assert result.exit_code == 0, result.stderr
    [table] = (fetched / "service-index-766").glob("table_*.csv")
    again = imported / "service-index-766" / table.name
    assert again.read_text("utf-8") == table.read_text("utf-8")
    # the bytes saved elsewhere, with the time and request given by hand
    meta = json.loads(capture.with_name(capture.stem + ".meta.json").read_text("utf-8"))
    request = tmp_path / "request.json"
    request.write_bytes(BODY_2026)
    by_hand = tmp_path / "by-hand"
    result = run("import", str(SEPTEMBER), "--captured-at", meta["captured_at"],
                 "--request", str(request), "--into", str(by_hand))
    assert result.exit_code == 0, result.stderr
    rows = [line for line in table.read_text("utf-8").splitlines() if not line.startswith("#")]
    text = (by_hand / "service-index-766" / table.name).read_text("utf-8")
    assert [line for line in text.splitlines() if not line.startswith("#")] == rows
    assert len(rows) == 35


def test_the_portal_address_can_come_from_the_environment(portal: Portal, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setenv("CCHC_PORTAL_URL", portal.url + "/")
    result = run("fetch", "service-index-766", "--year", "2026", "--into", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert len(portal.seen) == 1


def test_an_earlier_capture_is_never_overwritten(portal: Portal, tmp_path: Path) -> None:
    assert fetch(portal, tmp_path, "--year", "2026").exit_code == 0
    portal.will(replay(SEPTEMBER.with_name(
        "service-results_year-2026_captured-2026-10-10.json")))
    result = fetch(portal, tmp_path, "--year", "2026")
    assert result.exit_code == 4
    assert "exists (the same period" in result.stderr
    assert "use --force to replace it (the answer is kept in" in result.stderr
    kept = {p.read_bytes() for p in captures(tmp_path)}
    assert kept == {SEPTEMBER.read_bytes(), SEPTEMBER.with_name(
        "service-results_year-2026_captured-2026-10-10.json").read_bytes()}
    assert len(files(tmp_path)) == 6  # two answers, two metadata, the index, one table
    assert fetch(portal, tmp_path, "--year", "2026", "--force").exit_code == 0
    assert len(captures(tmp_path)) == 3


def test_several_months_one_request_each(portal: Portal, tmp_path: Path) -> None:
    result = fetch(portal, tmp_path, "--year", "2026", "--months", "1-2")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(s.body) for s in portal.seen] == [
        {"timeType": "month", "year": 2026, "month": 1, "departmentType": "ADMINISTRATIVE_UNIT"},
        {"timeType": "month", "year": 2026, "month": 2, "departmentType": "ADMINISTRATIVE_UNIT"}]
    tables = sorted(p.name for p in (tmp_path / "service-index-766").glob("table_*"))
    assert tables == ["table_2026-01.csv", "table_2026-02.csv"]
    assert "\x1b[" not in result.stderr  # no progress bar when stderr is not a terminal


def test_a_server_error_is_tried_again(portal: Portal, tmp_path: Path) -> None:
    portal.will(Answer(503, b"busy", "text/plain"), Answer(502, b"", "text/plain"), replay())
    result = fetch(portal, tmp_path, "--year", "2026")
    assert result.exit_code == 0, result.stderr
    assert len(portal.seen) == 3
    assert len(captures(tmp_path)) == 1


def test_a_dropped_connection_is_tried_again(portal: Portal, tmp_path: Path) -> None:
    portal.will(Answer(drop="before"), replay())
    result = fetch(portal, tmp_path, "--year", "2026")
    assert result.exit_code == 0, result.stderr
    assert len(portal.seen) == 2


# -- misbehaviour -----------------------------------------------------------------------

MISBEHAVIOUR = {
    "403": (Answer(403, FIREWALL_PAGE, "text/html"), 1,
            r"the portal refused the request \(HTTP 403, forbidden: its firewall may be "
            r"blocking it\); try again later \(in an hour, or tomorrow\), not straight away"),
    "429 with Retry-After": (Answer(429, b"", "text/plain", (("Retry-After", "120"),)), 1,
                             r"the portal asks to slow down \(HTTP 429: too many requests\); "
                             r"try again after \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in 120 s\)"),
    "200 with a firewall page": (Answer(200, FIREWALL_PAGE, "text/html; charset=utf-8"), 1,
                                 r"the portal answered with an HTML page \(title: 'Request "
                                 r"Rejected'\), not JSON: its firewall may have blocked the "
                                 r"request; try again later; nothing was saved"),
    "truncated JSON": (Answer(201, SEPTEMBER.read_bytes()[:5000]), 1,
                       r"unusable answer: the JSON ends before it is complete: the answer was "
                       r"cut short; nothing was saved"),
    "slower than the timeout": (Answer(delay=0.6, body=SEPTEMBER.read_bytes()), 3,
                                r"127\.0\.0\.1:\d+ did not answer within 0\.05 s \(--timeout "
                                r"sets the wait\) \(3 tries\); try again later"),
    "dropped connection": (Answer(drop="before"), 3,
                           r"127\.0\.0\.1:\d+ dropped the connection before the answer was "
                           r"complete \(3 tries\); try again later"),
    "dropped half-way": (Answer(201, SEPTEMBER.read_bytes(), drop="body"), 3,
                         r"127\.0\.0\.1:\d+ dropped the connection before the answer was "
                         r"complete \(3 tries\); try again later"),
    "over the size cap": (replay(), 1,
                          r"the answer is 18,443 bytes, more than the limit of 10,000; "
                          r"nothing was saved"),
    "wrong content type": (Answer(201, SEPTEMBER.read_bytes(), "text/plain"), 1,
                           r"the portal answered 'text/plain', not JSON; nothing was saved"),
    "an error object": (error_object(), 1,
                        r"unusable answer: an error object, not results: code 'ERROR', "
                        r"message 'Hệ thống đang bận'; nothing was saved"),
    "an empty list": (Answer(201, b'{"code":"OK","data":{"evaluation":[]}}'), 1,
                      r"unusable answer: an empty list: the portal has no results for this "
                      r"period; nothing was saved"),
    "a server error every time": (Answer(500, b"oops", "text/plain"), 3,
                                  r"127\.0\.0\.1:\d+ failed with HTTP 500 \(3 tries\); try "
                                  r"again later"),
}


@pytest.mark.parametrize("name", list(MISBEHAVIOUR))
def test_misbehaviour_is_one_line_exit_5_and_nothing_saved(
        portal: Portal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    answer, requests, message = MISBEHAVIOUR[name]
    portal.will(answer)
    if name == "over the size cap":
        monkeypatch.setenv("CCHC_PORTAL_MAX_BYTES", "10000")
    into = tmp_path / "data"
    result = fetch(portal, into, "--year", "2026", "--timeout", "0.05")
    assert result.exit_code == 5, result.stderr
    assert re.fullmatch(f"cchc: 2026: {message}", one_line(result)), one_line(result)
    assert len(portal.seen) == requests
    assert files(into) == []


def test_a_body_over_the_cap_without_a_length_is_cut_off(portal: Portal, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from cchc_cli.portal.client import PortalError, Settings, _read

    class Chunked:
        def __init__(self) -> None:
            self.headers: dict[str, str] = {}
            self.left = [b"x" * 6000, b"y" * 6000, b"z" * 6000]

        def read(self, size: int) -> bytes:
            return self.left.pop(0) if self.left else b""

    with pytest.raises(PortalError, match="more than the limit of 10,000 bytes"):
        _read(Chunked(), Settings(max_bytes=10_000).max_bytes)  # type: ignore[arg-type]


def test_a_refusal_stops_a_run_of_months_keeping_the_earlier_ones(portal: Portal,
                                                                   tmp_path: Path) -> None:
    portal.will(replay(), Answer(429, b"", "text/plain", (("Retry-After", "60"),)))
    result = fetch(portal, tmp_path, "--year", "2026", "--months", "1-3")
    assert result.exit_code == 5
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("cchc: 2026 month 2: the portal asks to slow down")
    assert last.endswith("(stopped after 1 of 3 periods; the earlier ones are saved)")
    assert len(portal.seen) == 2
    assert [p.name.split("_")[0] for p in captures(tmp_path)] == ["2026-01"]


@pytest.mark.parametrize("args", [
    ["--year", str(TODAY.year), "--month", str(TODAY.month)],
    ["--year", str(TODAY.year + 1)],
    ["--year", str(TODAY.year + 1), "--months", "1-2"],
])
def test_a_period_that_has_not_ended_is_refused_before_any_request(
        portal: Portal, tmp_path: Path, args: list[str]) -> None:
    result = fetch(portal, tmp_path, *args)
    assert result.exit_code == 2
    assert "cannot fetch" in result.stderr
    assert portal.seen == []
    assert files(tmp_path) == []


def test_the_month_message_says_when_results_come(portal: Portal, tmp_path: Path) -> None:
    result = fetch(portal, tmp_path, "--year", "2100", "--month", "2")
    assert "Error: cannot fetch 2100 month 2: 2100 has not begun" in result.stderr
    from cchc_cli.portal.request import PortalRequest

    assert PortalRequest(2026, "month", 10).unfinished(dt.date(2026, 10, 31)) == (
        "month 10 of 2026 ends on 2026-10-31; the portal has its results only after it ends, "
        "from 2026-11-01")
    assert PortalRequest(2026, "month", 10).unfinished(dt.date(2026, 11, 1)) is None
    assert PortalRequest(2026, "quarter", 3).unfinished(dt.date(2026, 9, 30)) is not None


def test_only_one_of_quarter_month_and_months(portal: Portal, tmp_path: Path) -> None:
    result = fetch(portal, tmp_path, "--year", "2026", "--quarter", "1", "--month", "2")
    assert result.exit_code == 2
    assert "give one of --quarter, --month and --months" in result.stderr
    result = fetch(portal, tmp_path, "--year", "2026", "--months", "9-3")
    assert result.exit_code == 2
    assert "the first before the last" in result.stderr


def test_an_address_that_is_not_http_is_refused(portal: Portal, tmp_path: Path) -> None:
    result = run("fetch", "service-index-766", "--year", "2026", "--base-url", "ftp://x",
                 "--into", str(tmp_path))
    assert result.exit_code == 2
    assert "is not an http:// or https:// address" in result.stderr


def test_when_to_retry_reads_both_forms_of_retry_after() -> None:
    from cchc_cli.portal.client import when_to_retry

    now = dt.datetime(2026, 10, 10, 3, 0, tzinfo=dt.UTC)
    assert when_to_retry("90", now) == "try again after 2026-10-10 03:01 UTC (in 90 s)"
    assert when_to_retry("Sat, 10 Oct 2026 05:30:00 GMT", now) == (
        "try again after 2026-10-10 05:30 UTC")
    assert when_to_retry(None, now).startswith("try again later")
    assert when_to_retry("soon", now).startswith("try again later")


# -- other commands do not pay for HTTP ------------------------------------------------


@pytest.mark.parametrize("args", [["summary", "--format", "json"], ["fetch", "-h"]])
def test_other_commands_import_no_http_and_no_portal_code(args: list[str]) -> None:
    import subprocess
    import sys

    from tests.test_pipes import imported_modules

    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "cchc_cli", *args],
                            capture_output=True, timeout=60, check=False,
                            env={**os.environ, "CCHC_NO_CACHE": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    modules = imported_modules(result.stderr.decode("utf-8", "replace"))
    assert "click" in modules
    heavy = [m for m in modules if m.startswith(("cchc_cli.portal", "urllib.request",
                                                 "http.client", "rich"))]
    assert heavy == []


def test_the_progress_bar_is_drawn_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from cchc_cli.portal.run import _progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert _progress(3) is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert _progress(1) is None  # one request needs no bar
    bar = _progress(3)
    assert bar is not None
    bar.stop()
