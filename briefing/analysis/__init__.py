"""Analysis: from an article's text to the briefing model.

Each step is a module of small functions over one spaCy ``Doc``:
``quotes`` (direct quotations), ``reported`` (reported speech), ``actors``
(who is who, and who a speaker mention stands for), ``summary`` and
``timeline``. :func:`analyze` runs them in order and builds the model.
"""

from __future__ import annotations

import bisect
import re

from dataclasses import replace

from ..model import Actor, Briefing, Position, Quote, Source, Span
from . import lexicon as lx
from . import scoring
from .actors import ActorIndex
from .quotes import TITLE_SMALL_WORDS, Attribution, SpanIndex, find_quotes, quote_groups, run_on, signatures, speaker_span
from .reading import Reading, doc_text, read
from .reported import find_reported, opening_mark, when_said
from .summary import summarize
from .timeline import build_timeline

__all__ = ["analyze", "analysis_text", "combine_reports", "run_on_quotations", "quotations_run_on", "Attribution"]

# Where a reported clause that runs on past a quotation stops: an aside begins.
CLAUSE_BREAKS = frozenset(",;:")
# A cue in these forms has no subject of its own ("by mentioning", "to say", "likely to stress").
NONFINITE_TAGS = frozenset({"VB", "VBG"})
# A noun cue ("proposals to", "the desire to") the object of a verb, with no holder of its own.
NOUN_TAGS = frozenset({"NN", "NNS"})
HELD_NOUN_DEPS = frozenset({"dobj", "pobj"})
# How such a cue hangs from the clause whose subject speaks through it.
CLIMBED_DEPS = frozenset({"pcomp", "prep", "xcomp", "acomp", "relcl", "dobj", "pobj", "advcl", "attr", "conj", "acl"})
MAX_CLIMB = 5  # steps up the parse from the cue to that clause
# Subjects that name no one.
NO_SPEAKERS = frozenset({"there", "what", "which"})
# Pronouns that name a thing, not a holder of a view.
IMPERSONAL_PRONOUNS = frozenset({"it", "this", "that"})
# Dependencies that open a subordinate clause: after a quotation, the writer's words begin.
CLAUSE_OPENERS = frozenset({"mark", "advcl"})
# A report with a subject of one of these kinds is a clause ("there's a simple explanation"),
# not the mere object of its cue; a question word as subject ("what happened") makes an object too.
CLAUSE_SUBJECT_DEPS = frozenset({*lx.SUBJECT_DEPS, "expl", "csubj"})
QUESTION_TAGS = frozenset({"WP", "WDT"})
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
# What is left at the edge of a report's part when the cue between its parts is cut out.
ASIDE_EDGES = frozenset(",;:-–—(")


def analysis_text(source: Source) -> str:
    """The text spaCy reads of ``source`` (see :mod:`briefing.analysis.reading`)."""
    return read(source).text


