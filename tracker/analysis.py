"""Figures read from the database as typed frames for tracker.series, and its results as CSV.

One set-based query per call: the frame holds only the columns the analysis needs.
"""

from __future__ import annotations

import csv
from typing import TextIO

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tracker.store import FIGURE, JOINED, SERIES, SOURCE, FigureFilter
from tracker.tables import Status

ANALYSIS_COLUMNS = (
    "figure_id", "series_id", "location", "population", "term", "measure", "unit",
    "household_size", "period_start", "period_end", "low", "best", "high", "qualifier",
    "credibility", "source_reliability", "status",
)  # fmt: skip


CONSENSUS_CSV = (
    "series", "date", "low", "best", "high", "agreement", "figure_ids", "period_start", "unit",
)  # fmt: skip
# HXL hashtags of the consensus columns, in the extract's vocabulary (tracker.csvformat.HXL).
CONSENSUS_HXL = {
    "series": "#indicator+series", "date": "#date+end", "low": "#affected+num+min",
    "best": "#affected+num", "high": "#affected+num+max", "agreement": "#meta+agreement",
    "figure_ids": "#meta+figure_ids", "period_start": "#date+start", "unit": "#indicator+unit",
}  # fmt: skip


def analysis_frame(engine: Engine, flt: FigureFilter | None = None) -> pd.DataFrame:
    """The figures of `flt` (default: accepted) with typed columns, one row per figure."""
    flt = flt or FigureFilter()
    f, se, so = FIGURE.c, SERIES.c, SOURCE.c
    query = (
        sa.select(
            f.id.label("figure_id"),
            f.series_id,
            se.location,
            se.population,
            se.term,
            se.measure,
            f.unit,
            f.household_size,
            f.period_start,
            f.period_end,
            f.low,
            f.best,
            f.high,
            f.qualifier,
            f.credibility,
            so.reliability.label("source_reliability"),
            f.status,
        )  # fmt: skip
        .select_from(JOINED)
        .where(*flt.where())
    )
    with engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(query).fetchall(), columns=list(ANALYSIS_COLUMNS))
    for column in ("period_start", "period_end"):
        frame[column] = pd.to_datetime(frame[column])
    for column in ("household_size", "low", "best", "high"):
        frame[column] = pd.to_numeric(frame[column]).astype("float64")
    for column in ("figure_id", "series_id", "credibility"):
        frame[column] = frame[column].astype("int64")
    return frame


def labels(frame: pd.DataFrame) -> pd.Series:
    """series_id → its label, for the series present in `frame`."""
    from tracker.series import series_label

    first = frame.drop_duplicates("series_id").set_index("series_id")
    return pd.Series(
        [series_label(r.location, r.population, r.term, r.measure) for r in first.itertuples()],
        index=first.index,
        dtype=object,
    )


def consensus_frame(engine: Engine, flt: FigureFilter | None = None) -> pd.DataFrame:
    """The consensus per series and date of the figures of `flt` (default: accepted), whatever
    their status, with series labels (tracker.series.consensus)."""
    from tracker.series import consensus

    frame = analysis_frame(engine, flt)
    result = consensus(frame, statuses=tuple(s.value for s in Status))
    result.insert(0, "series", result["series_id"].map(labels(frame)))
    return result


def flags_frame(engine: Engine, flt: FigureFilter | None = None) -> pd.DataFrame:
    """The consistency flags of the figures of `flt`, with series labels (tracker.series.flags)."""
    from tracker.series import flags

    frame = analysis_frame(engine, flt)
    result = flags(frame)
    result.insert(0, "series", result["series_id"].map(labels(frame)))
    return result


def frame_from_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The analysis frame of figures already read as extract text rows (with series_id)."""
    frame = pd.DataFrame(
        {
            "figure_id": pd.to_numeric(rows["figure_id"]).astype("int64"),
            "series_id": pd.to_numeric(rows["series_id"]).astype("int64"),
            "location": rows["location"].fillna("").astype(object),
            "credibility": pd.to_numeric(rows["credibility"]).astype("int64"),
        }
    )
    for column in ("population", "term", "measure", "unit", "qualifier", "status"):
        frame[column] = rows[column].astype(object)
    frame["source_reliability"] = rows["source_reliability"].astype(object)
    for column in ("household_size", "low", "best", "high"):
        frame[column] = pd.to_numeric(rows[column]).astype("float64")
    for column in ("period_start", "period_end"):
        frame[column] = pd.to_datetime(rows[column])
    return frame[list(ANALYSIS_COLUMNS)]


def analysed_frames(
    engine: Engine | None = None, flt: FigureFilter | None = None, frame: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(consensus, flags) with series labels, from one read and one sort (tracker.series.analyse).

    Give `frame` (see frame_from_rows) to analyse figures already read instead of reading them.
    """
    from tracker.series import analyse

    if frame is None:
        frame = analysis_frame(engine, flt)
    consensus, flags = analyse(frame)
    names = labels(frame)
    consensus.insert(0, "series", consensus["series_id"].map(names))
    flags.insert(0, "series", flags["series_id"].map(names))
    return consensus, flags


def write_consensus(
    engine: Engine, out: TextIO, flt: FigureFilter | None = None, hxl: bool = False
) -> int:
    """Write the consensus as CSV: series, date, low, best, high, agreement, figure_ids, then
    period_start and unit, which tell apart rows of one series that end on the same date
    ("in the past week" and "since the offensive began") and household rows without a size.
    With `hxl`, a second row of HXL hashtags."""
    from tracker.csvformat import escape_cell
    from tracker.validation import format_number

    result = consensus_frame(engine, flt)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CONSENSUS_CSV)
    if hxl:
        writer.writerow([CONSENSUS_HXL[c] for c in CONSENSUS_CSV])
    for row in result.itertuples():
        start = "" if pd.isna(row.period_start) else row.period_start.date().isoformat()
        writer.writerow(
            [
                escape_cell(row.series),
                row.date.date().isoformat(),
                format_number(row.low),
                format_number(row.best),
                format_number(row.high),
                row.agreement,
                row.figure_ids,
                start,
                row.unit,
            ]
        )
    return len(result)
