"""Direct quotations: mark pairing, attribution, and the sample's tricky cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from briefing.analysis import combine_reports
from briefing.analysis.quotes import (
    Attribution,
    embedded_posts,
    find_quotes,
    is_markup,
    is_title,
    noun_phrase,
    quote_groups,
    run_on,
    speaker_span,
    subject_of,
)

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "us-secretaries-of-state-and-defense-in-seoul.txt"

VOCAB = spacy.blank("en").vocab


def parsed(words, spaces, heads, deps, pos, lemmas):
    """A Doc built by hand: heads are absolute token indices."""
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def texts(text, groups):
    return [[text[s.start:s.end] for s in g] for g in groups]


# -- pairing marks (no model) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will win,” she said.", [["We will win,"]]),
        ('"We will win," she said.', [["We will win,"]]),
        ("''We will win,'' she said.", [["We will win,"]]),
        # apostrophes are not quote marks
        ("“I don’t take Jones’ view of the ’90s,” Kim said.", [["I don’t take Jones’ view of the ’90s,"]]),
        # a quote inside a quote stays inside
        ("“He called it ‘a disaster’ today,” she said.", [["He called it ‘a disaster’ today,"]]),
        # a headline's single quotes
        ("Sanders: ‘Of Course’ She Is Qualified", [["Of Course"]]),
        # a writer nesting double marks in double marks: the outer quotation is whole
        ("“His claim that it “has to do with Israel” is absurd,” wrote Klein.",
         [["His claim that it “has to do with Israel” is absurd,"]]),
        ('"He said "no" to me," she said.', [['He said "no" to me,']]),
        # straight marks wrapped round a curly quotation are a paste's, not a quotation
        ('"“We win,” he said after."', [["We win,"]]),
        # a second opening mark after an unclosed one is a slip, not nesting
        ("“Never closed, he said. Then “fine” here.", [["fine"]]),
        # an unclosed mark spoils only its paragraph
        ("“Never closed, she said.\nThen “fine” here.", [["fine"]]),
        # a quote over two paragraphs: no closing mark, the next opens again
        ("“First part.\n\n“Second part,” he said.", [["First part.", "Second part,"]]),
        ("", []),
        ("no marks at all", []),
        ("“”", []),
    ],
)
def test_quotes_pairs_marks_by_paragraph(text, expected):
    assert texts(text, quote_groups(text)) == expected


@pytest.mark.parametrize("text", ["“", "”", '"', "a “b” c ” d “", "\n\n“\n”\n", "’’’", "''''", "“ ” “"])
def test_quotes_pairing_survives_odd_marks(text):
    for group in quote_groups(text):
        for seg in group:
            assert 0 <= seg.start <= seg.end <= len(text)


# -- attribution on hand-built parses (no model) -------------------------------------------


def she_said_doc():
    # “We will win,” she said.
    words = ["“", "We", "will", "win", ",", "”", "she", "said", "."]
    spaces = [False, True, True, False, False, True, True, False, False]
    heads = [7, 3, 3, 7, 7, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"]
    lemmas = ["“", "we", "will", "win", ",", "”", "she", "say", "."]
    return parsed(words, spaces, heads, deps, pos, lemmas)


def scare_quote_doc():
    # Before the “2+2” meeting they met.
    words = ["Before", "the", "“", "2+2", "”", "meeting", "they", "met", "."]
    spaces = [True, True, False, False, True, True, True, False, False]
    heads = [7, 5, 5, 5, 5, 0, 7, 7, 7]
    deps = ["prep", "det", "punct", "compound", "punct", "pobj", "nsubj", "ROOT", "punct"]
    pos = ["ADP", "DET", "PUNCT", "NUM", "PUNCT", "NOUN", "PRON", "VERB", "PUNCT"]
    lemmas = ["before", "the", "“", "2+2", "”", "meeting", "they", "meet", "."]
    return parsed(words, spaces, heads, deps, pos, lemmas)


@pytest.mark.parametrize("make", [she_said_doc])
def test_quotes_pronoun_speaker_and_cue(make):
    doc = make()
    (quote,) = find_quotes(doc)
    assert [doc.text[s:e] for s, e in quote.spans] == ["We will win,"]
    assert doc.text[slice(*quote.speaker)] == "she"
    assert doc.text[slice(*quote.cue)] == "said"
    assert not quote.partial


@pytest.mark.parametrize("make", [scare_quote_doc])
def test_quotes_term_without_cue_is_no_quote(make):
    assert find_quotes(make()) == []


@pytest.mark.parametrize(
    "doc",
    [
        Doc(VOCAB, words=[]),
        Doc(VOCAB, words=["“", "Unparsed", "words", "”"]),  # no sentences, no parse
        spacy.blank("en")("“ ” “ '' '' “a” ” ’s"),
    ],
)
def test_quotes_never_crash_on_odd_docs(doc):
    for quote in find_quotes(doc):
        assert isinstance(quote, Attribution)


# -- the sample article (model) ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_doc():
    from briefing.nlp import load_pipeline

    return load_pipeline()(SAMPLE.read_text(encoding="utf-8"))


def quotes_starting(doc, opening):
    return [q for q in find_quotes(doc) if doc.text[q.spans[0][0]:].startswith(opening)]


def quote_starting(doc, opening):
    found = quotes_starting(doc, opening)
    assert len(found) == 1, opening
    return found[0]


def speakers_of(nlp, text, opening):
    """The speaker, as written, of each quote of ``text`` that starts with ``opening``."""
    doc = nlp(text)
    return [said(doc, q.speaker) for q in quotes_starting(doc, opening)]


def said(doc, span):
    return doc.text[span[0]:span[1]] if span else None


@pytest.mark.model
@pytest.mark.parametrize(
    "opening, speaker, cue, partial",
    [
        ("We hope that the Korea-U.S.", "South Korean Foreign Minister Chung Eui-yong", "said", False),
        ("linchpin for peace", "Blinken", "agreed", True),
        ("to ensure the security", "Blinken", "emphasized", True),
        ("We’ll continue to work together", "Blinken", "said", False),
        ("hostile acts against", "Kim Yo Jong, sister of North Korean leader Kim Jong Un", "defined", True),
        ("Whatever and however", "she", "warned", False),
        ("[W]e cannot but put", "She", "added", False),
        ("causing a stink", "Kim", "warned", True),
    ],
)
def test_quotes_sample_speakers(sample_doc, opening, speaker, cue, partial):
    quote = quote_starting(sample_doc, opening)
    assert said(sample_doc, quote.speaker) == speaker
    assert said(sample_doc, quote.cue) == cue
    assert quote.partial is partial


@pytest.mark.model
@pytest.mark.parametrize("opening", ["I don’t take Kim Yo Jong’s statement"])
def test_quotes_sample_interrupted_quote_is_one_attribution(sample_doc, opening):
    quote = quote_starting(sample_doc, opening)
    parts = [sample_doc.text[s:e] for s, e in quote.spans]
    assert len(parts) == 2
    assert parts[1].startswith("It is important to pay attention")
    assert said(sample_doc, quote.speaker) == "Kim"
    assert said(sample_doc, quote.cue) == "said"


@pytest.mark.model
@pytest.mark.parametrize("term", ["2+2"])
def test_quotes_sample_meeting_name_is_no_quote(sample_doc, term):
    assert not any(term in sample_doc.text[s:e] for q in find_quotes(sample_doc) for s, e in q.spans)


@pytest.mark.model
@pytest.mark.parametrize("marks", ["“”\"‘’"])
def test_quotes_sample_spans_hold_no_outer_marks(sample_doc, marks):
    for quote in find_quotes(sample_doc):
        for s, e in quote.spans:
            words = sample_doc.text[s:e]
            assert words and words[0] not in marks and words[-1] not in marks and words == words.strip()


@pytest.mark.model
@pytest.mark.parametrize(
    "text, opening, speaker",
    [
        # the speaker comes in the next sentence
        ("“We are ready. We will win.” Kim said.\n", "We are ready", "Kim"),
        # a paragraph of pure quote after "X said:"
        ("The minister said:\n“We will not give up the talks.”\n", "We will not give up", "The minister"),
        # a sentence of a name and a bare verb of speech right before the quote, in its paragraph
        ("Iowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are running out of time.\"\n",
         "Mainstream Republicans", "Iowa State University's Dianne Bystrom"),
        ("Sam Lau, the director of the party, said in a statement. “There are no paper ballots to recount.”\n",
         "There are no paper ballots", "Sam Lau, the director of the party"),
        # ... or one reporting what was said, and the quotation goes on with it
        ("She said she and Obama had made progress. \"I really believe that the president has done a great job.\"\n",
         "I really believe", "She"),
        ("The tax plans are ''profoundly irresponsible,'' Mr. Bartlett said. ''It leaves guys like me speechless.''\n",
         "It leaves guys", "Mr. Bartlett"),
        # descriptive speakers keep their description
        ("“The talks failed,” a senior official told reporters.\n", "The talks failed", "a senior official"),
    ],
)
def test_quotes_speaker_outside_the_quote_sentence(nlp, text, opening, speaker):
    doc = nlp(text)
    quote = quote_starting(doc, opening)
    assert said(doc, quote.speaker) == speaker


# -- titles and markup (no model) -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, title",
    [
        ("Clinton said on CNN’s “State of the Union” that she would run.", True),
        ("He spoke on “Meet the Press.”", True),
        ("She wrote in “The Art of the Deal” about it.", True),
        # a word naming the work before its title
        ("Trump, the former host of the reality show “The Apprentice,” said so.", True),
        ("He wrote a column titled “Why We Lost” last year.", True),
        ("Rubio describes it in his memoir, “An American Son.”", True),
        ("He has starred in films and “Guardians of the Galaxy,” among others.", False),
        ("Clinton said in an interview with “Fox News Sunday” that the Russians did it.", True),
        ("According to “The Trumps: Three Generations That Built an Empire,” he left early.", True),
        # a sentence, a lowercase word or no title-taking word before: a quotation
        ("“We Will Win,” Kim said.", False),
        ("Kim said on Monday “we will win this fight.”", False),
        ("Trump called him “Lyin’ Ted” on Monday.", False),
        ("He said on Monday that it was “A Very Bad Deal And A Disaster For All Of Us.”", False),
    ],
)
def test_quotes_title_after_on_or_possessive(text, title):
    groups = quote_groups(text)
    assert len(groups) == 1
    assert is_title(text, groups[0]) is title


@pytest.mark.parametrize(
    "text", ["He has starred in “Parks and Recreation” and “Guardians of the Galaxy,” among others."]
)
def test_quotes_title_after_another(text):
    assert [is_title(text, g) for g in quote_groups(text)] == [True, True]


@pytest.mark.parametrize(
    "text, markup",
    [('<tweet author="realDonaldTrump" id="1">Great</tweet>', True), ("“Great,” he said.", False)],
)
def test_quotes_markup_attribute_is_no_quote(text, markup):
    assert is_markup(text, quote_groups(text)[0]) is markup


# -- joining and fragments (model) ----------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text, parts",
    [
        # full stops of abbreviations in the cue sentence do not end the quotation
        ("“That is a problem for the party,” said Rep. Jim Clyburn (D-S.C.), a member of House "
         "Democratic leadership. “I would love to see Mr. Sanders endorse.”\n", 2),
        ("“It was very nice,” Adelson told Reuters. “He was very charming.”\n", 2),
        ("“I fundamentally disagree,” said retired Army Lt. Gen. Mick Bednarek, who served in Iraq. "
         "“The bottom line is that bombing has no bearing.”\n", 2),
        # an aside of the cue that the parse ran on into the second quotation
        ("''Thirty years ago, it was booming,'' Ms. Hughes said, pointing out where the hardware store "
         "used to be. ''But those days are never coming back.''\n", 2),
        # a second cue makes a second quotation
        ("“We will win,” Kim said. “We will lose,” Lee said.\n", 1),
        ("“They are not affiliated with the campaign,” she said, adding, “Mr. Trump is grateful for them.”\n", 1),
        ("“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, “I just want "
         "to know, where do we go from here?”\n", 1),
        # a sentence of someone else's between: the second quotation is not the first speaker's
        ("“It goes in here and goes out here,” Tom Ebeling said, pointing to his ears. "
         "Betsy Ebeling shook her head. “Tom’s much better about it than I am.”\n", 1),
    ],
)
def test_quotes_second_part_after_cue_joins(nlp, text, parts):
    quotes = find_quotes(nlp(text))
    assert len(quotes[0].spans) == parts


@pytest.mark.model
@pytest.mark.parametrize(
    "text, opening, partial",
    [
        # the writer's sentence goes on into the quote after a comma
        ("Kasich joked that he appreciates a good, “peaceful protest every once in a while” since then.\n",
         "peaceful protest", True),
        # after a verb and its comma the quote is a quotation of its own
        ("And coincidentally, he said, “all of these songs started coming on my iTunes at once.”\n",
         "all of these songs", False),
        # the second part of a quotation
        ("“We will win,” she said, “and nobody can stop us now.”\n", "and nobody", False),
        # a short quotation opening its sentence, though the parse runs the sentence before on to it
        ("All she could do was shout at the TV. ''I loved it,'' she said. ''I was so happy.''\n", "I loved it", False),
    ],
)
def test_quotes_fragment_after_writers_comma(nlp, text, opening, partial):
    doc = nlp(text)
    quote = next((q for q in find_quotes(doc) if any(doc.text[s:e].startswith(opening) for s, e in q.spans)), None)
    assert quote is not None
    assert quote.partial is partial


# -- quotes and reported clauses together (analyze, model) ---------------------------------


def analysed(nlp, text):
    import hashlib

    from briefing.analysis import analyze
    from briefing.model import Source

    return analyze(Source(text=text, sha256=hashlib.sha256(text.encode()).hexdigest()), nlp=nlp)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, inside, expected",
    [
        # one report with three quoted words, not three nested ones
        ("Bush said that Trump is a “loser,” a “liar” and a “whiner.”\n", "loser", 1),
    ],
)
def test_quotes_nested_reports_of_one_cue_are_one(nlp, text, inside, expected):
    brief = analysed(nlp, text)
    assert len([p for p in brief.positions if inside in p.text]) == expected


def reported_at(text, clause, cue):
    """A report of ``clause`` (as the parse may cut it) under the cue word ``cue``."""
    start, at = text.index(clause), text.index(cue)
    return Attribution(spans=((start, start + len(clause)),), cue=(at, at + len(cue)), speaker=None)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, clause, whole",
    [
        # the quotation runs over a sentence break: the clause goes on to its closing mark
        ("He said Obama “knows full well that the law is clear. Still, he goes after the citizens.”\n",
         "Obama “knows full well that the law is clear.", "Obama “knows full well that the law is clear. "
         "Still, he goes after the citizens.”"),
        # the clause goes on after the quotation it holds, up to a comma
        ("He said she “isn’t going to straighten it out” over the next four years, a sad thing.\n",
         "she “isn’t going to straighten it out”", "she “isn’t going to straighten it out” over the next four years"),
        # a clause that ends where its quote does stays as it is
        ("He said she “will not straighten it out.”\n", "she “will not straighten it out.”",
         "she “will not straighten it out.”"),
    ],
)
def test_quotes_reported_clause_holds_whole_quote(nlp, text, clause, whole):
    doc = nlp(text)
    (report,) = combine_reports([reported_at(text, clause, "said")], doc)
    assert text[report.spans[0][0]:report.spans[-1][1]] == whole


@pytest.mark.model
@pytest.mark.parametrize(
    "text, clause, cue, speaker, parts",
    [
        # the cue and speaker between the parts of a report are not part of it, nor the commas around them
        ("The plan, officials said, will fail.\n", "The plan, officials said, will fail", "said", "officials",
         ["The plan", "will fail"]),
        ("The plan, according to officials, will fail.\n", "The plan, according to officials, will fail",
         "according to", "officials", ["The plan", "will fail"]),
        ("Taxes, he believes, will rise.\n", "Taxes, he believes, will rise", "believes", "he",
         ["Taxes", "will rise"]),
        # a cue outside the clause leaves it whole
        ("Officials said the plan will fail.\n", "the plan will fail", "said", "Officials", ["the plan will fail"]),
    ],
)
def test_quotes_report_around_its_cue_has_two_parts(nlp, text, clause, cue, speaker, parts):
    start, at, who = text.index(clause), text.index(cue), text.index(speaker)
    report = Attribution(spans=((start, start + len(clause)),), cue=(at, at + len(cue)),
                         speaker=(who, who + len(speaker)))
    (combined,) = combine_reports([report], nlp(text))
    assert [text[s:e] for s, e in combined.spans] == parts


@pytest.mark.model
def test_quotes_brief_shows_a_position_without_its_cue(nlp):
    from briefing.templates import render_markdown

    brief = analysed(nlp, "The new tax plan, Senator Maria Lopez said on Tuesday, will fail the poorest families.\n")
    shown = render_markdown(brief, "analyst")
    assert "The new tax plan … will fail the poorest families" in shown
    assert "Senator Maria Lopez said on Tuesday, will fail" not in shown


@pytest.mark.model
@pytest.mark.parametrize(
    "text, opening, wrong",
    [
        # a subject inside the quotation is what was said, not who said it
        ("The Vermont senator emailed supporters saying: “The struggle continues” and vowing to compete.\n",
         "The struggle", "struggle"),
        ("Clinton riffed on the incident, telling the crowd, “Some people get a little carried away, have you "
         "noticed that?”\n", "Some people", "people"),
    ],
)
def test_quotes_speaker_never_inside_the_quote(nlp, text, opening, wrong):
    doc = nlp(text)
    quote = quote_starting(doc, opening)
    assert wrong not in (said(doc, quote.speaker) or "")


@pytest.mark.parametrize("words, phrase", [(["10:10", "a.m.", "\n\n", "Jeb", "Bush", "says", "so", "."], "Jeb Bush")])
def test_quotes_speaker_phrase_stays_on_its_line(words, phrase):
    # a dateline the parse hung on the name, on the line above it
    doc = parsed(
        words,
        spaces=[True, False, False, True, True, True, False, False],
        heads=[1, 4, 1, 4, 5, 5, 5, 5],
        deps=["nummod", "npadvmod", "dep", "compound", "nsubj", "ROOT", "advmod", "punct"],
        pos=["NUM", "NOUN", "SPACE", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"],
        lemmas=["10:10", "a.m.", "\n\n", "Jeb", "Bush", "say", "so", "."],
    )
    start, end = noun_phrase(doc[4])
    assert doc.text[start:end] == phrase


@pytest.mark.model
@pytest.mark.parametrize(
    "text, opening, speaker",
    [
        # any verb with a named subject introduces a quotation through a colon
        ("The crowd was electric as Trump boomed: “Let’s defeat her in November.”\n", "Let’s defeat", "Trump"),
        # a name opening a sentence inside the paragraph, as transcripts and fact checks print it
        ('Clinton said it again. Bush: "The mission is to destroy ISIS -- not to contain it."\n',
         "The mission is", "Bush"),
        # but not a sentence that ends in a colon
        ('Clinton said it again. The answer was simple: "We will destroy ISIS."\n', "We will destroy", None),
        # a name after a headline's dash, before a colon
        ("IOWA POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: “The polls ended too early.”\n",
         "The polls ended", "Mark Blumenthal and Jon Cohen"),
        # a subject that is no name nor personal pronoun names no speaker
        ("Signs of a shift were there all along: “Data collected by our firm helps confirm it.”\n",
         "Data collected", None),
        # but a letter speaks for its writer, and a phrase with a person's name in it names them
        ("Hoff’s letter makes a libertarian-style case: “Followers of radical Islam hate everything we stand for.”\n",
         "Followers of", "Hoff’s letter"),
        ("One early supporter, Representative Lee Zeldin, gave the technique a whirl on Tuesday: "
         "''You can easily argue that the president is a racist.''\n", "You can easily", "One early supporter, Representative Lee Zeldin"),
        # a reporting verb that names no one gives way to the named verb before the colon
        ("Asked whether the campaign should take responsibility, Mr. Smith shot back: ''That would be good.''\n",
         "That would be good", "Mr. Smith"),
    ],
)
def test_quotes_colon_introduces_quote(nlp, text, opening, speaker):
    assert speakers_of(nlp, text, opening) == ([speaker] if speaker else [])


@pytest.mark.model
@pytest.mark.parametrize(
    "text, opening, not_speaker",
    [
        ("Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find suppliers, said "
         "Mr. Trump was a candidate in the spirit of Silicon Valley: ''He's a start-up kind of guy.''\n",
         "He's a start-up", "Mr. Trump"),
    ],
)
def test_quotes_colon_after_reported_clause_names_no_new_speaker(nlp, text, opening, not_speaker):
    # the verb before the colon is in what the cue's speaker said: its subject did not speak
    speakers = speakers_of(nlp, text, opening)
    assert speakers and not_speaker not in speakers


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue",
    [("Trump praised the techniques: “I think waterboarding is peanuts compared to what they do.”\n", "think")],
)
def test_quotes_report_inside_quote_marks_is_dropped(nlp, text, cue):
    # "I think ..." inside the marks is what Trump said, and "I" is his word, not a speaker found
    doc = nlp(text)
    at = text.index(cue)
    inner = Attribution(spans=((at, len(text) - 3),), cue=(at, at + len(cue)), speaker=(at - 2, at - 1))
    assert combine_reports([inner], doc) == []


# -- speakers: precision first (model) -----------------------------------------------------


def quote_speakers(doc):
    text = doc.text
    return {text[a.spans[0][0]:a.spans[0][1]]: (text[a.speaker[0]:a.speaker[1]] if a.speaker else None)
            for a in find_quotes(doc)}


@pytest.mark.model
@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        # any verb right after “...,” hands the quote to its named subject
        ("“We will win this time,” Kim joked with reporters.\n", "We will win this time,", "Kim"),
        # ... or to a described one, past a hyphen inside a word
        ("Pence showed a clip.\n\n\"Governor, let me help you out - the answer is no,\" the Republican "
         "vice-presidential nominee riffed on her remarks.\n", "Governor, let me help you out - the answer is no,",
         "the Republican vice-presidential nominee"),
        # "put it" reports words; a named subject's verb and a comma introduce a whole quotation
        ("As The Post's Dana Milbank puts it, \"Senate Republicans are unmoved, and activists are uninspired.\"\n",
         "Senate Republicans are unmoved, and activists are uninspired.", "The Post's Dana Milbank"),
        ("During their first debate, Hillary Clinton cracked, ''I'm a progressive who likes to get things done.''\n",
         "I'm a progressive who likes to get things done.", "Hillary Clinton"),
        # a quoted word the parse took for a second subject
        ("\"He opposed every single one of them. Every single amendment,\" said Cruz, who had introduced some.\n",
         "He opposed every single one of them. Every single amendment,", "Cruz"),
        # names the parse did not make the verb's subject
        ("“Go back to Univision,” Trump barked and a security guard escorted Ramos out.\n", "Go back to Univision,",
         "Trump"),
        ("\"Gun owners should leave their weapons at home,\" opined Cleveland's Plain Dealer.\n",
         "Gun owners should leave their weapons at home,", "Cleveland's Plain Dealer"),
        ("“Having access to the file is valuable,” said Skelly, explaining he worked closely with Chrabaszcz.\n",
         "Having access to the file is valuable,", "Skelly"),
        # a surname the tagger read as a plural noun is a name when the text names the person in full
        ("Bernie Sanders spoke last.\n\nSanders shot back, \"Secretary Clinton called them out. Oh my goodness, "
         "they must have been crushed.\"\n", "Secretary Clinton called them out. Oh my goodness, they must have been "
         "crushed.", "Sanders"),
        # after “...!” only an inverted verb does, or a verb of speech with nothing said of its own
        ("Supporters cheered.\n\n“This is fantastic!” beamed Donald Hartley of Madison, who ran onto the floor.\n",
         "This is fantastic!", "Donald Hartley of Madison"),
        ("“It looks like we will not have a good relationship, who knows?” Trump told Britain’s ITV television "
         "station in an interview aired on Monday.\n", "It looks like we will not have a good relationship, who knows?",
         "Trump"),
        # the closing mark of a later quotation that the parse hung on the verb is no quotation of its own
        ("“Who can remember how many states i’ve lost in a row? Is it two? Three?” Clinton asks as a maintenance guy "
         "walks in front of her, saying he’s “here to fix the seven holes in your wall.”\n",
         "Who can remember how many states i’ve lost in a row? Is it two? Three?", "Clinton"),
        # a lower-case quotation after a verb of speech and whom it was said to is whole, not a fragment
        ("Bush offered a Trump-style retort, tweeting at him, \"you aren't just a loser, you are a liar and a "
         "whiner.\"\n", "you aren't just a loser, you are a liar and a whiner.", "Bush"),
        ("But at the time, as anti-terrorist prosecutor Marc TrÃ©vidic put it, \"apart from (traveling with the) "
         "wrong crowd and some jogging for fitness, there was not much to complain about in the strict terms of "
         "criminal prosecution.\"\n", "apart from (traveling with the) wrong crowd and some jogging for fitness, there "
         "was not much to complain about in the strict terms of criminal prosecution.",
         "anti-terrorist prosecutor Marc TrÃ©vidic"),
        # a share of those polled speaks for itself in a clause below the question's verb
        ("This sentiment was reflected in another question that asked Democrats how likely Clinton was to defeat "
         "Trump, to which 21 percent said “not too likely” and 14 percent said “not at all likely.”\n",
         "not too likely", "21 percent"),
        # a capitalized title joined to a name is one person
        ("“That’s what he did in ’08 and ’12. He’s reprising that role,” said former Pennsylvania Gov. and Democratic "
         "National Committee Chairman Ed Rendell.\n", "That’s what he did in ’08 and ’12. He’s reprising that role,",
         "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell"),
        # "it" is no one: the clause right before the participle has the speaker
        ("It was a potent one-two punch by the two most prominent women in the Democratic Party, as Mrs. Clinton "
         "echoed the criticism, saying Mr. Trump ''reminds us every day that he's not in it for the American "
         "people.''\n", "reminds us every day that he's not in it for the American people.", "Mrs. Clinton"),
        # a clause joined to the cue brings in someone else, who speaks next
        ("“I’m honored!” she said. “Tell her I promised you a picture,” Ebeling said, and her husband cut in. "
         "“Don’t forget Betsy’s husband Tom -- I’ve been friends with her since high school.”\n",
         "Don’t forget Betsy’s husband Tom -- I’ve been friends with her since high school.", "her husband"),
        # "and I quote" is the writer passing the words on
        ("Sy Burr. No wonder Trump said, and I quote, \"We love the poorly educated.\" He is treating his supporters "
         "as ignorants.\n", "We love the poorly educated.", "Trump"),
        # a participle hung on a clause of thought that a verb of speech reports is the writer's
        ("Byrne also wrote the agents knew to brace for the eruptions, saying, “They didn’t happen every day, but "
         "behind closed doors we learned about them fast.”\n", "They didn’t happen every day, but behind closed doors "
         "we learned about them fast.", "Byrne"),
        # a relative clause with an object of its own before the colon does not take the quotation
        ("A Plus reporter Isaac Saul tweeted back at Trump pointing out how ironic the statement was coming from a "
         "candidate who promised mass deportation: “Uh.. your unrealistic proposal is to spend billions deporting 11 "
         "million ppl n children to rip those very families apart.”\n", "Uh.. your unrealistic proposal is to spend "
         "billions deporting 11 million ppl n children to rip those very families apart.", "A Plus reporter Isaac Saul"),
        # ... while one without speaks
        ("Bundy says to Santilli on camera, who responds enthusiastically: \"Okay!\"\n", "Okay!", "Santilli"),
        # a verb of speech the tagger read as a plural noun before a colon; a written source speaks
        ("The right is enshrined in the Convention against Torture. Article 33 affirms: “No Contracting State shall "
         "expel or return a refugee to the frontiers of territories where his life would be threatened...”\n",
         "No Contracting State shall expel or return a refugee to the frontiers of territories where his life would "
         "be threatened...", "Article 33"),
        # the clause before the colon speaks, though the parse hung it on the quotation
        ("Trump did support the idea of such a database on Thursday, and NBC News has proof: “Should there be a "
         "database system that tracks the Muslims here in this country?” a reporter can be heard asking.\n",
         "Should there be a database system that tracks the Muslims here in this country?", "NBC News"),
        # a clause before the colon that a verb took: the verb above it speaks
        ("Jeb Bush broke down exactly what was wrong with the image to the Dutch newspaper NRC Handelsblad: "
         "“What Trump did was so insensitive. First, not all Hispanics are Mexican.”\n",
         "What Trump did was so insensitive. First, not all Hispanics are Mexican.", "Jeb Bush"),
        # a verb of speech the tagger took for a noun, with where it was said after it
        ("“Today, the kingdom is one of the leading nations in combating terrorism,” the Saudis state in the white "
         "paper, which was shared with lawmakers.\n", "Today, the kingdom is one of the leading nations in combating "
         "terrorism,", "the Saudis"),
        # a time over a paragraph is nobody: the subject next to the verb speaks
        ("1:50 p.m.\n\nFamed fight doctor Ferdie Pacheco once said: “Cassius Clay was born in Louisville. "
         "Muhammad Ali was born in Miami.”\n", "Cassius Clay was born in Louisville. Muhammad Ali was born in Miami.",
         "Famed fight doctor Ferdie Pacheco"),
    ],
)
def test_quotes_speaker_of_a_quote(nlp, text, quote, speaker):
    assert quote_speakers(nlp(text)).get(quote) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text, wrong",
    [
        # the quote's line goes on after it: the paragraph before does not speak for it
        ("The anchor asked a question about immigration.\n\n“Go back to Univision,” the guard barked and "
         "escorted him out.\n", "The anchor"),
        # the one asked is not the speaker
        ("“We will not back down,” the minister was quoted as saying by the agency.\n", "the minister"),
        # the sentence before is in the paragraph above, or the quote has words after it
        ("Kim agreed.\n\n“We will not give up the talks,” the minister added later in the day.\n", "Kim"),
        ("Kim said the plan was bad. “We will not give up the talks” was the slogan of the day.\n", "Kim"),
        # a plural noun that names no one in the text
        ("Bernie Sanders spoke last.\n\nSupporters shot back, \"We want Bernie. We want him now.\"\n", "Supporters"),
        # a question, then someone else acts
        ("“Is he really so stupid?” Republican candidate Donald Trump refused to answer.\n", "Donald Trump"),
    ],
)
def test_quotes_speaker_never_a_guess(nlp, text, wrong):
    assert wrong not in [s for s in quote_speakers(nlp(text)).values() if s]


@pytest.mark.model
def test_quotes_go_on_past_a_fragment_in_the_aside(nlp):
    """The fragment in "who noted that ..." is an aside: the next quotation goes on with the first."""
    text = ("“Revenues are up a little bit,” said Mr. Ekovich, who noted that prices had “cratered” to about half "
            "their value. “Things are moving in the right direction.”\n")
    quotes = find_quotes(nlp(text))
    assert [[text[s:e] for s, e in q.spans] for q in quotes if not q.partial] == [
        ["Revenues are up a little bit,", "Things are moving in the right direction."]]


# -- speakers: who the subject of a reporting verb is (model) --------------------------------


def speaker_of(doc, cue, nth=0):
    """The speaker mention ``speaker_span(subject_of(...))`` gives for the ``nth`` token ``cue``."""
    verb = [t for t in doc if t.text == cue][nth]
    span = speaker_span(subject_of(verb))
    return doc.text[span[0]:span[1]] if span else None


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, nth, speaker",
    [
        # a place or a dateline before the subject is no second subject
        ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him weak.",
         "calling", 0, "Trump"),
        ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump, saying that "
         "his comments do more harm than good.", "saying", 0, "Democrat Hillary Clinton"),
        # a participle's clause hung on a verb after it, inside the quotation, is no report of that verb's
        ("Donald Trump on Thursday ratcheted up his attacks on Rubio, saying he is \"weak on illegal immigration, "
         "you know that. Weak - Rubio - weak on illegal immigration. Like weak like a baby.\"", "saying", 0,
         "Donald Trump"),
        # the one a passive verb of prompting is about says what the infinitive says
        ("But the debate was so subdued that Mr. Trump was prompted to say, ''So far, I cannot believe how civil "
         "it's been up here.''", "say", 0, "Mr. Trump"),
        # a floating "both" only counts the subject
        ("Republican establishment figures — whose party was once respected for its discipline — both suggested "
         "the speechwriter be fired.", "suggested", 0, "Republican establishment figures"),
    ],
)
def test_quotes_subject_nearest_the_verb(nlp, text, cue, nth, speaker):
    assert speaker_of(nlp(text), cue, nth) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, nth, speaker",
    [
        # the second "said" is hung on the reported clause; it is still his
        ("He said his recent attacks on Trump have given his campaign momentum and said that Trump did not "
         "represent the party.", "said", 1, "He"),
        # a contrast after a perfect goes back to the speaker
        ("Huckabee’s campaign acknowledged that the candidate has delivered paid speeches but declined to "
         "provide a list of venues.", "declined", 0, "Huckabee’s campaign"),
        # a verb without a clause of its own after a perfect shares its "has" and its subject
        ("Choi added that the Biden administration has only treated North Korea as a threat and demanded "
         "“complete denuclearization” without effective efforts.", "demanded", 0, "the Biden administration"),
        ("She noted that Sanders in the past has criticized the president for accepting contributions from Wall "
         "Street and called the president weak.", "called", 0, "Sanders"),
    ],
)
def test_quotes_second_report_joined_to_content_keeps_speaker(nlp, text, cue, nth, speaker):
    assert speaker_of(nlp(text), cue, nth) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, nth, speaker",
    [
        # the one a passive verb is about did what its participle says
        ("Comedian Sarah Silverman was booed by Sanders supporters after telling holdouts that they were "
         "“being ridiculous.”", "telling", 0, "Comedian Sarah Silverman"),
    ],
)
def test_quotes_participle_after_passive_is_its_subjects(nlp, text, cue, nth, speaker):
    assert speaker_of(nlp(text), cue, nth) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a work that speaks in a relative clause speaks for whoever put it out
        ("The Trump campaign released a marketing video that said Clinton would raise taxes.", "said",
         "The Trump campaign"),
        ("Henry added the caption which reads, \"Sanders aide Jeff Weaver told me the photo broke the rules.\"",
         "reads", "Henry"),
        # guards: seeing a work is not putting it out; a person in a relative clause is themselves
        ("Jones watched an ad that said the plan would fail.", "said", "an ad that"),
        ("Smith hired a lawyer who said the case was weak.", "said", "a lawyer who"),
    ],
)
def test_quotes_work_in_relative_clause_speaks_for_its_author(nlp, text, cue, speaker):
    assert speaker_of(nlp(text), cue) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, nth",
    [("Clinton’s attacks were aired after saying that the plan would fail.", "saying", 0)],
)
def test_quotes_participle_after_passive_thing_names_no_one(nlp, text, cue, nth):
    assert speaker_of(nlp(text), cue, nth) is None


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a passive clause above: its agent did not speak ("by Cleveland"); the clause is what
        # Trump said, and the one referring is Trump (as PolNeAR train has it)
        ("Trump said things “should be wrapped up by Cleveland,” referring to the party’s July convention.",
         "referring", "Trump"),
    ],
)
def test_quotes_agent_of_a_clause_above_is_no_speaker(nlp, text, cue, speaker):
    assert speaker_of(nlp(text), cue) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # the parse hung the name elsewhere; it is next to the verb, across a short aside
        ("“We were tremendously wrong to not have confronted him from the beginning,” Ramos, 58, told AFP "
         "in an interview.", "told", "Ramos, 58"),  # an apposition stays, as in noun_phrase
        ("Trump is keeping up his criticism of his rivals before the polls\nTrump, in Kentucky, said Tuesday "
         "that Rubio was a lightweight.", "said", "Trump, in Kentucky"),
        # a place is no stranded name
        ("“We will win,” in Ohio, said nothing.", "said", None),
    ],
)
def test_quotes_stranded_name_before_its_verb_speaks(nlp, text, cue, speaker):
    assert speaker_of(nlp(text), cue) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text, holder, speaker",
    [
        # a possessive on the object of a verb that reports nothing: the clause's subject
        ("Donald Trump is keeping up his criticism of his closest Republican rivals.", "his", "Donald Trump"),
        ("He has been ratcheting up his critique of his opponents.", "his", "He"),
        # they disagree: the pronoun stays
        ("She is keeping up his criticism of the rivals.", "his", "his"),
        # under a reporting verb the possessive is someone else
        ("Trump mocked her plan to raise taxes.", "her", "her"),
    ],
)
def test_quotes_possessive_holder_is_the_clause_subject(nlp, text, holder, speaker):
    doc = nlp(text)
    token = next(t for t in doc if t.text == holder)
    start, end = speaker_span(token)
    assert doc.text[start:end] == speaker


def day_subject_doc():
    """"Saturday at the convention Sen. Warren said Trump lost.", the day parsed as the subject."""
    words = ["Saturday", "at", "the", "convention", "Sen.", "Warren", "said", "Trump", "lost", "."]
    doc = Doc(VOCAB, words=words, spaces=[True] * 8 + [False, False],
              heads=[6, 0, 3, 1, 5, 3, 6, 8, 6, 6],
              deps=["nsubj", "prep", "det", "pobj", "compound", "appos", "ROOT", "nsubj", "ccomp", "punct"],
              pos=["PROPN", "ADP", "DET", "NOUN", "PROPN", "PROPN", "VERB", "PROPN", "VERB", "PUNCT"],
              lemmas=["Saturday", "at", "the", "convention", "Sen.", "Warren", "say", "Trump", "lose", "."],
              ents=["B-DATE", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O"])
    return doc


def day_alone_doc():
    """"Saturday said it all.": a day is nobody."""
    return Doc(VOCAB, words=["Saturday", "said", "it", "all", "."], spaces=[True, True, True, False, False],
               heads=[1, 1, 1, 2, 1], deps=["nsubj", "ROOT", "dobj", "det", "punct"],
               pos=["PROPN", "VERB", "PRON", "DET", "PUNCT"], lemmas=["Saturday", "say", "it", "all", "."],
               ents=["B-DATE", "O", "O", "O", "O"])


@pytest.mark.parametrize("make, speaker", [(day_subject_doc, "Sen. Warren"), (day_alone_doc, None)])
def test_quotes_day_as_subject_gives_the_person_next_to_the_verb(make, speaker):
    assert speaker_of(make(), "said") == speaker



def object_before_aside_doc():
    """"Obama, opening the Museum of Culture on Saturday, said it works.", with "Obama" and "said" unlinked."""
    words = ["Obama", ",", "opening", "the", "Museum", "of", "Culture", "on", "Saturday", ",", "said", "it", "works", "."]
    return Doc(VOCAB, words=words, spaces=[False, True, True, True, True, True, True, True, False, True, True, True,
                                           False, False],
               heads=[10, 10, 10, 4, 2, 4, 5, 2, 7, 10, 10, 12, 10, 10],
               deps=["dep", "punct", "advcl", "det", "dobj", "prep", "pobj", "prep", "pobj", "punct", "ROOT", "nsubj",
                     "ccomp", "punct"],
               pos=["PROPN", "PUNCT", "VERB", "DET", "PROPN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT", "VERB", "PRON",
                    "VERB", "PUNCT"],
               tags=["NNP", ",", "VBG", "DT", "NNP", "IN", "NNP", "IN", "NNP", ",", "VBD", "PRP", "VBZ", "."],
               lemmas=["Obama", ",", "open", "the", "Museum", "of", "Culture", "on", "Saturday", ",", "say", "it", "work",
                       "."],
               ents=["B-PERSON", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-DATE", "O", "O", "O", "O", "O"])


@pytest.mark.parametrize("make", [object_before_aside_doc])
def test_quotes_stranded_name_needs_an_aside_in_commas(make):
    # no comma before "on Saturday": "Culture" ends an object, not a speaker's name
    assert speaker_of(make(), "said") is None


@pytest.mark.model
@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        # the parse hung the name on a verb in the next paragraph, or broke it off before the break:
        # the phrase after "said" still speaks, whole
        ("“Anyone who talks about dividing people is a threat to the country, and we take every one of those "
         "seriously,” said Richard L. Trumka, president of the A.F.L.-C.I.O.\n\nThe potential pairing of Mr. Trump "
         "and union members could be great for the party.\n",
         "Anyone who talks about dividing people is a threat to the country, and we take every one of those seriously,",
         "Richard L. Trumka, president of the A.F.L.-C.I.O."),
        ("“What’s shaping up is a battle for the ages,” said David Brock, a Clinton confidant who heads the "
         "pro-Clinton super PAC Correct the Record.\n\n“You’ve got to win,” he said.\n",
         "What’s shaping up is a battle for the ages,", "David Brock, a Clinton confidant who heads the pro-Clinton super PAC"),
        # a verb outside the lexicon, a description after it
        ("“It’s about time that we had a woman running this country,” exhorted Clinton’s introducer, actress "
         "Jamie Lee Curtis.\n", "It’s about time that we had a woman running this country,",
         "Clinton’s introducer, actress Jamie Lee Curtis"),
        # the parse ran the sentence before on to the quote; the verb after it speaks, not the one before
        ("Yet news coverage was merciless: The New Hampshire Union Leader said Mr. Rubio had been ''rocked'' by "
         "Mr. Christie. ''Choke!'' blared the front page of The Boston Herald.\n", "Choke!",
         "the front page of The Boston Herald"),
    ],
)
def test_quotes_speaker_after_inverted_verb(nlp, text, quote, speaker):
    assert quote_speakers(nlp(text)).get(quote) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text, wrong",
    [
        # a quoted term before a verb is nobody's words
        ("Cruz said the plan was bad. “Trumpcare,” links his amorphous support for universal health coverage "
         "with Clinton’s campaigns.\n", "his amorphous support for universal health coverage"),
        # a capitalized verb after an exclamation opens a sentence of its own
        ("Trump spoke for an hour. “Wow!” Read the article here.\n", "the article"),
        # a verb of speech in the next paragraph is not the quote's cue
        ("“How do you know those bruises weren’t there before? I’m not a lawyer,” Trump told reporters on his "
         "plane. “Wouldn’t you think she would have yelled out a scream?”\n\nFields was responding to questions "
         "from reporters.\n", "Fields"),
    ],
)
def test_quotes_inverted_verb_speaker_never_a_guess(nlp, text, wrong):
    assert wrong not in [s for s in quote_speakers(nlp(text)).values() if s]


def run_on_text(doc):
    """The words each quote runs on with past its closing mark, as text."""
    found = [run_on(doc, q) for q in find_quotes(doc)]
    return [doc.text[s:e] for s, e in filter(None, found)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # a phrase hanging on a word inside the quote goes on with it
        ("Clinton said, “I am so sick of the Sanders campaign lying” about her environmental record.\n",
         ["about her environmental record"]),
        ("The spokesman said, “We’re extremely happy” about the decision.\n", ["about the decision"]),
        # the quote ended its clause with a comma: the words after are the writer's
        ("He told the crowd that waterboarding is “peanuts,” compared to what the militants are doing.\n", []),
        # when it was said is no part of what was said
        ("Trump tweeted “Thank you Indiana” on Friday afternoon.\n", []),
        # a phrase hanging on a word outside the quote
        ("Clinton said the deal was “a disaster” and left the stage.\n", []),
    ],
)
def test_quotes_run_on_past_the_closing_mark(nlp, text, expected):
    assert run_on_text(nlp(text)) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, opening, speaker",
    [
        # a readers' comment signed with a dash and a name
        ("“Donald Trump scares me. Hearing him talk makes me fearful.” ― Krystal Correa\n",
         "Donald Trump scares", "Krystal Correa"),
        # the full stop after the name is not the name's; an initial's is
        ("“The Donald has woken communities of color.” ―\u00a0Julie A. Diaz Martinez.\n",
         "The Donald has woken", "Julie A. Diaz Martinez"),
        # an em dash, and an age and a town after a comma
        ("“I will vote for the first time this year.” — Ana de la Cruz, 19, Phoenix\n",
         "I will vote", "Ana de la Cruz"),
        # the signature on a line of its own under the quotation
        ('"Boeing and GE and other multinationals . . . pay zero taxes."\n\n- Sanders.\n\nThis is a complex issue.\n',
         "Boeing and GE", "Sanders"),
        # a dash that goes on into a sentence signs nothing
        ("We compiled Trump’s “absurd” remarks ― and dangerous ones ― for you.\n", "absurd", None),
        ("“Nobody.”\n\n— That was the answer, and it was final.\n", "Nobody", None),
        ("“Nobody.” — That was the answer, and it was final.\n", "Nobody", None),
    ],
)
def test_quotes_signature_after_quote(nlp, text, opening, speaker):
    assert speakers_of(nlp, text, opening) == ([speaker] if speaker else [])


@pytest.mark.model
def test_quotes_signed_paragraphs_stay_apart(nlp):
    # each signed paragraph is its own quotation, not the run-on of the one before
    text = ("“The most unqualified child to ever run for president.” ― Francisco Herrero\n"
            "“He is obsessed with Mexico and all these perks they have.” ― Esther Tapia\n")
    doc = nlp(text)
    assert [(doc.text[q.spans[0][0]:q.spans[-1][1]][:6], said(doc, q.speaker)) for q in find_quotes(doc)] == [
        ("The mo", "Francisco Herrero"), ("He is ", "Esther Tapia")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, opening, speaker",
    [
        # the parse hangs the name on a word inside the quotation; the verb has no subject
        ("''They were professionals, but also competitors,'' William M. Daley, President Obama's former chief of "
         "staff, said of their time in the administration.\n", "They were", "William M. Daley"),
        # the verb's subject is "Mr. President" inside the marks
        ("''That was a good speech you gave last night, Mr. President,'' Representative Steve Cohen, Democrat of "
         "Tennessee, told Mr. Obama as he stopped to have his picture taken.\n", "That was", "Representative Steve Cohen"),
        # a description with a verb of its own is still a description
        ("''If Reagan had gone with Kemp, I would have been sitting in Siberia for a long time,'' Mr. Daniloff, now 81 "
         "and retired in Cambridge, Mass., said by telephone this week.\n", "If Reagan", "Mr. Daniloff"),
        # an inverted verb before a title phrase the parse muddled ("co" and "-" as objects)
        ("“Imagine Brad Thor going up against Trump and Clinton on the same stage,” mused Blaze co-host Stu Burguiere. "
         "“Not to mention, President Thor.”\n", "Imagine", "host Stu Burguiere"),
    ],
)
def test_quotes_name_and_description_before_cue(nlp, text, opening, speaker):
    assert speakers_of(nlp, text, opening) == [speaker]


# -- embedded social media posts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, said, speaker",
    [
        # as trafilatura gives an embedded tweet: the post, then its byline in a paragraph of its own
        ("Trump denied it.\n\nIron Mike Tyson was not asked to speak at the Convention. The media makes everything up!"
         "\n\n— Donald J. Trump (@realDonaldTrump) June 29, 2016\n\nThe report drew criticism.\n",
         "Iron Mike Tyson was not asked to speak at the Convention. The media makes everything up!", "Donald J. Trump"),
        # pasted on one line, a link at its end: the link is not a word of the post
        ("While Trump makes rape analogies on stage his campaign has booked Mike Tyson https://t.co/daC7Qr7ZhZ "
         "— Ben Jacobs (@Bencjacobs) June 28, 2016\n",
         "While Trump makes rape analogies on stage his campaign has booked Mike Tyson", "Ben Jacobs"),
        # the post's own quotation marks are part of what its author wrote
        ('Rudy Giuliani is now wearing a hat that says "MAKE MEXICO GREAT AGAIN ALSO" for realz, people '
         "pic.twitter.com/x1y2 — David Martosko (@dmartosko) September 1, 2016\n",
         'Rudy Giuliani is now wearing a hat that says "MAKE MEXICO GREAT AGAIN ALSO" for realz, people',
         "David Martosko"),
    ],
)
def test_quotes_embedded_post_is_its_authors(text, said, speaker):
    posts = embedded_posts(text)
    assert [(text[s:e], text[p.speaker[0]:p.speaker[1]]) for p in posts for s, e in p.spans] == [(said, speaker)]


@pytest.mark.parametrize("text", [
    "The plan was announced on Monday.\n\n— Reporting by Jane Doe; editing by John Roe\n",
    "— Donald J. Trump (@realDonaldTrump) June 29, 2016\n",  # a byline with no post above it
])
def test_quotes_embedded_post_needs_a_byline_with_a_handle_and_a_post(text):
    assert embedded_posts(text) == []


@pytest.mark.model
def test_quotes_embedded_post_wins_over_its_inner_quotation(nlp):
    text = ('Rudy Giuliani is now wearing a hat that says "MAKE MEXICO GREAT AGAIN ALSO" for realz, people '
            "— David Martosko (@dmartosko) September 1, 2016\n")
    doc = nlp(text)
    assert [(doc.text[q.spans[0][0]:q.spans[0][1]][:13], said(doc, q.speaker)) for q in find_quotes(doc)] == [
        ("Rudy Giuliani", "David Martosko")]


@pytest.mark.model
@pytest.mark.parametrize("text, term, cue, speaker", [
    # a term quoted inside a verb's subject is not what that verb reports: the clause around it is
    ("His speech — in which he joked about Hillary Clinton’s “interesting friendship” with Muslim aide Huma "
     "Abedin, cited his appearance in a campaign ad and led with his daughter’s husband — kept the audience "
     "laughing.", "interesting friendship", "joked", "he"),
    # a nickname in the speaker's own name is nobody's quotation
    ("Scott's niece, state Del. Marcia “Cia” Price, shouted to the crowd that the race was close.", "Cia",
     None, None),
])
def test_quotes_term_inside_a_subject_is_not_what_its_verb_reports(nlp, text, term, cue, speaker):
    found = [q for q in find_quotes(nlp(text)) if text[q.spans[0][0]:q.spans[-1][1]] == term]
    said = [(q.cue and text[q.cue[0]:q.cue[1]], q.speaker and text[q.speaker[0]:q.speaker[1]]) for q in found]
    assert said == ([(cue, speaker)] if cue else [])


def cue_and_speaker(text, quote):
    """The words of ``quote``'s cue and speaker mention in ``text`` (None where it has none)."""
    return (quote.cue and text[quote.cue[0]:quote.cue[1]], quote.speaker and text[quote.speaker[0]:quote.speaker[1]])


