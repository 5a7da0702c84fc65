"""Word lists for finding who said what.

Kept apart from the rules so they can be read, reviewed and extended without
touching the code. Verbs are listed by lemma (spaCy's ``token.lemma_``).
"""

from __future__ import annotations

import re

# Left out on purpose, because on PolNeAR train they were mostly not attributions:
# mean, need, prove, see, speak, release, embrace, unveil, knock, try (to), vote,
# challenge, target, name, cast, press, struggle, nominate, compare, note (as a stance);
# and as stance verbs: speak, address (their object is an audience), and vote,
# respond, challenge, target (on a spread-out train sample, mostly not attributions).

# Verbs that introduce what someone said or wrote: "X said that ...", "“...,” X said".
SPEECH_VERBS = frozenset(
    """
    say tell add write ask note report announce suggest tweet post describe argue retweet
    explain declare acknowledge continue urge recall claim respond reply agree propose
    state insist warn promise predict reveal admit deny confirm indicate express assure
    stress emphasize emphasise contend maintain comment observe complain concede boast
    joke quip testify remark hint allege estimate charge pledge vow demand caution
    mention repeat reiterate counter retort answer conclude disclose proclaim affirm
    assert concur echo lament muse speculate surmise whisper yell shout scream cry
    exclaim snap fume rail gush crow brag blast slam criticize criticise accuse blame
    praise call label dub term define characterize brand question wonder inform advise
    notify remind threaten order instruct recommend advocate tout cite quote read point
    signal signify confess chant interject interrupt mouth holler plead beg scoff sneer
    reassure rebut snipe reaffirm posit forecast sing mutter
    """.split()
)

# Verbs of speech that report a clause but open no quotation: in "hardly clarified the
# matter, treating it as a compliment -- ''...''" the quotation is not what was clarified.
CLAUSE_SPEECH_VERBS = frozenset("clarify".split())

# Verbs that answer what someone else said: "responded to accusations that ...".
RESPONSE_VERBS = frozenset("respond reply react answer".split())

# Prepositions that tell when something was said, not how: "said after the attack".
TIME_PREPOSITIONS = frozenset("after before since during until following amid".split())

# Forms of speech verbs the tagger also reads as nouns ("the email read", "the ad states", "the Saudis state").
MISREAD_SPEECH_FORMS = frozenset("read reads state states write writes notes reports say says".split())

# Verbs of thought, belief, knowledge and evidence: "X believes that ...", "polls show ...".
COGNITION_VERBS = frozenset(
    """
    think believe know feel fear worry hope expect doubt suspect assume guess reckon
    understand realize realise recognize recognise consider find learn view regard
    imagine suppose figure decide determine conclude show suggest indicate reveal
    demonstrate remember forget agree disagree acknowledge envision imply discover
    calculate notice anticipate reason
    """.split()
)

# What opens the clause of a cleft sentence: "It was his suggestion ... that raised hackles".
CLEFT_PRONOUNS = frozenset("that who which".split())

# Verbs that ask, and the words that open what they ask: "asked him if he would run".
QUESTION_VERBS = frozenset("ask wonder inquire".split())
QUESTION_MARKERS = frozenset("if whether".split())
# Verbs whose bare participle says someone was put a question: "Asked about it, she said ...".
ASKED_VERBS = QUESTION_VERBS | frozenset("press question quiz tell challenge interview reach contact".split())
# The tags of the words that open a question: "what", "which", "whose", "how".
QUESTION_WORD_TAGS = frozenset("WDT WP WP$ WRB".split())

# Verbs whose object does what the infinitive after it says: "led Priebus to declare ...".
OBJECT_CONTROL_VERBS = frozenset(
    """lead prompt force urge ask tell persuade pressure push require allow encourage convince inspire
    cause press invite order compel drive spur beg coach challenge dare""".split())

# Verbs of intention and stance that take a to-infinitive: "X wants to ...".
INTENTION_VERBS = frozenset(
    """
    want plan hope intend aim seek vow pledge promise refuse decline threaten expect
    wish prefer propose offer agree urge ask decide look attempt choose strive
    """.split()
)

