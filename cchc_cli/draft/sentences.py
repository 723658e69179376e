"""Split an article into its header, its body and the sentences of the body.

A stored article may open with ``# SOURCE: address``, ``# TITLE: ...`` and
``# NOTE: ...`` lines; they describe the copy and are not read for figures.
A page saved with its furniture ends its article at a line such as "Cùng
chuyên mục" or "Ý kiến bạn đọc"; what follows is not read either.
"""

from __future__ import annotations

import re
import unicodedata

from cchc_cli.record import Record

TAIL_MARKERS = ("cùng chuyên mục", "tin cùng chuyên mục", "tin liên quan", "bài liên quan",
                "bài viết liên quan", "đọc thêm", "xem thêm", "ý kiến bạn đọc", "bình luận",
                "tin khác", "các tin khác", "tin mới nhất", "chủ đề")
_HEADER = re.compile(r"#\s*([A-Z]+):\s*(.*)")
_END = re.compile(r"[.!?…]+[\"”’)]?\s+")


class Sentence(Record):
    """One sentence of the body, with where it starts in the text."""

    text: str
    start: int
    line: int
    """1-based line of the file the sentence is on."""


class Body(Record):
    """The readable part of an article and what its header says."""

    text: str
    header: dict[str, str]
    first_line: int
    """The file's line on which ``text`` starts."""
    cut_at: int | None
    """The file's line from which the rest was left unread, if any."""
    cut_marker: str | None


def split_body(text: str) -> Body:
    """The header lines, the body, and the furniture cut off its end."""
    text = unicodedata.normalize("NFC", text)
    lines = text.splitlines()
    header: dict[str, str] = {}
    first = 0
    while first < len(lines) and (_HEADER.match(lines[first]) or
                                  (header and not lines[first].strip())):
        match = _HEADER.match(lines[first])
        if match:
            header.setdefault(match.group(1).lower(), match.group(2).strip())
        first += 1
    cut_at = marker = None
    for number in range(first, len(lines)):
        words = lines[number].strip().rstrip(":").strip().lower()
        if words in TAIL_MARKERS:
            cut_at, marker = number, lines[number].strip()
            break
    body = lines[first:cut_at]
    return Body("\n".join(body), header, first + 1, None if cut_at is None else cut_at + 1,
                marker)


def split_sentences(body: Body) -> list[Sentence]:
    """The sentences of the body, each within one line."""
    sentences: list[Sentence] = []
    offset = 0
    for number, line in enumerate(body.text.split("\n"), body.first_line):
        start = 0
        for match in _END.finditer(line):
            after = line[match.end():match.end() + 1]
            if after and (after.isupper() or after.isdigit() or after in "\"“("):
                _add(sentences, line, (start, match.end()), offset, number)
                start = match.end()
        _add(sentences, line, (start, len(line)), offset, number)
        offset += len(line) + 1
    return sentences


def _add(sentences: list[Sentence], line: str, span: tuple[int, int], offset: int,
         number: int) -> None:
    start, end = span
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        sentences.append(Sentence(stripped, offset + start + lead, number))
