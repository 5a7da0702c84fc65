"""Actors: one per real-world person, organization or country.

spaCy's small model finds names but mislabels many (a surname tagged as a
place, a Korean name tagged as an organization). We take its entities as
evidence, add names that follow a title (``Diplomat Choi Sun Hee``), and
decide what each name is from all its mentions together. Bare surnames and
pronouns are resolved to the actor most in focus at that point of the
article: recent mentions count more, subjects more than other mentions, and
names inside quotations not at all (a speaker rarely names themself).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..model import Actor, Span
from .gazetteer import DIVIDED, country_of, demonym_country, state_spellings
from .learned_names import FIRST_NAME_GENDER
from .lexicon import CUE_VERBS, WRITTEN_SOURCES
from .reading import doc_text

# Forms of address written without a period ("Mr Farage"), which open no first name.
HONORIFICS = frozenset("mr mrs ms dr sen rep gov gen st".split())
# Words that make a phrase before or beside a name a role.
TITLE_WORDS = frozenset(
    """
    president vice-president premier chancellor king queen prince princess emperor
    minister secretary undersecretary under-secretary envoy ambassador diplomat consul
    senator sen. representative rep. congressman congresswoman governor gov. mayor
    speaker chairman chairwoman chair chairperson leader head chief director
    spokesman spokeswoman spokesperson spokesmen official officials aide adviser advisor
    professor prof. analyst researcher fellow economist expert scholar lecturer
    general gen. admiral adm. colonel col. commander lieutenant lt. captain capt. officer
    ceo cfo coo founder executive president-elect nominee candidate strategist pollster
    attorney lawyer judge justice prosecutor commissioner inspector treasurer
    deputy assistant counselor counsellor correspondent editor reporter columnist
    mr. mrs. ms. dr. sir lord lady pope bishop cardinal rabbi imam
    """.split()
)
# What people do, written before or beside a name ("retired neurosurgeon Ben Carson", "Rachel Berg,
# a philanthropist from Monsey"): a role when no title word is there. Words ending in "-ist" or
# "-ian" ("lobbyist", "physician") count too (see :func:`_occupation`).
OCCUPATION_NOUNS = frozenset(
    """
    member supporter manager author delegate consultant host operative worker veteran partner owner
    ally rival broker speechwriter appointee doctor graduate hopeful superdelegate neurosurgeon
    surgeon pilot challenger agent magnate entrepreneur voter retiree contender employee student teacher
    pastor minister priest dean contractor businessman businesswoman commentator anchor publisher
    investor actor actress donor banker farmer nurse writer producer director coach organizer founder
    co-founder developer designer engineer lawmaker legislator philanthropist billionaire millionaire
    fundraiser volunteer resident mother father daughter son wife husband sister brother
    """.split()
)
OCCUPATION_SUFFIXES = ("ist", "ian")
# Words that open a sentence before a title, no part of it: "But Attorney General Eric Schneiderman".
JOINING_POS = frozenset({"CCONJ", "SCONJ", "ADV", "DET", "PRON", "INTJ"})
# Words that tell how someone stands to another, not what they do: "rival" or "wife" alone is no role.
RELATIONAL_NOUNS = frozenset("member ally rival partner mother father daughter son wife husband sister brother".split())
# What many unnamed people in a story are: "the organizer", "the employee" may be any of them.
MANY_PEOPLE_ROLES = frozenset(
    "employee supporter voter resident volunteer organizer student worker retiree donor graduate fundraiser".split())
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "tiktok", "telegram", "weibo", "linkedin"})
# The last word of a company's name: "Marc Fisher Footwear", "Trump Hotels", "Goldman Sachs Group".
COMPANY_WORDS = frozenset(
    """footwear apparel foods motors industries holdings partners group company co. corp corp. corporation
    inc inc. llc ltd ltd. brands media labs systems products enterprises bank airlines pharmaceuticals
    capital ventures associates hotels resorts casinos entertainment communications""".split())
# An entity followed by one of these names a body, not a person: "the Biden administration".
ORG_HEADS = frozenset({"administration", "government", "campaign", "cabinet", "regime"})
# Organizations whose country can be read off the sentence they stand in.
GOVERNMENT_WORDS = frozenset({"ministry", "department", "agency", "office", "embassy", "government",
                              "cabinet", "parliament", "army", "navy", "military", "committee"})
NOT_ACTORS = re.compile(
    r"\b(region|peninsula|sea|ocean|river|strait|islands?|continent|pacific|policy|strategy|agreement|"
    r"act|plan|doctrine|initiative|bill|program|programme)\b", re.I)
# Words for a people or a faith the tagger sometimes takes for a body ("one Latino conservative"):
# an adjective of someone, never an organization.
GROUP_ADJECTIVES = frozenset("""latino latina hispanic muslim jewish christian evangelical catholic mormon
    arab asian""".split())
# A name right before "program" (or "X and Y programs") names a programme, not a body:
# "the Deferred Action for Childhood Arrivals program", "the DACA and DAPA programs".
PROGRAMME_AFTER = re.compile(r"(?:\s+(?:and|or)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+)+?)?\s*"
                             r"(?:programs?|programmes?|initiatives?|schemes?)\b")
# "... program, or DACA," and "... program (DACA)": the abbreviation names the programme too.
PROGRAMME_ABBREVIATION = re.compile(r"\b(?:programs?|programmes?|initiatives?|schemes?)(?:,\s+or\s+|\s+\()([A-Z][\w-]*)")
# Time zones the entity recognizer takes for bodies: "9:00 a.m. Eastern".
TIME_ZONES = re.compile(r"(Eastern|Central|Mountain|Pacific|[ECMP][SD]?T|GMT|UTC)( (Standard|Daylight) Time)?")
NAME_SHAPE = re.compile(r"^[A-Z][\w.'’-]*(?: [\w.'’-]+)*$")
FEMALE = frozenset({"she", "her", "hers", "herself", "sister", "wife", "mother", "daughter", "mrs.",
                    "ms.", "woman", "queen", "princess", "congresswoman", "chairwoman", "spokeswoman"})
MALE = frozenset({"he", "him", "his", "himself", "brother", "husband", "father", "son", "mr.", "man",
                  "king", "prince", "congressman", "chairman", "spokesman"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GENDER_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
GENDER_VOTES = 2  # pronouns that must agree before a person's gender is taken as known
# Nouns for a person known through someone else: "Scott's niece", "Trump's spokeswoman" is not Scott or Trump.
PEOPLE_OF_SOMEONE = (FEMALE | MALE | TITLE_WORDS | frozenset(
    """niece nephew cousin uncle aunt grandson granddaughter friend aide lawyer attorney adviser advisor
    staffer supporter spokesperson assistant deputy doctor physician manager""".split())) - GENDER_PRONOUNS
# Relatives who share a surname with the person they are named for.
KIN_NOUNS = frozenset("""wife husband son daughter brother sister mother father niece nephew cousin uncle aunt
    grandson granddaughter grandfather grandmother widow widower stepson stepdaughter""".split())
# Plural nouns for people, who are many and none of them the person or country named beside them:
# "Clinton supporters", "wealthy Chinese citizens", "Experts on North Korea".
PEOPLE_NOUNS = frozenset("""supporter backer critic opponent ally aide adviser advisor official expert citizen
    voter donor host member leader fan follower staffer delegate resident worker activist protester analyst
    strategist economist lawmaker legislator operative volunteer proponent observer people
    conservative liberal progressive moderate""".split())
# One of these speaks for the country or body named with it: "the Russian leader".
HEAD_NOUNS = frozenset({"leader"})
BODY_PREPOSITIONS = frozenset({"at", "from", "of", "for", "with", "in"})
MEMBER_PREPOSITIONS = frozenset({"including", "like", "as"})
# "a former chairman" of a body no longer speaks for it.
FORMER_WORDS = frozenset({"former", "ex", "onetime", "one-time"})
GROUP_PRONOUNS = frozenset({"they", "it", "them"})
# "Suh met Austin", "had a meeting with Austin": the two are a "they" after it.
MEETING_WORDS = frozenset("meet meeting talk talks speak confer".split())
# What someone says through: "His speech cited ...", "her letter says ...".
WORKS_THAT_SPEAK = WRITTEN_SOURCES | frozenset(
    "speech remarks essay op-ed column memoir book testimony message address announcement".split())
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
DECAY = 0.7  # focus lost per sentence of distance
FOCUS_WINDOW = 40  # sentences back that count for focus (0.7 ** 40 is below a millionth)
# Lower-case words that belong to a title before a name: "former Maryland Gov. Martin O'Malley".
ROLE_MODIFIERS = frozenset({"former", "then", "acting", "outgoing", "incoming", "interim", "deputy",
                            "longtime", "senior", "top", "chief"})
# Titles written short before a name, as a description writes them out: "the senator".
ROLE_ABBREVIATIONS = {"sen.": "senator", "gov.": "governor", "rep.": "congressman", "lt.": "lieutenant",
                      "gen.": "general", "sec.": "secretary", "amb.": "ambassador", "atty.": "attorney"}
# Characters before and after a name where "Ohio Gov." or "(I-Vt.)" ties the person to a place.
PLACE_BEFORE, PLACE_AFTER = 25, 15
INDEFINITE_ARTICLES = frozenset({"a", "an", "another", "one"})
CLEAR_FOCUS = 2.0  # how far ahead in focus one of two fitting people must be to be the one described
# Last words of a newspaper's name, which the tagger may take for a place: "the Las Vegas Sun".
NEWSPAPER_WORDS = frozenset("""sun times post news journal tribune herald globe gazette observer chronicle
    examiner inquirer register today""".split())
# Last words of a body's name: "the World Bank program" is the bank's, "Sky News programs" the channel's.
BODY_WORDS = GOVERNMENT_WORDS | NEWSPAPER_WORDS | frozenset(
    """organization organisation bank fund foundation university institute association union party
    bureau commission council service administration nations center centre group
    network channel radio television tv""".split())
# Adjectives a description adds that a role seldom repeats: "the former secretary", "a federal court".
GENERIC_ROLE_ADJECTIVES = frozenset("former federal top senior longtime current new then national local veteran".split())
# Party adjectives: an affiliation, as countries are for officials abroad.
PARTIES = {"democratic": "Democratic Party", "democrat": "Democratic Party",
           "republican": "Republican Party", "gop": "Republican Party"}


def _folded(word: str) -> str:
    """A name word without its accents, for comparing spellings: "François" -> "Francois"."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _owns_a_thing(token) -> bool:
    """True for a possessor of a thing, not of a person: "Clinton’s comment", not "Sanders's campaign manager"."""
    owned = token.head
    return (token.dep_ == "poss" and owned.lower_ not in PEOPLE_OF_SOMEONE | RELATIONAL_NOUNS
            and not _occupation(owned))


