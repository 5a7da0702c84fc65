"""Making many briefs in one run: the library behind ``briefing make A B folder/ '*.txt'``.

    >>> from briefing.batch import BatchOptions, expand_inputs, plan_batch, make_many
    >>> options = BatchOptions(formats=("pdf", "docx"), output="briefs/")
    >>> jobs, skipped, failed = plan_batch(expand_inputs(["news/"]), options)
    >>> outcomes = make_many(jobs, options, workers=2)

The steps, each its own function:

* :func:`expand_inputs` turns files, folders and glob patterns into article paths;
* :func:`plan_batch` decides where each brief goes, skips articles whose
  outputs are up to date (newer than the article and the audience templates),
  and sets aside articles that cannot be planned;
* :func:`make_many` reads, parses and renders the rest: the spaCy pipeline is
  loaded once per worker and the texts stream through ``nlp.pipe``. A bad
  article becomes a failed :class:`Outcome` and the run goes on.

Interrupting (Ctrl-C) stops between articles: every brief is written whole
(to a temporary file renamed into place) or not at all, so the next run
resumes where this one stopped, skipping what is done.

Progress display (:func:`progress_reporter`) is separate: it writes to the
stream it is given, and only the command line uses it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import signal
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from .errors import BriefingError, InputError, OutputError, UsageError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")  # what a folder's articles end with
GLOB_CHARS = ("*", "?", "[")
PIPE_BATCH_SIZE = 8  # texts spaCy parses together: small, so progress moves steadily
CHUNKS_PER_WORKER = 4  # work split finer than the workers, so one slow chunk does not idle the rest
MAX_CHUNK = 16
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

WRITTEN, SKIPPED, FAILED = "written", "skipped", "failed"


@dataclass(frozen=True)
class BatchOptions:
    """What every brief in a batch is made with."""

    formats: tuple[str, ...] = ("pdf", "docx")
    output: str | None = None  # a folder; None puts each brief beside its article
    force: bool = False  # redo briefs that are up to date
    audience: str = "analyst"
    templates: tuple[Path, ...] = ()
    settings: Mapping = field(default_factory=dict)
    style: object = None  # a briefing.style.HouseStyle; None is briefing's own look
    pipeline: str | None = None
    encoding: str | None = None
    max_bytes: int | None = None
    verbose: bool = False  # keep the traceback of unexpected failures


@dataclass(frozen=True)
class Job:
    """One article and where each of its formats goes."""

    article: Path
    outputs: dict[str, Path]


@dataclass(frozen=True)
class Outcome:
    """What became of one article: written, skipped (up to date) or failed."""

    article: str
    status: str
    paths: tuple[Path, ...] = ()
    error: str | None = None
    exit_code: int = 0

    def message(self) -> str:
        """The failure as one line that names the article."""
        text = self.error or ""
        return text if self.article in text else f"{self.article}: {text}"


# -- inputs -----------------------------------------------------------------------------------


def is_batch(inputs: Sequence[str]) -> bool:
    """Whether the inputs ask for a batch: several of them, a folder or a glob pattern.

    A single named article keeps the single-article rules (an existing output
    is an error without ``--force``).
    """
    if len(inputs) != 1:
        return True
    only = inputs[0]
    return only != "-" and (Path(only).is_dir() or _is_pattern(only))


def expand_inputs(inputs: Iterable[str]) -> list[Path]:
    """Article paths from files, folders (their ``.txt``/``.html`` files) and glob patterns.

    Files named explicitly are kept even if missing or oddly named, so that
    reading them reports the problem. Folders and patterns leave out briefs
    (``NAME-brief.html``) and hidden files. Each article appears once, in the
    order given. A folder or pattern with no article is an :class:`InputError`.
    """
    found: list[Path] = []
    for item in inputs:
        if item == "-":
            raise UsageError("- (standard input) cannot be part of a batch: give it alone, or save it to a file")
        path = Path(item)
        if path.is_dir():
            matches = [p for p in sorted(path.iterdir()) if p.is_file() and _looks_like_article(p)]
            if not matches:
                raise InputError(f"{item}: no articles in this folder (looked for {', '.join(ARTICLE_SUFFIXES)} files)")
        elif _is_pattern(item) and not path.exists():
            matches = [Path(p) for p in sorted(glob.glob(item, recursive=True))]
            matches = [p for p in matches if p.is_file() and _looks_like_article(p, any_suffix=True)]
            if not matches:
                raise InputError(f"{item}: the pattern matches no article; check it (quote it to stop the shell expanding it)")
        else:
            matches = [path]
        found.extend(matches)
    return _unique(found)


def _is_pattern(item: str) -> bool:
    return any(c in item for c in GLOB_CHARS) and not Path(item).exists()


def _looks_like_article(path: Path, *, any_suffix: bool = False) -> bool:
    from .make import EXTENSIONS, OUTPUT_SUFFIX

    # Our own briefs (NAME-brief.html) are not articles; "in-brief.txt" is: we never write .txt.
    if path.name.startswith(".") or (path.stem.endswith(OUTPUT_SUFFIX) and path.suffix.lower() in EXTENSIONS.values()):
        return False
    return any_suffix or path.suffix.lower() in ARTICLE_SUFFIXES


def _unique(paths: Iterable[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for p in paths:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


# -- planning ---------------------------------------------------------------------------------


def plan_batch(articles: Sequence[Path], options: BatchOptions) -> tuple[list[Job], list[Outcome], list[Outcome]]:
    """Split ``articles`` into jobs to run, outcomes skipped as up to date, and failures.

    An ``options.output`` must be an existing folder (the briefs of several
    articles cannot share one file): an :class:`OutputError` otherwise. Two
    articles whose briefs would land on the same file fail, the first one
    named is made.
    """
    from .make import plan_outputs

    if options.output is not None and not Path(options.output).is_dir():
        raise OutputError(f"{options.output}: with several articles -o must be an existing folder; create it first")
    templates_time = template_mtime(options.audience, options.templates)
    jobs, skipped, failed = [], [], []
    claimed: dict[Path, Path] = {}
    for article in articles:
        try:
            outputs = plan_outputs(article, options.formats, options.output, force=True)
        except BriefingError as error:
            failed.append(_failure(article, error))
            continue
        clash = next((p for p in outputs.values() if p.resolve() in claimed), None)
        if clash is not None:
            other = claimed[clash.resolve()]
            failed.append(Outcome(str(article), FAILED, exit_code=OutputError.exit_code,
                                  error=f"{article}: its brief {clash} would replace that of {other}; "
                                        "rename one of them or make them in separate runs"))
            continue
        claimed.update({p.resolve(): article for p in outputs.values()})
        if not options.force and is_up_to_date(article, outputs.values(), templates_time):
            skipped.append(Outcome(str(article), SKIPPED, paths=tuple(outputs.values())))
        else:
            jobs.append(Job(article, outputs))
    return jobs, skipped, failed


def is_up_to_date(article: Path, outputs: Iterable[Path], newer_than: float = 0.0) -> bool:
    """Whether every output exists and is at least as new as the article and ``newer_than``."""
    try:
        needed = max(article.stat().st_mtime, newer_than)
        return all(p.stat().st_mtime >= needed for p in outputs)
    except OSError:  # a missing article or output: not up to date (reading reports the article)
        return False


def template_mtime(audience: str, templates: Sequence[Path] = ()) -> float:
    """When the audience's templates last changed: the newest file in its folder and the built-ins.

    The whole folder counts, not just the audience's file, because a template
    may include or extend others beside it.
    """
    from .templates import SUFFIX, builtin_dir, find_audiences

    folders = {builtin_dir()}
    folders.update(Path(a.path).parent for a in find_audiences(list(templates)) if a.name == audience)
    times = [p.stat().st_mtime for folder in folders for p in folder.glob(f"*{SUFFIX}")]
    return max(times, default=0.0)


# -- running ----------------------------------------------------------------------------------


def make_many(jobs: Sequence[Job], options: BatchOptions, *, workers: int = 1,
              on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Make every job's brief, in ``workers`` processes (1: in this one); the outcomes, as they came.

    A failing article is an outcome, not an exception; only a missing spaCy
    pipeline (:class:`PipelineError`) stops the run. On Ctrl-C the articles
    under way are finished (or, in this process, dropped before anything is
    written) and ``KeyboardInterrupt`` is raised.
    """
    if workers < 1:
        raise UsageError(f"--jobs must be 1 or more, not {workers}")
    report = on_outcome or (lambda outcome: None)
    outcomes: list[Outcome] = []

    def collect(outcome: Outcome) -> None:
        outcomes.append(outcome)
        report(outcome)

    if not jobs:
        return outcomes
    if workers == 1 or len(jobs) == 1:
        from .nlp import load_pipeline

        nlp = load_pipeline(options.pipeline)
        for outcome in _make_stream(jobs, options, nlp, should_stop=lambda: False, in_main=True):
            collect(outcome)
    else:
        _make_in_pool(jobs, options, min(workers, len(jobs)), collect)
    return outcomes


