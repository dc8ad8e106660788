"""Read-only queries behind the app's views: filter options, what a chart shows, sources, queues.

Each query asks the database only for what one view shows (filters and counts in SQL, rows capped),
so the app stays fast over millions of figures; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tracker.csvformat import COLUMNS
from tracker.store import (
    CHUNK_ROWS,
    FIGURE,
    REVISION,
    SERIES,
    SOURCE,
    FigureError,
    FigureFilter,
    extract_select,
    figure_rows,
)

# At most this many figures are charted and listed at once: a page of series holds no more, and
# a series with more is charted in part (and the page says so).
CHART_LIMIT = 2_500
# At most this many series are charted on one page of the charts page, each in a panel of its own.
PANEL_LIMIT = 10

SERIES_KEY = ("location", "population", "term", "measure")


def data_version(engine: Engine) -> int:
    """A number that grows with every change: every write adds a revision and none is deleted."""
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.max(REVISION.c.id))).scalar() or 0)


def has_figures(engine: Engine) -> bool:
    """Whether any figure is stored (one row read, whatever the size of the table)."""
    with engine.connect() as conn:
        return conn.execute(sa.select(FIGURE.c.id).limit(1)).first() is not None


@dataclass(frozen=True)
class FilterOptions:
    """The values each filter of the charts page offers."""

    countries: tuple[str, ...]
    locations: tuple[str, ...]
    populations: tuple[str, ...]
    terms: tuple[str, ...]
    measures: tuple[str, ...]


def filter_options(engine: Engine) -> FilterOptions:
    """Choices from the small series table and the distinct country codes (an index scan)."""
    se = SERIES.c
    with engine.connect() as conn:
        series = conn.execute(sa.select(se.location, se.population, se.term, se.measure)).all()
        countries = conn.execute(
            sa.select(FIGURE.c.country_iso3).where(FIGURE.c.country_iso3.is_not(None)).distinct()
        ).scalars()
        countries = tuple(sorted(countries))

    def distinct(i: int) -> tuple[str, ...]:
        return tuple(sorted({row[i] for row in series if row[i]}, key=str.casefold))

    return FilterOptions(countries, distinct(0), distinct(1), distinct(2), distinct(3))


def _figure_joins(flt: FigureFilter) -> sa.FromClause:
    """FIGURE joined to only the tables the filter needs (joins cost time over millions of rows)."""
    needs_series = any(
        v is not None for v in (flt.locations, flt.populations, flt.terms, flt.measures)
    )
    joined: sa.FromClause = FIGURE
    if needs_series:
        joined = joined.join(SERIES, FIGURE.c.series_id == SERIES.c.id)
    if flt.min_reliability:
        joined = joined.join(SOURCE, FIGURE.c.source_id == SOURCE.c.id)
    return joined


def series_counts(engine: Engine, flt: FigureFilter) -> pd.DataFrame:
    """Series with figures matching `flt`: series_id, location, population, term, measure, figures.

    Most figures first; one GROUP BY in SQL, so the answer has a row per series, not per figure.
    """
    counts = (
        sa.select(FIGURE.c.series_id, sa.func.count().label("figures"))
        .select_from(_figure_joins(flt))
        .where(*flt.where())
        .group_by(FIGURE.c.series_id)
        .subquery()
    )
    query = (
        sa.select(counts.c.series_id, *(SERIES.c[k] for k in SERIES_KEY), counts.c.figures)
        .join_from(counts, SERIES, counts.c.series_id == SERIES.c.id)
        .order_by(counts.c.figures.desc(), counts.c.series_id)
    )
    with engine.connect() as conn:
        rows = _tuples(conn.execute(query))
    return pd.DataFrame(rows, columns=["series_id", *SERIES_KEY, "figures"])


def _tuples(result: sa.CursorResult) -> list[tuple]:
    """A result's rows as plain tuples: pandas probes each row it is given for attributes, and on
    SQLAlchemy's rows every probe raises and catches an exception (a tenth of a second for a
    page of thousands)."""
    return [tuple(row) for row in result]


@dataclass(frozen=True)
class Shown:
    """One page of the charts page: its figures, and every series that matches, with its page.

    `series` has a row per matching series, most figures first: series_id, location,
    population, term, measure, figures (matching), page (1, 2, …) and charted (how many of its
    figures this page holds: all of them, fewer for a series cut at `limit`, 0 off this page).
    `figures` holds the page's figures (extract columns, series_id, and `status_reason` for
    figures that are not accepted); `flt` is exactly them, so a download of `flt` capped at
    `limit` gives the same rows.
    """

    figures: pd.DataFrame
    flt: FigureFilter
    series: pd.DataFrame
    page: int
    limit: int

    @property
    def pages(self) -> int:
        return int(self.series["page"].max()) if len(self.series) else 1

    @property
    def matching_figures(self) -> int:
        return int(self.series["figures"].sum())

    @property
    def page_series(self) -> pd.DataFrame:
        return self.series[self.series["page"] == self.page]

    @property
    def cut(self) -> pd.DataFrame:
        """The page's series charted in part (more figures than a page holds)."""
        shown = self.page_series
        return shown[shown["charted"] < shown["figures"]]