def analyze(source: Source, *, nlp=None, doc=None, pipeline: str | None = None) -> Briefing:
    """Build the briefing model of one article.

    Pass ``doc`` when the text was already parsed (as a batch does with
    ``nlp.pipe(analysis_text(s) for s in sources)``); otherwise the pipeline
    ``nlp`` (or the one named ``pipeline``, or the default) parses it here.
    """
    from ..nlp import load_pipeline, parse, pipeline_name

    reading = read(source)
    if doc is None:
        nlp = nlp or load_pipeline(pipeline)
        doc = parse(nlp, reading.text)
    if doc_text(doc) != reading.text:
        raise ValueError("doc was not parsed from analysis_text(source)")

    analysed = doc_text(doc)
    found_quotes = find_quotes(doc)
    found_reported = combine_reports(find_reported(doc, found_quotes), doc, analysed)
    found_reported = [_tidied(a, analysed) for a in found_reported]
    # A fragment in quotation marks that nobody is said to have said is a scare quote
    # or a name (the "2+2" meeting), not a quotation.
    found_quotes = [_trimmed(q, analysed) for q in found_quotes if not (q.partial and q.speaker is None)]
    # The quote stays a quote too: the brief shows it verbatim with its speaker.
    found_reported = run_on_quotations(found_reported, found_quotes, doc, analysed)
    found_reported = _without_quotation_cues(found_reported, found_quotes, analysed)
    found_reported += quotations_run_on(found_quotes, found_reported, doc, analysed)
    # What the rules found that the learned weights say is almost surely no attribution goes.
    found_reported = scoring.keep(found_reported, doc, analysed)
    quoted = [span for q in found_quotes for span in q.spans]
    headline = next(((reading.from_source(d.start), reading.from_source(d.end))
                     for d in source.debris if d.kind == "headline"), None)
    index = ActorIndex(doc, quoted, headline=headline, people=signatures(found_quotes, analysed),
                       marked=_closing_marks(analysed))

    # Speakers are resolved in reading order: each resolution puts its actor in focus.
    text = reading.original
    speakers: dict[int, str | None] = {}
    everything = [*found_quotes, *found_reported]
    for i in sorted(range(len(everything)), key=lambda i: (everything[i].speaker or everything[i].spans[0])[0]):
        att = everything[i]
        said = " ".join(text[s:e] for s, e in att.spans)
        speakers[i] = index.resolve(*att.speaker, avoid_text=said, alone=i < len(found_quotes)) if att.speaker else None

    quotes = [
        _quote(f"q{n}", att, speakers[n - 1], text)
        for n, att in enumerate(found_quotes, start=1)
    ]
    actors: list[Actor] = index.actors()
    live = {a.id for a in actors}
    positions = []
    for n, att in enumerate(found_reported, start=1):
        actor = speakers[len(found_quotes) + n - 1]
        joined = index.joined(*att.speaker, actor) if att.speaker else []
        positions.append(_position(f"p{n}", att, actor, [a for a in joined if a in live], text, doc))
    standfirst = [(reading.from_source(d.start), reading.from_source(d.end))
                  for d in source.debris if d.kind == "standfirst"]
    summary = summarize(doc, actors=actors, quotes=quotes, positions=positions, title=source.title,
                        text=reading.original, furniture=standfirst)
    # The caption's date may set the reference date, so the timeline sees the whole text.
    timeline = build_timeline(doc, published=source.published, text=reading.original)
    brief = Briefing(
        pipeline=pipeline_name(pipeline) if nlp is None else _name_of(nlp),
        source=source if reading.kept is None else source.model_copy(update={"text": reading.original}),
        actors=actors,
        quotes=quotes,
        positions=positions,
        summary=summary,
        timeline=timeline,
    )
    return brief if reading.kept is None else _to_source(brief, reading, source)


def combine_reports(reported: list[Attribution], doc, text: str | None = None) -> list[Attribution]:
    """Reported clauses made whole around the quotations they hold.

    A report whose cue lies inside quotation marks goes. A clause the parse ended inside a quotation (the quote runs on over a
    sentence break) goes on to the closing mark, so the quote stays whole; a
    clause that stops at a closing mark while its own words go on takes them
    in, up to where the writer's aside begins. A source that swallowed the
    content's subject as an appositive gives it back. Then a clause that lies
    inside another with the same speaker or cue is the same report read twice
    and goes (of two from one cue that end together, the later-starting one
    stays). A report with no speaker whose cue has no subject of its own
    ("by mentioning", "proposals to") takes the subject of the clause above.
    Last, a clause that wraps its own cue and speaker ("The plan, officials
    said, will fail") loses them: its parts are the words on either side.
    ``text`` is ``doc.text``, when the caller has it.
    """
    text = doc_text(doc) if text is None else text
    closes = _closing_marks(text)
    # A report read inside quotation marks ("“I think it is peanuts,” ...") is part
    # of what was quoted, and its speaker ("I") is the quoted person's word.
    inside = SpanIndex([(opened + 1, after - 1) for opened, after in closes])
    reported = [a for a in reported if a.cue is None or a.cue[0] not in inside]
    reported = [_to_closing_mark(a, closes) for a in reported]
    ends = {after for _, after in closes}
    reported = [_past_closing_mark(a, doc, text, ends) for a in reported]
    reported = [_appositive_subject(a, doc, text) for a in reported]
    # after the repeats go: a speaker found here is no sign that two reports are one
    reported = [_inherited_speaker(a, doc) for a in _without_repeats(reported)]
    return [_around_cue(a, text) for a in _without_twins(reported)]


