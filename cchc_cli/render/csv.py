"""CSV: tidy rows with a header, raw numbers, empty cells for missing values."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def render(columns: Iterable[str], rows: Iterable[dict[str, Any]]) -> str:
    """Rows as CSV text (``\\n`` line ends), in the order of ``columns``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return buffer.getvalue()
