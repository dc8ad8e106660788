"""The `tracker` command: a thin layer over the library; each command calls one library function.

Errors a user can meet become one clear line (click.ClickException, exit status 1).
"""

from __future__ import annotations

import contextlib
import csv
import errno
import functools
import json
import os
import re
import secrets
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

import click
from tqdm import tqdm

from tracker import actions, estimate, grants, storage, views
from tracker.actions import (
    FIGURES_DIR,
    DuplicateFigure,
    add_figure,
    current_user,
    edit_figure,
    edit_source,
    import_extract,
    load_directory,
    merge_sources,
)
from tracker.csvformat import (
    COLUMNS,
    FREE_TEXT_COLUMNS,
    INTEGER_COLUMNS,
    NUMBER_COLUMNS,
    SERIES_COLUMNS,
    SOURCE_COLUMNS,
    ExtractImportError,
    escape_cell,
    spooled,
)
from tracker.store import (
    FigureError,
    FigureFilter,
    HistoryEntry,
    count_figures,
    history,
    write_extract,
)
from tracker.tables import CREDIBILITY_MEANING, RELIABILITY_MEANING, Status
from tracker.terms import TERMS
from tracker.validation import ValidationError

# The commands that make a missing schema themselves (storage.create_schema, which refuses a
# database of another release as _engine does); every other command needs it made already.
SCHEMA_MAKERS = {"init", "import", "ingest"}


def _engine(ctx: click.Context):
    """The database of --db (else TRACKER_DATABASE_URL), refused unless it has this release's
    schema: a command finds no database rather than making an empty one."""
    engine = storage.engine_for(ctx.obj["db"])
    if ctx.command.name not in SCHEMA_MAKERS:
        storage.check_schema(engine)
    return engine


def _fail_on_validation(error: ValidationError) -> click.ClickException:
    lines = [f"{p.column}: {p.message}" for p in error.problems]
    return click.ClickException("nothing was saved:\n  " + "\n  ".join(lines))


def _progress(total: int | None, desc: str):
    # tqdm draws only on a terminal (disable=None), so pipes and CI logs stay clean.
    return tqdm(total=total, desc=desc, unit=" rows", disable=None, file=sys.stderr)


class _Tracker(click.Group):
    """The command group: a fault of the database becomes one line, exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as error:
            # storage.explain knows the faults of SQLAlchemy and of both drivers (bulk writes call
            # the driver itself); any other error is a bug, and keeps its traceback.
            message = storage.explain(error, (ctx.obj or {}).get("db"))
            if message is None:
                raise
            raise click.ClickException(message) from None


@click.group(cls=_Tracker)
@click.option(
    "--db", "db_url", metavar="URL", help="Any SQLAlchemy URL; overrides TRACKER_DATABASE_URL."
)
@click.version_option(package_name="tracker")
@click.pass_context
def main(ctx: click.Context, db_url: str | None) -> None:
    """Keep sourced displacement figures with their citations and uncertainty.

    The database is the SQLite file tracker.db here, unless TRACKER_DATABASE_URL or --db names
    another (any SQLAlchemy URL, e.g. postgresql://user@host/tracker). Revisions name the person
    acting: TRACKER_USER, else the login name; on a team's database (one with members, see
    tracker members) that must be a member's e-mail with the role the command needs.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db_url


