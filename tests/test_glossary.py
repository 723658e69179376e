"""``docs/glossary.md`` lists every term cchc prints, Vietnamese beside English.

The tables between ``<!-- catalogue:NAME -->`` markers are made from the
catalogue (``cchc_cli/i18n.py``); when a word changes, regenerate them with:

    CCHC_UPDATE_GLOSSARY=1 python -m pytest tests/test_glossary.py
"""

from __future__ import annotations

import os
import re

import pytest

from cchc_cli import i18n
from cchc_cli.model import Text
from tests.conftest import ROOT

GLOSSARY = ROOT / "docs" / "glossary.md"
BLOCK = re.compile(r"(<!-- catalogue:(?P<name>\w+) -->\n)(?P<body>.*?)(<!-- /catalogue -->)",
                   re.DOTALL)
R76 = "Nghị quyết 76/NQ-CP (2021)"
D766 = "Quyết định 766/QĐ-TTg (2022)"
PAPI = "PAPI (CECODES, RTA, UNDP)"
SOURCES = {
    "AREA_NAMES": dict.fromkeys(
        ("institutions", "procedures", "apparatus", "civil_service", "public_finance"), R76)
    | {"direction": "Bộ Chỉ số CCHC cấp tỉnh (Bộ Nội vụ)",
       "digital_government": R76 + "; cấp tỉnh: chính quyền điện tử, chính quyền số"},
    "WORDS": {"in_table": D766 + "; " + PAPI, "top_share": "cách viết của báo cáo tỉnh",
              "break_merger": "Nghị quyết 202/2025/QH15", "unit_places": "cách viết của "
              "báo cáo tỉnh (tăng/giảm … bậc)", "break_method": PAPI + ", 2018"},
}
"""Where a term is set down, for the terms that have an official source."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(name: str) -> str:
    """The Markdown table of one catalogue: key, Vietnamese, English, source."""
    entries: dict[str, Text] = getattr(i18n, name)
    sources = SOURCES.get(name, {})
    lines = ["| Key | Tiếng Việt | English | Source |", "|---|---|---|---|"]
    lines += [f"| `{key}` | {_cell(text.vi)} | {_cell(text.en)} | {sources.get(key, '')} |"
              for key, text in entries.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def glossary() -> str:
    text = GLOSSARY.read_text(encoding="utf-8")
    if os.environ.get("CCHC_UPDATE_GLOSSARY"):
        text = BLOCK.sub(lambda m: m.group(1) + table(m.group("name")) + m.group(4), text)
        GLOSSARY.write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize("name", ["AREA_NAMES", "KIND_NAMES", "QUALIFIER_NAMES", "PERIOD_KINDS",
                                  "WORDS", "FINDINGS"])
def test_the_glossary_lists_every_term(glossary: str, name: str) -> None:
    blocks = {m.group("name"): m.group("body") for m in BLOCK.finditer(glossary)}
    assert blocks.get(name) == table(name), (
        "docs/glossary.md is out of date: "
        "CCHC_UPDATE_GLOSSARY=1 python -m pytest tests/test_glossary.py")
