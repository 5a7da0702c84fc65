"""Direct quotations: words inside quotation marks, and who said them.

Quotation marks are paired paragraph by paragraph, so one unbalanced mark
spoils at most its own paragraph. A quote is kept only when something
attributes it: a reporting verb or "according to" in its sentence, a name
and a colon (``Sanders: “...”``, ``Trump boomed: “...”``), a name and its
verb right after it (``“...,” Trump barked``), a short ``Kim said.`` right
after it, a sentence of speech right before it in its paragraph (``She
said they had made progress. “...”``), an introducing ``X said:`` before
it, a name signing it after a dash (``“...” ― Krystal Correa``), or the
attributed quote it continues. A quoted term with none of these
(a meeting's name, a scare quote) is not a quotation and is dropped, and so
are titles (on CNN’s “State of the Union”, his memoir “An American Son”)
and markup attribute values. A social media post pasted with its byline
(``... — Donald J. Trump (@realDonaldTrump) June 29, 2016``) is its
author's quotation though no marks enclose it.

A speaker is never taken from inside quotation marks, nor from the line
above its name (a dateline): no speaker is better than a wrong one.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from . import lexicon as lx
from .actors import OCCUPATION_NOUNS, TITLE_WORDS, _occupation_word
from .reading import doc_text

# A short quoted run of capitalized words after one of these is a show, book or
# slogan named, not a quotation: on “Meet the Press”, in “The Art of the Deal”.
TITLE_PREPOSITIONS = frozenset("on in of from at with to".split())
# Small words a title leaves in lower case ("State of the Union").
TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as is".split())
MAX_TITLE_WORDS = 6
# Words that name a work before its title: his book “The Art of the Deal”, a column titled “...”.
WORK_WORDS = frozenset("""book books memoir memoirs novel show shows series sitcom film films movie movies documentary
program programs programme song songs album albums column op-ed essay article editorial podcast play musical
autobiography biography ad ads titled entitled""".split())
# Joining words after which a title may follow another: “Parks and Recreation” and “Guardians of the Galaxy”.
TITLE_JOINS = frozenset("and or".split())
# A title with a subtitle ("The Trumps: Three Generations That Built an Empire") may run longer.
MAX_SUBTITLED_WORDS = 12
POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")
# "As one aide put it, “...”": a verb and object that together report words.
PUT_IT = ("put", "it")
# Dashes after which a line's speaker may start ("HEADLINE - Name: “...”").
NAME_DASHES = (" - ", " — ", " – ")
# Pronouns that may speak before a colon ("He put it: “...”").
COLON_PRONOUNS = frozenset("he she i we".split())
# After these, a quotation opens a sentence or a clause of its own, not a fragment;
# ".!?" because the parse may run the previous sentence on to the quote.
QUOTE_OPENS_AFTER = ",:—–-([.!?"
# Most characters between two parts of one quotation ("“X,” said ... “Y.”").
MAX_CUE_BETWEEN = 400
# Fewest words of a quotation given to the sentence before it ("Kim agreed. “...”").
MIN_WORDS_SAID = 3
SENTENCE_END_MARKS = frozenset(".!?")
# Penn tags of finite verbs: a clause with one has a subject of its own.
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")
# Entity types that name no one: "1:50 p.m." is never who spoke.
NOT_SPEAKER_ENTITIES = frozenset("TIME MONEY QUANTITY".split())
# How a quotation ends when its attribution follows in the same sentence: “..., ” Kim said.
TRAILING_CUE_PUNCTUATION = ",!?"
# Parts of speech of a title phrase before a name: "Blaze co-host Stu Burguiere", "the network's anchor Tom Smith".
TITLE_PHRASE_POS = frozenset("PROPN NOUN ADJ PART DET".split())
MAX_WORDS_TO_VERB = 8  # "Donald Hartley of Madison, Alabama, beamed" is too far; "beamed Donald Hartley" is not
MAX_CHARS_TO_VERB = 80
# What the parse may make of a name right after an inverted verb ("opined Cleveland's Plain Dealer").
MISPARSED_SUBJECT_DEPS = frozenset("dobj npadvmod advmod attr appos dep oprd".split())
# Words that lead up to a noun within its phrase: "a South Carolina Democrat", "Cleveland's Plain Dealer".
NOUN_LEADING_DEPS = frozenset("compound det amod nmod poss case nummod".split())
# How a phrase after a quoted fragment may hang on a word inside it: "“not quite there yet” on supporting Ryan".
RUN_ON_DEPS = frozenset("prep dobj agent".split())
# Dependents that carry what a verb reports: "said (that) he would".
CONTENT_DEPS = frozenset("ccomp xcomp".split())
CLOSING_TAG = "''"  # the tagger's tag for a closing quotation mark
WRITER_PRONOUNS = frozenset("i we".split())
IMPERSONAL_PRONOUNS = frozenset("it this that".split())  # "It was a potent punch": no one
MAX_NAMING_GAP = 5  # words between a named object and the quoted name: ", among other things,"
# Words that may stand between a verb of speech and the comma before a quote: "tweeting at him,".
MAX_WORDS_AFTER_CUE = 3
DAY_WORDS = frozenset("today yesterday tonight tomorrow".split())
# Words that may stand after the subject they count ("the leaders both said").
FLOATING_QUANTIFIERS = frozenset("both all each".split())
# "Ramos, 58, told": the most words of an aside between a stranded name and its verb.
MAX_ASIDE_WORDS = 4
# Entities a stranded name may have: a person or a body, never a place or a date.
STRANDED_NAME_ENTITIES = frozenset(("PERSON", "ORG", "NORP", ""))
# Subject pronouns and entity types that stand for people.
PERSONAL_PRONOUNS = frozenset("i we he she they".split())
PERSON_ENTITIES = frozenset("PERSON ORG NORP".split())
# A possessive pronoun and the subject pronouns that may be the same person.
POSSESSIVE_SUBJECTS = {"his": {"he"}, "her": {"she"}, "its": {"it"}, "their": {"they"}}


@dataclass(frozen=True)
class Attribution:
    """Who said what, as character offsets into ``doc.text`` (end exclusive)."""

    spans: tuple[tuple[int, int], ...]  # content, in order
    cue: tuple[int, int] | None  # "said", "according to", ":"
    speaker: tuple[int, int] | None  # the speaker mention as written, or None
    partial: bool = False  # a fragment quoted inside a sentence


# -- pairing quotation marks --------------------------------------------------------------


@dataclass
class _Segment:
    """The words between one opening mark and its closing mark (or paragraph end)."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the paragraph ends first
    start: int
    end: int
    paragraph: int
    after: int = 0  # offset just after the closing mark (or the paragraph end)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; news text puts one paragraph on a line."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(offset, length) of each double quotation mark; ``''`` is one mark (the NYT archive's)."""
    return [(m.start(), m.end() - m.start()) for m in lx.DOUBLE_MARK.finditer(text, start, end)]


def _direction(text: str, i: int, length: int = 1) -> bool | None:
    """True for an opening mark, False for a closing one, None when the context cannot tell.

    Context wins over the glyph, because pasted text often has curly marks the
    wrong way round and straight marks that could be either.
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + length] if i + length < len(text) else " "
    opens_word = before.isspace() or before in lx.BEFORE_OPENING
    closes_word = after.isspace() or after in ".,;:!?)]}—–-" or after in lx.QUOTE_MARKS
    if opens_word and not after.isspace():
        return True
    if closes_word and not before.isspace():
        return False
    mark = text[i]
    if mark in lx.DOUBLE_OPEN:
        return True
    if mark in lx.DOUBLE_CLOSE:
        return False
    return None


def _double_segments(text: str, para: tuple[int, int], index: int) -> list[_Segment]:
    marks = [(i, length, _direction(text, i, length)) for i, length in _marks(text, *para)]
    # Straight marks around a curly quotation are a paste's wrapping, not a quotation of one.
    one_style = len({text[i] in lx.DOUBLE_OPEN + lx.DOUBLE_CLOSE for i, _, _ in marks}) == 1
    return (one_style and _nested_segments(marks, index)) or _flat_segments(marks, para, index)


def _nested_segments(marks: list[tuple[int, int, bool | None]], index: int) -> list[_Segment]:
    """The outer quotations of a paragraph that quotes a quotation with the same marks, else [].

    "“Trump’s claim that a deal “has to do with Israel” makes clear ...,”
    wrote Klein": the writer nested double marks in double marks. Only a
    paragraph whose marks all pair up, one level deep, is read this way; an
    opening mark left unclosed is a writer's slip, read as before.
    """
    depth, deepest, opened, segments = 0, 0, None, []
    for i, length, opening in marks:
        if opening is None:
            return []
        if opening:
            depth += 1
            deepest = max(deepest, depth)
            if depth == 1:
                opened = (i, length)
        else:
            depth -= 1
            if depth < 0:
                return []
            if depth == 0:
                segments.append(_Segment(opened[0], i, opened[0] + opened[1], i, index, i + length))
    return segments if depth == 0 and deepest == 2 else []


def _flat_segments(marks: list[tuple[int, int, bool | None]], para: tuple[int, int], index: int) -> list[_Segment]:
    end = para[1]
    segments, open_at = [], None
    for i, length, opening in marks:
        if opening is None:
            opening = open_at is None
        if opening:
            # A second opening mark before a closing one: the first was never
            # closed, so we cannot tell where it ends and drop it.
            open_at = (i, length)
        elif open_at is not None:
            segments.append(_Segment(open_at[0], i, open_at[0] + open_at[1], i, index, i + length))
            open_at = None
    if open_at is not None:
        segments.append(_Segment(open_at[0], None, open_at[0] + open_at[1], end, index, end))
    return segments


def _single_segments(text: str, para: tuple[int, int], index: int) -> list[_Segment]:
    """‘Single’ quotes at the top level, as headlines use them; ’ between letters is an apostrophe."""
    start, end = para
    segments, open_at = [], None
    for i in range(start, end):
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch == lx.SINGLE_OPEN and (before.isspace() or before in lx.BEFORE_OPENING) and after.isalpha():
            open_at = i
        elif ch == lx.SINGLE_CLOSE and open_at is not None and not before.isspace() and not after.isalnum():
            segments.append(_Segment(open_at, i, open_at + 1, i, index, i + 1))
            open_at = None
    return segments


def _starts_with_opening(text: str, para: tuple[int, int]) -> bool:
    marks = _marks(text, para[0], para[1])
    first = _first_mark(text, para)
    return bool(marks) and marks[0][0] == first and _direction(text, *marks[0]) is not False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quote_groups(text: str) -> list[list[_Segment]]:
    """Quoted passages in text order; a passage running over paragraphs is one group.

    A paragraph that ends inside a quote continues it when the next paragraph
    opens with a quotation mark (the news convention); otherwise the unclosed
    mark is ambiguous and its words are dropped.
    """
    paras = _paragraphs(text)
    per_para = []
    for index, para in enumerate(paras):
        segments = _double_segments(text, para, index)
        if not segments:
            segments = _single_segments(text, para, index)
        per_para.append(segments)

    groups: list[list[_Segment]] = []
    carry: list[_Segment] | None = None
    for index, segments in enumerate(per_para):
        for n, seg in enumerate(segments):
            seg.start, seg.end = _trim(text, seg.start, seg.end)
            if carry is not None and n == 0 and seg.open == _first_mark(text, paras[index]):
                group = carry + [seg]
            else:
                group = [seg]
            carry = None
            if seg.close is None:
                nxt = index + 1
                if nxt < len(paras) and _starts_with_opening(text, paras[nxt]):
                    carry = group
                continue
            groups.append(group)
        if carry is not None and (index + 1 >= len(per_para) or not per_para[index + 1]):
            carry = None
    return [[s for s in g if s.end > s.start] for g in groups if any(s.end > s.start for s in g)]


def _first_mark(text: str, para: tuple[int, int]) -> int:
    stripped = text[para[0]:para[1]]
    return para[0] + len(stripped) - len(stripped.lstrip())


# -- reading the parse --------------------------------------------------------------------


def _marked(groups: list[list[_Segment]]) -> list[tuple[int, int]]:
    """Each quoted segment's extent, marks included."""
    return [(s.open, s.after) for g in groups for s in g]


