"""The `tracker` command: a thin layer over the library; each command calls one library function.

Errors a user can meet become one clear line (click.ClickException, exit status 1).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click
from tqdm import tqdm

from tracker import estimate, storage
from tracker.actions import (
    FIGURES_DIR,
    DuplicateFigure,
    add_figure,
    current_user,
    edit_figure,
    import_extract,
    load_directory,
)
from tracker.csvformat import ExtractImportError
from tracker.store import FigureError, FigureFilter, count_figures, history, write_extract
from tracker.terms import TERMS
from tracker.validation import ValidationError


def _engine(ctx: click.Context):
    return storage.engine_for(ctx.obj["db"])


def _fail_on_validation(error: ValidationError) -> click.ClickException:
    lines = [f"{p.column}: {p.message}" for p in error.problems]
    return click.ClickException("nothing was saved:\n  " + "\n  ".join(lines))


def _progress(total: int | None, desc: str):
    # tqdm draws only on a terminal (disable=None), so pipes and CI logs stay clean.
    return tqdm(total=total, desc=desc, unit=" rows", disable=None, file=sys.stderr)


@click.group()
@click.option(
    "--db", "db_url", metavar="URL", help="Any SQLAlchemy URL; overrides TRACKER_DATABASE_URL."
)
@click.version_option(package_name="tracker")
@click.pass_context
def main(ctx: click.Context, db_url: str | None) -> None:
    """Keep sourced displacement figures with their citations and uncertainty.

    The database is the SQLite file tracker.db here, unless TRACKER_DATABASE_URL or --db names
    another (any SQLAlchemy URL, e.g. postgresql://user@host/tracker).
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db_url


@main.command()
@click.option("--empty", is_flag=True, help="Create the schema only; load no figures.")
@click.pass_context
def init(ctx: click.Context, empty: bool) -> None:
    """Create the schema and load the curated figure sets of figures/.

    Figures are loaded only into a database that has none yet.

    Example:

        tracker init

        tracker --db sqlite:///scratch.db init --empty
    """
    engine = _engine(ctx)
    storage.create_schema(engine)
    if empty:
        click.echo(f"schema ready at {engine.url.render_as_string(hide_password=True)}")
        return
    present = count_figures(engine)
    if present:
        click.echo(f"the database holds {present} figures already; figures/ not loaded again")
        return
    try:
        loaded = load_directory(engine, FIGURES_DIR, by=current_user())
    except ExtractImportError as error:
        raise click.ClickException(str(error)) from None
    for name, n in loaded.items():
        click.echo(f"loaded {n} figures from figures/{name}")


@main.command()
@click.option("--quote", required=True, help="The source's words that state the figure.")
@click.option("--population", required=True, help='Who is counted, e.g. "civilians".')
@click.option(
    "--term", required=True, type=click.Choice(sorted(TERMS)), help="What happened to them."
)
@click.option(
    "--measure", type=click.Choice(["flow", "stock"]), help="Default: the term's usual one."
)
@click.option("--estimate", "words", help='Words of quantity, e.g. "upward of 30,000".')
@click.option("--low", type=float)
@click.option("--best", type=float)
@click.option("--high", type=float)
@click.option("--qualifier", help="With --low/--best/--high: exact, approximately, more_than …")
@click.option("--unit", type=click.Choice(["people", "households"]), default="people")
@click.option("--household-size", type=float)
@click.option("--location")
@click.option("--country", "country_iso3", help="ISO 3166-1 alpha-3, e.g. SYR.")
@click.option("--start", "period_start", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--end", "period_end", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--precision", "date_precision", type=click.Choice(["day", "week", "month", "year"]))
@click.option("--attributed-to")
@click.option("--notes")
@click.option("--credibility", type=click.IntRange(1, 6), default=6, show_default=True)
@click.option("--source-title", required=True)
@click.option("--publisher", "source_publisher")
@click.option("--url", "source_url")
@click.option("--published", "source_published_on", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--kind", "source_kind", default="other", show_default=True,
              type=click.Choice(["news", "un_agency", "ngo", "government", "other"]))  # fmt: skip
@click.option("--reliability", "source_reliability", default="F", show_default=True,
              type=click.Choice(list("ABCDEF")))  # fmt: skip
@click.option("--status", type=click.Choice(["accepted", "candidate"]), default="accepted")
@click.pass_context
def add(ctx: click.Context, words: str | None, **values) -> None:
    """Record one figure with its source.

    Give the number as words (--estimate) or as bounds (--low/--best/--high with --qualifier).

    Example:

        \b
        tracker add --quote "5,000 in just the past week" \\
          --population civilians --term fled --estimate "5,000" \\
          --location Baghuz --country SYR --start 2019-03-16 --end 2019-03-22 \\
          --precision day --source-title "Islamic State Loses Caliphate in Syria" --kind news
    """
    if words:
        try:
            est = estimate.parse_estimate(words)
        except estimate.EstimateError as error:
            raise click.ClickException(f"--estimate: {error}") from None
        values.update(low=est.low, best=est.best, high=est.high, qualifier=est.qualifier)
    for key in ("period_start", "period_end", "source_published_on"):
        if values[key] is not None:
            values[key] = values[key].date()
    values["measure"] = values["measure"] or TERMS[values["term"]]
    try:
        figure_id = add_figure(_engine(ctx), values, by=current_user())
    except ValidationError as error:
        raise _fail_on_validation(error) from None
    except DuplicateFigure as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"added figure {figure_id}")


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def import_(ctx: click.Context, file: str) -> None:
    """Import a CSV extract: all rows in one transaction, or none.

    Every bad row is reported as `line N, column C: reason`, and nothing is written.

    Example:

        tracker import figures/syria_2019.csv
    """
    engine = _engine(ctx)
    storage.create_schema(engine)
    with _progress(_line_count(file) if sys.stderr.isatty() else None, "importing") as bar:
        try:
            result = import_extract(engine, file, by=current_user(), progress=bar.update)
        except ExtractImportError as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"imported {result.figures} figures from {file}")
    if result.duplicates:
        click.echo(f"{result.duplicates} rows repeat figures stored already and were skipped")


