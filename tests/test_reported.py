"""Reported speech and positions: verbs with clauses, stance objects, "according to"."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from briefing.analysis.quotes import Attribution, find_quotes
from briefing.analysis.reported import find_reported

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "us-secretaries-of-state-and-defense-in-seoul.txt"

VOCAB = spacy.blank("en").vocab


def parsed(words, heads, deps, pos, lemmas):
    spaces = [i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def chung_stressed():
    # Chung stressed that the alliance is vital.
    return parsed(
        ["Chung", "stressed", "that", "the", "alliance", "is", "vital", "."],
        [1, 1, 5, 4, 5, 1, 5, 1],
        ["nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"],
        ["PROPN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
        ["Chung", "stress", "that", "the", "alliance", "be", "vital", "."],
    )


def according_to_ministry():
    # According to the ministry, Suh agreed.
    return parsed(
        ["According", "to", "the", "ministry", ",", "Suh", "agreed", "."],
        [6, 0, 3, 1, 6, 6, 6, 6],
        ["prep", "prep", "det", "pobj", "punct", "nsubj", "ROOT", "punct"],
        ["VERB", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"],
        ["accord", "to", "the", "ministry", ",", "Suh", "agree", "."],
    )


def pyongyang_wants():
    # Pyongyang wants Seoul to bring carrots.
    return parsed(
        ["Pyongyang", "wants", "Seoul", "to", "bring", "carrots", "."],
        [1, 1, 4, 4, 1, 4, 1],
        ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "punct"],
        ["PROPN", "VERB", "PROPN", "PART", "VERB", "NOUN", "PUNCT"],
        ["Pyongyang", "want", "Seoul", "to", "bring", "carrot", "."],
    )


def ward_called_for():
    # Ward called for the impeachment.
    return parsed(
        ["Ward", "called", "for", "the", "impeachment", "."],
        [1, 1, 1, 4, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
        ["PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["Ward", "call", "for", "the", "impeachment", "."],
    )


def she_called_kim():
    # She called Kim.  (a phone call: no content, no report)
    return parsed(
        ["She", "called", "Kim", "yesterday", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "npadvmod", "npadvmod", "punct"],
        ["PRON", "VERB", "PROPN", "NOUN", "PUNCT"],
        ["she", "call", "Kim", "yesterday", "."],
    )


def words(doc, span):
    return doc.text[span[0]:span[1]] if span else None


@pytest.mark.parametrize(
    "make, content, speaker, cue",
    [
        (chung_stressed, ["that the alliance is vital"], "Chung", "stressed"),
        (according_to_ministry, ["Suh agreed"], "the ministry", "According to"),
        (pyongyang_wants, ["Seoul to bring carrots"], "Pyongyang", "wants"),
        (ward_called_for, ["the impeachment"], "Ward", "called"),
    ],
)
def test_reported_content_speaker_and_cue(make, content, speaker, cue):
    doc = make()
    (att,) = find_reported(doc, [])
    assert [words(doc, s) for s in att.spans] == content
    assert words(doc, att.speaker) == speaker
    assert words(doc, att.cue) == cue


@pytest.mark.parametrize("make", [she_called_kim])
def test_reported_verb_without_content_reports_nothing(make):
    assert find_reported(make(), []) == []


@pytest.mark.parametrize("make", [chung_stressed])
def test_reported_skips_what_a_full_quote_holds(make):
    doc = make()
    quote = Attribution(spans=((0, len(doc.text)),), cue=None, speaker=None)
    assert find_reported(doc, [quote]) == []


@pytest.mark.parametrize("doc", [Doc(VOCAB, words=[]), Doc(VOCAB, words=["said", "that", "so"])])
def test_reported_never_crash_on_odd_docs(doc):
    assert isinstance(find_reported(doc, []), list)


# -- the sample article (model) ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    from briefing.nlp import load_pipeline

    doc = load_pipeline()(SAMPLE.read_text(encoding="utf-8"))
    return doc, find_reported(doc, find_quotes(doc))


@pytest.mark.model
@pytest.mark.parametrize(
    "opening, speaker, cue",
    [
        ("that the ROK-U.S. alliance is the foundation", "Chung", "stressed"),
        ("that the alliance between the United States and South Korea", "Blinken", "agreed"),
        ("Suh and Austin agreed to continue", "South Korea’s Defense Ministry", "According to"),
        ("Washington and Seoul to bring carrots", "Pyongyang", "wants"),
        ("that Biden administration is likely", "Kim Young-jun, a professor at Korea National Defense University", "told"),
    ],
)
def test_reported_sample_positions(sample, opening, speaker, cue):
    doc, found = sample
    (att,) = [a for a in found if doc.text[a.spans[0][0]:].startswith(opening)]
    assert words(doc, att.speaker) == speaker
    assert words(doc, att.cue) == cue


@pytest.mark.model
@pytest.mark.parametrize("partial_opening", ["linchpin for peace"])
def test_reported_sample_partial_quote_lies_inside_its_report(sample, partial_opening):
    doc, found = sample
    start = doc.text.index(partial_opening)
    holders = [a for a in found if any(s <= start < e for s, e in a.spans)]
    assert len(holders) == 1
    assert words(doc, holders[0].speaker) == "Blinken"
    # the closing mark stays with the report, so the quotation is whole
    assert doc.text[holders[0].spans[-1][1] - 1] == "”"


@pytest.mark.model
@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Issa: Hillary Clinton’s ‘Honesty Is In Question.’\n", "Issa", "Hillary Clinton’s ‘Honesty Is In Question.’"),
        ("FALLIN: I think the whole nation needs to work together.\n", "FALLIN", "I think the whole nation needs to work together"),
    ],
)
def test_reported_colon_line_speaks_for_its_name(nlp, text, speaker, content):
    doc = nlp(text)
    found = find_reported(doc, find_quotes(doc))
    assert [(words(doc, a.speaker), words(doc, a.spans[0])) for a in found] == [(speaker, content)]


@pytest.mark.model
@pytest.mark.parametrize("text", ["UPDATE: The vote was moved to Friday morning.\n", "12:15 p.m.: Voting began.\n"])
def test_reported_colon_label_is_no_speaker(nlp, text):
    doc = nlp(text)
    assert not any(a.cue and doc.text[a.cue[0]:a.cue[1]] == ":" for a in find_reported(doc, find_quotes(doc)))


def reports(nlp, text):
    """(speaker, cue, content) of each report found in ``text``."""
    doc = nlp(text)
    return [(words(doc, a.speaker), words(doc, a.cue), " | ".join(words(doc, s) for s in a.spans))
            for a in find_reported(doc, find_quotes(doc))]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # "and said ..." is a second report of its own, not part of the first clause
        ("Cruz said his attacks on Trump have given his campaign momentum and said that Trump did not "
         "represent the party.",
         [("Cruz", "said", "his attacks on Trump have given his campaign momentum"),
          ("Cruz", "said", "that Trump did not represent the party")]),
        # a finite speech verb joined to the clause: "... and calls her ..."
        ("He said he respects Clinton and calls her a smart woman.",
         [("He", "said", "he respects Clinton"), ("he", "calls", "her a smart woman")]),
        # a second clause whose own "said" the parse mislabels
        ("About half said they were very worried about the economy, and more than 4 in 10 said "
         "billionaire Donald Trump would be best at handling the economy.",
         [("About half", "said", "they were very worried about the economy")]),
        # a verb joined inside a quotation is the speaker's words going on, not a second report
        ("Cruz said that there is “only one strong conservative in a position to win this race,” "
         "adding that it’s why Donald Trump “relentlessly attacks us and ignores the other candidates.”",
         [("Cruz", "said", "that there is “only one strong conservative in a position to win this race,”"),
          ("Cruz", "adding", "that it’s why Donald Trump “relentlessly attacks us and ignores the other "
           "candidates.”")]),
        # a second "that" clause is more of what was said, whatever verb it holds
        ("He also said the videos were \"inconclusive\" and that the footage released Friday by Scott's "
         "family did not show whether he had something in his hand.",
         [("He", "said", "the videos were \"inconclusive\" and that the footage released Friday by Scott's "
           "family did not show whether he had something in his hand")]),
    ],
)
def test_reported_joined_report_ends_the_clause(nlp, text, expected):
    # "He" and "he" are the same person: either mention may be given as the speaker
    found = [(s and s.lower(), c, content) for s, c, content in reports(nlp, text)]
    for speaker, cue, content in expected:
        assert (speaker.lower(), cue, content) in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text, content",
    [
        ("He said he would be honored to serve should the opportunity present itself.",
         "he would be honored to serve should the opportunity present itself"),
        ("Sanders said he was rooting for Manning but would now root for Carolina.",
         "he was rooting for Manning but would now root for Carolina"),
        # a joined verb of stance with nothing it holds a stance on is no report of its own
        ("Symms said he has been impressed by Ayotte in the past and liked the way she responded to a question about "
         "how she would audit the Pentagon.",
         "he has been impressed by Ayotte in the past and liked the way she responded to a question about how she "
         "would audit the Pentagon"),
        # a reason given is said too, though it holds a verb of thought of its own
        ("He said he wasn't too worried about the contempt resolution because he doubted any court would enforce it.",
         "he wasn't too worried about the contempt resolution because he doubted any court would enforce it"),
        # past a comma the parse hung on "said" too
        ("Warren said in a court file that such a request was futile, because if there were additional records in the case, the "
         "FBI, not Clinton, now possesses them.",
         "that such a request was futile, because if there were additional records in the case, the FBI, not "
         "Clinton, now possesses them"),
    ],
)
def test_reported_clause_keeps_what_the_parse_hung_on_the_verb(nlp, text, content):
    assert [c for _, cue, c in reports(nlp, text) if cue == "said"] == [content]


@pytest.mark.model
@pytest.mark.parametrize("text, speaker, content", [
    # the parse hangs "she said" on the sentence as a clause of its own
    ("The Internet has also made it possible for people with like-minded, if bogus, ideas and theories to "
     "organize into communities and reach others, she said.", "she",
     "The Internet has also made it possible for people with like-minded, if bogus, ideas and theories to "
     "organize into communities and reach others"),
    ("The numbers changed over the summer, as Sanders has sometimes acknowledged.", "Sanders",
     "The numbers changed over the summer"),
    # "as" opening the sentence: what was reported is the rest of it
    ("As BuzzFeed News first reported, Mr. Trump voiced support for the campaign in 2002.", "BuzzFeed News",
     "Mr. Trump voiced support for the campaign in 2002"),
    # the comma may stand inside the closing quotation marks
    ("Manafort acknowledged the work could be termed ''influence peddling,'' The Washington Post reported in 1991.",
     "The Washington Post", "Manafort acknowledged the work could be termed ''influence peddling"),
    # whom it was told to and when may follow
    ("This includes a special force to assist Kurdish Peshmerga, Defense Secretary Ash Carter told a Senate "
     "committee on Tuesday.", "Defense Secretary Ash Carter", "This includes a special force to assist Kurdish Peshmerga"),
    # a verb of thought after the clause, with a comma before its subject
    ("An opponent-less glide to the nomination would all-but-ensure Clinton is booted off airwaves for three months, "
     "some Democrats now think.", "some Democrats",
     "An opponent-less glide to the nomination would all-but-ensure Clinton is booted off airwaves for three months"),
    # a clause with a verb of thought of its own is still what the trailing verb reports
    ("And they also discovered thousands of work-related messages her lawyers failed to turn over, he said.", "he",
     "they also discovered thousands of work-related messages her lawyers failed to turn over"),
])
def test_reported_trailing_attribution_reports_the_sentence_before_it(nlp, text, speaker, content):
    assert (speaker, content) in [(s, c) for s, _, c in reports(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize("text, speaker", [
    # a bare role joined to a name is one person, and the speaker is all of it
    ("GOP presidential contender and former neurosurgeon Ben Carson said on Sunday that the stories were false.",
     "GOP presidential contender and former neurosurgeon Ben Carson"),
    # the parse took "endorsed" for a modifier and the clause for an apposition of the name
    ("Erin Brockovich, the legendary environmental activist and lawyer, endorsed Sanders’ approach Saturday, "
     "saying she hadn’t yet called for the governor’s resignation.",
     "Erin Brockovich, the legendary environmental activist and lawyer"),
])
def test_reported_speaker_phrase(nlp, text, speaker):
    assert speaker in [s for s, _, _ in reports(nlp, text)]


@pytest.mark.model
def test_reported_what_someone_responds_to_is_not_theirs(nlp):
    text = "The Trump Organization did not respond to questions about how much parental leave it offers employees."
    assert not [r for r in reports(nlp, text) if r[0] == "The Trump Organization"]


@pytest.mark.model
def test_reported_content_never_takes_in_its_own_cue(nlp):
    text = ("Over the long term, according to the budget office, the rise in annual deficits and debt ''is mainly "
            "attributable to the aging of the population and rising health care costs.''")
    doc = nlp(text)
    found = find_reported(doc, find_quotes(doc))
    assert found and not [a for a in found if any(s < a.cue[1] and a.cue[0] < e for s, e in a.spans)]


@pytest.mark.model
def test_reported_question_put_before_a_trailing_verb_is_not_what_was_said(nlp):
    # a subordinate clause before ", he said" is not a sentence of its own that he said
    text = 'Asked whether he would fire a speechwriter under these circumstances, Priebus said, "Probably."'
    assert not [c for _, _, c in reports(nlp, text) if c.startswith("Asked")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # an "as" clause of speaking as an activity tells when, not what
    "As he testified, senators listened quietly.",
    "As the senator was speaking, the lights went out.",
    "The crowd cheered, as he spoke.",
])
def test_reported_as_clause_of_time_reports_nothing(nlp, text):
    assert reports(nlp, text) == []


@pytest.mark.model
def test_reported_clause_past_a_misread_passive(nlp):
    # "a statement was announced that ..." is no English: the "that" clause is what he said,
    # and the time's relative clause the parse put in between is not
    text = ("A Foreign Ministry spokesperson, Choi Young-sam, said on the same day Kim’s statement was "
            "announced that Seoul has not changed its stance.")
    assert [(cue, c) for _, cue, c in reports(nlp, text)] == [("said", "that Seoul has not changed its stance")]
    # "it was announced that ...": the clause is the announcement's
    text = "The spokesman said it was announced that Seoul has not changed its stance."
    assert [c for _, cue, c in reports(nlp, text) if cue == "said"] == [
        "it was announced that Seoul has not changed its stance"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Palestinians want East Jerusalem for their future state.",
         ("Palestinians", "want", "East Jerusalem for their future state")),
        ("Millennial Democrats prefer Bernie Sanders.", ("Millennial Democrats", "prefer", "Bernie Sanders")),
        ("Clinton is hoping to make a statement in California.",
         ("Clinton", "hoping", "to make a statement in California")),
        # verbs of praise, blame and likeness hold a stance on their object
        ("Donald Trump openly admires Russian President Vladimir Putin as a strong leader.",
         ("Donald Trump", "admires", "Russian President Vladimir Putin as a strong leader")),
        ("In January, Gov. Earl Ray Tomblin lauded Mr. Clarke for helping develop new ideas.",
         ("Gov. Earl Ray Tomblin", "lauded", "Mr. Clarke for helping develop new ideas")),
        ("Cruz exhorted Republicans to vote their conscience.", ("Cruz", "exhorted", "Republicans to vote their conscience")),
        ("Obama nominated Merrick Garland to the Supreme Court.",
         ("Obama", "nominated", "Merrick Garland to the Supreme Court")),
        ("Trump invoked the Second Amendment.", ("Trump", "invoked", "the Second Amendment")),
        ("Clinton outlined a plan to overhaul corporate taxes.",
         ("Clinton", "outlined", "a plan to overhaul corporate taxes")),
        ("Sanders voiced support for the measure.", ("Sanders", "voiced", "support for the measure")),
        # the tagger's lemma for "retweeted" is "retweete"
        ("Trump retweeted that he would win.", ("Trump", "retweeted", "that he would win")),
    ],
)
def test_reported_stance_and_intention_verbs(nlp, text, expected):
    assert expected in reports(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Some Democrats are concerned that Sanders' tactics could make it harder.",
         ("Some Democrats", "concerned", "that Sanders' tactics could make it harder")),
        ("Republicans have been critical of Clinton's use of personal email.",
         ("Republicans", "critical", "Clinton's use of personal email")),
    ],
)
def test_reported_stance_adjective(nlp, text, expected):
    assert reports(nlp, text) == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The critical vote is on Tuesday.",  # attributive: nobody holds a stance
        "It was a happy day.",
    ],
)
def test_reported_adjective_without_holder_is_no_report(nlp, text):
    assert reports(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trump's call for a temporary ban on Muslims drew criticism.",
         ("Trump", "call", "a temporary ban on Muslims")),
        ("Trump's proposal to ban Muslims is unpopular.", ("Trump", "proposal", "to ban Muslims")),
        ("Gillibrand, a supporter of Clinton, spoke on Monday.", ("Gillibrand", "supporter", "Clinton")),
        ("Fears that businesses will cut benefits grew.", (None, "Fears", "that businesses will cut benefits")),
    ],
)
def test_reported_noun_cue(nlp, text, expected):
    assert expected in reports(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A call for change echoed through the hall.",  # a stance noun with nobody holding it
        "Their effort to win the state failed.",  # a deed, not a position
        # "after" tells when the tweet came: the attack is not the tweeter's
        "Trump tweeted on Sunday after an attack on an Orlando nightclub.",
    ],
)
def test_reported_noun_without_position_is_no_report(nlp, text):
    assert reports(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, speaker",
    [
        ("About 4 in 10 say they want the next president to have more liberal policies.", "About 4 in 10"),
        ("9:30 p.m.\nDonald Trump says he may move to the South.", "Donald Trump"),  # not the dateline
        ("The major Super PAC backing Jeb Bush spent millions.", "The major Super PAC"),
    ],
)
def test_reported_speaker_found_where_the_parse_hides_it(nlp, text, speaker):
    assert [s for s, _, _ in reports(nlp, text)] == [speaker]


@pytest.mark.model
@pytest.mark.parametrize("text", ["The Latest: Mourners say Ali's death is tough given US politics.\n"])
def test_reported_headline_label_is_no_speaker(nlp, text):
    assert "The Latest" not in [s for s, _, _ in reports(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("According to the exit polls, majorities of Democratic voters in Alabama want a continuation of "
         "Obama's policies.",
         ("the exit polls", "According to",
          "majorities of Democratic voters in Alabama want a continuation of Obama's policies")),
        ("They want the Syrian refugees to come to the United States.",
         ("They", "want", "the Syrian refugees to come to the United States")),
    ],
)
def test_reported_content_takes_the_words_the_parse_gave_elsewhere(nlp, text, expected):
    assert expected in reports(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ted Cruz is calling for some of his Republican rivals to drop out.",
         ("Ted Cruz", "calling", "some of his Republican rivals to drop out")),
        ("Sanders called on Michigan Gov. Rick Snyder to resign over the crisis.",
         ("Sanders", "called", "Michigan Gov. Rick Snyder to resign over the crisis")),
    ],
)
def test_reported_call_for_someone_to_act(nlp, text, expected):
    assert expected in reports(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Obama will make the case that Clinton is uniquely qualified.",
         ("Obama", "make", "that Clinton is uniquely qualified")),
        ("Trump took a swipe at Jeb Bush.", ("Trump", "took", "Jeb Bush")),
        ("He sees Cruz as a uniter.", ("He", "sees", "Cruz as a uniter")),
        ("A poll shows Sanders leading Clinton nationally.", ("A poll", "shows", "Sanders leading Clinton nationally")),
    ],
)
def test_reported_light_verbs_views_and_evidence(nlp, text, expected):
    assert expected in reports(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Trump took a plane to Iowa.",  # a light verb with no statement noun
        "She saw him at the rally.",  # seeing, not a view: no "as"
        "The dog found a bone.",  # finding, not evidence
        # the writer's turns of phrase: nobody says anything
        "It goes without saying that raising taxes on the rich is anathema to Republicans.",
        "Suffice it to say that the plan failed.",
        "The result was disappointing, to say the least.",
    ],
)
def test_reported_plain_uses_of_those_verbs_are_no_report(nlp, text):
    assert reports(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, content",
    [
        # the writer's contrast after the reported clause is not part of it
        ("Most said stricter gun laws would help prevent gun violence, though they blame failures in the "
         "mental health system.", "stricter gun laws would help prevent gun violence"),
        ("He said that he will support the party's nominee, even as he has taken frequent shots at Trump.",
         "that he will support the party's nominee"),
        ("Ramos, who lives in Miami, considers himself an immigrant even though he has acquired US citizenship.",
         "himself an immigrant"),
        # a comparison of like with like is one finding, not the writer's contrast
        ("The outcome showed Clinton had received 49.84 percent while Sanders received 49.59 percent.",
         "Clinton had received 49.84 percent while Sanders received 49.59 percent"),
        # a sentence opener ties the sentence to the one before it
        ("But, according to the poll, 46 percent of Republican voters remain undecided.",
         "46 percent of Republican voters remain undecided"),
        ("And yet, Mrs. Clinton's aides say, Syria remains a priority for her.", "Syria remains a priority for her"),
        ("But the plan will fail, she said.", "the plan will fail"),
        # "according to" inside a subordinate clause speaks for that clause only
        ("Voters left the party because, according to the survey, they felt betrayed by its leaders.",
         "they felt betrayed by its leaders"),
        # where it was said is no part of what was said
        ("Limbaugh praised his endorsement this week on his regular radio call-in show.", "his endorsement"),
        ("Trump attacked himself on Twitter.", "himself"),
        # a topic after "on" stays
        ("Republicans called the GOP's bluff on Merrick Garland.", "the GOP's bluff on Merrick Garland"),
        # what a poll shows of someone goes with them
        ("Recent polls show Clinton with a double-digit lead.", "Clinton with a double-digit lead"),
        # the sentence before a trailing "a poll shows"
        ("Battleground Senate races in Ohio, Pennsylvania and Florida are all close, a Quinnipiac University poll shows.",
         "Battleground Senate races in Ohio, Pennsylvania and Florida are all close"),
        # a bare infinitive the parse joined to the past-tense cue goes on with the content's "to"
        ("Clinton touted her proposals to invest $275 billion in infrastructure, expand Social Security benefits, "
         "and enable debt-free college.",
         "her proposals to invest $275 billion in infrastructure, expand Social Security benefits, and enable "
         "debt-free college"),
        ("Sanders urged the platform to acknowledge different views, and strike anti-LGBT language that was in the "
         "2012 document.",
         "the platform to acknowledge different views, and strike anti-LGBT language that was in the 2012 document"),
        # what a colon announces, in the writer's own lower-case words, goes with the content
        ("He warned of the one thing such times inspire: the fear of showing up late to the next war.",
         "the one thing such times inspire: the fear of showing up late to the next war"),
        # the day or the occasion right after a quoted name says when it was said
        ("Christie blasted Clinton as a “disgrace” Wednesday on The Laura Ingraham Show.",
         "Clinton as a “disgrace”"),
        ("Bill Clinton criticized the Affordable Care Act as a “crazy system” during a presidential campaign stop in "
         "Flint, Mich., for his wife Hillary Clinton.", "the Affordable Care Act as a “crazy system”"),
        # a pronoun after the colon starts a sentence of its own
        ("He noted that he is the only other candidate to win a state: he also captured Iowa last month.",
         "that he is the only other candidate to win a state"),
    ],
)
def test_reported_content_boundaries(nlp, text, content):
    assert content in [c for _, _, c in reports(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("She has said little about the plan.", [("She", "said", "the plan")]),
        ("Sanders spoke about immigration at the rally.", [("Sanders", "spoke", "immigration")]),
        ("About 26 percent said the same.", [("About 26 percent", "said", "the same")]),
        ("He spoke to reporters on Monday.", []),  # an audience and a day, no topic
    ],
)
def test_reported_what_was_spoken_about(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("In the new Post-ABC poll, the real estate mogul wins about 1 in 3 GOP primary voters.",
         [("the new Post-ABC poll", "In", "the real estate mogul wins about 1 in 3 GOP primary voters")]),
        ("In the morning, Trump left for Iowa.", []),  # a time, not evidence
        # a poll named last speaks for the clause it closes, on the verb or on its object
        ("Clinton held a 24-point lead over Obama among black voters in a CNN national poll.",
         [("a CNN national poll", "in", "Clinton held a 24-point lead over Obama among black voters")]),
        ("Trump has a decisive lead in the polls.", [("the polls", "in", "Trump has a decisive lead")]),
        # guards: a report or a record named last is where something was; a poll mid-sentence is no source
        ("He was mentioned in the report.", []),
        ("She gained in the polls after the debate.", []),
        ("Her attack on Sanders was sharp.", [("Her", "attack", "Sanders")]),
    ],
)
def test_reported_polls_named_first_or_last_and_stance_nouns(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Democrats appeared pleased with Clinton.", [("Democrats", "pleased", "Clinton")]),
        ("Democrats did not seem to be worried about division within the party.",
         [("Democrats", "worried", "division within the party")]),
    ],
)
def test_reported_stance_inside_seeming_is_the_report(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("They are convinced that the president could have done more.",
         [("They", "convinced", "that the president could have done more")]),
        ("Voters are evenly divided on the issue of terrorism.", [("Voters", "divided", "the issue of terrorism")]),
        ("The party is divided.", []),  # no object: nothing held
    ],
)
def test_reported_stance_adjective_parsed_as_participle(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Obama decided to make Israel his first destination.",
         [("Obama", "decided", "to make Israel his first destination")]),
        ("Cruz looks to build on his momentum.", [("Cruz", "looks", "to build on his momentum")]),
        ("Gay Republicans push for pro-LGBT language in the platform.",
         [("Gay Republicans", "push", "pro-LGBT language")]),
        ("He looked at the data.", []),
        ("They tried to stop him.", []),  # an attempt, not a position
    ],
)
def test_reported_intentions_and_pushes(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        ("When asked whom she supported, Ms. Sherry said she was undecided.", "asked", None),
        ("Trump was asked if he would fundraise.", "asked", None),
        # the tagger reads a sentence's first "Asked" as a past tense: it is still the one asked
        ("Asked what a firm commitment looks like, Devine replied: “We are a long way off from that.”", "Asked", None),
        ("Asked what that might look like, she said: \"We'll figure that out, if and when.\"", "Asked", None),
        ("He was criticized by his rivals for lying.", "criticized", "his rivals"),
    ],
)
def test_reported_passive_speaker_is_the_agent_only(nlp, text, cue, speaker):
    assert [s for s, c, _ in reports(nlp, text) if c == cue] == [speaker]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Republicans raised questions about whether he would drop out.", []),  # raised, not held
        ("His questions about the platform went unanswered.", [("His", "questions", "the platform")]),
        ("The debate over refugees grew.", []),  # nobody holds it: a position needs a holder
    ],
)
def test_reported_topic_noun_needs_a_holder(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The Republican presidential candidate plans to be back in South Carolina later Saturday.",
         "The Republican presidential candidate"),
        ("Donald Trump's campaign plans to spend upward of $10 million on commercials.", "campaign"),
    ],
)
def test_reported_speaker_of_a_mistagged_plan(nlp, text, speaker):
    assert [s for s, _, _ in reports(nlp, text)] == [speaker]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a stance verb in the passive: the agent holds a stance on the subject
        ("The move was hotly criticized by left-leaning economists.",
         [("left-leaning economists", "criticized", "The move")]),
        # the relative pronoun stands for the object, the other subject holds the stance
        ("He denounced the plan, which Trump once supported.",
         [("He", "denounced", "the plan"), ("Trump", "supported", "which")]),
    ],
)
def test_reported_passive_and_relative_objects(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # the content on both sides of "he said" is in two parts
        ("He counted the ballots, which he said were about evenly split between Trump and Cruz.",
         ("he", "said", "which | were about evenly split between Trump and Cruz")),
        # a passive's subject is part of what is expected of it
        ("Trump is expected to deliver a victory speech later tonight.",
         (None, "expected", "Trump | to deliver a victory speech later tonight")),
        ("She is seen by other leaders of the party as uniquely credible.",
         ("other leaders of the party", "seen", "She | as uniquely credible")),
    ],
)
def test_reported_content_in_two_parts_around_the_cue(nlp, text, expected):
    assert expected in reports(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # "42% say X" parsed as a clause of the next "say" is a report of its own
        ("About 42% say they're liberal, 26% say they are conservative.",
         ["they're liberal", "they are conservative"]),
        ("Four in 10 voters see the campaign of Donald Trump as most unfair.",
         ["the campaign of Donald Trump as most unfair"]),
        ("Obama made clear that meeting relatives has an impact.", ["that meeting relatives has an impact"]),
        ("She made it clear that she has their backs.", ["that she has their backs"]),
        ("Sanders takes aim at the billionaire class.", ["the billionaire class"]),
        ("He made those comments on Monday.", ["those comments"]),  # a time is no topic
        ("Trump echoed that promise on Monday.", ["that promise"]),
        ("At first it seemed like an impossible task.", ["it | like an impossible task"]),
        ("In fact, neither plan would work, he said.", ["neither plan would work"]),  # the writer's link
    ],
)
def test_reported_contents(nlp, text, expected):
    assert [content for _, _, content in reports(nlp, text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # an intention's content ends before a second report joined to it
        ("Clinton called for the United States to attack the oil and proposed a safe zone inside Syria.",
         [("Clinton", "called", "the United States to attack the oil"),
          ("Clinton", "proposed", "a safe zone inside Syria")]),
        # a trailing "while" clause with its own subject is not part of the accusation
        ("Clinton accused Sanders of a smear while Sanders suggests she is a captive of the establishment.",
         [("Clinton", "accused", "Sanders of a smear"),
          ("Sanders", "suggests", "she is a captive of the establishment")]),
    ],
)
def test_reported_content_ends_before_another_report(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Her decision to open the borders angered voters.", [("Her", "decision", "to open the borders")]),
        ("Her long support for stem cell research is well known.", [("Her", "support", "stem cell research")]),
        ("Candidates disavowed the remarks.", [("Candidates", "disavowed", "the remarks")]),
    ],
)
def test_reported_more_cue_words(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a Title Case headline whose verb the parse took for a name
        ("Jeb Bush Super PAC Chief Praises Marco Rubio Donor’s Anti-Donald Trump Skywriting Campaign.",
         [("Jeb Bush Super PAC Chief", "Praises", "Marco Rubio Donor’s Anti-Donald Trump Skywriting Campaign")]),
        ("Fox News Debate Draws Record Audience.", []),  # no speech or stance verb
    ],
)
def test_reported_title_case_headline(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
def test_reported_title_case_headline_verb_never_follows_of(nlp):
    # "State" after "of" is part of an office ("Secretaries of State"), not the headline's verb
    text = "US Secretaries of State and Defense Hold Talks in South Korea\n\nThe talks began."
    assert "State" not in [cue for _, cue, _ in reports(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause after the verb is its content, not the one before a colon
        ("It is on social issues that they lean left: 42% say they're liberal, 34% conservative.",
         ["they're liberal, 34% conservative"]),
        # "said" misread as an adjective of the noun after it
        ("About half said they were very worried about the economy, and more than 4 in 10 said billionaire "
         "Donald Trump would be best at handling the economy.",
         ["they were very worried about the economy",
          "billionaire Donald Trump would be best at handling the economy"]),
    ],
)
def test_reported_several_poll_clauses(nlp, text, expected):
    assert [content for _, _, content in reports(nlp, text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trump called him a liar.", ["him a liar"]),
        ("He called a donor on Friday.", []),  # whom he called, not what he said
        ("Reporters asked Trump.", []),
        ("Trump asked his supporters to raise their right hands.", ["his supporters to raise their right hands"]),
        ("He founded a group called Citizens for Trump.", []),  # a name, nobody's view
    ],
)
def test_reported_call_and_ask_need_more_than_whom(nlp, text, expected):
    assert [content for _, _, content in reports(nlp, text)] == expected


@pytest.mark.model
def test_reported_statement_noun_under_a_speech_verb_is_held_by_its_subject(nlp):
    # "says in a statement that ...": the statement is Weaver's, not nobody's.
    assert reports(nlp, "John Weaver says in a statement that the campaign will go on.") == [
        ("John Weaver", "statement", "that the campaign will go on")]


# -- cue frames learned from PolNeAR train -----------------------------------------------------


@pytest.fixture
def learned(monkeypatch):
    """A learned table of our own, so the tests do not hang on what the mining kept."""
    from briefing.analysis import learned_cues

    table = {"mourn/VERB/dobj": (4, 4), "campaign/VERB/prep:for": (6, 6), "vote/VERB/xcomp": (8, 10),
             "failure/NOUN/acl": (3, 5), "say/VERB/dobj": (1, 1), "know/VERB/dobj": (3, 4),
             "*/VERB/prep:about": (47, 85)}
    monkeypatch.setattr(learned_cues, "LEARNED_FRAMES", table)
    return table


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Cruz mourned the lack of a deal.", ("Cruz", "mourned", "the lack of a deal")),
        ("Sanders campaigned for Clinton.", ("Sanders", "campaigned", "Clinton")),
        ("Republicans voted to repeal the law.", ("Republicans", "voted", "to repeal the law")),
        ("She mourned the cuts, which hit farmers.", ("She", "mourned", "the cuts")),
        ("His failure to win Ohio hurt him.", ("His", "failure", "to win Ohio")),
        # a listed verb whose own rule finds nothing ("know" wants a clause)
        ("Voters know the risks.", ("Voters", "know", "the risks")),
        # a frame learned for any verb
        ("Sanders fretted about the deal.", ("Sanders", "fretted", "the deal")),
    ],
)
def test_reported_learned_frame_reports_its_dependent(nlp, learned, text, expected):
    assert reports(nlp, text) == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The lack of a deal was mourned.",  # passive without an agent: no holder
        "It mourned the lack of a deal.",  # "it" holds no stance
        "Sanders campaigned on Monday.",  # a time, and not the frame
        "Sanders campaigned in Ohio.",  # a frame not in the table
    ],
)
def test_reported_learned_frame_needs_holder_and_frame(nlp, learned, text):
    assert reports(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a listed cue whose own rule reports keeps that report alone
        ("Trump said nothing.", [("Trump", "said", "nothing")]),
        # a learned cue inside another report's content is part of that report
        ("Trump said that Republicans voted to repeal the law.",
         [("Trump", "said", "that Republicans voted to repeal the law")]),
    ],
)
def test_reported_learned_frame_yields_to_listed_rules(nlp, learned, text, expected):
    assert reports(nlp, text) == expected


def test_reported_learned_table_is_well_formed():
    from briefing.analysis.learned_cues import LEARNED_FRAMES

    for key, (hits, support) in LEARNED_FRAMES.items():
        lemma, pos, frame = key.split("/")
        assert lemma and pos in ("VERB", "NOUN", "ADJ") and frame
        assert 0 < hits <= support


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("They released a survey showing broad support for the plan.",
         [("a survey", "showing", "broad support for the plan")]),
        ("They released a video showing the rally.", []),  # a video is no evidence that speaks
    ],
)
def test_reported_evidence_participle_speaks(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a perfect participle in a "while"/"though" clause is the subject's own act, not "When asked ..."
        ("While the president has repeatedly said he opposes the deal, his aides disagree.", "said", "the president"),
        ("He will run again, though he has vowed to stay out of the race.", "vowed", "he"),
    ],
)
def test_reported_perfect_participle_in_clause_keeps_its_subject(nlp, text, cue, speaker):
    assert [s for s, c, _ in reports(nlp, text) if c == cue] == [speaker]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a clause mostly in quotation marks, held whole after words of its own, is the report
        ("He said that members are “Latino, non-Latino, Mexican, non-Mexican, Caucasian.”",
         [("He", "said", "that members are “Latino, non-Latino, Mexican, non-Mexican, Caucasian.”")]),
        # the quotation's own cue inside the clause: the quotation is its cue's, not the outer verb's
        ("(That said, she also noted, “When you attack him, he will punch back 10 times harder.”)", []),
    ],
)
def test_reported_clause_wrapping_its_quotation(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, content",
    [
        # "nor" carries the negation: without it the content says the opposite
        ("Nor are tariffs likely to bring jobs back, he said.", "Nor are tariffs likely to bring jobs back"),
        ("But tariffs are not likely to bring jobs back, he said.", "tariffs are not likely to bring jobs back"),
    ],
)
def test_reported_content_keeps_a_negating_conjunction(nlp, text, content):
    assert [c for _, cue, c in reports(nlp, text) if cue == "said"] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, speaker, cue, fragment",
    [
        # the fragment's report keeps both two-character marks of the ''...'' convention whole,
        # and a verb of speech in a relative clause on the speaker is its cue
        ("''Revenues are up a little bit, and so are rounds,'' said Mr. Ekovich, who noted that during the "
         "years of the recession the price of some golf courses had ''cratered'' to about half their former value.",
         "Mr. Ekovich, who", "noted", "cratered"),
    ],
)
def test_reported_partial_quote_report_keeps_whole_marks(nlp, text, speaker, cue, fragment):
    found = [(s, c, content) for s, c, content in reports(nlp, text) if fragment in content]
    assert len(found) == 1
    s, c, content = found[0]
    assert (s, c) == (speaker, cue)
    assert content.endswith("''") and not content.startswith("'" + fragment)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, content",
    [
        # the parse takes the day for the verb's object
        ("Democratic presidential candidate Bernie Sanders promised Monday to begin taking executive action "
         "on immigration reform.", "to begin taking executive action on immigration reform"),
        # the day and the place, then an infinitive the parse hung on the verb as a modifier
        ("Sanders promised Sunday at a Las Vegas rally to end “the excessively wasteful $18 million "
         "deportation regime.”", "to end “the excessively wasteful $18 million deportation regime.”"),
        # a time that is the content's own subject stays
        ("She said last year was hard.", "last year was hard"),
    ],
)
def test_reported_content_leaves_out_when_and_where_it_was_said(nlp, text, content):
    assert [found for _, _, found in reports(nlp, text)] == [content]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, source, content",
    [
        # "according to" vouches for the quotation and its report, not for a bare "O’Malley said"
        ("“I think one has to ask, is this a priority for them because it’s an election year?” O’Malley said "
         "at a press conference, according to the Las Vegas Sun.",
         "the Las Vegas Sun",
         "I think one has to ask, is this a priority for them because it’s an election year?” O’Malley said "
         "at a press conference"),
        ("“Delegates are and should be able to vote the way they see fit,” Walker said, according to an "
         "Associated Press account.",
         "an Associated Press account",
         "Delegates are and should be able to vote the way they see fit,” Walker said"),
        # no quotation: the reported clause alone, as before
        ("The plan will fail, Walker said, according to the Associated Press.",
         "the Associated Press", "The plan will fail, Walker said"),
    ],
)
def test_reported_according_to_takes_in_the_quotation_it_vouches_for(nlp, text, source, content):
    assert (source, "according to", content) in reports(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Former President Bill Clinton agreed with the analysis.",
         [("Former President Bill Clinton", "agreed", "the analysis")]),
        ("Politicians disagree on how it should happen.", [("Politicians", "disagree", "how it should happen")]),
        ("Sanders believes in free trade.", [("Sanders", "believes", "free trade")]),
        ("Trump lashed out at the press.", [("Trump", "lashed", "the press")]),
        # no one holds it: "it" names no source, a passive has no holder, a day is no topic
        ("It agreed with the data.", []),
        ("The terms were agreed on by both sides.", []),
        ("They agreed on Monday.", []),
        # a person agreed with is no stance: what was agreed is said elsewhere, if at all
        ("Suh agreed with Austin.", []),
        ("Trump lashed out at him.", []),
    ],
)
def test_reported_verb_preposition_object_is_the_stance(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sanders was less shy about Wall Street.", [("Sanders", "shy", "Wall Street")]),
        ("Mr. Hannity is unapologetic about his aim.", [("Mr. Hannity", "unapologetic", "his aim")]),
        ("They were sensitive about the trip.", [("They", "sensitive", "the trip")]),
        # the parse takes the adjective for a noun after "been"
        ("Clinton has been cagey about where she stands.", [("Clinton", "cagey", "where she stands")]),
        ("Trump was the story about the race.", []),  # a noun with its determiner names no attitude
        # no one named holds it
        ("The report is vague about the costs.", []),
        ("It was unclear about the costs.", []),
    ],
)
def test_reported_predicate_adjective_about_something_is_an_attitude(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bernie Sanders recalled the visit.", [("Bernie Sanders", "recalled", "the visit")]),
        ("Google confirmed the meeting.", [("Google", "confirmed", "the meeting")]),
        # a pronoun or a common noun subject: no named holder
        ("He recalled the visit.", []),
        ("The test confirmed the diagnosis.", []),
    ],
)
def test_reported_object_held_by_a_named_subject(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Some members have been sympathetic to free trade arguments.",
         [("Some members", "sympathetic", "free trade arguments")]),
        ("He is deeply mistrustful of the political establishment.",
         [("He", "mistrustful", "the political establishment")]),
        ("Sanders is uncomfortable on foreign policy.", [("Sanders", "uncomfortable", "foreign policy")]),
    ],
)
def test_reported_more_stance_adjectives(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        ("However, he is better known as a Dallas Cowboys fan.", [(None, "known", "he | a Dallas Cowboys fan")]),
        ("Ginsburg is known for her liberal bent.", [(None, "known", "Ginsburg | her liberal bent")]),
        ("Obama will be remembered as a liberal champion.", [(None, "remembered", "Obama | a liberal champion")]),
        # a name given with no "be" is no repute
        ("Clinton won the contests known as Super Tuesday.", []),
    ],
)
def test_reported_passive_of_repute(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # the parse calls the subject of "'s been" passive
        ("He's been an outspoken critic of George W. Bush.", [("He", "critic", "George W. Bush")]),
        ("Mr. Weber is no fan of Trump.", [("Mr. Weber", "fan", "Trump")]),
        ("The fan of the team cheered.", []),  # no holder: nobody's stance
    ],
)
def test_reported_stance_noun_after_be(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
def test_reported_content_leaves_the_cleft_clause_out(nlp):
    # "It was X that raised hackles": the clause belongs to the cleft, not to what was suggested
    text = ("Instead, it was Trump’s suggestion that the people in the room would not support him "
            "because he did not want their money that raised hackles.")
    assert ("Trump", "suggestion",
            "that the people in the room would not support him because he did not want their money") in reports(nlp, text)


@pytest.mark.model
def test_reported_content_keeps_a_relative_clause_outside_a_cleft(nlp):
    text = "Trump suggested that the people in the room did not want the money that he raised."
    assert ("Trump", "suggested", "that the people in the room did not want the money that he raised") in reports(nlp, text)


@pytest.mark.model
def test_reported_name_in_a_by_phrase_before_the_verb_is_no_speaker(nlp):
    # the parse left "came" with no subject; the name before it only goaded
    text = ("During the primary Clinton, goaded by Sanders, came out against the Trans-Pacific Partnership "
            "and the Cadillac Tax on expensive health plans.")
    assert all(speaker != "Sanders" for speaker, _, _ in reports(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # the parse hangs the question on "asked" as an adverbial clause
    ("HuffPost asked the Democratic contender if he had been preparing himself mentally for the possibility.",
     ("HuffPost", "asked", "if he had been preparing himself mentally for the possibility")),
    ("In an interview in August, the actress was asked if she had ever been discriminated against.",
     (None, "asked", "if she had ever been discriminated against")),
    # the object of "led", "prompted", "forced" does what the infinitive says
    ("The decisive victory led Republican National Committee Chairman Reince Priebus to declare him the "
     "presumptive nominee.", ("Republican National Committee Chairman Reince Priebus", "declare",
                              "him the presumptive nominee")),
    # not the object of "used": the user does it
    ("Radio host Rush Limbaugh used his platform on Friday to discuss the decision Trump made.",
     ("Radio host Rush Limbaugh", "discuss", "the decision Trump made")),
    # a letter or statement someone wrote or released speaks for them
    ("Ayotte wrote a letter congratulating organizers for establishing a cultural center in 2013.",
     ("Ayotte", "congratulating", "organizers for establishing a cultural center in 2013")),
    ("Gowdy released a statement highlighting the role Congress played in uncovering the truth.",
     ("Gowdy", "highlighting", "the role Congress played in uncovering the truth")),
    # "denied the notion that X is coming, explaining ...": the one who denied explains, not X
    ("Reached by POLITICO, Bennett denied the notion that a campaign shakeup is coming, explaining that he was "
     "unaware of the interview because he was taking a day off.",
     ("Bennett", "explaining", "that he was unaware of the interview because he was taking a day off")),
    # the parse made "said" the root over the clause: the sentence before ", police said" is what they said
    ("As GOP front-runner Donald Trump prepared to speak to supporters in Wisconsin on Tuesday, a 15-year-old "
     "girl outside the venue was pepper-sprayed by another bystander, police said.",
     ("police", "said", "As GOP front-runner Donald Trump prepared to speak to supporters in Wisconsin on Tuesday, "
      "a 15-year-old girl outside the venue was pepper-sprayed by another bystander")),
    # a name right after its verb is that verb's object, not a subject stranded before the next verb
    ("Rep. Gwen Graham slams Trump, praises Clinton as a work horse.",
     ("Rep. Gwen Graham", "praises", "Clinton as a work horse")),
    # a past tense joined to a clause under "would" goes on with the one who forecast, not the clause's subject
    ("Mr. Putin forecast that the slumping economy would soon rebound and praised efforts by Secretary of State "
     "John Kerry to find a political solution in Syria.",
     ("Mr. Putin", "praised", "efforts by Secretary of State John Kerry to find a political solution in Syria")),
    # a partial quotation's report never takes in its own cue: "according to" reports the sentence around it
    ("Over the long term, according to the budget office, the rise in annual deficits and debt ''is mainly "
     "attributable to the aging of the population and rising health care costs.''",
     ("the budget office", "according to", "Over the long term | the rise in annual deficits and debt ''is mainly "
      "attributable to the aging of the population and rising health care costs")),
    # each report's content holds the other's cue: the outer one stays, not neither
    ("The AP reported that, according to an analysis of her calendar, 85 of the 154 meetings Clinton had "
     "with individuals were with foundation donors.",
     ("The AP", "reported", "that, according to an analysis of her calendar, 85 of the 154 meetings Clinton "
      "had with individuals were with foundation donors")),
    # the question's object, hung on "asked", opens what was asked
    ("Asked what characteristics he would like the Republican party’s nominee to embody, Adelson said, “They "
     "have got to be able to win.”",
     (None, "Asked", "what characteristics he would like the Republican party’s nominee to embody")),
    # a "that" clause right after a noun of saying is what the noun reports, wherever the parse hung it
    ("He was challenged over his statement on Wednesday that Islam hates us, but he kept his temper.",
     ("his", "statement", "that Islam hates us")),
    ("The union is unlikely to back Clinton after her March comment that, “We're going to put a lot of coal "
     "companies out of business.”",
     ("her", "comment", "that, “We're going to put a lot of coal companies out of business.”")),
    # a report the parse hung before what a later verb reports is a report of its own
    ("Soon after the murder in Normandy, Trump asserted that France had lost its identity: “France is no "
     "longer France,” he claimed.",
     ("Trump", "asserted", "that France had lost its identity")),
    # ... unless the later verb reports it: "X, the footage showed"
    ("Bamberg said the videos do not show whether Scott has anything in his hands, the footage showed.",
     ("Bamberg", "said", "the videos do not show whether Scott has anything in his hands, the footage showed")),
    # a headline above is no part of the sentence below it
    ("China rebuts American criticism on overcapacity; \n\n\nWashington did not complain when China's spending "
     "helped global growth, a Chinese official said.",
     ("a Chinese official", "said", "Washington did not complain when China's spending helped global growth")),
    # a closing mark that opens a paragraph is not the content's
    ("Mark Barabak noted that the way Pence carried himself was critical.\n\n” … he delivered a mix of "
     "conservative orthodoxy with a coolness that Reagan might have admired, Barabak wrote.",
     ("Barabak", "wrote", "he delivered a mix of conservative orthodoxy with a coolness that Reagan might have "
      "admired")),
    # each cue's content holds the other's cue: the source named last vouches for the whole
    ("Ohio Gov. John Kasich said he would have fired Lewandowski if such an incident had happened in his campaign, "
     "according to press reports.",
     ("press reports", "according to", "Ohio Gov. John Kasich said he would have fired Lewandowski if such an "
      "incident had happened in his campaign")),
    # the parse made the name the root and the verb a participle of it: the verb is the sentence's own
    ("Beruff, a Scott ally, called Florida’s standards “strong.”",
     ("Beruff, a Scott ally", "called", "Florida’s standards “strong.”")),
    # a verb of naming right before the quoted name names it, however the parse hung the quotation
    ("Early in his campaign, Trump attacked Romney, calling him, among other things, “a failed candidate.”",
     ("Trump", "calling", "him, among other things, “a failed candidate.”")),
    ("Trump formally announced his running mate, calling Indiana Gov. Mike Pence \"my partner in this campaign and "
     "in the White House.\"", ("Trump", "calling", "Indiana Gov. Mike Pence \"my partner in this campaign and in the "
                              "White House.\"")),
    ("Trump formally announced his running mate, calling Indiana Gov. Mike Pence \"my partner in this campaign and "
     "in the White House.\"", ("Trump", "announced", "his running mate")),
    # verbs of saying and reasoning that take a "that" clause ("sniped" is lemmatized "snip")
    ("Walter Hewlett sniped that Fiorina, a first-time chief executive, was \"learning on the job.\"",
     ("Walter Hewlett", "sniped", 'that Fiorina, a first-time chief executive, was "learning on the job."')),
    ("Heritage Foundation economists posited that the unemployment rate would fall.",
     ("Heritage Foundation economists", "posited", "that the unemployment rate would fall")),
    ("Christie endorsed Trump on Friday, clarifying that he was the best candidate but that Trump is the best of "
     "the rest.",
     ("Christie", "clarifying", "that he was the best candidate but that Trump is the best of the rest")),
])
def test_reported_speaker_cue_and_content(nlp, text, expected):
    assert expected in reports(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # the clause is the verb's report, not a second one of the noun before it
        ("Clinton said in a statement that the plan would fail.", [("Clinton", "said", "that the plan would fail")]),
        # a noun that names no saying reports nothing
        ("Trump told supporters Tuesday night that we close one chapter in history.",
         [("Trump", "told", "that we close one chapter in history")]),
        # the parse hangs the clause on the occasion as a relative clause; "that" with a subject after it is no
        # relative pronoun
        ("Trump told The New York Times editorial board in an off-the-record meeting that he may not follow "
         "through with his immigration measures.",
         [("Trump", "told", "that he may not follow through with his immigration measures")]),
        ("Christian Estrosi, a former mayor of Nice, said in one of a series of Twitter messages that the truck "
         "was carrying arms.",
         [("Christian Estrosi, a former mayor of Nice", "said", "that the truck was carrying arms")]),
    ],
)
def test_reported_clause_after_noun_under_a_verb_of_saying(nlp, text, expected):
    assert reports(nlp, text) == expected


@pytest.mark.model
def test_reported_content_closes_the_bracket_it_opens(nlp):
    # the parse hangs the closing bracket on the verb; the content shows it closed
    text = ("These wealthy donors were upset after Obama called Wall Street bankers “fat cats” and proposed "
            "raising taxes on investment income (which Clinton also supports).")
    contents = [content for _, _, content in reports(nlp, text)]
    assert "raising taxes on investment income (which Clinton also supports)" in contents