class SpanIndex:
    """Answers "is this offset inside these spans?" quickly."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


class Sentences(list):
    """A doc's sentences, with their start offsets at hand for bisection."""

    @functools.cached_property
    def starts(self) -> list[int]:
        return [s.start_char for s in self]


def sentences(doc) -> Sentences:
    """The doc's sentences, or the whole doc as one when it has no sentence boundaries."""
    if len(doc) == 0:
        return Sentences()
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        sents = list(doc.sents)
    else:
        sents = [doc[:]]
    # The parser sometimes runs a sentence over a paragraph break; a quote's
    # frame must not, so split there too.
    out = []
    for sent in sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text and tok.i + 1 < sent.end:
                if tok.i + 1 > start:
                    out.append(doc[start:tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return Sentences(out)


def noun_phrase(token, quoted=None) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token``, without relative clauses.

    Appositions stay ("Kim Young-jun, a professor at ...") because they name
    the speaker; trailing punctuation and quoted words go.
    """
    keep = [token]
    one_person = _described_twice(token)
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "cc") and child.i > token.i and not (one_person and child.dep_ == "cc"):
            continue
        keep.extend(child.subtree)
    keep = [t for t in keep if t is token or quoted is None or t.idx not in quoted]
    keep.sort(key=lambda t: t.i)
    # A phrase is contiguous, within one line: stop at the first gap or line
    # break either side of the head (a dateline "10:10 a.m." above is no part of it).
    lo = hi = keep.index(token)
    while lo > 0 and _adjacent(keep[lo - 1], keep[lo]):
        lo -= 1
    while hi + 1 < len(keep) and _adjacent(keep[hi], keep[hi + 1]):
        hi += 1
    words = _before_misread_verb(keep[lo:hi + 1], token)
    if words[-1].dep_ == "prep" and not list(words[-1].children):
        # "president of | the A.F.L.-C.I.O.": the parse broke the phrase off where a
        # preposition still wants its object; the rest of the line, if it has no verb, is it
        words += _rest_of_line(words[-1])
    while len(words) > 1 and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    while len(words) > 1 and words[0].is_punct:
        words.pop(0)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _before_misread_verb(words: list, head) -> list:
    """The phrase up to the comma before a finite verb that the parse took into it.

    "Erin Brockovich, the legendary environmental activist and lawyer, endorsed
    Sanders’ approach Saturday, saying ...": the parse made "endorsed" a modifier
    and the clause an apposition; a noun phrase holds no verb in the past tense.
    """
    for k, word in enumerate(words):
        if word.i > head.i and word.tag_ == "VBD" and word.dep_ in ("amod", "compound"):
            comma = next((j for j in range(k - 1, 0, -1) if words[j].text == ","), None)
            return words[:comma] if comma is not None and words[comma - 1].i >= head.i else words
    return words


def _rest_of_line(token) -> list:
    """The words after ``token`` up to the end of its line, or none when a verb or a quotation mark is among them."""
    rest = []
    for t in token.doc[token.i + 1:]:
        if "\n" in t.text or t.pos_ in ("VERB", "AUX") or t.text in lx.QUOTE_MARKS:
            return rest if "\n" in t.text else []
        rest.append(t)
        if "\n" in t.whitespace_:
            break
    return rest


def _described_twice(token) -> bool:
    """True for a bare role joined to a name: "GOP presidential contender and former neurosurgeon
    Ben Carson" is one person (without a determiner, "the senator and Trump" are two)."""
    # lower case, or a capitalized title ("Sirius XM Vice President for news and talk Dave Gorab")
    title = token.pos_ == "PROPN" and token.lower_ in TITLE_WORDS
    if not (token.text.islower() and token.pos_ == "NOUN" or title) or any(c.dep_ in ("det", "poss")
                                                                            for c in token.children):
        return False
    if token.lower_ not in TITLE_WORDS | OCCUPATION_NOUNS and not _occupation_word(token.lower_):
        return False  # a role: not "Ru bio and Murphy" (a typo for Rubio)
    return any(c.dep_ == "conj" and c.ent_type_ == "PERSON" and not any(d.dep_ in ("det", "poss") for d in c.children)
               for c in token.rights)


def _shown_speaking(verb):
    """The person right before a participle of speech: "footage of Hillary Clinton asking, “...”".

    The parse hangs such a participle on the verb of the sentence ("The ad uses footage ...
    asking"), whose subject is the ad; the one shown speaking is the name before it. Not
    someone spoken to ("a letter to Obama saying").
    """
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in lx.SPEECH_VERBS or verb.i == 0:
        return None
    named = verb.doc[verb.i - 1]
    if not _adjacent(named, verb) or not (named.pos_ == "PROPN" and named.ent_type_ == "PERSON"
                                          or named.lower_ in SHOWN_PRONOUNS):
        return None
    if named.dep_ == "pobj" and named.head.lower_ not in SHOWN_PREPOSITIONS:
        return None
    return named


SHOWN_PRONOUNS = frozenset("him her them".split())
SHOWN_PREPOSITIONS = frozenset("of from".split())  # "footage of Trump saying", not "a letter to Obama saying"


def _adjacent(left, right) -> bool:
    return right.i == left.i + 1 and "\n" not in left.whitespace_ and "\n" not in left.text + right.text


def subject_of(verb):
    """The subject token of a verb, looking up a chain of clauses ("X said, adding that ...")."""
    named = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (named is not None and named.dep_ == "compound" and named.head.i == verb.i and named.pos_ == "PROPN"
            and verb.tag_ in lx.REPORTING_TENSE_TAGS and not any(c.dep_ in lx.SUBJECT_DEPS for c in verb.children)):
        return named  # "“Cruz,” Beck joked": the parse took the name for a compound of the verb
    misparsed = verbless_subject(verb)
    if misparsed is not None:
        return misparsed
    shown = _shown_speaking(verb)
    if shown is not None:
        return shown
    tok = verb
    for _ in range(4):
        if (tok is not verb and verb.tag_ == "VBG" and tok.dep_ == "ccomp" and is_reporting_verb(tok.head)
                and (not is_reporting_verb(tok) or _only_thought(tok)) and tok.head.i < tok.i):
            # "Trump denied that Tyson had been invited, writing on Twitter ...", "Trump has
            # indicated he would curb critics, vowing to ...": the clause the participle hangs
            # on is what Trump said; the one who wrote or vowed is Trump. (A verb after the
            # clause is no such report: the parse may hang "Trump ratcheted up his attacks,
            # saying he is “weak ..., you know that”" on the quotation's "know".)
            tok = tok.head
        elif (tok is not verb and verb.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.dep_ == "dobj"
              and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
              and is_reporting_verb(tok.head.head) and not is_reporting_verb(tok)):
            tok = tok.head.head  # "Bennett denied the notion that a shakeup is coming, explaining ..."
        elif (tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.dep_ == "dobj"
              and tok.head.lemma_.lower() in lx.WRITTEN_SOURCES and tok.head.head.pos_ == "VERB"):
            tok = tok.head.head  # "she released a statement saying, “...”": she says it
        elif tok.dep_ == "advcl" and tok.head.pos_ == "ADV" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "Auerbach went so far as to say: “...”"
        subject = _nearest_subject(tok)
        if subject is not None and subject.lower_ in IMPERSONAL_PRONOUNS and tok is not verb:
            # "It was a potent punch, as Mrs. Clinton echoed the criticism, saying ...": the clause
            # right before the participle has the one who speaks
            subject = _subject_of_clause_before(verb) or subject
        if subject is not None:  # a day or a time is nobody; a name it holds next to the verb may speak
            return _person_next_to(subject, tok) if _names_no_one(subject) else subject
        if tok is verb:  # "was criticized by his rivals"; a clause above's agent is no one's subject here
            agent = _agent(tok) or _stranded_name(tok)
            if agent is not None:
                return agent
        elif verb.tag_ == "VBG" or (verb.dep_ == "conj" and verb.head.i == tok.i):
            # "Silverman was booed after telling them ...": who was booed did the telling;
            # "Silverman was joined on stage by Franken and joked, “...”": and joked too
            patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if patient is not None and (patient.pos_ == "PROPN" or patient.lower_ in PERSONAL_PRONOUNS
                                        or patient.ent_type_ in PERSON_ENTITIES):
                return patient  # a person, not "Clinton's attacks were aired after saying"
        controller = _object_controller(tok)
        if controller is not None:
            return controller
        if _report_joined_to_content(verb, tok):
            tok = tok.head.head  # "He said X have given Y and said that ...": the second "said" is his
        elif tok.dep_ in lx.SUBJECT_INHERITING_DEPS and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX") \
                and not _finite_clause(tok):
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "agreed by saying that ..."
        elif tok.dep_ == "dep" and tok.tag_ == "VBD" and tok.head.pos_ == "VERB" and tok.head.i < tok.i:
            tok = tok.head  # "Trump gestured ..., then leaned in and boomed: “...”": the parse left "leaned" loose
        else:
            return None
    return None


def _subject_of_clause_before(participle):
    """The named subject of the clause that ends right before ``participle``'s comma, if it hangs
    on the same verb: "as Mrs. Clinton echoed the criticism, | saying ..."."""
    doc = participle.doc
    if participle.i < 2 or doc[participle.i - 1].text != ",":
        return None
    before = doc[participle.i - 2]
    clause = next((a for a in [before, *before.ancestors] if a.dep_ == "advcl"), None)
    if clause is None or clause.head.i != participle.head.i or clause.right_edge.i != before.i:
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ == "PERSON") else None


def _only_thought(verb) -> bool:
    """True for "knew" in "Byrne wrote the agents knew to brace for it, saying, “...”": a verb of
    thought, not of speech, whose subject says nothing; the participle is the writer's."""
    return verb.lemma_.lower() in lx.COGNITION_VERBS and verb.lemma_.lower() not in lx.SPEECH_VERBS


def _object_controller(tok):
    """The object that does what an infinitive says: "The victory led Priebus to declare him the
    nominee" has Priebus declare, not the victory (not "used his platform to discuss"); so does the
    subject of the passive ("Trump was prompted to say")."""
    if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in lx.OBJECT_CONTROL_VERBS:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    # passive, the object is the subject: "Mr. Trump was prompted to say"
    return next((c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < tok.i), None)


def _nearest_subject(verb):
    """The verb's subject; of two, the one nearest before it.

    The parse may take a place or a dateline before the subject for a second
    one: in "Speaking in Salem, New Hampshire, Trump went after Bush" and
    "Washington (AFP) – Democrat Hillary Clinton has taken a swipe" the
    speaker is the one next to the verb.
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # "Republican figures ... both suggested": "both" only counts them
        subjects = [c for c in subjects if c.lower_ not in FLOATING_QUANTIFIERS] or subjects
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _stranded_name(verb):
    """A name the parse hung elsewhere, right before a finite verb with no subject: "Ramos, 58, told AFP".

    Only a name (or a personal pronoun) followed by a comma and at most a
    short aside ("58", "in Kentucky") counts: "Trump, in Kentucky, said".
    """
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in ("ROOT", "conj", "parataxis", "ccomp"):
        return None
    doc, at = verb.doc, verb.i - 1
    if at < verb.sent.start or doc[at].text != ",":
        return None
    at -= 1
    aside = 0
    while at >= verb.sent.start and doc[at].text != "," and aside < MAX_ASIDE_WORDS and not _stranded(doc[at]):
        at, aside = at - 1, aside + 1
    if aside:  # the aside is set off by commas on both sides
        if at < verb.sent.start or doc[at].text != ",":
            return None
        at -= 1
    if at < verb.sent.start or not _stranded(doc[at]):
        return None
    return doc[at]


def _stranded(token) -> bool:
    """True for a name's last word or a personal pronoun, attached as anything but a subject."""
    if token.dep_ in ("nsubj", "nsubjpass", "compound") or "\n" in token.whitespace_:
        return False
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return False  # "Clinton, goaded by Sanders, came out against ...": Sanders only goaded
    if (token.dep_ == "dobj" and token.head.pos_ == "VERB" and token.head.i < token.i
            and token.left_edge.i == token.head.i + 1):
        return False  # "Graham slams Trump, praises Clinton": Trump is what she slams
    if token.pos_ == "PRON":
        return token.lower_ in COLON_PRONOUNS
    return token.pos_ == "PROPN" and token.ent_type_ in STRANDED_NAME_ENTITIES


def _person_next_to(subject, verb):
    """The person ending ``subject``'s phrase right before ``verb``, or None.

    "Saturday at the party's convention Sen. Elizabeth Warren (D-MA) said":
    the parse made the day the subject and hung the senator on it.
    """
    people = [t for t in subject.subtree if t.ent_type_ == "PERSON" and t.dep_ != "compound" and t.i < verb.i]
    return people[-1] if people and people[-1].right_edge.i + 1 == verb.i else None


def _report_joined_to_content(verb, tok) -> bool:
    """True when reporting ``verb`` is a conjunct the parse hung on the content of a report above.

    In "He said his attacks have given his campaign momentum and said that
    ..." the second "said" goes with the first, not with "given": it shares
    the first one's speaker, not the reported clause's subject.
    """
    if not (tok.dep_ == "conj" and is_reporting_verb(verb) and tok.head.dep_ == "ccomp"
            and tok.head.head.pos_ == "VERB" and tok.head.head.i < tok.head.i):
        return False
    if tok is verb and verb.tag_ == "VBD" and tok.head.tag_ == "VB" and any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children):
        # "Putin forecast that the economy would soon rebound and praised ...": a past tense
        # cannot share "would"; it goes on with the one who forecast, whatever the verb
        return True
    if not is_reporting_verb(tok.head.head):
        return False
    # "added that the administration has only treated it as a threat and demanded “complete
    # denuclearization”": a verb with no clause of its own after a perfect shares its "has" and
    # its subject. "... have given it momentum and said that ..." reports again, and "... has
    # delivered paid speeches but declined to ..." goes back to the speaker with its contrast.
    joined_by = next((c.lower_ for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i), None)
    shares_perfect = (any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.head.children)
                      and not any(c.dep_ in ("aux", "nsubj", "ccomp") for c in tok.children)
                      and joined_by != "but")
    return not shares_perfect


