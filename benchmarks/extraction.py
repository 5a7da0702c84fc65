"""The PolNeAR extraction benchmark: how well does briefing find who said what?

Run it on a PolNeAR-style folder (``text/``, ``attributions/``)::

    python -m benchmarks.extraction /work/shared/corpus/polnear/dev [--limit N] [--json] [--errors]

Gold items are PolNeAR attributions (content, source, cue). Predictions come
from the product: ``briefing.analysis.analyze()`` when it exists (its quotes
and positions), otherwise the raw rules ``find_quotes`` / ``find_reported``.

Scoring, as the issue specifies:

* A prediction's content is the union of its spans. It matches a gold content
  when their character IoU is at least 0.5; matching is one to one, greedy by
  best IoU.
* Classes come from the content text (see :func:`content_class`): ``direct``,
  ``mixed`` or ``indirect``. Matching ignores classes; per class, recall counts
  matched gold items of that class and precision counts matched predictions
  whose own content (widened to take in adjacent quote marks) has that class.
* Source accuracy: share of matched pairs whose predicted speaker mention
  shares a character with the gold source (no gold source needs no speaker).
  End-to-end counts a pair only when matched *and* its source is right.
* Exact: a matched pair whose boundaries, after trimming quote marks, space
  and punctuation, are within two characters of gold.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import hashlib
import importlib
import importlib.util
import json
import signal
import sys
import threading
import time
from dataclasses import astuple, dataclass, field

from briefing.errors import BriefingError

from .polnear import Article, Spans, read_folder

CLASSES = ("direct", "mixed", "indirect")
IOU_THRESHOLD = 0.5
EXACT_TOLERANCE = 2  # characters each boundary may be off in the exact variant
SLOWEST_SHOWN = 3  # articles named in the speed line
# A product bug that loops forever must not hang the benchmark: past this, an
# article's analysis is stopped and the article scored with no predictions.
ARTICLE_TIME_LIMIT = 60.0  # seconds

DOUBLE_QUOTE_MARKS = '"“”„‟«»'
OPENING_SINGLE_MARKS = "‘'‚‛"
CLOSING_SINGLE_MARKS = "’'"
QUOTE_MARKS = DOUBLE_QUOTE_MARKS + OPENING_SINGLE_MARKS + CLOSING_SINGLE_MARKS
# The New York Times' plain-text archive writes a double quote as two apostrophes.
TWO_APOSTROPHES = "''"
# Trailing punctuation that does not change a content's class: `“We will win”.`
TRAILING_PUNCTUATION = ".,;:!?…-–—)"
# What the exact variant ignores at each end of a content.
TRIMMED = set(" \t\r\n\u00a0" + QUOTE_MARKS + TRAILING_PUNCTUATION + "([]")


# -- classes -------------------------------------------------------------------------------


def quote_mark_positions(text: str) -> list[int]:
    """Where ``text`` holds quotation marks, apostrophes left out.

    Double marks (and ``''``, both of its characters) always count. A single
    mark counts only as one of a pair: an opening one at the start of a word,
    closed later by one at the end of a word, so that don’t, ’90s and Jones’
    are not taken for quotes.
    """
    marks = [i for i, ch in enumerate(text) if ch in DOUBLE_QUOTE_MARKS]
    doubled = set()
    for i in range(len(text) - 1):
        if text[i : i + 2] == TWO_APOSTROPHES and i not in doubled:
            doubled.update((i, i + 1))
    pending = None
    for i, ch in enumerate(text):
        if i in doubled:
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in OPENING_SINGLE_MARKS and not before.isalnum() and after.isalpha():
            pending = i
        elif ch in CLOSING_SINGLE_MARKS and pending is not None and not before.isspace() and not after.isalnum():
            marks += [pending, i]
            pending = None
    return sorted(marks + list(doubled))


def content_class(text: str) -> str:
    """``direct``, ``mixed`` or ``indirect``, by the content's own text.

    Direct: trimmed of space and trailing punctuation, it starts and ends with
    a quotation mark. Mixed: it holds a quotation mark elsewhere. Indirect: none.
    """
    trimmed = text.strip()
    while trimmed and trimmed[-1] in TRAILING_PUNCTUATION:
        trimmed = trimmed[:-1].rstrip()
    marks = quote_mark_positions(trimmed)
    if not marks:
        return "indirect"
    if marks[0] == 0 and marks[-1] == len(trimmed) - 1 and len(marks) >= 2:
        return "direct"
    return "mixed"


def spans_text(text: str, spans: Spans) -> str:
    return " ".join(text[s:e] for s, e in spans)


def widen_to_quote_marks(text: str, spans: Spans) -> Spans:
    """Each span grown to take in a quote mark right before or after it.

    Extracted quotes hold the words inside the marks; gold contents hold the marks.
    """
    widened = []
    for s, e in spans:
        if text[max(0, s - 2) : s] == TWO_APOSTROPHES:
            s -= 2
        elif s > 0 and text[s - 1] in QUOTE_MARKS:
            s -= 1
        if text[e : e + 2] == TWO_APOSTROPHES:
            e += 2
        elif e < len(text) and text[e] in QUOTE_MARKS:
            e += 1
        widened.append((s, e))
    return tuple(widened)


# -- overlap -------------------------------------------------------------------------------


def normalize(spans: Spans) -> Spans:
    """Sorted, non-empty, non-overlapping spans covering the same characters."""
    merged: list[list[int]] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return tuple((s, e) for s, e in merged)


def _length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def overlap(a: Spans, b: Spans) -> int:
    """Characters covered by both (normalized) span sets."""
    total, i, j = 0, 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        total += max(0, hi - lo)
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def iou(a: Spans, b: Spans) -> float:
    """Character intersection over union of two span sets."""
    a, b = normalize(a), normalize(b)
    inter = overlap(a, b)
    union = _length(a) + _length(b) - inter
    return inter / union if union else 0.0


def match(gold: list[Spans], pred: list[Spans], threshold: float = IOU_THRESHOLD) -> list[tuple[int, int, float]]:
    """One-to-one ``(gold index, pred index, iou)`` pairs, greedy by best IoU."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = iou(g, p)
            if score >= threshold:
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for neg, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi, -neg))
    return sorted(pairs)