@main.command()
@click.option("--empty", is_flag=True, help="Create the schema only; load no figures.")
@click.pass_context
def init(ctx: click.Context, empty: bool) -> None:
    """Create the schema and load the curated figure sets of figures/.

    Figures are loaded only into a database that has none yet. A database of an earlier release
    is refused: bring it up to date with `tracker upgrade`.

    Example:

        tracker init

        tracker --db sqlite:///scratch.db init --empty
    """
    engine = _engine(ctx)
    storage.create_schema(engine)
    if empty:
        click.echo(f"schema {storage.head()} ready at {storage.describe(engine)}")
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
@click.pass_context
def upgrade(ctx: click.Context) -> None:
    """Bring a database of an earlier release to this release's schema.

    Every source, series, figure and revision is kept. The other commands refuse an older
    database until it is upgraded. The upgrade is one transaction: it completes, or leaves the
    database as it was.

    Example:

        tracker upgrade

        tracker --db postgresql://analyst@db.example.org/tracker upgrade
    """
    engine = storage.engine_for(ctx.obj["db"])
    before, after = storage.upgrade(engine)
    where = storage.describe(engine)
    if before == after:
        click.echo(f"{where} has schema {after}, this release's: nothing to upgrade")
    else:
        click.echo(f"upgraded {where} from schema {before} to {after}")


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
        bounds = [f"--{k}" for k in ("low", "best", "high", "qualifier") if values[k] is not None]
        if bounds:
            raise click.ClickException(
                f"--estimate cannot be combined with {', '.join(bounds)}: give the number either "
                "as words (--estimate) or as bounds (--low/--best/--high with --qualifier)"
            )
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
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.pass_context
def import_(ctx: click.Context, file: str) -> None:
    """Import a CSV extract (FILE, or - for standard input): all rows in one transaction, or none.

    Every bad row is reported as `line N, column C: reason`, and nothing is written.

    Example:

        tracker import figures/syria_2019.csv

        tracker export --status all | tracker --db sqlite:///copy.db import -
    """
    engine = _engine(ctx)
    storage.create_schema(engine)
    # The reader needs a file: standard input is copied to a temporary one first.
    source = spooled(click.open_file("-", "rb")) if file == "-" else nullcontext(file)
    with source as path:
        total = _line_count(path) if sys.stderr.isatty() else None
        with _progress(total, "importing") as bar:
            try:
                result = import_extract(engine, path, by=current_user(), progress=bar.update)
            except ExtractImportError as error:
                raise click.ClickException(str(error)) from None
    shown = "standard input" if file == "-" else file
    click.echo(f"imported {result.figures} figures from {shown}")
    if result.duplicates:
        click.echo(f"{result.duplicates} rows repeat figures stored already and were skipped")


def _line_count(path: str) -> int:
    """Lines after the header: the progress bar's total (a quoted line break counts one more)."""
    lines = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            lines += block.count(b"\n")
    return max(lines - 1, 0)


# --- the figure filters of `list` and `export` ---------------------------------------------------

FILTER_PARAMS = (
    "statuses", "countries", "locations", "populations", "terms", "measures", "sources", "since",
    "until",
)  # fmt: skip
DAY = click.DateTime(["%Y-%m-%d"])


def _country_codes(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]):
    codes = tuple(v.strip().upper() for v in values)
    for code in codes:
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise click.BadParameter(f"{code!r} is not an ISO 3166-1 alpha-3 code such as SYR")
    return codes


def figure_filter_options(default_status: str | None) -> Callable[[Callable], Callable]:
    """Add the figure filter options to a command; it receives them as one `filters` dict, which
    _figure_filter turns into a FigureFilter. Options add up; a repeated option matches any of its
    values."""
    default = "every status" if default_status is None else default_status
    options = (
        click.option("--status", "statuses", multiple=True,
                     default=() if default_status is None else (default_status,),
                     type=click.Choice([*(s.value for s in Status), "all"], case_sensitive=False),
                     help=f"Repeatable; 'all' for every status. Default: {default}."),
        click.option("--country", "countries", multiple=True, metavar="ISO3",
                     callback=_country_codes, help="Country code, any case: SYR, syr. Repeatable."),
        click.option("--location", "locations", multiple=True,
                     help="A location as stored, e.g. Baghuz. Repeatable."),
        click.option("--population", "populations", multiple=True,
                     help='A population as stored, e.g. "IS fighters". Repeatable.'),
        click.option("--term", "terms", multiple=True,
                     type=click.Choice(sorted(TERMS), case_sensitive=False), help="Repeatable."),
        click.option("--measure", "measures", multiple=True,
                     type=click.Choice(["flow", "stock"]), help="Repeatable."),
        click.option("--source", "sources", multiple=True, metavar="ID|WORDS",
                     help="A source id, or words its title holds (any case). Repeatable."),
        click.option("--since", type=DAY, metavar="YYYY-MM-DD",
                     help="Figures whose period ends on or after this day."),
        click.option("--until", type=DAY, metavar="YYYY-MM-DD",
                     help="Figures whose period starts (or, without a start, ends) on or before "
                          "this day. With --since or --until, figures without dates are left out."),
    )  # fmt: skip

    def decorate(command):
        @functools.wraps(command)
        def with_filters(*args, **kwargs):
            filters = {name: kwargs.pop(name) for name in FILTER_PARAMS}
            return command(*args, filters=filters, **kwargs)

        for option in reversed(options):
            with_filters = option(with_filters)
        return with_filters

    return decorate