def _finite_clause(verb) -> bool:
    """True for a verb heading a finite clause of its own under another ("after Mr. Trump had said").

    Such a clause has its own subject, even when the parse missed it: it
    does not take the subject of the clause above ("The issue had come up
    after ... had said" is not the issue's saying). A coordinated verb ("said
    and added") shares its subject; a participle ("adding") or an
    infinitive has none of its own.
    """
    if verb.dep_ in ("conj", "xcomp"):
        return False
    if verb.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in verb.children):
        return True
    # A past form is often a participle the parse mistagged ("messages later deemed"):
    # finite only with a conjunction that opens a clause ("after he said").
    return verb.tag_ == "VBD" and any(c.dep_ == "mark" for c in verb.children)


def _passive_participle(verb) -> bool:
    """True for "asked" in "Mr. Trump, asked about it, had said": the one asked is not who speaks."""
    return ((verb.tag_ == "VBN" or misread_participle(verb))
            and not any(c.dep_ in ("aux", "nsubj") for c in verb.children) and verbless_subject(verb) is None)


def misread_participle(verb) -> bool:
    """True for "Asked" in "Asked what a firm commitment looks like, Devine replied" and "Mr.
    Trump, asked about it, had said": the tagger reads a past tense, but an adverbial verb that
    opens its sentence or follows a comma, with no subject of its own, is a participle."""
    if verb.tag_ != "VBD" or verb.dep_ != "advcl" or verb.left_edge.i != verb.i or verb.lemma_ not in lx.ASKED_VERBS:
        return False  # not "the ones that stuck with it, talked about the record"
    if any(c.dep_ in lx.SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children):
        return False
    return verb.i == verb.sent.start or verb.doc[verb.i - 1].text == ","


def verbless_subject(verb):
    """The noun a sentence's only verb hangs on as a modifier: the verb's subject, misparsed.

    In "Beruff, a Scott ally, called Florida’s standards “strong.”" and "the nominee,
    Donald Trump, tweeted Sunday ..." the parse made the noun the sentence's root and the
    verb a participle of it; a sentence needs a verb, so the noun is its subject.
    """
    head = verb.head
    if (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ == "ROOT" and head.i < verb.i
            and head.pos_ in ("NOUN", "PROPN") and doc_text(verb.doc)[head.idx:verb.idx].rstrip().endswith(",")):
        return head
    return None


def _agent(verb):
    """The "by" object of a passive verb, or None."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def is_reporting_verb(token, verbs=lx.REPORTING_VERBS) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in verbs and not idiom_of_saying(token)


def idiom_of_saying(verb) -> bool:
    """True for "it goes without saying that", "suffice it to say that", "to say the least": the
    writer's turns of phrase, in which nobody says anything."""
    if verb.lemma_.lower() != "say":
        return False
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "without" and head.head.lemma_.lower() == "go":
        return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.head.children)
    return head.lemma_.lower() == "suffice" or any(c.dep_ == "dobj" and c.lower_ == "least" for c in verb.children)


def needs_clause(token) -> bool:
    """True for verbs that report only with a clause after them ("she called Kim" reports nothing)."""
    return token.lemma_.lower() in lx.NEEDS_CLAUSE


def according_to(token):
    """The object of "according to" when ``token`` is its "according", else None."""
    if token.lower_ != lx.ACCORDING_TO[0]:
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ != lx.ACCORDING_TO[1]:
        return None
    for child in nxt.children:
        if child.dep_ == "pobj":
            return child
    return None


def speaker_span(subject, quoted=None) -> tuple[int, int] | None:
    """The speaker mention for a subject token.

    A relative pronoun ("officials who said") is given with the noun it
    stands for, "officials who", so the mention names someone.
    """
    if subject is None:
        return None
    subject = _possessor_in_own_clause(subject)
    if subject.lower_ in lx.RELATIVE_PRONOUNS and subject.head.dep_ == "relcl" and subject.head.head.i < subject.i:
        antecedent = _antecedent(subject)
        author = _author_of_work(antecedent)
        if author is not None:
            return noun_phrase(author, quoted)
        # "Clinton and O’Malley, who are also seeking ...": a plural verb after a singular name is both's
        while antecedent.dep_ == "conj" and antecedent.ent_type_ in lx.NAMED_ENTITIES and _plural_verb(subject.head):
            antecedent = antecedent.head
        if antecedent.i != subject.head.head.i and _bare_adverbial_noun(subject.head.head):
            return noun_phrase(antecedent, quoted)  # not "Santilli on camera, who"
        start = noun_phrase(antecedent, quoted)[0]
        return start, subject.idx + len(subject.text)
    return noun_phrase(subject, quoted)


def _author_of_work(noun):
    """Who put out the work ``noun`` stands for: "The campaign" in "The campaign released a video that said"."""
    if noun.lemma_.lower() not in lx.PUT_OUT_WORKS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.lemma_.lower() not in lx.PUT_OUT_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _plural_verb(verb) -> bool:
    """True for "are seeking", "have said", "were", "say": a verb that agrees with more than one."""
    return verb.tag_ == "VBP" or verb.lower_ == "were" or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBP" or c.lower_ == "were") for c in verb.children)


def _antecedent(pronoun):
    """The noun a relative pronoun stands for: the word its clause hangs on, unless that
    is a place and the pronoun "who".

    In "Alan Berger, a gynecologist from Englewood, New Jersey, who said ..." the
    parse hangs the clause on "Jersey"; a place is no "who", so the phrase the
    place is part of (and the name it describes) is.
    """
    noun = pronoun.head.head
    if pronoun.lower_ not in lx.PERSONAL_RELATIVE_PRONOUNS:
        return noun
    while noun.ent_type_ in lx.PLACE_ENTITIES and noun.dep_ in ("pobj", "appos", "compound", "conj") \
            and noun.head.i != noun.i:
        noun = noun.head.head if noun.head.pos_ == "ADP" else noun.head
    if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON":
        noun = noun.head
    if _bare_adverbial_noun(noun):
        # "Bundy says to Santilli on camera, who responds": "on camera" is no one; the person
        # named last before it is
        noun = next((t for t in reversed(noun.doc[noun.sent.start:noun.i]) if t.ent_type_ == "PERSON"), noun)
    return noun