def _line_count(path: str) -> int:
    """Lines after the header: the progress bar's total (a quoted line break counts one more)."""
    lines = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            lines += block.count(b"\n")
    return max(lines - 1, 0)


@main.command()
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Default: stdout."
)
@click.option("--hxl", is_flag=True, help="Add a second row of HXL hashtags.")
@click.option(
    "--status", type=click.Choice(["accepted", "all"]), default="accepted", show_default=True
)
@click.option("--consensus", is_flag=True, help="Write the consensus per series and date instead.")
@click.pass_context
def export(ctx: click.Context, output: str | None, hxl: bool, status: str, consensus: bool) -> None:
    """Write a CSV extract of the figures (accepted ones unless --status all).

    Example:

        tracker export -o syria.csv --hxl

        tracker export --consensus -o consensus.csv
    """
    engine = _engine(ctx)
    flt = FigureFilter(statuses=None if status == "all" else ("accepted",))
    out = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout
    try:
        if consensus:
            from tracker.analysis import write_consensus

            n = write_consensus(engine, out, flt)
        else:
            with _progress(count_figures(engine, flt), "exporting") as bar:
                n = write_extract(engine, out, flt, hxl=hxl, progress=bar.update)
    finally:
        if output:
            out.close()
    if output:
        click.echo(f"wrote {n} rows to {output}", err=True)


@main.command("history")
@click.argument("figure_id", type=int)
@click.pass_context
def history_(ctx: click.Context, figure_id: int) -> None:
    """Show every revision of a figure: who, when, what changed, why.

    Example:

        tracker history 12
    """
    try:
        entries = history(_engine(ctx), figure_id)
    except FigureError as error:
        raise click.ClickException(str(error)) from None
    for e in entries:
        click.echo(
            f"revision {e.revision}  {e.changed_at:%Y-%m-%d %H:%M:%S}  {e.action}  by {e.changed_by}"
        )
        if e.reason:
            click.echo(f"  why: {e.reason}")
        for column, (old, new) in e.changes.items():
            click.echo(f"  {column}: {old!r} → {new!r}")