def _figure_filter(engine, filters: dict) -> FigureFilter:
    """The FigureFilter of the options figure_filter_options added."""
    source_ids = None
    if filters["sources"]:
        found: dict[int, None] = {}
        for name in filters["sources"]:
            ids = views.sources_named(engine, name)
            if not ids:
                raise click.ClickException(
                    f"--source {name!r}: no source has that id or those words in its title "
                    "(tracker sources list shows them)"
                )
            found.update(dict.fromkeys(ids))
        source_ids = tuple(found)
    statuses = tuple(dict.fromkeys(filters["statuses"]))
    since, until = filters["since"], filters["until"]
    return FigureFilter(
        statuses=None if not statuses or "all" in statuses else statuses,
        countries=tuple(filters["countries"]) or None,
        locations=tuple(filters["locations"]) or None,
        populations=tuple(filters["populations"]) or None,
        terms=tuple(filters["terms"]) or None,
        measures=tuple(filters["measures"]) or None,
        source_ids=source_ids,
        start=since.date() if since else None,
        end=until.date() if until else None,
    )


@main.command()
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Default: stdout."
)
@click.option("--hxl", is_flag=True, help="Add a second row of HXL hashtags.")
@click.option(
    "--consensus",
    is_flag=True,
    help="Write the consensus per series and date of the figures instead (--status, --hxl apply).",
)
@figure_filter_options(default_status="accepted")
@click.pass_context
def export(
    ctx: click.Context, output: str | None, hxl: bool, consensus: bool, filters: dict
) -> None:
    """Write a CSV extract of the figures (accepted ones unless --status says otherwise).

    The filters are those of `tracker list`, so an export holds exactly the figures a list shows.

    Example:

        tracker export -o syria.csv --hxl

        tracker export --country syr --term left --since 2019-03-01 -o left.csv

        tracker export --consensus -o consensus.csv
    """
    engine = _engine(ctx)
    flt = _figure_filter(engine, filters)
    with _replacing(output) if output else contextlib.nullcontext(sys.stdout) as out:
        if consensus:
            from tracker.analysis import write_consensus

            n = write_consensus(engine, out, flt, hxl=hxl)
        else:
            with _progress(count_figures(engine, flt), "exporting") as bar:
                n = write_extract(engine, out, flt, hxl=hxl, progress=bar.update)
    if output:
        click.echo(f"wrote {n} rows to {output}", err=True)


