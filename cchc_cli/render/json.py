"""JSON: one document, raw numbers, UTF-8 text, nothing else.

The document's keys are written one per line; a list of records (figures,
rows of a ranking) is written one record per line. That reads and diffs well
and is written by the json module's C encoder: fully indented output goes
through its pure-Python encoder, which takes longer than the rest of a run
for a ranking of 63 provinces.
"""

from __future__ import annotations

import json
from typing import Any


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


def _member(key: str, value: Any) -> str:
    head = f"  {_dump(key)}: "
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        items = ",\n".join(f"    {_dump(item)}" for item in value)
        return f"{head}[\n{items}\n  ]"
    return head + _dump(value)


def render(document: dict[str, Any]) -> str:
    """The document with a key per line and a record per line, and a final newline."""
    if not document:
        return "{}\n"
    members = ",\n".join(_member(key, value) for key, value in document.items())
    return "{\n" + members + "\n}\n"
