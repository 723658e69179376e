"""From the text of an article to a ``Draft``: the steps of ``cchc draft`` in order."""

from __future__ import annotations

import re
from collections import Counter

from cchc_cli.draft import words
from cchc_cli.draft.aside import set_aside
from cchc_cli.draft.classify import Reading, after_words, before_words, read
from cchc_cli.draft.model import Draft, DraftFigure, Part, Relation, SetAside, SourceDraft
from cchc_cli.draft.numbers import read_numbers
from cchc_cli.draft.place import (
    Period,
    Place,
    find_period,
    find_province,
    fold,
    period_end,
    place_of,
)
from cchc_cli.draft.relations import Group, group_sentence, readings_of
from cchc_cli.draft.sentences import Body, Sentence, split_sentences
from cchc_cli.record import Record

MERGER = "2025-07-01"
"""From this date Viet Nam has 34 provinces and cities, before it 63."""

_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")
_LEFT_STOP = re.compile(r"[,;:()“”\"]|\.\s|[.!?]$")


class Options(Record):
    """What the command line says about the article."""

    name: str
    """The article's file name."""
    province: str | None = None
    """The province as the user wrote it, resolved once the period is known."""
    period: Period | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None


class Located(Record):
    """A figure's numbers with the sentence they stand in."""

    group: Group
    sentence: Sentence


class NoProvince(ValueError):
    """The article names no province and none was given."""


class NoFacts(ValueError):
    """No number in the article states a fact."""


class NoPeriod(ValueError):
    """The article states no year and none was given."""


def draft_article(body: Body, options: Options) -> Draft:
    """The draft of an article whose body is ``body``."""
    sentences = split_sentences(body)
    if not _read_sentences(sentences, body, 2100)[0]:
        raise NoFacts("no number in the article states a fact")
    lines = body.text.split("\n")
    date = options.date or _date_of(lines[:6], options.name)
    period = options.period or find_period(body.text, date)
    if period is None:
        raise NoPeriod("the article states no year")
    on = period_end(period)
    province = (place_of(options.province, "option", on) if options.province
                else find_province(body.text, options.url, on))
    if province is None:
        raise NoProvince("the article names no province")
    located, aside = _read_sentences(sentences, body, period.year)
    field = _field_size(located, date or f"{period.year}-12-31")
    figures = _figures(located, field)
    source = _source(options, lines, date or str(period.year), province)
    when = "period" if period.period else "year"
    review = tuple(name for name, guessed in (("province", province.how != "option"),
                                              (when, period.how != "option"),
                                              ("as_of", (period.period or "").endswith("ytd")),
                                              ("sources", True), ("set_aside", bool(aside)))
                   if guessed)
    notes: list[str] = []
    if body.cut_at is not None:
        notes.append(f"the text from line {body.cut_at} (\"{body.cut_marker}\") on is page "
                     "furniture and was not read")
    return Draft(province, period, source, tuple(figures), tuple(aside), review, tuple(notes))


def _date_of(lines: list[str], name: str) -> str | None:
    for line in lines:
        match = _DATE.search(line)
        if match:
            day, month, year = (int(part) for part in match.groups())
            if 1 <= day <= 31 and 1 <= month <= 12:
                return f"{year:04d}-{month:02d}-{day:02d}"
    match = _ISO_DATE.search(name)
    return match.group(0) if match else None


def _read_sentences(sentences: list[Sentence], body: Body,
                    year: int) -> tuple[list[Located], list[SetAside]]:
    located: list[Located] = []
    aside: list[SetAside] = []
    for sentence in sentences:
        tokens = read_numbers(sentence.text)
        at_start = sentence.start == 0 or body.text[sentence.start - 1] == "\n"
        readings: list[Reading] = []
        spans: set[tuple[int, int]] = set()
        for token, found in zip(tokens, set_aside(sentence.text, tokens, at_start), strict=True):
            if found is None:
                readings.append(read(token, sentence.text))
            elif found.span not in spans:
                spans.add(found.span)
                start, end = found.span
                aside.append(SetAside(sentence.text[start:end], found.why, sentence.line,
                                      _window(sentence.text, start, end)))
        located += [Located(group, sentence)
                    for group in group_sentence(readings, sentence.text, year)]
    return located, aside


def _window(text: str, start: int, end: int) -> str:
    """A few words either side of a number, for the set-aside list."""
    left = [m.start() for m in re.finditer(r"\S+", text[:start])][-3:]
    right = [m.end() for m in re.finditer(r"\S+", text[end:])][:3]
    return " ".join(text[left[0] if left else start:end + (right[-1] if right else 0)].split())