def _without_twins(reported: list[Attribution]) -> list[Attribution]:
    """The reports, one of each content: "expressed concern that X" is read off the verb and
    off the noun, and is one report. The one with a speaker stays, else the one whose cue
    comes first (the verb's, whose subject holds the view)."""
    best: dict[tuple, int] = {}
    for i, a in enumerate(reported):
        j = best.get(a.spans)
        if j is None or _twin_rank(a) < _twin_rank(reported[j]):
            best[a.spans] = i
    kept = set(best.values())
    return [a for i, a in enumerate(reported) if i in kept]


def _twin_rank(att: Attribution) -> tuple:
    return att.speaker is None, att.cue[0] if att.cue else -1


def quotations_run_on(quotes: list[Attribution], reported: list[Attribution], doc,
                      text: str | None = None) -> list[Attribution]:
    """Reports of a quotation and the writer's words that go on with its own phrase.

    "I am so sick of the Sanders campaign “lying” about her environmental
    record": what she charged is the quotation with "about her environmental
    record", one statement in her name. The quotation stays as it is in
    ``quotes``; the report holds it with its marks and the words after them,
    so the writer's words are never shown inside quotation marks. A quotation
    already inside a report (its clause was found) gives none.
    """
    text = doc_text(doc) if text is None else text
    found = []
    for q in quotes:
        words = run_on(doc, q) if q.speaker is not None else None
        if words is None:
            continue
        start = opening_mark(text, q.spans[0][0])
        if any(s < words[1] and start < e for a in reported for s, e in a.spans):
            continue
        found.append(Attribution(spans=((start, words[1]),), cue=q.cue, speaker=q.speaker))
    return found


def run_on_quotations(reported: list[Attribution], quotes: list[Attribution], doc,
                      text: str | None = None) -> list[Attribution]:
    """Reports with the whole quotations that go on from them taken in as further parts.

    "The plans are “profoundly irresponsible,” he said. “It leaves guys like
    me speechless.”": the quotation alone in its sentence has no cue of its
    own, and :mod:`.quotes` gives it the cue of the sentence of speech before
    it. What the speaker said is then one report: the clause and the
    quotation after it in the same paragraph. A report that is no clause, the
    mere object of its cue ("He told young staffers. “Don't ...”", "She
    explained what happened. “...”"), is what was spoken to or about, not the
    start of what was said, and takes nothing in. The quotation stays in
    ``quotes`` too, so the brief still shows it verbatim with its speaker.
    ``text`` is ``doc.text``, when the caller has it.
    """
    text = doc_text(doc) if text is None else text
    by_cue: dict[tuple[int, int], list[int]] = {}
    for i, a in enumerate(reported):
        if a.cue is not None:
            by_cue.setdefault(a.cue, []).append(i)
    extra: dict[int, list[tuple[int, int]]] = {}
    for q in quotes:
        if q.partial or q.cue is None:
            continue
        start = q.spans[0][0]
        before = [i for i in by_cue.get(q.cue, ()) if _goes_on_into(doc, text, reported[i], start)]
        if before:  # the report nearest before the quotation goes on into it
            extra.setdefault(max(before, key=lambda i: _extent(reported[i])[1]), []).extend(
                _with_marks(text, span) for span in q.spans)
    return [replace(a, spans=tuple(sorted((*a.spans, *extra[i])))) if i in extra else a
            for i, a in enumerate(reported)]