@contextlib.contextmanager
def _replacing(output: str) -> Iterator[TextIO]:
    """A text file that replaces `output` only when the block succeeds: it is written beside it
    under a temporary name and renamed, so a failed or killed export leaves the old file whole
    (and a failed one leaves no temporary file)."""
    target = Path(os.path.realpath(output))
    mode = target.stat().st_mode & 0o7777 if target.exists() else None
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # 0o666 less the umask, as open() would make a new file; an old file's mode is kept.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise click.ClickException(_cannot_write(output, error)) from None
    try:
        with open(descriptor, "w", newline="", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise click.ClickException(_cannot_write(output, error)) from None
        raise


def _cannot_write(output: str, error: OSError) -> str:
    folder = os.path.dirname(output) or "."
    reasons = {
        errno.ENOENT: f"the folder {folder} does not exist; create it or write elsewhere",
        errno.ENOTDIR: f"{folder} is not a folder; write elsewhere",
        errno.EACCES: f"the folder {folder} may not be written to; write elsewhere",
        errno.EPERM: f"the folder {folder} may not be written to; write elsewhere",
        errno.EROFS: f"{folder} is on a read-only disk; write elsewhere",
        errno.ENOSPC: "the disk is full; free some space and try again",
        errno.EDQUOT: "the disk quota is used up; free some space and try again",
    }
    reason = reasons.get(error.errno, f"{error.strerror or error}")
    kept = " (the file there is unchanged)" if os.path.exists(output) else ""
    return f"cannot write {output}: {reason}{kept}"


@main.command("history")
@click.argument("figure_id", type=int)
@click.pass_context
def history_(ctx: click.Context, figure_id: int) -> None:
    """Show every revision of a figure: who, when (UTC), what changed, why.

    Values are written as in `tracker show`: 5,000 → 5,500; text in quotes; (empty) for none.

    Example:

        tracker history 12
    """
    try:
        entries = history(_engine(ctx), figure_id)
    except FigureError as error:
        raise click.ClickException(str(error)) from None
    _echo_history(entries)


def _echo_history(entries: list[HistoryEntry]) -> None:
    for e in entries:
        click.echo(
            f"revision {e.revision}  {e.changed_at:%Y-%m-%d %H:%M:%S}  {e.action}  by {e.changed_by}"
        )
        if e.reason:
            click.echo(f"  why: {_oneline(e.reason)}")
        for column, (old, new) in e.changes.items():
            click.echo(f"  {column}: {_change_value(column, old)} → {_change_value(column, new)}")


def _change_value(column: str, value) -> str:
    """A value of a revision as a person writes it: 5,000, "civilians", 2019-03-22, (empty)."""
    if value is None or value == "":
        return "(empty)"
    if column in NUMBER_COLUMNS:
        return _number(value)
    if column in FREE_TEXT_COLUMNS:
        return f'"{_oneline(value)}"'
    return _oneline(value)


# --- figures as people read them: list and show ------------------------------------------------

WIDTH = 100  # table output fits a terminal this wide
# Control characters (line breaks, terminal escape sequences) in stored text are shown as spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
BOUNDS = ("low", "best", "high")


def _oneline(value) -> str:
    return " ".join(_CONTROL.sub(" ", str(value)).split()) if value is not None else ""


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _number(text) -> str:
    """A stored number as people write it: 30,000, 63.9; empty for none."""
    if text is None or text == "":
        return ""
    x = float(text)
    return f"{int(x):,}" if x.is_integer() else f"{x:,}"


def _bounds(r: dict) -> str:
    return " / ".join(_number(r[k]) or "open" for k in BOUNDS)


def _period(r: dict) -> str:
    start, end = r["period_start"], r["period_end"]
    if not start:
        # A stock is counted at one moment; a flow without a start began at a time not known.
        return end if not end or r["measure"] == "stock" else f"? to {end}"
    return start if start == end else f"{start} to {end or '?'}"


def _series(r: dict) -> str:
    return " · ".join(_oneline(r[k]) or "?" for k in SERIES_COLUMNS)


# The first line of a figure in the table: (header, width); the second holds series and source.
FIGURE_TABLE = (("ID", 5), ("STATUS", 9), ("LOW / BEST / HIGH", 27), ("QUALIFIER", 15),
                ("PERIOD", 24))  # fmt: skip
INDENT = " " * (FIGURE_TABLE[0][1] + 2)


def _table_lines(r: dict) -> tuple[str, str]:
    cells = (r["figure_id"], r["status"], _bounds(r), r["qualifier"] or "", _period(r))
    first = "  ".join(
        str(c).rjust(w) if n == 0 else str(c).ljust(w)
        for n, (c, (_, w)) in enumerate(zip(cells, FIGURE_TABLE, strict=True))
    )
    room = WIDTH - len(INDENT) - 3
    series, title = _series(r), _oneline(r["source_title"])
    # The series says what is counted: it keeps its words first; the title gets at least 30.
    series = _cut(series, room - min(len(title), 30))
    return first.rstrip(), f"{INDENT}{series} — {_cut(title, room - len(series))}"


def _typed(r: dict) -> dict:
    """A figure's extract columns with JSON's types: numbers as numbers, null for empty."""
    out: dict = {}
    for column in COLUMNS:
        value = r[column]
        if value is None or value == "":
            out[column] = None
        elif column in NUMBER_COLUMNS:
            x = float(value)
            out[column] = int(x) if x.is_integer() else x
        elif column in INTEGER_COLUMNS:
            out[column] = int(value)
        else:
            out[column] = value
    return out


@main.command("list")
@figure_filter_options(default_status=None)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="csv is a CSV extract; json has the extract's columns.")  # fmt: skip
@click.pass_context
def list_figures(ctx: click.Context, filters: dict, fmt: str) -> None:
    """List the figures, of every status unless --status is given, oldest id first.

    The table gives each figure on two lines: id, status, bounds (open where a bound is unknown),
    qualifier and period; then its series (location · population · term · measure) and source.
    `tracker export` takes the same filters.

    Example:

        tracker list --country syr --location Baghuz

        \b
        tracker list --status accepted --term arrived --term hosted \\
          --since 2019-03-01 --until 2019-03-31 --format csv > al_hol.csv

        tracker list --source "Flash Update" --format json
    """
    engine = _engine(ctx)
    flt = _figure_filter(engine, filters)
    if fmt == "csv":
        write_extract(engine, sys.stdout, flt)
        return
    records = views.figure_records(engine, flt)
    if fmt == "json":
        # Streamed object by object, so a list of millions never sits in memory.
        separator = "[\n"
        for r in records:
            item = json.dumps(_typed(r), ensure_ascii=False, indent=2)
            click.echo(separator + textwrap.indent(item, "  "), nl=False)
            separator = ",\n"
        click.echo("[]" if separator == "[\n" else "\n]")
        return
    shown = 0
    for r in records:
        if not shown:
            click.echo("  ".join(h.ljust(w) for h, w in FIGURE_TABLE).rstrip())
            click.echo(f"{INDENT}LOCATION · POPULATION · TERM · MEASURE — SOURCE")
        for line in _table_lines(r):
            click.echo(line)
        shown += 1
    click.echo(_figures(shown))


