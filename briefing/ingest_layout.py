"""Page debris in text pasted from the web, the headline, and what the page states about itself.

Text copied from a news site carries page furniture around the story: section
labels, the headline (often more than once), a standfirst, photo captions and
credits, bylines, share buttons. :func:`read_layout` finds it line by line and
returns it as :class:`~briefing.model.Debris` spans so the analysis can skip it.

Attributions inside a span marked as debris are lost to the analysis, so the rules
are conservative: below the headline a line is only debris when a strong pattern
says so, and the first line of the story proper is never debris.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from .ingest_meta import parse_byline, parse_copyright, parse_date_line, parse_dateline
from .model import Debris

# Lines that are only ever page labels, compared lower-cased without end punctuation.
SECTION_LABELS = frozenset({
    "advertisement", "recent features", "share this article", "share this", "share", "read more",
    "read next", "related", "related articles", "related stories", "related coverage",
    "more on this story", "most popular", "most read", "trending", "top stories", "latest",
    "latest news", "recommended", "continue reading", "story continues below",
    "story continues below advertisement", "skip to main content", "sign up", "subscribe",
    "newsletter", "comments", "print", "email", "facebook", "twitter", "linkedin", "whatsapp",
    "abstract", "full text", "before you go", "you may also like", "listen to this article",
    "watch", "video", "opinion", "analysis", "features", "news", "world", "politics",
})

# Whole lines of boilerplate: social links, copyright, separators, newsletter pitches.
BOILERPLATE_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^follow\s+[\w .'’-]{1,60}\s+on\s+(?:twitter|facebook|instagram|x)\b.{0,40}$",
    r"^(?:twitter|x|instagram|facebook)\s*:\s*@\w+\.?$",
    r"^(?:©|\(c\)\s|copyright\b).{0,120}$",
    r"^all rights reserved\.?$",
    r"^[-_*=~•·.\s]{3,}$",
    r"^(?:sign up|subscribe)\b.{0,100}(?:newsletter|inbox|email)\b.{0,40}$",
    r"^click here\b.{0,80}$",
    r"^(?:this (?:article|story) (?:was|is) (?:originally )?(?:published|produced)\b).{0,150}$",
    r"^related\s*:.{0,120}$",
    r"^\"related:?\"$",
))

# Photo credits: a whole line naming the photographer or agency.
CREDIT_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"^(?:photo(?:graph)?s?|image|picture|credit|photo credit|image credit|illustration|video)\s*:\s*\S.{0,120}$",
    r"^\(?(?:AP|AFP|Reuters|EPA|UPI)\s+Photos?\b.{0,80}\)?\.?$",
    r"^.{0,80}\bphoto(?:graph)? (?:by|courtesy of)\b.{0,60}$",
    r"^.{0,60}(?:\bvia\s|/)\s*(?:Getty|AP|AFP|Reuters|EPA|Shutterstock|Bloomberg|Alamy)\b.{0,30}$",
    r"^(?:Getty(?: Images)?|Associated Press|AP|Reuters|AFP|Shutterstock|Alamy|iStock)\.?$",
    r"^.{0,60}\b(?:Getty Images|Shutterstock|Alamy Stock Photo)\.?\)?$",
))
# A credit written at the end of a caption: "... on March 17. (AP Photo/Evan Vucci)".
_TRAILING_CREDIT_RE = re.compile(
    r"\s*\((?:[^()]{0,60}(?:AP Photo|Getty Images|/AFP|/Reuters|REUTERS/|Reuters/|/EPA|Photo(?:graph)? by|Shutterstock)[^()]{0,60})\)\.?$"
)
# Words a caption uses to describe a photo; a body paragraph rarely does.
_CAPTION_CUE_RE = re.compile(
    r"\b(?:pictured|poses|posing|gestures|waves|looks on|listens|speaks|arrives|attends|reacts|meets with"
    r"|shakes hands|in this (?:file )?(?:photo|image)|from left|\((?:L|R|C|left|right|center)\)|left,|right,)\b"
)

MAX_HEADLINE_WORDS = 25  # in title case; PolNeAR's longest headline has 22 words
MAX_SENTENCE_HEADLINE_WORDS = 15  # in sentence case: 837 of 840 PolNeAR train headlines
MAX_HEADLINE_CHARS = 250
MAX_TWO_SENTENCE_HEADLINE_WORDS = 15  # "Game over. Will Sanders come down off the pique?"
TITLE_CASE_SHARE = 0.8  # "Game over. Will Sanders come down off the pique?"
MAX_LABEL_WORDS = 6  # a short line above the headline is a section label
MAX_STANDFIRST_WORDS = 50
MAX_CAPTION_WORDS = 60
HEADER_WINDOW = 15  # how many lines from the top may hold a repeated headline
TITLE_FALLBACK_CHARS = 100

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Adm", "Prof",
    "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "vs", "No", "Jan", "Feb", "Mar", "Apr",
    "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Pres", "Gov", "Ft", "Mt", "U.S", "U.N", "U.K",
})
_QUOTE_CHARS = "\"“”«»„"
_SENTENCE_END_RE = re.compile(r"([\w.]+)[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Line:
    """One non-blank line: its text without surrounding whitespace, and where that text lies."""

    start: int
    end: int
    text: str
    blank_before: bool  # a blank line (or the start of the text) comes before it

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Layout:
    """What :func:`read_layout` found."""

    title: Optional[str] = None
    debris: list[Debris] = field(default_factory=list)
    author: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[dt.date] = None


def split_lines(text: str) -> list[Line]:
    lines = []
    blank = True
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        gap = text[lines[-1].end:m.start()] if lines else ""
        lines.append(Line(start, start + len(stripped), stripped, blank or gap.count("\n") > 1))
        blank = False
    return lines


def sentence_count(text: str) -> int:
    """Sentences in ``text``, not counting full stops after known abbreviations or initials."""
    n = 1
    for m in _SENTENCE_END_RE.finditer(text):
        word = m.group(1).rstrip(".")
        if word in ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", m.group(1)):
            continue
        n += 1
    return n


def _label_key(text: str) -> str:
    return text.lower().strip(" .:|»›>•·-–—").strip()


def is_section_label(text: str) -> bool:
    """A known page label, or a ``The Koreas | Diplomacy | East Asia`` trail."""
    if _label_key(text) in SECTION_LABELS:
        return True
    parts = [p.strip() for p in re.split(r"\s+[|»›>/]\s+", text)]
    return len(parts) > 1 and all(p and len(p.split()) <= 4 and not p.endswith((".", "?", "!")) for p in parts)


def is_boilerplate(text: str) -> bool:
    return any(p.match(text) for p in BOILERPLATE_PATTERNS)


def is_credit(text: str) -> bool:
    return len(text.split()) <= 15 and any(p.match(text) for p in CREDIT_PATTERNS)


def _is_headline_like(line: Line) -> bool:
    t = line.text
    # A story's first paragraph can be short too: a line in sentence case must be
    # shorter than nearly every first paragraph to pass for a headline.
    max_words = MAX_HEADLINE_WORDS if _is_title_case(t) else MAX_SENTENCE_HEADLINE_WORDS
    return (
        line.words <= max_words
        and len(t) <= MAX_HEADLINE_CHARS
        and parse_dateline(t) is None
        and not t.endswith((":", ","))
        and (sentence_count(t) == 1 or sentence_count(t) == 2 and (
            line.words <= MAX_TWO_SENTENCE_HEADLINE_WORDS or _is_title_case(t)))
        and not _furniture_kind(t)
    )


def _is_title_case(text: str) -> bool:
    """Most words capitalised, as in "Not Yet, At Least": headline style, not a sentence."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _is_label_like(line: Line) -> bool:
    """A short line without sentence punctuation, as section names above a headline are."""
    return line.words <= MAX_LABEL_WORDS and not re.search(r"[.!?:;,\"“”]$", line.text)