@main.command()
@click.argument("figure_id", type=int)
@click.argument("changes", nargs=-1, required=True, metavar="COLUMN=VALUE…")
@click.option("--why", help="Why the figure changes.")
@click.pass_context
def edit(ctx: click.Context, figure_id: int, changes: tuple[str, ...], why: str | None) -> None:
    """Change fields of a figure (extract column names); an empty VALUE empties the field.

    Example:

        tracker edit 63 location=Baghuz country_iso3=SYR --why "the sentence names Baghuz"
    """
    values = {}
    for change in changes:
        column, sep, value = change.partition("=")
        if not sep:
            raise click.BadParameter(f"{change!r}: write COLUMN=VALUE", param_hint="changes")
        values[column.strip()] = value
    try:
        revision = edit_figure(_engine(ctx), figure_id, values, by=current_user(), reason=why)
    except FigureError as error:
        raise click.ClickException(str(error)) from None
    except ValidationError as error:
        raise _fail_on_validation(error) from None
    click.echo(f"figure {figure_id} is at revision {revision}")


def _settle(ctx: click.Context, ids: tuple[int, ...], status: str, why: str | None) -> None:
    from tracker import actions

    settle = {"accepted": actions.accept, "rejected": actions.reject,
              "retracted": actions.retract, "candidate": actions.reopen}[status]  # fmt: skip
    try:
        settle(_engine(ctx), ids, by=current_user(), reason=why)
    except FigureError as error:
        raise click.ClickException(f"{error}; nothing was changed") from None
    except ValidationError as error:
        raise _fail_on_validation(error) from None
    click.echo(f"{status}: {' '.join(map(str, ids))}")


@main.command()
@click.argument("ids", type=int, nargs=-1, required=True)
@click.option("--why", help="Why (optional for accepting).")
@click.pass_context
def accept(ctx: click.Context, ids: tuple[int, ...], why: str | None) -> None:
    """Accept candidate figures, so they are charted and exported.

    Example:

        tracker accept 61 62
    """
    _settle(ctx, ids, "accepted", why)


@main.command()
@click.argument("ids", type=int, nargs=-1, required=True)
@click.option("--why", required=True, help="Why the figures are rejected.")
@click.pass_context
def reject(ctx: click.Context, ids: tuple[int, ...], why: str) -> None:
    """Reject candidate figures, with a reason; they stay, with their history.

    Example:

        tracker reject 63 --why "a year, not a count"
    """
    _settle(ctx, ids, "rejected", why)


@main.command()
@click.argument("ids", type=int, nargs=-1, required=True)
@click.option("--why", required=True, help="Why the figures are withdrawn.")
@click.pass_context
def retract(ctx: click.Context, ids: tuple[int, ...], why: str) -> None:
    """Retract accepted figures, with a reason; they stay, with their history.

    Example:

        tracker retract 12 --why "the agency corrected the figure the next day"
    """
    _settle(ctx, ids, "retracted", why)


@main.command()
@click.argument("ids", type=int, nargs=-1, required=True)
@click.option("--why", required=True, help="Why the figures are looked at again.")
@click.pass_context
def reopen(ctx: click.Context, ids: tuple[int, ...], why: str) -> None:
    """Put rejected or retracted figures back among the candidates, with a reason.

    Example:

        tracker reopen 63 --why "the count is of people after all"
    """
    _settle(ctx, ids, "candidate", why)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _read_document(path: str) -> str:
    from tracker.extract import document_text

    raw = Path(path).read_bytes().decode("utf-8", errors="replace")
    return document_text(raw, path)


CANDIDATE_FIELDS = (
    "span", "low", "best", "high", "qualifier", "unit", "household_size", "population", "term",
    "measure", "period_text", "period_start", "period_end", "attributed_to", "sentence", "start",
    "end",
)  # fmt: skip


def _candidate_record(c) -> dict:
    record = {name: getattr(c, name, None) for name in CANDIDATE_FIELDS}
    record.update(low=c.estimate.low, best=c.estimate.best, high=c.estimate.high,
                  qualifier=c.estimate.qualifier)  # fmt: skip
    return record