# The fields of a figure that `show` lists under the figure, in the extract's order.
SHOWN_FIGURE_FIELDS = tuple(c for c in COLUMNS if c not in ("figure_id", "quote", *SOURCE_COLUMNS))
MEANINGS = {"credibility": CREDIBILITY_MEANING, "source_reliability": RELIABILITY_MEANING}


def _field_lines(fields: tuple[str, ...], r: dict) -> list[str]:
    label = max(len(f) for f in fields) + 2
    lines = []
    for field in fields:
        value = r[field]
        if value is None or value == "":
            text = "(empty)"
        elif field in NUMBER_COLUMNS:
            text = _number(value)
        else:
            text = _oneline(value)
            meaning = MEANINGS.get(field, {}).get(int(value) if field == "credibility" else value)
            if meaning:
                text += f" ({meaning})"
        lines.extend(
            textwrap.wrap(text, WIDTH, initial_indent="  " + field.ljust(label),
                          subsequent_indent=" " * (label + 2), break_on_hyphens=False)
        )  # fmt: skip
    return lines


@main.command()
@click.argument("figure_id", type=int)
@click.pass_context
def show(ctx: click.Context, figure_id: int) -> None:
    """Print one figure: every field, its source, its quote and its revisions.

    Example:

        tracker show 2
    """
    engine = _engine(ctx)
    try:
        r = views.figure_detail(engine, figure_id)
        entries = history(engine, figure_id)
    except FigureError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"figure {figure_id}: {_bounds(r)} ({r['qualifier'] or 'no qualifier'})")
    click.echo("\n".join(_field_lines(SHOWN_FIGURE_FIELDS, r)))
    click.echo(f"\nsource {r['source_id']}")
    click.echo("\n".join(_field_lines(SOURCE_COLUMNS, r)))
    click.echo("\nquote")
    click.echo("\n".join(textwrap.wrap(f"“{_oneline(r['quote'])}”", WIDTH, initial_indent="  ",
                                       subsequent_indent="  ")))  # fmt: skip
    click.echo("\nrevisions")
    _echo_history(entries)


@main.command()
@click.argument("figure_id", type=int)
@click.argument("changes", nargs=-1, required=True, metavar="COLUMN=VALUE…")
@click.option("--why", help="Why the figure changes.")
@click.pass_context
def edit(ctx: click.Context, figure_id: int, changes: tuple[str, ...], why: str | None) -> None:
    """Change fields of a figure (extract column names); an empty VALUE empties the field.

    Example:

        tracker edit 3 credibility=4 --why "figures 51-53 give fewer fighters"
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

        tracker accept 12 13
    """
    _settle(ctx, ids, "accepted", why)


@main.command()
@click.argument("ids", type=int, nargs=-1, required=True)
@click.option("--why", required=True, help="Why the figures are rejected.")
@click.pass_context
def reject(ctx: click.Context, ids: tuple[int, ...], why: str) -> None:
    """Reject candidate figures, with a reason; they stay, with their history.

    Example:

        tracker reject 12 --why "rounded; the camp's exact count is kept"
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

        tracker reopen 12 --why "the correction was of another figure"
    """
    _settle(ctx, ids, "candidate", why)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _read_document(file_or_url: str):
    """The document of a file or an http(s) link (tracker.documents.Document); a file or link
    that cannot be read is one line."""
    from tracker.documents import DocumentError, read

    try:
        return read(file_or_url)
    except DocumentError as error:
        raise click.ClickException(str(error)) from None


CANDIDATE_FIELDS = (
    "span", "low", "best", "high", "qualifier", "unit", "household_size", "population", "term",
    "measure", "period_text", "period_start", "period_end", "attributed_to", "sentence", "start",
    "end", "location", "country_iso3", "latitude", "longitude", "place_note", "date_precision",
    "place_options",
)  # fmt: skip


def _candidate_record(c) -> dict:
    record = {name: getattr(c, name, None) for name in CANDIDATE_FIELDS}
    record.update(low=c.estimate.low, best=c.estimate.best, high=c.estimate.high,
                  qualifier=c.estimate.qualifier)  # fmt: skip
    return record


