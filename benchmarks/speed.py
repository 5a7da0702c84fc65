"""The speed benchmark: is briefing fast enough for many articles? (Plain Python, not a test.)

Run it from the repository, on PolNeAR's dev texts::

    python -m benchmarks.speed /work/shared/corpus/polnear/dev/text [--sample FILE] [--repeat N]

It prints, against the issue's targets:

* analysis time (read, parse, rules) divided by bare ``nlp.pipe`` parsing of the same texts;
* render time per brief, PDF and Word;
* wall time of ``briefing make`` on one sample divided by starting Python and loading the model;
* throughput of ``briefing make FOLDER`` with ``--jobs 1`` and ``--jobs 2``, and peak memory per process;
* analysis time of one article repeated 10 and 100 times, against the article once (linear growth).

Times are the best of ``--repeat`` runs (three times as many for the two-second
one-article runs, at most two for the batches), the two sides of a ratio taken in
turns, so a busy machine disturbs them less.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SAMPLE = ROOT / "samples" / "us-secretaries-of-state-and-defense-in-seoul.txt"

# The targets.
MAX_ANALYSIS_OVER_PARSE = 1.25
MAX_RENDER_SECONDS = 0.25
MAX_MAKE_OVER_STARTUP = 1.5
MIN_JOBS2_SPEEDUP = 1.7
MAX_WORKER_MB = 500
MAX_HUNDREDFOLD_GROWTH = 150
GROWTH_FACTORS = (10, 100)
GROWTH_PATIENCE = 5  # give up on a longer article after this many times linear growth

# Runs a command and prints its CPU seconds and the peak memory (KB) of its largest process, workers included:
# RUSAGE_CHILDREN covers every descendant that was waited for, and its maxrss is the largest.
PEAK_MEMORY_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n"
    "sys.exit(code)\n"
)


def best_of(repeat: int, work) -> float:
    """The shortest wall time of ``repeat`` calls of ``work()``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_both(repeat: int, first, second) -> tuple[float, float]:
    """The shortest wall times of ``repeat`` calls of each, taken in turns.

    A ratio of two timings is what counts; taking them in turns means a machine
    that slows down for a while slows both, instead of only the one measured then.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for work, kept in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            work()
            kept.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def measure_analysis(paths: list[Path], nlp, repeat: int) -> tuple[float, float, list]:
    """(analysis seconds, bare parse seconds, briefs) over ``paths``: the batch's own read/parse/analyse steps."""
    from briefing.analysis import analysis_text, analyze
    from briefing.batch import PIPE_BATCH_SIZE
    from briefing.ingest import read_article

    texts = [p.read_text(encoding="utf-8") for p in paths]
    briefs: list = []

    def bare():
        for _ in nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE):
            pass

    def analysis():
        briefs.clear()
        sources = (read_article(p) for p in paths)
        pairs = ((analysis_text(s), s) for s in sources)
        for doc, source in nlp.pipe(pairs, as_tuples=True, batch_size=PIPE_BATCH_SIZE):
            briefs.append(analyze(source, nlp=nlp, doc=doc))

    nlp("Warm the pipeline up, said the benchmark.")
    analysed, parsed = best_of_both(repeat, analysis, bare)
    return analysed, parsed, briefs


def measure_render(briefs: list, fmt: str) -> tuple[float, float]:
    """(mean, slowest) seconds to render one brief in ``fmt``, template included."""
    from briefing.make import render_brief

    render_brief(briefs[0], fmt)  # imports and fonts load once, outside the timing
    times = []
    for brief in briefs:
        start = time.perf_counter()
        render_brief(brief, fmt)
        times.append(time.perf_counter() - start)
    return sum(times) / len(times), max(times)


def python_command(*args: str) -> list[str]:
    return [sys.executable, *args]


def run_quiet(command: list[str], env: dict) -> None:
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure_startup(sample: Path, pipeline: str, env: dict, repeat: int) -> tuple[float, float]:
    """(one-article ``briefing make`` seconds, Python start + model load seconds)."""
    load = python_command("-c", f"import spacy; spacy.load({pipeline!r})")
    with tempfile.TemporaryDirectory() as out:
        make = python_command("-m", "briefing", "make", str(sample), "-o", out + os.sep, "--force")
        return best_of_both(repeat, lambda: run_quiet(make, env), lambda: run_quiet(load, env))


