"""Reported speech and positions: "X stressed that ...", "according to X, ...", "X wants to ...".

Read off the dependency parse: a reporting verb's clausal complement is the
content and its subject the speaker. Besides verbs (speech, belief, intention,
stance, light verbs such as "made the case that", "see X as Y", what a poll
shows), cues may be predicate adjectives ("are critical of", "is convinced
that"), nouns with a holder ("Trump's call for", "his plans to", "the claim
that"), "according to X", a poll named up front or last ("In the new poll, ..."), and
the verb of a Title Case headline that the parse took for a name. A passive
stance verb reports its subject for its agent ("The move was criticized by
X"); a relative pronoun stands for the object ("which Trump supported").
Clauses already inside a direct quotation belong to that quotation and are
skipped; a partial quote inside a reported clause stays part of it. Content
boundaries follow PolNeAR: a second report joined to a clause ("..., and said
...") ends it, the writer's asides and contrasts (", though ...", "while
...") and opening links ("In fact, ...") are left out, and a content on both
sides of its cue ("which he said were split", "Trump is expected | to win")
comes in two spans. The word lists live in :mod:`.lexicon`. Where no rule
reports, a table of cue frames mined from PolNeAR train (:mod:`.learned_cues`,
written by ``benchmarks/mine_cues.py``) may: "Trump bemoaned the deal" reports
the object of a verb whose ``lemma/POS/frame`` is listed there.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re

from . import learned_cues
from . import lexicon as lx
from .quotes import (
    CLOSING_TAG,
    Attribution,
    SpanIndex,
    according_to,
    idiom_of_saying,
    is_reporting_verb,
    misread_participle,
    noun_phrase,
    overlaps,
    sentences,
    speaker_span,
    subject_of,
    token_span,
    verbless_subject,
)
from .reading import doc_text

# Share of a reported clause that may lie inside a full quotation before the
# clause is taken to be that quotation's own; a clause that holds its quotations
# whole ("said that he had “very serious concerns ...”") may be almost all quote.
MAX_QUOTED_SHARE = 0.5
MAX_WRAPPED_QUOTE_SHARE = 0.95

# The learned table's word for a frame that holds for any word of its part of speech ("*/ADJ/prep:about").
ANY_WORD = "*"


class _Extents:
    """Spans sorted by start, with the furthest end reached so far: which of them reach into a range?"""

    def __init__(self, spans, keys=None):
        order = sorted(range(len(spans)), key=lambda i: spans[i])
        self.spans = [spans[i] for i in order]
        self.keys = [i for i in order] if keys is None else [keys[i] for i in order]
        self.starts = [s for s, _ in self.spans]
        self.reach = list(itertools.accumulate((e for _, e in self.spans), max))

    def reaching(self, start: int, end: int, margin: int = 0):
        """(span, key) of the spans that start before ``end + margin`` and end after ``start - margin``."""
        i = bisect.bisect_left(self.starts, end + margin)
        while i > 0 and self.reach[i - 1] + margin > start:
            i -= 1
            yield self.spans[i], self.keys[i]


def _covered(spans, quoted: _Extents) -> int:
    """How many characters of ``spans`` lie inside full (not partial) quotations (``quoted``)."""
    total = 0
    for s, e in spans:
        for (qs, qe), _ in quoted.reaching(s, e, margin=1):
            total += max(0, min(e, qe + 1) - max(s, qs - 1))
    return total


def _wraps(att: Attribution, quoted: _Extents) -> bool:
    """Is ``att`` the report of every full quotation it reaches, holding it whole after words of its own?

    'said that he had “very serious concerns”' starts before its quotation
    and ends with it; '... them,” Hewitt said' runs out of one, and '(That
    said, she noted, “...”)' holds the quotation's own cue, so neither does.
    """
    for s, e in att.spans:
        for (qs, qe), cue in quoted.reaching(s, e, margin=1):
            if not s < qs - 1 or qe + 1 < e - 1 or cue != att.cue and _inside_any(cue, att.spans):
                return False
    return True


def _inside_any(span, spans) -> bool:
    return span is not None and any(s <= span[0] and span[1] <= e for s, e in spans)


def _edges(tokens, text: str) -> tuple[int, int] | None:
    """Character span of ``tokens`` without punctuation and spaces at either end."""
    tokens = _without_opening_aside(_without_trailing_aside(sorted(tokens, key=lambda t: t.i)))
    tokens = _without_cleft_clause(_without_leading_when(tokens))
    # "But the plan will fail, she said": the opener ties the sentence to the one before
    # (an opening mark stays; a closing one that opens a paragraph, "” … he delivered", does not)
    while len(tokens) > 1 and (tokens[0].is_punct and (tokens[0].text not in lx.QUOTE_MARKS
                                                      or tokens[0].text in lx.DOUBLE_CLOSE) or tokens[0].is_space
                               or tokens[0].dep_ == "cc" and tokens[0].lower_ not in lx.NEGATING_CONJUNCTIONS
                               or tokens[0].lower_ in lx.SENTENCE_OPENERS):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in lx.QUOTE_MARKS or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    start, end = _close_quote(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    if text[end:end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
        end += 1  # "Sen. Ted Cruz (R-Texas": the parse hung the closing bracket elsewhere
    return start, end


def _without_leading_when(tokens: list) -> list:
    """Drop the cue's own when (and where) that the parse put first in the content:
    'promised Monday | to begin ...', 'vowed Sunday at a Las Vegas rally | to end ...'."""
    kept = {t.i for t in tokens}
    first = tokens[0] if tokens else None
    if first is None or first.ent_type_ not in lx.WHEN_ENTITIES or first.head.i in kept:
        return tokens
    n = 1
    while n < len(tokens) and tokens[n].ent_iob_ == "I":
        n += 1
    # Then where it was said, hung on the cue too: "at a Las Vegas rally".
    while n < len(tokens) and tokens[n].dep_ == "prep" and tokens[n].head.i not in kept:
        n += len([t for t in tokens[n].subtree if t.i in kept])
    rest = tokens[n:]
    # Only when a clause or phrase of the content's own is left.
    return rest if any(not t.is_punct for t in rest) else tokens


def _without_opening_aside(tokens: list) -> list:
    """Drop the writer's link that opens the content: "In fact, ...", "Even so, ...", "as it happens — ..."."""
    for n in range(1, min(len(tokens) - 1, lx.MAX_DISCOURSE_OPENER_WORDS + 1)):
        if tokens[n].text in lx.ASIDE_MARKS:
            if " ".join(t.lower_ for t in tokens[:n]) in lx.DISCOURSE_OPENERS:
                return tokens[n + 1:]
            break
    return tokens


def _without_trailing_aside(tokens: list) -> list:
    """Drop a comma-set modifier that ends the content.

    "... a ban on Muslims, drawing a sharp reply from Khan" and "... Mrs.
    Clinton, a former secretary of state" report the clause, not the aside.
    """
    for n in range(len(tokens) - 2, 0, -1):
        if tokens[n].text != ",":
            continue
        head = tokens[n + 1]
        while head.head.i > tokens[n].i and head.head.i != head.i and head.head in tokens:
            head = head.head
        if head.dep_ in lx.ASIDE_DEPS and head.right_edge.i >= tokens[-1].i and head.left_edge.i > tokens[n].i:
            return tokens[:n]
        if _is_contrast(head) and head.right_edge.i >= tokens[-1].i and head.left_edge.i > tokens[n].i:
            return tokens[:n]
        break  # only the last comma
    return _without_trailing_contrast(tokens)


def _without_trailing_contrast(tokens: list) -> list:
    """Drop a "while ..." clause with a subject of its own that ends the content, comma or not.

    "accused Clinton of a smear while Sanders suggests she is a captive" reports the accusation.
    """
    if len(tokens) < 3:
        return tokens
    inside = {t.i for t in tokens}
    for t in tokens:
        if (t.dep_ == "advcl" and t.head.i in inside and t.left_edge.i > tokens[0].i
                and t.right_edge.i >= tokens[-1].i and _is_contrast(t)
                and any(c.dep_ in lx.SUBJECT_DEPS for c in t.children)):
            kept = [x for x in tokens if x.i < t.left_edge.i]
            while kept and (kept[-1].is_punct or kept[-1].is_space):
                kept.pop()
            return kept or tokens
    return tokens


def _is_contrast(head) -> bool:
    """", though ...", ", even as ...", ", compared with ...": the writer's contrast, not the report.

    A comparison of like with like ("Clinton received 49.84 percent while Sanders received
    49.59 percent") is one finding, not a contrast.
    """
    if head.dep_ == "advcl" and _lemma(head) == _lemma(head.head):
        return False
    if head.dep_ == "advcl":
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in lx.CONTRAST_MARKS and c.i < head.i
                   for c in head.children)
    return head.dep_ == "prep" and head.lower_ in lx.CONTRAST_PREPOSITIONS


def _close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """Extend a content over the punctuation and mark that close a quote it opened.

    ``that the plan “will work.”`` keeps its ``.”`` so the quotation stays whole.
    """
    body = text[start:end]
    opened = max(body.rfind(m) for m in lx.DOUBLE_OPEN + lx.DOUBLE_STRAIGHT)
    closed = max(body.rfind(m) for m in lx.DOUBLE_CLOSE)
    if opened < 0 or closed > opened or (body.count(lx.DOUBLE_STRAIGHT) % 2 == 0 and opened == body.rfind(lx.DOUBLE_STRAIGHT)):
        return start, end
    stop = end
    while stop < len(text) and text[stop] in ".,;:!?" and stop - end < 3:
        stop += 1
    if stop < len(text) and text[stop] in lx.DOUBLE_CLOSE + lx.DOUBLE_STRAIGHT:
        return start, stop + 1
    return start, end