def trimmed_extent(text: str, spans: Spans) -> tuple[int, int]:
    """First to last character of the content, quote marks, space and punctuation trimmed."""
    spans = normalize(spans)
    s, e = spans[0][0], spans[-1][1]
    while s < e and text[s] in TRIMMED:
        s += 1
    while e > s and text[e - 1] in TRIMMED:
        e -= 1
    return s, e


def is_exact(text: str, gold: Spans, pred: Spans, tolerance: int = EXACT_TOLERANCE) -> bool:
    gs, ge = trimmed_extent(text, gold)
    ps, pe = trimmed_extent(text, pred)
    return abs(gs - ps) <= tolerance and abs(ge - pe) <= tolerance


def source_ok(gold_source: Spans | None, speaker: tuple[int, int] | None) -> bool:
    """The speaker mention shares a character with the gold source; none for none."""
    if gold_source is None or speaker is None:
        return gold_source is None and speaker is None
    return overlap(normalize(gold_source), normalize((speaker,))) > 0


# -- scoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """What the product found: content spans and the speaker mention, if any."""

    spans: Spans
    speaker: tuple[int, int] | None = None


@dataclass
class Tally:
    """Counts for one class (or all), summed over articles."""

    gold: int = 0
    pred: int = 0
    matched_gold: int = 0  # matched pairs whose gold item has this class
    matched_pred: int = 0  # matched pairs whose prediction has this class
    source_right: int = 0  # of matched_gold
    e2e_gold: int = 0
    e2e_pred: int = 0
    exact_gold: int = 0
    exact_pred: int = 0