def _make_stream(jobs: Sequence[Job], options: BatchOptions, nlp, *, should_stop: Callable[[], bool],
                 in_main: bool = False) -> Iterator[Outcome]:
    """Read, parse (through ``nlp.pipe``) and write each job, yielding its outcome."""
    from .analysis import analysis_text

    unreadable: list[Outcome] = []

    def readable():
        for job in jobs:
            if should_stop():
                return
            try:
                source = _read(job, options)
            except Exception as error:  # noqa: BLE001 - one bad article must not stop the batch
                unreadable.append(_failure(job.article, error, options.verbose))
                continue
            yield analysis_text(source), (job, source)

    from .nlp import parse_stream

    for doc, (job, source) in parse_stream(nlp, readable(), PIPE_BATCH_SIZE):
        yield from _drain(unreadable)
        if should_stop():
            return
        yield _finish(job, source, doc, nlp, options, in_main=in_main)
    yield from _drain(unreadable)


def _drain(pending: list[Outcome]) -> Iterator[Outcome]:
    while pending:
        yield pending.pop(0)


def _read(job: Job, options: BatchOptions):
    from .ingest import DEFAULT_MAX_BYTES, read_article

    return read_article(job.article, encoding=options.encoding, max_bytes=options.max_bytes or DEFAULT_MAX_BYTES)


