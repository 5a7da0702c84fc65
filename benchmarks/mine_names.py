"""Mine the gender of first names from PolNeAR train: which "Hillary" is a "she".

For every two-word (or longer) personal name the entity recognizer finds as
the subject of a clause, the pronouns of that person's own clauses vote
("Hillary Clinton laid out her plan": "her" is hers; see
``briefing.analysis.actors.clause_subject``). A first name is kept when at
least ``--min-votes`` pronouns in ``--min-articles`` articles agree
``--min-agreement`` of the time. ``--write`` puts the table into
``briefing/analysis/learned_names.py``; without it the names are printed.

    python -m benchmarks.mine_names ../shared/corpus/polnear/train --cache /tmp/train-all
    python -m benchmarks.mine_names ../shared/corpus/polnear/train --cache /tmp/train-all --write
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.extraction import parse_text, read_source
from benchmarks.parse_cache import parsed
from benchmarks.polnear import read_folder
from briefing.analysis.actors import FEMALE, GENDER_PRONOUNS, SUBJECT_DEPS, TITLE_WORDS, clause_subject
from briefing.nlp import load_pipeline

TABLE = Path(__file__).resolve().parent.parent / "briefing" / "analysis" / "learned_names.py"


def first_name(ent) -> str | None:
    """The first name of a personal name ("Hillary" of "Hillary Rodham Clinton"), or None."""
    words = [t for t in ent if not t.is_punct]
    while words and words[0].lower_ in TITLE_WORDS:
        words = words[1:]
    if len(words) < 2 or not words[0].is_alpha or not words[0].text[:1].isupper() or len(words[0].text) < 2:
        return None
    return words[0].text


def votes(docs) -> tuple[dict[str, Counter], dict[str, set[int]]]:
    """Pronoun votes by first name, and the articles each name was seen in."""
    tally: dict[str, Counter] = defaultdict(Counter)
    seen: dict[str, set[int]] = defaultdict(set)
    for n, doc in enumerate(docs):
        names = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.root.dep_ in SUBJECT_DEPS:
                name = first_name(ent)
                if name:
                    names[ent.root.i] = name
        for t in doc:
            if t.lower_ not in GENDER_PRONOUNS:
                continue
            subject = clause_subject(t)
            name = names.get(subject.i) if subject is not None and subject.i < t.i else None
            if name:
                tally[name]["f" if t.lower_ in FEMALE else "m"] += 1
                seen[name].add(n)
    return tally, seen


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--cache", help="folder that keeps the parsed docs")
    ap.add_argument("--min-votes", type=int, default=3)
    ap.add_argument("--min-articles", type=int, default=2)
    ap.add_argument("--min-agreement", type=float, default=0.9)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)

    nlp = load_pipeline()
    sources = [read_source(a) for a in read_folder(args.folder)]
    tally, seen = votes(parsed(nlp, [parse_text(s) for s in sources], args.cache))
    table = {}
    for name, count in sorted(tally.items()):
        gender, top = count.most_common(1)[0]
        total = sum(count.values())
        if total >= args.min_votes and len(seen[name]) >= args.min_articles and top / total >= args.min_agreement:
            table[name] = gender
    print(f"{len(table)} first names: {sum(g == 'f' for g in table.values())} female, "
          f"{sum(g == 'm' for g in table.values())} male")
    if not args.write:
        for name, gender in table.items():
            print(gender, name, dict(tally[name]), len(seen[name]))
        return
    command = (f"python -m benchmarks.mine_names {args.folder} --min-votes {args.min_votes} "
               f"--min-articles {args.min_articles} --min-agreement {args.min_agreement} --write")
    lines = [
        '"""First names and the gender their pronouns gave on PolNeAR train. Generated; do not edit by hand.',
        "Regenerate with:",
        "",
        f"    {command}",
        '"""',
        "",
        "FIRST_NAME_GENDER: dict[str, str] = {",
        *(f"    {name!r}: {gender!r}," for name, gender in table.items()),
        "}",
        "",
    ]
    TABLE.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