@dataclass
class Scores:
    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in (*CLASSES, "all")})
    # What went wrong, for people improving the rules: see `Scores.add`.
    errors: list[dict] = field(default_factory=list)

    def add(self, text: str, gold: list, preds: list[Prediction], name: str = "") -> None:
        """Score one article: ``gold`` holds :class:`benchmarks.polnear.GoldAttribution`.

        Records in ``errors`` each gold item missed, each prediction matching
        nothing, and each matched pair whose source is wrong.
        """
        gold_class = [content_class(spans_text(text, g.content)) for g in gold]
        pred_class = [content_class(spans_text(text, widen_to_quote_marks(text, p.spans))) for p in preds]
        for c in gold_class:
            self._count(c, "gold")
        for c in pred_class:
            self._count(c, "pred")
        pairs = match([g.content for g in gold], [p.spans for p in preds])
        self._note_errors(text, name, gold, preds, gold_class, pred_class, pairs)
        for gi, pi, _ in pairs:
            right = source_ok(gold[gi].source, preds[pi].speaker)
            exact = is_exact(text, gold[gi].content, preds[pi].spans)
            self._count(gold_class[gi], "matched_gold", "source_right" if right else None,
                        "e2e_gold" if right else None, "exact_gold" if exact else None)
            self._count(pred_class[pi], "matched_pred", "e2e_pred" if right else None,
                        "exact_pred" if exact else None)

    def _note_errors(self, text, name, gold, preds, gold_class, pred_class, pairs) -> None:
        def snippet(spans):
            return spans_text(text, spans) if spans else None

        matched_gold = {gi for gi, _, _ in pairs}
        matched_pred = {pi for _, pi, _ in pairs}
        for gi, g in enumerate(gold):
            if gi not in matched_gold:
                self.errors.append({"article": name, "error": "missed", "class": gold_class[gi],
                                    "content": snippet(g.content), "source": snippet(g.source)})
        for pi, p in enumerate(preds):
            if pi not in matched_pred:
                self.errors.append({"article": name, "error": "spurious", "class": pred_class[pi],
                                    "content": snippet(p.spans), "source": snippet(p.speaker and (p.speaker,))})
        for gi, pi, _ in pairs:
            if not source_ok(gold[gi].source, preds[pi].speaker):
                self.errors.append({"article": name, "error": "wrong source", "class": gold_class[gi],
                                    "content": snippet(gold[gi].content), "source": snippet(gold[gi].source),
                                    "predicted_source": snippet(preds[pi].speaker and (preds[pi].speaker,))})

    def _count(self, cls: str, *names: str | None) -> None:
        # Gold-side and prediction-side counters have distinct names, so each
        # can go both to its class and to "all" without double counting.
        for tally in (self.tallies[cls], self.tallies["all"]):
            for name in filter(None, names):
                setattr(tally, name, getattr(tally, name) + 1)

    def table(self) -> dict[str, dict[str, float | int]]:
        """Per class, ``quoted`` (direct + mixed) and ``all``: counts, precision, recall, F1, source accuracy, e2e and exact F1."""
        rows = {cls: _rates(t) for cls, t in self.tallies.items() if cls in CLASSES}
        # direct + mixed: everything with a quotation in it, an issue target of its own
        quoted = Tally(*(a + b for a, b in zip(astuple(self.tallies["direct"]), astuple(self.tallies["mixed"]))))
        return rows | {"quoted": _rates(quoted), "all": _rates(self.tallies["all"])}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _rates(t: Tally) -> dict[str, float | int]:
    p, r = _ratio(t.matched_pred, t.pred), _ratio(t.matched_gold, t.gold)
    e2e_p, e2e_r = _ratio(t.e2e_pred, t.pred), _ratio(t.e2e_gold, t.gold)
    ex_p, ex_r = _ratio(t.exact_pred, t.pred), _ratio(t.exact_gold, t.gold)
    return {
        "gold": t.gold,
        "pred": t.pred,
        "matched": t.matched_gold,
        "precision": p,
        "recall": r,
        "f1": _f1(p, r),
        "source_accuracy": _ratio(t.source_right, t.matched_gold),
        "e2e_precision": e2e_p,
        "e2e_recall": e2e_r,
        "e2e_f1": _f1(e2e_p, e2e_r),
        "exact_precision": ex_p,
        "exact_recall": ex_r,
        "exact_f1": _f1(ex_p, ex_r),
    }


