"""Folding names for matching: ``Hà Giang``, ``HA GIANG`` and ``ha-giang`` fold alike."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_MARKS = dict.fromkeys(range(0x300, 0x370))
"""The combining diacritical marks (U+0300 to U+036F): every Vietnamese tone and vowel mark."""


def fold(name: str) -> str:
    """``Hà Giang`` -> ``ha-giang``: lower case, no diacritics, words joined by '-'.

    Decomposing first makes composed and decomposed text (NFC and NFD) and both
    tone placements (``Hòa``, ``Hoà``) fold to the same letters; ``đ`` becomes ``d``.
    """
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return _NOT_WORD.sub("-", decomposed.translate(_MARKS).lower()).strip("-")
