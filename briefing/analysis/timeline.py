"""Dated events: which sentence of the article happened when.

A date mention is a spaCy DATE entity, or a date expression the entity
recognizer missed and a regular expression finds ("March 17", "last year",
"on Thursday"). Relative and partial dates are resolved against a reference
date: the publication date when known, else the latest full date written in
the article, else the latest year it mentions. Durations ("two-day", "four
years"), ages, times of day and vague spans ("recent weeks", "the future")
match no pattern and are skipped. Each event is the sentence (or the
semicolon-separated clause) holding the mention, verbatim, with its offsets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as _weekday
from dateutil.relativedelta import MO, TU, WE, TH, FR, SA, SU

from ..model import Span, TimelineEvent
from . import lexicon as lx
from .reading import doc_text

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH,
    "friday": FR, "saturday": SA, "sunday": SU,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
# Words that put a bare year or month in a date role ("since 2006", "in June"); without one,
# a four-digit number or "May" is trusted only when spaCy tagged it DATE.
DATE_PREPOSITIONS = (
    "in", "on", "since", "by", "until", "till", "from", "during", "of", "before", "after",
    "early", "late", "mid", "mid-", "last", "next", "this", "through", "throughout",
)
# Words next to the verb governing a date that put it in the future ("will meet on Friday").
FUTURE_MARKERS = ("will", "'ll", "’ll", "shall", "would", "going", "scheduled", "expected", "plans", "plan")
# Words just before a date that put it in the future ("ahead of Tuesday's vote") or the past.
FUTURE_LEADS = ("ahead of", "upcoming", "coming", "next")
PAST_LEADS = ("since",)
# A month (and day) without a year is put in the year nearest the reference, or, when the
# governing verb has a tense, on that side of the reference give or take this many months
# (articles often speak of the day after they are dated).
SLACK_MONTHS = 1
EARLIEST_YEAR, LATEST_YEAR = 1800, 2199
LOOKAHEAD = 40  # characters after a mention the patterns may look at ("Sept. 11 terrorist attacks")

_MONTH = r"(?P<month>(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|2[01]\d\d)"
_NUM = r"(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
_PREP = r"(?:" + "|".join(re.escape(p) for p in DATE_PREPOSITIONS) + r")\s+"
_WEEKDAY = r"(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"

# (kind, pattern, strict): tried in order, most specific first, case-insensitive except
# for month and weekday names. Strict patterns are also searched in running text to
# catch what the entity recognizer missed; loose ones only inside DATE entities.
PATTERNS: list[tuple[str, str, bool]] = [
    ("ymd", r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", True),
    ("mdy", r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4})\b", True),
    ("mdy", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", True),
    ("mdy", rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", True),
    ("md", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)(?!-)(?!\s+(?:terror\w*\s+)?attacks?)", True),
    ("md", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?![ \t]*,?[ \t]*\d)", True),
    ("my", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", True),
    ("mrel", rf"\b{_MONTH}\s+of\s+(?P<which>last|next|this)\s+year\b", True),
    ("ago", rf"\b{_NUM}\s+(?P<unit>year|month|week|day)s?\s+ago\b", True),
    ("rel", r"\b(?P<which>last|next|this)\s+(?P<unit>year|month|week)\b", True),
    ("day", r"(?<!\ba )(?<!\bthe )\b(?P<word>yesterday|today|tonight|tomorrow)\b", True),
    ("wd", rf"\b(?:(?P<which>last|next|this|on)\s+)?{_WEEKDAY}\b", True),
    ("m", rf"\b(?P<which>{'|'.join(map(re.escape, DATE_PREPOSITIONS))})\s*{_MONTH}(?![-\w])(?!\s*\d)(?!\s+[A-Z])", True),
    ("m", rf"\b{_MONTH}(?![-\w])(?!\s*\d)", False),
    ("y", rf"\b{_PREP}(?:the\s+(?:year\s+)?)?{_YEAR}\b(?!\s*(?:%|percent|votes?|people))", True),
    ("y", rf"\b{_YEAR}\b(?!s)", False),
]
_COMPILED = [(kind, re.compile(p, re.IGNORECASE), strict) for kind, p, strict in PATTERNS]


@dataclass(frozen=True, order=True)
class When:
    """A date known to the year, the month or the day."""

    year: int
    month: Optional[int] = None
    day: Optional[int] = None

    @classmethod
    def of(cls, d: dt.date, precision: str = "day") -> "When":
        if precision == "year":
            return cls(d.year)
        if precision == "month":
            return cls(d.year, d.month)
        return cls(d.year, d.month, d.day)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def date(self) -> dt.date:
        """The first day this covers (for arithmetic)."""
        return dt.date(self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class _Mention:
    """A date expression found in the text, parsed but not yet resolved."""

    kind: str
    start: int
    end: int
    groups: dict


def _parse(text: str, start: int, end: int, *, strict: bool) -> Iterator[tuple[str, re.Match]]:
    """Every (kind, match) within ``text[start:end]``, best pattern first.

    The patterns see the text around the range, so "Sept. 11 attacks" is not a date
    even when the entity stops at "11".
    """
    for kind, rx, is_strict in _COMPILED:
        if strict and not is_strict:
            continue
        for m in rx.finditer(text, start, min(len(text), end + LOOKAHEAD)):
            if m.start() >= end:
                break
            if m.end() <= end:
                yield kind, m


def _mentions_in(text: str, start: int = 0, end: int | None = None, *, strict: bool) -> list[_Mention]:
    """Non-overlapping date mentions in ``text[start:end]``, preferring the more specific pattern."""
    found: list[_Mention] = []
    for kind, m in _parse(text, start, len(text) if end is None else end, strict=strict):
        if any(m.start() < f.end and f.start < m.end() for f in found):
            continue
        found.append(_Mention(kind, m.start(), m.end(), {k: v for k, v in m.groupdict().items() if v}))
    return found


def _month(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def _count(value: str) -> int:
    return int(value) if value.isdigit() else NUMBER_WORDS[value.lower()]


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, reference: When, tense: Optional[str]) -> int:
    """The year of a month/day given without one: by the tense, else the nearest to the reference."""
    if reference.month is None:
        return reference.year
    ref = reference.date()
    slack = relativedelta(months=SLACK_MONTHS)
    this_year = dt.date(reference.year, month, min(day, 28))
    if tense == "past":
        return reference.year - 1 if this_year > ref + slack else reference.year
    if tense == "future":
        return reference.year + 1 if this_year < ref - slack else reference.year
    if this_year > ref + relativedelta(months=6):
        return reference.year - 1
    if this_year < ref - relativedelta(months=6):
        return reference.year + 1
    return reference.year


def _resolve(m: _Mention, reference: Optional[When], tense: Optional[str] = None) -> Optional[When]:
    """The date a parsed mention stands for, or None when it cannot be pinned down.

    ``tense`` ("past", "future" or None) is that of the verb governing the mention.
    """
    g = m.groups
    if m.kind in ("ymd", "mdy"):
        d = _safe_date(int(g["year"]), _month(g["month"]), int(g["day"]))
        return When.of(d) if d else None
    if m.kind == "my":
        return When(int(g["year"]), _month(g["month"]))
    if m.kind == "y":
        return When(int(g["year"]))
    if reference is None:
        return None
    if m.kind == "md":
        month, day = _month(g["month"]), int(g["day"])
        year = _year_for(month, day, reference, tense)
        d = _safe_date(year, month, day)
        return When.of(d) if d else None
    if m.kind == "m":
        month = _month(g["month"])
        which = g.get("which", "").lower()
        year = reference.year
        if reference.month is not None:
            if which == "last":
                year = reference.year - (1 if month >= reference.month else 0)
            elif which == "next":
                year = reference.year + (1 if month <= reference.month else 0)
            elif which != "this":
                year = _year_for(month, 1, When(reference.year, reference.month, 1), tense)
        return When(year, month)
    if m.kind == "mrel":
        step = {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        return When(reference.year + step, _month(g["month"]))
    if m.kind == "ago":
        n, unit = _count(g["n"]), g["unit"].lower()
        if unit == "year":
            return When(reference.year - n)
        if reference.month is None:
            return None
        if unit == "month":
            return When.of(reference.date() - relativedelta(months=n), "month")
        if reference.day is None:
            return None
        if unit == "week":
            return When.of(reference.date() - relativedelta(weeks=n), "month")
        return When.of(reference.date() - relativedelta(days=n))
    if m.kind == "rel":
        step = {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        unit = g["unit"].lower()
        if unit == "year":
            return When(reference.year + step)
        if reference.month is None or (unit == "week" and reference.day is None):
            return None
        delta = relativedelta(months=step) if unit == "month" else relativedelta(weeks=step)
        return When.of(reference.date() + delta, "month")
    if reference.day is None:
        return None
    ref = reference.date()
    if m.kind == "day":
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        return When.of(ref + relativedelta(days=shift))
    if m.kind == "wd":
        wd: _weekday = WEEKDAYS[g["weekday"].lower()]
        which = g.get("which", "").lower()
        if which == "next":
            return When.of(ref + relativedelta(days=1, weekday=wd(+1)))
        if tense == "future" and which != "last":
            return When.of(ref + relativedelta(weekday=wd(+1)))
        if which == "last":
            return When.of(ref + relativedelta(days=-1, weekday=wd(-1)))
        # "on Thursday" in a news report: the latest Thursday up to the reference day.
        return When.of(ref + relativedelta(weekday=wd(-1)))
    return None


def resolve_date(expression: str, reference: Optional[When] = None, *, tense: Optional[str] = None) -> Optional[When]:
    """The date an expression such as "March 17", "last year" or "on Thursday" stands for.

    ``reference`` is the date the article speaks from; ``tense`` ("past", "future" or None)
    is that of the sentence: "on Friday" is the last Friday in the past, the next in the future. Returns None for durations, ages, vague
    spans and anything that needs a more precise reference than given.
    """
    for m in _mentions_in(expression, strict=False):
        when = _resolve(m, reference, tense)
        if when is not None:
            return when
    return None


def reference_date(doc, published: Optional[dt.date] = None, *, text: Optional[str] = None) -> Optional[When]:
    """The date the article speaks from: ``published``, else its latest full date, else its latest year.

    ``text`` is the source text with its page debris, when the caller has it: a dateline or
    photo caption often carries the only full date, and it is blanked out of ``doc``.
    """
    return _reference(doc, _find_mentions(doc), published, text)


def _reference(doc, mentions: list[_Mention], published, text) -> Optional[When]:
    if published is not None:
        return When.of(published)
    if text is not None and text != doc_text(doc):
        mentions = mentions + _mentions_in(text, strict=True)
    explicit = [_resolve(m, None) for m in mentions if m.kind in ("ymd", "mdy", "my", "y")]
    explicit = [w for w in explicit if w is not None and EARLIEST_YEAR <= w.year <= LATEST_YEAR]
    full = [w for w in explicit if w.day is not None]
    if full:
        return max(full)
    if explicit:
        return When(max(w.year for w in explicit))
    return None


def _find_mentions(doc) -> list[_Mention]:
    """Date mentions in DATE entities, then the strict patterns anywhere else in the text.

    The summary and the timeline both ask; the doc keeps the answer.
    """
    if _MENTIONS_KEY not in doc.user_data:
        doc.user_data[_MENTIONS_KEY] = _search_mentions(doc)
    return doc.user_data[_MENTIONS_KEY]


_MENTIONS_KEY = "briefing.date_mentions"


def _search_mentions(doc) -> list[_Mention]:
    text = doc_text(doc)
    found: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ == "DATE":
            found.extend(_mentions_in(text, ent.start_char, ent.end_char, strict=False))
    for m in _mentions_in(text, strict=True):
        if not any(m.start < f.end and f.start < m.end for f in found):
            found.append(m)
    return sorted(found, key=lambda m: m.start)


def date_mentions(doc) -> list[Span]:
    """Where the article mentions a date it could place in time, resolved or not."""
    return [Span(start=m.start, end=m.end) for m in _find_mentions(doc)]


def _tense(doc, body: str, start: int, end: int) -> Optional[str]:
    """"past" or "future" for the verb a date modifies; None when it modifies a noun or is unclear."""
    lead = body[max(0, start - 12):start].lower()
    if any(lead.rstrip().endswith(w) for w in FUTURE_LEADS):
        return "future"
    if any(lead.rstrip().endswith(w) for w in PAST_LEADS):
        return "past"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:  # the root: spaCy makes a new object per access, so not "is"
            return None
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and not (span.start <= token.i < span.end):
            return None  # "the vote on Tuesday": the noun's event has no tense of its own
    helpers = [token] + [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(w.lower_ in FUTURE_MARKERS for w in helpers):
        return "future"
    if any(w.tag_ == "VBD" for w in helpers) or any(w.lemma_ == "have" for w in helpers[1:]):
        return "past"
    return None


def _event_span(doc, text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """The trimmed sentence, or semicolon clause or paragraph line of it, around a mention."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    lo, hi = sent.start_char, sent.end_char
    for sep in (";", "\n"):
        before = text.rfind(sep, lo, start)
        if before != -1:
            lo = before + 1
        after = text.find(sep, end, hi)
        if after != -1:
            hi = after + (1 if sep == ";" else 0)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if hi > lo and text[hi - 1] == ";":
        hi -= 1
    return (lo, hi) if hi > lo else None