def _bare_adverbial_noun(noun) -> bool:
    """True for "camera" in "on camera", "tape" in "on tape": a singular noun with nothing before it
    after a preposition, which names a way or place, never a person."""
    return (noun.dep_ == "pobj" and noun.tag_ == "NN" and noun.ent_type_ == ""
            and not any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in noun.children))


def _possessor_in_own_clause(token):
    """For "his" in "Trump is keeping up his criticism of X": the clause's subject, "Trump".

    A possessive pronoun on the object of a verb that reports nothing itself
    ("keep up", "double down on", "continue to refute") stands for that
    verb's subject when the two agree ("his" and "He", "their" and
    "officials"); the subject names the holder better. Under a reporting verb
    ("Trump mocked her plan") the pronoun is someone else, and stays.
    """
    agrees = POSSESSIVE_SUBJECTS.get(token.lower_)
    if agrees is None or token.dep_ != "poss":
        return token
    verb = token.head
    while verb.dep_ in ("dobj", "pobj", "prep", "xcomp") and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    while verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "continued to refute his claim"
    if verb.pos_ not in ("VERB", "AUX") or is_reporting_verb(verb):
        return token
    subject = _nearest_subject(verb)
    if subject is None or subject.i > token.i:
        return token
    if subject.pos_ == "PRON":
        return subject if subject.lower_ in agrees else token
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    return subject if subject.pos_ in ("PROPN", "NOUN") and plural == (token.lower_ == "their") else token


def _outside(subject, quoted) -> tuple[int, int] | None:
    """The speaker mention for ``subject``, unless the subject is inside quotation marks.

    Words in a quotation are what was said, never who said it: in
    ``“The struggle continues” was his message`` nobody named "struggle" spoke.
    Nor is a time, date or number anyone ("1:50 p.m." over a paragraph).
    """
    if subject is None or subject.idx in quoted or _names_no_one(subject):
        return None
    return speaker_span(subject, quoted)


def _names_no_one(token) -> bool:
    """True for a time, an amount or a day ("1:50 p.m.", "Saturday"); "the 46-year-old" is someone."""
    if token.ent_type_ == "DATE":
        return token.pos_ == "PROPN" or token.lower_ in DAY_WORDS
    return token.ent_type_ in NOT_SPEAKER_ENTITIES


def token_span(token) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


# -- attributing quotes -------------------------------------------------------------------


@dataclass
class _Found:
    spans: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    partial: bool
    own_cue: bool  # the cue lies in the quote's own sentence
    paragraph: int
    last_close: int
    last_paragraph: int
    opens_paragraph: bool  # the quote's first mark starts its paragraph


def _sentence_index(sents, offset: int) -> int:
    starts = sents.starts if isinstance(sents, Sentences) else [s.start_char for s in sents]
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _frame(sents, group, quoted) -> list:
    """Tokens of the quote's sentences that lie outside quotation marks."""
    first = _sentence_index(sents, group[0].open)
    last = _sentence_index(sents, group[-1].end - 1)
    out = []
    for sent in sents[first:last + 1]:
        out.extend(t for t in sent if t.idx not in quoted and not t.is_space)
    return out


def _cue_in(tokens, group, quoted, partial: bool):
    """The best cue among ``tokens`` for the quote: (cue span, speaker span) or None.

    The nearest reporting verb wins; a partial quote needs a verb whose clause holds it.
    """
    doc_start, doc_end = group[0].open, group[-1].end
    inner = tokens[0].doc.char_span(group[0].start, group[0].end, alignment_mode="expand") if partial else None
    best = None
    for tok in tokens:
        obj = according_to(tok)
        if obj is not None and partial and inner and _reported_below(inner[0], tok, inner):
            continue  # "According to pool reports, Obama said ..., which he called “...”": he did
        if obj is not None:
            cue = (tok.idx, tok.nbor(1).idx + len(tok.nbor(1).text))
            candidate = (cue, _outside(obj, quoted))
        elif is_reporting_verb(tok, lx.QUOTE_VERBS) or _puts_it(tok):
            if _writer_quoting(tok):
                continue  # "Trump said, and I quote, “...”": the writer's aside, not the speaker
            if partial and any(c.dep_ == "neg" for c in tok.children):
                # "Cruz would not comment on an order “to protect privacy”", "Comey cannot say that
                # “from his perspective,” Lewandowski added": what one did not say is no quote of theirs
                continue
            if partial and inner and not _names_next(tok, group) and (
                    tok not in inner[0].ancestors
                    or (len(inner) <= MAX_TERM_WORDS and _inside_subject(inner[0], tok))
                    or _reported_below(inner[0], tok, inner)):
                # A term quoted inside the subject ("His speech, in which he joked about her
                # “interesting friendship”, cited ...") is not what the verb reports. (A longer
                # fragment there may be the report the parse hung on the subject: not skipped.)
                continue
            subject = _agent(tok) if _passive_participle(tok) else subject_of(tok)
            if subject is not None and subject.idx in quoted:
                # "“... Every single amendment,” said Cruz": the parse took a quoted word for a second subject
                subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.idx not in quoted), subject)
            if subject is None and not partial and _right_after(tok, group[-1]):
                # "“...,” said Robin Maynard, half joking": the parse gave the name to "joking"
                subject = _described_after(tok, quoted)
            speaker = _outside(subject, quoted)
            if speaker is None and not partial:
                # "“...,” Trump, the GOP frontrunner, said when Boyle asked": the name hung inside
                # the quotation speaks, before a verb further on that has a subject of its own
                speaker = _name_before_cue(tok.doc, doc_text(tok.doc), group, quoted, token_span(tok))
            candidate = (token_span(tok), speaker)
        else:
            continue
        # from the end of a verb before the quote: "someone shouted, “Cruz,” Beck joked" is the shout
        distance = min(abs(tok.idx - doc_end), abs(tok.idx + len(tok.text) - doc_start))
        speech = tok.lemma_.lower() in lx.SPEECH_VERBS or tok.lower_ == lx.ACCORDING_TO[0]
        # A fragment belongs to the outermost report that holds it ("Kim told
        # X that they will maintain “strategic patience”" is Kim's); a whole
        # quotation to the nearest cue.
        nearness = len(list(tok.ancestors)) if partial else distance
        # "tweeted back ... at a candidate who promised mass deportation: “...”": the verb the
        # quotation hangs on speaks, not a nearer one in a relative clause that has its own object
        # ("Santilli, who responds enthusiastically: “Okay!”" does speak)
        aside = (not partial and tok.dep_ == "relcl" and any(c.dep_ == "dobj" for c in tok.children)
                 and not _quotation_hangs_on(tok, group))
        # a verb of naming right before the quoted name names it, however far down the parse hung
        # it, unless it stands in what someone is said to have said ("Cardin said Republicans
        # rejected his attempts, calling it an “area of contention”": Cardin's words)
        naming = (obj is None and partial and _names_next(tok, group)
                  and not any(a.lemma_.lower() in lx.SAY_VERBS for a in tok.ancestors))
        rank = (candidate[1] is None, aside, not naming, not speech, nearness)
        if best is None or rank < best[0]:
            best = (rank, candidate)
    return best[1] if best else None


def _names_next(verb, group) -> bool:
    """True for "calling" in "calling Indiana Gov. Mike Pence "my partner ..."": a verb of naming
    whose object the quotation follows, though the parse hung the quotation elsewhere."""
    if verb.lemma_.lower() not in lx.NAMING_VERBS:
        return False
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.right_edge.idx >= group[0].open:
        return False  # not "were calling “every 15 minutes”"
    between = [t for t in verb.doc[obj.right_edge.i + 1:] if t.idx < group[0].open]
    # only commas and a short aside between: "calling him, among other things, “a failed candidate.”"
    return len(between) <= MAX_NAMING_GAP and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _writer_quoting(verb) -> bool:
    """True for "I quote" in "Trump said, and I quote, “...”": the writer passing on another's words."""
    return verb.lemma_.lower() == "quote" and any(c.dep_ == "nsubj" and c.lower_ in WRITER_PRONOUNS
                                                  for c in verb.children)