# Verbs of stance whose object is what the source holds: "X endorsed Cruz",
# "X called Trump a fascist", "X accused Y of lying", "X called for a ban".
STANCE_VERBS = frozenset(
    """
    call describe support endorse criticize criticise announce accuse defend oppose
    praise attack blame dismiss reject denounce propose back favor favour condemn blast
    slam question cite deny welcome applaud mock label dub brand demand seek express
    acknowledge recommend predict decry tout hail advocate urge ask discuss
    mention highlight characterize portray refer talk point warn complain argue
    lament fault ridicule lambaste chide rebuke thank congratulate credit decline refuse
    reveal disclose rule
    prefer want offer tweet repeat emphasize emphasise report comment hint aim
    pledge promise claim answer focus share like dislike apologize apologise
    lambast articulate encourage react push deem insist echo
    champion rail brag boast reiterate stress underscore dispute ignore accept approve
    admit lash shrug brush rebuff weigh pressure celebrate list disavow reprimand detail
    reference heap laud admire liken exhort deride commend depict assail proclaim
    invoke interpret relish nominate spar
    vouch bemoan acquiesce voice recount outline pivot circulate issue judge
    """.split()
)

# Stance verbs whose lone object is whom they address, not a stance: "called a
# donor", "asked Trump" ("called him a liar", "called for", "asked him to" report).
ADDRESSING_VERBS = frozenset("call ask".split())

# Verbs that, hung on a noun without an agent, give its name: "a group called ...".
NAMING_VERBS = frozenset("call dub label term".split())

# Prepositions that carry a stance verb's object: "called for", "accused X of",
# "described X as", "talked about", "voted against", "referred to".
STANCE_PREPOSITIONS = frozenset("for of as about against to on over".split())

# Listed cue verbs whose object after one of these prepositions is the content, given a
# subject that names someone: "agreed with his assessment", "disagree on how it should
# happen", "believes in free trade", "lashed out at the press". Measured on PolNeAR train;
# left out (under 60% attributions there): "agree to", "respond to", "vote for", "fight for".
VERB_PREPOSITIONS = {
    "agree": frozenset("with on".split()),
    "disagree": frozenset("with on".split()),
    "concur": frozenset("with".split()),
    "believe": frozenset("in".split()),
    "lash": frozenset("at".split()),
}

# Listed cue verbs whose direct object is the content when a named person, group or place
# is the subject: "Sanders recalled the visit", "the campaign confirmed the meeting". With a
# pronoun or common noun subject (on PolNeAR train under 20% attributions) they are not.
NAMED_HOLDER_OBJECT_VERBS = frozenset("recall confirm".split())

# A passive verb of repute and its prepositions: "he is better known as a Dallas Cowboys
# fan", "Ginsburg is known for her liberal bent". PolNeAR reads the subject and the
# phrase as content with no source named. ("a group known as X", with no "be", names it.)
REPUTE_VERBS = frozenset("know remember".split())
REPUTE_PREPOSITIONS = frozenset("as for".split())

# Dependents of a stance verb that make up its content.
OBJECT_DEPS = frozenset("dobj oprd dative xcomp ccomp attr".split())

# Verbs that can introduce a direct quotation; verbs of thought and intention
# next to a quotation are rarely its cue.
QUOTE_VERBS = SPEECH_VERBS | STANCE_VERBS

# Verbs of appearance: "Trump seems to be ..." is the writer's attribution of a
# state to its subject, with no source named.
EVIDENTIAL_VERBS = frozenset("seem appear".split())
# "it seemed like an impossible task", "seemed beside the point"; not "appeared on Fox".
LIKENESS_PREPOSITIONS = frozenset("like beside".split())

# Every verb that can be the cue of an attribution.
REPORTING_VERBS = (SPEECH_VERBS | CLAUSE_SPEECH_VERBS | COGNITION_VERBS | INTENTION_VERBS | STANCE_VERBS
                   | EVIDENTIAL_VERBS)

# Verbs that only count as a cue when their clause complement is present, because
# without it they are ordinary verbs ("she called Kim", "polls show a lead").
NEEDS_CLAUSE = frozenset(
    """
    call continue point read find show know understand learn consider decide determine
    remember forget figure seem appear order post try offer cite quote signal question
    answer repeat charge maintain
    """.split()
)

# Verbs that introduce a quotation directly but rarely a reported clause.
QUOTE_ONLY_VERBS = frozenset("continue read quote post".split())

# Multi-word cues whose object is the source and whose clause is the content.
ACCORDING_TO = ("according", "to")

# Straight and curly quotation marks. Single marks are only used for quotes
# inside quotes (and headlines); a ’ between letters is an apostrophe.
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_STRAIGHT = '"'
DOUBLE_APOSTROPHES = "''"  # how the New York Times archive writes a double quote
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
SINGLE_STRAIGHT = "'"
QUOTE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_STRAIGHT + SINGLE_OPEN + SINGLE_CLOSE
# A double quotation mark, in any of the ways articles write one; ``''`` is one mark.
DOUBLE_MARK = re.compile(
    re.escape(DOUBLE_APOSTROPHES) + "|[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_STRAIGHT) + "]")

