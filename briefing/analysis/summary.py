"""The bottom line up front and the key points, taken verbatim from the article.

Extractive on purpose: policy staff must be able to trace every line of a
brief back to the source, so each point is a sentence of the article with its
offsets. Sentences are scored on what a reader of news relies on: the lead
(journalists put the news first), words the whole article keeps returning to,
the salient actors, reported positions and dated events. Sentences that need
their neighbour to make sense (a leading "He"), that are mostly a direct quote,
or that repeat a point already chosen are held back.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..model import Actor, KeyPoint, Position, Quote, Span, Summary
from .reading import doc_text
from .timeline import date_mentions

# Openers that tie a sentence to the one before; the BLUF and key points may drop them
# when what follows starts with a capital, so the text stays verbatim.
LEADING_CONNECTIVES = (
    "However", "But", "And", "Meanwhile", "Separately", "Additionally", "Also", "Still",
    "Moreover", "Furthermore", "In addition", "Indeed", "Yet", "Instead", "Nevertheless",
    "Nonetheless", "At the same time", "In the meantime", "Likewise", "Similarly",
)
# First words that point back to an earlier sentence, so the sentence cannot stand alone.
ANAPHORIC_STARTS = frozenset({
    "he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its",
    "we", "i", "both", "such", "then", "the two", "him", "them",
})
_CONNECTIVE = re.compile(r"(?:" + "|".join(LEADING_CONNECTIVES) + r")\b")
_TRIMMABLE = re.compile(_CONNECTIVE.pattern + r",?\s+(?=[A-Z“\"])")
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
CONTENT_POS = ("NOUN", "PROPN", "VERB", "ADJ")
# Quoted material: curly and straight double quotes, and the doubled single quotes of some wires.
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|''(?:(?!'').)*''")

LEAD_DECAY = 0.3  # how fast the weight of position falls from the first sentence
MIN_WORDS = 7  # shorter lines are headings, captions or fragments
MAX_WORDS = 55  # longer sentences make poor bullet points
BLUF_WINDOW = 6  # the BLUF comes from the first few usable sentences
BLUF_SHORT = 16  # a BLUF this short may take the next sentence with it...
BLUF_MAX_WORDS = 45  # ...as long as the two stay this short together
TITLE_CASE_SHARE = 0.6  # share of capitalized words that marks a headline
MOSTLY_QUOTED = 0.5  # share of a sentence inside quote marks that makes it "a quote"
NEAR_DUPLICATE = 0.5  # word overlap (Jaccard) above which two sentences say the same
FEW_SENTENCES, MANY_SENTENCES = 12, 25  # article sizes that earn a 4th and a 5th key point

# Weights of the features (each roughly in 0..1) for the BLUF and for key points.
BLUF_WEIGHTS = {"first": 0.5, "lead": 4.0, "title": 1.0, "central": 1.2, "actors": 0.8, "date": 0.3}
POINT_WEIGHTS = {"lead": 1.0, "title": 0.5, "central": 1.5, "actors": 1.2, "position": 0.8,
                 "date": 0.6, "new_actors": 1.0}
PENALTIES = {"anaphoric": 1.5, "tied": 0.5, "quoted": 2.0, "long": 0.8, "short": 0.5}


@dataclass
class _Sentence:
    index: int
    start: int
    end: int
    text: str
    words: int
    lemmas: frozenset
    features: dict = field(default_factory=dict)
    actors: frozenset = frozenset()
    quoted: float = 0.0
    anaphoric: bool = False
    tied: bool = False  # opens with a connective ("And most...") that cannot be trimmed
    usable: bool = True


def summarize(
    doc,
    *,
    actors: list[Actor],
    quotes: list[Quote],
    positions: list[Position],
    title: Optional[str] = None,
    text: Optional[str] = None,
    furniture: Sequence[tuple[int, int]] = (),
) -> Summary:
    """The BLUF (one or two sentences) and 3-5 key points of the article in ``doc``, verbatim.

    ``text`` is the source text ``doc`` was parsed from (``source.text``): the BLUF and key
    points are cut from it, so they stay verbatim where the analysis text evened out
    no-break spaces. It defaults to ``doc.text``.
    """
    analysed = doc_text(doc)
    source = _source_text(analysed, text)
    sentences = _sentences(doc, title, furniture)
    if not sentences:
        return Summary()
    _score_features(doc, analysed, sentences, actors, quotes, positions, title)
    bluf = _choose_bluf(sentences)
    points = _choose_points(sentences, bluf)
    bluf_spans = [_trim_connective(analysed, s.start, s.end) for s in bluf]
    return Summary(
        bluf=" ".join(source[a:b] for a, b in bluf_spans),
        bluf_sources=[Span(start=a, end=b) for a, b in bluf_spans],
        key_points=[
            KeyPoint(text=source[a:b], start=a, end=b)
            for a, b in (_trim_connective(analysed, s.start, s.end) for s in points)
        ],
    )


def _source_text(analysed: str, text: Optional[str]) -> str:
    if text is None:
        return analysed
    if len(text) != len(analysed):
        raise ValueError("text is not the source text the doc was parsed from: their lengths differ")
    return text


# -- sentences -------------------------------------------------------------------------------


def _sentences(doc, title: Optional[str] = None, furniture: Sequence[tuple[int, int]] = ()) -> list[_Sentence]:
    """The article's sentences, trimmed, split at line breaks spaCy ran across, blanks skipped.

    Sentences in ``furniture`` (the standfirst under the headline) are read but never chosen:
    a deck leans on its headline ("the new officials headed to South Korea").
    """
    text = doc_text(doc)
    found: list[_Sentence] = []
    for sent in doc.sents:
        for start, end in _lines(text, sent.start_char, sent.end_char):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            words = [t for t in span if not t.is_punct and not t.is_space]
            lemmas = frozenset(
                t.lemma_.lower() for t in words if t.pos_ in CONTENT_POS and not t.is_stop
            )
            s = _Sentence(len(found), start, end, text[start:end], len(words), lemmas)
            s.usable = (_stands_as_sentence(span, len(words)) and not (title and _same_words(s.text, title))
                        and not any(a <= start < b for a, b in furniture))
            found.append(s)
    return found


def _lines(text: str, start: int, end: int):
    """The non-blank lines of text[start:end], each trimmed of surrounding space."""
    pos = start
    for line in text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        b = _drop_dangling_quote(text, a, b)
        if b > a:
            yield a, b


def _drop_dangling_quote(text: str, start: int, end: int) -> int:
    """The end of text[start:end] without a quote mark that opens the next sentence."""
    piece = text[start:end]
    for mark in ("“", "''", '"'):
        if piece.endswith(" " + mark) and (mark == "“" or piece.count(mark) % 2 == 1):
            return start + len(piece[: -len(mark)].rstrip())
    return end


def _stands_as_sentence(span, words: int) -> bool:
    """A full sentence: long enough, built on a verb, ending as sentences end, not a question."""
    last = span.text.rstrip()[-1:]
    return (
        words >= MIN_WORDS
        and span.root.pos_ in ("VERB", "AUX")
        and last in ".!\"”’'"
        and not span.text.rstrip("\"”’' ").endswith("?")
        and not _title_case(span)
        and not _imperative(span)
    )


def _imperative(span) -> bool:
    """An instruction to the reader ("Watch a clip above."), not news."""
    root = span.root
    first = next((t for t in span if not t.is_punct), root)
    return root == first and root.tag_ == "VB" and not any(c.dep_.startswith("nsubj") for c in root.children)


def _title_case(span) -> bool:
    """A headline left in the text: most common words after the first are capitalized."""
    words = [t.text for t in span[1:] if t.is_alpha and t.pos_ != "PROPN"]
    capitalized = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 2 and capitalized >= TITLE_CASE_SHARE * len(words)


def _same_words(a: str, b: str) -> bool:
    """True when two texts have the same words, ignoring case and punctuation."""
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


# -- features --------------------------------------------------------------------------------


def _score_features(doc, text: str, sentences, actors, quotes, positions, title) -> None:
    """Fill each sentence's features, each scaled to about 0..1."""
    quoted = _quoted_ranges(text, quotes)
    weights = _actor_weights(doc, actors)
    dated = sorted(m.start for m in date_mentions(doc))
    held = sorted(p.start for p in positions)
    frequency = _lemma_frequency(sentences)
    title_words = _title_lemmas(doc, title)
    top_weight = max((w for _, _, w, _ in weights), default=0.0) or 1.0
    weights.sort()  # by start, so each sentence finds its mentions by bisection (long articles)
    weight_starts = [a for a, _, _, _ in weights]
    rank = 0  # the lead counts usable sentences only: a stray headline is not the lead
    for s in sentences:
        lo, hi = bisect.bisect_left(weight_starts, s.start), bisect.bisect_left(weight_starts, s.end)
        inside = {who: w for a, b, w, who in weights[lo:hi] if b <= s.end}
        s.actors = frozenset(inside)
        actor_weight = sum(inside.values())
        s.quoted = _overlap(s.start, s.end, quoted) / max(1, s.end - s.start)
        s.anaphoric = _first_words(text, s.start, s.end) in ANAPHORIC_STARTS
        s.tied = _trim_connective(text, s.start, s.end)[0] == s.start and _opens_with_connective(s.text)
        central = sum(math.log(frequency[w]) for w in s.lemmas if frequency[w] > 1)
        s.features = {
            "first": 1.0 if rank == 0 and s.usable else 0.0,  # news puts the news first
            "lead": 1.0 / (1.0 + LEAD_DECAY * rank),
            "title": len(s.lemmas & title_words) / len(title_words) if title_words else 0.0,
            "central": central / math.sqrt(max(1, len(s.lemmas))),
            "actors": min(1.0, actor_weight / top_weight / 2),
            "position": 1.0 if _any_within(held, s.start, s.end) else 0.0,
            "date": 1.0 if _any_within(dated, s.start, s.end) else 0.0,
        }
        rank += s.usable
    top = max(s.features["central"] for s in sentences) or 1.0
    for s in sentences:
        s.features["central"] /= top


