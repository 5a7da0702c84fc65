"""Reading PolNeAR gold attributions from brat standoff files.

A folder is laid out as PolNeAR's ``dev``: ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann``. Some articles were annotated by several
annotators; we take the alphabetically first ``.ann`` so every run scores the
same gold.

In the ``.ann`` files a text-bound line (``T12<TAB>Content 10 20;25 40<TAB>...``)
marks a Source, Cue or Content span, possibly discontinuous, and an event line
(``E3<TAB>Attribution:T8 Content:T7 Cue:T6 Source:T5``) ties them together.
Events typed ``Attribution-no-source`` are attributions whose source the
annotator could not find in the text; they are gold too, with no source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import InputError

Spans = tuple[tuple[int, int], ...]

# Event types that are attributions; the second has no Source argument.
ATTRIBUTION_EVENTS = ("Attribution", "Attribution-no-source")

_ID = re.compile(r"^[TE]\d+$")

# brat numbers repeated roles: Content, Content2, ...
_ROLE = re.compile(r"^([A-Za-z]+?)\d*$")


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution; spans are character offsets into the article text."""

    id: str
    content: Spans
    source: Spans | None
    cue: Spans | None


@dataclass(frozen=True)
class Article:
    name: str
    text_path: Path
    text: str
    gold: list[GoldAttribution]


def _parse_spans(field: str) -> Spans:
    # "10 20;25 40" -> ((10, 20), (25, 40))
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def _merge(spans: list[tuple[int, int]]) -> Spans:
    return tuple(sorted(set(spans)))


def parse_ann(ann: str, where: str = "annotation") -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` text, in file order.

    Events without a Content argument are skipped: there is nothing to match.
    """
    bounds: dict[str, Spans] = {}
    events: list[tuple[str, list[str]]] = []
    for number, line in enumerate(ann.splitlines(), 1):
        fields = line.split("\t")
        # A span's text may itself hold line breaks, leaving continuation lines
        # that start with no id: only "T<n><TAB>" and "E<n><TAB>" lines count.
        if not _ID.match(fields[0]) or len(fields) < 2:
            continue
        try:
            if line.startswith("T"):
                _, spans = fields[1].split(" ", 1)
                bounds[fields[0]] = _parse_spans(spans)
            elif line.startswith("E"):
                events.append((fields[0], fields[1].split()))
        except (IndexError, ValueError) as exc:
            raise InputError(f"{where}, line {number}: not brat standoff ({line[:60]!r})") from exc

    gold = []
    for event_id, args in events:
        etype = args[0].split(":")[0] if args else ""
        if etype not in ATTRIBUTION_EVENTS:
            continue
        roles: dict[str, list[tuple[int, int]]] = {}
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            if ref not in bounds:
                raise InputError(f"{where}: event {event_id} refers to unknown {ref!r}")
            roles.setdefault(_ROLE.match(role).group(1), []).extend(bounds[ref])
        if not roles.get("Content"):
            continue
        gold.append(
            GoldAttribution(
                id=event_id,
                content=_merge(roles["Content"]),
                source=_merge(roles["Source"]) if roles.get("Source") else None,
                cue=_merge(roles["Cue"]) if roles.get("Cue") else None,
            )
        )
    return gold


def read_folder(folder: str | Path, limit: int | None = None) -> list[Article]:
    """The articles of a PolNeAR-style folder, sorted by name, with their gold."""
    folder = Path(folder)
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{folder} is not a PolNeAR folder: it needs text/ and attributions/ inside")
    ann_paths = sorted(ann_dir.glob("*.ann"))
    articles = []
    for text_path in sorted(text_dir.glob("*.txt")):
        name = text_path.stem
        anns = [p for p in ann_paths if p.stem.rsplit("_", 1)[0] == name]
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        gold = parse_ann(anns[0].read_text(encoding="utf-8"), where=str(anns[0]))
        articles.append(Article(name=name, text_path=text_path, text=text, gold=gold))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise InputError(f"{folder} holds no annotated articles (text/NAME.txt with attributions/NAME_*.ann)")
    return articles

