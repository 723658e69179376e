"""Titles and source lines shared by several views."""

from __future__ import annotations

from cchc_cli import i18n
from cchc_cli.model import Lang, Report, Source


def report_title(report: Report, lang: Lang) -> str:
    """``Hà Giang: administrative reform results, 2023``."""
    return i18n.word("summary_title", lang).format(province=report.province.name.get(lang),
                                                   period=i18n.period_label(report.period, lang))


def source_line(source: Source, lang: Lang) -> str:
    """A source in one line: publisher, date, title, address."""
    where = f" {source.url}" if source.url else ""
    when = i18n.date_text(source.date, lang)
    return f"{i18n.word('source', lang)} [{source.id}]: {source.publisher}, {when}, " \
           f"“{source.title}”.{where}"
