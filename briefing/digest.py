"""A digest: one brief from a day's articles.

    >>> from briefing.digest import digest_articles, write_digest
    >>> digest = digest_articles(["a.txt", "b.txt", "c-brief.json"])
    >>> write_digest(digest, {"pdf": Path("digest.pdf")})

:func:`build_digest` merges the actors of several briefs (the same person,
organization or country however each article names it), groups their quotes
and positions, merges the timelines and draws a short overview of what
changed across the day. Every item points back to its article (``article`` is
the article's number in the digest) and to the item in that article's brief,
and the digest carries the briefs themselves, so :class:`Digest` validates,
like :class:`~briefing.model.Briefing`, that every quote is verbatim.

Articles are numbered in publication order (undated ones after the dated, in
the order given); the same article given twice (same text) counts once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import glob
import os
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .errors import InputError, UsageError
from .model import ActorKind, Briefing

# 1.1: a position may have co-holders (``co_actors``).
DIGEST_SCHEMA_VERSION = "1.1"
DEFAULT_NAME = "digest"  # digest.pdf, digest.docx, ... in the current folder
QUOTE_JOINER = " … "  # as in the audience templates: between the parts of an interrupted quote

# Leading words that are a title, not a name: "President Biden" is "Biden".
TITLE_WORDS = frozenset("""
    president vice prime minister secretary sen senator rep representative gov governor mayor
    mr mrs ms miss dr prof professor gen general adm admiral col colonel sir dame lord lady
    king queen prince princess pope rev reverend judge justice chief speaker leader chairman
    chairwoman chair chancellor ambassador former acting deputy foreign defense defence state
    the u.s us democratic republican
""".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})
MAX_ALIAS_WORDS = 5  # longer aliases are appositives ("Rachel Berg, a philanthropist from ..."), not names
ENTITY_KINDS = ("organization", "country")  # merged with each other: "the European Union" either way

SALIENT = 0.25  # an actor this salient in an article is one of its main actors
DOMINANT_COUNT = 3
NEW_COUNT = 5
LATEST_COUNT = 3
LABEL_TITLE_CHARS = 36
EVENT_SIMILARITY = 0.6  # two events on one date whose texts are this alike are one event


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DigestArticle(_Record):
    """One article of the digest, numbered in publication order."""

    number: int = Field(ge=1)
    label: str  # short citation: "Politico, 12 September 2016" or the title
    title: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[dt.date] = None
    url: Optional[str] = None
    path: Optional[str] = None
    sha256: str
    bluf: str = ""
    actors: int = 0
    quotes: int = 0
    positions: int = 0


class ActorRef(_Record):
    """An actor of one article's brief."""

    article: int
    actor: str  # the actor's id in that article's brief


class DigestActor(_Record):
    """One person, organization or country across the articles."""

    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = []  # other names the articles use
    roles: list[str] = []
    affiliations: list[str] = []
    articles: list[int]  # numbers of the articles it appears in
    members: list[ActorRef]
    mentions: int = 0
    salience: float = Field(default=0.0, ge=0.0, le=1.0)  # its highest in any one article
    coverage: float = Field(default=0.0, ge=0.0)  # its salience summed over the articles
    quotes: int = 0
    positions: int = 0


class DigestQuote(_Record):
    """A quotation from one article, verbatim: ``parts`` are the quoted words of each span."""

    article: int
    quote: str  # the quote's id in that article's brief
    actor: Optional[str] = None  # digest actor id; None when the speaker is not identified
    parts: list[str]
    partial: bool = False
    cue: str = ""
    also_in: list[int] = []  # other articles carrying the same words from the same speaker

    def text(self, tidy: bool = False) -> str:
        """The quoted words, parts joined by " … "; ``tidy`` drops a trailing ",;:" left by the attribution."""
        text = QUOTE_JOINER.join(self.parts)
        return text.rstrip().rstrip(",;:").rstrip() if tidy else text


class DigestPosition(_Record):
    """A position in reported speech from one article."""

    article: int
    position: str  # the position's id in that article's brief
    actor: Optional[str] = None
    co_actors: list[str] = []  # those who hold it with ``actor`` (:attr:`Position.co_actors`)
    text: str  # its words, parts joined by " … " (see :func:`_position_text`)
    cue: str = ""  # the words that put it, read before it (:meth:`Position.lead_in`); "" when none