def _with_marks(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A quote's words with the quotation marks around them: in a report, they show which words are quoted."""
    start, end = span
    if start > 0 and end < len(text) and text[start - 1] in lx.QUOTE_MARKS and text[end] in lx.QUOTE_MARKS:
        return start - 1, end + 1
    return span


def _goes_on_into(doc, text: str, att: Attribution, start: int) -> bool:
    """True when ``att``, a clause, ends before ``start`` in its paragraph and its cue's sentence ends before it too.

    A quotation in the cue's own sentence ("...: “...,” he told the Times")
    was attributed there, perhaps to a cue of its own; only one that stands
    alone after the sentence of speech goes on from it.
    """
    end = _extent(att)[1]
    if end > start or "\n" in text[end:start] or not _is_clause(doc, att):
        return False
    cue = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    return cue is not None and cue[0].sent.end_char <= start


def _is_clause(doc, att: Attribution) -> bool:
    """True when a word of ``att``'s content has a subject that is no question word ("what happened")."""
    for start, end in att.spans:
        for token in doc.char_span(start, end, alignment_mode="expand") or ():
            if token.dep_ in CLAUSE_SUBJECT_DEPS and token.tag_ not in QUESTION_TAGS:
                return True
            if token.dep_ == "mark" and token.lower_ == "that" and token.i == token.head.left_edge.i \
                    and token.head.tag_ in FINITE_TAGS:
                return True  # "That ''is the thing that saved us,''": the parse reads the subject as "that"
    return False


def _without_repeats(reported: list[Attribution]) -> list[Attribution]:
    """The reports less those that lie inside another with the same cue or speaker."""
    # Only reports sharing a cue or a speaker can repeat each other: look among those alone,
    # or a long article costs the square of its reports.
    sharing: dict[tuple, list[int]] = {}
    for j, b in enumerate(reported):
        sharing.setdefault(("cue", b.cue), []).append(j)
        if b.speaker is not None:
            sharing.setdefault(("speaker", b.speaker), []).append(j)
    kept = []
    for i, a in enumerate(reported):
        others = set(sharing[("cue", a.cue)])
        if a.speaker is not None:
            others |= set(sharing[("speaker", a.speaker)])
        if not any(j != i and _same_report(a, reported[j], first=j < i) for j in others):
            kept.append(a)
    return kept


def _without_quotation_cues(reported: list[Attribution], quotes: list[Attribution], text: str) -> list[Attribution]:
    """The reports, less those the parse read off the attribution of a quotation.

    In "“It was truly shameful,” said Leslie Feldman, a plaintiff who waited in
    line" the verb's object in the parse is its speaker, and in "“Jobs, jobs,”
    Mrs. Clinton said on “The Late Show”" the show: what "said" reports there
    is the quotation, and neither the speaker nor the programme is a position.
    """
    by_cue: dict[tuple[int, int], list[Attribution]] = {}
    for q in quotes:
        if q.cue is not None and not q.partial:
            by_cue.setdefault(q.cue, []).append(q)

    def read_off(att: Attribution) -> bool:
        for q in by_cue.get(att.cue, ()):
            if q.speaker is not None and any(s < q.speaker[1] and q.speaker[0] < e for s, e in att.spans):
                return True  # the speaker itself
            said_on = re.sub(r"['’]s\b", "", text[att.cue[1]:att.spans[-1][1]]).replace("'", " ")
            words = said_on.strip(".," + lx.QUOTE_MARKS).split()
            if len(words) > 1 and words[0].lower() in MEDIUM_PREPOSITIONS and _title_words(words[1:]):
                return True  # "said on CBS's “Face the Nation”", "wrote on Facebook"
        return False

    return [a for a in reported if a.cue is None or not read_off(a)]


def _title_words(words: list[str]) -> bool:
    """True for the words of a name or title: "CBS's Face the Nation", "The Late Show With Stephen Colbert"."""
    words = [w.strip(lx.QUOTE_MARKS + ".,") for w in words]
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words)


def _closing_marks(text: str) -> list[tuple[int, int]]:
    """(opening mark, just after the closing mark) of each closed quotation in ``text``, in order."""
    return sorted((s.open, s.after) for g in quote_groups(text) for s in g if s.close is not None)


def _to_closing_mark(att: Attribution, closes: list[tuple[int, int]]) -> Attribution:
    """``att`` with its last span run on to the closing mark of a quotation it opens."""
    *head, (start, end) = att.spans
    i = bisect.bisect_left(closes, (start,))  # ``closes`` is sorted: look only at marks opened in the span
    while i < len(closes) and closes[i][0] < end:
        opened, after = closes[i]
        if end < after - 1:
            return replace(att, spans=(*head, (start, after)))
        i += 1
    return att