def _quotation_hangs_on(verb, group) -> bool:
    """True when a word inside the quotation is a clause of ``verb``'s."""
    return any(group[0].open <= c.idx < group[-1].end
               for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis"))


def _hangs_on(token, verb, inner) -> bool:
    """True when every word between ``token`` and its ancestor ``verb`` lies in ``inner``."""
    inside = range(inner.start, inner.end)
    a = token.head
    while a.i != verb.i:
        if a.i not in inside or a.head.i == a.i:
            return False
        a = a.head
    return True


def _reported_below(token, verb, inner) -> bool:
    """True when a report of its own hangs between ``token`` and ``verb``.

    "He echoed that promise, saying he would direct ICE “to immediately stop ...”" is what
    "saying" reports; "She noted that Sanders has criticized the president and called him
    “weak”" what "called" does (the parse hangs it on the clause "noted" reports).
    """
    for a in token.ancestors:
        if a.i == verb.i:
            return False
        # Only one hung on the verb itself (or joined to the clause it reports): a participle
        # hung lower, on a clause with a subject of its own, is often the parse's slip.
        on_verb = a.head.i == verb.i or (a.dep_ == "conj" and a.head.dep_ == "ccomp" and a.head.head.i == verb.i)
        if ((a.tag_ == "VBG" and a.dep_ == "advcl" or a.dep_ == "conj" and a.pos_ == "VERB")
                and on_verb and a.lemma_.lower() in lx.SPEECH_VERBS):
            return True
        # "Axelrod tweeted after Clinton argued that “...”": Clinton argued it; "in a clip that
        # Judge Mosman called “distasteful,” Santilli expressed ...": the judge called it that
        # (a relative clause only when the quotation is its own word's: "the loopholes he cited
        # are “...”, The Hill reported" is the paper's); so too "under what Mr. Hedge called ''...''"
        if (a.dep_ in ("advcl", "relcl", "pcomp") and a.pos_ == "VERB" and a.lemma_.lower() in lx.SPEECH_VERBS
                and (a.dep_ == "advcl" or _hangs_on(token, a, inner))
                and any(c.dep_ == "nsubj" and (c.pos_ in ("PROPN", "PRON") or _counted(c))
                        and c.lower_ not in lx.RELATIVE_PRONOUNS for c in a.children)):
            return True
    return False


MAX_TERM_WORDS = 3  # a quoted term ("interesting friendship"), not a quoted clause


def _counted(token) -> bool:
    """True for "21 percent", "half": a share of those polled, who speak for themselves in a poll."""
    return token.like_num or any(c.dep_ == "nummod" for c in token.children)


def _inside_subject(token, verb) -> bool:
    """True when ``token`` lies in ``verb``'s subject: "His speech — in which he joked about her
    “interesting friendship” — cited ..." does not have "cited" report the fragment."""
    child = next((a for a in token.ancestors if a.head.i == verb.i and a.i != verb.i), token)
    return child.dep_ in lx.SUBJECT_DEPS


def _puts_it(token) -> bool:
    """True for "put" in "as Dana Milbank puts it, “...”": the idiom reports words."""
    return token.pos_ == "VERB" and token.lemma_.lower() == PUT_IT[0] \
        and any(c.dep_ == "dobj" and c.lower_ == PUT_IT[1] for c in token.children)


def _colon_cue(text: str, mark: int):
    """``Sanders: ‘Of Course’ ...`` (headlines, transcripts): the name before the colon speaks.

    Only a short capitalized phrase opening its line (or following a dash, as
    in ``IOWA POLLS - Mark Blumenthal and Jon Cohen: “...”``), or a sentence
    inside the paragraph with every word capitalized (``... ISIS." Bush: "...``),
    counts, so that a sentence ending in a colon is not taken for a name.
    """
    # A name is short: look back a few words only, never over the whole paragraph.
    window = max(0, mark - MAX_COLON_NAME_CHARS)
    newline = text.rfind("\n", window, mark)
    opens = [newline + 1] if newline >= 0 or window == 0 else []
    opens += [at + len(dash) for dash in NAME_DASHES if (at := text.rfind(dash, window, mark)) >= 0]
    # '... to destroy ISIS." Bush: "The mission is ...': a name opening a sentence inside the
    # paragraph counts too, if every word of it is capitalized
    stops = [m.end() for m in SENTENCE_STOP.finditer(text, max(window, newline + 1), mark)]
    if not opens and not stops:
        return None
    line_start = max(opens + stops)
    mid_paragraph = not opens or line_start > max(opens)
    before = text[line_start:mark]
    stripped = before.rstrip()
    if not stripped.endswith(":"):
        return None
    name = stripped[:-1].strip()
    if not name or not name[0].isupper() or len(name.split()) > lx.MAX_COLON_SPEAKER_WORDS:
        return None
    if mid_paragraph and not all(w[0].isupper() for w in name.split()):
        return None
    start = line_start + before.index(name)
    colon = line_start + len(stripped) - 1
    return (colon, colon + 1), (start, start + len(name))


MAX_COLON_NAME_CHARS = 80
# The end of a sentence inside a paragraph: '... ISIS." Bush: "...'.
SENTENCE_STOP = re.compile(r"[.!?][\"”’']*[^\S\n]+")


def _signature_cue(text: str, group):
    """``“...” ― Sonya Herridge``: a name after a dash that ends the quotation's paragraph signs it.

    Readers' comments and epigraphs are printed this way. Only a short run of
    capitalized words (a middle initial, a particle like "de" allowed), with
    at most a comma and a place or age after it, counts; a dash that goes on
    into a sentence ("― and dangerous ― anti-Latino remarks") does not.
    """
    last = group[-1]
    if last.close is None:
        return None
    line_end = _line_end(text, last.after)
    m = _SIGNATURE.fullmatch(text, last.after, line_end)
    if m is None and not text[last.after:line_end].strip():
        # "“... pay zero taxes.”" and then, on a line of its own, "- Sanders."
        nxt = re.compile(r"\s*").match(text, line_end).end()
        if nxt - line_end <= MAX_SIGNATURE_GAP and nxt < len(text):
            m = _SIGNATURE.fullmatch(text, nxt, _line_end(text, nxt))
    if m is None:
        return None
    start, end = m.span("name")
    if text[end - 1] == "." and not re.search(r"(?:^|\s)\w\.$", text[start:end]):
        end -= 1  # the full stop of "― Carla Sanchez.", not of an initial
    return m.span("dash"), (start, end)


SIGNATURE_DASHES = ("―", "—", "–", "--", "-")
MAX_SIGNATURE_GAP = 4  # blank characters between a quotation's paragraph and a signature line under it
_DASH = "|".join(map(re.escape, SIGNATURE_DASHES))
_NAME_WORD = r"[^\W\d_][\w'’.\-]*"
_GAP = r"[^\S\n]"  # any space but a line break ("―\xa0Julie")
_NAME_START = r"(?=[A-Z\u00C0-\u00DE])"  # a capital, Latin-1's too ("Ángel")
_PARTICLE = r"(?:de|del|della|da|di|van|von|der|la|le|bin|al)"
_SIGNATURE = re.compile(
    rf"{_GAP}*(?P<dash>{_DASH}){_GAP}*"
    rf"(?P<name>{_NAME_START}{_NAME_WORD}(?:{_GAP}+(?:{_PARTICLE}{_GAP}+){{0,2}}{_NAME_START}{_NAME_WORD}){{0,4}}?)"
    rf"\.?(?:,[^\n.!?]{{1,60}})?[\s.]*"
)


def signatures(quotes: list[Attribution], text: str) -> list[tuple[int, int]]:
    """The speaker spans of the quotes signed with a dash and a name (or a post's byline): those name a person."""
    return [q.speaker for q in quotes if q.speaker is not None and q.cue is not None
            and text[q.cue[0]:q.cue[1]].startswith(SIGNATURE_DASHES)]


def _punctuation_before(doc, text: str, mark: int, char: str):
    """The token of ``char`` (":" or ",") just before the quotation mark at ``mark``, past spaces,
    when there is one and a word before it; else None."""
    at = mark - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    if at < 0 or text[at] != char:
        return None
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return None if span is None or span[0].i == 0 else span[0]


def _verb_colon_cue(doc, text: str, mark: int, quoted):
    """``Trump boomed: “Let’s defeat her.”``: the subject of the verb before the colon speaks.

    Any verb will do, since the colon itself introduces the quotation; but
    its subject must be a name or a personal pronoun outside quotation marks,
    since "the timing of the surge" or "they" before a colon is seldom a speaker.
    """
    colon = _punctuation_before(doc, text, mark, ":")
    if colon is None:
        return None
    at = colon.i
    verb = doc[at - 1]  # climb from the word before the colon to its clause's verb
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < at:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") and not _misread_verb_with_subject(verb):
        return None
    if verb.sent.start != colon.sent.start:
        return None
    subject = subject_of(verb)
    while not _colon_speaker(subject) and verb.dep_ in ("ccomp", "pcomp") and verb.head.i != verb.i:
        # "Jeb Bush broke down what was wrong with the image: “...”": the clause before the colon
        # is what its verb took; the verb above it speaks
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if not _colon_speaker(subject):
        return None  # "Signs of momentum were there: “...”" names no speaker
    speaker = _outside(subject, quoted)
    return (token_span(verb), speaker) if speaker else None


def _misread_verb_with_subject(token) -> bool:
    """True for "affirms" in "Article 33 affirms: “...”": a verb of speech the tagger read as a
    plural noun, though it has a subject of its own."""
    return (token.tag_ == "NNS" and token.lower_.endswith("s") and token.lower_[:-1] in lx.SPEECH_VERBS
            and any(c.dep_ == "nsubj" for c in token.children))


def _colon_speaker(subject) -> bool:
    """True for a subject that may speak before a colon: a name, a personal pronoun, a written source."""
    return subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in COLON_PRONOUNS
                                    or _names_a_source(subject))


def _governs(doc, outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """True when the word at ``outer`` heads the clause that holds the word at ``inner``
    ("Rubio fired back" over "When Trump suggested ...", not "said" over "she has learned")."""
    head = doc.char_span(*outer, alignment_mode="expand")
    word = doc.char_span(*inner, alignment_mode="expand")
    return head is not None and word is not None and head[0] in word[0].ancestors


def _joined_after(doc, first: tuple[int, int], then: tuple[int, int]) -> bool:
    """True when the word at ``then`` heads a clause joined to the one at ``first`` by "and" or "but":
    in "Trump did support the idea, and NBC News has proof: “...”" the second clause opens the quote."""
    head = doc.char_span(*first, alignment_mode="expand")
    word = doc.char_span(*then, alignment_mode="expand")
    if head is None or word is None:
        return False
    tok = word[0]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
        if tok.i == head[0].i:
            return True
    return False


def _governs_only_through(doc, outer: tuple[int, int], inner: tuple[int, int], group) -> bool:
    """True when the word at ``outer`` reaches the one at ``inner`` only through a word of the quotation
    ``group``: the parse hung "NBC News has proof: “Should there be ...?”" on the quotation's "be"."""
    head = doc.char_span(*outer, alignment_mode="expand")
    word = doc.char_span(*inner, alignment_mode="expand")
    if head is None or word is None or head[0] not in word[0].ancestors:
        return False
    tok = word[0].head
    while tok.i != head[0].i:
        if any(seg.start <= tok.idx < seg.end for seg in group):
            return True
        tok = tok.head
    return False


def _names_a_source(subject) -> bool:
    """"Hoff’s letter makes a libertarian-style case: “...”", "One early supporter, Representative Lee
    Zeldin, gave it a whirl: “...”": a written source, or a phrase with a person's name in it."""
    return subject.lemma_.lower() in lx.WRITTEN_SOURCES or any(
        t.ent_type_ == "PERSON" for t in subject.subtree if t.i != subject.i)


def _verb_comma_cue(doc, text: str, mark: int, quoted):
    """``Hillary Clinton cracked, “I’m a progressive ...”``: a named subject's verb and a comma introduce a quote.

    Only a clause's main verb right before the comma counts ("Trump shot
    back, “...”"), and only before a whole quotation, not a fragment.
    """
    comma = _punctuation_before(doc, text, mark, ",")
    if comma is None:
        return None
    verb = doc[comma.i - 1]
    if verb.dep_ == "prt" or (verb.dep_ == "advmod" and verb.lower_ == "back"):
        verb = verb.head  # "shot back,"
    # (the parse may hang the clause on the quotation's own verb: "Hillary shot back, “I suppose ...”")
    main = verb.dep_ in ("ROOT", "conj") or (verb.dep_ == "ccomp" and verb.head.idx in quoted)
    if verb.pos_ != "VERB" or not main or verb.idx in quoted or _writer_quoting(verb):
        return None
    subject = subject_of(verb)
    if subject is None or not (subject.pos_ == "PROPN" or subject.lower_ in COLON_PRONOUNS or _name_elsewhere(subject)):
        return None
    speaker = _outside(subject, quoted)
    return (token_span(verb), speaker) if speaker else None


def _name_elsewhere(token) -> bool:
    """True for a capitalized word that is part of a person's name elsewhere in the text.

    At the start of a sentence the tagger may read a surname as a plural noun ("Sanders shot
    back, “...”"); "Bernie Sanders" further up says what it is.
    """
    return token.is_title and any(t.ent_type_ == "PERSON" and t.lower_ == token.lower_ for t in token.doc)


def _trailing_verb_cue(doc, text: str, group, quoted):
    """``“Go back to Univision,” Trump barked``: the named subject of the verb right after the quote speaks.

    Any verb will do ("barked", "joked"), as in the colon rule, because the
    quotation's closing ``,”`` hands the sentence over to its attribution;
    but the subject must be a name or a personal pronoun, and the verb one of
    the first words after the mark. After ``!”`` or ``?”`` a new sentence may
    begin ("“Mr. D’Souza?” I had prepared a statement" is the judge's), so
    only an inverted "beamed Donald Hartley" or a verb of speech with
    nothing said of its own ("Trump told ITV", not "Trump said he would")
    counts there.
    """
    last = group[-1]
    ending = text[last.start:last.end].rstrip()[-1:]
    if last.close is None or not ending or ending not in TRAILING_CUE_PUNCTUATION:
        return None
    rest = doc.char_span(last.after, min(len(text), last.after + MAX_CHARS_TO_VERB), alignment_mode="expand")
    start = next((t.i for t in rest or () if t.idx >= last.after and not t.is_space), None)
    if start is None or "\n" in text[last.after:doc[start].idx]:
        return None  # a verb in the next paragraph is not this quote's
    for tok in doc[start:min(len(doc), start + MAX_WORDS_TO_VERB)]:
        if (tok.is_punct and not _inner_hyphen(tok)) or "\n" in tok.text or tok.idx in quoted:
            return None
        if tok.pos_ != "VERB" or tok.dep_ in lx.SUBJECT_DEPS:
            # "Trump shot back": a name tagged as a verb is still the subject
            if ending == "," and _misread_speech_verb(doc, start, tok):
                return token_span(tok), (doc[start].idx, doc[tok.i - 1].idx + len(doc[tok.i - 1].text))
            continue
        heard = _heard_speaking(tok)
        if heard is not None:
            # "a reporter can be heard asking Trump": the one heard speaks, through the verb of speech
            tok, subject = heard
        else:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None) or _misparsed_subject(doc, start, tok)
        if ending != "," and tok.i != start and not _bare_speech_verb(tok) and not _closing_verb(tok):
            # after “...!” or “...?” only "beamed Donald Hartley", "Trump told ITV" or "Hannity pressed." is sure
            return None
        if (subject is None or not _named(subject)) and tok.i == start and _said_whole(text, group, tok):
            # An inverted verb's subject is the phrase right after it, however the parse hung it.
            subject = _described_after(tok, quoted)
            if subject is not None:
                return token_span(tok), _outside(subject, quoted)
        if subject is None or subject.i < start or not (
                _named(subject) or ((ending == "," or _bare_speech_verb(tok)) and _described(subject))):
            return None
        speaker = _outside(subject, quoted)
        return (token_span(tok), speaker) if speaker else None
    return None