def _complement(verb, sent):
    """The clause a reporting verb reports, as a token list, or None."""
    lemma = _lemma(verb)
    # "Social issues matter: 42% say they're liberal": a clause after the verb is its content
    # before one ahead of it
    for child in sorted(verb.children, key=lambda c: (c.dep_ == "ccomp" and c.i < verb.i, c.i)):
        if not sent.start <= child.i < sent.end:
            continue
        if child.dep_ == "ccomp" and lemma not in lx.QUOTE_ONLY_VERBS:
            # "The plan failed, she said" reports; "X failed; Y considered" is a misparse.
            if child.i < verb.i and ((lemma not in lx.SPEECH_VERBS and not _thought_after(verb, child))
                                     or (_own_report(child) and _lemma(child) in lx.SPEECH_VERBS)):
                continue  # "42% say X, 26% say Y": the first report is one of its own
            child = _past_misread_passive(child)
            tokens = _without_joined_report(_without_leading_report(list(child.subtree), child))
            if child.i > verb.i and tokens and tokens[-1].i == child.right_edge.i:
                tokens += _clause_continued(verb, tokens[-1].i, sent)
            return _question_word_before(verb, child) + tokens
    if lemma in lx.QUESTION_VERBS:
        # "asked the contender if he had been preparing ...": the parse hangs the question as an adverbial
        for child in verb.rights:
            if (child.dep_ == "advcl" and sent.start <= child.i < sent.end
                    and any(c.dep_ == "mark" and c.lower_ in lx.QUESTION_MARKERS for c in child.children)):
                return list(child.subtree)
    for child in verb.rights:
        if child.dep_ != "xcomp" or not sent.start <= child.i < sent.end:
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        # "wants to leave"; "said using a private server was improper" (a misparsed clause)
        if (lemma in lx.INTENTION_VERBS and infinitive) or (lemma in lx.SPEECH_VERBS and not infinitive):
            # "wants the refugees to come", "asked it to be fetched": the object is part of it;
            # "Trump is expected to win": so is the passive's subject, ahead of the cue
            objects = [c for c in verb.rights if c.dep_ == "dobj" and c.i < child.i]
            if infinitive and not objects:
                objects = [c for c in verb.lefts if c.dep_ == "nsubjpass"]
            return _without_joined_report([t for o in objects for t in o.subtree] + list(child.subtree))
    if lemma in lx.SPEECH_VERBS and verb.dep_ == "amod" and verb.tag_ in lx.REPORTING_TENSE_TAGS:
        return _clause_after_misread_verb(verb, sent)
    if lemma in lx.SPEECH_VERBS:
        tokens = _that_clause_after_occasion(verb, sent)
        if tokens:
            return tokens
    if lemma in lx.TOPIC_VERBS:
        # "said nothing about the plan", "spoke about immigration", "said no to the war"
        topic = _prepositional_object(verb, lx.TOPIC_PREPOSITIONS)
        if topic and not any(t.ent_type_ in lx.WHEN_ENTITIES for t in topic):
            return topic  # not "spoke on Monday"
    tokens = _verb_prepositional_object(verb) or _named_holder_object(verb, sent)
    if tokens:
        return tokens
    if lemma in lx.STANCE_VERBS:
        passive = _passive_subject(verb)
        tokens = _object_phrase(verb, sent) or (list(passive[0].subtree) if passive else None)
        return _without_joined_report(tokens) if tokens else _relative_object(verb)
    if lemma in lx.SAY_VERBS:
        # "26 percent said the same", "46 percent said yes"
        objects = [c for c in verb.rights if c.dep_ in ("dobj", "intj") and sent.start <= c.i < sent.end]
        if objects:
            return list(objects[0].subtree)
    return None


def _thought_after(verb, clause) -> bool:
    """True for ", some Democrats now think." after the clause it reports: a comma, the
    subject, a verb of thought and nothing after it but where and when."""
    if _lemma(verb) not in lx.COGNITION_VERBS:
        return False
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i <= clause.right_edge.i or not _after_comma(verb.doc, subject.left_edge.i):
        return False
    return _nothing_after_but(verb, TRAILING_THOUGHT_DEPS)


def _that_clause_after_occasion(verb, sent) -> list | None:
    """"told the board in a private meeting that he may not follow through": the parse hung
    the "that" clause on the occasion as a relative clause. A clause that opens with "that"
    as a conjunction and has a subject of its own is what was said, not a relative clause.
    """
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ not in lx.OCCASION_PREPOSITIONS:
            continue
        for token in prep.subtree:
            mark = token.left_edge
            if (token.dep_ == "relcl" and sent.start <= token.i < sent.end
                    and mark.lower_ == "that" and mark.dep_ == "mark" and mark.head.i == token.i
                    and any(c.dep_ in lx.SUBJECT_DEPS for c in token.children)):
                return _without_joined_report(list(token.subtree))
    return None


def _question_word_before(verb, clause) -> list:
    """"asked what characteristics | he would like": the question's object, which the
    parse hung on the verb, right before the clause it opens."""
    for child in verb.rights:
        if (child.dep_ == "dobj" and child.right_edge.i + 1 == clause.left_edge.i
                and child.left_edge.tag_ in lx.QUESTION_WORD_TAGS):
            return list(child.subtree)
    return []


def _past_misread_passive(clause):
    """The "that" clause of ``clause`` when ``clause`` is a passive report with a subject of its own.

    "said on the same day Kim’s statement was announced that Seoul has not
    changed": "a statement was announced that ..." is no English (only "it was
    announced that ..." is), so the parse hung a time's relative clause between
    "said" and what was said. What was said is the "that" clause.
    """
    if not (clause.pos_ == "VERB" and _lemma(clause) in lx.REPORTING_VERBS
            and any(c.dep_ == "auxpass" for c in clause.children)):
        return clause
    subject = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in lx.EXPLETIVE_SUBJECTS:
        return clause
    said = next((c for c in clause.rights if c.dep_ == "ccomp"
                 and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)), None)
    return said if said is not None else clause


def _verb_prepositional_object(verb) -> list | None:
    """"agreed with his assessment", "lashed out at the press": the object of the verb's listed
    preposition, when someone (a name, a personal pronoun, a group) is its subject."""
    prepositions = lx.VERB_PREPOSITIONS.get(_lemma(verb))
    if not prepositions or verb.dep_ in ("amod", "acl") or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = subject_of(verb)
    if subject is None or not is_source_like(subject):
        return None
    tokens = _prepositional_object(verb, prepositions)
    if not tokens or all(t.ent_type_ in lx.WHEN_ENTITIES for t in tokens) or _only_someone(tokens):
        return None
    return _without_joined_report(tokens)


def _only_someone(tokens) -> bool:
    """"agreed with Austin", "lashed out at him": a person, not a stance; what was agreed, if
    anything, is said elsewhere ("... by saying that ...")."""
    words = [t for t in tokens if not t.is_punct]
    return bool(words) and all(t.ent_type_ == "PERSON" or t.pos_ == "PRON" or t.dep_ == "cc" for t in words)


def _known_as(verb, sent) -> list | None:
    """"He is better known as a Dallas Cowboys fan", "Obama will be remembered as ...": a passive
    of repute, its subject and phrase."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subjects = [c for c in verb.lefts if c.dep_ == "nsubjpass"]
    phrase = _prepositional_object(verb, lx.REPUTE_PREPOSITIONS)
    if not subjects or not phrase:
        return None
    return _in_sentence(list(subjects[0].subtree) + phrase, sent) or None


def _named_holder_object(verb, sent) -> list | None:
    """"Sanders recalled the visit", "The campaign confirmed the meeting": the direct object
    of a verb that reports it only when someone named is the subject."""
    if _lemma(verb) not in lx.NAMED_HOLDER_OBJECT_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = subject_of(verb)
    if subject is None or subject.ent_type_ not in lx.NAMED_HOLDER_ENTITIES:
        return None
    objects = [c for c in verb.rights if c.dep_ == "dobj" and sent.start <= c.i < sent.end and not _is_time(c)]
    return _without_joined_report(list(objects[0].subtree)) if objects else None


def _clause_after_misread_verb(verb, sent) -> list | None:
    """"more than 4 in 10 said billionaire Donald Trump would be best": "said" read as an adjective.

    The clause is the one holding the noun the verb was hung on, from the
    word after the verb on.
    """
    if not any(c.dep_ in lx.SUBJECT_DEPS for c in verb.children):
        return None
    clause = verb.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i < verb.i:
        return None
    tokens = [t for t in clause.subtree if t.i > verb.i and sent.start <= t.i < sent.end]
    return _without_joined_report(tokens) or None


def _own_report(token) -> bool:
    """True when ``token`` heads a report of its own.

    "..., and said that ...", "..., calling them ...", "... and calls her a
    fraud" (a finite speech verb of the same speaker), "..., and more than 4
    in 10 said Y" (a second clause with a speech verb before its head, however
    the parse labelled it).
    """
    if token.dep_ == "conj" and any(
        t.pos_ == "VERB" and _lemma(t) in lx.SPEECH_VERBS for t in token.subtree if t.i < token.i
    ):
        return True
    if token.pos_ != "VERB" or _lemma(token) not in lx.REPORTING_VERBS:
        return False
    if any(c.dep_ == "ccomp" for c in token.children):
        return True
    if token.tag_ == "VBG":
        return _lemma(token) in lx.QUOTE_VERBS
    # "and calls her ...", "and has expressed support for ...", not "support and defend" nor
    # "and never called a donor to ask for money"
    return (token.dep_ == "conj" and token.tag_ in lx.REPORTING_TENSE_TAGS and _lemma(token) in lx.QUOTE_VERBS
            and _object_phrase(token, token.sent) is not None)


def _within_quotation(tokens: list, token) -> bool:
    """True when ``token`` stands inside a quotation opened within ``tokens`` and closed in its sentence."""
    doc = tokens[0].doc
    # a mark left over from the paragraph before opens nothing here
    start = max([t.i + 1 for t in tokens if t.i < token.i and t.is_space and "\n" in t.text], default=tokens[0].i)
    before = doc[start:token.i].text
    after = doc[token.i:token.sent.end].text
    return _open_after(before) and not _open_after(after, True)


def _open_after(text: str, opened: bool = False) -> bool:
    """Whether a quotation is open after ``text``, given whether one was open before it."""
    for char in text:
        if char in lx.DOUBLE_OPEN:
            opened = True
        elif char in lx.DOUBLE_CLOSE:
            opened = False
        elif char == lx.DOUBLE_STRAIGHT:
            opened = not opened
    return opened


def _without_joined_report(tokens: list) -> list:
    """A clause cut before a second report joined to it.

    The parse often hangs "..., and said that Y" or "..., calling them Z"
    inside the first clause; PolNeAR gives that second report its own
    attribution, so the first content ends before its conjunction or comma.
    """
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.dep_ in lx.JOINING_DEPS and t.head.i in inside and t.i > t.head.i and _own_report(t):
            if _within_quotation(tokens, t) or _gives_reason(t) or _second_that_clause(t):
                continue  # “attacks us and ignores the others”: the speaker's own words go on
            cut = t.left_edge.i
            kept = [x for x in tokens if x.i < cut]
            while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc" or kept[-1].is_space):
                kept.pop()
            return kept
    return tokens


def _second_that_clause(clause) -> bool:
    """True for "said X and that the footage did not show Y": a second clause of what was said."""
    return clause.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _gives_reason(clause) -> bool:
    """True for "because she believed ...": a reason given is part of what was said."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lx.REASON_MARKERS for c in clause.children)