# -- predictions from the product ----------------------------------------------------------


def _function(module: str, name: str):
    """``module.name`` if that module exists and defines it, else None.

    A module that exists but fails to import raises: a broken product must not
    pass for a missing one.
    """
    try:
        if importlib.util.find_spec(module) is None:
            return None
    except ModuleNotFoundError:
        return None
    return getattr(importlib.import_module(module), name, None)


def predictor_name() -> str:
    """Which product entry point the predictions come from."""
    if _function("briefing.analysis", "analyze"):
        return "briefing.analysis.analyze"
    if _function("briefing.analysis.quotes", "find_quotes"):
        return "find_quotes + find_reported"
    return "none (no extraction code yet: empty predictions)"


def read_source(article: Article):
    """The article as the product reads it: ``briefing.ingest.read_article`` or, until that exists, plain text."""
    read_article = _function("briefing.ingest", "read_article")
    if read_article:
        return read_article(str(article.text_path))
    from briefing.model import Source

    return Source(
        text=article.text,
        path=str(article.text_path),
        sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
    )


def parse_text(source) -> str:
    """The text spaCy should read: ``analysis_text(source)`` (debris blanked, offsets kept) once analyze() exists."""
    analysis_text = _function("briefing.analysis", "analysis_text")
    if analysis_text and _function("briefing.analysis", "analyze"):
        return analysis_text(source)
    return source.text


def absorb_quotes(positions: list[Prediction], quotes: list[Prediction]) -> list[Prediction]:
    """Positions, then the quotes that lie outside every position.

    PolNeAR is univocal (one attribution per token): a partial quote inside a
    reported clause is part of that attribution, not one of its own.
    """

    extents = [(p.spans[0][0], p.spans[-1][1]) for p in positions if p.spans]

    def inside(quote: Prediction) -> bool:
        return any(all(lo <= s and e <= hi for s, e in quote.spans) for lo, hi in extents)

    return positions + [q for q in quotes if not inside(q)]


def _span(sp) -> tuple[int, int] | None:
    return None if sp is None else (sp.start, sp.end)


def from_briefing(briefing) -> list[Prediction]:
    """Predictions from a :class:`briefing.model.Briefing`'s quotes and positions."""
    positions = [Prediction(normalize(tuple(map(tuple, p.spans))), _span(p.speaker_mention)) for p in briefing.positions]
    quotes = [Prediction(normalize(tuple(map(tuple, q.spans))), _span(q.speaker_mention)) for q in briefing.quotes]
    return absorb_quotes(positions, quotes)


def from_attributions(quotes: list, reported: list) -> list[Prediction]:
    """Predictions from the raw ``Attribution`` records of the extraction rules."""

    def pred(a) -> Prediction:
        return Prediction(normalize(tuple(a.spans)), a.speaker)

    return absorb_quotes([pred(a) for a in reported if a.spans], [pred(a) for a in quotes if a.spans])


def predict(source, doc, nlp) -> list[Prediction]:
    """The product's attributions for one parsed article."""
    analyze = _function("briefing.analysis", "analyze")
    if analyze:
        return from_briefing(analyze(source, nlp=nlp, doc=doc))
    find_quotes = _function("briefing.analysis.quotes", "find_quotes")
    if not find_quotes:
        return []
    quotes = find_quotes(doc)
    find_reported = _function("briefing.analysis.reported", "find_reported")
    return from_attributions(quotes, find_reported(doc, quotes) if find_reported else [])