def measure_batch(folder: Path, jobs: int, env: dict) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB of the largest process) of ``briefing make FOLDER --jobs N``
    (PDF and Word). CPU seconds show whether a slow wall time was other programs taking the cores."""
    with tempfile.TemporaryDirectory() as out:
        make = python_command("-m", "briefing", "make", str(folder), "-o", out, "--force", "--jobs", str(jobs))
        start = time.perf_counter()
        done = subprocess.run(python_command("-c", PEAK_MEMORY_WRAPPER, *make), env=env, capture_output=True,
                              text=True)
        wall = time.perf_counter() - start
    if done.returncode not in (0, 3):  # 3: some dev articles may be refused; the rest still count
        raise SystemExit(f"briefing make --jobs {jobs} failed ({done.returncode}): {done.stderr[-500:]}")
    cpu, peak_kb = done.stdout.split()[-2:]
    return wall, float(cpu), int(peak_kb) / 1024


def measure_growth(sample: Path, nlp, repeat: int) -> dict[int, float]:
    """Analysis seconds of the sample once and repeated ``GROWTH_FACTORS`` times."""
    from briefing.analysis import analyze
    from briefing.ingest import source_from_text

    text = sample.read_text(encoding="utf-8").strip()
    times = {}
    for factor in (1, *GROWTH_FACTORS):
        source = source_from_text("\n\n".join([text] * factor), path=f"{sample.name} x{factor}")
        nlp.max_length = max(nlp.max_length, len(source.text) + 1)
        if factor == 1:
            times[factor] = best_of(repeat, lambda: analyze(source, nlp=nlp))
            continue
        # Far beyond linear is a finding, not a reason to wait for ever.
        limit = max(60, round(GROWTH_PATIENCE * factor * times[1]))
        try:
            with time_limit(limit):
                times[factor] = best_of(1, lambda: analyze(source, nlp=nlp))
        except TimeoutError:
            times[factor] = float("inf")
            print(f"article x{factor}: stopped after {limit} s", flush=True)
    return times


@contextlib.contextmanager
def time_limit(seconds: int):
    def expire(signum, frame):
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="folder of article .txt files (PolNeAR dev/text)")
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE, help="the one-article sample")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best counts")
    parser.add_argument("--pipeline", default=None, help="spaCy pipeline (default: briefing's)")
    args = parser.parse_args(argv)

    from briefing.nlp import load_pipeline, pipeline_name

    pipeline = pipeline_name(args.pipeline)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    paths = sorted(args.folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"{args.folder}: no .txt articles")
    nlp = load_pipeline(pipeline)
    print(f"speed benchmark: {len(paths)} articles in {args.folder}, pipeline {pipeline}, {os.cpu_count()} cores",
          flush=True)

    analysis, bare, briefs = measure_analysis(paths, nlp, args.repeat)
    ratio = analysis / bare
    print(f"analysis / bare parsing: {analysis:.2f} s / {bare:.2f} s = {ratio:.2f} x "
          f"(target <= {MAX_ANALYSIS_OVER_PARSE}) {verdict(ratio <= MAX_ANALYSIS_OVER_PARSE)}", flush=True)

    for fmt in ("pdf", "docx"):
        mean, slowest = measure_render(briefs, fmt)
        print(f"render {fmt}: {mean:.3f} s per brief, slowest {slowest:.3f} s "
              f"(target <= {MAX_RENDER_SECONDS}) {verdict(mean <= MAX_RENDER_SECONDS)}", flush=True)

    # An installed briefing has its bytecode written by pip (spaCy's is, in the same venv); a
    # checkout run where PYTHONDONTWRITEBYTECODE is set would compile every module on every start.
    compileall.compile_dir(ROOT / "briefing", quiet=1)
    # Two seconds a run: more runs cost little and steady a ratio this VM swings by a third.
    one, startup = measure_startup(args.sample, pipeline, env, args.repeat * 3)
    ratio = one / startup
    print(f"one-article make / (Python start + model load): {one:.2f} s / {startup:.2f} s = {ratio:.2f} x "
          f"(target <= {MAX_MAKE_OVER_STARTUP}) {verdict(ratio <= MAX_MAKE_OVER_STARTUP)}", flush=True)

    rates = {}
    # Each batch takes half a minute: best of two, in turns, is enough to see past a slow spell.
    runs: dict[int, list[tuple[float, float, float]]] = {1: [], 2: []}
    for _ in range(min(args.repeat, 2)):
        for jobs in (1, 2):
            runs[jobs].append(measure_batch(args.folder, jobs, env))
    for jobs in (1, 2):
        wall, cpu, peak = min(runs[jobs])
        rates[jobs] = len(paths) / wall
        print(f"make --jobs {jobs}: {wall:.1f} s ({cpu:.1f} s CPU), {rates[jobs]:.2f} articles/s, "
              f"peak {peak:.0f} MB per process "
              f"(target <= {MAX_WORKER_MB}) {verdict(peak <= MAX_WORKER_MB)}", flush=True)
    speedup = rates[2] / rates[1]
    print(f"--jobs 2 / --jobs 1 throughput: {speedup:.2f} x (target >= {MIN_JOBS2_SPEEDUP}) "
          f"{verdict(speedup >= MIN_JOBS2_SPEEDUP)}", flush=True)

    growth = measure_growth(args.sample, nlp, args.repeat)
    for factor in GROWTH_FACTORS:
        ratio = growth[factor] / growth[1]
        target = "" if factor != 100 else (f" (target <= {MAX_HUNDREDFOLD_GROWTH}) "
                                           f"{verdict(ratio <= MAX_HUNDREDFOLD_GROWTH)}")
        print(f"article x{factor}: {growth[factor]:.2f} s vs {growth[1]:.3f} s once = {ratio:.1f} x{target}",
              flush=True)


if __name__ == "__main__":
    main()