def _past_closing_mark(att: Attribution, doc, text: str, ends: set[int]) -> Attribution:
    """``att`` run on past a closing mark to the end of the clause that holds the quote.

    "said she “isn’t going to straight it out” over the next four years": the
    clause is the subtree, under the cue, of the words in the quote; it stops
    at a comma or semicolon, where an aside would begin.
    """
    *head, (start, end) = att.spans
    if end not in ends or att.cue is None:
        return att
    cue = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    inside = doc.char_span(end - 2, end - 1, alignment_mode="expand")  # the last word or mark in the quote
    if not cue or not inside:
        return att
    token, verb = inside[0], cue[0]
    sent = token.sent
    while token.head.i != token.i and token.head.i != verb.i:
        token = token.head
    if token.head.i != verb.i or not sent.start <= verb.i < sent.end:
        return att
    if text[end - 2] in CLAUSE_BREAKS:
        return att  # “...,” closes on a comma: what follows is the writer's aside
    last = min(token.right_edge.i, sent.end - 1)
    stop = end
    for tok in doc[inside[-1].i + 1:last + 1]:
        if tok.idx < end:
            continue
        if tok.text in CLAUSE_BREAKS or tok.is_space or tok.text in lx.QUOTE_MARKS or _starts_aside(tok):
            break
        if stop == end and when_said(tok):
            break  # "as a “disgrace” Wednesday on ...": right after the quote, when it was said
        if tok.dep_ != "cc":  # a conjunction ends nothing: it goes in with the word after it
            stop = tok.idx + len(tok.text)
    while stop > end and not text[stop - 1].isalnum():
        stop -= 1
    return replace(att, spans=(*head, (start, stop))) if stop > end else att


def _appositive_subject(att: Attribution, doc, text: str) -> Attribution:
    """``att`` with the subject of its content taken back from the speaker that swallowed it.

    In "According to Rep. Gowdy, Congressional probing was partly
    responsible" the parse hangs "Congressional probing" on the name as an
    appositive, so the speaker runs on to the content's verb. A speaker after
    its cue that reaches the content with no comma between holds the
    content's subject in that appositive, after its comma.
    """
    if att.cue is None or att.speaker is None or att.cue[1] > att.speaker[0]:
        return att
    (start, end), *rest = att.spans
    said_from, said_to = att.speaker
    if not said_to <= start or text[said_to:start].strip():
        return att
    said = doc.char_span(said_from, said_to, alignment_mode="expand")
    appositive = next((t for t in said or () if t.dep_ == "appos" and t.right_edge.i >= said[-1].i
                       and t.left_edge.i > said.start and t.left_edge.nbor(-1).text == ","), None)
    if appositive is None:
        return att
    comma = appositive.left_edge.nbor(-1).idx
    subject = _tidy(text, comma + 1, said_to)
    speaker = _tidy(text, said_from, comma)
    if subject is None or speaker is None:
        return att
    return replace(att, speaker=speaker, spans=((subject[0], end), *rest))


def _inherited_speaker(att: Attribution, doc) -> Attribution:
    """``att`` with the subject of the clause its cue hangs from as speaker, when it has none.

    A cue with no tense of its own speaks for the subject of the clause above
    it: "Sanders is likely to remind voters ... by mentioning that ...",
    "Trump has been the most aggressive in denouncing the media", "Manafort
    had reason to know that ...". The parse hangs such cues on nouns and
    adjectives as well as verbs, so the climb goes through those too. A noun
    cue with no holder of its own, the object of a verb, is that verb's
    subject's when the subject names someone ("She has rolled out proposals
    to ..."; not "The tax raises the fear that ...").
    """
    if att.speaker is not None or att.cue is None:
        return att
    cue = doc.char_span(att.cue[0], att.cue[1], alignment_mode="expand")
    if not cue or cue.root.tag_ not in NONFINITE_TAGS | NOUN_TAGS:
        return att
    if cue.root.pos_ == "NOUN" and (cue.root.dep_ not in HELD_NOUN_DEPS
                                    or any(c.dep_ == "poss" for c in cue.root.children)):
        return att
    token, sent = cue.root, cue.root.sent
    for _ in range(MAX_CLIMB):
        if token.dep_ not in CLIMBED_DEPS or not sent.start <= token.head.i < sent.end:
            return att
        token = token.head
        subject = next((c for c in token.children if c.dep_ in lx.SUBJECT_DEPS), None)
        if subject is not None:
            if subject.lower_ in NO_SPEAKERS or (cue.root.pos_ == "NOUN" and not _names_someone(subject)):
                return att
            return replace(att, speaker=speaker_span(subject))
    return att


def _names_someone(token) -> bool:
    """True when ``token`` is a name or a personal pronoun, not a thing ("the tax", "this column")."""
    return token.pos_ in ("PROPN", "PRON") and token.lower_ not in IMPERSONAL_PRONOUNS or bool(token.ent_type_)