def _furniture_kind(text: str) -> Optional[str]:
    """The debris kind of a line that is furniture wherever it stands, else None."""
    if is_section_label(text):
        return "section"
    if is_credit(text):
        return "credit"
    if is_boilerplate(text):
        return "boilerplate"
    if parse_byline(text):
        return "byline"
    if parse_date_line(text):
        return "dateline"
    return None


def _find_headline(lines: list[Line]) -> Optional[int]:
    """Index of the headline: a line repeated near the top, else a short first line."""
    top = lines[:HEADER_WINDOW]
    for i, line in enumerate(top):
        if _is_headline_like(line) and not _is_label_like_only(line) and any(
            other.text == line.text for other in top[i + 1:]
        ):
            return i
        # Only labels may stand above a headline; past a sentence the story has begun.
        if not (_is_label_like(line) or _furniture_kind(line.text)):
            break
    for i, line in enumerate(top):
        if _furniture_kind(line.text):
            continue
        if _is_headline_like(line) and i + 1 < len(lines):
            return i
        return None
    return None


def _is_label_like_only(line: Line) -> bool:
    # A repeated one- or two-word line ("Politics") is a label, not a headline.
    return line.words <= 2


_TITLE_STOP_RE = re.compile(r"(?<!\.)\.(?=[\"”’')]*$)")


