"""The briefing model: the contract between analysis and rendering.

Every item that comes from the article points back into ``source.text`` with
character offsets (``start`` inclusive, ``end`` exclusive). The model is
validated when it is built and when it is read back from JSON, so a brief a
user has edited by hand cannot carry a quote that is not in the article.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

# 1.1: a position lists its spans (1.0 briefs, without them, still load: one span).
# 1.2: a position may have co-holders (``co_actors``; older briefs have none).
SCHEMA_VERSION = "1.2"

ActorKind = Literal["person", "organization", "country"]
DebrisKind = Literal[
    "section", "headline", "standfirst", "caption", "credit", "byline", "dateline", "boilerplate", "markup"
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Record):
    """A range of characters in ``source.text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span ends ({self.end}) before it starts ({self.start})")
        return self


class Debris(Span):
    """Page furniture found in pasted text and kept out of the analysis."""

    kind: DebrisKind


class Source(_Record):
    """The article as read, with what ingest learnt about it."""

    text: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    published: Optional[dt.date] = None
    author: Optional[str] = None
    url: Optional[str] = None
    path: Optional[str] = None
    sha256: str
    encoding: Optional[str] = None
    debris: list[Debris] = []


class Actor(_Record):
    """One real-world person, organization or country, however the article names it."""

    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = []
    role: Optional[str] = None
    affiliation: Optional[str] = None
    affiliation_id: Optional[str] = None
    mentions: list[Span] = []
    salience: float = Field(default=0.0, ge=0.0, le=1.0)


class Quote(_Record):
    """Words inside quotation marks, verbatim.

    ``text`` is ``source.text[start:end]``; a quote broken by its attribution
    (``"X," she said. "Y."``) is one quote whose ``spans`` lists each part, and
    ``start``/``end`` cover them all.
    """

    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    spans: list[tuple[int, int]]
    partial: bool = False
    speaker: Optional[str] = None
    speaker_mention: Optional[Span] = None
    cue: Optional[Span] = None

    def parts(self, source_text: str) -> list[str]:
        """The quoted words of each span, in order."""
        return [source_text[s:e] for s, e in self.spans]


class Position(_Record):
    """What an actor says, wants or believes, in reported speech.

    As with :class:`Quote`, ``text`` is ``source.text[start:end]`` and
    ``spans`` lists the parts: a report that wraps its cue ("The plan,
    officials said, will fail") has two, and the cue between them is not
    part of the position. A position read without spans (schema 1.0) has one,
    from ``start`` to ``end``.
    """

    id: str
    actor: Optional[str] = None
    # The others who hold it with ``actor``: "Blinken and Austin both emphasized ...".
    co_actors: list[str] = []
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    spans: list[tuple[int, int]] = []
    speaker_mention: Optional[Span] = None
    cue: Optional[Span] = None

    @model_validator(mode="before")
    @classmethod
    def _one_span_by_default(cls, data):
        if isinstance(data, dict) and not data.get("spans") and "start" in data and "end" in data:
            data = {**data, "spans": [(data["start"], data["end"])]}
        return data

    def parts(self, source_text: str) -> list[str]:
        """The words of each span, in order."""
        return [source_text[s:e] for s, e in self.spans]

    def lead_in(self, source_text: str) -> str:
        """The cue as it reads before the position ("did not comment on", "pledged"), or "".

        Under its holder's name, a position reads as cue and content: "did not comment
        on the remarks", not "the remarks". A cue after the content ("..., officials
        said") or one set off by punctuation ("According to the ministry, ...") is left out,
        but not a verb before a "that" clause after a colon ("emphasized the same point:
        that ..." reads "emphasized that ...").
        """
        if self.cue is None or self.cue.end > self.start:
            return ""
        between = source_text[self.cue.end:self.start]
        clause = between.rstrip().endswith(":") and source_text[self.start:self.start + 5].lower() == "that "
        cue = source_text[self.cue.start:self.cue.end]
        if (any(c in between for c in ",;:\n") and not clause) or not cue.strip():
            return ""
        return cue

    def lead_out(self, source_text: str) -> str:
        """The cue as it reads right after the position ("This proposal | was rejected"), or "".

        A content that is only what was acted on reads nothing alone; with the cue that
        follows it, it does. A cue set off by punctuation ("..., officials said", "“...,”
        said") is left out: the content reads as a clause of its own.
        """
        if self.cue is None or self.cue.start < self.end:
            return ""
        between = source_text[self.end:self.cue.start]
        cue = source_text[self.cue.start:self.cue.end]
        if between.strip() or not source_text[self.end - 1:self.end].isalnum() or not cue.strip():
            return ""
        return cue