@pytest.mark.model
@pytest.mark.parametrize("text, term, cue, speaker", [
    # a fragment in a ", saying ..." report on the verb is what the participle reports
    ("He echoed that promise on Monday, saying he would direct Immigration and Customs Enforcement “to "
     "immediately stop initiating deportations against” certain undocumented immigrants.",
     "to immediately stop initiating deportations against", "saying", "He"),
    # so is one in a report joined to the reported clause: the administration demanded it
    ("Choi pointed out that withdrawing hostile policies is the way to resume the dialogue and added that "
     "the Biden administration has only treated North Korea as a threat and demanded “complete "
     "denuclearization” without effective efforts.", "complete denuclearization", "demanded",
     "the Biden administration"),
    ("She noted that Sanders in the past has criticized the president for accepting contributions from "
     "Wall Street and called the president “weak” and “disappointing.”", "weak", "called", "Sanders"),
    # and one in a clause of someone else's saying ("after Clinton argued that ...")
    ("It is misleading, Axelrod tweeted after Clinton argued for the second consecutive debate that “if "
     "everyone had voted as he voted, we would not have rescued the auto industry.”",
     "if everyone had voted as he voted, we would not have rescued the auto industry.", "argued", "Clinton"),
    ("Cruz said he'd make sand “glow in the dark,” and Trump vowed to “bomb the hell” out of the Islamic State.",
     "bomb the hell", "vowed", "Trump"),
    # one the parse hung lower, on a clause with a subject of its own, stays with the main verb
    ("Cardin said Wednesday that Republicans rejected his attempts to include language to strengthen "
     "enforcement of the nuclear agreement, calling it an “area of contention.”",
     "area of contention.", "said", "Cardin"),
    # the verb before the colon heads the sentence: the cue in its "when" clause is someone else's
    ("When Trump suggested that Cuba would sue the U.S. for reneging on the deal, Rubio fired back "
     "forcefully: “If they sue us in a court in Miami, they’re going to lose.”",
     "If they sue us in a court in Miami, they’re going to lose.", "fired", "Rubio"),
    # or before the comma, however the parse hung it
    ("After former California Gov. Jerry Brown criticized Bill Clinton during a debate, Hillary shot back, “If "
     "I could have chosen to bake cookies and have teas, I would have.”",
     "If I could have chosen to bake cookies and have teas, I would have.", "shot", "Hillary"),
    # a verb before the colon inside what was said is not the speaker's
    ("Axelrod said this was a “fatal miscalculation” and that she has learned her lesson: “They are "
     "fortified for a longer fight if they need to be in one.”",
     "They are fortified for a longer fight if they need to be in one.", "said", "Axelrod"),
    # the sentence the parse split off after "!" goes on with the quote's frame, though a quotation follows in it
    ('She had posted comments on Facebook about an alleged rape. "Filth out!" she wrote, arguing that if tougher '
     'measures against refugees were not deployed, "more asylum seekers\' homes will burn."',
     "Filth out!", "wrote", "she"),
    # a fragment a relative clause's own verb of speech reports is that clause's subject's
    ('And, in a clip that U.S. District Judge Michael W. Mosman called "distasteful," Santilli expressed a '
     'desire to shoot people.', "distasteful,", "called", "U.S. District Judge Michael W. Mosman"),
    ("According to White House pool reports, Obama said “there is love” in Orlando after the massacre, which he "
     "called “an evil, hateful act.”", "an evil, hateful act.", "called", "he"),
    # ... or a "what X called" under a preposition, though an outer verb may be read as one of speech
    ("In 2009, under what Mr. Hedge called ''the prior economy model,'' the Marsh Landing Country Club, a private "
     "course 300 miles north of here, charged its members a fee.", "the prior economy model,", "called", "Mr. Hedge"),
    # ... not one the parse hung deeper below it: the paper reports the loopholes
    ("The four “loopholes” he cited are “the ability to use real estate losses to offset other income,” The Hill "
     "reported.", "the ability to use real estate losses to offset other income,", "reported", "The Hill"),
    # what one cannot say is no quote of theirs: the one who added it speaks
    ("Comey cannot say that “from his perspective,” Lewandowski added, saying it should be “up to the "
     "prosecutor to move forward or not.”", "from his perspective,", "added", "Lewandowski"),
])
def test_quotes_cue_and_speaker_of_a_quote_among_others(nlp, text, term, cue, speaker):
    [quote] = [q for q in find_quotes(nlp(text)) if text[q.spans[0][0]:q.spans[-1][1]] == term]
    assert cue_and_speaker(text, quote) == (cue, speaker)