def _field_size(located: list[Located], date: str) -> tuple[int, bool]:
    """The field ranks in this article are of, and whether the article states it."""
    stated: Counter[int] = Counter()
    for item in located:
        main = item.group.main
        if main.kind == "rank" and main.token.over is not None:
            stated[int(main.token.over)] += 1
        if item.group.field is not None:
            stated[int(item.group.field.value)] += 1
    if stated:
        return stated.most_common(1)[0][0], True
    return (34 if date >= MERGER else 63), False


def _figures(located: list[Located], field: tuple[int, bool]) -> list[DraftFigure]:
    figures: list[DraftFigure] = []
    used: set[str] = set()
    sentence_first: dict[int, str] = {}
    for item in located:
        key = item.sentence.start
        figure = _figure(item, field, figures, used=used,
                         previous_first=_previous(sentence_first, key))
        figures.append(figure)
        if key not in sentence_first and figure.kind == "count":
            sentence_first[key] = figure.id
    return figures


def _previous(sentence_first: dict[int, str], current: int) -> str | None:
    earlier = [start for start in sentence_first if start < current]
    return sentence_first[max(earlier)] if earlier else None


def _figure(item: Located, field: tuple[int, bool], done: list[DraftFigure], *,
            used: set[str], previous_first: str | None) -> DraftFigure:
    group, sentence = item.group, item.sentence
    main = group.main
    label = _label(main, sentence.text)
    figure_id = _unique(_suggest_id(label, main), used)
    review = ["id", "label", "area"]
    if not main.sure:
        review.append("kind")
    if main.unit is not None:
        review.append("unit")
    if main.qualifier != "exact":
        review.append("qualifier")
    notes: list[str] = []
    values: dict[str, object] = {}
    if main.kind == "rank":
        values["of"], of_stated = _rank_field(group, field)
        if not of_stated:
            review.append("of")
            notes.append(f"the field of {values['of']} is not stated beside the rank")
    if main.kind == "score" and main.token.over is not None:
        values["max"] = main.token.over
    if main.token.scale and main.kind != "money":
        review.append("value")
        notes.append(f"printed as '{main.token.printed} {main.token.scale}'")
    if main.kind == "percent" and main.role != "change":
        basis = "plan" if main.role == "attainment" or main.value > 100 else \
            ("whole" if main.whole else None)
        if basis:
            values["basis"] = basis
            review.append("basis")
    _relations(group, sentence, done, previous_first,
               found=(values, review, notes))
    _standalone_notes(main, notes)
    excerpt = _excerpt(sentence.text, readings_of(group))
    area = _area(excerpt.lower(), sentence.text.lower())
    return DraftFigure(figure_id, area, label, main.kind, main.value, main.unit,
                       main.qualifier, excerpt, sentence.line, tuple(review),
                       notes=tuple(notes), **values)  # type: ignore[arg-type]


def _rank_field(group: Group, field: tuple[int, bool]) -> tuple[int, bool]:
    main = group.main
    if main.token.over is not None:
        return int(main.token.over), True
    if group.field is not None:
        return int(group.field.value), True
    size = max(field[0], int(main.value))
    return size, False


def _relations(group: Group, sentence: Sentence, done: list[DraftFigure],
               previous_first: str | None, *,
               found: tuple[dict[str, object], list[str], list[str]]) -> None:
    """Add the figure's relations to ``found``: its fields, review marks and notes."""
    values, review, notes = found
    main = group.main
    whole_id = _whole_id(main, sentence, done, previous_first)
    if len(group.shares) == 1:
        values["share"] = Relation(percent=group.shares[0].value, whole_id=whole_id)
        review.append("share")
    elif group.shares:
        parts: list[Part] = []
        for position, reading in enumerate(group.shares, 1):
            label = _part_label(sentence.text, reading, group) or f"phần {position}"
            parts.append(Part(_unique(_snake(label) or f"part_{position}",
                                      {p.id for p in parts}), label, reading.value))
        values["parts"] = tuple(parts)
        review.append("breakdown")
    elif main.token.over is not None and main.kind == "count":
        notes.append(f"stated as {main.token.printed}: {main.value} of "
                     f"{main.token.over}" + (f" ({whole_id})" if whole_id else ""))
    if group.attainment is not None:
        values["attainment"] = Relation(percent=group.attainment.value,
                                        label=group.attainment.plan)
        review.append("attainment")
    if group.change is not None:
        change = group.change
        unit = "places" if main.kind == "rank" else \
            ("points" if main.kind in ("percent", "score") else "count")
        values["change"] = Relation(direction=change.direction, amount=change.value, unit=unit,
                                    since=change.since)
        review.append("change")


