"""The acceptance checks of the first sample, read off the article by a person.

Every direct quotation in the body, with its speaker, and every key actor
with role and affiliation, as a careful reader of the article would list them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

# (name, kind, words the role must hold, affiliation)
KEY_ACTORS = [
    ("Antony Blinken", "person", "Secretary of State", "United States"),
    ("Lloyd Austin", "person", "Secretary of Defense", "United States"),
    ("Chung Eui-yong", "person", "Foreign Minister", "South Korea"),
    ("Suh Wook", "person", "Defense Minister", "South Korea"),
    ("Moon Jae-in", "person", "President", "South Korea"),
    ("Kim Yo Jong", "person", "sister", "North Korea"),
    ("Kim Jong Un", "person", "leader", "North Korea"),
    ("Choi Sun Hee", "person", "Diplomat", "North Korea"),
    ("Choi Young-sam", "person", "spokesperson", "Foreign Ministry"),
    ("Kim Young-jun", "person", "professor", "Korea National Defense University"),
    ("United States", "country", None, None),
    ("South Korea", "country", None, None),
    ("North Korea", "country", None, None),
    ("Japan", "country", None, None),
    ("China", "country", None, None),
]

# Each direct quotation in the body: its opening words and who said it.
BODY_QUOTES = [
    ("We hope that the Korea-U.S. relationship", "Chung Eui-yong"),
    ("linchpin for peace, security", "Antony Blinken"),
    ("to ensure the security and well-being", "Antony Blinken"),
    ("We’ll continue to work together", "Antony Blinken"),
    ("The Korea-U.S. alliance is more important", "Lloyd Austin"),
    ("hostile acts against the compatriots", "Kim Yo Jong"),
    ("Whatever and however the south Korean", "Kim Yo Jong"),
    ("[W]e cannot but put on the agenda", "Kim Yo Jong"),
    ("causing a stink", "Kim Yo Jong"),
    ("wants to sleep in peace", "Kim Yo Jong"),
    # Choi said the administration "demanded “complete denuclearization”": the quoted demand is its words
    ("complete denuclearization", "Biden administration"),
    ("I don’t take Kim Yo Jong’s statement seriously", "Kim Young-jun"),
    ("It is important to pay attention", "Kim Young-jun"),
]


def _actor(brief, name):
    found = [a for a in brief.actors if a.name == name or name in a.aliases]
    assert len(found) == 1, f"{name}: {[a.name for a in found]}"
    return found[0]


@pytest.mark.parametrize("name, kind, role, affiliation", KEY_ACTORS)
def test_sample_seoul_key_actor_is_one_actor_with_role_and_affiliation(seoul_brief, name, kind, role, affiliation):
    actor = _actor(seoul_brief, name)
    assert actor.kind == kind
    if role:
        assert role.lower() in (actor.role or "").lower()
    if affiliation:
        assert actor.affiliation == affiliation


@pytest.mark.parametrize("alias, country", [("Seoul", "South Korea"), ("Washington", "United States"),
                                            ("Pyongyang", "North Korea"), ("South", "South Korea"),
                                            ("Lloyd Austin III", None), ("Austin", None), ("Chung", None)])
def test_sample_seoul_other_names_join_their_actor(seoul_brief, alias, country):
    owners = [a for a in seoul_brief.actors if alias in a.aliases or a.name == alias]
    assert len(owners) == 1
    if country:
        assert owners[0].name == country


@pytest.mark.parametrize("opening, speaker", BODY_QUOTES)
def test_sample_seoul_quote_found_with_its_speaker(seoul_brief, opening, speaker):
    quotes = [q for q in seoul_brief.quotes if any(
        seoul_brief.source.text[s:e].startswith(opening) for s, e in q.spans)]
    assert len(quotes) == 1, opening
    assert seoul_brief.actor(quotes[0].speaker).name == speaker


def test_sample_seoul_professor_closing_quotes_are_one_quote_in_two_spans(seoul_brief):
    q = next(q for q in seoul_brief.quotes if q.text.startswith("I don’t take"))
    assert len(q.spans) == 2


def test_sample_seoul_photo_credit_and_caption_are_not_analysed(seoul_brief):
    names = {n for a in seoul_brief.actors for n in [a.name, *a.aliases]}
    assert "Ron Przysucha" not in names
    assert "State Department" not in names


def test_sample_seoul_meeting_name_is_nobodys_quote(seoul_brief):
    assert not any("2+2" in q.text for q in seoul_brief.quotes)


def test_sample_seoul_every_quote_is_verbatim(seoul_brief):
    text = seoul_brief.source.text
    for q in seoul_brief.quotes:
        assert text[q.start:q.end] == q.text
        for s, e in q.spans:
            assert text[s - 1] in "“\"‘'" and text[e] in "”\"’'.,", q.text


def test_sample_seoul_headline_is_title_and_not_analysed(seoul_brief):
    assert seoul_brief.source.title == "US Secretaries of State and Defense Hold Talks in South Korea"


def test_sample_seoul_each_position_is_held_by_whom_the_article_says(seoul_brief):
    """Choi reported that the Biden administration "demanded “complete denuclearization”": the demand is
    the administration's; Blinken and Austin both emphasized the alliance point."""
    held = {p.text: [p.actor, *p.co_actors] for p in seoul_brief.positions}
    assert held["complete denuclearization"] == ["biden-administration"]
    [point] = [v for k, v in held.items() if k.startswith("that the alliance should be strengthened")]
    assert point == ["antony-blinken", "lloyd-austin"]