@main.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--published", help="Publication date (YYYY-MM-DD), to resolve 'the past week'.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)  # fmt: skip
def extract_(file: str, published: str | None, fmt: str) -> None:
    """Print the candidate figures of a text, Markdown or HTML document; store nothing.

    Example:

        tracker extract seeds/000_5e049728476cadbf.txt --published 2019-03-22
    """
    from tracker.csvformat import escape_cell
    from tracker.extract import extract
    from tracker.validation import format_number

    records = [_candidate_record(c) for c in extract(_read_document(file), _date(published))]
    if fmt == "json":
        click.echo(json.dumps(records, default=_json_default, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CANDIDATE_FIELDS)
        for r in records:
            cells = []
            for name in CANDIDATE_FIELDS:
                value = r[name]
                text = format_number(value) if isinstance(value, float) else _text(value)
                cells.append(escape_cell(text))
            writer.writerow(cells)
        return
    if not records:
        click.echo("no candidate figures found")
    for n, r in enumerate(records, start=1):
        bounds = " / ".join(format_number(r[k]) or "open" for k in ("low", "best", "high"))
        period = " to ".join(_text(r[k]) or "?" for k in ("period_start", "period_end"))
        click.echo(f"{n}. {r['span']!r}: {bounds} ({r['qualifier']}), {r['unit']}")
        click.echo(f"   {r['population'] or '?'} · {r['term']} · {r['measure']}"
                   f" · period {r['period_text'] or '-'} [{period}]"
                   f" · said by {r['attributed_to'] or '-'}")  # fmt: skip
        click.echo(f"   “{r['sentence']}”")


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--title", required=True, help="The source's title.")
@click.option("--publisher")
@click.option("--url")
@click.option("--published", required=True, help="Publication date, YYYY-MM-DD.")
@click.option("--kind", default="other", show_default=True,
              type=click.Choice(["news", "un_agency", "ngo", "government", "other"]))  # fmt: skip
@click.option("--reliability", default="F", show_default=True, type=click.Choice(list("ABCDEF")))
@click.pass_context
def ingest(ctx: click.Context, file: str, title: str, publisher: str | None, url: str | None,
           published: str, kind: str, reliability: str) -> None:  # fmt: skip
    """Store a document's candidate figures with their source, for review.

    Ingesting the same document twice adds nothing the second time.

    Example:

        \b
        tracker ingest seeds/000_5e049728476cadbf.txt \\
          --title "Islamic State Loses Caliphate in Syria" --published 2019-03-22 --kind news
    """
    from tracker.actions import ingest_document

    published_on = _date(published)
    source = {"source_title": title, "source_publisher": publisher, "source_url": url,
              "source_published_on": published_on, "source_kind": kind,
              "source_reliability": reliability}  # fmt: skip
    engine = _engine(ctx)
    storage.create_schema(engine)
    try:
        stored = ingest_document(engine, _read_document(file), source, current_user(), published_on)
    except ValidationError as error:
        raise _fail_on_validation(error) from None
    ids = stored.ids
    click.echo(
        f"stored {len(ids)} candidates for review" + (f": {' '.join(map(str, ids))}" if ids else "")
    )
    if stored.skipped:
        click.echo(f"{stored.skipped} were stored already and were skipped")


@main.command()
@click.pass_context
def review(ctx: click.Context) -> None:
    """List the candidate figures waiting for review.

    Example:

        tracker review
    """
    from tracker.store import figure_rows

    rows = figure_rows(_engine(ctx), FigureFilter(statuses=("candidate",)))
    if rows.empty:
        click.echo("no candidates to review")
        return
    for r in rows.itertuples():
        bounds = " / ".join(getattr(r, k) or "open" for k in ("low", "best", "high"))
        click.echo(f"{r.figure_id}: {bounds} ({r.qualifier}) {r.population or '?'} · {r.term or '?'}"
                   f" · {r.period_start or '?'} to {r.period_end or '?'} · {r.source_title}")  # fmt: skip
        click.echo(f"   {r.notes or ''}")
        click.echo(f"   “{r.quote}”")
    click.echo("settle them with: tracker accept ID… | tracker reject ID… --why …")


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True
)
@click.pass_context
def check(ctx: click.Context, fmt: str) -> None:
    """Print the consistency flags of the accepted figures; exit 1 when there are any.

    Kinds: cumulative_decrease, flows_exceed_total, estimates_disagree.

    Example:

        tracker check --format csv > flags.csv || echo "figures need a look"
    """
    from tracker.analysis import flags_frame
    from tracker.csvformat import escape_cell

    found = flags_frame(_engine(ctx))
    if fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["series", "kind", "figure_ids", "message"])
        for r in found.itertuples():
            writer.writerow([escape_cell(r.series), r.kind, r.figure_ids, escape_cell(r.message)])
    elif found.empty:
        click.echo("no consistency flags")
    else:
        for r in found.itertuples():
            click.echo(f"{r.kind}  {r.series}  figures {r.figure_ids}\n   {r.message}")
    ctx.exit(1 if len(found) else 0)


def _json_default(value):
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