def _starts_aside(token) -> bool:
    """True when ``token`` opens what the writer adds after a quotation, not the quoted clause.

    A subordinate clause ("” while clips play", "” before sketching her own")
    or a second verb of the same subject ("” and tells the crowd"); a clause
    with a subject of its own ("” and Democrats would need ...") or a noun
    joined to the quoted one ("“rapists” and criminals") goes on.
    """
    if token.dep_ in CLAUSE_OPENERS or token.pos_ == "SCONJ":
        # "“...” and that he fears ...": a second clause joined to the first is said too
        return not (token.head.dep_ == "conj" and any(c.dep_ == "cc" for c in token.head.lefts))
    if token.dep_ == "cc":
        joined = next((c for c in token.head.children if c.dep_ == "conj" and c.i > token.i), None)
        token = joined if joined is not None else token
    return (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in lx.SUBJECT_DEPS for c in token.children))


def _around_cue(att: Attribution, text: str) -> Attribution:
    """``att`` with the cue (and the speaker next to it) cut out of a span that holds it.

    "The plan, officials said, will fail" is one report in two parts, "The
    plan" and "will fail"; the commas around the aside go with it.
    """
    if att.cue is None:
        return att
    cut_start, cut_end = att.cue
    if att.speaker is not None:
        cut_start, cut_end = min(cut_start, att.speaker[0]), max(cut_end, att.speaker[1])
    spans = []
    for start, end in att.spans:
        if not start < att.cue[0] < end:
            spans.append((start, end))
            continue
        spans += [part for part in (_tidy(text, start, max(start, cut_start)), _tidy(text, min(end, cut_end), end))
                  if part]
    return replace(att, spans=tuple(spans)) if spans else att