def _occupation(token) -> bool:
    """True for a singular common noun that names what someone does: "philanthropist", "neurosurgeon"."""
    return token.tag_ == "NN" and token.is_lower and (token.lower_ in OCCUPATION_NOUNS or _occupation_word(token.lower_))


def _occupation_word(word: str) -> bool:
    return len(word) >= 7 and word.endswith(OCCUPATION_SUFFIXES)


def t_is_loose(token) -> bool:
    """A lower-case adjective: part of a title only between title words."""
    return token.is_lower and token.tag_ == "JJ"


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    sent: int
    subject: bool
    in_quote: bool
    possessor: bool = False  # "Clinton’s comment"


@dataclass(eq=False)
class _Cluster:
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    speaker_count: int = 0
    # The mentions again, by sentence: focus and antecedents look a few sentences back,
    # and scanning every mention there made long articles cost the square of their length.
    by_sent: dict[int, list[_Mention]] = field(default_factory=dict)

    def add(self, m: _Mention) -> None:
        if any(x.start == m.start and x.end == m.end for x in self.by_sent.get(m.sent, ())):
            return
        self.mentions.append(m)
        self.by_sent.setdefault(m.sent, []).append(m)
        if m.text != self.name and m.text not in self.aliases and m.text.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            self.aliases.append(m.text)

    def remove(self, start: int, end: int) -> None:
        self.mentions = [x for x in self.mentions if (x.start, x.end) != (start, end)]
        for sent, ms in self.by_sent.items():
            self.by_sent[sent] = [x for x in ms if (x.start, x.end) != (start, end)]

    def focus(self, pos: int, sent: int) -> float:
        return sum(
            (1.5 if m.subject else 1.0) * DECAY ** max(0, sent - m.sent)
            for s in range(max(0, sent - FOCUS_WINDOW), sent + 1)
            for m in self.by_sent.get(s, ())
            if m.end <= pos and not m.in_quote
        )


def clause_subject(token):
    """The subject of the nearest clause above ``token`` that has one other than ``token`` itself."""
    for verb in token.ancestors:
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != token.i), None)
        if subject is not None:
            return subject
    return None


def _role_words(c, spelled_out: bool = True) -> list[str]:
    """The words of a cluster's role and name, with abbreviated titles spelled out ("Sen." -> "senator")."""
    return _spelled((c.role or "").lower().split() + c.name.lower().split(), spelled_out)


def _role_heads(c, spelled_out: bool = True) -> list[str]:
    """The words a description's head may match: the title or occupation words of the role
    ("manager" of "Clinton campaign manager", not "campaign") and every word of the name."""
    role = [w for w in (c.role or "").lower().split()
            if w in TITLE_WORDS or w in ROLE_ABBREVIATIONS or w in OCCUPATION_NOUNS or _occupation_word(w)]
    return _spelled(role + c.name.lower().split(), spelled_out)


def _spelled(words: list[str], spelled_out: bool) -> list[str]:
    return words + [ROLE_ABBREVIATIONS[w] for w in words if w in ROLE_ABBREVIATIONS] if spelled_out else words


def _strip_name(text: str) -> str:
    text = re.sub(r"^(the|The)\s+", "", text.strip())
    text = re.sub(r"(’s|'s|’|')$", "", text)
    return text.strip(" ,.;:")


def _someone_elses(c, owner, surnames: dict) -> bool:
    """True when ``c``'s role or name ties it to a person other than ``owner`` (``surnames``: each
    known person by surname): "Clinton lawyer" Cheryl Mills, when "his" is Pagliano."""
    words = set((c.role or "").split() + c.name.split()[:-1])
    tied = any(p is not c and p is not owner for w in words for p in surnames.get(w, ()))
    return tied and owner.name.split()[-1] not in words


def _conjuncts(head) -> list:
    """``head`` and the words coordinated with it, in order: "Bush", "Christie", "Kasich"."""
    found = [head]
    for t in found:
        found += [c for c in t.children if c.dep_ == "conj" and c.i > t.i]
    return found


def _met_with(subject):
    """The one a lone ``subject`` met: "Suh had a meeting with Austin", "Blinken met with Chung"."""
    if any(t.dep_ == "conj" for t in subject.children):
        return None
    verb = subject.head
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in MEETING_WORDS]
    if verb.lemma_.lower() not in MEETING_WORDS and len(holders) == 1:
        return None
    for h in holders:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                partner = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
                if partner is not None:
                    return partner
    return None


def _name_tokens(name: str) -> list[str]:
    return [t for t in name.replace(".", ". ").split() if t.lower() not in NAME_SUFFIXES]