def _heard_speaking(verb):
    """(verb of speech, speaker) for "X can be heard asking", "X was caught saying": the passive's subject speaks."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    speech = next((c for c in verb.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"
                   and c.lemma_.lower() in lx.SPEECH_VERBS), None)
    return (speech, subject) if speech is not None else None


def _closing_verb(verb) -> bool:
    """True for a verb whose named subject is all its sentence has before it, with only an adverb after it.

    "“Would it be negotiable?” Hannity pressed." and "“Why not?” Trump shot back." are the
    frame of the question; "“Why?” Nobody knew the answer." is not.
    """
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not ((subject.pos_ in ("PROPN", "NOUN") and subject.is_title)
                               or subject.ent_type_ in lx.NAMED_ENTITIES or subject.lower_ in COLON_PRONOUNS):
        return False
    after = doc[verb.i + 1:verb.sent.end]
    return all(t.is_punct or t.is_space or (t.dep_ in ("advmod", "prt") and t.head.i == verb.i) for t in after)


def _misread_speech_verb(doc, start: int, tok) -> bool:
    """True for a verb of speech the tagger took for a noun, ending a short frame after a quote.

    In "“...,” the email read." and "“...,” the two write in a letter." the words
    from the closing mark up to it, a determiner first, are its subject.
    """
    ends = tok.i + 1 >= len(doc) or doc[tok.i + 1].is_punct or _where_said(doc[tok.i + 1:])
    subject = doc[start:tok.i]
    return tok.lower_ in lx.MISREAD_SPEECH_FORMS and ends and len(subject) >= 2 and subject[0].pos_ == "DET"


def _where_said(words) -> bool:
    """True when ``words`` open with a phrase of place or time that ends their clause: "in the letter."."""
    if not words or words[0].pos_ != "ADP":
        return False
    for t in words:
        if t.is_punct or "\n" in t.text:
            return t.text in SENTENCE_END_MARKS or t.text == "," or "\n" in t.text
        if t.pos_ in ("VERB", "AUX"):
            return False
    return True


def _name_before_cue(doc, text: str, group, quoted, cue: tuple[int, int]) -> tuple[int, int] | None:
    """``“...,” William M. Daley, President Obama's former chief of staff, said``: the name speaks.

    The parse often hangs a name set off by commas on a word inside the
    quotation, which leaves the verb with no subject (or with "Mr. President"
    from inside the marks). When nothing but a name, a described role between
    commas and the cue follow the quotation's closing ``,”``, the name is the
    speaker.
    """
    last = group[-1]
    if last.close is None or not text[last.start:last.end].rstrip().endswith(","):
        return None
    gap = text[last.after:cue[0]]
    if not gap.strip() or "\n" in gap or any(m in gap for m in lx.QUOTE_MARKS):
        return None
    words = [t for t in doc.char_span(last.after, cue[0], alignment_mode="contract") or () if not t.is_space]
    if len(words) < 4 or words[-1].text != "," or doc[words[-1].i + 1].idx != cue[0]:
        return None
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    name = words[:comma]
    if not name or not all(t.pos_ == "PROPN" or t.lower_ in TITLE_WORDS for t in name) or not name[-1].is_title:
        return None
    if comma == len(words) - 1:
        return None
    return name[0].idx, name[-1].idx + len(name[-1].text)


def _right_after(token, segment) -> bool:
    """True when ``token`` is the first word after the segment's closing mark, on the same line."""
    if segment.close is None or token.idx < segment.after:
        return False
    between = doc_text(token.doc)[segment.after:token.idx]
    return not between.strip(" ,") and "\n" not in between


def _named(token) -> bool:
    """True for a name or a personal pronoun.

    Right after a quotation's closing mark no sentence starts, so a
    capitalized word there is a name even when the tagger took it for a
    verb ("Trump shot back").
    """
    return token.pos_ == "PROPN" or token.lower_ in COLON_PRONOUNS or token.is_title


def _inner_hyphen(token) -> bool:
    """True for a hyphen inside a word: "vice-presidential"."""
    return token.text == "-" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_


def _described(token) -> bool:
    """True for a common noun with a determiner: "the Republican vice-presidential nominee"."""
    return token.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") for c in token.children)


def _misparsed_subject(doc, start: int, verb):
    """The name next to ``verb`` that the parse did not make its subject.

    "Trump barked" parsed as a compound, "opined Cleveland's Plain Dealer"
    and "said Skelly" with the name as the verb's object or modifier.
    """
    if verb.i > start:
        words = doc[start:verb.i]
        return words[-1] if all(t.pos_ == "PROPN" for t in words) else None
    after = next((c for c in verb.rights if c.left_edge.i == verb.i + 1), None)
    if after is None or after.dep_ not in MISPARSED_SUBJECT_DEPS or not after.is_title:
        return None
    return after


def _said_whole(text: str, group, verb) -> bool:
    """True when a quote before an inverted verb reads as something said, not a term.

    A verb of speech, an exclamation or a question, or a few words will do;
    "“Trumpcare,” links his support for ..." quotes a word, and nobody says it.
    """
    body = " ".join(text[s.start:s.end] for s in group).rstrip()
    return (is_reporting_verb(verb, lx.QUOTE_VERBS) or body[-1:] in "!?"
            or len(body.split()) >= MIN_WORDS_SAID)


def _described_after(verb, quoted):
    """The head of the noun phrase right after an inverted verb, when it names or describes someone.

    "“...,” said a person close to the Clintons", "“Choke!” blared the front
    page of The Boston Herald", "“...,” said Richard L. Trumka" (the parse
    having hung him on a verb in the next paragraph). Only a lower-case verb
    (a capitalized one may open a new sentence) and only a name or a noun
    with a determiner ("a person", not "more") count; anything else is no
    speaker rather than a guess.
    """
    doc = verb.doc
    if not verb.text.islower() or verb.i + 1 >= len(doc) or "\n" in verb.whitespace_:
        return None
    head = doc[verb.i + 1]
    while head.dep_ in NOUN_LEADING_DEPS and verb.i < head.head.i and head.head.i > head.i \
            and "\n" not in doc[head.i:head.head.i].text:
        head = head.head
    if head.idx in quoted or head.left_edge.i < verb.i + 1 or _names_no_one(head):
        return None
    if head.pos_ == "PROPN":
        return head
    if head.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.i > verb.i for c in head.children):
        return head
    return _title_and_name_after(verb)


def _title_and_name_after(verb):
    """The name that ends a title phrase right after an inverted verb: "mused Blaze co-host Stu Burguiere".

    The parse often makes a muddle of such phrases ("co" and "-" as objects);
    words that can only be a title and a name, up to the end of the clause,
    are read as one.
    """
    doc = verb.doc
    run = []
    for tok in doc[verb.i + 1:verb.i + 1 + MAX_WORDS_TO_VERB + 1]:
        joined = tok.text == "-" and not tok.whitespace_ and not doc[tok.i - 1].whitespace_
        if tok.is_punct and not joined:
            return run[-1] if run and run[-1].pos_ == "PROPN" and tok.text in ",.;" else None
        if (tok.pos_ not in TITLE_PHRASE_POS and not joined) or "\n" in tok.whitespace_:
            return None
        run.append(tok)
    return None


def _bare_speech_verb(verb) -> bool:
    """True for a verb of speech with no clause, colon or quotation of its own after it: "Trump told ITV"."""
    if verb.lemma_.lower() not in lx.SPEECH_VERBS:
        return False
    # the closing mark of a later quotation may hang on the verb too ("Clinton asks as a man walks in,
    # saying he’s “here to fix the holes.”"); only an opening one is a quotation of the verb's own
    return not any(c.dep_ in CONTENT_DEPS or c.text == ":" or (c.text in lx.QUOTE_MARKS and c.tag_ != CLOSING_TAG)
                   for c in verb.rights)


def _is_partial(text: str, sents, group) -> bool:
    """True when the quote is a fragment embedded in a sentence, not a quoted sentence."""
    seg = group[0]
    sent = sents[_sentence_index(sents, seg.open)]
    before = text[sent.start_char:seg.open].rstrip()
    body = text[seg.start:seg.end]
    if before.endswith(",") and body[:1].islower() and not _quoted_before(before) and not _after_cue(sent, seg.open):
        # "he appreciates a good, “peaceful protest”": the writer's clause goes on in
        # the quote (unlike a quote's second part, or one after "he said,").
        return True
    if not before or before[-1] in QUOTE_OPENS_AFTER or before[-1] in lx.QUOTE_MARKS:
        return False
    return not body[:1].isupper() or len(body.split()) < 4


def _quoted_before(before: str) -> bool:
    return any(m in before for m in lx.QUOTE_MARKS) or lx.DOUBLE_APOSTROPHES in before