# Characters that may stand before an opening quotation mark.
BEFORE_OPENING = " \t\n([{—–-/:"

# Subject dependency labels, and labels that pass a subject down a chain
# ("X said, adding that ...", "X wants to say ...").
SUBJECT_DEPS = ("nsubj", "nsubjpass")
SUBJECT_INHERITING_DEPS = ("conj", "advcl", "xcomp", "ccomp", "relcl", "acl")

# The longest name that may speak before a colon ("Sen. Bernie Sanders: ‘...’").
MAX_COLON_SPEAKER_WORDS = 5

# Modifiers that, set off by a comma at the end of a reported clause, are the
# writer's aside rather than what was said: ", which ...", ", drawing ...", ", a former ...".
ASIDE_DEPS = frozenset("relcl acl appos".split())

# Line labels that end in a colon but name no speaker ("UPDATE: ...").
NOT_SPEAKERS = frozenset(
    {
        "update", "updated", "note", "editor's note", "editor’s note", "related", "watch",
        "read more", "source", "photo", "correction", "advertisement", "video", "listen",
        "click here", "breaking", "q", "a", "the latest",
    }
)

# A colon line must say at least this much to be a report.
MIN_COLON_CONTENT_WORDS = 3

# Relative pronouns stand for the noun their clause hangs on.
RELATIVE_PRONOUNS = frozenset("who that which whom".split())
# "it was announced that ...": a passive report's empty subject.
EXPLETIVE_SUBJECTS = frozenset("it there".split())
PERSONAL_RELATIVE_PRONOUNS = frozenset("who whom".split())
PLACE_ENTITIES = frozenset("GPE LOC FAC".split())
# Names of one person, body or country ("O’Malley"), not a number ("12 percent") or a people ("Hispanics").
NAMED_ENTITIES = frozenset("PERSON ORG GPE".split())

# Pronouns that stand for a verb's object ahead of it: "which Trump supported" ("what" mostly was no content on train).
OBJECT_PRONOUNS = RELATIVE_PRONOUNS

# Pronouns that may be speakers; the lead resolves them to actors.
SPEAKER_PRONOUNS = frozenset("i he she we they it you".split())

# Dependencies that join a second clause to a first ("X, and said ...", "X, calling ...").
JOINING_DEPS = frozenset("conj advcl".split())
REASON_MARKERS = frozenset("because since".split())

# Modal auxiliaries: a subjectless "but would now ..." continues the reported clause.
MODALS = frozenset("would will could can might may should must".split())

# Forms the small English pipeline lemmatizes wrongly ("hoping" -> "hop", "sniped" -> "snip").
LEMMA_FIXES = {"hoping": "hope", "hoped": "hope", "hopes": "hope", "sniped": "snipe", "snipes": "snipe",
               "sniping": "snipe", "retweeted": "retweet", "retweeting": "retweet"}

# Verb tags of a second report joined to a clause: "and calls her ...", "and has
# expressed support", but not the bare "support and defend".
REPORTING_TENSE_TAGS = frozenset("VBZ VBD VBP VBN".split())

# Predicate adjectives that hold a stance or a belief: "X is critical of Y",
# "X is convinced that Y", "X was ready to Y". Matched on the word as written.
STANCE_ADJECTIVES = frozenset(
    """
    critical skeptical sceptical concerned worried convinced optimistic pessimistic
    confident hopeful aware unhappy happy satisfied dissatisfied frustrated disappointed
    tired loyal appreciative upbeat fond sure certain interested eager reluctant ready
    willing determined opposed supportive proud afraid angry upset furious wary
    adamant doubtful insistent keen unwilling uncertain unsure mindful fearful suspicious
    enthusiastic grateful nervous dismissive pleased displeased divided unified undecided
    outspoken enamored delighted impressed unanimous open excited thrilled glad sorry ashamed
    embarrassed sympathetic unsympathetic mistrustful distrustful leery committed devoted
    uncomfortable passionate lukewarm welcoming
    """.split()
)

# Prepositions that carry what a stance adjective is about: "critical of", "worried about".
STANCE_ADJECTIVE_PREPOSITIONS = frozenset("of about with on to by in over toward towards".split())