class DigestEvent(_Record):
    """A dated event, reported by one article or more."""

    date: str
    text: str  # as the first article (in digest order) reports it
    article: int
    also_in: list[int] = []


class Overview(_Record):
    """What changed across the day, as facts drawn from the briefs."""

    articles: int = 0
    quotes: int = 0
    positions: int = 0
    actors: int = 0
    first_published: Optional[dt.date] = None
    last_published: Optional[dt.date] = None
    by_date: bool = False  # articles are ordered by publication date (else as given)
    dominant: list[str] = []  # actor ids: the most covered
    recurring: list[str] = []  # actor ids in two articles or more
    new: list[str] = []  # actor ids first met, as a main actor, after the first article
    latest: list[int] = []  # article numbers, newest first


class Digest(_Record):
    """One brief from several articles, and the briefs it was made from."""

    schema_version: str = DIGEST_SCHEMA_VERSION
    generator: str = "briefing"
    articles: list[DigestArticle]
    actors: list[DigestActor] = []
    quotes: list[DigestQuote] = []
    positions: list[DigestPosition] = []
    timeline: list[DigestEvent] = []
    overview: Overview = Overview()
    briefs: list[Briefing]  # in article order: briefs[n - 1] is article n

    @model_validator(mode="after")
    def _consistent(self) -> "Digest":
        if self.schema_version.split(".")[0] != DIGEST_SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"schema_version {self.schema_version} is not supported (this is {DIGEST_SCHEMA_VERSION})")
        if [a.number for a in self.articles] != list(range(1, len(self.briefs) + 1)):
            raise ValueError("articles must be numbered 1, 2, ... one for each brief")
        actor_ids = {a.id for a in self.actors}
        if len(actor_ids) != len(self.actors):
            raise ValueError("digest actor ids are not unique")

        def brief(n: int, what: str) -> Briefing:
            if not 1 <= n <= len(self.briefs):
                raise ValueError(f"{what}: there is no article {n}")
            return self.briefs[n - 1]

        for a in self.actors:
            for m in a.members:
                if brief(m.article, f"actor {a.id}").actor(m.actor) is None:
                    raise ValueError(f"actor {a.id}: article {m.article} has no actor {m.actor!r}")
        for q in self.quotes:
            if q.actor is not None and q.actor not in actor_ids:
                raise ValueError(f"quote {q.quote} of article {q.article}: {q.actor!r} is not an actor")
            for n in [q.article, *q.also_in]:
                b = brief(n, f"quote {q.quote}")
                if not any(_parts(b, found) == q.parts for found in b.quotes):
                    raise ValueError(f"quote {q.quote} is not verbatim: article {n} has no quote with these words")
        for p in self.positions:
            for a in [p.actor, *p.co_actors]:
                if a is not None and a not in actor_ids:
                    raise ValueError(f"position {p.position} of article {p.article}: {a!r} is not an actor")
            b = brief(p.article, f"position {p.position}")
            if not any(_position_text(b, found) == p.text for found in b.positions):
                raise ValueError(f"position {p.position} is not verbatim: article {p.article} has no such position")
        for e in self.timeline:
            if not any(t.text == e.text for t in brief(e.article, f"event {e.date}").timeline):
                raise ValueError(f"event {e.date}: article {e.article} reports no such event")
        return self

    # -- convenience for templates ------------------------------------------------------

    def article(self, number: int) -> DigestArticle:
        return self.articles[number - 1]

    def actor(self, actor_id: Optional[str]) -> Optional[DigestActor]:
        return next((a for a in self.actors if a.id == actor_id), None)

    def quotes_by(self, actor_id: str) -> list[DigestQuote]:
        return [q for q in self.quotes if q.actor == actor_id]

    def positions_of(self, actor_id: str) -> list[DigestPosition]:
        """What ``actor_id`` holds, alone or with others."""
        return [p for p in self.positions if p.actor == actor_id or actor_id in p.co_actors]

    # -- JSON ---------------------------------------------------------------------------

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> "Digest":
        return cls.model_validate_json(data)


