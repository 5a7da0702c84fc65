"""Actor rules: one actor per real-world entity, roles, affiliations, speaker resolution."""

from __future__ import annotations

import pytest

from briefing.analysis.actors import ActorIndex
from briefing.analysis.gazetteer import country_of, demonym_country


@pytest.mark.parametrize("text, place, expected", [
    ("U.S.", True, "United States"),
    ("the United States", True, "United States"),
    ("North Korea’s", True, "North Korea"),
    ("Republic of Korea", True, "South Korea"),
    ("DPRK", True, "North Korea"),
    ("Seoul", True, "South Korea"),
    ("Seoul", False, None),
    ("South Korean", True, "South Korea"),
    ("Austin", True, None),
])
def test_gazetteer_country_of(text, place, expected):
    assert country_of(text, place=place) == expected


def test_gazetteer_demonym_is_not_a_country_name():
    assert demonym_country("South Korean") == "South Korea"
    assert demonym_country("Korea") is None


def index(nlp, text, quotes=()):
    return ActorIndex(nlp(text), list(quotes))


def by_name(idx):
    return {a.name: a for a in idx.actors()}


@pytest.mark.model
def test_actors_surname_joins_full_name(nlp):
    actors = by_name(index(nlp, "U.S. Secretary of State Antony Blinken arrived in Seoul. Blinken met officials."))
    assert actors["Antony Blinken"].aliases == ["Blinken"]
    assert actors["Antony Blinken"].role == "Secretary of State"
    assert actors["Antony Blinken"].affiliation == "United States"


@pytest.mark.model
def test_actors_family_name_first(nlp):
    actors = by_name(index(nlp, "South Korean Foreign Minister Chung Eui-yong spoke first. Chung also stressed the alliance."))
    chung = actors["Chung Eui-yong"]
    assert "Chung" in chung.aliases
    assert (chung.role, chung.affiliation) == ("Foreign Minister", "South Korea")


@pytest.mark.model
def test_actors_name_suffix_is_the_same_person(nlp):
    actors = by_name(index(nlp, "Secretary of Defense Lloyd Austin III landed. Later Lloyd Austin said little. Austin left."))
    assert set(actors["Lloyd Austin"].aliases) == {"Lloyd Austin III", "Austin"}


@pytest.mark.model
def test_actors_coordinated_titles_share_the_country(nlp):
    actors = by_name(index(nlp, "U.S. Secretary of State Antony Blinken and Secretary of Defense Lloyd Austin III "
                                "arrived in South Korea on March 17."))
    assert actors["Lloyd Austin"].affiliation == "United States"


@pytest.mark.model
def test_actors_name_after_a_title_is_a_person_whatever_the_tagger_said(nlp):
    actors = by_name(index(nlp, "Senior North Korean Diplomat Choi Sun Hee also issued a statement on March 17."))
    choi = actors["Choi Sun Hee"]
    assert choi.kind == "person" and choi.affiliation == "North Korea"


@pytest.mark.model
@pytest.mark.parametrize("text, name, role", [
    # what someone does, beside or before the name, without a title word
    ("Rachel Berg, a philanthropist from Monsey, New York, said the speeches were poor.", "Rachel Berg",
     "philanthropist from Monsey"),
    ("Reading from a text, retired neurosurgeon Ben Carson spoke to the crowd.", "Ben Carson", "retired neurosurgeon"),
    ("Clinton campaign manager Robby Mook said the race was close.", "Robby Mook", "Clinton campaign manager"),
    ("Douglas Brinkley, a historian who attended the session, said it went well.", "Douglas Brinkley", "historian"),
    # how someone stands to another is no role; a word opening the sentence is no part of one
    ("Trump's rival Hillary Clinton spoke in Ohio on Monday.", "Hillary Clinton", None),
    ("But Attorney General Eric Schneiderman said the charity was not registered.", "Eric Schneiderman",
     "Attorney General"),
])
def test_actors_role_is_what_the_person_does(nlp, text, name, role):
    assert by_name(index(nlp, text))[name].role == role


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # a capital "The" inside a sentence is part of a one-word name
    ("Kim Young-jun, a professor, told The Diplomat that sanctions would stay.", "The Diplomat"),
    ("The mayor told The Post that the plan would fail.", "The Post"),
    # not an acronym's, nor one opening a sentence
    ("The FBI said on Monday that the inquiry was over.", "FBI"),
])
def test_actors_one_word_name_keeps_its_capital_the(nlp, text, name):
    assert name in by_name(index(nlp, text))