@pytest.mark.model
@pytest.mark.parametrize("text, cue, speaker", [
    # the parse ends the sentence at the closing mark; the lower-case sentence after it is the frame
    ('The rally went on. "Power to the people!" the group shouted from the street outside a '
     'normally quiet block.', "shouted", "the group"),
    # "Silverman was joined ... and joked": who was joined joked, not the crowd of the clause before
    ("As the crowd began to chant, Silverman was joined on stage again by Minnesota Sen. Al Franken "
     "and joked, “Bernie or Bust people, you’re being ridiculous,” drawing loud jeers.", "joked", "Silverman"),
    # a statement someone released says what they say
    ('At the time, she released a statement saying, "G-III has distinguished itself as a trusted partner."',
     "saying", "she"),
    # "went so far as to say": the one who went says it
    ("The Slate technology columnist David Auerbach went so far as to say: ''Twitter as we know it is over.'' "
     "For some users, that may be the case.", "say", "The Slate technology columnist David Auerbach"),
    # the name after an inverted "said" speaks, not the word the parse made the subject of an aside
    ("''I'm more skilled with my hands than I am with my brain,'' said Robin Maynard, half joking.", "said",
     "Robin Maynard"),
    # a quotation whose only cue is in the sentence that gave the one before it its cue goes on with it
    ("''She needs one or two big ideas that are proportionate to the scale of the problems we are facing,'' said "
     "Robert Reich, who served as labor secretary during Mr. Clinton's first term yet endorsed Bernie Sanders in "
     "the Democratic primary. ''Her instinct is to be incrementalist.''", "said", "Robert Reich"),
    # a name the tagger took for a verb is still the subject of the verb after it
    ('"Jeb wants to be a tough guy tonight," Trump shot back.', "shot", "Trump"),
    # a verb of speech the tagger took for a noun still ends the frame; the words before it speak
    ('The Cruz campaign sent an email on Wednesday. "Friend, let me be blunt. I can beat Hillary Clinton. '
     'Donald can\'t," the email read.', "read", "the email"),
    ('"You seem to have picked a new standard out of thin air," the two write.', "write", "the two"),
    # the parse made the speaker the root and the verb a participle of it: a sentence needs a verb
    ('He said it was failing. "Is President Obama going to finally mention the words radical Islamic terrorism? '
     'If he doesn\'t he should immediately resign in disgrace!" the presumptive GOP presidential nominee, Donald '
     'Trump, tweeted Sunday after a lone-wolf attack on an Orlando nightclub.', "tweeted",
     "the presumptive GOP presidential nominee, Donald Trump"),
    # "then leaned in and boomed": the verb the parse left loose goes on with the subject before it
    ('Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”',
     "boomed", "Trump"),
    # after a question, a named subject and a verb that ends the sentence are its frame, whatever the verb
    ('"Would it be negotiable about the 11 million?" Hannity pressed.', "pressed", "Hannity"),
    # a long frame after "?" whose verb of speech reports nothing of its own reports the quote
    ('Among the volunteers is Eva Miller.\n\n"I am calling from the Hillary Clinton campaign. How are you today?" '
     'Miller, a retired worker from a nuclear plant, said pleasantly into the phone.', "said",
     "Miller, a retired worker from a nuclear plant"),
    # one with an object of its own is a new sentence about something else: the quote goes on the one before
    ('"I completely disagree with the assertion," she said. "We feel good about the areas we are going to." '
     'She noted a planned Cruz rally on Saturday in Sioux City with King in his district.', "said", "she"),
    # "asked" set off by commas is a participle (the tagger reads a past tense): the one asked is
    # no speaker of its own, and "The issue" none at all
    ("The issue had come up Friday after Mr. Trump, asked about the deaths of journalists under Mr. Putin, had "
     "said, ''I think our country does plenty of killing also.''", "said", None),
    # the name the parse hung inside the quotation speaks, not the subject of a verb further on
    ('“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner nationally '
     'and current polling leader in South Carolina by a wide margin after winning the New Hampshire primaries, '
     'said when Boyle asked him a question.', "said", "Trump"),
    # "can be heard asking": the one heard speaks, a described one too after a question with a bare verb
    ('“There should be a database system,” a reporter can be heard saying.', "saying", "a reporter"),
    ('“Should there be a database system?” a reporter can be heard asking Trump.', "asking", "a reporter"),
    # the person right before a participle of speech is the one shown speaking, not the ad showing it
    ('The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”', "asking",
     "Hillary Clinton"),
    ('Byrne gives an account of Clinton telling one agent to “Go to hell!”', "telling", "Clinton"),
    # someone written to says nothing
    ('He sent a letter to Obama saying, “We will win this fight together.”', "saying", "He"),
])
def test_quotes_cue_and_speaker_of_the_only_quote(nlp, text, cue, speaker):
    [quote] = find_quotes(nlp(text))
    assert cue_and_speaker(text, quote) == (cue, speaker)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the order's words, which Cruz would not comment on, are not Cruz's
    "But Cruz would not comment on an executive order signed by the governor “to protect privacy and equality” "
    "for many state workers.",
    "But she doesn’t like “surprises,” in the words of one top staffer.",
])
def test_quotes_fragment_under_a_negated_verb_is_not_its_subjects(nlp, text):
    assert [cue_and_speaker(text, q) for q in find_quotes(nlp(text))] == []


@pytest.mark.model
def test_quotes_each_of_two_speakers_in_one_sentence_keeps_their_words(nlp):
    # the shout is nearest the first quote; "Beck joked" (the name parsed as a compound) has the second
    text = ("When someone in the audience shouted, “Cruz,” Beck joked, again using an exaggerated Southern "
            "accent, “Amen, brother! Come on up and get baptized!”")
    assert [cue_and_speaker(text, q) for q in find_quotes(nlp(text))] == [
        ("shouted", "someone in the audience"), ("joked", "Beck")]