def _without_leading_report(tokens: list, head) -> list:
    """A clause that starts after a report of its own the parse hung before it.

    "Trump asserted that France had lost its identity: “France is no longer
    France,” he claimed": the parse makes "asserted" part of what "claimed"
    reports; it is a report of its own, and what he claimed follows the colon.
    """
    if _lemma(head) in lx.REPORTING_VERBS:
        return tokens  # "said the videos do not show X, the footage showed": what came first is what was shown
    for t in tokens:
        # not "while polling showed X, ...", "when Sanders said X, ...": a clause below the content's own
        if t.head.i != head.i or t.i >= head.i or t.dep_ not in ("ccomp", "conj", "parataxis"):
            continue
        after = t.right_edge.i + 1
        if (_own_report(t) and any(c.dep_ in lx.SUBJECT_DEPS for c in t.children)
                and after < head.i and t.doc[after].text in (":", ",", ";")):
            return [x for x in tokens if x.i > after]
    return tokens


def _clause_continued(verb, end: int, sent) -> list:
    """What the parse hung on the reporting verb but belongs to its clause.

    "said he would serve should the chance arise", "said it left them out
    because ...", "said he rooted for Denver but would now root for ...":
    a subordinate clause, or a verb with a modal and no subject of its own,
    right after the content continues it.
    """
    extra = []
    for child in verb.rights:
        if child.i <= end or not sent.start <= child.i < sent.end:
            continue
        if child.is_punct:
            continue  # a comma the parse hung on the verb is part of the gap, not the end of the clause
        gap = verb.doc[end + 1:child.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc") for t in gap) or _own_report(child):
            break
        if not _continues_clause(child):
            break
        if any(t.is_punct and t.head.i == verb.i and t.text == "," for t in gap) and not _gives_reason(child):
            break  # past the verb's own comma only a reason given ("..., because ...") is still said
        extra += list(gap) + list(child.subtree)
        end = child.right_edge.i
    return [t for t in extra if sent.start <= t.i < sent.end]


def _infinitive_continued(verb, tokens: list, sent) -> list:
    """The rest of a list of infinitives the parse joined to the cue instead.

    "touted her proposals to invest in infrastructure, expand Social Security, and enable
    debt-free college": a bare "expand" cannot go with the past "touted"; it goes on with
    "to invest", and so does all that is joined to it.
    """
    if verb.tag_ not in ("VBD", "VBZ") or not tokens or not any(
            t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) for t in tokens):
        return []
    end = max(t.i for t in tokens)
    for child in verb.rights:
        if child.i <= end or child.dep_ != "conj" or not sent.start <= child.i < sent.end:
            continue
        gap = verb.doc[end + 1:child.left_edge.i]
        if (child.tag_ == "VB" and all(t.is_punct or t.dep_ == "cc" for t in gap)
                and not any(c.dep_ in lx.SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in child.children)):
            return _without_joined_report(list(gap) + list(child.subtree))
        break
    return []


def _continues_clause(child) -> bool:
    if child.dep_ == "ccomp":  # a second clause of the same verb is said too
        return True
    if child.dep_ == "advcl":
        # ", saying ..." after a comma is the writer's aside, not the speaker's clause; so is
        # ", while others wrote ..."
        return not (child.tag_ == "VBG" and child.left_edge.nbor(-1).text == ",") and not _is_contrast(child)
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
        has_subject = any(c.dep_ in lx.SUBJECT_DEPS for c in child.children)
        modal = any(c.dep_ == "aux" and c.lower_ in lx.MODALS for c in child.children)
        return modal and not has_subject
    return False


def _intends(verb) -> bool:
    """"decided to run", "tried to stop him": an intention verb with its to-infinitive."""
    return _lemma(verb) in lx.INTENTION_VERBS and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.rights)


def _lemma(token) -> str:
    return lx.LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def _object_phrase(verb, sent):
    """What a stance verb is about: its objects and their prepositional phrases.

    "called for a ban" gives "a ban" (the preposition belongs to the cue),
    "accused X of lying" gives "X of lying".
    """
    parts = []
    for child in verb.rights:
        if not sent.start <= child.i < sent.end:
            break
        if _is_time(child):
            continue  # "echoed that promise on Monday": when, not what
        if parts and child.dep_ == "advcl" and _own_report(child):
            break  # "announced his running mate, calling Pence “my partner”": the rest is the second report's
        if child.dep_ in lx.OBJECT_DEPS:
            parts.append(child)
        elif parts and _where_said(child) and not any(
                c.dep_ in lx.OBJECT_DEPS or c.dep_ == "prep" and c.lower_ in lx.STANCE_PREPOSITIONS
                for c in verb.rights if c.i > child.i and not _where_said(c)):
            break  # "called Palin a “clown” on his radio show": where it was said, not what
        elif child.dep_ == "prep" and child.lower_ in lx.STANCE_PREPOSITIONS:
            parts.append(child)
        elif child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children):
            # "calling for his rivals to drop out": the "for" belongs to the cue
            parts.append(child)
            break
    if not parts:
        return None
    if _lemma(verb) in lx.ADDRESSING_VERBS and [p.dep_ for p in parts] in (["dobj"], ["dative"]):
        return None  # "called a donor", "asked Trump": whom, not what
    misread = verbless_subject(verb) is not None  # "Beruff, a Scott ally, called X “strong.”": the main verb
    if (_lemma(verb) in lx.NAMING_VERBS and verb.dep_ == "acl" and not misread
            and not any(c.dep_ == "agent" for c in verb.children)):
        return None  # "a group called Citizens for Trump": a name, nobody's view
    if parts[0].dep_ == "prep" and all(t.dep_ == "prt" for t in verb.doc[verb.i + 1:parts[0].i]):
        objects = [c for c in parts[0].children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            parts[0:1] = objects
        elif len(parts) > 1:
            del parts[0]  # "called on Snyder to resign": "on" is the verb's, its object follows
        else:
            return None
    tokens = _without_trailing_when([t for part in parts for t in part.subtree])
    if misread:
        # the parse hung the rest of the sentence on the name; all of it after the verb is what was said
        tokens = [t for t in sent if t.i >= parts[0].left_edge.i]
    if parts[-1].dep_ == "advcl":
        tokens = [t for t in tokens if not (t.dep_ == "mark" and t.head.i == parts[-1].i and t.lower_ == "for")]
    return tokens


def _without_trailing_when(tokens: list) -> list:
    """Drop what follows a quoted name when it starts with the day or the occasion it was said.

    "blasted Clinton as a “disgrace” Wednesday on The Laura Ingraham Show", "criticized the
    Affordable Care Act as a “crazy system” during a campaign stop in Flint": the parse hangs
    the day and the occasion on the quoted words; they say when it was said, not what.
    """
    for k, t in enumerate(tokens[2:], 2):
        if tokens[k - 1].tag_ == CLOSING_TAG and tokens[k - 1].i == t.i - 1 and when_said(t):
            return tokens[:k]
    return tokens


def when_said(token) -> bool:
    """True for a day ("Wednesday") or a "during" phrase: when something was said, not what."""
    return (token.ent_type_ in lx.WHEN_ENTITIES and token.ent_iob_ == "B" and token.dep_ in ("appos", "npadvmod")) or (
        token.dep_ == "prep" and token.lower_ in lx.WHEN_SAID_PREPOSITIONS)


def _where_said(prep) -> bool:
    """True for "on his radio show", "in an interview", "at a rally", "on Fox News": the occasion of a statement."""
    if prep.dep_ != "prep" or prep.lower_ not in lx.OCCASION_PREPOSITIONS:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].lemma_.lower() in lx.OCCASION_NOUNS


def _passive_subject(verb) -> list | None:
    """"The move was criticized by economists": what the agent holds a stance on is the subject (a token list).

    Only with an agent: without one, nobody's stance is named.
    """
    if not any(c.dep_ == "agent" for c in verb.rights):
        return None
    return [c for c in verb.lefts if c.dep_ == "nsubjpass"][:1] or None


def _relative_object(verb) -> list | None:
    """"the plan, which Trump once supported", "what he told them": the pronoun stands for the object.

    The parse may take the pronoun for a subject; it is the object when the
    verb has another subject after it.
    """
    lefts = list(verb.lefts)
    for n, child in enumerate(lefts):
        if child.lower_ not in lx.OBJECT_PRONOUNS or child.tag_ not in ("WDT", "WP"):
            continue
        if child.dep_ == "dobj" or (child.dep_ == "nsubj" and any(c.dep_ == "nsubj" for c in lefts[n + 1:])):
            return [child]
    return None