def page_numbers(figures: pd.Series, per_page: int = PANEL_LIMIT, limit: int = CHART_LIMIT):
    """Pages (1, 2, …) for series with these figure counts, in order: a page holds at most
    `per_page` series and `limit` figures; a series with more than `limit` has a page to itself."""
    pages, page, series_on_page, figures_on_page = [], 1, 0, 0
    for count in figures.tolist():
        if series_on_page and (series_on_page == per_page or figures_on_page + count > limit):
            page, series_on_page, figures_on_page = page + 1, 0, 0
        pages.append(page)
        series_on_page += 1
        figures_on_page += count
    return pages


def series_pages(
    engine: Engine, flt: FigureFilter, per_page: int = PANEL_LIMIT, limit: int = CHART_LIMIT
) -> pd.DataFrame:
    """The series of `flt` (series_counts) with the page each is charted on (page_numbers)."""
    series = series_counts(engine, flt)
    series["page"] = page_numbers(series["figures"], per_page, limit)
    return series


def shown_figures(
    engine: Engine,
    flt: FigureFilter,
    page: int = 1,
    per_page: int = PANEL_LIMIT,
    limit: int = CHART_LIMIT,
    series: pd.DataFrame | None = None,
) -> Shown:
    """Page `page` of the series of `flt` (most figures first; see page_numbers) and its figures,
    at most `limit` (the earliest ids first). A page past the last gives the last. `series` is
    series_pages of the same filter, if already read (a page is another page of the same list)."""
    series = (series_pages(engine, flt, per_page, limit) if series is None else series).copy()
    page = max(1, min(page, int(series["page"].max()) if len(series) else 1))
    on_page = series["page"] == page
    narrowed = replace(flt, series_ids=tuple(int(i) for i in series.loc[on_page, "series_id"]))
    figures = page_rows(engine, narrowed if on_page.any() else replace(flt, figure_ids=()), limit)
    charted = pd.to_numeric(figures["series_id"]).value_counts()
    series["charted"] = series["series_id"].map(charted).fillna(0).astype(int)
    reasons = status_reasons(engine, figures.loc[figures["status"] != "accepted", "figure_id"])
    figures["status_reason"] = pd.Series(
        [reasons.get(int(i)) for i in figures["figure_id"]], index=figures.index, dtype=object
    )
    return Shown(figures=figures, flt=narrowed, series=series, page=page, limit=limit)


# The extract's columns the charts page reads: what it draws, its tooltips, its table and its map.
PAGE_COLUMNS = (
    "figure_id", "status", "location", "population", "term", "measure", "unit", "household_size",
    "period_start", "period_end", "low", "best", "high", "qualifier", "credibility", "quote",
    "attributed_to", "notes", "source_title", "source_publisher", "source_url",
    "source_published_on", "source_reliability", "country_iso3", "latitude", "longitude",
)  # fmt: skip


def page_rows(engine: Engine, flt: FigureFilter, limit: int = CHART_LIMIT) -> pd.DataFrame:
    """The first `limit` figures of `flt` (by id, as capped_rows) in PAGE_COLUMNS as text, with
    series_id and source_key (the source's stored key, from which its colour comes)."""
    query = extract_select(flt, escape=False)
    query = query.with_only_columns(
        *(c for c in query.selected_columns if c.name in PAGE_COLUMNS),
        FIGURE.c.series_id,
        SOURCE.c.key.label("source_key"),
    ).limit(limit)
    with engine.connect() as conn:
        result = conn.execute(query)
        return pd.DataFrame(_tuples(result), columns=list(result.keys()), dtype=object)