# Words that join a clause to the rest of its sentence: "although the 2012 program ...", "... in 1972 and".
CLAUSE_JOINING_DEPS = frozenset({"mark", "cc", "punct"})
CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom", "whose"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MIN_CLAUSE_WORDS = 4


def _own_clause(doc, mention: _Mention, others: list[_Mention], bounds: tuple[int, int]) -> tuple[int, int]:
    """The clause of an event's sentence that goes with ``mention`` when ``others`` date the same sentence.

    "That might be difficult — although the 2012 program is operating, the 2014
    actions are blocked": 2012 gets "the 2012 program is operating", not the
    whole sentence again. Only a clause with a subject of its own, holding no
    other date, is taken; otherwise (or without a parse) the sentence stays,
    since a clause cut from its subject or its verb reads worse than the sentence.
    """
    if not doc.has_annotation("DEP"):
        return bounds
    own = _clause_alone(doc, mention, others)
    if own is None:
        return bounds
    lo, hi = max(bounds[0], own[0]), min(bounds[1], own[1])
    words = [t for t in doc.char_span(lo, hi, alignment_mode="expand") or () if not t.is_space]
    # "although", "and", "when" join the clause to its sentence; the event starts after them
    while words and (words[0].dep_ in CLAUSE_JOINING_DEPS or words[0].tag_ == "WRB") and words[0].idx < mention.start:
        words.pop(0)
    while words and words[-1].dep_ in CLAUSE_JOINING_DEPS and words[-1].text not in ".!?":
        words.pop()
    if sum(not t.is_punct for t in words) < MIN_CLAUSE_WORDS:
        return bounds
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _dated_thing(doc, mention: _Mention, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The noun phrase a year dates inside someone's report, or None.

    "Sanders said ... anyone eligible under the 2013 immigration reform bill that
    passed the Senate": what happened in 2013 is the bill, not Sanders's saying;
    "the 2013 immigration reform bill that passed the Senate but never got a vote
    in the House" is the event. Only a year before its noun ("the 2013 bill",
    "her 2008 campaign") in a sentence whose main verb reports speech counts.
    """
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    year, noun = span[0], span[0].head
    if year.dep_ not in ("nummod", "compound", "amod") or noun.pos_ not in ("NOUN", "PROPN") or noun.i < year.i:
        return None
    root = year.sent.root
    if root.lemma_.lower() not in lx.REPORTING_VERBS or noun.i == root.i:
        return None
    if noun.head.i == root.i and noun.dep_ in ("nsubj", "nsubjpass"):
        return None  # "A 2014 study found ...": what the study found is the event
    if noun.dep_ == "pobj" and noun.head.head.i == root.i:
        return None  # "During a May interview, Trump said ...", "In her 2003 book, Clinton noted ...": when it was said
    first, last = noun.left_edge, noun.right_edge
    while last.i > noun.i and (last.is_punct or last.dep_ == "cc"):
        last = doc[last.i - 1]
    lo, hi = max(bounds[0], first.idx), min(bounds[1], last.idx + len(last.text))
    words = [t for t in doc.char_span(lo, hi, alignment_mode="expand") or () if not t.is_punct]
    return (lo, hi) if len(words) >= MIN_CLAUSE_WORDS else None


def _finite(verb) -> bool:
    """True for "is operating", "hit", "would lift"; not for "to drop" or "being freed"."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children)