class KeyPoint(_Record):
    """A point of the summary and the sentence it comes from."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Summary(_Record):
    """The bottom line up front and the key points."""

    bluf: str = ""
    bluf_sources: list[Span] = []
    key_points: list[KeyPoint] = []


class TimelineEvent(_Record):
    """A dated event; ``date`` is ISO 8601 (``2021-03-17``, or ``2021-03``/``2020`` when vaguer)."""

    date: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    date_mention: Optional[Span] = None


class Briefing(_Record):
    """A whole brief: the source, what was found in it, and how."""

    schema_version: str = SCHEMA_VERSION
    generator: str = "briefing"
    pipeline: Optional[str] = None
    source: Source
    actors: list[Actor] = []
    quotes: list[Quote] = []
    positions: list[Position] = []
    summary: Summary = Summary()
    timeline: list[TimelineEvent] = []

    @model_validator(mode="after")
    def _consistent(self) -> "Briefing":
        major = self.schema_version.split(".")[0]
        if major != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(
                f"schema_version {self.schema_version} is not supported (this is {SCHEMA_VERSION})"
            )
        text = self.source.text
        n = len(text)

        def in_text(what: str, start: int, end: int) -> None:
            if not (0 <= start <= end <= n):
                raise ValueError(f"{what}: offsets {start}-{end} fall outside the source text ({n} characters)")

        ids = {a.id for a in self.actors}
        if len(ids) != len(self.actors):
            raise ValueError("actor ids are not unique")
        for a in self.actors:
            for m in a.mentions:
                in_text(f"actor {a.id} mention", m.start, m.end)
            if a.affiliation_id is not None and a.affiliation_id not in ids:
                raise ValueError(f"actor {a.id}: affiliation_id {a.affiliation_id!r} is not an actor")
        def verbatim(what: str, item) -> None:
            """A quote or position: its text is the source's at its offsets, its spans inside them."""
            in_text(what, item.start, item.end)
            if text[item.start:item.end] != item.text:
                raise ValueError(f"{what} is not verbatim: its text differs from source.text[{item.start}:{item.end}]")
            if not item.spans:
                raise ValueError(f"{what} has no spans")
            for s, e in item.spans:
                in_text(f"{what} span", s, e)
                if s < item.start or e > item.end:
                    raise ValueError(f"{what}: span {s}-{e} lies outside {item.start}-{item.end}")

        for q in self.quotes:
            verbatim(f"quote {q.id}", q)
            if q.speaker is not None and q.speaker not in ids:
                raise ValueError(f"quote {q.id}: speaker {q.speaker!r} is not an actor")
            for what, sp in (("speaker_mention", q.speaker_mention), ("cue", q.cue)):
                if sp is not None:
                    in_text(f"quote {q.id} {what}", sp.start, sp.end)
        for p in self.positions:
            verbatim(f"position {p.id}", p)
            if p.actor is not None and p.actor not in ids:
                raise ValueError(f"position {p.id}: actor {p.actor!r} is not an actor")
            if p.co_actors and p.actor is None:
                raise ValueError(f"position {p.id}: co_actors without an actor")
            for a in p.co_actors:
                if a not in ids or a == p.actor:
                    raise ValueError(f"position {p.id}: co-actor {a!r} is not another actor")
        for k in self.summary.key_points:
            in_text("key point", k.start, k.end)
        for s in self.summary.bluf_sources:
            in_text("bluf source", s.start, s.end)
        for t in self.timeline:
            in_text("timeline event", t.start, t.end)
        return self

    # -- convenience for templates and writers -------------------------------------------

    def actor(self, actor_id: Optional[str]) -> Optional[Actor]:
        """The actor with this id, or None."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def quotes_by(self, actor_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.speaker == actor_id]

    def positions_of(self, actor_id: str) -> list[Position]:
        """What ``actor_id`` holds, alone or with others."""
        return [p for p in self.positions if p.actor == actor_id or actor_id in p.co_actors]

    # -- JSON ------------------------------------------------------------------------------

    def to_json(self, indent: int | None = 2) -> str:
        return self.model_dump_json(indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> "Briefing":
        return cls.model_validate_json(data)


def json_schema() -> str:
    """The JSON Schema of the briefing model, as text."""
    return json.dumps(Briefing.model_json_schema(), indent=2)