class AnalysisTimeout(Exception):
    """One article's analysis ran past its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise :class:`AnalysisTimeout` in the block after ``seconds``.

    Uses SIGALRM, so it only limits on Unix in the main thread; elsewhere (or
    with no ``seconds``) the block runs unlimited.
    """
    if not seconds or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise AnalysisTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def offset_map(product_text: str, gold_text: str) -> list[int]:
    """For each offset of ``product_text`` (and its end), the matching offset in ``gold_text``.

    Only needed when ingest changed the text (say, a stripped byte order mark);
    characters ingest inserted map to the nearest gold offset before them.
    """
    mapping = [0] * (len(product_text) + 1)
    matcher = difflib.SequenceMatcher(None, product_text, gold_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2 + 1):
            mapping[k] = j1 + min(k - i1, j2 - j1) if tag in ("equal", "replace") else j1
    return mapping


def remap(preds: list[Prediction], mapping: list[int]) -> list[Prediction]:
    def sp(pair):
        return (mapping[pair[0]], mapping[pair[1]])

    return [
        Prediction(normalize(tuple(sp(x) for x in p.spans)), sp(p.speaker) if p.speaker else None) for p in preds
    ]


# -- running -------------------------------------------------------------------------------


@dataclass
class Run:
    predictor: str
    articles: int
    parse_seconds: float
    analysis_seconds: dict[str, float]  # per article
    remapped: int  # articles whose text ingest changed, so offsets had to be mapped
    refused: dict[str, str]  # article name -> the product's error message, or the time limit hit
    scores: Scores

    def report(self, errors: bool = False) -> dict:
        """The measured numbers; with ``errors``, also every miss, spurious prediction and wrong source."""
        extra = {"errors": self.scores.errors} if errors else {}
        analysis = sum(self.analysis_seconds.values())
        slowest = sorted(self.analysis_seconds.items(), key=lambda item: -item[1])[:SLOWEST_SHOWN]
        return extra | {
            "predictor": self.predictor,
            "articles": self.articles,
            "parse_seconds": round(self.parse_seconds, 3),
            "analysis_seconds": round(analysis, 3),
            "analysis_to_parse_ratio": round(_ratio_f(analysis, self.parse_seconds), 4),
            "slowest_analyses": {name: round(t, 3) for name, t in slowest},
            "remapped_articles": self.remapped,
            "refused_articles": self.refused,
            "iou_threshold": IOU_THRESHOLD,
            "exact_tolerance": EXACT_TOLERANCE,
            "scores": self.scores.table(),
        }


def _ratio_f(a: float, b: float) -> float:
    return a / b if b else 0.0


def run(
    folder: str,
    limit: int | None = None,
    nlp=None,
    progress: bool = False,
    time_limit_seconds: float | None = ARTICLE_TIME_LIMIT,
) -> Run:
    """Parse, analyse and score every article of a PolNeAR-style folder.

    An article the product refuses (a :class:`BriefingError` from ingest or
    analysis) or whose analysis runs past ``time_limit_seconds`` scores with
    no predictions and is listed in ``Run.refused``.
    """
    articles = read_folder(folder, limit)
    if nlp is None:
        from briefing.nlp import load_pipeline

        nlp = load_pipeline()
    refused: dict[str, str] = {}
    sources = {}
    for article in articles:
        try:
            sources[article.name] = read_source(article)
        except BriefingError as exc:
            refused[article.name] = str(exc)
    read = [a for a in articles if a.name in sources]
    texts = [parse_text(sources[a.name]) for a in read]

    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_seconds = time.perf_counter() - started

    predictions: dict[str, list[Prediction]] = {}
    seconds: dict[str, float] = {}
    for n, (article, doc) in enumerate(zip(read, docs), 1):
        started = time.perf_counter()
        try:
            with time_limit(time_limit_seconds):
                predictions[article.name] = predict(sources[article.name], doc, nlp)
        except BriefingError as exc:
            refused[article.name] = str(exc)
        except AnalysisTimeout:
            refused[article.name] = f"analysis stopped after {time_limit_seconds:g}s (endless loop?)"
        seconds[article.name] = time.perf_counter() - started
        if progress:
            print(f"\ranalysed {n}/{len(read)}", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)

    scores, remapped = Scores(), 0
    for article in articles:
        preds = predictions.get(article.name, [])
        product_text = sources[article.name].text if article.name in sources else article.text
        if product_text != article.text:
            preds = remap(preds, offset_map(product_text, article.text))
            remapped += 1
        scores.add(article.text, article.gold, preds, article.name)
    return Run(predictor_name(), len(articles), parse_seconds, seconds, remapped, refused, scores)