def _tidy(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` less the spaces and aside punctuation at its edges, or None if nothing is left."""
    while start < end and (text[start].isspace() or text[start] in ASIDE_EDGES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ASIDE_EDGES):
        end -= 1
    return (start, end) if any(c.isalnum() for c in text[start:end]) else None


def _extent(att: Attribution) -> tuple[int, int]:
    return att.spans[0][0], att.spans[-1][1]


def _same_report(inner: Attribution, outer: Attribution, first: bool) -> bool:
    """True when ``inner`` is the same report as ``outer``, read a second time, and should go.

    It lies within ``outer`` and shares its cue or speaker. Of two with the
    same extent, the ``first`` (outer) one is kept. Of two from one cue that
    end together, the one that starts later is kept: both hold the same
    quotation, and only the clause the parse gave the cue starts where the
    content does ("told reporters that “...”" reports "that “...”", not whom
    it was told to nor when).
    """
    (s, e), (os_, oe) = _extent(inner), _extent(outer)
    if inner.cue is not None and inner.cue == outer.cue and e == oe and s != os_:
        inner, outer, (s, e), (os_, oe) = outer, inner, (os_, oe), (s, e)
    if not (os_ <= s and e <= oe):
        return False
    if (s, e) == (os_, oe) and not first:
        return False
    return inner.cue == outer.cue or (inner.speaker is not None and inner.speaker == outer.speaker)


def _name_of(nlp) -> str:
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '')}".rstrip("-")


def _strip(pair, analysed: str):
    """A span without the blank edges it may have picked up over blanked page debris."""
    if pair is None:
        return None
    start, end = pair
    while start < end and analysed[start].isspace():
        start += 1
    while end > start and analysed[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _trimmed(att: Attribution, analysed: str) -> Attribution:
    # a content ending on a blanked tag ("... important to Trump<tweet/>") ends at its last word
    spans = tuple(kept for kept in (_strip(span, analysed) for span in att.spans) if kept is not None)
    return replace(att, spans=spans or att.spans, speaker=_strip(att.speaker, analysed), cue=_strip(att.cue, analysed))


def _without_asides(att: Attribution, text: str) -> Attribution:
    """``att`` with the writer's asides between dashes cut out of its spans.

    "Bill Clinton — often the easiest person to provoke — has been “very worked
    up about it”": the words between the dashes are the writer's, not the
    report's, and PolNeAR leaves them out (392 times on train, against 86
    left in). An aside holding a quotation mark is left alone: it may be
    part of a quotation.
    """
    spans = []
    for start, end in att.spans:
        for m in ASIDE.finditer(text, start, end):
            left, right = _tidy(text, start, m.start()), _tidy(text, m.end(), end)
            if left and right and not any(c in lx.QUOTE_MARKS for c in m.group()):
                spans.append(left)
                start = right[0]
        spans.append((start, end))
    return att if len(spans) == len(att.spans) else replace(att, spans=tuple(spans))


def _tidied(att: Attribution, text: str) -> Attribution:
    """A report's content trimmed, with its opening mark, and without the writer's asides and comment."""
    return _without_writers_comment(_without_asides(_with_opening_mark(_trimmed(att, text), text), text), text)


def _without_writers_comment(att: Attribution, text: str) -> Attribution:
    """``att`` less the writer's comment on it at its end: "the person would “not get beat up”
    at his rally, a swipe at the recent disturbances", "... — a modest boost for Obama".

    The noun phrase after the comma or dash sums up what was said; it is the
    writer's, not the holder's, and PolNeAR leaves it out. A quotation mark in
    it leaves it alone.
    """
    start, end = att.spans[-1]
    m = WRITERS_COMMENT.search(text, start, end)
    if m is None or any(c in lx.QUOTE_MARKS for c in text[m.start():end]):
        return att
    kept = _tidy(text, start, m.start())
    if kept is None:
        return att
    return replace(att, spans=(*att.spans[:-1], kept))


def _with_opening_mark(att: Attribution, text: str) -> Attribution:
    """``att`` with the opening quotation mark just before it taken in when it holds the closing one.

    "emphasized “human rights” as a key priority": the parse starts the object at
    "human", and the position would show a closing mark that was never opened.
    """
    (start, end), *rest = att.spans
    if start == 0 or text[start - 1] not in lx.DOUBLE_OPEN + lx.DOUBLE_STRAIGHT:
        return att
    words = text[start:end]
    opened = sum(words.count(c) for c in lx.DOUBLE_OPEN)
    closed = sum(words.count(c) for c in lx.DOUBLE_CLOSE)
    straight = sum(words.count(c) for c in lx.DOUBLE_STRAIGHT)
    if closed > opened or (text[start - 1] in lx.DOUBLE_STRAIGHT and straight % 2 == 1):
        return replace(att, spans=((start - 1, end), *rest))
    return att


def _span(pair) -> Span | None:
    return Span(start=pair[0], end=pair[1]) if pair else None


def _quote(qid: str, att: Attribution, speaker: str | None, text: str) -> Quote:
    start = min(s for s, _ in att.spans)
    end = max(e for _, e in att.spans)
    return Quote(
        id=qid,
        text=text[start:end],
        start=start,
        end=end,
        spans=[tuple(s) for s in att.spans],
        partial=att.partial,
        speaker=speaker,
        speaker_mention=_span(att.speaker),
        cue=_span(att.cue),
    )


# Words before a cue verb that belong to how it was said: "did not comment", "has said", "was told".
CUE_AUXILIARIES = frozenset({"aux", "auxpass", "neg"})
# Words after it that the content hangs from: "comment on", "lashed out at".
CUE_PARTICLES = frozenset({"prt", "prep", "agent"})
# A writer's aside between dashes: " — ... — ", " -- ... -- ", "—...—".
ASIDE = re.compile(r"[^\S\n]+[—–][^\S\n]+[^—–\n]{1,200}?[^\S\n]+[—–][^\S\n]+|"
                   r"[^\S\n]+--[^\S\n]+[^\n]{1,200}?[^\S\n]+--[^\S\n]+|—[^—\n]{1,200}?—")
# The writer's summing-up after what was reported: ", a swipe at ...", " — a modest boost for ...".
WRITERS_COMMENT = re.compile(
    r"(?:,|[^\S\n]+[—–]|[^\S\n]+--?)[^\S\n]+(?:a|an|the)[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,2}?"
    r"(?:swipe|reference|nod|acknowledge?ment|charge|allusion|play|jab|dig|rebuke|move|boost|blow|reversal|twist|"
    r"departure|shot|signal|reminder|message)\b", re.I)
MAX_CUE_GAP_WORDS = 3  # "took issue with", "voiced strong support for"
# "said on “Meet the Press”", "wrote in The Atlantic": where it was said, not what.
MEDIUM_PREPOSITIONS = frozenset({"on", "in", "to"})


def _cue_phrase(doc, cue: tuple[int, int], content_start: int) -> tuple[int, int]:
    """A verb cue with its auxiliaries and negation before it, and the particle or preposition
    that leads into the content after it: "did not comment on", not "comment".

    A position is read under its holder's name as cue and content ("did not comment on | the
    remarks"); the bare verb would turn a refusal into a statement. Only words next to the
    verb, in one run, are taken.
    """
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if words is not None and len(words) == 1 and words[0].pos_ == "NOUN":
        # "criticism toward | Washington", "call for | a ban": a noun's preposition leads into the content
        after = words[0].nbor(1) if words[0].i + 1 < len(doc) else None
        if (after is not None and after.dep_ == "prep" and after.head.i == words[0].i
                and after.idx + len(after.text) <= content_start
                and not doc_text(doc)[after.idx + len(after.text):content_start].strip()):
            return cue[0], after.idx + len(after.text)
        return cue
    if words is None or len(words) != 1 or words[0].pos_ not in ("VERB", "AUX"):
        return cue
    verb = words[0]
    first = verb
    while first.i > 0 and first.nbor(-1).head.i == verb.i and first.nbor(-1).dep_ in CUE_AUXILIARIES:
        first = first.nbor(-1)
    last = verb
    after = last.nbor(1) if last.i + 1 < len(doc) else None
    while (after is not None and after.head.i == verb.i and after.dep_ in CUE_PARTICLES
           and after.idx + len(after.text) <= content_start):
        last = after
        after = last.nbor(1) if last.i + 1 < len(doc) else None
    if after is not None and after.idx < content_start:
        # A few words of the verb's own between it and the content ("took issue with",
        # "told his audience") belong to the cue; a time ("promised Sunday") and anything
        # else is left out.
        near = doc[last.i + 1:min(len(doc), last.i + 2 + MAX_CUE_GAP_WORDS)]
        gap = [t for t in near if t.idx < content_start and not t.is_space]
        if (gap and len(gap) <= MAX_CUE_GAP_WORDS and near[-1].idx >= content_start
                and all(not t.is_punct and verb in t.ancestors and t.ent_type_ not in lx.WHEN_ENTITIES for t in gap)):
            last = gap[-1]
        else:
            last = verb  # the preposition does not lead straight into the content: leave it out
    return first.idx, last.idx + len(last.text)


def _position(pid: str, att: Attribution, actor: str | None, co_actors: list[str], text: str, doc) -> Position:
    start = min(s for s, _ in att.spans)
    end = max(e for _, e in att.spans)
    cue = att.cue if att.cue is None else _cue_phrase(doc, att.cue, start)
    return Position(
        id=pid,
        actor=actor,
        co_actors=co_actors,
        text=text[start:end],
        start=start,
        end=end,
        spans=[tuple(s) for s in att.spans],
        speaker_mention=_span(att.speaker),
        cue=_span(cue),
    )


def _to_source(brief: Briefing, reading: Reading, source: Source) -> Briefing:
    """The brief with every offset moved from what spaCy read back to ``source.text``."""
    text = source.text

    def span(sp):
        if sp is None:
            return None
        s, e = reading.to_source(sp.start, sp.end)
        return Span(start=s, end=e)

    def cut(item, **extra):
        s, e = reading.to_source(item.start, item.end)
        return item.model_copy(update={"start": s, "end": e, "text": text[s:e], **extra})

    # model_copy does not validate: the round trip does, so a mapping slip cannot pass unseen.
    return Briefing.model_validate(brief.model_copy(update={
        "source": source,
        "actors": [a.model_copy(update={"mentions": [span(m) for m in a.mentions]}) for a in brief.actors],
        "quotes": [cut(q, spans=[reading.to_source(s, e) for s, e in q.spans],
                       speaker_mention=span(q.speaker_mention), cue=span(q.cue)) for q in brief.quotes],
        "positions": [cut(p, spans=[reading.to_source(s, e) for s, e in p.spans],
                          speaker_mention=span(p.speaker_mention), cue=span(p.cue)) for p in brief.positions],
        "summary": brief.summary.model_copy(update={
            "bluf_sources": [span(b) for b in brief.summary.bluf_sources],
            "key_points": [cut(k) for k in brief.summary.key_points]}),
        "timeline": [cut(t, date_mention=span(t.date_mention)) for t in brief.timeline],
    }).model_dump())