# Prepositions after any predicate adjective that carry an attitude when a named person,
# group or personal pronoun is its subject: "Fiorina was upfront about her distaste",
# "Clinton has been cagey about where she stands". "of", "to", "with" are too often
# not a stance ("eligible for", "close to", "familiar with"; under 30% on PolNeAR train).
ATTITUDE_PREPOSITIONS = frozenset("about".split())
# Who may hold such an attitude: named entities of these kinds, or a personal pronoun.
NAMED_HOLDER_ENTITIES = frozenset("PERSON ORG NORP GPE".split())

# Nouns whose "that" clause is a report ("the claim that ...", "fears that ...").
# "effort", "attempt" and "decision" name deeds, and on PolNeAR train were not
# attributions with a "that" clause ("a decision to ..." is an intention, below).
CLAUSE_NOUNS = frozenset(
    """
    claim assertion argument allegation accusation belief view opinion fear hope concern
    worry suggestion warning statement announcement promise pledge vow threat demand
    insistence admission acknowledgement acknowledgment conclusion conviction contention
    denial prediction expectation assessment assurance idea notion complaint case
    comment remark observation declaration
    """.split()
)

# Cue nouns whose to-infinitive is the content: "Trump's plans to spend ...".
INTENTION_NOUNS = frozenset(
    """
    plan proposal call pledge promise vow bid intention refusal desire push offer threat
    demand decision reluctance
    """.split()
)

# Cue nouns whose prepositional object is the content, given a holder: "Pence's call for X".
STANCE_NOUNS = frozenset(
    """
    call endorsement opposition criticism praise supporter opponent critic backer
    proponent advocate demand push attack critique commitment hostility embrace backing
    defender denunciation doubt fear complaint allegation accusation case fight support
    fan booster
    """.split()
)
STANCE_NOUN_PREPOSITIONS = frozenset("for of to against on about toward towards over".split())

# Cue nouns whose "about" or "of" object is the content, given a holder:
# "his questions about the platform", "their doubts over the deal".
TOPIC_NOUNS = frozenset("question debate concern doubt controversy speculation remark speech word".split())

# Every noun that may name a report, by one rule or another.
CUE_NOUNS = CLAUSE_NOUNS | INTENTION_NOUNS | STANCE_NOUNS | TOPIC_NOUNS


# How the parse may attach a counted subject: "About 4 in 10 say ...".
COUNTED_SUBJECT_DEPS = frozenset("nummod npadvmod".split())

# Light verbs: with a noun that names a statement or stance they report
# ("made the case that ...", "took a swipe at ...", "has doubts about ...").
LIGHT_VERBS = frozenset("make take have draw hold voice raise express issue give level offer".split())
LIGHT_VERB_NOUNS = frozenset(
    """
    case comment remark statement mention reference allegation accusation point shot swipe
    jab dig stance position view contrast analogy comparison argument criticism concern
    doubt opinion feeling pitch appeal plea promise pledge prediction claim assertion
    objection complaint warning threat vow apology attack aim issue credit slam
    """.split()
)
LIGHT_VERB_PREPOSITIONS = frozenset("for about on at against of to toward towards over with between".split())

# Statement nouns that, with no clause or topic, are the content themselves:
# "made those comments", "made a point".
STATEMENT_NOUNS = frozenset("comment remark statement announcement point joke".split())

# "made (it) clear that ...": the verb and the words that make a clause known.
MAKE_KNOWN_VERBS = frozenset("make".split())
MADE_KNOWN_WORDS = frozenset("clear plain known".split())

# Verbs whose object and "as" phrase are a view: "voters see Clinton as ...".
SEEING_AS_VERBS = frozenset("see view regard".split())

# Verbs by which evidence speaks, and the nouns that may be that evidence:
# "a poll shows Sanders leading", "the study found ...".
EVIDENCE_VERBS = frozenset("show find".split())
EVIDENCE_NOUNS = frozenset(
    """
    poll survey study report data figure number document record analysis research
    filing count tally investigation review audit estimate
    """.split()
)

# Evidence that speaks for a clause it closes ("Trump leads in the new poll"); a report or a
# record named last is more often where something was, not who said it.
POLL_NOUNS = frozenset("poll survey".split())

# Verbs whose "about" (or "of", "on", "against") object is what was said:
# "said nothing about the plan", "spoke about immigration". Not "spoke to": an audience.
TOPIC_VERBS = frozenset("say speak write testify comment talk".split())
TOPIC_PREPOSITIONS = frozenset("about of on against".split())