COLUMNS = (
    ("gold", "gold", "{:d}"),
    ("pred", "pred", "{:d}"),
    ("P", "precision", "{:.3f}"),
    ("R", "recall", "{:.3f}"),
    ("F1", "f1", "{:.3f}"),
    ("src acc", "source_accuracy", "{:.3f}"),
    ("e2e F1", "e2e_f1", "{:.3f}"),
    ("exact F1", "exact_f1", "{:.3f}"),
)


def format_report(report: dict) -> str:
    """The report as a plain-text table with the speed line under it."""
    lines = [_format_error(e) for e in report.get("errors", [])]
    lines += [
        f"PolNeAR extraction benchmark: {report['articles']} articles, predictions from {report['predictor']}",
        f"match: character IoU >= {report['iou_threshold']}; exact: boundaries within "
        f"{report['exact_tolerance']} characters",
        "",
        "class     " + "".join(f"{name:>10}" for name, _, _ in COLUMNS),
    ]
    for cls, row in report["scores"].items():
        lines.append(f"{cls:<10}" + "".join(f"{fmt.format(row[key]):>10}" for _, key, fmt in COLUMNS))
    ratio = report["analysis_to_parse_ratio"]
    lines += [
        "",
        f"speed: nlp.pipe parse {report['parse_seconds']:.2f}s, analysis {report['analysis_seconds']:.2f}s, "
        f"analysis/parse = {ratio:.1%} (goal <= 25%)",
        "slowest analyses: " + ", ".join(f"{name} {t:.2f}s" for name, t in report["slowest_analyses"].items()),
    ]
    if report["remapped_articles"]:
        lines.append(f"note: ingest changed the text of {report['remapped_articles']} articles; offsets were mapped back")
    for name, message in report["refused_articles"].items():
        lines.append(f"refused or stopped (scored with no predictions): {name}: {message}")
    return "\n".join(lines)


def _format_error(error: dict) -> str:
    def short(text: str | None, width: int = 90) -> str:
        text = " ".join((text or "-").split())
        return text if len(text) <= width else text[: width - 3] + "..."

    line = f"{error['error']:<12} {error['class']:<8} {error['article'][:40]:<40} {short(error['content'])!r}"
    line += f"  source: {short(error['source'], 40)!r}"
    if "predicted_source" in error:
        line += f"  predicted: {short(error['predicted_source'], 40)!r}"
    return line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction", description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="a PolNeAR-style folder with text/ and attributions/, e.g. .../polnear/dev")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--errors", action="store_true",
                        help="also list missed gold items, spurious predictions and wrong sources")
    parser.add_argument("--time-limit", type=float, default=ARTICLE_TIME_LIMIT, metavar="SECONDS",
                        help=f"stop an article's analysis after this long (default {ARTICLE_TIME_LIMIT:g}; 0: no limit)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    try:
        report = run(
            args.folder, args.limit, progress=sys.stderr.isatty(), time_limit_seconds=args.time_limit or None
        ).report(errors=args.errors)
    except BriefingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
