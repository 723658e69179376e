"""JSON: one document, raw numbers, UTF-8 text, nothing else."""

from __future__ import annotations

import json
from typing import Any


def render(document: dict[str, Any]) -> str:
    """The document as indented JSON with a final newline."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, indent=2) + "\n"