def _is_time(phrase) -> bool:
    """"Monday", "on Monday", "last week": a phrase that only says when."""
    words = [t for t in phrase.subtree if not t.is_punct and not (t.i == phrase.i and t.dep_ == "prep")]
    return bool(words) and all(t.ent_type_ in lx.WHEN_ENTITIES for t in words)


def _light_verb_phrase(verb, sent):
    """What a light verb and its noun report: "made the case that X", "took a swipe at X".

    The noun must name a statement or a stance; its "that" clause or its (or
    the verb's) prepositional object is the content.
    """
    if _lemma(verb) in lx.MAKE_KNOWN_VERBS:
        tokens = _made_clear(verb)
        if tokens:
            return _in_sentence(tokens, sent) or None
    for child in verb.rights:
        if child.dep_ != "dobj" or child.lemma_.lower() not in lx.LIGHT_VERB_NOUNS:
            continue
        tokens = (_that_clause(child) or _infinitive(child)
                  or _prepositional_object(child, lx.LIGHT_VERB_PREPOSITIONS)
                  or _prepositional_object(verb, lx.LIGHT_VERB_PREPOSITIONS))
        if tokens and all(t.ent_type_ in lx.WHEN_ENTITIES for t in tokens):
            tokens = None  # "made those comments on Monday": a time, not a topic
        if not tokens and child.lemma_.lower() in lx.STATEMENT_NOUNS:
            tokens = list(child.subtree)  # "made those comments": the statement itself
        return _in_sentence(tokens or [], sent) or None
    return None


def _made_clear(verb) -> list | None:
    """"made (it) clear that X": the clause made known."""
    for child in verb.rights:
        if child.lower_ not in lx.MADE_KNOWN_WORDS or child.dep_ not in ("ccomp", "oprd", "acomp"):
            continue
        clauses = [c for c in (*verb.rights, *child.rights) if c.i > child.i and c.dep_ in ("ccomp", "advcl")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        return _without_joined_report(list(clauses[0].subtree)) if clauses else None
    return None


def _seen_as(verb, sent):
    """"Voters see Clinton as the stronger candidate": the object and its "as" phrase."""
    objects = [c for c in verb.rights if c.dep_ == "dobj"] or [c for c in verb.lefts if c.dep_ == "nsubjpass"]
    # "as" may head the phrase or open it ("as most unfair", parsed as a modifier of "unfair")
    as_phrase = [c for c in verb.rights if c.left_edge.lower_ == "as" and c.dep_ in ("prep", "advcl", "acomp", "oprd")]
    if not objects or not as_phrase or as_phrase[0].i < objects[0].i:
        # "black voters saw that Obama could actually win": what they saw is the "that" clause
        clause = _that_clause(verb)
        return _in_sentence(clause, sent) if clause else None
    return _in_sentence(list(objects[0].subtree) + list(as_phrase[0].subtree), sent)


def _shown_by_evidence(verb, sent):
    """"A poll shows Sanders leading": what a poll, study or record shows or finds."""
    subject = verb.head if verb.dep_ == "acl" and verb.tag_ == "VBG" else subject_of(verb)  # "a poll showing ..."
    if subject is None or subject.lemma_.lower() not in lx.EVIDENCE_NOUNS:
        return None
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "ccomp")]
    if not objects:
        # "Races in Ohio are all close, a Quinnipiac poll shows": the clause before it
        before = [c for c in verb.lefts if c.dep_ == "ccomp"]
        if before:
            return _in_sentence(list(before[-1].subtree), sent)
        trailing = _trailing_attribution(verb)  # the same, with "a poll shows" hung on the clause before
        return [t for t in sent if t.i < verb.i and t.i not in trailing] if trailing else None
    # "polls show Clinton with a double-digit lead": what they show of her goes with her
    tokens = list(objects[0].subtree)
    for c in verb.rights:
        if c.i > objects[0].i and c.dep_ in ("prep", "advmod", "oprd", "xcomp", "acomp"):
            if c.lower_ == lx.ACCORDING_TO[0]:
                break  # "..., according to the Center for Responsive Politics": a report of its own
            tokens += list(c.subtree)
    return _in_sentence(sorted(tokens, key=lambda t: t.i), sent)


def _evidential(verb, sent, text: str) -> Attribution | None:
    """"Trump seems to be ...": subject and complement are the content; no source."""
    subject = [c for c in verb.lefts if c.dep_ in ("nsubj", "csubj")]
    complement = [c for c in verb.rights if sent.start <= c.i < sent.end and (
        c.dep_ in ("xcomp", "oprd", "acomp", "attr") or (c.dep_ == "prep" and c.lower_ in lx.LIKENESS_PREPOSITIONS))]
    if not subject or not complement:
        return None
    if any(t.dep_ == "acomp" and t.lower_ in lx.STANCE_ADJECTIVES for t in complement[0].subtree) or (
            complement[0].lower_ in lx.STANCE_ADJECTIVES):
        return None  # "Democrats appeared pleased with Clinton": the stance is the report
    spans = (_edges(list(subject[0].subtree), text), _edges(list(complement[0].subtree), text))
    if None in spans:
        return None
    return Attribution(spans=spans, cue=token_span(verb), speaker=None)


def _reported_by_verb(verb, sent, text: str) -> Attribution | None:
    lemma = _lemma(verb)
    if idiom_of_saying(verb):
        return None
    tokens = None
    if lemma in lx.LIGHT_VERBS:
        tokens = _light_verb_phrase(verb, sent)
    elif lemma in lx.SEEING_AS_VERBS:
        tokens = _seen_as(verb, sent)
    if lemma in lx.EVIDENCE_VERBS and not tokens:
        tokens = _shown_by_evidence(verb, sent)
    if tokens:
        spans = _around_cue(tokens, verb, text)
        return Attribution(spans=spans, cue=token_span(verb), speaker=_speaker(verb, sent)) if spans else None
    if lemma not in lx.REPORTING_VERBS and lemma not in lx.TOPIC_VERBS:
        return None
    if verb.dep_ == "ccomp" and _lemma(verb.head) in lx.REPORTING_VERBS and _past_misread_passive(verb) is not verb:
        return None  # "said ... Kim’s statement was announced that ...": the report above has its clause
    if _lemma(verb) in lx.EVIDENTIAL_VERBS and not any(c.dep_ == "ccomp" for c in verb.children):
        return _evidential(verb, sent, text)
    if lemma in lx.REPUTE_VERBS:
        tokens = _known_as(verb, sent)
        if tokens:
            spans = _around_cue(tokens, verb, text)
            # no source unless an agent names one ("will be remembered by historians as ...")
            return Attribution(spans=spans, cue=token_span(verb), speaker=_speaker(verb, sent)) if spans else None
    if (_lemma(verb) in lx.NEEDS_CLAUSE and _lemma(verb) not in lx.STANCE_VERBS
            and not any(c.dep_ == "ccomp" for c in verb.children) and not _intends(verb)):
        return None
    tokens = _complement(verb, sent)
    trailing = (_trailing_attribution(verb) or _leading_as_clause(verb)) if not tokens else None
    if not tokens and (verb.dep_ == "parataxis" or trailing) and _lemma(verb) in lx.SPEECH_VERBS:
        # "The plan, officials said, will fail": the sentence around the aside is the content.
        spans = _sentence_without(sent, trailing or {t.i for t in verb.subtree}, verb.i, text)
        speaker = _speaker(verb, sent)
        if not spans or speaker is None:
            return None
        return Attribution(spans=spans, cue=token_span(verb), speaker=speaker)
    if not tokens:
        return None
    tokens = tokens + _infinitive_continued(verb, tokens, sent)
    # The parse may run over a paragraph break; the content may not.
    tokens = [t for t in tokens if sent.start <= t.i < sent.end]
    if not tokens:
        return None
    spans = _around_cue(tokens, verb, text)
    if not spans:
        return None
    return Attribution(spans=spans, cue=token_span(verb), speaker=_speaker(verb, sent))


def _around_cue(tokens, verb, text: str) -> tuple[tuple[int, int], ...]:
    """The content's spans: two when it lies on both sides of the cue.

    "the ballots, which he said were split": the relative pronoun and the
    rest of the clause are the content, "he said" is not.
    """
    before = [t for t in tokens if t.i < verb.i]
    after = [t for t in tokens if t.i > verb.i]
    if not before or not after:
        content = _edges(tokens, text)
        return (content,) if content else ()
    return tuple(s for s in (_edges(before, text), _edges(after, text)) if s is not None)


def _without_cleft_clause(tokens: list) -> list:
    """A content without the clause of the cleft sentence it stands in.

    "It was Trump's suggestion that they would not support him because he did not
    want their money that raised hackles": the parse hangs "that raised hackles"
    on "money", but it belongs to "It was ..., that", not to the suggestion.
    """
    if not tokens:
        return tokens
    last = max(t.i for t in tokens)
    root = tokens[0].sent.root
    if root.lemma_ != "be" or not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in root.children):
        return tokens
    focus = [c for c in root.rights if c.dep_ == "attr"]
    for t in tokens:
        if (t.dep_ == "relcl" and t.right_edge.i == last and t.left_edge.lower_ in lx.CLEFT_PRONOUNS
                and t.left_edge.dep_ in lx.SUBJECT_DEPS and any(t in f.subtree for f in focus)):
            return [x for x in tokens if x.i < t.left_edge.i]
    return tokens