# Entity types of a time, not a topic ("spoke on Monday").
WHEN_ENTITIES = frozenset("DATE TIME".split())

# Verbs whose bare object is what was said: "26 percent said the same".
SAY_VERBS = frozenset("say".split())

# Verbs of speaking as an activity: "As he testified, senators listened" tells when, not what.
ACTIVITY_SPEECH_VERBS = frozenset("speak talk testify chat address campaign answer ask lecture preach".split())

# Things that speak for their writers before a colon: "Hoff’s letter makes the case: “...”".
WRITTEN_SOURCES = frozenset(
    "letter statement email memo report ad tweet post note release footnote article section clause".split())

# "The campaign released a video that said ...": works that speak for whoever put them out, and the
# verbs of putting them out (not of seeing them: "he watched an ad that said" is not his).
PUT_OUT_WORKS = WRITTEN_SOURCES | frozenset("video caption sign piece book column commercial editorial op-ed".split())
PUT_OUT_VERBS = frozenset("release publish post air run issue write add put launch unveil send tweet pen".split())

# "called Palin a “clown” on his radio show": where a statement was made, after what it was about.
OCCASION_PREPOSITIONS = frozenset("on in at during".split())
# Prepositions that, right after a quoted word, say when it was said: "a “crazy system” during a stop".
WHEN_SAID_PREPOSITIONS = frozenset({"during"})
OCCASION_NOUNS = frozenset(
    """show program programme interview radio television tv broadcast podcast appearance statement speech
    rally debate conference call event op-ed column letter email tweet post video ad episode segment hearing
    twitter facebook""".split())

# Every verb that may open a report, by one rule or another.
CUE_VERBS = REPORTING_VERBS | LIGHT_VERBS | SEEING_AS_VERBS | EVIDENCE_VERBS | TOPIC_VERBS

# Words that open the writer's contrast after a reported clause:
# "..., though they blame ...", "..., even as he has taken shots at ...",
# "..., compared with 41 percent for Clinton".
CONTRAST_MARKS = frozenset("though although while whereas even".split())
CONTRAST_PREPOSITIONS = frozenset("compared despite unlike".split())

# Clauses below the main one: "according to" inside one speaks for that clause only.
SUBORDINATE_DEPS = frozenset("advcl relcl".split())

# Words that open a sentence by tying it to the one before: not part of a report.
SENTENCE_OPENERS = frozenset("and but yet still so also however meanwhile".split())

# Conjunctions that carry a negation ("Nor are tariffs likely to ..."): dropping
# one would flip what was said, so a content keeps it.
NEGATING_CONJUNCTIONS = frozenset("nor neither".split())

# Links by which the writer ties a reported clause to the text before it, set off
# by a comma or dash: "In fact, neither plan ...". Not part of what was said.
DISCOURSE_OPENERS = frozenset(
    {
        "in fact", "even so", "of course", "indeed", "in addition", "moreover", "instead",
        "in other words", "after all", "as it happens", "at the same time", "however",
        "meanwhile", "still", "nonetheless", "nevertheless", "furthermore", "in turn",
        "as a result", "in short", "for example", "for instance", "likewise", "similarly",
        "besides", "then", "again", "by contrast", "in contrast", "on the other hand",
    }
)
MAX_DISCOURSE_OPENER_WORDS = 4
ASIDE_MARKS = frozenset({",", "—", "–", "-", "--"})

# Prepositions by which evidence named up front speaks: "In the new poll, ...".
EVIDENCE_PREPOSITIONS = frozenset("in".split())

# How a participle hangs on a clause ("When asked about it, she said ...").
PARTICIPLE_DEPS = frozenset("advcl acl".split())

# A headline in Title Case: its length in words, and the share of them capitalized.
MIN_TITLE_WORDS = 4
MAX_TITLE_WORDS = 20
TITLE_CASE_SHARE = 0.7

# Cues learned from PolNeAR train (see :mod:`.learned_cues`): the parts of speech
# looked up, the dependencies from cue to content that make a frame (with
# "prep:of" and the like for a preposition's object), the entity types and
# pronouns that may hold a stance (the entity types are NAMED_HOLDER_ENTITIES).
FRAME_POS = frozenset("VERB NOUN ADJ".split())
FRAME_DEPS = frozenset("dobj ccomp xcomp".split())
NOT_HOLDER_PRONOUNS = frozenset("it its".split())
HOLDER_POSSESSIVES = frozenset("his her their our my your".split())
