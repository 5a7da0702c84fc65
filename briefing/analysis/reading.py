"""What spaCy reads of an article, and the way back to the article's own offsets.

Page debris and control characters are blanked (same length, see
:func:`briefing.ingest.analysis_text`). Invisible format characters (zero-width
spaces and joiners, soft hyphens, bidi marks) are dropped instead: blanked, they
would split ``Ma<ZWSP>rc`` into two words. Dropping moves offsets, so a
:class:`Reading` keeps, for each character read, where it stands in
``source.text``; everything the analysis finds is mapped back through it.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

from ..model import Source


@dataclass(frozen=True)
class Reading:
    text: str  # what spaCy reads
    original: str  # source.text less the dropped characters: verbatim cuts come from here
    kept: tuple[int, ...] | None  # source offset of each character of ``text``; None if none dropped
    source_length: int

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span of ``text[start:end]`` (dropped characters inside it included)."""
        if self.kept is None:
            return start, end
        if end <= start:
            at = self.kept[start] if start < len(self.kept) else self.source_length
            return at, at
        return self.kept[start], self.kept[end - 1] + 1

    def from_source(self, offset: int) -> int:
        """Where source offset ``offset`` falls in ``text``."""
        if self.kept is None:
            return offset
        return bisect.bisect_left(self.kept, offset)


def read(source: Source) -> Reading:
    from ..ingest import analysis_text as blank

    # The headline is read once (it may carry an attribution), and so is the standfirst under
    # it ("One protest organizer says party platform ignores movement."); their repeats and
    # the rest of the page furniture are not.
    first = next((d for d in source.debris if d.kind == "headline"), None)
    read_once = [d for d in source.debris if d is first or d.kind == "standfirst"]
    if read_once:
        source = source.model_copy(update={"debris": [d for d in source.debris
                                                      if not any(d is r for r in read_once)]})
    blanked = blank(source)
    text = source.text
    kept = [i for i, c in enumerate(text) if c.isprintable() or unicodedata.category(c) != "Cf"]
    if len(kept) == len(text):
        return Reading(blanked, text, None, len(text))
    return Reading("".join(blanked[i] for i in kept), "".join(text[i] for i in kept), tuple(kept), len(text))


def doc_text(doc) -> str:
    """``doc.text``, joined once per doc.

    spaCy joins every token's text anew on each ``doc.text``; the analysis asks
    for it a dozen times per article, which cost a quarter of its time.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "briefing.text"
