"""Read a source document as plain text: UTF-8 text, or HTML with its tags stripped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from cchc_cli.load.files import MAX_FILE_BYTES, read_bytes
from cchc_cli.load.problems import DataError, Problem

MAX_SOURCE_BYTES = 8 * MAX_FILE_BYTES
"""Largest source document read (8 MiB); an article is a few dozen KiB."""

_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
           "article", "header", "footer", "td", "th", "table", "ul", "ol", "blockquote"}


class _TextOnly(HTMLParser):
    """Collects the text of an HTML page, skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def strip_html(markup: str) -> str:
    """The visible text of an HTML document."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    return html.unescape("".join(parser.parts))


def looks_like_html(path: Path, text: str) -> bool:
    """An ``.html``/``.htm`` file, or text that starts with a tag."""
    return path.suffix.lower() in (".html", ".htm") or \
        re.match(r"\s*<(!doctype|html|head|body|p|div)\b", text, re.IGNORECASE) is not None


def read_source(path: Path) -> str:
    """The text of the source at ``path``; raises ``DataError`` if it cannot be read.

    Only a regular file is read, and at most ``MAX_SOURCE_BYTES`` of it.
    """
    name = str(path)
    problems: list[Problem] = []
    data = read_bytes(name, MAX_SOURCE_BYTES, problems, "an article")
    if data is None:
        raise DataError(problems)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DataError([Problem(name, line, 1, "", "the file is not UTF-8",
                                 "save it as UTF-8")]) from None
    return strip_html(text) if looks_like_html(path, text) else text
