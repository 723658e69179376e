"""CSV: tidy rows with a header, raw numbers, empty cells for missing values."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, TextIO

from cchc_cli.visible import visible


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return visible(value)
    return value


def write(columns: Iterable[str], rows: Iterable[dict[str, Any]], stream: TextIO) -> None:
    """Write rows as CSV (``\\n`` line ends) to ``stream`` as they come, in column order."""
    writer = csv.DictWriter(stream, fieldnames=list(columns), lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})


def render(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> str:
    """Rows as CSV text."""
    buffer = io.StringIO()
    write(columns, rows, buffer)
    return buffer.getvalue()