@pytest.mark.model
def test_actors_appositive_role_and_affiliation(nlp):
    actors = by_name(index(nlp, "Kim Young-jun, a professor at Korea National Defense University, told reporters "
                                "that sanctions would stay."))
    kim = actors["Kim Young-jun"]
    assert kim.role == "professor"
    assert kim.affiliation == "Korea National Defense University"


@pytest.mark.model
def test_actors_capitals_and_the_south_stand_for_countries(nlp):
    actors = by_name(index(nlp, "North Korea is looking to drive a wedge between the South and the United States. "
                                "Seoul and Washington disagree. South Korea said nothing."))
    assert {"Seoul", "South"} <= set(actors["South Korea"].aliases)
    assert "Washington" in actors["United States"].aliases


@pytest.mark.model
def test_actors_platform_is_not_an_actor(nlp):
    actors = by_name(index(nlp, "Defense Secretary Lloyd Austin spoke. Austin also said on Twitter that it mattered."))
    assert "Twitter" not in actors


@pytest.mark.model
def test_actors_programme_is_not_an_actor(nlp):
    text = ("Although the 2012 Deferred Action for Childhood Arrivals program, or DACA, is operating, "
            "the Deferred Action for Parents of Americans and Lawful Permanent Residents program, or DAPA, "
            "is blocked. Sanders said DACA and DAPA would be supplemented. NATO said its programs help, "
            "and the World Bank program goes on.")
    actors = by_name(index(nlp, text))
    assert not {"DACA", "DAPA", "Childhood Arrivals", "Lawful Permanent Residents"} & set(actors)
    assert not any("Deferred Action" in name for name in actors)
    # a body that runs programmes stays one
    assert "NATO" in actors


@pytest.mark.model
@pytest.mark.parametrize(
    "text, short, full",
    [
        ("Clinton leads in Ohio, a poll by The New York Times shows. The poll was done last week, the Times said.",
         "the Times", "New York Times"),
        ("Bezos owns The Washington Post, which covers Trump. He was comfortable, The Post reported.",
         "The Post", "Washington Post"),
        ("Trump leads, according to the Las Vegas Sun. The poll was done by phone, the Sun said.",
         "the Sun", "Las Vegas Sun"),
    ],
)
def test_actors_paper_short_name_is_the_paper_named_before(nlp, text, short, full):
    idx = index(nlp, text)
    names = {a.id: a.name for a in idx.actors()}
    at = text.index(short)
    assert names.get(idx.resolve(at, at + len(short))) == full
    assert short.split()[-1] not in names.values()


@pytest.mark.model
def test_actors_short_name_of_two_papers_is_neither(nlp):
    text = ("The New York Times and the Financial Times both ran the story. The Times said it was true.")
    names = {a.name for a in index(nlp, text).actors()}
    assert {"New York Times", "Financial Times"} <= names


@pytest.mark.model
def test_actors_newspaper_tagged_as_a_place_is_an_organization(nlp):
    text = ("“I think one has to ask,” O’Malley said at a press conference, according to the Las Vegas Sun.")
    actors = by_name(index(nlp, text))
    assert actors["Las Vegas Sun"].kind == "organization"
    # a paper named after its country is no country
    text = "Donations hit $1.1 billion, a USA TODAY analysis of newly filed campaign-finance reports shows."
    idx = index(nlp, text)
    at = text.index("a USA TODAY analysis")
    assert {a.id: a.name for a in idx.actors()}.get(idx.resolve(at, at + len("a USA TODAY analysis"))) == "USA TODAY"


@pytest.mark.model
def test_actors_shared_surname_resolves_to_the_person_in_focus(nlp):
    text = ("Kim Yo Jong, sister of North Korean leader Kim Jong Un, issued a statement. "
            "Kim Young-jun, a professor at Korea University, told reporters it mattered little. "
            "“It is not serious,” Kim said.")
    quote_start = text.index("It is")
    idx = index(nlp, text, [(quote_start, quote_start + len("It is not serious"))])
    speaker = text.rindex("Kim")
    assert idx.resolve(speaker, speaker + 3) == "kim-young-jun"


