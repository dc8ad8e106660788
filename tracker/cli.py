"""The `tracker` command: a thin layer over the library; each command calls one library function.

Errors a user can meet become one clear line (click.ClickException, exit status 1).
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import date
from pathlib import Path

import click
from tqdm import tqdm

from tracker import db
from tracker import estimate
from tracker.extracts import ExtractImportError, import_extract, load_directory, write_extract
from tracker.figures import (
    FigureError,
    FigureFilter,
    add_figure,
    count_figures,
    history,
    set_status,
)
from tracker.terms import TERMS
from tracker.validation import ValidationError

FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"


def current_user() -> str:
    """Who is recorded on revisions: TRACKER_USER, else the login name."""
    return os.environ.get("TRACKER_USER") or getpass.getuser() or "cli"


def _engine(ctx: click.Context):
    return db.engine_for(ctx.obj["db"])


def _fail_on_validation(error: ValidationError) -> click.ClickException:
    lines = [f"{p.column}: {p.message}" for p in error.problems]
    return click.ClickException("nothing was saved:\n  " + "\n  ".join(lines))


def _progress(total: int | None, desc: str):
    # tqdm draws only on a terminal (disable=None), so pipes and CI logs stay clean.
    return tqdm(total=total, desc=desc, unit=" rows", disable=None, file=sys.stderr)


@click.group()
@click.option("--db", "db_url", metavar="URL", help="Any SQLAlchemy URL; overrides TRACKER_DATABASE_URL.")
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
    db.create_schema(engine)
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
@click.option("--term", required=True, type=click.Choice(sorted(TERMS)), help="What happened to them.")
@click.option("--measure", type=click.Choice(["flow", "stock"]), help="Default: the term's usual one.")
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

        tracker add --quote "5,000 in just the past week" --population civilians --term fled
        --estimate "5,000" --location Baghuz --country SYR --start 2019-03-16 --end 2019-03-22
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
    db.create_schema(engine)
    with _progress(None, "importing") as bar:
        try:
            result = import_extract(engine, file, by=current_user(), progress=bar.update)
        except ExtractImportError as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"imported {result.figures} figures from {file}")


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Default: stdout.")
@click.option("--hxl", is_flag=True, help="Add a second row of HXL hashtags.")
@click.option("--status", type=click.Choice(["accepted", "all"]), default="accepted", show_default=True)
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
        click.echo(f"revision {e.revision}  {e.changed_at:%Y-%m-%d %H:%M:%S}  {e.action}  by {e.changed_by}")
        if e.reason:
            click.echo(f"  why: {e.reason}")
        for column, (old, new) in e.changes.items():
            click.echo(f"  {column}: {old!r} → {new!r}")


def _settle(ctx: click.Context, ids: tuple[int, ...], status: str, why: str | None) -> None:
    try:
        set_status(_engine(ctx), ids, status, by=current_user(), reason=why)
    except FigureError as error:
        raise click.ClickException(str(error)) from None
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


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _json_default(value):
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


__all__ = ["main", "current_user", "json", "_date", "_json_default"]