def _clean_title(text: str) -> str:
    title = text.strip().rstrip(";").strip()
    # PolNeAR and some feeds end headlines with a full stop, even inside a closing quote;
    # keep it after "U.S." and the like.
    m = _TITLE_STOP_RE.search(title)
    if m and not re.search(r"(?:\b[A-Z]|\b(?:%s))$" % "|".join(ABBREVIATIONS), title[: m.start()]):
        title = (title[: m.start()] + title[m.end():]).rstrip()
    return title


def _fallback_title(lines: list[Line], debris_starts: set[int]) -> Optional[str]:
    for line in lines:
        if line.start in debris_starts:
            continue
        first = re.split(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z])", line.text, maxsplit=1)[0]
        if len(first) > TITLE_FALLBACK_CHARS:
            cut = first[:TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
            return cut + "…"
        return _clean_title(first)
    return None


class _Marker:
    """Collects debris and metadata as the lines are walked."""

    def __init__(self) -> None:
        self.layout = Layout()
        self._published_is_update = False

    def mark(self, start: int, end: int, kind: str) -> None:
        if end > start:
            self.layout.debris.append(Debris(start=start, end=end, kind=kind))

    def line(self, line: Line, kind: str) -> None:
        self.mark(line.start, line.end, kind)
        self.learn(line.text, kind)

    def learn(self, text: str, kind: str) -> None:
        """Keep what a furniture line states about the article; first statement wins."""
        lay = self.layout
        if kind == "byline":
            by = parse_byline(text)
            if by:
                lay.author = lay.author or by.author
                lay.publisher = lay.publisher or by.publisher
        elif kind == "dateline":
            dl = parse_date_line(text)
            # "Published" beats "Updated", whichever comes first.
            if dl and (lay.published is None or self._published_is_update and not dl.updated):
                lay.published = dl.published
                self._published_is_update = dl.updated
        elif kind == "boilerplate":
            holder = parse_copyright(text)
            if holder:
                lay.publisher = lay.publisher or holder


def _caption_then_credit(line: Line, marker: _Marker) -> bool:
    """Mark a caption that ends with its credit in parentheses; True if it did."""
    m = _TRAILING_CREDIT_RE.search(line.text)
    if not m or m.start() == 0:
        if m:
            marker.line(line, "credit")
            return True
        return False
    marker.mark(line.start, line.start + m.start(), "caption")
    marker.mark(line.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), line.end, "credit")
    return True


def _is_caption(line: Line, next_line: Optional[Line], in_header: bool) -> bool:
    """A photo caption: a line followed by a credit line, phrased as captions are."""
    if next_line is None or not is_credit(next_line.text):
        return False
    if line.words > MAX_CAPTION_WORDS or any(c in line.text for c in _QUOTE_CHARS):
        return False
    return in_header or bool(_CAPTION_CUE_RE.search(line.text))


