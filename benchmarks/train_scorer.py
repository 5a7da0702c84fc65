"""Learn the weights of ``briefing.analysis.scoring`` from PolNeAR train.

Every report the rules find in an article (a position of the brief, scored
with no weights, so none is dropped) is an example: its features are
``scoring.features``, its label whether it matches a gold attribution
(character IoU >= 0.5, one to one, as ``benchmarks.extraction`` scores). A
logistic regression (scikit-learn, ``pip install -e '.[train]'``) learns the
weights. ``--write`` puts them and ``--threshold`` into
``briefing/analysis/learned_weights.py``.

``--held-out`` is how the threshold was chosen: it learns on the
even-numbered articles and scores the odd ones, then the other way round,
and prints precision, recall and F1 over all attributions at several
thresholds. A report is worth keeping while it is right about as often as
F1/2 (about a third): the threshold that is best on the articles learned
from is too high on articles not seen (0.45-0.475 there cost held-out F1 .006-.007).

    python -m benchmarks.train_scorer ../shared/corpus/polnear/train --held-out --cache /tmp/train-all
    python -m benchmarks.train_scorer ../shared/corpus/polnear/train --cache /tmp/train-all --write
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from benchmarks.extraction import Prediction, _span, absorb_quotes, from_briefing, match, normalize, parse_text, read_source
from benchmarks.parse_cache import parsed
from benchmarks.polnear import read_folder
from briefing.analysis import analyze, learned_weights, scoring
from briefing.analysis.quotes import Attribution
from briefing.analysis.reading import doc_text
from briefing.nlp import load_pipeline

MIN_WEIGHT = 0.02
TABLE = Path(__file__).resolve().parent.parent / "briefing" / "analysis" / "learned_weights.py"


@dataclass
class Example:
    """One article's gold, its quotes, and its positions with their features and labels."""

    gold: list
    quotes: list[Prediction]
    positions: list[Prediction]
    features: list[list[str]]
    labels: list[bool]


def _attribution(position) -> Attribution:
    return Attribution(spans=tuple(map(tuple, position.spans)), cue=_span(position.cue),
                       speaker=_span(position.speaker_mention))


def collect(articles, docs, nlp) -> list[Example]:
    """The examples of ``articles``, analysed with no learned weights (every report kept)."""
    saved = learned_weights.WEIGHTS
    learned_weights.WEIGHTS = {}
    try:
        examples = []
        for art, doc in zip(articles, docs):
            source = read_source(art)
            brief = analyze(source, nlp=nlp, doc=doc)
            if len(brief.source.text) != len(doc_text(doc)):
                continue  # characters were dropped for the parse: the brief's offsets are not the doc's
            preds = from_briefing(brief)
            n = len(brief.positions)
            gold = [g.content for g in art.gold]
            matched = {p for _, p, _ in match(gold, [p.spans for p in preds])}
            text = doc_text(doc)
            examples.append(Example(
                gold=gold,
                quotes=[Prediction(normalize(tuple(map(tuple, q.spans))), None) for q in brief.quotes],
                positions=preds[:n],
                features=[scoring.features(_attribution(p), doc, text) for p in brief.positions],
                labels=[i in matched for i in range(n)],
            ))
        return examples
    finally:
        learned_weights.WEIGHTS = saved


def f1(examples: list[Example], keep) -> tuple[float, float, float]:
    """Precision, recall and F1 over all attributions when only positions ``keep(example, i)`` stay."""
    gold = pred = hit = 0
    for k, ex in enumerate(examples):
        positions = [p for i, p in enumerate(ex.positions) if keep(k, i)]
        preds = absorb_quotes(positions, ex.quotes)
        gold += len(ex.gold)
        pred += len(preds)
        hit += len(match(ex.gold, [p.spans for p in preds]))
    p, r = hit / max(pred, 1), hit / max(gold, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def fit(examples: list[Example], c: float) -> dict[str, float]:
    """The weights, by feature name, of a logistic regression over the examples' features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{name: 1 for name in names} for ex in examples for names in ex.features])
    y = [label for ex in examples for label in ex.labels]
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(x, y)
    # Weights this small change no decision by more than a hair; leaving them out halves the table.
    return {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) >= MIN_WEIGHT}


def probabilities(examples: list[Example], weights: dict[str, float]) -> list[list[float]]:
    saved = learned_weights.WEIGHTS
    learned_weights.WEIGHTS = weights
    try:
        return [[scoring.score(names) for names in ex.features] for ex in examples]
    finally:
        learned_weights.WEIGHTS = saved


def write(weights: dict[str, float], threshold: float, command: str) -> None:
    lines = [
        '"""Weights of ``scoring``, learned from PolNeAR train. Generated; do not edit by hand. Regenerate with:',
        "",
        f"    {command}",
        '"""',
        "",
        f"THRESHOLD = {threshold:.3f}",
        "",
        "WEIGHTS: dict[str, float] = {",
        *(f"    {name!r}: {w:.4f}," for name, w in sorted(weights.items())),
        "}",
        "",
    ]
    TABLE.write_text("\n".join(lines), encoding="utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--cache", help="folder that keeps the parsed docs")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--held-out", action="store_true", help="learn on one half, score the other, both ways")
    ap.add_argument("--threshold", type=float, default=0.3, help="keep reports scoring this or more")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)

    articles = read_folder(args.folder)
    nlp = load_pipeline()
    sources = [read_source(a) for a in articles]
    docs = parsed(nlp, [parse_text(s) for s in sources], args.cache)
    examples = collect(articles, docs, nlp)
    print(f"{len(examples)} articles, {sum(len(e.labels) for e in examples)} positions, "
          f"{sum(sum(e.labels) for e in examples)} matched")
    if args.held_out:
        halves = (examples[0::2], examples[1::2])
        for name, learn, check in (("even -> odd", halves[0], halves[1]), ("odd -> even", halves[1], halves[0])):
            weights = fit(learn, args.c)
            probs = probabilities(check, weights)
            before = f1(check, lambda k, i: True)
            print(f"{name}: no filter      P {before[0]:.3f} R {before[1]:.3f} F1 {before[2]:.3f}")
            for t in sorted({0.1, 0.2, 0.3, 0.4, 0.5, args.threshold}):
                after = f1(check, lambda k, i: probs[k][i] >= t)
                print(f"{name}: threshold {t:.3f} P {after[0]:.3f} R {after[1]:.3f} F1 {after[2]:.3f}")
        return
    weights = fit(examples, args.c)
    probs = probabilities(examples, weights)
    score = f1(examples, lambda k, i: probs[k][i] >= args.threshold)
    print(f"{len(weights)} weights; on these articles with threshold {args.threshold}: "
          f"P {score[0]:.3f} R {score[1]:.3f} F1 {score[2]:.3f}")
    if args.write:
        write(weights, args.threshold, f"python -m benchmarks.train_scorer {args.folder} --write")


if __name__ == "__main__":
    main()
