"""The article in an HTML page saved from a browser: its text, title, address and date.

Scripts, styles, menus, headers, footers, sidebars, forms, comments and
related-article blocks are dropped; where the page marks its article
(``<article>``, ``itemprop="articleBody"``), only that and the page's ``<h1>``
are kept. Block elements end a line, so no sentence runs from one into another.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from cchc_cli.record import Record

_DROPPED_TAGS = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
                 "aside", "form", "iframe", "button", "select", "menu", "head", "object"}
_DROPPED_CLASSES = {"menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "footer",
                    "header", "sidebar", "comment", "comments", "related", "share", "social",
                    "banner", "advert", "advertisement", "ads", "tags", "toolbar", "relate",
                    "cookie", "popup", "subscribe"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
           "article", "header", "footer", "td", "th", "table", "ul", "ol", "blockquote",
           "figcaption", "figure", "dd", "dt", "dl", "pre", "main", "caption", "hr"}
_ARTICLE_BODY = re.compile(r"article[-_]?body|articlebody|detail[-_]content|content[-_]detail|"
                           r"post[-_]content|entry[-_]content|news[-_]content", re.IGNORECASE)


class Page(Record):
    """What was taken out of a page."""

    text: str
    title: str | None
    url: str | None
    date: str | None


def looks_like_html(name: str, text: str) -> bool:
    """An ``.html``/``.htm`` file, or text that starts with a tag."""
    return name.lower().endswith((".html", ".htm")) or \
        re.match(r"\s*<(!doctype|html|head|body|p|div)\b", text, re.IGNORECASE) is not None


class _Article(HTMLParser):
    """Collects the visible text of a page, in and out of its article element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, dropped, article)
        self.everything: list[str] = []
        self.article: list[str] = []
        self.found_article = False
        self.meta: dict[str, str] = {}
        self.title: list[str] = []
        self.in_title = False
        self.h1: list[str] = []

    def _dropped(self) -> bool:
        return any(dropped for _, dropped, _ in self.stack)

    def _inside_article(self) -> bool:
        return any(article for _, _, article in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        self._meta(tag, values)
        if tag == "title":
            self.in_title = True
        if tag in _BLOCKS:
            self._write("\n")
        if tag in _VOID:
            return
        words = set(re.split(r"[\s_-]+", f"{values.get('class', '')} {values.get('id', '')}"
                             .lower()))
        dropped = tag in _DROPPED_TAGS or bool(words & _DROPPED_CLASSES)
        marker = f"{values.get('class', '')} {values.get('id', '')} {values.get('itemprop', '')}"
        article = tag == "article" or bool(_ARTICLE_BODY.search(marker))
        self.found_article |= article and not self._dropped()
        self.stack.append((tag, dropped and tag not in {"html", "body"}, article))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _BLOCKS:
            self._write("\n")
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if any(tag == "h1" for tag, _, _ in self.stack) and not self._dropped():
            self.h1.append(data)
        self._write(data)

    def _write(self, data: str) -> None:
        if self._dropped():
            return
        self.everything.append(data)
        if self._inside_article() or any(tag == "h1" for tag, _, _ in self.stack):
            self.article.append(data)

    def _meta(self, tag: str, values: dict[str, str]) -> None:
        key = values.get("property") or values.get("name") or values.get("itemprop") or ""
        if tag == "meta" and key in ("og:url", "article:published_time", "og:title",
                                     "datePublished", "pubdate"):
            self.meta.setdefault(key, values.get("content", ""))
        if tag == "link" and values.get("rel") == "canonical":
            self.meta.setdefault("canonical", values.get("href", ""))


def tidy_lines(text: str) -> str:
    """Single spaces within lines, no blank lines in a row, no space at either end."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip() + "\n"


def extract_article(markup: str) -> Page:
    """The article of an HTML page, with the page's title, address and date where given."""
    parser = _Article()
    parser.feed(markup)
    parser.close()
    parts = parser.article if parser.found_article else parser.everything
    title = " ".join("".join(parser.h1 or parser.title).split()) or \
        parser.meta.get("og:title") or None
    url = parser.meta.get("canonical") or parser.meta.get("og:url") or None
    published = parser.meta.get("article:published_time") or parser.meta.get("datePublished")
    date = published[:10] if published and re.match(r"\d{4}-\d{2}-\d{2}", published) else None
    return Page(tidy_lines("".join(parts)), title, url, date)