# A tag left in pasted text by the page it came from: <tweet author="...">, </tweet>, <br/>.
# Attributes need a quoted value, so "if a<b and c>d" is no tag.
MARKUP_TAG = re.compile(r'</?[A-Za-z][\w-]*(?:\s+[\w:-]+="[^"\n]*")*\s*/?>')


def read_layout(text: str) -> Layout:
    """Debris spans, headline and stated metadata of ``text`` (see the module docs)."""
    lines = split_lines(text)
    marker = _Marker()
    if not lines:
        return marker.layout
    head = _find_headline(lines)
    title = lines[head].text if head is not None else None
    body = _mark_header(lines, head, marker)
    _mark_body(lines, body, title, marker)
    for tag in MARKUP_TAG.finditer(text):
        marker.mark(tag.start(), tag.end(), "markup")
    lay = marker.layout
    lay.debris.sort(key=lambda d: d.start)
    if title is not None:
        lay.title = _clean_title(title)
    else:
        lay.title = _fallback_title(lines, {d.start for d in lay.debris})
    return lay


def _mark_header(lines: list[Line], head: Optional[int], marker: _Marker) -> int:
    """Mark the furniture above the story; return the index of the story's first line."""
    title = lines[head].text if head is not None else None
    standfirst_seen = False
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        kind = _furniture_kind(line.text)
        if i == head or (title is not None and line.text == title):
            marker.line(line, "headline")
            # "Headline; \nSecond deck." in one paragraph: the deck is a standfirst.
            if i == head and line.text.endswith(";") and nxt and not nxt.blank_before and _is_standfirst(nxt):
                marker.line(nxt, "standfirst")
                standfirst_seen = True
                i += 1
        elif kind:
            marker.line(line, kind)
        elif head is not None and i < head and _is_label_like(line):
            marker.line(line, "section")
        elif _caption_then_credit(line, marker):
            pass
        elif head is not None and i > head and _is_caption(line, nxt, in_header=True):
            marker.line(line, "caption")
        elif (head is not None and i > head and not standfirst_seen and nxt is not None
              and lines[i - 1].text == title and _is_standfirst(line) and _starts_furniture(nxt, title)):
            marker.line(line, "standfirst")
            standfirst_seen = True
        else:
            return i
        i += 1
    return i


def _is_standfirst(line: Line) -> bool:
    return line.words <= MAX_STANDFIRST_WORDS and sentence_count(line.text) == 1


def _starts_furniture(line: Line, title: Optional[str]) -> bool:
    """Whether ``line`` is header furniture, so the line above it is still in the header.

    Only furniture that belongs to a page's header counts: a section label such as
    "Twitter." often follows a story's first paragraph (an embedded tweet).
    """
    return line.text == title or _furniture_kind(line.text) in ("byline", "dateline", "credit")


def _mark_body(lines: list[Line], body: int, title: Optional[str], marker: _Marker) -> None:
    """Mark the story's dateline and the furniture that strong patterns find inside the story."""
    if body >= len(lines):
        return
    first = lines[body]
    dateline = parse_dateline(first.text)
    if dateline:
        marker.mark(first.start, first.start + len(first.text[: dateline.end].rstrip()), "dateline")
        lay = marker.layout
        lay.publisher = lay.publisher or dateline.publisher
        lay.published = lay.published or dateline.published
    for i in range(body + 1, len(lines)):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        kind = _furniture_kind(line.text)
        if line.text == title:
            marker.line(line, "headline")
        elif kind in ("section", "credit", "boilerplate", "byline"):
            # A date alone in the story is a live-blog time stamp, so it stays.
            marker.line(line, kind)
        elif _caption_then_credit(line, marker):
            pass
        elif _is_caption(line, nxt, in_header=False):
            marker.line(line, "caption")