def _after_cue(sent, mark: int) -> bool:
    """True when the comma before ``mark`` follows a verb ("he said, “all ...") or the phrase of a
    verb of speech ("tweeting at him, "you aren't just a loser ..."")."""
    words = [t for t in sent if t.idx < mark and not t.is_punct and not t.is_space]
    if not words:
        return False
    if words[-1].pos_ in ("VERB", "AUX"):
        return True
    verb = next((a for a in words[-1].ancestors if a.pos_ in ("VERB", "AUX")), None)
    return (verb is not None and (verb.lemma_.lower() in lx.SPEECH_VERBS or _puts_it(verb))
            and words[-1].i - verb.i <= MAX_WORDS_AFTER_CUE)


def _short_cue_sentence(sent, quoted):
    """A sentence like ``Kim said.``: a subject, a reporting verb and little else.

    A sentence the parse split off right after the closing mark that goes on in lower case
    ("“Power to the people!” the group shouted from the street outside ...") is the
    quote's own frame, however long: its main verb, if it reports, is the cue.
    """
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return None
    root = next((c for c in sent.root.rights if verbless_subject(c) is not None), sent.root)
    # "“Filth out!” she wrote, arguing that ..., “more ... will burn.”": a quotation after the
    # frame's verb is the frame's own; one before it is not the frame of the quote above.
    if any(t.idx in quoted for t in sent if t.i < root.i):
        return None
    if any(t.idx in quoted for t in sent):
        return root if _frame_of_quote_above(root, words) else None
    if len(words) > 10:
        # "“... How are you today?” Miller, a retired worker from a nuclear plant, said pleasantly
        # into the phone.": a verb of speech that reports nothing of its own reports the quote
        bare = _bare_speech_verb(root) and not any(c.dep_ in lx.OBJECT_DEPS for c in root.children)
        return root if _frame_of_quote_above(root, words) or (bare and subject_of(root) is not None) else None
    for tok in words:
        if is_reporting_verb(tok) and subject_of(tok) is not None:
            return tok
    return None


def _frame_of_quote_above(root, words) -> bool:
    """True when a sentence goes on in lower case from a quote above it with its own verb of speech."""
    return words[0].is_lower and is_reporting_verb(root, lx.SPEECH_VERBS) and subject_of(root) is not None


def _cue_sentence_before(sents, index: int, group, quoted, text: str):
    """The verb of speech heading the sentence right before a quotation that is a sentence of its own.

    "Dianne Bystrom agreed. “...”", "Sam Lau said in a statement. “...”",
    "She said they had made progress. “...”" and "The plans are “profoundly
    irresponsible,” he said. “...”": in one paragraph, a quotation with no
    cue of its own goes on with what the sentence before reported, and its
    named speaker (never one inside quotation marks) said it.
    """
    if index <= 0 or text[sents[index].start_char:group[0].open].strip():
        return None
    if len(text[group[0].start:group[-1].end].split()) < MIN_WORDS_SAID or not _quotation_only(text, group):
        return None  # a name in quotation marks ('‘Stickerboy’ placed two stickers') or a quote with words after it
    prev = sents[index - 1]
    said = text[prev.start_char:prev.end_char].rstrip()
    if "\n" in text[prev.start_char + len(said):group[0].open] or not said.endswith("."):
        return None
    verbs = [t for t in prev if t.dep_ == "ROOT" and t.idx not in quoted
             and is_reporting_verb(t, lx.SPEECH_VERBS) and not _passive_participle(t)]
    if not verbs or _outside(subject_of(verbs[0]), quoted) is None:
        return None
    return verbs[0]


def _introducing_sentence(sents, index, text):
    """The sentence before ``index`` when it ends in a colon (``X said:``)."""
    if index <= 0:
        return None
    prev = sents[index - 1]
    return prev if text[prev.start_char:prev.end_char].rstrip().endswith(":") else None


def _attribute(doc, sents, group, quoted, text: str) -> _Found | None:
    partial = _is_partial(text, sents, group)
    frame = _frame(sents, group, quoted)
    base = dict(
        spans=[(s.start, s.end) for s in group],
        partial=partial,
        paragraph=group[0].paragraph,
        last_close=group[-1].after,
        last_paragraph=group[-1].paragraph,
        opens_paragraph=not text[text.rfind("\n", 0, group[0].open) + 1:group[0].open].strip(),
    )
    found = _cue_in(frame, group, quoted, partial) if frame else None
    if found is not None and not partial and found[0][1] <= group[0].open:
        # "When Trump suggested that ..., Rubio fired back: “...”": the verb that opens the quotation
        # with a colon (or a comma) speaks, not a cue further back in the sentence
        opener = _verb_colon_cue(doc, text, group[0].open, quoted) or _verb_comma_cue(doc, text, group[0].open, quoted)
        if opener is not None and opener[0][0] > found[0][0] and (_governs(doc, opener[0], found[0])
                                                                   or _joined_after(doc, found[0], opener[0])
                                                                   or _governs_only_through(doc, found[0], opener[0], group)):
            found = opener
    if found is not None and not partial and _sentence_between(text, found[0][1], group[0].open):
        # The parse ran the sentence before on into the quote: "X said Y. ''Choke!''
        # blared the front page" has a verb of its own after the quote, and that speaks.
        trailing = _trailing_verb_cue(doc, text, group, quoted)
        if trailing is not None and trailing[1] is not None:
            found = trailing
    if found is not None and found[1] is None and not partial:
        found = (found[0], _name_before_cue(doc, text, group, quoted, found[0]))
    if found is None or found[1] is None:
        # A cue that names no one ("Asked whether ..., Mr. Smith shot back: “...”")
        # gives way to a colon or a verb right after the quote that does.
        named = _colon_cue(text, group[0].open) or _verb_colon_cue(doc, text, group[0].open, quoted)
        if named is None and not partial:
            named = (_signature_cue(text, group) or _trailing_verb_cue(doc, text, group, quoted)
                     or _verb_comma_cue(doc, text, group[0].open, quoted))
        if named is not None and (found is None
                                  or (named[1] is not None and not _reported_by(doc, named[0], found[0]))):
            found = named
    if found:
        # a cue with a sentence ending between it and the quote is the sentence before's, not the quote's own
        own = not _sentence_between(text, found[0][1], group[0].open)
        return _Found(cue=found[0], speaker=found[1], own_cue=own, **base)
    if partial:
        return None
    # No cue in the quote's own sentence: look just after it, then just before it.
    last = _sentence_index(sents, group[-1].end - 1)
    if last + 1 < len(sents) and _sentence_index(sents, sents[last + 1].start_char) == last + 1:
        verb = _short_cue_sentence(sents[last + 1], quoted)
        if verb is not None and text[group[-1].end:sents[last + 1].start_char].count("\n") == 0:
            return _Found(cue=token_span(verb), speaker=_outside(subject_of(verb), quoted), own_cue=False, **base)
    first = _sentence_index(sents, group[0].open)
    verb = _cue_sentence_before(sents, first, group, quoted, text)
    if verb is not None:
        return _Found(cue=token_span(verb), speaker=_outside(subject_of(verb), quoted), own_cue=False, **base)
    intro = _introducing_sentence(sents, first, text)
    if intro is not None:
        tokens = [t for t in intro if t.idx not in quoted]
        verbs = [t for t in tokens if is_reporting_verb(t)]
        if verbs:
            verb = verbs[-1]
            return _Found(cue=token_span(verb), speaker=_outside(subject_of(verb), quoted), own_cue=False, **base)
        colon = [t for t in tokens if t.text == ":"]
        return _Found(cue=token_span(colon[-1]), speaker=None, own_cue=False, **base) if colon else None
    if base["opens_paragraph"] and _quotation_only(text, group) and first > 0 \
            and "\n" in text[sents[first - 1].end_char - 1:group[0].open]:
        # A paragraph of pure quotation after a paragraph about its speaker
        # ("Trump said he was angry." then "“I am very angry.”").
        verbs = [t for t in sents[first - 1] if t.idx not in quoted and is_reporting_verb(t) and subject_of(t) is not None]
        if verbs:
            return _Found(cue=None, speaker=_outside(subject_of(verbs[0]), quoted), own_cue=False, **base)
    return _Found(cue=None, speaker=None, own_cue=False, **base)


def _sentence_between(text: str, start: int, end: int) -> bool:
    """True when a sentence ends between two offsets: "said Y by Mr. Christie. | ''Choke!''"."""
    between = text[start:end].rstrip()
    return bool(between) and between[-1] in SENTENCE_END_MARKS


def _reported_by(doc, cue: tuple[int, int], outer: tuple[int, int]) -> bool:
    """True when the word at ``cue`` lies in the clause of the word at ``outer``.

    In "Mr. Slinker, whose start-up ..., said Mr. Trump was a candidate: “...”"
    the "was" before the colon is what Mr. Slinker said, not a new speaker's cue.
    """
    inner, head = doc.char_span(*cue, alignment_mode="expand"), doc.char_span(*outer, alignment_mode="expand")
    return bool(inner and head) and head[0] in inner[0].ancestors


def _quotation_only(text: str, group) -> bool:
    """True when nothing but the quotation is on its last line: no "Trump barked" after it."""
    line_end = text.find("\n", group[-1].after)
    tail = text[group[-1].after:len(text) if line_end < 0 else line_end]
    return not any(c.isalnum() for c in tail)


def _continues(prev: _Found, cur: _Found, text: str, sents) -> bool:
    """True when ``cur`` goes on with ``prev``'s quotation.

    That is the second part of ``"X," she said. "Y."`` (same paragraph,
    nothing but the cue between, or the same cue), or a paragraph of pure
    quotation, with no cue of its own, right after a paragraph that quoted.
    """
    if cur.partial or prev.partial:
        return False
    if cur.cue is not None and cur.cue == prev.cue:
        return True
    if (not cur.own_cue and cur.cue is not None and prev.cue is not None and cur.paragraph == prev.last_paragraph
            and _sentence_index(sents, cur.cue[0]) == _sentence_index(sents, prev.cue[0])):
        # "“A,” said Robert Reich, who ... endorsed Sanders. “B.”": B took a cue from the sentence
        # before, the one that gave A its own; A's speaker goes on
        return True
    if cur.cue is not None and not _aside_of_cue(sents[0].doc, prev, cur):
        return False
    if prev.last_paragraph == cur.paragraph - 1:
        return cur.opens_paragraph and prev.speaker is not None
    if prev.paragraph != cur.paragraph:
        return False
    if prev.cue is None or not (prev.last_close < prev.cue[0] < cur.spans[0][0]):
        return False
    # Nothing but the cue's sentence between: in "“A,” Tom said, pointing to his ears.
    # Betsy shook her head. “B.”" the second sentence may be someone else's.
    if cur.spans[0][0] - prev.last_close >= MAX_CUE_BETWEEN:
        return False
    return _sentence_ends(sents[0].doc, prev.last_close, cur.spans[0][0]) <= 1