def _whole_id(main: Reading, sentence: Sentence, done: list[DraftFigure],
              previous_first: str | None) -> str | None:
    """The figure a share is of: ``367/814`` names it; "Trong đó" points back to it."""
    if main.token.over is not None and main.kind == "count":
        for figure in reversed(done):
            if figure.kind == "count" and figure.value == main.token.over:
                return figure.id
        return None
    if sentence.text.lower().startswith("trong đó"):
        return previous_first
    return None


def _part_label(text: str, reading: Reading, group: Group) -> str:
    """The words before a part's percent: "giải quyết trước hạn 78,8%"."""
    start = reading.token.start
    earlier = [r.token.end for r in readings_of(group) if r.token.end <= start]
    head = text[max(earlier, default=0):start]
    phrase = before_words(head, len(head))
    return " ".join(w for w in phrase.split() if w not in ("đạt", "chiếm", "là", "bằng"))


def _standalone_notes(main: Reading, notes: list[str]) -> None:
    if main.role == "change":
        against = f"năm {main.since}" if main.since else (main.compared or "not stated")
        notes.append(f"a change ({main.direction}) against {against}, stated without the "
                     "figure it changes")
    elif main.role == "group":
        notes.append("the size of a top group, not a count of results")
    elif main.role == "attainment":
        notes.append(f"a share of a plan: {main.plan}")


def _label(main: Reading, text: str) -> str:
    token = main.token
    after = after_words(text, token.end)
    if main.unit is not None or main.kind in ("count", "money", "duration") or \
            (main.kind == "percent" and main.role == "value"):
        phrase = re.split(r"\s(?:và|hoặc|với)\s|\s\d", after)[0].split()[:7]
        if main.unit is not None and not after.startswith(main.unit[0]):
            phrase = [main.unit[0], *phrase]
        if phrase:
            return " ".join(phrase)
    before = before_words(text, token.start).split()
    while before and before[-1] in words.STOP | {"điểm", "thứ", "vị", "trí", "tỷ", "lệ"}:
        before.pop()
    phrase = before[-10:]
    if main.kind == "rank":
        phrase = [*phrase, *after.split()[:4]] if phrase else ["vị trí", *after.split()[:4]]
    return " ".join(phrase) or {"percent": "tỷ lệ", "score": "điểm", "rank": "xếp hạng"}.get(
        main.kind, "số liệu")


def _snake(text: str) -> str:
    return "_".join(re.findall(r"[a-z0-9]+", fold(text).lower())[:6])


def _suggest_id(label: str, main: Reading) -> str:
    suffix = {"percent": "rate", "rank": "rank", "score": "score"}.get(main.kind, "")
    base = _snake(label) or main.kind
    if base[0].isdigit():
        base = f"{main.kind}_{base}"
    return f"{base}_{suffix}" if suffix and not base.endswith(suffix) else base


def _unique(base: str, used: set[str]) -> str:
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}_{number}", number + 1
    used.add(candidate)
    return candidate


def _excerpt(text: str, readings: list[Reading]) -> str:
    """The shortest phrase around a figure's numbers: a few words of subject and unit."""
    start = min(r.token.start for r in readings)
    end = max(r.token.end for r in readings)
    left = start
    first = min(readings, key=lambda r: r.token.start)
    for _ in range(4 if first.unit is not None else 6):
        head = text[:left].rstrip()
        if not head or _LEFT_STOP.search(head[-1:]) or head[-1].isdigit() or head[-1] == "%":
            break
        word = re.search(r"\S+$", head)
        assert word is not None
        if re.search(r"[,;:()“”\"]", word.group(0)):
            break
        left = word.start()
    right = end
    for _ in range(5):
        match = re.match(r"\s+([^\s,;:()“”\"]+)", text[right:])
        year = match is not None and re.fullmatch(r"(?:19|20)\d{2}\.?", match.group(1))
        if match is None or (match.group(1)[0].isdigit() and not year):
            break
        right += match.end()
        if match.group(1)[-1] in ".!?…":
            right -= 1
            break
    return " ".join(text[left:right].split())


def _area(excerpt: str, sentence: str) -> str:
    for text in (excerpt, sentence):
        for area, keys in words.AREAS:
            if any(key in text for key in keys):
                return area
    return "procedures"


def _source(options: Options, lines: list[str], date: str, province: Place) -> SourceDraft:
    url = options.url
    host = re.match(r"https?://(?:www\.)?([^/]+)", url or "")
    publisher = host.group(1) if host else "(not stated)"
    title = options.title or next((line.strip() for line in lines if line.strip()), "")
    stem = re.sub(r"[^a-z0-9]+", "-", (host.group(1).split(".")[0] if host else province.id)
                  .lower()).strip("-")
    return SourceDraft(f"{stem}-{date}", publisher, title or "(untitled)", date, options.name,
                       url)