def _parts(brief: Briefing, quote) -> list[str]:
    return quote.parts(brief.source.text)


# -- building ---------------------------------------------------------------------------


def build_digest(briefs: Sequence[Briefing]) -> Digest:
    """The digest of ``briefs`` (given in file order; numbered here in publication order)."""
    if not briefs:
        raise UsageError("a digest needs at least one article")
    ordered, by_date = _chronological(_unique_briefs(briefs))
    actors, actor_of = merge_actors(ordered)
    quotes = _quotes(ordered, actor_of)
    positions = _positions(ordered, actor_of)
    actors = _with_counts(actors, quotes, positions)
    articles = [_article(n, b) for n, b in enumerate(ordered, start=1)]
    return Digest(
        articles=articles,
        actors=actors,
        quotes=quotes,
        positions=positions,
        timeline=merge_timeline(ordered),
        overview=_overview(articles, actors, quotes, positions, by_date),
        briefs=list(ordered),
    )


def _unique_briefs(briefs: Sequence[Briefing]) -> list[Briefing]:
    """Each article once: an article and its brief JSON, or a file given twice, are one."""
    seen: set[str] = set()
    unique = []
    for b in briefs:
        if b.source.sha256 not in seen:
            seen.add(b.source.sha256)
            unique.append(b)
    return unique


def _chronological(briefs: list[Briefing]) -> tuple[list[Briefing], bool]:
    """Dated articles by date, then undated ones, each in the order given (a stable sort)."""
    dated = any(b.source.published is not None for b in briefs)
    ordered = sorted(briefs, key=lambda b: (b.source.published is None, b.source.published or dt.date.min))
    return ordered, dated


def _article(number: int, brief: Briefing) -> DigestArticle:
    s = brief.source
    return DigestArticle(
        number=number, label=source_label(brief), title=s.title, publisher=s.publisher, published=s.published,
        url=s.url, path=s.path, sha256=s.sha256, bluf=brief.summary.bluf, actors=len(brief.actors),
        quotes=len(brief.quotes), positions=len(brief.positions),
    )


def source_label(brief: Briefing) -> str:
    """A short citation: publisher (else a shortened title, else the file name) and date."""
    s = brief.source
    from .templates import fmt_date

    name = s.publisher or _shorten(s.title or "") or (Path(s.path).name if s.path else "") or "Untitled article"
    date = fmt_date(s.published)
    return f"{name}, {date}" if date else name


