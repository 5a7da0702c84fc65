"""The digest: actors merged across articles, items citing their article, the overview, the command."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import docx
import pytest
from click.testing import CliRunner
from pydantic import ValidationError
from pypdf import PdfReader

from briefing.cli import main
from briefing.digest import Digest, build_digest, name_words, plan_digest_outputs
from briefing.document import parse
from briefing.errors import OutputError, TemplateError
from briefing.model import Actor, Briefing, Position, Quote, Source, Span, Summary, TimelineEvent
from briefing.templates import find_audiences, md_escape, render_digest_markdown

from .conftest import SAMPLES


# -- hand-built briefs ----------------------------------------------------------------------


def make_brief(text, actors=(), quotes=(), positions=(), events=(), *, published=None, title="An article",
               publisher=None, bluf=""):
    """A brief of ``text``: actors are (name, kind, aliases); quotes and positions are
    (speaker name or None, words in the text); events are (date, words in the text)."""
    ids = {name: name.lower().replace(" ", "-").replace(".", "") for name, _, _ in actors}

    def span(words):
        start = text.index(words)
        return start, start + len(words)

    built_actors = []
    for name, kind, aliases in actors:
        start, end = span(name) if name in text else (0, 0)
        built_actors.append(Actor(id=ids[name], name=name, kind=kind, aliases=list(aliases),
                                  mentions=[Span(start=start, end=end)], salience=0.5))
    built_quotes = []
    for n, (speaker, words) in enumerate(quotes, start=1):
        start, end = span(words)
        built_quotes.append(Quote(id=f"q{n}", text=words, start=start, end=end, spans=[(start, end)],
                                  speaker=ids.get(speaker)))
    built_positions = []
    for n, (holder, words) in enumerate(positions, start=1):
        start, end = span(words)
        built_positions.append(Position(id=f"p{n}", actor=ids.get(holder), text=words, start=start, end=end))
    built_events = [TimelineEvent(date=date, text=words, start=span(words)[0], end=span(words)[1])
                    for date, words in events]
    source = Source(text=text, title=title, publisher=publisher, published=published,
                    sha256=hashlib.sha256(text.encode()).hexdigest())
    return Briefing(source=source, actors=built_actors, quotes=built_quotes, positions=built_positions,
                    timeline=built_events, summary=Summary(bluf=bluf))


def person(name, *aliases):
    return (name, "person", aliases)


def names_in(digest: Digest) -> set[str]:
    return {a.name for a in digest.actors}


def merged(*names_per_article) -> Digest:
    """A digest of one article per list of actors, each article naming them."""
    briefs = []
    for n, actors in enumerate(names_per_article):
        text = f"Article {n}. " + " ".join(name for name, _, _ in actors) + "."
        briefs.append(make_brief(text, actors))
    return build_digest(briefs)


# -- merging actors -------------------------------------------------------------------------


@pytest.mark.parametrize("name, words", [
    ("President Joe Biden", ("joe", "biden")),
    ("George W. Bush", ("george", "w", "bush")),
    ("Martin O’Malley", ("martin", "o'malley")),
    ("Donald Trump Jr.", ("donald", "trump", "jr")),
    ("Biden", ("biden",)),
])
def test_digest_name_words_drop_titles_and_keep_suffixes(name, words):
    assert name_words(name) == words


@pytest.mark.parametrize("first, second", [
    (person("Joe Biden"), person("Biden")),
    (person("Joe Biden"), person("President Biden")),
    (person("Joe Biden"), person("Joe Biden")),
    (person("George W. Bush"), person("George Bush")),
    (person("Bernie Sanders", "Bernie"), person("Bernie")),
    (("North Korea", "country", ["DPRK"]), ("DPRK", "organization", [])),
    (("the European Union", "organization", []), ("European Union", "organization", [])),
])
def test_digest_merges_one_actor_named_two_ways(first, second):
    digest = merged([first], [second])
    assert len(digest.actors) == 1
    assert digest.actors[0].articles == [1, 2]
    assert digest.actors[0].name == first[0].removeprefix("the ")


@pytest.mark.parametrize("first, second", [
    (person("Joe Biden"), person("Hunter Biden")),  # same surname, both full names known
    (person("Donald Trump"), person("Donald Trump Jr.")),
    (person("George W. Bush"), person("George H. W. Bush")),
    (person("Kim Yo Jong"), person("Kim Jong Un")),
    (("Democratic Party", "organization", []), ("Republican Party", "organization", [])),
    (("State Department", "organization", []), ("Defense Department", "organization", [])),
    (person("Jordan"), ("Jordan", "country", [])),  # a person is never a country
])
def test_digest_never_merges_two_actors(first, second):
    assert len(merged([first], [second]).actors) == 2


def test_digest_surname_alone_stays_apart_when_two_people_share_it():
    digest = merged([person("Joe Biden"), person("Hunter Biden")], [person("Biden")])
    assert names_in(digest) == {"Joe Biden", "Hunter Biden", "Biden"}



@pytest.mark.parametrize("short_role, joins", [
    ("President", "Barack Obama"),  # the role tells the two Obamas apart
    ("first lady", "Michelle Obama"),
    (None, None),  # nothing does: it stays apart
    ("senator", None),
])
def test_digest_surname_shared_by_two_people_joins_the_one_with_its_role(short_role, joins):
    texts = ["Barack Obama and Michelle Obama spoke.", "Obama spoke."]
    first = make_brief(texts[0], [person("Barack Obama"), person("Michelle Obama")])
    first = first.model_copy(update={"actors": [
        first.actors[0].model_copy(update={"role": "President"}),
        first.actors[1].model_copy(update={"role": "first lady"})]})
    second = make_brief(texts[1], [person("Obama")])
    second = second.model_copy(update={"actors": [second.actors[0].model_copy(update={"role": short_role})]})
    digest = build_digest([first, second])
    owner = next(a for a in digest.actors if any(m.article == 2 for m in a.members))
    assert owner.name == (joins or "Obama")


def test_digest_short_name_stays_apart_when_two_actors_answer_to_it():
    digest = merged([person("Kim Yo Jong", "Kim"), person("Kim Young-jun", "Kim")], [person("Kim")])
    assert len(digest.actors) == 3


def test_digest_merged_actor_keeps_the_full_name_and_the_aliases():
    digest = merged([person("Biden")], [person("Joe Biden", "Mr. Biden")], [person("Biden")])
    (actor,) = digest.actors
    assert actor.name == "Joe Biden"
    assert actor.articles == [1, 2, 3]
    assert {"Biden", "Mr. Biden"} <= set(actor.aliases)
    assert {(m.article, m.actor) for m in actor.members} == {(1, "biden"), (2, "joe-biden"), (3, "biden")}


# -- grouping, citing, ordering -------------------------------------------------------------


BIDEN_A = 'Joe Biden said "we will rebuild" and then Biden said that taxes would rise.'
BIDEN_B = 'President Biden said "the bill is dead" on Tuesday. Mitch McConnell said "never".'


@pytest.fixture
def two_days():
    later = make_brief(BIDEN_B, [person("Biden"), person("Mitch McConnell")],
                       quotes=[("Biden", "the bill is dead"), ("Mitch McConnell", "never")],
                       published=dt.date(2021, 3, 18), publisher="Daily Planet", bluf="The bill is dead.")
    earlier = make_brief(BIDEN_A, [person("Joe Biden")], quotes=[("Joe Biden", "we will rebuild")],
                         positions=[("Joe Biden", "that taxes would rise")],
                         published=dt.date(2021, 3, 17), publisher="Example Times", bluf="Biden will rebuild.")
    return build_digest([later, earlier])  # given newest first: the digest orders them


def test_digest_orders_articles_by_publication_date(two_days):
    assert [a.publisher for a in two_days.articles] == ["Example Times", "Daily Planet"]
    assert two_days.overview.by_date
    assert two_days.overview.latest == [2]


def test_digest_groups_quotes_by_merged_actor_citing_each_article(two_days):
    biden = two_days.actor("joe-biden")
    assert biden.articles == [1, 2]
    assert [(q.text(), q.article) for q in two_days.quotes_by("joe-biden")] == [
        ("we will rebuild", 1), ("the bill is dead", 2)]
    assert [(p.text, p.article) for p in two_days.positions_of("joe-biden")] == [("that taxes would rise", 1)]


def test_digest_position_held_jointly_is_each_holders():
    text = "Joe Biden and Mitch McConnell both said that the bill would pass. Biden said that taxes would rise."
    brief = make_brief(text, [person("Joe Biden"), person("Mitch McConnell")],
                       positions=[("Joe Biden", "that the bill would pass"), ("Joe Biden", "that taxes would rise")])
    jointly = brief.positions[0].model_copy(update={"co_actors": ["mitch-mcconnell"]})
    brief = brief.model_copy(update={"positions": [jointly, brief.positions[1]]})
    digest = build_digest([brief])
    assert [p.text for p in digest.positions_of("mitch-mcconnell")] == ["that the bill would pass"]
    assert {a.id: a.positions for a in digest.actors} == {"joe-biden": 2, "mitch-mcconnell": 1}
    assert Digest.from_json(digest.to_json()) == digest
    md = render_digest_markdown(digest)
    assert "that the bill would pass *(with Mitch McConnell; " in md  # under Biden
    assert "that the bill would pass *(with Joe Biden; " in md  # under McConnell


def test_digest_position_reads_after_its_cue():
    text = "Joe Biden said that taxes would rise. According to aides, Biden would veto the bill."
    brief = make_brief(text, [person("Joe Biden")], positions=[("Joe Biden", "that taxes would rise"),
                                                              ("Joe Biden", "Biden would veto the bill")])
    said, according = text.index("said"), text.index("According to")
    brief = brief.model_copy(update={"positions": [
        brief.positions[0].model_copy(update={"cue": Span(start=said, end=said + 4)}),
        brief.positions[1].model_copy(update={"cue": Span(start=according, end=according + 12)})]})
    digest = build_digest([brief])
    assert [p.cue for p in digest.positions_of("joe-biden")] == ["said", ""]
    assert "*said* that taxes would rise" in render_digest_markdown(digest)


def test_digest_most_covered_actor_comes_first(two_days):
    assert two_days.actors[0].id == "joe-biden"
    assert two_days.overview.dominant[0] == "joe-biden"
    assert two_days.overview.recurring == ["joe-biden"]


def test_digest_new_actors_are_those_first_met_on_a_later_day(two_days):
    assert two_days.overview.new == ["mitch-mcconnell"]


@pytest.mark.parametrize("dates, expected", [
    ((None, None, None), ["a", "b", "c"]),  # no dates: the order given
    ((dt.date(2021, 1, 2), None, dt.date(2021, 1, 1)), ["c", "a", "b"]),  # undated after the dated
])
def test_digest_orders_undated_articles_as_given(dates, expected):
    briefs = [make_brief(f"Article {t}.", published=d, title=t) for t, d in zip("abc", dates)]
    assert [a.title for a in build_digest(briefs).articles] == expected


def test_digest_counts_an_article_given_twice_once():
    brief = make_brief("The same article.")
    assert len(build_digest([brief, brief]).articles) == 1


def test_digest_same_quote_in_two_articles_is_listed_once_citing_both():
    a = make_brief('Wire copy: Ana Ruiz said "we will not sign".', [person("Ana Ruiz")],
                   quotes=[("Ana Ruiz", "we will not sign")], title="A")
    b = make_brief('Ana Ruiz said "we will not sign", the agency reported.', [person("Ana Ruiz")],
                   quotes=[("Ana Ruiz", "we will not sign")], title="B")
    digest = build_digest([a, b])
    (quote,) = digest.quotes
    assert (quote.article, quote.also_in) == (1, [2])


def test_digest_timeline_merges_one_event_reported_twice():
    a = make_brief("On March 3 the talks ended in Geneva without a deal.", events=[
        ("2021-03-03", "On March 3 the talks ended in Geneva without a deal.")], title="A")
    b = make_brief("The talks ended in Geneva on March 3 without a deal. On March 4 they resumed.", events=[
        ("2021-03-03", "The talks ended in Geneva on March 3 without a deal."),
        ("2021-03-04", "On March 4 they resumed.")], title="B")
    timeline = build_digest([a, b]).timeline
    assert [(e.date, e.article, e.also_in) for e in timeline] == [("2021-03-03", 1, [2]), ("2021-03-04", 2, [])]


# -- the model as JSON ----------------------------------------------------------------------


def test_digest_json_round_trip(two_days):
    again = Digest.from_json(two_days.to_json())
    assert again == two_days
    assert json.loads(two_days.to_json())["articles"][0]["label"] == "Example Times, 17 March 2021"


@pytest.mark.parametrize("path, value", [
    (("quotes", 0, "parts"), ["we will rebuild it all"]),  # not the article's words
    (("quotes", 0, "article"), 9),  # no such article
    (("positions", 0, "text"), "that taxes would fall"),
    (("actors", 0, "members", 0, "actor"), "nobody"),
])
def test_digest_json_refuses_an_edited_item(two_days, path, value):
    data = json.loads(two_days.to_json())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError):
        Digest.model_validate(data)


# -- rendering ------------------------------------------------------------------------------


def test_digest_markdown_cites_each_item_and_lists_the_sources(two_days):
    text = render_digest_markdown(two_days, settings={"title": "Monday digest"})
    document = parse(text)
    assert document.title == "Monday digest"
    assert "we will rebuild" in text
    assert md_escape("[2] Daily Planet, 18 March 2021") in text
    assert "Example Times" in text.split("## Sources")[1]
    assert text.count("### Joe Biden") == 1


def test_digest_template_is_not_an_audience():
    assert "digest" not in {a.name for a in find_audiences()}


@pytest.mark.parametrize("template, message", [
    ("nosuch", "no digest template 'nosuch'"),
    ("analyst", "is an audience template, not a digest template"),
])
def test_digest_markdown_refuses_a_wrong_template(two_days, template, message):
    with pytest.raises(TemplateError, match=message):
        render_digest_markdown(two_days, template=template)


def test_digest_plan_refuses_to_overwrite_an_input(tmp_path):
    article = tmp_path / "digest.md"
    article.write_text("An article.")
    with pytest.raises(OutputError, match="overwrite the article"):
        plan_digest_outputs(["md"], tmp_path, inputs=[article], force=True)


# -- the command, end to end ----------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sample_digest(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("digest")
    samples = sorted(SAMPLES.glob("*.txt"))
    result = run("digest", *samples, "--pdf", "--docx", "--json", "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.model
@pytest.mark.parametrize("reader", ["pdf", "docx"])
def test_digest_cli_samples_hold_actors_and_verbatim_quotes_with_citations(sample_digest, reader):
    model = Digest.from_json((sample_digest / "digest.json").read_text(encoding="utf-8"))
    if reader == "pdf":
        text = "\n".join(page.extract_text() for page in PdfReader(str(sample_digest / "digest.pdf")).pages)
    else:
        document = docx.Document(str(sample_digest / "digest.docx"))
        text = "\n".join([p.text for p in document.paragraphs]
                         + [c.text for t in document.tables for r in t.rows for c in r.cells])
    text = squash(text)
    for name in ("Bernie Sanders", "Donald Trump", "Antony Blinken"):
        assert name in text
    assert len(model.articles) == 3
    for actor_id in ("bernie-sanders", "antony-blinken"):
        quote = next(q for q in model.quotes_by(actor_id) if not q.partial)
        words = squash(quote.text(tidy=True))
        cited = f"[{quote.article}] {model.article(quote.article).label}"
        assert words in text
        assert cited in text.split(words, 1)[1][:300]  # the citation follows the quote


@pytest.mark.model
def test_digest_cli_two_articles_on_one_person_give_one_actor_section(tmp_path, nlp):
    first = tmp_path / "monday.txt"
    first.write_text('Senator Jane Holloway said on Monday that the bill would pass. '
                     '"We have the votes," Holloway told reporters in Washington.\n', encoding="utf-8")
    second = tmp_path / "tuesday.txt"
    second.write_text('Jane Holloway, a senator from Ohio, conceded defeat on Tuesday. '
                      '"We did not have the votes," Holloway said.\n', encoding="utf-8")
    result = run("digest", first, second, "--md", "--json", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    model = Digest.from_json((tmp_path / "digest.json").read_text(encoding="utf-8"))
    holloway = [a for a in model.actors if "Holloway" in a.name]
    assert len(holloway) == 1 and holloway[0].articles == [1, 2]
    assert (tmp_path / "digest.md").read_text(encoding="utf-8").count("### Jane Holloway") == 1


@pytest.mark.model
def test_digest_cli_bad_article_names_it_and_writes_nothing(tmp_path, nlp):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["digest", str(SAMPLES / "us-secretaries-of-state-and-defense-in-seoul.txt"),
                                       str(bad), "--pdf", "-o", str(tmp_path)])
    assert result.exit_code == 3
    assert "empty.txt" in result.output
    assert not (tmp_path / "digest.pdf").exists()


def test_digest_cli_refuses_an_existing_output(tmp_path):
    (tmp_path / "digest.pdf").write_bytes(b"old")
    result = CliRunner().invoke(main, ["digest", str(SAMPLES / "us-secretaries-of-state-and-defense-in-seoul.txt"),
                                       "--pdf", "-o", str(tmp_path)])
    assert result.exit_code == 5
    assert "already exists" in result.output
    assert (tmp_path / "digest.pdf").read_bytes() == b"old"