def status_reasons(engine: Engine, figure_ids) -> dict[int, str]:
    """figure id → the reason of its latest revision that set its status (the revision that
    created it, or the latest accept, reject, retract or reopen), for those that have one."""
    # Imported here: the words revisions record for status changes are written once, there.
    from tracker.actions import STATUS_ACTIONS

    ids = sorted({int(i) for i in figure_ids})
    r = REVISION.c
    found: dict[int, str] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), 1_000):  # well under every database's parameter limit
            chunk = ids[start : start + 1_000]
            last = (
                sa.select(r.figure_id, sa.func.max(r.revision).label("revision"))
                .where(
                    r.figure_id.in_(chunk),
                    sa.or_(r.action.in_(list(STATUS_ACTIONS.values())), r.revision == 1),
                )
                .group_by(r.figure_id)
                .subquery()
            )
            rows = conn.execute(
                sa.select(r.figure_id, r.reason).join(
                    last, (r.figure_id == last.c.figure_id) & (r.revision == last.c.revision)
                )
            )
            found.update({int(i): reason for i, reason in rows if reason})
    return found


def capped_rows(engine: Engine, flt: FigureFilter, limit: int = CHART_LIMIT) -> pd.DataFrame:
    """The first `limit` figures of `flt` as text in the extract's columns, plus series_id."""
    return figure_rows(engine, flt, limit=limit)