def _shorten(text: str, limit: int = LABEL_TITLE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


# -- merging actors ---------------------------------------------------------------------


def name_words(name: str, *, person: bool = True) -> tuple[str, ...]:
    """A name as comparable words: accents, case, punctuation and a leading "the" dropped,
    and for a person the titles before the name.

    "President Joe Biden" gives ("joe", "biden"); "George W. Bush" gives ("george", "w",
    "bush"); "Donald Trump Jr." keeps its "jr" (a son is another person). Titles are
    left on organizations: "State Department" is not "Department".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    words = [w.strip("'.-") for w in re.findall(r"[\w'.-]+", text)]
    words = [w for w in words if w and w != "'s"]
    leading = TITLE_WORDS if person else {"the"}
    while len(words) > 1 and words[0] in leading:
        words.pop(0)
    return tuple(words)


def _surname(words: tuple[str, ...]) -> str:
    """The last word that is not a suffix: "trump" of ("donald", "trump", "jr")."""
    core = [w for w in words if w not in NAME_SUFFIXES] or list(words)
    return core[-1]


def _usable_alias(alias: str) -> bool:
    return "," not in alias and 0 < len(alias.split()) <= MAX_ALIAS_WORDS


class _Group:
    """Actors of several briefs taken for one; merged step by step."""

    def __init__(self, person: bool):
        self.person = person
        self.members: list[tuple[int, object]] = []  # (index in ordered briefs, Actor)
        self.keys: set[tuple[str, ...]] = set()  # its names, as name_words
        self.alias_keys: set[tuple[str, ...]] = set()  # its names and usable aliases
        self.full_names: set[tuple[str, ...]] = set()  # its names of more than one word
        self.roles: set[str] = set()  # the roles the articles give it, as compared

    def add(self, members: Iterable[tuple[int, object]]) -> None:
        for i, actor in members:
            self.members.append((i, actor))
            key = name_words(actor.name, person=self.person)
            self.keys.add(key)
            self.alias_keys.add(key)
            self.alias_keys.update(name_words(x, person=self.person) for x in actor.aliases if _usable_alias(x))
            if len(key) > 1:
                self.full_names.add(key)
            if actor.role and _role(actor.role):
                self.roles.add(_role(actor.role))


def _role(role: str) -> str:
    """A role as compared: "President" and "president" alike; a bare "Mr." is no role."""
    words = [w for w in name_words(role, person=False) if w not in HONORIFICS]
    return " ".join(words)


def _same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether two full names can be one person: same first and last name, and the
    shorter has no middle names or the same ones ("George Bush", "George W. Bush")."""
    if short == full:
        return True
    if len(short) < 2 or len(full) < 2 or short[0] != full[0] or short[-1] != full[-1]:
        return False
    return len(short) == 2 or short[1:-1] == full[1:-1]


def merge_actors(briefs: Sequence[Briefing]) -> tuple[list[DigestActor], dict[tuple[int, str], str]]:
    """The actors of ``briefs`` merged across articles, and a map (article number, actor id) -> digest id.

    Conservative: the same name (titles, accents and suffixes aside) merges; a shorter
    name ("Biden", "the DPRK") joins a longer one only when exactly one actor in the
    digest answers to it; two people whose full names differ never merge.
    """
    groups: dict[tuple, _Group] = {}
    for i, brief in enumerate(briefs):
        for actor in brief.actors:
            person = actor.kind == "person"
            key = (person, name_words(actor.name, person=person) or (actor.id,))
            groups.setdefault(key, _Group(person)).add([(i, actor)])
    merged = list(groups.values())
    merged = _absorb(merged, _full_name_target)
    merged = _absorb(merged, _short_name_target)
    digest_actors = [_digest_actor(g) for g in merged]
    digest_actors = _unique_ids(digest_actors)
    actor_of = {(ref.article, ref.actor): a.id for a in digest_actors for ref in a.members}
    return digest_actors, actor_of


def _absorb(groups: list[_Group], choose) -> list[_Group]:
    """Merge each group into the other group ``choose`` picks for it, if it picks one."""
    result = list(groups)
    # Shortest names first, so "Biden" joins "Joe Biden" and not the other way round.
    for group in sorted(groups, key=lambda g: min(len(k) for k in g.keys)):
        target = choose(group, [other for other in result if other is not group])
        if target is not None:
            target.add(group.members)
            result.remove(group)
    return result


def _only(candidates: list[_Group]) -> Optional[_Group]:
    return candidates[0] if len(candidates) == 1 else None


def _full_name_target(group: _Group, others: list[_Group]) -> Optional[_Group]:
    """A person's full name joins the one longer full name of the same first and last name."""
    if not group.person or not group.full_names:
        return None

    def fuller(other: _Group) -> bool:
        if not other.person or not other.full_names:
            return False
        longest = max(other.full_names, key=len)
        return all(len(k) < len(longest) and _same_person(k, longest) for k in group.full_names)

    return _only([other for other in others if fuller(other)])


def _short_name_target(group: _Group, others: list[_Group]) -> Optional[_Group]:
    """A name without a first name ("Biden", "the DPRK") joins the one actor that answers to it.

    For a person: the one full name with that surname, else the one actor with that
    alias; when several share it, the one of them with the same role ("President
    Obama": Barack, not Michelle). Otherwise it stays apart.
    """
    others = [o for o in others if o.person == group.person]
    if not group.person:
        return _only([o for o in others if group.keys & o.alias_keys or o.keys & group.alias_keys])
    if group.full_names:
        return None
    single = {k[0] for k in group.keys if len(k) == 1}
    candidates = [o for o in others if any(_surname(f) in single for f in o.full_names)]
    candidates = candidates or [o for o in others if group.keys & o.alias_keys]
    if len(candidates) > 1 and group.roles:
        candidates = [o for o in candidates if o.roles & group.roles]
    return _only(candidates)


def _digest_actor(group: _Group) -> DigestActor:
    members = sorted(group.members, key=lambda m: m[0])
    names = Counter(a.name for _, a in members)
    mentions = Counter()
    for _, a in members:
        mentions[a.name] += len(a.mentions)
    # The fullest name most articles use: "Joe Biden" over "Biden".
    name = max(names, key=lambda n: (len(name_words(n, person=group.person)) > 1, not n.lower().startswith("the "),
                                     names[n], mentions[n], len(n), n))
    kinds = Counter(a.kind for _, a in members)
    kind = max(kinds, key=lambda k: (kinds[k], k == "person", k))
    aliases = _distinct([a.name for _, a in members] + [x for _, a in members for x in a.aliases if _usable_alias(x)])
    return DigestActor(
        id=_slug(name, group.person),
        name=name,
        kind=kind,
        aliases=[x for x in aliases if x != name],
        roles=_distinct(a.role for _, a in members if a.role and _role(a.role)),  # not a bare "Mr."
        affiliations=_distinct(a.affiliation for _, a in members if a.affiliation),
        articles=sorted({i + 1 for i, _ in members}),
        members=[ActorRef(article=i + 1, actor=a.id) for i, a in members],
        mentions=sum(len(a.mentions) for _, a in members),
        salience=max(a.salience for _, a in members),
        coverage=round(sum(_per_article_salience(members).values()), 3),
    )


def _per_article_salience(members) -> dict[int, float]:
    """The actor's salience in each article (its most salient member there)."""
    best: dict[int, float] = defaultdict(float)
    for i, a in members:
        best[i] = max(best[i], a.salience)
    return best


def _distinct(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(" ".join(item.split()).casefold(), " ".join(item.split()))
    return list(seen.values())


def _slug(name: str, person: bool) -> str:
    return "-".join(name_words(name, person=person)) or "actor"


def _unique_ids(actors: list[DigestActor]) -> list[DigestActor]:
    counts: Counter = Counter()
    unique = []
    for a in actors:
        counts[a.id] += 1
        unique.append(a if counts[a.id] == 1 else a.model_copy(update={"id": f"{a.id}-{counts[a.id]}"}))
    return unique


def _with_counts(actors: list[DigestActor], quotes: list[DigestQuote],
                 positions: list[DigestPosition]) -> list[DigestActor]:
    """Each actor with its quote and position counts, most covered first."""
    q = Counter(x.actor for x in quotes)
    p = Counter(a for x in positions for a in {x.actor, *x.co_actors})
    counted = [a.model_copy(update={"quotes": q[a.id], "positions": p[a.id]}) for a in actors]
    return sorted(counted, key=lambda a: (-a.coverage, -len(a.articles), -(a.quotes + a.positions),
                                          -a.mentions, a.name))


# -- quotes, positions, timeline ----------------------------------------------------------


def _quotes(briefs: Sequence[Briefing], actor_of: Mapping) -> list[DigestQuote]:
    """Every quote, the same words from the same speaker once (citing each article)."""
    quotes: list[DigestQuote] = []
    seen: dict[tuple, int] = {}
    for n, brief in enumerate(briefs, start=1):
        text = brief.source.text
        for q in brief.quotes:
            actor = actor_of.get((n, q.speaker)) if q.speaker else None
            parts = q.parts(text)
            key = (actor, " ".join(" ".join(parts).split()))
            if key in seen:
                first = quotes[seen[key]]
                if n != first.article and n not in first.also_in and parts == first.parts:
                    quotes[seen[key]] = first.model_copy(update={"also_in": [*first.also_in, n]})
                    continue
                if n == first.article:
                    continue  # the same words twice in one article
            seen[key] = len(quotes)
            quotes.append(DigestQuote(article=n, quote=q.id, actor=actor, parts=parts, partial=q.partial,
                                      cue=text[q.cue.start:q.cue.end] if q.cue else ""))
    return quotes


def _positions(briefs: Sequence[Briefing], actor_of: Mapping) -> list[DigestPosition]:
    return [
        DigestPosition(article=n, position=p.id, actor=actor_of.get((n, p.actor)) if p.actor else None,
                       co_actors=_co_actors(actor_of, n, p),
                       text=_position_text(brief, p), cue=p.lead_in(brief.source.text))
        for n, brief in enumerate(briefs, start=1)
        for p in brief.positions
    ]


def _co_actors(actor_of: Mapping, article: int, position) -> list[str]:
    """The digest actors who hold an article's position with its holder, each once."""
    holder = actor_of.get((article, position.actor))
    found = [actor_of[(article, a)] for a in position.co_actors if (article, a) in actor_of]
    return [a for n, a in enumerate(found) if a != holder and a not in found[:n]]


def _position_text(brief: Briefing, position) -> str:
    """A position's words as shown: its parts, without the cue between them, joined by " … "."""
    return QUOTE_JOINER.join(position.parts(brief.source.text))


def merge_timeline(briefs: Sequence[Briefing]) -> list[DigestEvent]:
    """Every dated event, by date; one event reported by several articles is listed once."""
    events: list[DigestEvent] = []
    for n, brief in enumerate(briefs, start=1):
        for t in brief.timeline:
            same = next((i for i, e in enumerate(events) if e.date == t.date and _alike(e.text, t.text)), None)
            if same is None:
                events.append(DigestEvent(date=t.date, text=t.text, article=n))
            elif n != events[same].article and n not in events[same].also_in:
                events[same] = events[same].model_copy(update={"also_in": [*events[same].also_in, n]})
    return sorted(events, key=lambda e: e.date)  # ISO dates sort as text; stable for equal dates


def _alike(a: str, b: str) -> bool:
    wa, wb = a.casefold().split(), b.casefold().split()
    return difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= EVENT_SIMILARITY


# -- overview -----------------------------------------------------------------------------


def _overview(articles: list[DigestArticle], actors: list[DigestActor], quotes, positions,
              by_date: bool) -> Overview:
    dates = [a.published for a in articles if a.published is not None]
    speakers = [a for a in actors if a.quotes or a.positions]  # most covered first
    return Overview(
        articles=len(articles),
        quotes=len(quotes),
        positions=len(positions),
        actors=len(actors),
        first_published=min(dates, default=None),
        last_published=max(dates, default=None),
        by_date=by_date,
        dominant=[a.id for a in speakers[:DOMINANT_COUNT]],
        recurring=[a.id for a in actors if len(a.articles) > 1],
        new=_new_actors(actors, articles),
        latest=_latest(articles),
    )


def _new_actors(actors: list[DigestActor], articles: list[DigestArticle]) -> list[str]:
    """Main actors first met in an article published after the first day's, latest first.

    Without publication dates there is no "later": none are new.
    """
    first_day = min((a.published for a in articles if a.published is not None), default=None)
    if first_day is None:
        return []

    def later(number: int) -> bool:
        published = articles[number - 1].published
        return published is not None and published > first_day

    new = [a for a in actors if later(a.articles[0]) and a.salience >= SALIENT]
    new.sort(key=lambda a: (-a.articles[0], -a.salience, a.name))
    return [a.id for a in new[:NEW_COUNT]]


def _latest(articles: list[DigestArticle]) -> list[int]:
    """The newest articles, newest first: those of the last date, else the last ones given."""
    dated = [a for a in articles if a.published is not None]
    if dated:
        last = max(a.published for a in dated)
        newest = [a.number for a in dated if a.published == last]
    else:
        newest = [a.number for a in articles]
    return list(reversed(newest))[:LATEST_COUNT]


# -- reading many articles ----------------------------------------------------------------


def expand_digest_inputs(inputs: Iterable[str]) -> list[Path]:
    """Article and brief JSON paths from files, folders and glob patterns, in order, each once.

    Like :func:`briefing.batch.expand_inputs`, and a folder or pattern also gives its
    ``.json`` briefs (from ``briefing extract`` or ``make --json``).
    """
    from .batch import _is_pattern, _unique, expand_inputs

    found: list[Path] = []
    for item in inputs:
        if item == "-":
            raise UsageError("- (standard input) cannot be part of a digest: save the article to a file")
        path = Path(item)
        if path.is_dir():
            briefs = [p for p in path.iterdir() if p.is_file() and _is_brief_json(p)]
        elif _is_pattern(item):
            briefs = [Path(p) for p in glob.glob(item, recursive=True) if _is_brief_json(Path(p))]
        else:
            found.append(path)
            continue
        try:
            articles = expand_inputs([item])
        except InputError:
            if not briefs:
                raise
            articles = []
        found.extend(sorted(set(articles) | set(briefs)))
    return _unique(found)


def _is_brief_json(path: Path) -> bool:
    return path.suffix.lower() == ".json" and not path.name.startswith(".")


def digest_articles(paths: Sequence[str | os.PathLike], *, pipeline: str | None = None, nlp=None,
                    encoding: str | None = None, max_bytes: int | None = None) -> Digest:
    """Read and analyse every article (``.json`` files are briefs, read as they are) into one digest.

    Everything is read before anything is parsed, so a bad article is reported (as the
    :class:`~briefing.errors.InputError` naming it) before the slow work. The articles
    are parsed with one loaded pipeline, through ``nlp.pipe``.
    """
    from .analysis import analysis_text, analyze
    from .ingest import DEFAULT_MAX_BYTES, read_article
    from .make import load_brief

    loaded: list = []  # a Briefing, or a Source still to analyse
    for path in paths:
        if Path(path).suffix.lower() == ".json":
            loaded.append(load_brief(path))
        else:
            loaded.append(read_article(path, encoding=encoding, max_bytes=max_bytes or DEFAULT_MAX_BYTES))
    sources = [x for x in loaded if not isinstance(x, Briefing)]
    if sources:
        from .batch import PIPE_BATCH_SIZE
        from .nlp import load_pipeline, parse_stream

        nlp = nlp or load_pipeline(pipeline)
        pairs = parse_stream(nlp, ((analysis_text(s), s) for s in sources), PIPE_BATCH_SIZE)
        analysed = {id(s): analyze(s, nlp=nlp, doc=doc) for doc, s in pairs}
        loaded = [x if isinstance(x, Briefing) else analysed[id(x)] for x in loaded]
    return build_digest(loaded)


def load_digest(path: str | os.PathLike) -> Digest:
    """A digest from its JSON file, validated."""
    from .make import load_json_model

    return load_json_model(path, Digest, "digest")


# -- writing ------------------------------------------------------------------------------


def plan_digest_outputs(formats: Sequence[str], output: str | os.PathLike | None = None, *,
                        inputs: Sequence[Path] = (), force: bool = False) -> dict[str, Path]:
    """Where each format of the digest goes, checked before any work is done.

    By default ``digest.EXT`` in the current folder; ``output`` is a folder, or a
    file when one format is asked for. No output may replace one of the ``inputs``.
    """
    from .make import check_writable, output_paths

    plan = output_paths(DEFAULT_NAME, formats, output)
    for path in plan.values():
        for source in inputs:
            check_writable(path, Path(source), force=True)  # never an input, even with --force
        check_writable(path, None, force=force)
    return plan


def render_digest(digest: Digest, fmt: str, *, template: str = "digest", templates: Sequence[Path] = (),
                  settings: Mapping | None = None, style=None) -> bytes:
    """The digest in one format: JSON is the model; every other format goes through the
    digest template and the shared document blocks, like a brief."""
    if fmt == "json":
        return (digest.to_json() + "\n").encode("utf-8")
    return _render(_document(digest, template, templates, settings), fmt, style)


def write_digest(digest: Digest, plan: Mapping[str, Path], *, template: str = "digest",
                 templates: Sequence[Path] = (), settings: Mapping | None = None, style=None) -> list[Path]:
    """Render every planned format, then write them all; returns the paths written."""
    from .render import atomic_write

    document = None
    data: dict[str, bytes] = {}
    for fmt in plan:
        if fmt == "json":
            data[fmt] = render_digest(digest, "json")
            continue
        if document is None:
            document = _document(digest, template, templates, settings)
        data[fmt] = _render(document, fmt, style)
    for fmt, path in plan.items():
        atomic_write(path, data[fmt])
    return list(plan.values())


def _document(digest: Digest, template: str, templates: Sequence[Path], settings: Mapping | None):
    from .document import parse
    from .templates import render_digest_markdown

    return parse(render_digest_markdown(digest, template=template, extra_dirs=templates, settings=settings))


def _render(document, fmt: str, style) -> bytes:
    from .make import render_document

    return render_document(document, fmt, style=style)
