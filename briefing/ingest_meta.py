"""Metadata an article states about itself: bylines, publication dates, datelines, copyright.

Each parser takes one line of text (already stripped) and returns what the line
states, or None. Nothing here guesses: a line that does not plainly say who wrote
or published the article, or when, gives None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from dateutil import parser as dateparser

# Words that mark an organisation named after a byline as a news outlet, so that
# "Jane Doe, Reuters" is a byline but "New York, New York" is not.
MEDIA_WORDS = (
    "News", "Times", "Post", "Press", "Journal", "Herald", "Tribune", "Daily", "Diplomat",
    "TODAY", "Today", "Reuters", "AP", "AFP", "Bloomberg", "Guardian", "Telegraph", "Magazine",
    "Radio", "TV", "Network", "Agency", "Gazette", "Chronicle", "Review", "Monitor", "Observer",
    "Economist", "Wire", "Media", "Politico", "POLITICO", "Breitbart", "HuffPost", "Enquirer",
    "Star", "Sun", "Mail", "Express", "Independent", "Register", "Standard", "Dispatch",
    "Bulletin", "Report", "Insider", "CNN", "BBC", "NPR", "NBC", "CBS", "ABC", "Fox", "Axios",
)

# Agencies named in a dateline's parentheses, "WASHINGTON (AP) —", by their usual names.
WIRE_SERVICES = {
    "AP": "Associated Press",
    "Reuters": "Reuters",
    "REUTERS": "Reuters",
    "AFP": "AFP",
    "UPI": "UPI",
    "Bloomberg": "Bloomberg",
    "dpa": "dpa",
    "CNN": "CNN",
}

# Capitalised words that open a headline or story as a dateline's place would, but are not places.
KICKERS = frozenset({
    "EXCLUSIVE", "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "WATCH", "LIVE", "VIDEO", "OPINION",
    "ANALYSIS", "EDITORIAL", "REVIEW", "FACT CHECK", "LOOK", "REPORT", "POLL", "DEVELOPING",
})

# Labels that introduce a date line; the first ones name the publication date itself.
PUBLISHED_LABELS = ("published", "first published", "posted", "posted on", "published on")
UPDATED_LABELS = ("updated", "last updated", "updated on", "last modified", "modified")

_CAP = r"[A-Z][\w'’.-]*"
_PARTICLE = r"(?:van|von|de|da|del|della|der|di|du|la|le|bin|al|ibn)"
_NAME = rf"{_CAP}(?:\s+(?:{_CAP}|{_PARTICLE}\s+{_CAP})){{1,3}}"  # "Jane Doe", "Ludwig van Beethoven"
# "A, B and C": a list of names ends with "and", so "Jane Doe, Staff Writer" is one name and a title.
_NAMES = rf"{_NAME}(?:(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+|\s*&\s*){_NAME})?"
_ORG = rf"(?:The\s+)?{_CAP}(?:\s+{_CAP}){{0,4}}"
_BYLINE_RE = re.compile(
    rf"^By:?\s+(?P<names>{_NAMES})(?:\s*(?:,|\||–|—|-|\bfor\b|\bof\b)\s*(?P<org>{_ORG}))?\s*\.?$"
)
_NAME_ORG_RE = re.compile(rf"^(?P<names>{_NAME})\s*(?:,|\||–|—)\s*(?P<org>{_ORG})\s*\.?$")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_RE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d)\b"
)
# What may surround a date on a line that is only a date: times, weekdays, zones.
_DATE_LINE_NOISE_RE = re.compile(
    r"\b(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|[AP]M|at|on|ET|EST|EDT|GMT|UTC|BST|CET|PT|PST|PDT"
    r"|T\d\d:\d\d(?::\d\d)?Z?"
    r"|Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\b",
    re.IGNORECASE,
)
_DATE_LABEL_RE = re.compile(
    r"^(?P<label>first published|published|posted|last updated|updated|last modified|modified)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)

_PLACE_WORD = r"[A-Z][A-Z.'’-]*"
_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?)"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?))?"
    r"\s*(?:\((?P<wire>[A-Za-z][A-Za-z .&]{0,24})\))?"
    r"\s*(?:—|–|--|-)\s+(?=\S)"
)

_COPYRIGHT_RE = re.compile(
    r"^(?:Copyright\s*)?(?:©|\([cC]\)|Copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    r"(?P<org>[A-Z][\w&'’ .-]{1,60}?)\s*[.,]?\s*(?:All rights reserved\.?)?$"
)


@dataclass(frozen=True)
class Byline:
    author: str
    publisher: Optional[str] = None


@dataclass(frozen=True)
class Dateline:
    """The opening ``PLACE (WIRE) —`` of a news story; ``end`` is where the story proper starts."""

    end: int
    place: str
    publisher: Optional[str] = None
    published: Optional[dt.date] = None


@dataclass(frozen=True)
class DateLine:
    published: dt.date
    updated: bool  # the line gives an update time, not the first publication


def _is_media(org: str) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", org) for w in MEDIA_WORDS)


def parse_byline(line: str) -> Optional[Byline]:
    """``By Jane Doe``, ``By Jane Doe and John Roe, Reuters`` or ``Jane Doe, Reuters``."""
    m = _BYLINE_RE.match(line)
    if m:
        org = m.group("org")
        # "By Jane Doe, Staff Writer" names a job, not a publisher.
        publisher = org.strip() if org and _is_media(org) else None
        return Byline(m.group("names").strip(), publisher)
    m = _NAME_ORG_RE.match(line)
    if m and _is_media(m.group("org")):
        return Byline(m.group("names").strip(), m.group("org").strip())
    return None


def parse_date(text: str) -> Optional[dt.date]:
    """The first full date (with a year) written in ``text``, or None."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    try:
        return dateparser.parse(m.group(0), dayfirst=False).date()
    except (ValueError, OverflowError):
        return None


def parse_date_line(line: str) -> Optional[DateLine]:
    """A line that only gives a date: ``Published March 18, 2021``, ``Updated: 2016-09-12``."""
    label_m = _DATE_LABEL_RE.match(line)
    rest = line[label_m.end():] if label_m else line
    m = _DATE_RE.search(rest)
    if not m:
        return None
    leftover = _DATE_LINE_NOISE_RE.sub(" ", rest[: m.start()] + " " + rest[m.end():])
    if re.search(r"[A-Za-z]", leftover):
        return None
    day = parse_date(m.group(0))
    if day is None:
        return None
    label = label_m.group("label").lower() if label_m else ""
    return DateLine(day, updated=label in UPDATED_LABELS)


def parse_dateline(line: str) -> Optional[Dateline]:
    """The ``WASHINGTON (AP) — `` opening of a story's first paragraph."""
    m = _DATELINE_RE.match(line)
    if not m:
        return None
    place = m.group("place")
    # A place is written in capitals; "THE", a kicker or a shouted sentence is not a place.
    if not re.search(r"[A-Z]{2}", place) or len(place.split()) > 4 or place in KICKERS:
        return None
    wire = m.group("wire")
    publisher = None
    if wire:
        publisher = WIRE_SERVICES.get(wire.strip(), wire.strip())
    published = parse_date(m.group("date")) if m.group("date") else None
    return Dateline(m.end(), place, publisher, published)


def parse_copyright(line: str) -> Optional[str]:
    """The holder named by ``© 2021 The Diplomat`` or ``Copyright 2021 Reuters. All rights reserved.``"""
    m = _COPYRIGHT_RE.match(line)
    if not m:
        return None
    return m.group("org").strip().rstrip(".")