def _speaker(verb, sent) -> tuple[int, int] | None:
    """The mention of who speaks through ``verb``, kept inside its sentence.

    "About 4 in 10 say ..." has its number parsed as a modifier, not a
    subject; a dateline ("9:30 p.m.") on the line above is no part of the
    speaker's name.
    """
    passive = verb.tag_ == "VBN" and (verb.dep_ in lx.PARTICIPLE_DEPS
                                      or any(c.dep_ == "auxpass" for c in verb.children)) \
        and verbless_subject(verb) is None  # "Beruff, a Scott ally, called ...": a past tense misread
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if (passive and not perfect) or misread_participle(verb):
        # "When asked whether ..., Sherry said", "he was asked if ...", "Asked what ..., Devine
        # replied": the one asked is no speaker; only "by X" names who spoke. A perfect ("While
        # the president has repeatedly said ...") is the subject's own act.
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        return speaker_span(objects[0]) if objects and sent.start <= objects[0].i < sent.end else None
    subject = subject_of(verb)
    if subject is not None and subject.head.i == verb.i and subject.lower_ in lx.RELATIVE_PRONOUNS:
        # "the plan, which Trump supported", the pronoun parsed as a second subject
        subject = next((c for c in verb.lefts if c.dep_ == "nsubj" and c.i > subject.i), subject)
    if subject is None:
        subject = next((c for c in verb.lefts if c.dep_ in lx.COUNTED_SUBJECT_DEPS and c.pos_ == "NUM"), None)
    if subject is None and verb.dep_ == "ROOT":
        # "Donald Trump's campaign plans to ...", its subject parsed as a compound of the verb
        subject = next((c for c in verb.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)
    if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        subject = verb.head  # "a super PAC backing Bush" (subject_of reads "wrote a letter congratulating ...")
    if subject is not None and not sent.start <= subject.i < sent.end:
        # the parse may give the verb a second subject, the one in its own sentence
        subject = next((c for c in verb.children if c.dep_ in lx.SUBJECT_DEPS and sent.start <= c.i < sent.end), None)
    if subject is None:
        return None
    start, end = speaker_span(subject)
    if start < sent.start_char:
        start = subject.doc[max(subject.left_edge.i, sent.start):].start_char
        start = next(t.idx for t in sent if t.idx >= start and not t.is_space)
    return (start, end) if start < end else None


def _in_sentence(tokens, sent) -> list:
    return [t for t in tokens if sent.start <= t.i < sent.end]


def _prepositional_object(word, prepositions) -> list | None:
    """The object of ``word``'s first preposition among ``prepositions``: "critical *of* X" gives X."""
    for child in word.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            return list(objects[0].subtree) if objects else None
    return None


def _that_clause(word, bare: bool = False) -> list | None:
    """A "that ..." clause hanging on ``word``: "concerned that X", "the claim that X".

    With ``bare``, a clause complement without "that" counts too ("is
    skeptical Trump can win"); after a noun it would be a relative clause.
    """
    for child in word.rights:
        if child.dep_ == "ccomp" and bare:
            return _without_joined_report(list(child.subtree))
        if child.dep_ in ("ccomp", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return _without_joined_report(list(child.subtree))
    return None


def _that_clause_hung_above(noun) -> list | None:
    """"his statement on Wednesday that Islam hates us": the "that" clause right after the
    noun (and its when), which the parse hung on the verb above instead of on the noun."""
    doc = noun.doc

    def says_when(k: int) -> bool:
        return k < len(doc) and doc[k].ent_type_ in lx.WHEN_ENTITIES

    i = noun.i + 1
    while says_when(i) or (i < len(doc) and doc[i].dep_ == "prep" and says_when(i + 1)):
        i += 1
    if i >= len(doc) or doc[i].lower_ != "that" or doc[i].dep_ != "mark":
        return None
    clause = doc[i].head
    if clause.dep_ not in ("ccomp", "advcl") or clause.left_edge.i != i or clause.head.i == noun.i:
        return None
    if clause.head.pos_ == "VERB" and _lemma(clause.head) in lx.REPORTING_VERBS:
        return None  # "said in a statement that X": the verb reports it
    return _without_joined_report(list(clause.subtree))


def _infinitive(word) -> list | None:
    """A "to ..." clause hanging on ``word``: "ready to fight", "plans to run"."""
    for child in word.rights:
        if child.dep_ in ("xcomp", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return list(child.subtree)
    return None


def _reported_by_adjective(adj, sent, text: str) -> Attribution | None:
    """A stance held as a state: "Republicans are critical of X", "some are concerned that X".

    Only a predicate adjective with a subject counts, so "a critical vote" is
    no report and the position always has someone to hold it.
    """
    head = adj.head
    if any(c.dep_ == "auxpass" for c in adj.children):
        head = adj  # "they are convinced that ...", parsed as a passive verb
    elif head.pos_ not in ("AUX", "VERB"):
        return None
    elif adj.dep_ != "acomp" and not (adj.dep_ == "oprd" and _lemma(head) in lx.EVIDENTIAL_VERBS):
        return None
    subject = next((c for c in head.children if c.dep_ in lx.SUBJECT_DEPS), None) or subject_of(head)
    if subject is None:
        return None
    tokens = _that_clause(adj, bare=True) or _that_clause(head) or _infinitive(adj) or _prepositional_object(
        adj, lx.STANCE_ADJECTIVE_PREPOSITIONS)
    tokens = _in_sentence(tokens or [], sent)
    content = _edges(tokens, text) if tokens else None
    if content is None:
        return None
    return Attribution(spans=(content,), cue=token_span(adj), speaker=speaker_span(subject))


def _is_predicate(token) -> bool:
    """A predicate adjective, or a bare word after "be" that the parse took for a noun ("was tepid about")."""
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        return True
    return (token.dep_ == "attr" and token.head.lemma_ == "be" and token.lemma_.lower() not in lx.CUE_NOUNS
            and not any(c.dep_ in ("det", "poss", "nummod") for c in token.lefts))


def _reported_by_attitude(adj, sent, text: str) -> Attribution | None:
    """Any predicate adjective about something, held by someone named: "Sanders was less shy about
    Wall Street", "Mr. Hannity is unapologetic about his aim". A subject such as "the plan" or
    "it" holds no attitude, so only a name or a personal pronoun counts."""
    subject = subject_of(adj.head)
    if subject is None or not (subject.ent_type_ in lx.NAMED_HOLDER_ENTITIES or (
            subject.lower_ in lx.SPEAKER_PRONOUNS and subject.lower_ not in lx.NOT_HOLDER_PRONOUNS)):
        return None
    tokens = _in_sentence(_without_joined_report(_prepositional_object(adj, lx.ATTITUDE_PREPOSITIONS) or []), sent)
    content = _edges(tokens, text) if tokens else None
    if content is None:
        return None
    return Attribution(spans=(content,), cue=token_span(adj), speaker=speaker_span(subject))


def _noun_holder(noun):
    """Who holds what a cue noun names: "Trump's call", "X, a supporter of", "X is a critic of"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in lx.SUBJECT_DEPS and child.i < noun.i:
            return child  # a verb tagged as a noun: "the candidate plans to ..."
    if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        # "He's been an outspoken critic of ...": the parse may call the subject passive
        return subject_of(noun.head) or next((c for c in noun.head.lefts if c.dep_ == "nsubjpass"), None)
    if (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and is_reporting_verb(noun.head.head)
            and noun.head.lower_ not in lx.TIME_PREPOSITIONS
            and not (noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in lx.RESPONSE_VERBS)):
        # "Weaver says in a statement that ...", but "tweeted Sunday after a lone-wolf attack on
        # an Orlando nightclub" tells when, and the attack is no one's position; and in "Carson
        # responded to accusations that he exaggerated" the accusations are someone else's
        return subject_of(noun.head.head)
    return None


def _reported_by_noun(noun, sent, text: str) -> Attribution | None:
    """A report named by a noun: "the claim that X", "Trump's plans to X", "Pence's call for X".

    A clause may go without a holder ("fears that ..."); an object of a
    preposition only counts with one, since "a call for change" alone says
    nobody's position.
    """
    holder = _noun_holder(noun)
    lemma = noun.lemma_.lower()
    tokens = _that_clause(noun)
    if not tokens and lemma in lx.CLAUSE_NOUNS:
        tokens = _that_clause_hung_above(noun)
    if not tokens and lemma in lx.INTENTION_NOUNS:
        tokens = _infinitive(noun)
    if not tokens and holder is not None and lemma in lx.STANCE_NOUNS:
        tokens = _prepositional_object(noun, lx.STANCE_NOUN_PREPOSITIONS)
    if not tokens and lemma in lx.TOPIC_NOUNS and holder is not None:
        # "his questions about the platform"; without a holder (on train) mostly not a position
        tokens = _prepositional_object(noun, lx.TOPIC_PREPOSITIONS | {"over"})
    tokens = _in_sentence(tokens or [], sent)
    content = _edges(tokens, text) if tokens else None
    if content is None:
        return None
    return Attribution(spans=(content,), cue=token_span(noun), speaker=_holder_span(holder, noun))


def _holder_span(holder, noun) -> tuple[int, int] | None:
    """The holder's mention without its possessive ending or the apposition holding the cue."""
    if holder is None:
        return None
    start, end = speaker_span(holder)
    if noun.dep_ == "appos" and noun.head.i == holder.i:
        end = min(end, noun.left_edge.idx)
    for t in holder.children:
        if t.dep_ == "case" and t.idx >= start:
            end = min(end, t.idx)
    text = doc_text(holder.doc)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return (start, end) if end > start else None


def _reported_according_to(token, sent, text: str) -> Attribution | None:
    obj = according_to(token)
    if obj is None:
        return None
    phrase = {t.i for t in token.subtree} | {t.i for t in token.nbor(1).subtree} | {token.i}
    speaker = noun_phrase(obj)
    clause = _clause_joined_to_source(obj)
    if clause is not None:
        phrase -= {t.i for t in clause.subtree}
        speaker = (speaker[0], min(speaker[1], _end_before(clause.left_edge)))
    scope = _according_scope(token, sent)
    spans = _sentence_without(scope, phrase, token.i, text)
    if not spans:
        return None
    cue = (token.idx, token.nbor(1).idx + len(token.nbor(1).text))
    return Attribution(spans=spans, cue=cue, speaker=speaker)


def _holds_cue(att: Attribution, quote: Attribution) -> bool:
    return quote.cue is not None and _inside_any(quote.cue, att.spans)


def _holds_quotation_cue(att: Attribution, quotes: list[Attribution]) -> bool:
    return any(_holds_cue(att, q) for q in quotes)


def _with_quotations_reported(att: Attribution, quotes: list[Attribution], text: str) -> Attribution:
    """An "according to" content that holds the cue of quotations takes them in.

    In '“...,” O’Malley said at a press conference, according to the Las
    Vegas Sun' the source vouches for the quotation and its report, not for
    a bare 'O’Malley said': as in PolNeAR, the content is the quotation with
    its cue and speaker (the quotation stays listed with its own speaker).
    """
    held = [q for q in quotes if _holds_cue(att, q)]
    if not held:
        return att
    spans = sorted([*att.spans, *(span for q in held for span in q.spans)])
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        # only marks, spaces and commas between them: one stretch of text
        if start <= last_end or not any(c.isalnum() for c in text[last_end:start]):
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return Attribution(spans=tuple(merged), cue=att.cue, speaker=att.speaker, partial=att.partial)


def _reported_in_evidence(prep, sent, text: str) -> Attribution | None:
    """"In the new poll, Trump leads by 8 points": a poll named up front (or last) speaks for its sentence."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or objects[0].lemma_.lower() not in lx.EVIDENCE_NOUNS:
        return None
    if not _closing_poll(prep, objects[0], sent):
        if prep.head.dep_ != "ROOT" or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        opening = [t for t in sent if t.i < prep.i]
        if any(not (t.dep_ == "cc" or t.is_punct or t.lower_ in lx.SENTENCE_OPENERS) for t in opening):
            return None  # only a phrase that opens the sentence, or a poll that closes it
    spans = _sentence_without(sent, {t.i for t in prep.subtree}, prep.i, text)
    if not spans:
        return None
    return Attribution(spans=spans, cue=token_span(prep), speaker=noun_phrase(objects[0]))


def _closing_poll(prep, poll, sent) -> bool:
    """True for "Trump leads by 8 points in the new poll": a poll named last, after the clause's subject."""
    # "Trump has a decisive lead in the polls": the poll may hang on the main verb's object
    verb = prep.head.head if prep.head.dep_ in ("dobj", "attr") else prep.head
    if poll.lemma_.lower() not in lx.POLL_NOUNS or verb.dep_ != "ROOT" or subject_of(verb) is None:
        return False
    return all(t.is_punct or t.is_space for t in sent if t.i > prep.right_edge.i)


def _according_scope(token, sent):
    """The tokens "according to" speaks for: its own clause when that is subordinate.

    "He left after, according to him, the network censured his report"
    attributes only the censure; at the main clause it is the whole sentence.
    """
    head = token.head
    if head.pos_ not in ("VERB", "AUX") or head.dep_ not in lx.SUBORDINATE_DEPS or not sent.start <= head.i < sent.end:
        return list(sent)
    return [t for t in head.subtree if sent.start <= t.i < sent.end
            and not (t.head.i == head.i and t.dep_ in ("mark", "cc") and t.i < head.i)]


def _clause_joined_to_source(obj):
    """The clause's subject when the parse joined it to the source of "according to".

    "According to the polls, majorities of voters want ..." can come out with
    "majorities" as a conjunct of "polls": a conjunct after a comma with no
    "and" or "or" before it starts the reported clause.
    """
    for child in obj.rights:
        if child.dep_ != "conj":
            continue
        joined = [t for t in obj.doc[obj.i + 1:child.left_edge.i] if t.dep_ == "cc" or t.lower_ in ("and", "or")]
        if not joined and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ",":
            return child
    return None


def _end_before(token) -> int:
    """Where the text before ``token`` ends, less spaces and commas."""
    doc = token.doc
    i = token.i - 1
    while i > 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    return doc[i].idx + len(doc[i].text)


def _trailing_attribution(verb) -> set[int] | None:
    """The tokens of "..., she said." when the parse hung it on the sentence as a clause of its own, else None.

    "The Internet has made it possible for people to organize, she said": the
    parse took "she said" for an adverbial clause of "made"; what she said is
    the sentence before the comma; so is "The numbers changed, as Sanders has
    acknowledged", and "This includes a special force, Ash Carter told a Senate
    committee". Only a verb with a subject and a comma before them, and after
    it nothing but whom it was told to, where and when, counts.
    """
    # "As Trump prepared to speak, a girl was pepper-sprayed, police said": the parse made
    # "said" the root and what was said a clause of it
    root_over_clause = verb.dep_ == "ROOT" and any(
        c.dep_ in ("advcl", "dep", "parataxis", "conj") and c.pos_ in ("VERB", "AUX") for c in verb.lefts)
    if not root_over_clause and (verb.dep_ not in ("advcl", "conj", "ccomp") or verb.head.i > verb.i):
        return None
    subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubj"), None)  # the one next to it
    if subject is None:
        return None
    start = subject.left_edge.i
    if start > verb.sent.start and verb.doc[start - 1].lower_ == "as" and verb.doc[start - 1].head.i == verb.i:
        if _while_speaking(verb):
            return None  # "The crowd cheered, as he spoke": when, not what
        start -= 1  # "..., as Sanders has sometimes acknowledged."
    # after the verb, only whom it was told to and where or when ("told a Senate panel on Tuesday")
    if start <= verb.sent.start or not _nothing_after_but(verb, TRAILING_CUE_DEPS) or not _after_comma(verb.doc, start):
        return None
    last = next((t for t in reversed(verb.doc[verb.sent.start:start]) if not t.is_punct), None)
    if root_over_clause and (last is None or not _ends_main_clause(last)
                             or any(c.dep_ == "dobj" for c in verb.rights)):
        return None  # "Asked whether he would run, he said", "when Congress cut funding, Mexico said enough"
    return set(range(start, verb.sent.end))


def _nothing_after_but(verb, deps) -> bool:
    """True when all the words after ``verb`` to its sentence's end are punctuation or hang on it
    by one of ``deps`` (whom it was told to, where and when)."""
    told = {t.i for c in verb.rights if c.dep_ in deps for t in c.subtree}
    return all(t.is_punct or t.is_space or t.i in told for t in verb.doc[verb.i + 1:verb.sent.end])


def _ends_main_clause(token) -> bool:
    """True when ``token`` ends a clause with a subject of its own that nothing subordinates."""
    clause = next((t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    return (clause is not None and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
            and not any(c.dep_ == "mark" for c in clause.children) and clause.dep_ not in ("relcl", "acl")
            and clause.left_edge.tag_ not in ("WRB", "IN"))  # "when Congress cut funding"


def _after_comma(doc, i: int) -> bool:
    """True when token ``i`` follows a comma, or a comma inside closing quotation marks (",” The Post reported")."""
    before = doc[i - 1]
    if before.text == ",":
        return True
    return (i >= 2 and before.text and all(c in lx.QUOTE_MARKS + lx.SINGLE_STRAIGHT for c in before.text)
            and doc[i - 2].text.endswith(","))


TRAILING_CUE_DEPS = frozenset("dobj dative prep npadvmod advmod agent".split())
TRAILING_THOUGHT_DEPS = frozenset("prep npadvmod advmod".split())  # ", many believe" has no one it was told to


def _leading_as_clause(verb) -> set[int] | None:
    """The tokens of "As BuzzFeed News first reported, ..." opening a sentence, else None.

    What was reported is the rest of the sentence: "As POLITICO has reported,
    cases that led to charges were different". Only an "as" clause with no
    object of its own, ahead of the clause it hangs on, counts.
    """
    if verb.dep_ != "advcl" or verb.head.i < verb.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children) or _while_speaking(verb):
        return None  # "as he told reporters that ...", "As he testified, senators listened"
    return {t.i for t in verb.subtree}


def _while_speaking(verb) -> bool:
    """True for an "as" clause that tells when, not what: "as he testified", "as she was speaking"."""
    return _lemma(verb) in lx.ACTIVITY_SPEECH_VERBS or verb.tag_ == "VBG"


def _sentence_without(sent, skip: set[int], at: int, text: str) -> tuple[tuple[int, int], ...]:
    """The sentence's (or token list's) spans before and after ``at``, leaving out the tokens in ``skip``."""
    before = [t for t in sent if t.i < at and t.i not in skip]
    after = [t for t in sent if t.i > at and t.i not in skip]
    # "But, according to the poll, ...", "And yet, aides say, ...": the opener joins
    # the sentence to the text before it and is the writer's
    first = before or after
    while first and (first[0].dep_ == "cc" or first[0].lower_ in lx.SENTENCE_OPENERS or first[0].is_punct):
        first.pop(0)
    return tuple(s for s in (_edges(before, text), _edges(after, text)) if s is not None)


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """``found`` less each report whose cue lies inside another report's content.

    Contents are indexed by start, with the furthest end reached so far, so a
    long article costs n log n here, not n squared.
    """
    spans = sorted((s, e, k) for k, a in enumerate(found) for s, e in a.spans)
    starts = [s for s, _, _ in spans]
    reach, far = [], -1
    for _, e, _ in spans:
        far = max(far, e)
        reach.append(far)

    def nested(k: int, offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        while i >= 0 and reach[i] > offset:
            s, e, owner = spans[i]
            # Two reports may each hold the other's cue ("The AP reported that, according to an
            # analysis, ..." read whole by both cues): the one whose cue comes first is outside.
            if (owner != k and s <= offset < e and not _mutual(found[owner], found[k])
                    and not _nested_in(found[owner], found[k])):
                return True
            i -= 1
        return False

    return [a for k, a in enumerate(found) if not (a.cue and nested(k, a.cue[0]))]


def _mutual(outer: Attribution, inner: Attribution) -> bool:
    """True when ``inner``'s content holds ``outer``'s cue too, ``inner``'s cue comes first and
    ``outer``'s content goes on after its cue (an aside inside ``inner``'s clause, not "... said
    Y, according to Z", where Z vouches for the whole)."""
    return (outer.cue is not None and inner.cue[0] < outer.cue[0] and _inside(outer.cue[0], inner)
            and any(s > outer.cue[1] for s, _ in outer.spans))


def _nested_in(inner: Attribution, outer: Attribution) -> bool:
    """True when ``outer``'s content holds ``inner``'s earlier cue, and the two are no aside.

    "Kasich said he would have fired him, according to press reports": each content holds
    the other's cue; the source named last vouches for the whole, so it is the outer one
    (without this, each would drop the other as nested and nothing would be left).
    """
    return (inner.cue is not None and outer.cue is not None and inner.cue[0] < outer.cue[0]
            and _inside(inner.cue[0], outer) and not _mutual(outer, inner))


def _inside(offset: int, att: Attribution) -> bool:
    return any(s <= offset < e for s, e in att.spans)


def rule_for(token):
    """The hand-written rule that reads a report off ``token``, if its word is a listed cue, else None."""
    if token.lower_ == lx.ACCORDING_TO[0]:
        return _reported_according_to
    if token.pos_ == "VERB" and _lemma(token) in lx.CUE_VERBS:
        return _reported_by_verb
    if token.lower_ in lx.EVIDENCE_PREPOSITIONS and token.dep_ == "prep":
        return _reported_in_evidence
    if token.lower_ in lx.STANCE_ADJECTIVES and token.pos_ in ("ADJ", "VERB"):
        return _reported_by_adjective
    if _is_predicate(token) and any(c.dep_ == "prep" and c.lower_ in lx.ATTITUDE_PREPOSITIONS for c in token.rights):
        return _reported_by_attitude
    if token.pos_ == "NOUN" and token.lemma_.lower() in lx.CUE_NOUNS:
        return _reported_by_noun
    return None


def find_reported(doc, quotes: list[Attribution]) -> list[Attribution]:
    """Reported speech and positions in ``doc``, skipping what ``quotes`` already hold."""
    found: list[Attribution] = []
    learned: list[Attribution] = []  # found by the learned table: kept where no other rule reports
    # Read per call, not at import: benchmarks.mine_cues and the tests swap the table.
    learned_names = {key.rsplit("/", 1)[0] for key in learned_cues.LEARNED_FRAMES}
    learned_kinds = {name.split("/")[1] for name in learned_names if name.startswith(ANY_WORD + "/")}
    text = doc_text(doc)
    full_quotes = [q for q in quotes if not q.partial]
    quoted_spans = _Extents([span for q in full_quotes for span in q.spans],
                            [q.cue for q in full_quotes for _ in q.spans])
    quoted = SpanIndex([(s, e) for q in full_quotes for s, e in q.spans])
    for sent in sentences(doc):
        for token in sent:
            if token.idx in quoted:
                continue
            rule = rule_for(token)
            att = rule(token, sent, text) if rule is not None else None
            if att is None:
                if token.pos_ in lx.FRAME_POS and (token.pos_ in learned_kinds or _cue_name(token) in learned_names):
                    att = _reported_by_frame(token, sent, text)
                    if att is not None and _covered(att.spans, quoted_spans) == 0:
                        learned.append(att)
                continue
            if rule is _reported_according_to and _holds_quotation_cue(att, full_quotes):
                # the source vouches for the quotation and its report: keep them whole
                found.append(_with_quotations_reported(att, full_quotes, text))
                continue
            size = sum(e - s for s, e in att.spans)
            share = MAX_WRAPPED_QUOTE_SHARE if _wraps(att, quoted_spans) else MAX_QUOTED_SHARE
            if _covered(att.spans, quoted_spans) > share * size:
                continue
            found.append(att)
    found += _unclaimed(learned, found)
    found += _title_case_lines(doc, text)
    for att in _colon_lines(doc, text):
        # The colon line is the outer report: a clause inside it is dropped below.
        if not any(overlaps(att, quote) for quote in full_quotes):
            found.append(att)
    # PolNeAR-style univocal reading: a report nested inside another's content
    # ("X said Y believes Z") is part of the outer one.
    found = _outermost(found)
    # A report holding a quote reaches over it: look among those alone, not every report.
    extents = _Extents([(a.spans[0][0], a.spans[-1][1]) for a in found])
    for quote in quotes:
        qs, qe = quote.spans[0][0], quote.spans[-1][1]
        if quote.partial and not any(_holds(found[i], quote) for _, i in extents.reaching(qs, qe)):
            att = _around_partial_quote(doc, quote, text)
            if att is not None:
                found.append(att)
    # a verb of report after the colon makes a report of its own ("liberal views: 53% describe ...")
    cues = [a.cue for a in found if a.cue is not None and _verb_at(doc, a.cue[0])]
    return sorted((_through_colon(att, doc, text, cues) for att in found), key=lambda a: a.spans[0])


def _through_colon(att: Attribution, doc, text: str, cues: list) -> Attribution:
    """A content that goes on after a colon with what it announces.

    "warned of the one thing such times inspire: the fear of showing up late": the words
    after the colon, to the end of their sentence, say what the report is about. Only a
    phrase in lower case (or a number) counts: a capital or a pronoun starts a sentence of
    its own ("Investors seem to agree: At one point ...", "...: he also captured Iowa"), and
    a quotation or another report has its own attribution.
    """
    end = att.spans[-1][1]
    colon = COLON_AFTER.match(text, end)
    if colon is None:
        return att
    first = _token_at(doc, colon.end())
    if first is None or not (first.is_lower or first.like_num) or first.lower_ in lx.SPEAKER_PRONOUNS:
        return att
    line_end = text.find("\n", first.idx)
    stop = min(first.sent.end_char, len(text) if line_end < 0 else line_end)
    while stop > first.idx and (text[stop - 1].isspace() or text[stop - 1] in ".?!;"):
        stop -= 1
    if (stop - first.idx > MAX_AFTER_COLON_CHARS or lx.DOUBLE_MARK.search(text, first.idx, stop)
            or "‘" in text[first.idx:stop] or any(first.idx <= s < stop for s, _ in cues)):
        return att
    return dataclasses.replace(att, spans=att.spans[:-1] + ((att.spans[-1][0], stop),))


def _token_at(doc, offset: int):
    """The token that holds the character at ``offset``, or None."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None else None


def _verb_at(doc, offset: int) -> bool:
    token = _token_at(doc, offset)
    return token is not None and token.pos_ in ("VERB", "AUX")


COLON_AFTER = re.compile(r"[ \t]*:[ \t]*(?=\S)")
MAX_AFTER_COLON_CHARS = 400


def _colon_lines(doc, text: str) -> list[Attribution]:
    """Headlines and transcripts: ``Issa: Clinton’s ‘Honesty Is In Question’``, ``FALLIN: I think ...``.

    The line must open with a short name (no verb) and a colon; the rest of
    the line is what that name says.
    """
    found = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        head, colon, rest = line.partition(":")
        name = head.strip()
        if not colon or not name or not name[0].isupper() or len(name.split()) > lx.MAX_COLON_SPEAKER_WORDS:
            continue
        if name.lower() in lx.NOT_SPEAKERS or len(rest.split()) < lx.MIN_COLON_CONTENT_WORDS:
            continue
        name_start = start + line.index(name)
        span = doc.char_span(name_start, name_start + len(name), alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") or t.like_num for t in span):
            continue
        colon_at = start + len(head)
        body = rest.strip().rstrip(".,;")
        body_start = colon_at + 1 + rest.index(body) if body else None
        if not body:
            continue
        found.append(
            Attribution(
                spans=((body_start, body_start + len(body)),),
                cue=(colon_at, colon_at + 1),
                speaker=(name_start, name_start + len(name)),
            )
        )
    return found


def _title_case_lines(doc, text: str) -> list[Attribution]:
    """Headlines in Title Case, whose verb the parse took for a name: "Zoe Questioned Why ...".

    A line reports when a capitalized word after its first is, less an
    ending, a speech or stance verb: the words before it speak, the words
    after it (up to a colon) are what was said. Lines where the parse found
    a verb are left to the other rules.
    """
    found = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        words = [w for w in line.split() if any(c.isalpha() for c in w)]
        if not lx.MIN_TITLE_WORDS <= len(words) <= lx.MAX_TITLE_WORDS:
            continue
        if sum(w[0].isupper() for w in words) < lx.TITLE_CASE_SHARE * len(words):
            continue
        span = doc.char_span(start, start + len(line), alignment_mode="expand")
        if span is None or any(t.pos_ == "VERB" and _lemma(t) in lx.CUE_VERBS for t in span):
            continue
        att = _title_report(span, text)
        if att is not None:
            found.append(att)
    return found


def _title_report(line, text: str) -> Attribution | None:
    tokens = [t for t in line if not t.is_space]
    for n, token in enumerate(tokens[1:], start=1):
        if token.pos_ not in ("PROPN", "NOUN") or token.ent_type_ or not token.text[0].isupper():
            continue
        if tokens[n - 1].pos_ in ("ADP", "DET"):
            continue  # "Secretaries of State": a verb follows its subject, not "of" or "the"
        if _title_lemma(token.lower_) not in (lx.SPEECH_VERBS | lx.STANCE_VERBS) - lx.QUOTE_ONLY_VERBS:
            continue
        after = []
        for t in tokens[n + 1:]:
            if t.text == ":":
                break
            after.append(t)
        content = _edges(after, text) if after else None
        speaker = _edges(tokens[:n], text)
        if content is None or speaker is None:
            return None
        return Attribution(spans=(content,), cue=token_span(token), speaker=speaker)
    return None


def _title_lemma(word: str) -> str | None:
    """The verb a Title Case headline word may be: "praises" -> "praise", "questioned" -> "question"."""
    for cut in ("", "s", "es", "d", "ed"):
        stem = word[: len(word) - len(cut)] if cut else word
        if cut and not word.endswith(cut):
            continue
        if stem in lx.SPEECH_VERBS or stem in lx.STANCE_VERBS:
            return stem
    return None


def _holds(att: Attribution, quote: Attribution) -> bool:
    return all(any(s <= qs and qe <= e for s, e in att.spans) for qs, qe in quote.spans)


def _around_partial_quote(doc, quote: Attribution, text: str) -> Attribution | None:
    """The report a quoted fragment belongs to when the parse gave no clause for it.

    From the start of the verb's dependent that holds the quote ("noted that
    prices had “cratered”", trimmed as other contents are) or of its first
    object ("defined the drills as “hostile acts”"), whichever comes first,
    to the closing mark. The verb is the quote's cue, or a verb of speech in
    a relative clause on the cue's subject that holds the quote.
    """
    if quote.cue is None:
        return None
    cue = doc.char_span(quote.cue[0], quote.cue[1], alignment_mode="expand")
    if cue is None or cue[0].pos_ != "VERB":
        return None
    verb = cue[0]
    start = opening_mark(text, quote.spans[0][0])
    if start <= verb.idx + len(verb.text):
        return None
    end = closing_mark(text, quote.spans[-1][1])
    verb_span = quote.cue
    nearer = _verb_above(doc, quote, verb)
    if nearer is not None:
        # "..., said Mr. Ekovich, who noted that ... ''cratered''": the relative
        # clause's verb reports the fragment for the same speaker
        verb, verb_span = nearer, (nearer.idx, nearer.idx + len(nearer.text))
    holder = _dependent_holding(verb, start, end, text)
    if holder is not None:
        content = _edges([t for t in holder.subtree if t.idx < start], text)
        start = min(start, content[0]) if content is not None else start
    for child in verb.rights:
        if child.ent_type_ in lx.WHEN_ENTITIES:
            continue  # "promised Sunday ... to end “...”": when it was said, not what
        if child.dep_ in lx.OBJECT_DEPS or (child.dep_ == "prep" and child.lower_ in lx.STANCE_PREPOSITIONS):
            start = min(start, child.left_edge.idx)
            break
    if start < verb_span[1]:
        # "according to the budget office, the rise ... ''is mainly attributable ...''": the cue's
        # object is its source; what was said starts after the speaker (with none to skip, no
        # report). A content that runs over its cue from before it is another rule's to split.
        if quote.speaker is None or start < verb_span[0]:
            return None
        start = max(verb_span[1], quote.speaker[1])
        while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
            start += 1
        if start >= end:
            return None
    return Attribution(spans=((start, end),), cue=verb_span, speaker=quote.speaker)


def opening_mark(text: str, start: int) -> int:
    """Where the quotation mark before ``start`` begins (two characters for ``''``)."""
    for mark in (lx.DOUBLE_APOSTROPHES, *lx.DOUBLE_OPEN, lx.DOUBLE_STRAIGHT):
        if text.startswith(mark, start - len(mark)):
            return start - len(mark)
    return start - 1


def closing_mark(text: str, end: int) -> int:
    """Where the quotation mark at ``end`` ends, or ``end`` when there is none."""
    for mark in (lx.DOUBLE_APOSTROPHES, *lx.DOUBLE_CLOSE, lx.DOUBLE_STRAIGHT):
        if text.startswith(mark, end):
            return end + len(mark)
    return end


def _verb_above(doc, quote: Attribution, cue_verb):
    """A verb of speech between the cue and the quote whose clause holds the quote, speaking for the same one.

    Only a relative clause on the cue's subject qualifies ("said X, who noted
    ..."): any other verb may have a speaker of its own.
    """
    token = doc.char_span(quote.spans[0][0], quote.spans[0][1], alignment_mode="expand")
    if token is None:
        return None
    token = token[0]
    while token.head.i != token.i:
        token = token.head
        if token.i == cue_verb.i or token.i < cue_verb.i:
            return None
        if is_reporting_verb(token):
            subjects = [c for c in token.children if c.dep_ in lx.SUBJECT_DEPS]
            if (token.dep_ == "relcl" and token.head.head.i == cue_verb.i and subjects
                    and all(c.lower_ in lx.RELATIVE_PRONOUNS for c in subjects)):
                return token
            return None
    return None


def _dependent_holding(verb, start: int, end: int, text: str):
    """The verb's clause, object or stance preposition after it whose words run over ``start:end``, or None."""
    for child in verb.rights:
        if child.dep_ in lx.OBJECT_DEPS or (child.dep_ == "prep" and child.lower_ in lx.STANCE_PREPOSITIONS) \
                or _infinitive_aside(child):
            last = child.right_edge
            last_end = last.idx + len(last.text)
            # The closing stop and mark may hang on the verb: "to end “the ... regime.”"
            if child.left_edge.idx <= start and (end <= last_end + 1 or not text[last_end:end].strip(".,;:!? \u201d\"'’")):
                return child
    return None


def _infinitive_aside(child) -> bool:
    """'promised Sunday at a rally to end “...”': an infinitive the parse hung on the verb as a
    modifier, not its complement, because something came between them."""
    return child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.lefts)


# -- cue frames learned from PolNeAR train -----------------------------------------------


def cue_frames(token) -> list[tuple[str, object]]:
    """The frames by which ``token`` may govern a content: ``(frame, dependent)`` pairs.

    A frame is the dependency from the cue to the content's head, with the
    preposition named when one comes between: "renounced the NRA" is
    ``dobj`` with "NRA", "support for Cruz" is ``prep:for`` with "Cruz",
    "vowed to fight" is ``xcomp``. Only dependents after the cue count, as
    PolNeAR contents mostly follow their cue.
    """
    frames = []
    for child in token.rights:
        if child.dep_ in lx.FRAME_DEPS:
            frames.append((child.dep_, child))
        elif child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                frames.append((f"prep:{child.lower_}", objects[0]))
        elif child.dep_ == "acl" and token.pos_ == "NOUN" and any(
                c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that") for c in child.children):
            frames.append(("acl", child))
    return frames


def frame_key(token, frame: str) -> str:
    """How the learned table names a cue in a frame: ``lemma/POS/frame`` ("renounce/VERB/dobj")."""
    lemma = _lemma(token) if token.pos_ == "VERB" else token.lemma_.lower()
    return f"{lemma}/{token.pos_}/{frame}"


def frame_holder(token):
    """Who holds the stance a learned cue names: a verb's active subject, a noun's holder, an adjective's subject.

    None when there is none, or when it names no one (see :func:`is_source_like`).
    """
    if token.pos_ == "VERB":
        if any(c.dep_ == "auxpass" for c in token.children) or token.dep_ in ("amod", "acl"):
            return None  # "was endorsed", "the endorsed candidate": the subject holds nothing
        holder = subject_of(token)
    elif token.pos_ == "NOUN":
        holder = _noun_holder(token)
    elif token.pos_ == "ADJ" and token.dep_ == "acomp":
        holder = subject_of(token.head)
    else:
        return None
    return holder if holder is not None and is_source_like(holder) else None


def is_source_like(token) -> bool:
    """A person, group or place speaking, or a pronoun for one; not "it", "this" or a date."""
    if token.lower_ in lx.SPEAKER_PRONOUNS or token.lower_ in lx.HOLDER_POSSESSIVES:
        return token.lower_ not in lx.NOT_HOLDER_PRONOUNS
    if token.ent_type_:
        return token.ent_type_ in lx.NAMED_HOLDER_ENTITIES
    return token.pos_ in ("PROPN", "NOUN")


def frame_content(dependent, sent, text: str) -> tuple[int, int] | None:
    """The content a frame's dependent heads: its phrase in the sentence, trimmed as the other rules trim."""
    if _is_time(dependent):
        return None  # "renounced on Monday": when, not what
    tokens = _in_sentence(_without_joined_report(list(dependent.subtree)), sent)
    return _edges(tokens, text) if tokens else None


def _reported_by_frame(token, sent, text: str) -> Attribution | None:
    """A cue found by the learned table: "Trump renounced the NRA", "their support for Cruz"."""
    frames = [(f, d) for f, d in cue_frames(token) if _learned(token, f)]
    if not frames:
        return None
    holder = frame_holder(token)
    if holder is None:
        return None
    content = frame_content(frames[0][1], sent, text)
    if content is None:
        return None
    speaker = _speaker(token, sent) if token.pos_ == "VERB" else _holder_span(holder, token)
    return Attribution(spans=(content,), cue=token_span(token), speaker=speaker)


def _cue_name(token) -> str:
    """``lemma/POS`` as the learned table writes it."""
    return frame_key(token, "").rsplit("/", 1)[0]


def _learned(token, frame: str) -> bool:
    """Is ``token`` in ``frame`` a learned cue, by its own word or by a frame any word of its kind reports in?"""
    table = learned_cues.LEARNED_FRAMES
    return frame_key(token, frame) in table or f"{ANY_WORD}/{token.pos_}/{frame}" in table


def _unclaimed(learned: list[Attribution], found: list[Attribution]) -> list[Attribution]:
    """The learned reports whose content and cue touch no other report, nor an earlier learned one.

    The hand-written rules know their cues better; a learned frame only adds
    what they left out.
    """
    taken = _Extents([span for a in found for span in a.spans] + [a.cue for a in found if a.cue])
    kept: list[Attribution] = []
    for att in learned:
        spans = list(att.spans) + [att.cue]
        if any(next(taken.reaching(s, e), None) for s, e in spans):
            continue
        if any(overlaps(att, k) or _inside(att.cue[0], k) for k in kept):
            continue
        kept.append(att)
    return kept