def _clause_alone(doc, mention: _Mention, others: list[_Mention]) -> tuple[int, int] | None:
    """The extent of the largest clause with a subject that holds ``mention`` and none of ``others``, if any."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    found = None
    for token in (span.root, *span.root.ancestors):
        start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
        if any(start < o.end and o.start < end for o in others):
            break
        # a subject of its own, and no relative clause, whose referent is outside it
        if token.pos_ in CLAUSE_HEAD_POS and token.dep_ not in ("relcl", "acl") and _finite(token) and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_WORDS for c in token.children):
            found = (start, end)
    return found


def build_timeline(
    doc, *, published: Optional[dt.date] = None, text: Optional[str] = None
) -> list[TimelineEvent]:
    """Dated events of the article, sorted by date then position, one per sentence and date.

    ``text`` is the source text ``doc`` was parsed from (``source.text``, debris and all):
    its datelines and captions help find the reference date when ``published`` is not
    known (see :func:`reference_date`), and event texts are cut from it, so they stay
    verbatim where the analysis text evened out no-break spaces. It defaults to ``doc.text``.
    """
    body = doc_text(doc)
    if text is not None and len(text) != len(body):
        raise ValueError("text is not the source text the doc was parsed from: their lengths differ")
    source = body if text is None else text
    mentions = _find_mentions(doc)
    reference = _reference(doc, mentions, published, text)
    dated = []
    for m in mentions:
        when = _resolve(m, reference, _tense(doc, body, m.start, m.end))
        if when is None or not EARLIEST_YEAR <= when.year <= LATEST_YEAR:
            continue
        bounds = _event_span(doc, body, m.start, m.end)
        if bounds is not None:
            dated.append((m, when, bounds))
    by_sentence: dict[tuple[int, int], list] = {}
    for m, when, bounds in dated:
        by_sentence.setdefault(bounds, []).append((m, when))
    events: dict[tuple[str, int, int], TimelineEvent] = {}
    for m, when, bounds in dated:
        others = [o for o, w in by_sentence[bounds] if w != when]
        thing = _dated_thing(doc, m, bounds)
        if thing is not None:
            bounds = thing
        elif others:
            bounds = _own_clause(doc, m, others, bounds)
        key = (when.iso(), *bounds)
        if key not in events:
            events[key] = TimelineEvent(
                date=when.iso(),
                text=source[bounds[0]:bounds[1]],
                start=bounds[0],
                end=bounds[1],
                date_mention=Span(start=m.start, end=m.end),
            )
    return [events[k] for k in sorted(events, key=lambda k: (k[0], k[1]))]