def _finish(job: Job, source, doc, nlp, options: BatchOptions, *, in_main: bool) -> Outcome:
    """Analyse a parsed article and write its brief; any failure becomes the outcome."""
    from .analysis import analyze
    from .make import write_brief

    try:
        brief = analyze(source, nlp=nlp, doc=doc)
        with _interrupts_deferred(in_main):
            written = write_brief(brief, job.outputs, audience=options.audience, templates=options.templates,
                                  settings=options.settings, style=options.style)
    except Exception as error:  # noqa: BLE001 - reported with its cause, the batch goes on
        return _failure(job.article, error, options.verbose)
    return Outcome(str(job.article), WRITTEN, paths=tuple(written))


@contextlib.contextmanager
def _interrupts_deferred(active: bool):
    """Hold a Ctrl-C that comes while a brief's files are written, and raise it after.

    ``atomic_write`` cleans up only after errors, not interrupts, and a brief
    is several files: this keeps a brief whole. Only the main thread can
    handle signals; elsewhere this does nothing.
    """
    if not active or threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _failure(article, error: BaseException, verbose: bool = False) -> Outcome:
    if isinstance(error, BriefingError):
        return Outcome(str(article), FAILED, error=str(error), exit_code=error.exit_code)
    # A bug, not the user's input: name it plainly so it can be reported.
    detail = "".join(traceback.format_exception(error)) if verbose else f"{type(error).__name__}: {error}"
    return Outcome(str(article), FAILED, exit_code=1,
                   error=f"{article}: internal error ({detail.strip()}); please report it with the article")