@main.command("extract")
@click.argument("file_or_url", metavar="FILE|URL")
@click.option("--published", help="Publication date (YYYY-MM-DD), to resolve 'the past week'; "
              "default: the date the document gives itself.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)  # fmt: skip
def extract_(file_or_url: str, published: str | None, fmt: str) -> None:
    """Print the candidate figures of a document (text, Markdown, HTML, PDF, Word .docx, or an
    http(s) link); store nothing.

    Example:

        tracker extract seeds/000_5e049728476cadbf.txt --published 2019-03-22
    """
    from tracker.extract import extract
    from tracker.validation import format_number

    document = _read_document(file_or_url)
    published_on = _date(published) or document.published_on
    found = extract(document.text, published_on, title=document.title)
    records = [_candidate_record(c) for c in found]
    if fmt == "json":
        click.echo(json.dumps(records, default=_json_default, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CANDIDATE_FIELDS)
        for r in records:
            cells = []
            for name in CANDIDATE_FIELDS:
                value = r[name]
                text = (
                    format_number(value) if isinstance(value, float)
                    else "; ".join(value) if isinstance(value, tuple)  # (place_options)
                    else _text(value)
                )  # fmt: skip
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
                   f" · said by {r['attributed_to'] or '-'}"
                   f" · at {r['location'] or '-'} {r['country_iso3'] or ''}".rstrip())  # fmt: skip
        if r["place_note"]:
            click.echo(f"   ({r['place_note']})")
        if r["place_options"]:
            click.echo(f"   (other places named: {'; '.join(r['place_options'])})")
        click.echo(f"   “{r['sentence']}”")


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@main.command()
@click.argument("file_or_url", metavar="FILE|URL")
@click.option("--title", help="The source's title; default: the title the document gives itself.")
@click.option("--publisher", help="Default: the publisher (site, author) the document names.")
@click.option("--url", help="Default: the link read, for a link.")
@click.option("--published", help="Publication date, YYYY-MM-DD; default: the document's own date.")
@click.option("--kind", default="other", show_default=True,
              type=click.Choice(["news", "un_agency", "ngo", "government", "other"]))  # fmt: skip
@click.option("--reliability", default="F", show_default=True, type=click.Choice(list("ABCDEF")))
@click.pass_context
def ingest(ctx: click.Context, file_or_url: str, title: str | None, publisher: str | None,
           url: str | None, published: str | None, kind: str, reliability: str) -> None:  # fmt: skip
    """Store a document's candidate figures with their source, for review.

    FILE|URL is a text, Markdown, HTML, PDF or Word .docx file, or an http(s) link. The source's
    title, publisher, link and date default to what the document says of itself (web page and
    PDF metadata); the options correct them. Ingesting the same document twice adds nothing the
    second time.

    Example:

        \b
        tracker ingest seeds/000_5e049728476cadbf.txt \\
          --title "Islamic State Loses Caliphate in Syria" --published 2019-03-22 --kind news
    """
    from tracker.actions import ingest_document

    document = _read_document(file_or_url)
    given = {"source_title": title, "source_publisher": publisher, "source_url": url,
             "source_published_on": _date(published)}  # fmt: skip
    source = {**document.source(), **{k: v for k, v in given.items() if v},
              "source_kind": kind, "source_reliability": reliability}  # fmt: skip
    if not source.get("source_title"):
        raise click.UsageError(f"{file_or_url} gives no title of its own; name it with --title")
    engine = _engine(ctx)
    storage.create_schema(engine)
    try:
        stored = ingest_document(engine, document.text, source, current_user(),
                                 source.get("source_published_on"), title=document.title)  # fmt: skip
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

    found = flags_frame(_engine(ctx))
    if fmt == "csv":
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


# --- sources ------------------------------------------------------------------------------------


@main.group()
def sources() -> None:
    """List sources, and correct or merge them once for all their figures.

    Example:

        tracker sources list --all
    """


# The sources table: (header, width); the last column (title — publisher) takes the rest.
SOURCE_TABLE = (("ID", 4), ("FIGURES", 7), ("KIND", 10), ("RELIABILITY", 11), ("PUBLISHED", 10))


@sources.command("list")
@click.option("--all", "include_merged", is_flag=True, help="Also the sources merged into others.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)  # fmt: skip
@click.pass_context
def sources_list(ctx: click.Context, include_merged: bool, fmt: str) -> None:
    """List the sources by id, with their number of figures (of every status).

    A merged source keeps its row, without figures, and says which source it was merged into.

    Example:

        tracker sources list

        tracker sources list --all --format csv > sources.csv
    """
    table = views.source_rows(_engine(ctx), include_merged=include_merged)
    records = [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
        for r in table.to_dict("records")
    ]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(views.SOURCE_ROW_COLUMNS)
        for r in records:
            writer.writerow(
                [
                    escape_cell(str(r[c])) if r[c] is not None else ""
                    for c in views.SOURCE_ROW_COLUMNS
                ]
            )
        return
    if not records:
        click.echo("no sources")
        return
    room = WIDTH - sum(w + 2 for _, w in SOURCE_TABLE)
    click.echo("  ".join(h.ljust(w) for h, w in SOURCE_TABLE) + "  TITLE — PUBLISHER")
    for r in records:
        cells = (r["source_id"], r["figures"], r["kind"], r["reliability"], r["published_on"] or "")
        line = "  ".join(
            str(c).rjust(w) if n < 2 else str(c).ljust(w)
            for n, (c, (_, w)) in enumerate(zip(cells, SOURCE_TABLE, strict=True))
        )
        title = _oneline(r["title"])
        if r["publisher"]:
            title += f" — {_oneline(r['publisher'])}"
        if r["merged_into"] is not None:
            title = f"(merged into {r['merged_into']}) {title}"
        click.echo(f"{line}  {_cut(title, room)}")


@sources.command("edit")
@click.argument("source_id", type=int)
@click.option("--title", help="The source's title.")
@click.option("--publisher", help='Who published it; "" empties the field.')
@click.option("--url", help='http or https; "" empties the field.')
@click.option("--published", metavar="YYYY-MM-DD", help='Publication date; "" empties the field.')
@click.option("--kind", type=click.Choice(["news", "un_agency", "ngo", "government", "other"]))
@click.option("--reliability", type=click.Choice(list("ABCDEF"), case_sensitive=False),
              help="A completely reliable … E unreliable, F cannot be judged.")  # fmt: skip
@click.option("--why", help="Why the source changes (kept on each figure's revision).")
@click.pass_context
def sources_edit(ctx: click.Context, source_id: int, why: str | None, **fields) -> None:
    """Correct a source once for all its figures; each of its figures gets a revision.

    Only the options given change.

    Example:

        \b
        tracker sources edit 5 --reliability C \\
          --why "a named news site; its figures agree with OCHA's of the same days"
    """
    names = {"title": "source_title", "publisher": "source_publisher", "url": "source_url",
             "published": "source_published_on", "kind": "source_kind",
             "reliability": "source_reliability"}  # fmt: skip
    changes = {names[k]: v for k, v in fields.items() if v is not None}
    try:
        count = edit_source(_engine(ctx), source_id, changes, by=current_user(), reason=why)
    except FigureError as error:
        raise click.ClickException(str(error)) from None
    except ValidationError as error:
        raise _fail_on_validation(error) from None
    click.echo(f"source {source_id} changed; {_figures(count)} got a revision")


@sources.command("merge")
@click.argument("keep_id", type=int)
@click.argument("merged_id", type=int)
@click.option("--why", help="Why the two are one source (kept on each figure's revision).")
@click.pass_context
def sources_merge(ctx: click.Context, keep_id: int, merged_id: int, why: str | None) -> None:
    """Move every figure of source MERGED_ID to source KEEP_ID, a revision each.

    The merged source stays, pointing to the one kept (`tracker sources list --all` shows it).

    Example:

        \b
        tracker sources merge 20 31 \\
          --why "the same wire story of 31 January, carried by two outlets"
    """
    try:
        count = merge_sources(_engine(ctx), keep_id, merged_id, by=current_user(), reason=why)
    except FigureError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"source {merged_id} merged into source {keep_id}; {_figures(count)} moved")


def _figures(count: int) -> str:
    return "1 figure" if count == 1 else f"{count:,} figures"


# --- members of a team and the app's database role -------------------------------------------------

ROLES = "viewer|editor|reviewer|admin"


@main.group()
def members() -> None:
    """Who may do what in a team deployment: members by e-mail, each with a role.

    \b
    viewer    read, chart, download
    editor    also enter figures, ingest documents, edit candidates
    reviewer  also accept, reject, retract, reopen, edit accepted figures and sources
    admin     also members and merges

    A tracker without members is one person's and allows every write; its first member must be
    an admin. Once it has members, every command that writes acts as TRACKER_USER (an e-mail),
    which must be an active member's with the role the write needs.

    Example:

        tracker members list
    """


@members.command("list")
@click.option("--all", "include_removed", is_flag=True, help="Also the members who were removed.")
@click.pass_context
def members_list(ctx: click.Context, include_removed: bool) -> None:
    """List the members by e-mail, with their role and who added them when.

    Example:

        tracker members list --all
    """
    rows = actions.members(_engine(ctx), include_removed=include_removed)
    if not rows:
        click.echo(
            "no members: this tracker is one person's; make it a team's with "
            "tracker members add EMAIL --role admin"
        )
        return
    width = max(len("EMAIL"), *(len(r.email) for r in rows))
    by_width = max(len("ADDED BY"), *(len(r.added_by) for r in rows))
    header = f"{'EMAIL'.ljust(width)}  {'ROLE':8}  {'ADDED (UTC)':16}  {'ADDED BY'.ljust(by_width)}"
    click.echo((header + "  REMOVED (UTC)") if include_removed else header.rstrip())
    for r in rows:
        removed = f"  {_minute(r.removed_at)}" if r.removed_at else ""
        line = f"{r.email.ljust(width)}  {r.role:8}  {_minute(r.added_at):16}  "
        click.echo((line + r.added_by.ljust(by_width) + removed).rstrip())


def _minute(value: datetime) -> str:
    return value.isoformat(sep=" ", timespec="minutes")


def _member_change(change: Callable[[], None], done: str) -> None:
    try:
        change()
    except FigureError as error:
        raise click.ClickException(str(error)) from None
    click.echo(done)


@members.command("add")
@click.argument("email")
@click.option("--role", required=True, metavar=ROLES, help="What the member may do.")
@click.pass_context
def members_add(ctx: click.Context, email: str, role: str) -> None:
    """Add a member by the e-mail they sign in with (or bring back a removed one) with a role.

    The first member of a tracker must be an admin (the app's TRACKER_ADMIN setting makes one
    too); after that, only an admin adds members.

    Example:

        tracker members add eve@example.org --role editor
    """
    engine = _engine(ctx)
    _member_change(
        lambda: actions.add_member(engine, email, role, by=current_user()),
        f"{email.strip().lower()} is a member, as {role}",
    )


@members.command("set-role")
@click.argument("email")
@click.option("--role", required=True, metavar=ROLES, help="What the member may do from now on.")
@click.pass_context
def members_set_role(ctx: click.Context, email: str, role: str) -> None:
    """Give a member another role; the last admin stays an admin.

    Example:

        tracker members set-role eve@example.org --role reviewer
    """
    engine = _engine(ctx)
    _member_change(
        lambda: actions.set_role(engine, email, role, by=current_user()),
        f"{email.strip().lower()} is {actions.a_role(role)} now",
    )


@members.command("remove")
@click.argument("email")
@click.pass_context
def members_remove(ctx: click.Context, email: str) -> None:
    """Remove a member: they can no longer sign in to the app nor write; their name stays on
    every revision they made. `members add` brings them back.

    Example:

        tracker members remove eve@example.org
    """
    engine = _engine(ctx)
    _member_change(
        lambda: actions.remove_member(engine, email, by=current_user()),
        f"{email.strip().lower()} is no longer a member; their name stays on their work",
    )


@main.command("grants")
@click.option("--app-role", required=True, metavar="NAME",
              help="The PostgreSQL role the app's instances connect as (it must exist).")  # fmt: skip
@click.option("--apply", "apply_", is_flag=True,
              help="Run the statements instead of printing them.")  # fmt: skip
@click.pass_context
def grants_(ctx: click.Context, app_role: str, apply_: bool) -> None:
    """Print, or apply, the grants of a least-privilege PostgreSQL role for the app.

    Under that role the app reads every table, inserts and updates figures, sources, series and
    members, and only inserts revisions: no row can be deleted, no revision changed and no table
    altered through the app. Run it as the owner of the tables (the role that runs tracker
    upgrade), once the role exists, and again after each upgrade. Printed, the statements are
    one transaction, ready for psql.

    Example:

        \b
        tracker --db postgresql://tracker_owner@db.example.org/tracker \\
          grants --app-role tracker_app

        \b
        tracker --db postgresql://tracker_owner@db.example.org/tracker \\
          grants --app-role tracker_app --apply
    """
    engine = _engine(ctx)
    if apply_:
        statements = grants.grant_app_role(engine, app_role)
        click.echo(
            f"{app_role} has the app's privileges on {storage.describe(engine)} "
            f"({len(statements)} statements run)"
        )
        return
    statements = grants.app_role_statements(engine, app_role)
    click.echo("\n".join(["BEGIN;", *(f"{s};" for s in statements), "COMMIT;"]))