@pytest.mark.model
@pytest.mark.parametrize("text, surname, expected", [
    # a wife brought in as someone's relative goes by her full name; the bare surname is his
    ("Ted Cruz spoke in Cleveland. Trump once attacked his wife, Heidi Cruz, on Twitter. "
     "Heidi Cruz was hurt by it. Cruz called Trump a liar.", "Cruz", "ted-cruz"),
    ("Donald Trump spoke first. The candidate’s glamorous wife Melania Trump followed him on stage. "
     "Melania Trump spoke for twenty minutes. Then Trump thanked the crowd.", "Trump", "donald-trump"),
    # named first and described as a daughter, she is the one the story is about
    ("Liz Cheney, the daughter of former Vice President Dick Cheney, won the primary. "
     "Cheney said she was grateful.", "Cheney", "liz-cheney"),
])
def test_actors_bare_surname_is_not_the_relatives(nlp, text, surname, expected):
    at = text.rindex(surname)
    assert index(nlp, text).resolve(at, at + len(surname)) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, description, expected", [
    # the place ties the description to one of two senators, whatever the focus
    ("Sen. Bernie Sanders (I-Vt.) and Sen. Ted Cruz (R-Tex.) spoke in Manchester. Cruz drew a big crowd. "
     "The Vermont senator said the system was rigged.", "The Vermont senator", "bernie-sanders"),
    ("Ohio Gov. John Kasich and former Florida Gov. Jeb Bush spoke. Bush went first. "
     "The Ohio governor said he would win.", "The Ohio governor", "john-kasich"),
    # "the senator" after Rubio, whose title the article never wrote, is not Sanders
    ("Sen. Bernie Sanders spoke on Monday. Marco Rubio stopped by his headquarters in Manchester. "
     "The senator said his campaign was closing strong.", "The senator", None),
    # the person the story is on, and the only senator
    ("Sen. Bernie Sanders spoke on Monday. The senator said the system was rigged.", "The senator", "bernie-sanders"),
    # someone new
    ("Sen. Bernie Sanders spoke on Monday. A senator said the system was rigged.", "A senator", None),
    ("Sen. Bernie Sanders spoke on Monday. One senator said the system was rigged.", "One senator", None),
    # a role written out names a place the description must share
    ("Independent Vermont senator Bernie Sanders and Sen. Marco Rubio spoke in Miami. "
     "The Florida senator said the system was rigged.", "The Florida senator", None),
    # the description's head must be the role's title or occupation, not any word of it
    ("Sanders campaign manager Jeff Weaver spoke on Monday. The campaign said the system was rigged.",
     "The campaign", "sanders-campaign"),
    ("Sanders campaign manager Jeff Weaver spoke on Monday. The campaign manager said the system was rigged.",
     "The campaign manager", "jeff-weaver"),
    # "his lawyer" is the lawyer of the one "his" stands for
    ("Clinton lawyer Cheryl Mills spoke on Monday. The panel held Bryan Pagliano in contempt. "
     "His lawyer said he would not answer questions.", "His lawyer", None),
    ("Trump lawyer Michael Cohen spoke on Monday. Donald Trump arrived late. "
     "His lawyer said he would not answer questions.", "His lawyer", "michael-cohen"),
])
def test_actors_description_resolves_to_the_person_it_fits(nlp, text, description, expected):
    at = text.index(description)
    assert index(nlp, text).resolve(at, at + len(description)) == expected


@pytest.mark.model
@pytest.mark.parametrize("phrase, expected", [
    # the name in apposition is the one meant, not the one it is described by
    ("Clinton’s opponent, Donald Trump,", "Donald Trump"),
    ("Trump's running mate, Indiana Gov. Mike Pence,", "Mike Pence"),
    # many people around a person are not that person, nor a country its citizens
    ("Clinton supporters", None),
    ("McConnell aides", None),
    ("Experts on North Korea", None),
    # officials speak for their country, and one named among many holds what they hold
    ("American officials", "United States"),
    ("Other unions, including the AFL-CIO,", "AFL-CIO"),
    # a former chairman no longer speaks for the committee
    ("A former Democratic National Committee chairman", None),
])
def test_actors_speaker_phrase_names_whom_it_means(nlp, phrase, expected):
    text = ("Hillary Clinton and Donald Trump met voters in Ohio. Mitch McConnell and North Korea "
            f"were in the news, and so was the AFL-CIO. {phrase} said the race was close.")
    idx = index(nlp, text)
    at = text.index(phrase)
    names = {a.id: a.name for a in idx.actors()}
    assert names.get(idx.resolve(at, at + len(phrase.rstrip(",")))) == expected