def sources_with_counts(engine: Engine) -> pd.DataFrame:
    """Every source (but merged ones) with its number of figures (all statuses) and of accepted
    figures."""
    so, f = SOURCE.c, FIGURE.c
    accepted = sa.func.sum(sa.case((f.status == "accepted", 1), else_=0))
    query = (
        sa.select(
            so.id.label("source_id"),
            so.title,
            so.publisher,
            so.url,
            so.published_on,
            so.kind,
            so.reliability,
            sa.func.count(f.id).label("figures"),
            sa.func.coalesce(accepted, 0).label("accepted"),
        )
        .select_from(SOURCE.outerjoin(FIGURE, f.source_id == so.id))
        # A merged source has no figures left; it stays only as a pointer to the one kept.
        .where(so.merged_into.is_(None))
        .group_by(so.id)
        .order_by(sa.func.count(f.id).desc(), so.title)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    columns = [
        "source_id",
        "title",
        "publisher",
        "url",
        "published_on",
        "kind",
        "reliability",
        "figures",
        "accepted",
    ]
    # object columns keep None for a missing publisher, URL or date (pandas' string columns would
    # turn it into NaN, which reads as "nan" and is no string).
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return frame.astype({"source_id": "int64", "figures": "int64", "accepted": "int64"})


def source_choices(engine: Engine) -> pd.DataFrame:
    """Sources to pick from when entering a figure: id and the six fields that identify one
    (merged sources are not offered: their figures moved to the source kept)."""
    so = SOURCE.c
    query = (
        sa.select(so.id, so.title, so.publisher, so.url, so.published_on, so.kind, so.reliability)
        .where(so.merged_into.is_(None))
        .order_by(so.published_on.desc(), so.title)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame(
        rows, columns=["id", "title", "publisher", "url", "published_on", "kind", "reliability"]
    )


def candidate_rows(engine: Engine, limit: int = 50) -> tuple[pd.DataFrame, int]:
    """The review queue: the oldest `limit` candidate figures, and how many candidates there are."""
    from tracker.store import count_figures

    flt = FigureFilter(statuses=("candidate",))
    return capped_rows(engine, flt, limit), count_figures(engine, flt)


def find_figures(engine: Engine, text: str, limit: int = 100) -> tuple[pd.DataFrame, bool]:
    """Figures (any status) whose quote, source title or publisher, or location holds every word
    of `text` (any case), newest first; a number also finds the figure with that id. The first
    `limit` as text in the extract's columns, and whether more match."""
    f, se, so = FIGURE.c, SERIES.c, SOURCE.c
    words = text.split()
    if not words:
        return pd.DataFrame(columns=list(COLUMNS), dtype=object), False
    searched = (f.quote, so.title, so.publisher, se.location)
    matches = sa.and_(*(
        sa.or_(*(sa.func.lower(column).contains(word.lower(), autoescape=True)
                 for column in searched))
        for word in words
    ))  # fmt: skip
    if text.strip().isdigit():
        matches = sa.or_(f.id == int(text), matches)
    query = (
        extract_select(FigureFilter(statuses=None), escape=False)
        .where(matches)
        .order_by(None)
        .order_by(f.id.desc())
        .limit(limit + 1)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).fetchall()
    frame = pd.DataFrame(rows[:limit], columns=list(COLUMNS), dtype=object)
    return frame, len(rows) > limit


REVISION_COLUMNS = ("figure_id", "revision", "action", "changed_by", "changed_at", "reason")


def latest_revisions(engine: Engine, limit: int = 50) -> pd.DataFrame:
    """The last `limit` revisions of any figure, newest first: who changed which figure, when,
    how and why."""
    r = REVISION.c
    query = (
        sa.select(r.figure_id, r.revision, r.action, r.changed_by, r.changed_at, r.reason)
        .order_by(r.id.desc())
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame(rows, columns=list(REVISION_COLUMNS), dtype=object)


def figure_records(
    engine: Engine, flt: FigureFilter, chunk: int = CHUNK_ROWS
) -> Iterator[dict[str, str | None]]:
    """The figures of `flt` by id, each a dict of the extract's columns as text (None for empty,
    no formula escape), read from the database `chunk` rows at a time."""
    query = extract_select(flt, escape=False)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query)
        for rows in result.mappings().partitions(chunk):
            yield from (dict(r) for r in rows)


def figure_detail(engine: Engine, figure_id: int) -> dict[str, str | int | None]:
    """One figure's extract columns as text (no formula escape) with its source_id and series_id.
    Raises FigureError if the figure is unknown."""
    query = extract_select(FigureFilter(statuses=None, figure_ids=(figure_id,)), escape=False)
    query = query.add_columns(FIGURE.c.source_id, FIGURE.c.series_id)
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    if row is None:
        raise FigureError(f"figure {figure_id} does not exist")
    return dict(row)


SOURCE_ROW_COLUMNS = (
    "source_id", "title", "publisher", "url", "published_on", "kind", "reliability", "figures",
    "merged_into",
)  # fmt: skip


def source_rows(engine: Engine, include_merged: bool = False) -> pd.DataFrame:
    """Sources by id with their number of figures (all statuses) and the source each merged one
    was merged into; merged sources only with `include_merged`."""
    so, f = SOURCE.c, FIGURE.c
    counts = (
        sa.select(f.source_id, sa.func.count().label("figures")).group_by(f.source_id).subquery()
    )
    query = (
        sa.select(so.id, so.title, so.publisher, so.url, so.published_on, so.kind, so.reliability,
                  sa.func.coalesce(counts.c.figures, 0), so.merged_into)
        .select_from(SOURCE.outerjoin(counts, counts.c.source_id == so.id))
        .order_by(so.id)
    )  # fmt: skip
    if not include_merged:
        query = query.where(so.merged_into.is_(None))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame(rows, columns=list(SOURCE_ROW_COLUMNS), dtype=object)


def sources_named(engine: Engine, name: str) -> tuple[int, ...]:
    """The sources a person names: a number is a source id (if it exists), other text the sources
    whose title holds every one of its words (any case)."""
    so = SOURCE.c
    if name.strip().isdigit():
        clauses = [so.id == int(name)]
    else:
        clauses = [
            sa.func.lower(so.title).contains(word.lower(), autoescape=True) for word in name.split()
        ]
    if not clauses:
        return ()
    with engine.connect() as conn:
        return tuple(conn.execute(sa.select(so.id).where(*clauses).order_by(so.id)).scalars())


def people(engine: Engine) -> tuple[str, ...]:
    """Everyone who has changed a figure, as their revisions name them (an e-mail where they
    signed in), in order."""
    changed_by = REVISION.c.changed_by
    with engine.connect() as conn:
        return tuple(conn.execute(sa.select(changed_by).distinct().order_by(changed_by)).scalars())


CHANGE_COLUMNS = ("figure_id", "revision", "action", "changed_at", "reason", "changes")


def changes_by(engine: Engine, person: str, limit: int = 200) -> tuple[pd.DataFrame, int]:
    """The last `limit` revisions `person` made, of any figure, newest first (the changes as
    JSON text, field: [old, new]), and how many revisions they made in all."""
    r = REVISION.c
    mine = r.changed_by == person
    query = (
        sa.select(r.figure_id, r.revision, r.action, r.changed_at, r.reason, r.changes)
        .where(mine)
        .order_by(r.id.desc())
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
        total = conn.execute(sa.select(sa.func.count()).where(mine)).scalar()
    return pd.DataFrame(rows, columns=list(CHANGE_COLUMNS), dtype=object), int(total)
