"""Control characters shown, never obeyed: text from a data file as a terminal should see it.

A label, an excerpt, a key or a file name can hold ``ESC [`` or ``ESC ]``
sequences (which move the cursor, recolour the screen or retitle the window),
other C0 and C1 controls, or the bidirectional overrides that make text read
backwards. Every human-facing output (tables, Markdown, CSV, messages on
stderr) passes its text through ``visible``, which writes each such character
as an escape (``\\x1b``, ``\\u202e``); tabs and line breaks are kept.
"""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written as an escape."""
    return _CONTROL.sub(_escape, text)


def visible_all(value: Any) -> Any:
    """``value`` with ``visible`` applied to every string inside it.

    Walks tuples (and so the ``Record`` blocks of a page), lists and dicts,
    keeping their types; anything else is returned as it is. A tuple with
    nothing to escape is returned itself rather than rebuilt (nearly always).
    """
    if isinstance(value, str):
        return visible(value) if _CONTROL.search(value) else value
    if isinstance(value, tuple):
        items = [visible_all(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, list):
        return [visible_all(item) for item in value]
    if isinstance(value, dict):
        return {key: visible_all(item) for key, item in value.items()}
    return value