def _joined_speaker(doc, prev: _Found, cur: _Found):
    """The verb and subject of a clause joined to ``prev``'s cue that brings in someone else, who
    speaks next: "“A,” Ebeling said, and her husband cut in. “B.”" gives "cut" and "her husband"."""
    if prev.cue is None:
        return None
    span = doc.char_span(prev.cue[0], prev.cue[1], alignment_mode="expand")
    if span is None:
        return None
    for verb in span[0].rights:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.idx < cur.spans[0][0] and subject is not None
                and subject.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in CONTENT_DEPS or c.dep_ == "dobj"
                                                                 for c in verb.children)
                and (prev.speaker is None or not prev.speaker[0] <= subject.idx < prev.speaker[1])):
            return verb, subject
    return None


def _aside_of_cue(doc, prev: _Found, cur: _Found) -> bool:
    """True when ``cur``'s cue is a word of ``prev``'s attribution with no subject of its own.

    The parse may run "“A,” Ms. Hughes said, pointing out the old stores.
    “B.”" on into the second quotation and give it "pointing" as a cue;
    that aside (or "who ... recalled" in a long speaker's description) is
    the first speaker's. But "Kim said, and Lee added: “B.”" has a new
    speaker, and "she said, adding, “B.”" a cue of its own for the second
    quotation: only an aside whose sentence ends before it counts.
    """
    if prev.cue is None or not (prev.last_close <= cur.cue[0] < cur.spans[0][0]):
        return False
    before = doc_text(doc)[cur.cue[1]:cur.spans[0][0]].rstrip().rstrip(lx.QUOTE_MARKS + "'").rstrip()
    if not before.endswith(tuple(SENTENCE_END_MARKS)):
        return False
    outer = doc.char_span(*prev.cue, alignment_mode="expand")
    inner = doc.char_span(*cur.cue, alignment_mode="expand")
    if not outer or not inner or outer[0] not in inner[0].ancestors:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in lx.RELATIVE_PRONOUNS for c in inner[0].children)


def _sentence_ends(doc, start: int, end: int) -> int:
    """Full stops, question and exclamation marks that end a sentence between two offsets.

    A stop counts where both the tokenizer (a mark standing alone) and the
    parse (a sentence starting next) see an end; either alone overcounts, in
    "Army Capt. Christian Pardo" and in long appositions.
    """
    span = doc.char_span(start, end, alignment_mode="contract")
    ends = 0
    for tok in span or ():
        if not tok.text or not set(tok.text) <= SENTENCE_END_MARKS:
            continue
        nxt = next((t for t in doc[tok.i + 1:] if not t.is_space), None)
        if nxt is None or nxt.idx >= end or nxt.is_sent_start:
            ends += 1
    return ends


def _last_whole(found: list[_Found]) -> _Found | None:
    """The quotation a new one may go on with: the last found, or the last whole one before fragments after it.

    In "“Revenues are up,” said Mr. Ekovich, who noted that prices had
    “cratered.” “Things are moving.”" the fragment is an aside of the quoted
    man; the last quotation goes on with the first.
    """
    for f in reversed(found):
        if not f.partial:
            return f
        if f.paragraph != found[-1].paragraph:
            return None
    return None


def is_title(text: str, group: list[_Segment]) -> bool:
    """True for a title quoted after "on", "in" or a possessive: ABC’s “This Week”, on “Meet the Press.”"""
    if len(group) != 1:
        return False
    body = text[group[0].start:group[0].end].rstrip(".,;:!?")
    words = body.split()
    if not words or len(words) > (MAX_SUBTITLED_WORDS if ": " in body else MAX_TITLE_WORDS):
        return False
    if any(w[0].isalpha() and not w[0].isupper() and w.lower() not in TITLE_SMALL_WORDS for w in words):
        return False
    if not words[0][0].isupper():
        return False
    before = text[text.rfind("\n", 0, group[0].open) + 1:group[0].open].split()
    if not before:
        return False
    last = before[-1]
    if last.rstrip(",").lower() in WORK_WORDS:
        return True
    if last.lower() in TITLE_JOINS and len(before) > 1 and before[-2][-1:] in lx.QUOTE_MARKS:
        return True  # the second of two titles
    return last.lower() in TITLE_PREPOSITIONS or last.endswith(POSSESSIVE_ENDINGS)


def is_markup(text: str, group: list[_Segment]) -> bool:
    """True for an attribute value of leftover markup: ``author="realDonaldTrump"``."""
    return group[0].open > 0 and text[group[0].open - 1] == "="


def run_on(doc, quote: Attribution) -> tuple[int, int] | None:
    """The unquoted words that go on with a quoted fragment's own phrase, as (start, end), or None.

    In "he was “not quite there yet” on supporting Ryan" the phrase "on
    supporting Ryan" hangs on "there", a word inside the marks: the quoted
    words and these make one statement. Only a phrase whose first word hangs
    on a word inside the quote counts, and only when the quote does not end
    its own clause with a mark of punctuation ("“peanuts,” compared to" is
    the writer's aside), nor a phrase of time. The words are not quoted: a
    caller shows them outside the marks (a mixed content), never as the quote.
    """
    if len(quote.spans) != 1:
        return None
    start, end = quote.spans[0]
    text = doc_text(doc)
    if not text[start:end] or not text[end - 1].isalnum():
        return None
    after = doc.char_span(end, min(len(text), end + MAX_CHARS_TO_VERB), alignment_mode="expand")
    first = next((t for t in after or () if t.idx > end and not t.is_space and not t.is_quote), None)
    if first is None or "\n" in text[end:first.idx] or first.is_punct:
        return None
    if first.dep_ not in RUN_ON_DEPS or not (start <= first.head.idx < end):
        return None
    if first.is_title and first.pos_ != "PROPN":
        return None  # a headline's capitals ("‘... I Knew’ About Him"): no sentence to go on with
    last = first.right_edge
    while last.i > first.i and (last.is_punct or last.dep_ == "cc"):
        last = last.nbor(-1)  # "with classified material and": the conjunction goes with what follows
    stop = last.idx + len(last.text)
    if any(m in text[first.idx:stop] for m in lx.QUOTE_MARKS) or "\n" in text[first.idx:stop]:
        return None  # another quotation or paragraph: the phrase is not this fragment's alone
    if any(t.ent_type_ in lx.WHEN_ENTITIES for t in doc[first.i:last.i + 1]):
        return None  # "“Thank you Indiana!” on Friday afternoon": when it was said, not what
    return first.idx, stop


def find_quotes(doc) -> list[Attribution]:
    """Direct quotations in ``doc`` with their cue and speaker.

    Spans are the words inside the marks. A quote broken by its attribution,
    or running over paragraphs, is one Attribution with several spans.
    """
    text = doc_text(doc)
    sents = sentences(doc)
    if not sents:
        return []
    groups = quote_groups(text)
    quoted = SpanIndex(_marked(groups))
    found: list[_Found] = []
    for group in groups:
        if is_markup(text, group) or is_title(text, group):
            continue
        item = _attribute(doc, sents, group, quoted, text)
        if item is None:
            continue
        before = _last_whole(found)
        joined = _joined_speaker(doc, before, item) if before is not None and item.cue is None else None
        if joined is not None and before.paragraph == item.paragraph:
            # "“A,” Ebeling said, and her husband cut in. “B.”": B is his, not A's going on
            item.cue, item.speaker = token_span(joined[0]), _outside(joined[1], quoted)
        elif before is not None and _continues(before, item, text, sents):
            before.spans.extend(item.spans)
            before.last_close = item.last_close
            before.last_paragraph = item.last_paragraph
            continue
        if item.cue is None and item.speaker is None:
            continue
        found.append(item)
    quotes = [Attribution(tuple(f.spans), f.cue, f.speaker, f.partial) for f in found]
    posts = embedded_posts(text)
    # A post's own quotation marks are part of what its author wrote.
    quotes = [q for q in quotes if not any(overlaps(q, p) for p in posts)]
    return sorted(quotes + posts, key=lambda q: q.spans[0])


def embedded_posts(text: str) -> list[Attribution]:
    """Social media posts pasted with their byline: "... — Donald J. Trump (@realDonaldTrump) June 29, 2016".

    An embedded post keeps its author's line under it (or at the end of its
    own line): a dash, the name, the handle in brackets and the date. The
    words above it are the author's, verbatim, though no quotation marks
    say so; links at their end are not words and are left out.
    """
    found = []
    lines = sorted({text.rfind("\n", 0, h.start()) + 1 for h in _HANDLE.finditer(text)})
    for m in filter(None, (_POST_BYLINE.search(text, at, _line_end(text, at)) for at in lines)):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if line_start == 0 and not text[:m.start()].strip():
            continue  # a byline with nothing above it
        if text[line_start:m.start()].strip():
            start, end = line_start, m.start()  # the post and its byline on one line
        else:
            end = line_start - 1
            while end > 0 and not text[end - 1].strip():
                end -= 1  # back over blank lines to the post's paragraph
            start = text.rfind("\n", 0, end) + 1
        if end - start > 2 * MAX_POST_CHARS:
            continue  # a whole article's paragraph is no post
        opening = _POST_MARKUP.match(text, start, end)
        start = opening.end() if opening else start  # an embed's own tag: <tweet id="...">
        kept = _POST_TAIL.sub("", text[start:end])
        start, end = _trim(text, start, start + len(kept))
        if end - start < MIN_POST_CHARS or end - start > MAX_POST_CHARS or _POST_BYLINE.match(text, start, end):
            continue
        name_start, name_end = _trim(text, *m.span("name"))
        # The cue is the whole byline: "— Donald J. Trump (@realDonaldTrump) June 29, 2016" says where and when.
        found.append(Attribution(spans=((start, end),), cue=_trim(text, m.start(), m.end()),
                                 speaker=(name_start, name_end)))
    return found


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def overlaps(a: Attribution, b: Attribution) -> bool:
    """True when two attributions share a character."""
    return any(s < be and bs < e for s, e in a.spans for bs, be in b.spans)


_HANDLE = re.compile(r"\(@\w{1,30}\)")
# "— Donald J. Trump (@realDonaldTrump) June 29, 2016", at the end of a line.
_POST_BYLINE = re.compile(
    rf"(?P<dash>{_DASH}){_GAP}*(?P<name>[^\n()@―—–]{{1,60}}?){_GAP}*\(@\w{{1,30}}\){_GAP}*[^\n]{{0,40}}$", re.MULTILINE)
_POST_MARKUP = re.compile(r"\s*(?:<[^<>\n]{0,300}>\s*)+")
# Links and media at the end of a post: "https://t.co/x", "pic.twitter.com/y".
_POST_TAIL = re.compile(r"(?:\s+(?:https?://\S+|pic\.twitter\.com/\S+|SIGN UP FOR OUR NEWSLETTER))+\s*$")
MIN_POST_CHARS = 10
MAX_POST_CHARS = 1000