@pytest.mark.model
def test_actors_named_in_the_quote_is_not_its_speaker(nlp):
    text = ("Kim Young-jun, a professor, spoke. Kim Yo Jong, sister of leader Kim Jong Un, spoke too. "
            "“I don’t take Kim Yo Jong’s statement seriously,” Kim said.")
    q = text.index("I don’t")
    idx = index(nlp, text, [(q, text.index(",”"))])
    speaker = text.rindex("Kim")
    said = text[q:text.index(",”")]
    assert idx.resolve(speaker, speaker + 3, avoid_text=said) == "kim-young-jun"


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Kim Yo Jong, sister of leader Kim Jong Un, spoke on Monday. South Korean Defense Minister Suh Wook "
     "met Lloyd Austin. Suh agreed with Austin. Later he said that talks would go on.", "suh-wook"),
    ("Kim Yo Jong, sister of leader Kim Jong Un, spoke on Monday. Mr. Suh met Lloyd Austin. "
     "Later she said that talks would go on.", "kim-yo-jong"),
    ("Rachel Berg, a philanthropist, said the speeches were poor. Along with her husband, Milton Berg, "
     "she has given to many candidates. Later she said that talks would go on.", "rachel-berg"),
    ("As for Carson’s mangling of “Hamas,” Eric Levine found comic relief in it. "
     "Later he said that talks would go on.", "eric-levine"),
    # with no subject to go on, the owner of a thing named before the pronoun in its sentence
    ("Hillary Clinton spoke on Monday. The storm hit the state. Thousands of homes were damaged. The paper "
     "wrote about it. The editorial noted Clinton’s comment that she said talks would go on.", "hillary-clinton"),
    # but not the one someone works for
    ("Bernie Sanders spoke on Monday. The storm hit the state. Thousands of homes were damaged. The paper "
     "wrote about it. On TV, Sanders’s campaign manager outlined how he said talks would go on.", None),
    # a line of marks alone between the items of a live report is no sentence to look past
    ("Mary Smith said the plan was good.\n\n___.\n\n___.\n\n___.\n\n___.\n\nLater she said that talks would "
     "go on.", "mary-smith"),
    # "his" after another person as the object tells nothing of the subject's gender
    ("Elizabeth Warren grilled John Stumpf on Tuesday for his role in the scandal. Warren told Stumpf, after he "
     "admitted fault, that he should resign. Later she said that talks would go on.", "elizabeth-warren"),
])
def test_actors_pronoun_resolves_to_the_nearest_subject(nlp, text, expected):
    pronoun = "she" if " she said" in text else "he"
    idx = index(nlp, text)
    at = text.rindex(f" {pronoun} ") + 1
    assert idx.resolve(at, at + len(pronoun)) == expected


@pytest.mark.model
def test_actors_a_second_first_name_before_a_known_surname_is_a_second_person(nlp):
    # the tagger calls "Ivanka Trump" a product or a work of art: she is still not Donald Trump
    text = ("Ivanka Trump champions some working women. Not her own employees.\n\n"
            "On the last day of the Republican National Convention in July, Ivanka Trump strode across the stage "
            "in a blush-toned dress from her namesake label. Then she shattered party norms, pledging that her "
            "father, Donald Trump, would revolutionize support for working mothers.\n\n"
            "\"Policies that allow women with children to thrive should not be novelties,\" Ivanka Trump said.\n\n"
            "Donald Trump said last week that the plan would be expensive.")
    idx = index(nlp, text)
    actors = by_name(idx)
    assert {"Ivanka Trump", "Donald Trump"} <= set(actors)
    said = text.index("Ivanka Trump said")
    assert idx.resolve(said, said + len("Ivanka Trump")) == "ivanka-trump"