def _any_within(offsets: list[int], start: int, end: int) -> bool:
    """Whether some of the sorted ``offsets`` lies in ``start:end``."""
    i = bisect.bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def _quoted_ranges(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Where the article quotes someone: the quotes found, and anything between quote marks."""
    ranges = [tuple(span) for q in quotes for span in q.spans]
    ranges += [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    return _merge(ranges)


def _merge(ranges) -> list[tuple[int, int]]:
    """Overlapping ranges joined, in order."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _overlap(start: int, end: int, merged) -> int:
    """How many characters of start..end the merged (sorted, disjoint) ranges cover."""
    total = 0
    i = bisect.bisect_right(merged, (start, float("inf"))) - 1
    for a, b in merged[max(i, 0):]:
        if a >= end:
            break
        total += max(0, min(b, end) - max(a, start))
    return total


def _actor_weights(doc, actors: list[Actor]) -> list[tuple[int, int, float, str]]:
    """(start, end, salience, actor) of every mention; from named entities when no actors are given."""
    if actors:
        return [(m.start, m.end, a.salience, a.id) for a in actors for m in a.mentions]
    counts: dict[str, int] = {}
    ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    for e in ents:
        counts[e.text] = counts.get(e.text, 0) + 1
    top = max(counts.values(), default=1)
    return [(e.start_char, e.end_char, counts[e.text] / top, e.text) for e in ents]


def _lemma_frequency(sentences) -> dict[str, int]:
    """In how many sentences each content lemma occurs."""
    frequency: dict[str, int] = {}
    for s in sentences:
        for w in s.lemmas:
            frequency[w] = frequency.get(w, 0) + 1
    return frequency


def _title_lemmas(doc, title: Optional[str]) -> frozenset:
    """The title's content words, lemmatized with the document's own vocabulary."""
    if not title:
        return frozenset()
    words = {w.lower() for w in re.findall(r"[\w’'-]+", title)}
    lemmas = {t.lemma_.lower() for t in doc if t.lower_ in words and t.pos_ in CONTENT_POS and not t.is_stop}
    return frozenset(lemmas)


def _first_words(text: str, start: int, end: int) -> str:
    """The sentence's first word (or "the two"), lower case, after any leading connective."""
    a, _ = _trim_connective(text, start, end)
    words = re.findall(r"[A-Za-z]+", text[a:min(end, a + 40)])
    if len(words) >= 2 and " ".join(words[:2]).lower() == "the two":
        return "the two"
    return words[0].lower() if words else ""


def _opens_with_connective(text: str) -> bool:
    return _CONNECTIVE.match(text) is not None


def _trim_connective(text: str, start: int, end: int) -> tuple[int, int]:
    """start..end without a leading "However, " when a capital follows, so it stays verbatim."""
    m = _TRIMMABLE.match(text, start, end)
    return (m.end(), end) if m else (start, end)


# -- choosing --------------------------------------------------------------------------------


def _weighted(s: _Sentence, weights: dict) -> float:
    score = sum(w * s.features.get(k, 0.0) for k, w in weights.items())
    if s.anaphoric:
        score -= PENALTIES["anaphoric"]
    if s.tied:
        score -= PENALTIES["tied"]
    score -= PENALTIES["quoted"] * s.quoted
    if s.words > MAX_WORDS:
        score -= PENALTIES["long"]
    if s.words < MIN_WORDS + 3:
        score -= PENALTIES["short"]
    return score


def _choose_bluf(sentences: list[_Sentence]) -> list[_Sentence]:
    """The sentence that best says what happened, with the next one when it is short."""
    usable = [s for s in sentences if s.usable]
    pool = [s for s in usable if not s.anaphoric and s.quoted <= MOSTLY_QUOTED][:BLUF_WINDOW]
    pool = pool or usable[:BLUF_WINDOW] or sentences[:1]
    best = max(pool, key=lambda s: _weighted(s, BLUF_WEIGHTS))
    chosen = [best]
    following = sentences[best.index + 1] if best.index + 1 < len(sentences) else None
    if (
        best.words < BLUF_SHORT
        and following is not None
        and following.usable
        and following.quoted <= MOSTLY_QUOTED
        and best.words + following.words <= BLUF_MAX_WORDS
    ):
        chosen.append(following)
    return chosen


def _similarity(a: _Sentence, b: _Sentence) -> float:
    if not a.lemmas or not b.lemmas:
        return 0.0
    return len(a.lemmas & b.lemmas) / len(a.lemmas | b.lemmas)


def _point_count(sentences: list[_Sentence]) -> int:
    usable = sum(1 for s in sentences if s.usable)
    return 5 if usable >= MANY_SENTENCES else 4 if usable >= FEW_SENTENCES else 3


def _choose_points(sentences: list[_Sentence], bluf: list[_Sentence]) -> list[_Sentence]:
    """3-5 sentences that cover the article, greedily, in article order."""
    chosen: list[_Sentence] = []
    covered = set().union(*(s.actors for s in bluf))
    pool = [s for s in sentences if s.usable and s not in bluf and s.quoted <= MOSTLY_QUOTED]
    for _ in range(_point_count(sentences)):
        best, best_score = None, -math.inf
        for s in pool:
            if s in chosen or any(_similarity(s, o) > NEAR_DUPLICATE for o in chosen + bluf):
                continue
            s.features["new_actors"] = 1.0 if s.actors - covered else 0.0
            redundancy = max((_similarity(s, o) for o in chosen + bluf), default=0.0)
            score = _weighted(s, POINT_WEIGHTS) - 2.0 * redundancy
            if score > best_score:
                best, best_score = s, score
        if best is None:
            break
        chosen.append(best)
        covered |= best.actors
    return sorted(chosen, key=lambda s: s.start)
