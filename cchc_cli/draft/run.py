"""Draft one article file: read it, draft it, write the draft's text."""

from __future__ import annotations

import os

from cchc_cli.draft.build import NoFacts, NoPeriod, NoProvince, Options, draft_article
from cchc_cli.draft.intake import MAX_ARTICLE_BYTES, decode_article, refuse
from cchc_cli.draft.model import Draft
from cchc_cli.draft.place import parse_period
from cchc_cli.draft.sentences import split_body
from cchc_cli.draft.writer import write_draft
from cchc_cli.load.problems import DataError, Problem
from cchc_cli.record import Record


class DraftRequest(Record):
    """What the command line asks for."""

    path: str
    province: str | None
    period: str | None
    url: str | None


def read_bytes(path: str) -> bytes:
    """The file's bytes, up to just over the cap; raises ``DataError`` if unreadable."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        raise DataError([Problem(path, 0, 0, "", f"cannot read the file: {error.strerror}",
                                 "check the path")]) from None


def mark_slips(draft: Draft) -> Draft:
    """The draft with each figure whose printed numbers contradict each other marked
    ``as_printed`` (and that mark up for review): the source's slip, not the draft's."""
    from cchc_cli.calc.audit import audit_report
    from cchc_cli.load.files import load_text

    report, _ = load_text(write_draft(draft), "draft.yaml")
    if report is None:
        return draft
    slipped = {f.figure_id for f in audit_report(report) if f.severity == "error"}
    if not slipped:
        return draft
    figures = tuple(f._replace(as_printed=True, review=(*f.review, "as_printed"))
                    if f.id in slipped else f for f in draft.figures)
    return draft._replace(figures=figures)


def run_draft(request: DraftRequest) -> tuple[str, list[str]]:
    """The draft's text and notes for the user; ``DataError`` for a file that is no article,
    ``ValueError`` for an option that cannot be used."""
    period = None
    if request.period is not None:
        period = parse_period(request.period)
        if period is None:
            raise ValueError(f"--period '{request.period}' is not a period; use e.g. 2024, "
                             "2024-h1, 2024-q3, 2024-07 or 2026-ytd")
    text = decode_article(read_bytes(request.path), request.path)
    name = os.path.basename(request.path)
    url, title, date = request.url, None, None
    if name.lower().endswith((".html", ".htm")) or text.lstrip()[:1] == "<":
        from cchc_cli.draft.article import extract_article

        page = extract_article(text)
        text, title, date = page.text, page.title, page.date
        url = url or page.url
    body = split_body(text)
    url = url or body.header.get("source")
    title = body.header.get("title") or title
    if not any(char.isdigit() for char in body.text):
        raise refuse(request.path, "the article has no number in it", "is this the article?")
    options = Options(name, request.province, period, url, title, date)
    try:
        draft = draft_article(body, options)
    except NoFacts:
        raise refuse(request.path, "no number in the article states a fact (all are dates, "
                     "years or document numbers)", "is this the article?") from None
    except NoPeriod:
        raise ValueError("the article states no year and has no date; give --period") from None
    except NoProvince:
        raise ValueError("the article names no province; give --province") from None
    except LookupError as error:  # a --province the registry does not know
        raise ValueError(f"--province: {error}") from None
    draft = mark_slips(draft)
    notes = [f"{len(draft.figures)} figures drafted, {len(draft.set_aside)} numbers set aside"]
    slips = [figure.id for figure in draft.figures if figure.as_printed]
    if slips:
        notes.append(f"the article's own numbers do not add up for {', '.join(slips)}: kept "
                     "as printed and marked 'as_printed' ('cchc check' shows the arithmetic)")
    return write_draft(draft), notes