@pytest.mark.model
def test_actors_a_function_word_describes_no_one(nlp):
    # "read" taken for a noun makes "the" the head of "the email": "Keep the Promise" has "the" in its name
    text = ('Dan Tripp, state director of Keep the Promise, spoke on Tuesday. The Cruz campaign '
            'sent an email on Wednesday.\n\n"Friend, let me be blunt. I can beat Hillary Clinton. Donald can\'t," '
            'the email read.')
    idx = index(nlp, text)
    at = text.index("the email read")
    assert idx.resolve(at, at + len("the email")) is None


@pytest.mark.model
def test_actors_speaker_phrase_with_appositive_name(nlp):
    text = "A Foreign Ministry spokesperson, Choi Young-sam, said on the same day that Seoul has not changed."
    idx = index(nlp, text)
    assert idx.resolve(0, len("A Foreign Ministry spokesperson")) == "choi-young-sam"


@pytest.mark.model
def test_actors_speaker_phrase_names_its_head_not_a_name_inside_a_clause(nlp):
    text = ("New York attorney Eric Levine said little. Reading from a text, Ben Carson spoke. "
            "Of Carson, Levine, who has given money to Marco Rubio, said, “He’s flat-out scary.”")
    idx = index(nlp, text)
    start = text.index("Of Carson")
    assert idx.resolve(start, text.index(", said")) == "eric-levine"


@pytest.mark.model
def test_actors_possessive_ends_a_name(nlp):
    actors = by_name(index(nlp, "Donald Trump spoke. He is friendly with Trump’s Jewish in-laws the Kushners."))
    assert "Trump’s Jewish" not in actors and "Trump" in actors["Donald Trump"].aliases


@pytest.mark.model
@pytest.mark.parametrize("text, name, role, affiliation", [
    ("Former Secretary of State Hillary Clinton and former Maryland Gov. Martin O’Malley spoke.",
     "Martin O’Malley", "former Maryland Gov.", None),
    ("Democratic presidential candidate Bernie Sanders promised Monday to act.",
     "Bernie Sanders", "presidential candidate", "Democratic Party"),
])
def test_actors_title_words_before_a_name(nlp, text, name, role, affiliation):
    actor = by_name(index(nlp, text))[name]
    assert (actor.role, actor.affiliation) == (role, affiliation)


@pytest.mark.model
def test_actors_name_seen_only_in_the_headline_is_not_trusted(nlp):
    text = "Bernie Sanders Promises Action On Immigration\n\nDemocratic candidate Bernie Sanders spoke on Monday."
    actors = by_name(ActorIndex(nlp(text), [], headline=(0, text.index("\n"))))
    assert set(actors) == {"Bernie Sanders"}


@pytest.mark.model
def test_actors_speaker_phrase_person_beats_the_country_of_an_adjective(nlp):
    text = "The Egyptian minister, Ahmed Hassan, said the plan was good."
    idx = index(nlp, text)
    assert idx.resolve(0, text.index(", said")) == "ahmed-hassan"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Breitbart News Daily airs on SiriusXM Patriot 125 weekdays from 6:00 a.m. to 9:00 a.m. Eastern.",
    "The debate starts at 9 p.m. EST on Monday, the commission said.",
])
def test_actors_time_zone_is_not_an_organization(nlp, text):
    names = by_name(index(nlp, text))
    assert not {"Eastern", "EST"} & set(names)


@pytest.mark.model
def test_actors_one_word_after_a_demonym_keeps_the_demonym(nlp):
    names = by_name(index(nlp, "The talks with the Palestinian Authority stalled, and the South Korean Defense Ministry "
                               "said it would wait."))
    assert "Palestinian Authority" in names and "Authority" not in names
    assert names["Defense Ministry"].affiliation == "South Korea"


@pytest.mark.model
def test_actors_name_ending_in_a_company_word_is_an_organization(nlp):
    # the tagger reads "Marc Fisher Footwear" as a person
    actors = by_name(index(nlp, "In a statement, Marc Fisher Footwear said the brand was doing well."))
    assert actors["Marc Fisher Footwear"].kind == "organization"


@pytest.mark.model
def test_actors_word_for_a_people_is_no_organization(nlp):
    # the tagger takes "Latino" for a body; a people's adjective describes someone
    text = "This is the yuca primary, one Latino conservative said. The candidates must address Latino sensitivities."
    assert "Latino" not in by_name(index(nlp, text))
