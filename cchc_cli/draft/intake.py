"""Turn the bytes of a file into the text of an article, or say why they are not one.

A PDF, a Word file, an empty file, a file over the size cap, and text in
another encoding than UTF-8 are each refused with a message that says what the
file looks like and what to do.
"""

from __future__ import annotations

from cchc_cli.load.files import MAX_FILE_BYTES
from cchc_cli.load.problems import DataError, Problem

MAX_ARTICLE_BYTES = 8 * MAX_FILE_BYTES
"""Largest article read: 8 MiB, as for ``cchc verify``'s sources."""

_SIGNATURES = (
    (b"%PDF-", "a PDF document", "save the article's text as a .txt file, or its page as .html"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word (.doc) or other Office file",
     "save it as plain text (.txt, UTF-8) from the word processor"),
    (b"{\\rtf", "an RTF document", "save it as plain text (.txt, UTF-8)"),
)
_VIETNAMESE_CP1258 = frozenset("ăâêôơưđĂÂÊÔƠƯĐ\u0300\u0301\u0303\u0309\u0323")


def refuse(path: str, message: str, hint: str) -> DataError:
    """The error for a file that is not an article."""
    return DataError([Problem(path, 0, 0, "", message, hint)])


def decode_article(data: bytes, path: str) -> str:
    """The text of ``data``; raises ``DataError`` for anything that is not a UTF-8 text."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise refuse(path, f"the file is {len(data):,} bytes, over the limit of "
                     f"{MAX_ARTICLE_BYTES:,}", "is this the article? a page is a few hundred KiB")
    if not data.strip():
        raise refuse(path, "the file is empty", "give the article's text or its saved page")
    for signature, what, hint in _SIGNATURES:
        if data.startswith(signature):
            raise refuse(path, f"the file is {what}, not text", hint)
    if data.startswith(b"PK\x03\x04"):
        what = "a Word (.docx) document" if b"word/" in data[:4096] else "a ZIP archive"
        raise refuse(path, f"the file is {what}, not text",
                     "save it as plain text (.txt, UTF-8) from the word processor")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        looks = guess_encoding(data)
        command = {"UTF-16": "UTF-16", "Windows-1258 (Vietnamese)": "CP1258",
                   "Windows-1252 (Latin)": "CP1252"}[looks]
        raise DataError([Problem(path, line, 1, "", f"the file is not UTF-8; it looks like "
                                 f"{looks}", f"convert it, e.g. iconv -f {command} -t UTF-8 "
                                 "FILE > article.txt")]) from None


def guess_encoding(data: bytes) -> str:
    """A guess at the encoding of text that is not UTF-8, from its bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:4096]
    if sample and sample.count(0) * 4 >= len(sample):
        return "UTF-16"
    text = sample.decode("cp1258", errors="replace")
    high = sum(1 for byte in sample if byte >= 0x80)
    vietnamese = sum(1 for char in text if char in _VIETNAMESE_CP1258)
    if high and vietnamese * 3 >= high:
        return "Windows-1258 (Vietnamese)"
    return "Windows-1252 (Latin)"