# -- worker processes -------------------------------------------------------------------------

_worker: dict = {}  # per worker process: the options, the stop flag and the loaded pipeline


def _make_in_pool(jobs: Sequence[Job], options: BatchOptions, workers: int,
                  collect: Callable[[Outcome], None]) -> None:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # spawn, not fork: the parent may run threads (the progress display), and fork with threads can deadlock.
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(options, stop))
    try:
        pending = {pool.submit(_work_chunk, chunk) for chunk in _chunks(jobs, workers)}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                for outcome in future.result():  # re-raises PipelineError from the worker
                    collect(outcome)
    except BaseException:
        # Ctrl-C or a missing pipeline: workers finish the article in hand, then stop.
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _chunks(jobs: Sequence[Job], workers: int) -> list[list[Job]]:
    size = max(1, min(MAX_CHUNK, len(jobs) // (workers * CHUNKS_PER_WORKER)))
    return [list(jobs[i:i + size]) for i in range(0, len(jobs), size)]


def _start_worker(options: BatchOptions, stop) -> None:
    # The parent handles Ctrl-C and tells workers to stop between articles.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Parallel work is the workers; numerical libraries' own threads would only fight over the cores.
    # Set before numpy is imported (this module does not import it).
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    _worker.update(options=options, stop=stop)


def _work_chunk(jobs: list[Job]) -> list[Outcome]:
    from .nlp import load_pipeline

    options = _worker["options"]
    nlp = load_pipeline(options.pipeline)  # once per worker: cached
    return list(_make_stream(jobs, options, nlp, should_stop=_worker["stop"].is_set))


# -- progress ---------------------------------------------------------------------------------


@contextlib.contextmanager
def progress_reporter(total: int, stream, *, fancy: bool | None = None) -> Iterator[Callable[[Outcome], None]]:
    """A callback for :func:`make_many` that shows progress on ``stream``.

    A rich progress bar when ``stream`` is a terminal (or ``fancy``), else one
    plain line per article. Failures are listed again at the end by the caller.
    """
    fancy = stream.isatty() if fancy is None else fancy
    if not fancy:
        done = 0

        def line(outcome: Outcome) -> None:
            nonlocal done
            done += 1
            print(f"[{done}/{total}] {outcome.status}: {outcome.article}", file=stream, flush=True)

        yield line
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(file=stream), transient=False) as progress:
        task = progress.add_task("briefs", total=total)

        def bar(outcome: Outcome) -> None:
            if outcome.status == FAILED:
                progress.console.print(f"failed: {outcome.article}", markup=False, highlight=False)
            progress.update(task, advance=1, description=Path(outcome.article).name[:40])

        yield bar


def summary_line(outcomes: Sequence[Outcome]) -> str:
    """``12 articles: 9 written, 2 skipped (up to date), 1 failed``."""
    counts = {status: sum(o.status == status for o in outcomes) for status in (WRITTEN, SKIPPED, FAILED)}
    return (f"{len(outcomes)} article{'s' if len(outcomes) != 1 else ''}: {counts[WRITTEN]} written, "
            f"{counts[SKIPPED]} skipped (up to date), {counts[FAILED]} failed")


def exit_code(outcomes: Sequence[Outcome]) -> int:
    """0 when nothing failed; the failures' exit code when they share one; else 1."""
    codes = {o.exit_code for o in outcomes if o.status == FAILED}
    if not codes:
        return 0
    return codes.pop() if len(codes) == 1 else 1
