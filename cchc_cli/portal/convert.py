"""Checked portal rows as a national table, written into a data folder.

The table goes to ``DIR/service-index-766/table_<period>.csv`` beside the
index's ``index.csv`` (copied from the bundled one the first time), where
``--data DIR`` finds it. It keeps the answer's file name and SHA-256, the
capture time (in Vietnam time, as the bundled tables do) and where that time
came from, and the request.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cchc_cli.national import IndexInfo, NationalTable, Row, TableSource, Values
from cchc_cli.periods import Period
from cchc_cli.portal import GROUPS, INDEX_ID
from cchc_cli.portal.checks import Checked
from cchc_cli.portal.importer import TIME_SOURCES, Capture
from cchc_cli.portal.request import DEFAULT_BASE_URL, PATH, VIETNAM
from cchc_cli.portal.store import iso

METHOD = "2026"
"""The index's method for the new portal's six groups."""

COLUMNS = ("total", *(code for code, _ in GROUPS), "change")
"""The table's value columns: the total, the six groups, and the portal's ``scoreDelta``."""


class TableExists(FileExistsError):
    """A table for the same period is in the folder already."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def to_table(checked: Checked, capture: Capture, period: Period,
             index: IndexInfo) -> NationalTable:
    """The table of ``checked``: one row a province, in the answer's order."""
    from cchc_cli.load.writer import make_table

    rows = []
    for item in checked.rows:
        row = item.row
        groups = dict(row.groups)
        values = (row.total, *(groups.get(code) for code, _ in GROUPS), row.delta)
        rows.append(Row(item.entry.id, row.code or row.old_id or "", row.name, Values(values),
                        row.line))
    return make_table(index, METHOD, period, source=_source(capture, period), columns=COLUMNS,
                      rows=rows, notes=_notes(checked, capture))


def _source(capture: Capture, period: Period) -> TableSource:
    local = capture.captured_at.astimezone(VIETNAM).replace(tzinfo=None)
    return TableSource(
        "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)",
        f"service-results, {period.full_key}, as the portal answered",
        url=capture.url or DEFAULT_BASE_URL + PATH,
        file=Path(capture.path).name, sha256=checked_sha(capture),
        captured=local.isoformat(timespec="seconds"))


def checked_sha(capture: Capture) -> str:
    """The SHA-256 of the answer's bytes."""
    from cchc_cli.portal.response import sha256

    return sha256(capture.data)


def _notes(checked: Checked, capture: Capture) -> tuple[str, ...]:
    shape = "new portal (data.evaluation)" if checked.answer.shape == "new" else \
        "old portal (array of TEN, TONG_SCORE, …)"
    notes = [f"imported by cchc from the {shape}; provinces matched by "
             + ("departmentCode" if checked.answer.shape == "new" else "name and era"),
             f"captured {iso(capture.captured_at)} (source.captured is Vietnam time, UTC+7): "
             f"{TIME_SOURCES[capture.time_source]}"]
    if capture.request is not None:
        notes.append(f"request: POST {PATH} "
                     f"{json.dumps(capture.request.body(), separators=(',', ':'))}")
    else:
        notes.append("request: not known")
    if checked.answer.shape == "new":
        notes.append("change is the portal's scoreDelta, as stated")
    else:
        notes.append("the old portal states no change, and its ROW_STT is a row number, not "
                     f"kept; its six groups are read with method {METHOD}'s codes and maxima")
    return tuple(notes)


def index_folder(data_dir: Path) -> Path:
    """``DIR/service-index-766``, with the bundled ``index.csv`` copied in if it has none."""
    from cchc_cli.load.files import bundled_data_dir
    from cchc_cli.load.national import INDEX_FILE

    folder = data_dir / INDEX_ID
    target = folder / INDEX_FILE
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        bundled = Path(bundled_data_dir()) / "national" / INDEX_ID / INDEX_FILE
        shutil.copyfile(bundled, target)
    return folder


def write_table(checked: Checked, capture: Capture, period: Period, data_dir: Path,
                force: bool) -> Path:
    """Write the table of ``checked`` into ``data_dir``; return its path.

    Raises ``TableExists`` for a table of the same period (unless ``force``),
    ``DataError`` if the table would not load, ``OSError`` if it cannot be written.
    """
    from cchc_cli.load.national import load_index, table_name
    from cchc_cli.load.writer import write_table as write

    folder = index_folder(data_dir)
    index = load_index(str(folder / "index.csv"))
    target = folder / table_name(period)
    if target.exists() and not force:
        raise TableExists(str(target))
    try:
        return Path(write(str(folder), to_table(checked, capture, period, index), force))
    except FileExistsError:
        raise TableExists(str(target)) from None