class ActorIndex:
    """The actors of one parsed article, and resolution of mentions to them."""

    def __init__(self, doc, quote_ranges: list[tuple[int, int]] = (), headline: tuple[int, int] | None = None,
                 people: list[tuple[int, int]] = (), marked: list[tuple[int, int]] = ()):
        """``people``: spans the caller knows name a person (a quote's signature), whatever the tagger says.
        ``marked``: every stretch of text between quotation marks (a quote, a title, a scare quote)."""
        self.doc = doc
        self._marked = sorted(marked)
        self._marked_opens = [s for s, _ in self._marked]
        self._people = sorted(people)
        self._headline = headline
        self._starts: list | None = None
        self._owners: dict = {}
        self._id_cache: dict[int, str] | None = None
        self.text = doc_text(doc)
        self._quotes = sorted(quote_ranges)
        # For each quote, the furthest end of it and the quotes before it: a span lies in a
        # quote when some quote starting at or before it ends at or after it.
        self._quote_starts = [qs for qs, _ in self._quotes]
        self._quote_reach = list(itertools.accumulate((qe for _, qe in self._quotes), max))
        self._clusters: list[_Cluster] = []
        self._by_mention: dict[tuple[int, int], _Cluster] = {}
        self._relatives: dict[int, tuple[int, bool]] = {}  # cluster id -> (mentions read, named as a relative)
        self._pronoun_joins: dict[tuple[int, int], list[_Cluster]] = {}  # "they" -> the people after the first
        # A sentence of marks alone ("___." between the items of a live report) is no step
        # back from a pronoun to its antecedent.
        self._sent_starts = [s.start_char for n, s in enumerate(doc.sents)
                             if n == 0 or any(not (t.is_punct or t.is_space) for t in s)] if len(doc) else [0]
        self._build()

    # -- helpers -----------------------------------------------------------------------

    def _sent_of(self, char: int) -> int:
        lo, hi = 0, len(self._sent_starts)
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if self._sent_starts[mid] <= char:
                lo = mid
            else:
                hi = mid
        return lo

    def _within_marks(self, start: int, end: int) -> bool:
        """True when ``start:end`` lies between one pair of quotation marks."""
        i = bisect.bisect_right(self._marked_opens, start) - 1
        return i >= 0 and end <= self._marked[i][1]

    def _in_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and self._quote_reach[i] >= end

    def _mention(self, start: int, end: int) -> _Mention:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        subject = False
        if root is not None:
            subject = root.dep_ in SUBJECT_DEPS or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS)
        return _Mention(start, end, self.text[start:end], self._sent_of(start), subject,
                        self._in_quote(start, end), root is not None and _owns_a_thing(root))

    def _cluster(self, kind: str, name: str) -> _Cluster:
        for c in self._clusters:
            if c.kind == kind and c.name.lower() == name.lower():
                return c
        c = _Cluster(kind, name)
        self._clusters.append(c)
        return c

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        doc = self.doc
        titled = list(self._titled_names())
        places = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in ("ORG", "GPE", "NORP", "FAC")]
        # "― The Washington Post" signs a quote too, but names no person.
        titled += [(s, e) for s, e in self._people
                   if not any(s < te and ts < e for ts, te in titled + places)]
        titled.sort()
        taken_starts = [s for s, _ in titled]
        taken_reach = list(itertools.accumulate((e for _, e in titled), max))

        def overlaps_titled(s: int, e: int) -> bool:
            i = bisect.bisect_left(taken_starts, e)  # the titled names that start before ``e``
            return i > 0 and taken_reach[i - 1] > s

        candidates: list[tuple[int, int, str]] = []  # start, end, label
        for s, e in titled:
            candidates.append((s, e, "PERSON"))
        for ent, s, e in self._entity_lines():
            cut = re.search(r"(’s|'s)\s", self.text[s:e])
            if cut:
                e = s + cut.start()
            if s >= e or overlaps_titled(s, e) or self._headline_only(s, e):
                continue
            label = ent.label_
            if label in ("GPE", "FAC") and self.text[s:e].split()[-1].lower() in NEWSPAPER_WORDS:
                label = "ORG"  # "according to the Las Vegas Sun": a paper, not the city
            elif label == "FAC":
                continue
            if label == "PERSON" and self.text[s:e].split()[-1].lower() in COMPANY_WORDS:
                label = "ORG"  # "Marc Fisher Footwear" is a company, not a person
            nxt = doc[ent.end] if ent.end < len(doc) and e == ent.end_char else None
            if nxt is not None and nxt.lower_ in ORG_HEADS and label in ("PERSON", "ORG"):
                e, label = nxt.idx + len(nxt.text), "ORG"
            elif nxt is not None and label == "GPE" and nxt.text[:1].isupper() and nxt.lower_ in NEWSPAPER_WORDS:
                e, label = nxt.idx + len(nxt.text), "ORG"  # "a USA TODAY analysis": the paper, not the country
            candidates.append((s, e, label))
        programmes = self._programme_names(candidates)
        candidates = [(s, e, label) for s, e, label in candidates
                      if not (label == "ORG" and _strip_name(self.text[s:e]) in programmes)]
        candidates.extend(self._divided_mentions())
        candidates.sort()
        candidates.extend(self._untagged_surnames(candidates))
        candidates.sort()

        # Full personal names first, so that bare surnames can find them.
        full_names: dict[str, _Cluster] = {}
        for s, e, label in candidates:
            text = _strip_name(self.text[s:e])
            if label == "PERSON" and len(_name_tokens(text)) >= 2 and country_of(text) is None:
                c = self._person_cluster(full_names, text)
                c.add(self._mention(s, e))
                self._by_mention[(s, e)] = c

        for s, e, label in candidates:
            if (s, e) in self._by_mention:
                continue
            text = _strip_name(self.text[s:e])
            if not text or not NAME_SHAPE.match(text):
                continue
            m = self._mention(s, e)
            country = country_of(text, place=label in ("GPE", "ORG"), adjective=label in ("NORP", "GPE"))
            if label == "DIVIDED":
                country = DIVIDED[text.split()[-1]]
            person = self._surname_owner(text, s, m.sent)
            if person is not None and country is None:
                person.add(m)
                self._by_mention[(s, e)] = person
            elif country is not None:
                c = self._cluster("country", country)
                c.add(m)
                self._by_mention[(s, e)] = c
            elif text.lower() in PLATFORMS:
                continue  # "said on Twitter": a channel, not an actor of the story
            elif label == "ORG" and self._org_like(text, s):
                name = self._titled(self._org_name(text), s, e)
                c = self._paper_named_before(name) or self._cluster("organization", name)
                c.add(m)
                self._by_mention[(s, e)] = c
            elif label == "PERSON" and len(_name_tokens(text)) == 1 and text[:1].isupper():
                c = self._cluster("person", text)
                c.add(m)
                self._by_mention[(s, e)] = c

        for c in self._clusters:
            if c.kind == "person":
                self._read_role(c)
            elif c.kind == "organization":
                self._read_org_affiliation(c)
        self._read_genders()

    def _programme_names(self, candidates) -> set[str]:
        """Names the text uses for a programme ("DACA"), unless one of them is also said to speak.

        "The Trade Initiative said ..." is a body whatever else the text calls it.
        """
        # "NATO programs" are NATO's: only a name of words, not a body's ("the World Bank program"),
        # is taken for the programme's own.
        names = {name for name in (_strip_name(self.text[s:e]) for s, e, label in candidates
                                   if label == "ORG" and PROGRAMME_AFTER.match(self.text, e))
                 if len(name.split()) > 1 and name.split()[-1].lower() not in BODY_WORDS}
        names |= {m.group(1) for m in PROGRAMME_ABBREVIATION.finditer(self.text)}
        speakers = set()
        for s, e, label in candidates:
            root = self._root(s, e) if label == "ORG" else None
            if root is not None and root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in CUE_VERBS:
                speakers.add(_strip_name(self.text[s:e]))
        return names - speakers

    def _entity_lines(self):
        """The tagger's names, cut at line breaks: a name never runs from a headline into the body."""
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
                continue
            pos = ent.start_char
            parts = self.text[ent.start_char:ent.end_char].split("\n")
            for part in parts:
                s, e = self._trim(pos, pos + len(part))
                pos += len(part) + 1
                # A one-word shard of a name cut at a line break tells nothing.
                if s < e and (len(parts) == 1 or len(self.text[s:e].split()) > 1):
                    yield ent, s, e

    def _headline_only(self, s: int, e: int) -> bool:
        """A name seen only in the title-case headline is the tagger's guess ("Promises Action On")."""
        if self._headline is None:
            return False
        hs, he = self._headline
        if not (hs <= s and e <= he):
            return False
        name = self.text[s:e]
        return name not in self.text[:hs] and name not in self.text[he:]

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        text = self.text
        m = re.match(r"(?:the|The)\s+", text[s:e])
        if m:
            s += m.end()
        while e > s and text[e - 1] in ".,;:’'\" ":
            if text[e - 3:e] in ("U.S", ".S.") or text[e - 2:e] in ("r.",):
                break
            e -= 1
        for suffix in ("’s", "'s"):
            if text[s:e].endswith(suffix):
                e -= len(suffix)
        return s, e

    def _titled_names(self):
        """Names right after a title word: "Diplomat Choi Sun Hee", "spokesperson, Choi Young-sam"."""
        doc = self.doc
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if tok.lower_ in TITLE_WORDS and tok.lower_ not in ("mr.", "mrs.", "ms.", "dr."):
                j = i + 1
                comma = j < n and doc[j].text == ","
                if comma:
                    j += 1
                k = j
                while k < n and self._name_token(doc, k):
                    k += 1
                # A name is two or more tokens and ends in a capitalised word.
                ends_well = k - j >= 2 and (doc[k - 1].text[:1].isupper() or doc[k - 2].text == "-")
                if ends_well and (not comma or (k < n and doc[k].text == ",")):
                    yield doc[j].idx, doc[k - 1].idx + len(doc[k - 1].text)
                    i = k
                    continue
            i += 1

    @staticmethod
    def _name_token(doc, k: int) -> bool:
        t = doc[k]
        if t.text == "-" and 0 < k < len(doc) - 1 and not t.whitespace_ and not doc[k - 1].whitespace_:
            return True
        if k > 0 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and t.is_alpha:
            return True  # "Young-sam": the part after the hyphen may be lower case
        return t.is_alpha and t.text[:1].isupper() and t.tag_ == "NNP" and country_of(t.text) is None \
            and t.lower_ not in TITLE_WORDS

    def _untagged_surnames(self, candidates):
        """Bare names the tagger missed ("Suh agreed"), when a full name in the article has them."""
        doc = self.doc
        parts = set()
        first_names: dict[str, set[str]] = {}  # surname -> the other words of the names it ends
        for s, e, label in candidates:
            tokens = _name_tokens(_strip_name(self.text[s:e]))
            if label == "PERSON" and len(tokens) >= 2:
                parts.update((tokens[0], tokens[-1]))
                first_names.setdefault(tokens[-1], set()).update(_folded(w) for w in tokens[:-1])
        covered = bytearray(len(self.text) + 1)
        for s, e, _ in candidates:
            covered[s:e] = b"\x01" * (e - s)
        out = []
        for t in doc:
            if t.text in parts and t.tag_ == "NNP" and not covered[t.idx]:
                start = t.idx
                if t.text in first_names and self._new_first_name(t, first_names[t.text], covered):
                    # "Ivanka Trump", tagged a product: a second Trump, not Donald
                    start = doc[t.i - 1].idx
                out.append((start, t.idx + len(t.text), "PERSON"))
        return out

    @functools.cached_property
    def _lower_words(self) -> set[str]:
        """The words the article writes in lower case: "Team Trump" in a headline is no first name."""
        return {t.text for t in self.doc if t.text.islower()}

    def _new_first_name(self, surname, known: set[str], covered) -> bool:
        """True when the word before ``surname`` is a first name of its own, not one the article
        gave that surname: "Ivanka" of "Ivanka Trump" where only "Donald Trump" is a name."""
        doc = self.doc
        k = surname.i - 1
        if k < 0 or covered[doc[k].idx] or not self._name_token(doc, k) or _folded(doc[k].text) in known:
            return False
        word = doc[k].text
        if len(word) < 3 or word.isupper() or word.lower() in HONORIFICS or word.lower() in self._lower_words:
            return False  # "Le Pen", "AG Mukasey", "Mr Farage", "Team Trump" (the article writes "team")
        if (doc[k].ent_type_ not in ("", "PERSON", "PRODUCT", "WORK_OF_ART")
                or self.text.count(f"{word} {surname.text}") < 2):
            return False  # "June Trump" is a date; a name the article uses once may be a headline's words
        if surname.dep_ == "compound" and surname.head.i == surname.i + 1 and surname.head.text.islower():
            return False  # "the Stop Trump movement"
        return k == 0 or not (self._name_token(doc, k - 1) or doc[k - 1].text.endswith("."))

    def _divided_mentions(self):
        text = self.text
        if not (re.search(r"\bNorth Korea", text) and re.search(r"\bSouth Korea", text)):
            return []
        return [(m.start(1), m.end(1), "DIVIDED") for m in re.finditer(r"\bthe ((?:North|South))\b(?![ -][A-Z])", text)]

    def _inside_title(self, start: int) -> bool:
        before = self.text[max(0, start - 25):start]
        return bool(re.search(r"\b(Secretary|Minister|Department|Ministry|Minister for|Secretary for) (of )?$", before))

    def _org_like(self, text: str, start: int) -> bool:
        if NOT_ACTORS.search(text) or TIME_ZONES.fullmatch(text) or self._inside_title(start):
            return False
        if text.lower() in GROUP_ADJECTIVES:
            return False
        # "the Alliance" in a text that speaks of "the alliance": a common noun, not a body.
        if " " not in text and re.search(rf"\b{re.escape(text.lower())}\b", self.text):
            return False
        return True

    def _titled(self, name: str, start: int, end: int) -> str:
        """"The Diplomat", "The Hill": a one-word name written with a capital "The" inside a
        sentence keeps it; "Diplomat" alone reads as a role."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if " " in name or name.isupper() or span is None or not len(span):
            return name
        the = span[0] if span[0].text == "The" else self.doc[span.start - 1] if span.start else None
        if the is None or the.text != "The" or the.i == 0:
            return name
        before = self.doc[the.i - 1]  # "told The Diplomat", "in The Hill": inside a sentence
        return f"The {name}" if before.is_alpha and before.is_lower else name

    def _paper_named_before(self, name: str) -> _Cluster | None:
        """The paper "the Times" or "the Sun" is short for, once it was named in full ("The New
        York Times", "the Las Vegas Sun"); None when two papers could be meant."""
        if " " in name or name.lower() not in NEWSPAPER_WORDS:
            return None
        papers = [c for c in self._clusters if c.kind == "organization" and " " in c.name
                  and c.name.split()[-1].lower() == name.lower()]
        return papers[0] if len(papers) == 1 else None

    def _org_name(self, text: str) -> str:
        """"South Korean Defense Ministry" -> "Defense Ministry" (the country is its affiliation);
        "Palestinian Authority" stays whole: "Authority" alone names nothing."""
        words = text.split()
        for n in (2, 1):
            if len(words) > n + 1 and demonym_country(" ".join(words[:n])) is not None:
                return " ".join(words[n:])
        return text

    def _person_cluster(self, full_names: dict[str, _Cluster], text: str) -> _Cluster:
        tokens = _name_tokens(text)
        for key, c in full_names.items():
            other = key.split()
            if tokens == other or (tokens[0] == other[0] and tokens[-1] == other[-1]):
                return c
        c = _Cluster("person", " ".join(tokens))
        self._clusters.append(c)
        full_names[" ".join(tokens)] = c
        return c

    def _surname_owner(self, text: str, pos: int, sent: int, avoid: frozenset = frozenset()) -> _Cluster | None:
        """The person a bare name (``Kim``, ``Blinken``) stands for at ``pos``."""
        if " " in text:
            return None
        owners = [c for c in self._clusters if c.kind == "person" and " " in c.name
                  and c not in avoid and text in (c.name.split()[0], c.name.split()[-1])]
        if not owners:
            return None
        if len(owners) == 1:
            return owners[0]
        # "his wife, Heidi Cruz": a relative named for the story's person goes by her full name;
        # the bare surname stays with the person she is named for.
        owners = [c for c in owners if not self._named_as_relative(c)] or owners
        return max(owners, key=lambda c: (c.focus(pos, sent), -min(m.start for m in c.mentions)))

    # -- roles and affiliations -----------------------------------------------------------

    def _read_role(self, c: _Cluster) -> None:
        for m in sorted(c.mentions, key=lambda m: m.start):
            if m.in_quote:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for finder in (self._role_before, self._role_appositive):
                found = finder(span)
                if found:
                    role, affiliation = found
                    if role and not c.role:
                        c.role = role
                    if affiliation and not c.affiliation:
                        c.affiliation = affiliation
            if c.role and c.affiliation:
                break
        words = set((c.role or "").lower().split()) | self._kin_words(c)
        c.gender = "f" if words & FEMALE else "m" if words & MALE else None

    def _read_genders(self) -> None:
        """The gender of a person that the pronouns of their own clauses tell.

        "Clinton laid out her proposals", "Clinton said she thinks ...": a "her"
        or "she" whose nearest clause with a subject of its own has the person
        as that subject stands for them, so that a later "he said" is never
        Clinton's. ("Melanie said yes until Trump reached his speech": "his" is
        in Trump's clause and tells nothing of Melanie.) A person gets a gender
        when such pronouns agree at least GENDER_VOTES times, four to one. A pronoun
        after another person as the object of the subject's verb casts no vote.
        """
        heads = {}
        surnames = Counter(c.name.split()[-1] for c in self._clusters if c.kind == "person")
        for c in self._clusters:
            if c.kind != "person" or c.gender is not None:
                continue
            for m in c.mentions:
                if " " not in m.text.strip() and surnames[m.text.strip()] > 1:
                    continue  # "Scott" with Rakeyia and Keith Lamont Scott both about: whose pronoun?
                root = None if m.in_quote else self._root(m.start, m.end)
                if root is not None and root.dep_ in SUBJECT_DEPS:
                    heads[root.i] = c
        votes: dict[int, list[int]] = {}
        for t in self.doc:
            if t.lower_ not in GENDER_PRONOUNS or self._in_quote(t.idx, t.idx + len(t.text)):
                continue
            subject = clause_subject(t)
            c = heads.get(subject.i) if subject is not None else None
            if c is not None and subject.i < t.i and not self._someone_else_between(c, subject, t.idx):
                votes.setdefault(id(c), [0, 0])[t.lower_ in FEMALE] += 1
        for c in {id(c): c for c in heads.values()}.values():
            male, female = votes.get(id(c), (0, 0))
            if max(male, female) >= GENDER_VOTES and min(male, female) * 4 <= max(male, female):
                c.gender = "f" if female > male else "m"
        # Else a first name PolNeAR train's pronouns agree on: "Hillary" is a "she", "Donald" a "he".
        for c in self._clusters:
            if c.kind == "person" and c.gender is None and " " in c.name:
                c.gender = FIRST_NAME_GENDER.get(c.name.split()[0])

    def _someone_else_between(self, c: _Cluster, subject, end: int) -> bool:
        """True when the verb of ``subject`` has another person for its object before ``end``: in "Warren
        grilled Stumpf for his role" the "his" may be Stumpf's and tells nothing of Warren."""
        for s, e, x in self._mentions_within(subject.idx, end):
            root = self._root(s, e)
            if x.kind == "person" and x is not c and root is not None and root.dep_ in OBJECT_DEPS \
                    and root.head.i == subject.head.i:
                return True
        return False

    def _named_as_relative(self, c: _Cluster) -> bool:
        """True when the text brings ``c`` in as someone's relative: "his wife, Heidi Cruz", "wife Melania Trump".

        Not "Liz Cheney, the daughter of Dick Cheney": she is named first, and is the one the story is about.
        Mentions are read once each: a bare surname asks this of its owners every time, and a
        long article would otherwise cost the square of its mentions.
        """
        checked, found = self._relatives.get(id(c), (0, False))
        if checked > len(c.mentions):  # a mention went to another person: read them all again
            checked, found = 0, False
        found = found or any(self._introduced_as_relative(m) for m in c.mentions[checked:])
        self._relatives[id(c)] = (len(c.mentions), found)
        return found

    def _introduced_as_relative(self, m: _Mention) -> bool:
        span = None if m.in_quote else self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        before = [t for t in self.doc[max(0, span.start - 2):span.start] if not t.is_punct]
        kin = before[-1] if before and before[-1].lower_ in KIN_NOUNS else None
        if kin is None or any(t.lower_ in ("my", "our") for t in kin.children):
            return False  # "my dear sister Hillary Clinton": a speaker's fondness, no family tie
        # in apposition to the kin noun, not merely after it ("Beloved by her husband, Nancy was")
        return (span.root.dep_ == "appos" and span.root.head.i == kin.i) or kin.head.i == span.root.i

    def _kin_words(self, c: _Cluster) -> set[str]:
        """Nouns in apposition to a name ("her husband, Milton Berg"; "Kim, his sister"): they tell gender."""
        words = set()
        for m in c.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            if root.dep_ == "appos":
                words.add(root.head.lower_)
            words.update(t.lower_ for t in root.children if t.dep_ == "appos")
            if span.start > 0:
                words.add(self.doc[span.start - 1].lower_)  # "Mrs. Clinton", "Mr. Trump"
        return words

    def _role_before(self, span):
        """"U.S. Secretary of State Antony Blinken" -> ("Secretary of State", "United States")."""
        doc = self.doc
        i = span.start - 1
        words: list = []
        while i >= 0:
            t = doc[i]
            if t.lower_ in ("of", "for") and words and words[0].text[:1].isupper() and i > 0 \
                    and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in TITLE_WORDS):
                words.insert(0, t)
            elif (t.is_alpha or t.lower_ in TITLE_WORDS) and (t.text[:1].isupper() or t.lower_ in TITLE_WORDS
                                                               or (not words and _occupation(t))) \
                    and not t.is_sent_end and t.dep_ not in SUBJECT_DEPS and t.pos_ not in JOINING_POS:
                words.insert(0, t)
            elif words and t.is_lower and (t.lower_ in ROLE_MODIFIERS or t.tag_ == "JJ"
                                           or (t.tag_ == "VBN" and t.dep_ == "amod")):
                words.insert(0, t)  # "former Maryland Gov.", "presidential candidate", "retired neurosurgeon"
            elif words and t.is_lower and t.dep_ == "compound" and t.head in words and _occupation(words[-1]):
                words.insert(0, t)  # "campaign manager", "nursing home owner"
            elif t.text in ("U.S.", "U.K.", "US", "UK") or t.text in ("’s", "'s"):
                words.insert(0, t)
            else:
                break
            i -= 1
        while words and t_is_loose(words[0]) and words[0].lower_ not in ROLE_MODIFIERS:
            words = words[1:]  # an adjective that begins the phrase belongs to the sentence, not the title
        if not any(t.lower_ in TITLE_WORDS for t in words) and not (words and _occupation(words[-1])):
            return None
        role, affiliation = self._split_affiliation(words)
        if role and role.lower() in RELATIONAL_NOUNS:
            role = None  # "Trump's rival Hillary Clinton", "his wife Michelle": the party stays
            if affiliation is None:
                return None
        if affiliation is None and i >= 1 and doc[i].lower_ == "and":
            # "U.S. Secretary of State A and Secretary of Defense B": the country is shared.
            prev = self._cluster_at(doc[i - 1].idx)
            if prev is not None and prev.affiliation and prev.kind == "person":
                affiliation = prev.affiliation
        return role, affiliation

    def _role_appositive(self, span):
        """"Kim Young-jun, a professor at X," and "A Foreign Ministry spokesperson, Choi Young-sam,"."""
        root = span.root
        appos = [t for t in root.children if t.dep_ == "appos" and t.i >= span.end]
        if appos:
            # "historian who attended the session": the relative clause is no part of the role
            clauses = {t.i for c in appos[0].rights if c.dep_ in ("relcl", "acl") for t in c.subtree}
            phrase = [t for t in appos[0].subtree if t.i not in clauses]
        elif root.dep_ == "appos" and root.head.i < span.start:
            phrase = [t for t in root.head.subtree if t.i < span.start and t.i not in range(span.start, span.end)]
        else:
            return None
        while phrase and (phrase[0].dep_ == "det" or phrase[0].is_punct):
            phrase = phrase[1:]
        commas = [k for k, t in enumerate(phrase) if t.text == ","]
        if commas:
            phrase = phrase[:commas[0]]  # ", who attended the event" is not part of the role
        while phrase and phrase[-1].is_punct:
            phrase = phrase[:-1]
        if not phrase or len(phrase) > 14:
            return None
        if not any(t.lower_ in TITLE_WORDS for t in phrase) and not (appos and _occupation(appos[0])):
            return None
        if len(phrase) == 1 and phrase[0].lower_ in RELATIONAL_NOUNS:
            return None
        affiliation = None
        for t in phrase:
            if t.dep_ == "pobj" and t.ent_type_ == "ORG" and t.head.lower_ in ("at", "of", "for", "with"):
                org = self._cluster_at(t.idx)
                if org is not None and org.kind == "organization":
                    affiliation = org.name
                    cut = phrase.index(t.head)
                    role_words = phrase[:cut]
                    return self._text(role_words), affiliation
        role, affiliation = self._split_affiliation(phrase, keep_all=True)
        return role, affiliation

    def _split_affiliation(self, words, keep_all: bool = False):
        """Separate country words ("North Korean", "U.S.") from the role words."""
        doc = self.doc
        affiliation = None
        role_words = []
        skip_to = -1
        indices = {t.i for t in words}
        for t in words:
            if t.i <= skip_to:
                continue
            # countries and demonyms of up to three words: "Republic of Korea", "South Korean"
            found = None
            for n in (3, 2, 1):
                if t.text[:1].isupper() and all(t.i + k in indices for k in range(n)):
                    found = country_of(doc[t.i:t.i + n].text)
                    if found:
                        break
            if not found and t.lower_ in PARTIES and t.text[:1].isupper():
                found, n = PARTIES[t.lower_], 1
            if found:
                affiliation = affiliation or found
                skip_to = t.i + n - 1
                if keep_all:
                    role_words.extend(doc[t.i:t.i + n])
                continue
            if t.text in ("’s", "'s"):
                if keep_all:
                    role_words.append(t)
                continue
            org = self._cluster_at(t.idx)
            if org is not None and org.kind == "organization":
                affiliation = affiliation or org.name
            role_words.append(t)
        return self._text(role_words) or None, affiliation

    def _text(self, tokens) -> str:
        if not tokens:
            return ""
        out = []
        for t, after in zip(tokens, [*tokens[1:], None]):
            # a word left out between two ("Clinton['s] campaign manager") leaves a space
            gap = t.whitespace_ or (" " if after is not None and after.i > t.i + 1 else "")
            out.append(t.text + gap)
        return "".join(out).strip(" ,")

    def _read_org_affiliation(self, c: _Cluster) -> None:
        for m in c.mentions:
            for prefix_len in (2, 1):
                words = self.text[m.start:m.end].split()
                if len(words) > prefix_len:
                    country = demonym_country(" ".join(words[:prefix_len]))
                    if country:
                        c.affiliation = country
                        return
            before = self.text[max(0, m.start - 30):m.start]
            hit = re.search(r"((?:[A-Z][\w.]*\s){0,2}[A-Z][\w.]*?)(?:’s|'s)?\s+$", before)
            if hit:
                country = country_of(hit.group(1))
                if country:
                    c.affiliation = country
                    return
        if set(c.name.lower().split()) & GOVERNMENT_WORDS:
            for m in c.mentions:
                sent = self._sent_of(m.start)
                countries = {k.name for k in self._clusters if k.kind == "country"
                             and any(x.sent == sent for x in k.mentions)}
                if len(countries) == 1:
                    c.affiliation = countries.pop()
                    return

    def _mention_index(self) -> list[tuple[int, int, int]]:
        """(start, end, cluster id) of every known mention, by start."""
        if self._starts is None or len(self._starts) != len(self._by_mention):
            self._starts = sorted((s, e, id(c)) for (s, e), c in self._by_mention.items())
            self._owners = {id(c): c for c in self._by_mention.values()}
        return self._starts

    def _cluster_at(self, char: int) -> _Cluster | None:
        # Mentions do not overlap, so the last one starting at or before ``char`` is the only candidate.
        starts = self._mention_index()
        i = bisect.bisect_right(starts, (char, float("inf"), float("inf"))) - 1
        if i >= 0 and starts[i][0] <= char < starts[i][1]:
            return self._owners[starts[i][2]]
        return None

    def _mentions_within(self, start: int, end: int) -> list[tuple[int, int, _Cluster]]:
        """(start, end, cluster) of the known mentions inside ``start:end``, in order."""
        starts = self._mention_index()
        i = bisect.bisect_left(starts, (start, -1, -1))
        found = []
        while i < len(starts) and starts[i][0] < end:
            s, e, c = starts[i]
            if e <= end:
                found.append((s, e, self._owners[c]))
            i += 1
        return found

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, start: int, end: int, avoid_text: str = "", alone: bool = False) -> str | None:
        """The actor id a speaker mention at ``start:end`` stands for, or None.

        ``avoid_text``: the words attributed to the speaker; someone named in
        their own quote is rarely its speaker. ``alone``: the words are one
        person's (a quotation), so "they" stands for no one of a group.
        """
        c = self._resolve_cluster(start, end, avoid_text, alone)
        if c is None:
            return None
        c.speaker_count += 1
        m = self._mention(start, end)
        before = self._by_mention.get((start, end))
        if before is not None and before is not c:
            # Resolution with the quote in view overrides the first reading of a bare name.
            before.remove(start, end)
            self._by_mention[(start, end)] = c
            self._starts = None
        if m.text.lower() in PERSON_PRONOUNS and c.gender is None:
            c.gender = "f" if m.text.lower() in FEMALE else "m"
        c.add(m)
        return self._ids()[id(c)]

    def joined(self, start: int, end: int, holder: str | None) -> list[str]:
        """The other actors coordinated with the speaker mention at ``start:end``, in order, or [].

        "Blinken and Austin both emphasized ...", "Bush, Christie, Ohio Gov. John
        Kasich and Sen. Rand Paul all ...": the mention names the first; each name
        coordinated with its head holds the position too, when the first is
        ``holder``. Names further down ("the daughter of Bill Clinton and Hillary
        Clinton", "candidates, including Fiorina and Carson") are not coordinated
        with the head and hold nothing, nor do those of "Trump, who has called the
        pact “insanity,” and Sanders, who ...": a clause before the next name is the
        first one's alone ("Sanders and O’Malley, who ..." is both's).
        """
        if holder is None:
            return []
        ids = self._ids()
        if (start, end) in self._pronoun_joins:  # "they", for people joined before
            return [ids[id(c)] for c in self._pronoun_joins[(start, end)] if ids[id(c)] != holder]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        heads = _conjuncts(span.root)
        if len(heads) > 1 and any(t.dep_ == "relcl" and t.i < heads[1].i and t.left_edge.idx < end
                                  for t in span.root.children):
            return []  # the position is the relative clause's ("Trump, who has called ...")
        named = []
        for t in heads:
            c = self._cluster_at(t.idx)
            named.append(ids[id(c)] if c is not None else None)
        if named[0] != holder:
            return []  # the holder was found elsewhere (an appositive, a description)
        return [a for n, a in enumerate(named) if a is not None and a != holder and a not in named[:n]]

    def _resolve_cluster(self, start: int, end: int, avoid_text: str, alone: bool = False) -> _Cluster | None:
        doc = self.doc
        text = self.text[start:end]
        sent = self._sent_of(start)
        avoid = frozenset(c for c in self._clusters if c.kind == "person" and c.name in avoid_text)
        word = text.strip().lower()
        if word in PERSON_PRONOUNS:
            return self._antecedent(start, sent, "f" if word in FEMALE else "m", avoid)
        if word in GROUP_PRONOUNS:
            # Only a group named in this sentence or the one before: "About a dozen people
            # demonstrated outside the Dallas Morning News after it backed Clinton" is no
            # earlier paper's, and a paper the parse did not name is better left unnamed.
            joined = self._people_joined_before(start, sent) if word != "it" else None
            if joined is not None:
                # "Blinken and Austin met Moon, where they discussed ...": they are those people,
                # the first holding what they say with the others (see :meth:`joined`); a
                # quotation is one person's words, so none of them is its speaker.
                if word != "they" or len(joined) < 2 or alone:
                    return None
                self._pronoun_joins[(start, end)] = joined[1:]
                return joined[0]
            kinds = ("organization", "country") if word == "it" else ("organization",)  # "they" is seldom a country
            groups = [c for c in self._clusters if c.kind in kinds and c.focus(start, sent) > 0.3
                      and any(m.end <= start and not m.in_quote for s in (sent - 1, sent) for m in c.by_sent.get(s, ()))]
            return max(groups, key=lambda c: c.focus(start, sent), default=None)
        # A known mention inside the speaker phrase: the one at its head wins.
        named = self._appositive_name(end)
        if named is not None:
            return named
        bare = _strip_name(text)
        if bare and " " not in bare and bare[:1].isupper():
            owner = self._surname_owner(bare, start, sent, avoid)
            if owner is not None:
                return owner
        span = doc.char_span(start, end, alignment_mode="expand")
        # "E. J. Fleming's ''The Fixers: Eddie Mannix, ...''": a name in a quoted title speaks for no one
        inside = [(s, e, c) for s, e, c in self._mentions_within(start, end) if not self._within_marks(s, e)]
        if span is not None and inside:
            # "Of Carson, Levine, who has given money to Rubio, said": the subject is the speaker.
            subjects = [c for s, e, c in sorted(inside, key=lambda x: x[0]) if self._is_subject(s, e)]
            if subjects:
                return subjects[0]
            root = span.root
            head = root.idx
            for s, e, c in inside:
                if s <= head < e:
                    return c
            # "Clinton’s opponent, Donald Trump": the name in apposition is the one meant.
            named = [c for s, e, c in inside if c.kind == "person" and self._appositive_of(s, e, root)]
            if named:
                return named[0]
            if root.lower_ in PEOPLE_OF_SOMEONE or root.lemma_.lower() in PEOPLE_OF_SOMEONE:
                # "Scott's niece, state Del. Marcia Price", "Obama’s aides", "McConnell aides":
                # they speak, not Scott, Obama or McConnell.
                inside = [(s, e, c) for s, e, c in inside if not self._possessor_of(s, e, root, c.kind == "person")]
                if not inside:
                    return None
            if root.lemma_.lower() in PEOPLE_NOUNS and (root.tag_ == "NNS" or (
                    root.tag_ == "NN" and root.lemma_.lower() not in HEAD_NOUNS)):
                # "Clinton supporters", "Experts on North Korea", "a Clinton ally", "a longtime adviser
                # to Trump": none of them the person or the country named ("the Russian leader" is
                # its head, though). Officials speak for their body or country ("officials at
                # Homeland Security", "American officials").
                speak_for = ("organization", "country") if root.lemma_.lower() == "official" else ("organization",)
                inside = [(s, e, c) for s, e, c in inside if self._named_among(s, e, root)
                          or (c.kind in speak_for and self._body_of(s, e, root))]
                if not inside:
                    return None
            if any(t.lower_ in FORMER_WORDS for t in span) and root.lower_ in TITLE_WORDS:
                # "A former Democratic National Committee chairman" no longer speaks for it
                inside = [x for x in inside if x[2].kind == "person"]
                if not inside:
                    return None
            # Otherwise the mention highest in the parse: "Of Carson, Levine, who ... Rubio" -> Levine.
            # At equal depth a person beats the country of an adjective: "The Egyptian minister, Ahmed Hassan".
            order = {"person": 0, "organization": 1, "country": 2}
            return min(inside, key=lambda x: (self._depth(x[0], x[1]), order[x[2].kind], x[0]))[2]
        bare = _strip_name(text)
        if bare and " " not in bare and bare[:1].isupper():
            return self._surname_owner(bare, start, sent, avoid)
        if span is None:
            return None
        owner = next((c for c in span.root.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is not None and span.root.lemma_.lower() in WORKS_THAT_SPEAK:
            # "His speech cited ...", "her letter says": the one who gave it speaks
            return self._antecedent(owner.idx, sent, "f" if owner.lower_ in FEMALE else "m", avoid)
        # "the professor", "the ministry", "the Vermont senator" (Sen. Bernie Sanders)
        return self._described(span, start, sent, avoid)

    def _described(self, span, start: int, sent: int, avoid) -> _Cluster | None:
        """Someone recent whose role or name has the description's head word, and no other party
        than the one its words name: "the professor", "the ministry", "the Vermont senator"."""
        head = span.root.lower_
        if span.root.is_stop:
            # the parse made "the" the head of "the email" ("the email read", read as a noun):
            # a function word describes no one, though "Keep the Promise" has it in its name
            return None
        parties = {PARTIES[t.lower_] for t in span if t.lower_ in PARTIES}
        # "the Democratic presidential nominee" is no running mate "nominee": a lower-case
        # word before the head must be in the role too
        described = {t.lower_ for t in span.root.lefts if t.dep_ == "amod" and t.text.islower()
                     and t.lower_ not in GENERIC_ROLE_ADJECTIVES} if span.root.text.islower() else set()
        if span[0].lower_ in INDEFINITE_ARTICLES:
            return None  # "a Democratic senator" brings in someone new
        places = self._places_named(span) if span.root.text.islower() else []

        def fits(c: _Cluster, spelled_out: bool) -> bool:
            return (head in _role_heads(c, spelled_out) and described <= set(_role_words(c, spelled_out))
                    and not (parties and c.affiliation in PARTIES.values() and c.affiliation not in parties))

        # "the Florida senator" is none of the senators of other states
        candidates = [c for c in self._clusters if c not in avoid and all(self._tied_to(c, place) for place in places)]
        if span[0].lower_ in ("his", "her"):
            # "His lawyer" is the lawyer of the one "his" stands for, not a "Clinton lawyer"
            owner = self._antecedent(start, sent, "f" if span[0].lower_ == "her" else "m", avoid)
            if owner is not None:
                surnames: dict[str, list[_Cluster]] = {}
                for p in self._clusters:
                    if p.kind == "person":
                        surnames.setdefault(p.name.split()[-1], []).append(p)
                candidates = [c for c in candidates if c.kind != "person" or not _someone_elses(c, owner, surnames)]
        written = [c for c in candidates if fits(c, spelled_out=False)]
        if written:
            return max(written, key=lambda c: c.focus(start, sent))
        # A role written short ("Sen. Bernie Sanders") fits "the senator" only with a place to tie
        # it ("the Vermont senator"), or when its person is the one the story is on and no other
        # fits as well: "Rubio ... the senator" may be Rubio, whose title the article never wrote.
        spelled = sorted((c for c in candidates if fits(c, spelled_out=True)), key=lambda c: -c.focus(start, sent))
        if (not spelled and not places and _occupation(span.root) and span[0].lower_ == "the"
                and span.root.lower_ not in RELATIONAL_NOUNS | MANY_PEOPLE_ROLES):
            return self._unroled_named_just_before(start, sent, avoid)
        if not spelled or places:
            return spelled[0] if spelled else None
        people = [c for c in candidates if c.kind == "person"]
        in_focus = max(people, key=lambda c: c.focus(start, sent), default=None)
        clear = len(spelled) == 1 or spelled[0].focus(start, sent) >= CLEAR_FOCUS * spelled[1].focus(start, sent)
        return spelled[0] if clear and in_focus is spelled[0] else None

    def _unroled_named_just_before(self, start: int, sent: int, avoid) -> _Cluster | None:
        """The one person named earlier in this sentence (else the one subject, or the one person,
        of the sentence before), if the article never wrote their role.

        "much of Carson’s speech, the neurosurgeon’s decision to read ...", "Donald Trump is
        once again breaking the mold. The billionaire businessman will be holding ...".
        """
        named = {c for c in self._clusters if c.kind == "person" and c not in avoid
                 and any(m.end <= start and not m.in_quote for m in c.by_sent.get(sent, ()))}
        if not named:
            before = [(c, m) for c in self._clusters if c.kind == "person" and c not in avoid
                      for m in c.by_sent.get(sent - 1, ()) if not m.in_quote]
            named = {c for c, m in before if m.subject} or {c for c, _ in before}
        if len(named) != 1:
            return None
        [c] = named
        return c if not c.role else None

    @staticmethod
    def _places_named(span) -> list[str]:
        """The places a description ties its person to: "the Vermont senator", "the senator from Vermont"."""
        root = span.root
        before = [t for t in span if t.i < root.i and t.pos_ == "PROPN" and t.lower_ not in PARTIES]
        places = [" ".join(t.text for t in before)] if before else []
        for prep in (c for c in root.rights if c.dep_ == "prep" and c.lower_ == "from"):
            places += [" ".join(t.text for t in o.subtree) for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        return places

    def _tied_to(self, c: _Cluster, place: str) -> bool:
        """True when ``place`` (or its state abbreviation) is in ``c``'s role or right by one of its mentions:
        "Ohio Gov. John Kasich", "Sen. Bernie Sanders (I-Vt.)", "Marco Rubio of Florida"."""
        spellings = state_spellings(place) or (place,)
        near = [c.role or "", c.affiliation or ""]
        for m in c.mentions:
            # only the name's own title and tag: not the one of the name before it in a list
            before = re.split(r",|;|\)|\band\b", self.text[max(0, m.start - PLACE_BEFORE):m.start])[-1]
            after = re.match(r"[^,;)]*\)?", self.text[m.end:m.end + PLACE_AFTER]).group()
            near += [before, after]
        near = " ".join(near)
        return any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", near) for s in spellings)

    def _antecedent(self, pos: int, sent: int, gender: str, avoid) -> _Cluster | None:
        """The person a "he" or "she" at ``pos`` refers to.

        The nearest sentence before it (or the part of its own sentence before
        it) that names a fitting person decides; within it the subject wins,
        then the first named. Names inside quotations do not count.
        """
        # Subjects first (centering: the subject is what a sentence is about), nearest
        # sentence first; a "she" already resolved as a subject carries its person on
        # ("She says Trump represents ... She adds": not Trump). In a tie one known to
        # fit beats one of unknown gender. (Preferring the main clause's subject as well
        # fixed "McLenney said Clinton doesn't ..." but sent a "she" to Trump elsewhere
        # on dev: not kept.)
        for subjects_only in (True, False):
            for back in range(0, 4):
                s = sent - back
                if s < 0:
                    break
                found = []
                for c in self._clusters:
                    if c.kind != "person" or c in avoid or c.gender not in (None, gender):
                        continue
                    for m in c.by_sent.get(s, ()):
                        if (subjects_only or back == 0) and not (m.subject or (not subjects_only and m.possessor)):
                            # "with her husband, Milton Berg, she ...": not "she"; but "Clinton’s
                            # comment that she wanted to visit" is hers
                            continue
                        pronoun = m.text.lower() in PERSON_PRONOUNS
                        if m.sent == s and m.end <= pos and not m.in_quote and (not pronoun or m.subject):
                            found.append((c.gender is None, m.start, c))
                if found:
                    return min(found, key=lambda x: (x[0], x[1]))[2]
        return None

    def _root(self, start: int, end: int):
        """The head word of the text at ``start:end``, or None."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _depth(self, start: int, end: int) -> int:
        root = self._root(start, end)
        return 99 if root is None else sum(1 for _ in root.ancestors)

    def _people_joined_before(self, pos: int, sent: int) -> list[_Cluster] | None:
        """The known people of the last subject before ``pos``, in this sentence or the one before,
        that joins people ("Suh and Austin"), in order; None when there is no such subject."""
        last = None
        for c in self._clusters:
            if c.kind != "person":
                continue
            for s in (sent - 1, sent):
                for m in c.by_sent.get(s, ()):
                    root = None if m.end > pos else self._root(m.start, m.end)
                    if root is not None and root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS:
                        root = root.head
                    if root is not None and root.dep_ in SUBJECT_DEPS and (
                            any(t.dep_ == "conj" for t in root.children) or _met_with(root) is not None):
                        last = root if last is None or root.i > last.i else last
        if last is None:
            return None
        partner = _met_with(last)
        found = [self._cluster_at(t.idx) for t in (_conjuncts(last) if partner is None else [last, partner])]
        people = [c for n, c in enumerate(found) if c is not None and c.kind == "person" and c not in found[:n]]
        # "Trump met with Goldman Sachs. They ...": no two people, so no answer here
        return None if partner is not None and len(people) < 2 else people

    def _possessor_of(self, start: int, end: int, noun, person: bool = False) -> bool:
        """True for the "Scott" of "Scott's niece", and for a ``person`` of "Scott aides" too
        (not the department of "a Homeland Security Department official", who speaks for it)."""
        root = self._root(start, end)
        return root is not None and root.head.i == noun.i and (
            root.dep_ == "poss" or (person and root.dep_ == "compound"))

    def _named_among(self, start: int, end: int, noun) -> bool:
        """True for one named among ``noun``'s many: "unions, including the AFL-CIO", "critics, like Sen. Grassley"."""
        root = self._root(start, end)
        while root is not None and root.dep_ == "conj":  # "including the AFT and the AFL-CIO"
            root = root.head
        prep = root.head if root is not None and root.dep_ == "pobj" else None
        return prep is not None and prep.lower_ in MEMBER_PREPOSITIONS and prep.head.i == noun.i

    def _body_of(self, start: int, end: int, noun) -> bool:
        """True when the body at ``start:end`` is the one ``noun``'s people belong to:
        "Senate leaders", "officials at Homeland Security"; not "critics of the EB-5 program"."""
        root = self._root(start, end)
        if root is None:
            return False
        if root.head.i == noun.i:
            return True
        return root.dep_ == "pobj" and root.head.head.i == noun.i and root.head.lower_ in BODY_PREPOSITIONS

    def _appositive_of(self, start: int, end: int, noun) -> bool:
        root = self._root(start, end)
        return root is not None and root.dep_ == "appos" and root.head.i == noun.i

    def _is_subject(self, start: int, end: int) -> bool:
        root = self._root(start, end)
        return root is not None and root.dep_ in SUBJECT_DEPS

    def _appositive_name(self, end: int) -> _Cluster | None:
        """"A Foreign Ministry spokesperson, Choi Young-sam, said": the name beside the phrase."""
        text = self.text
        after = re.match(r"\s*,\s*", text[end:end + 4])
        if not after:
            return None
        at = end + after.end()
        starts = self._mention_index()
        i = bisect.bisect_left(starts, (at, -1, -1))
        if i < len(starts) and starts[i][0] == at:
            _, e, owner = starts[i]
            c = self._owners[owner]
            if c.kind == "person" and text[e:e + 1] == ",":
                return c
        return None

    # -- output ---------------------------------------------------------------------------

    def _ids(self) -> dict[int, str]:
        """A readable id per cluster (its name as a slug), fixed the first time it is asked for."""
        if self._id_cache is not None:
            return self._id_cache
        ids: dict[int, str] = {}
        used: set[str] = set()
        for c in sorted(self._clusters, key=lambda c: min((m.start for m in c.mentions), default=0)):
            base = re.sub(r"[^a-z0-9]+", "-", c.name.lower()).strip("-") or "actor"
            slug, n = base, 2
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
            ids[id(c)] = slug
        self._id_cache = ids
        return ids

    def actors(self) -> list[Actor]:
        ids = self._ids()
        live = [c for c in self._clusters if c.mentions]
        n_chars = max(1, len(self.text))
        raw = {}
        for c in live:
            first = min(m.start for m in c.mentions) / n_chars
            raw[id(c)] = len(c.mentions) + 2 * c.speaker_count + (1 - first)
        top = max(raw.values(), default=1.0)
        by_name = {c.name: c for c in live}
        out = []
        for c in sorted(live, key=lambda c: -raw[id(c)]):
            aff = by_name.get(c.affiliation) if c.affiliation else None
            out.append(Actor(
                id=ids[id(c)],
                name=c.name,
                kind=c.kind,
                aliases=sorted(set(c.aliases)),
                role=c.role,
                affiliation=c.affiliation,
                affiliation_id=ids[id(aff)] if aff is not None else None,
                mentions=[Span(start=m.start, end=m.end) for m in sorted(c.mentions, key=lambda m: m.start)],
                salience=round(raw[id(c)] / top, 3),
            ))
        return out
