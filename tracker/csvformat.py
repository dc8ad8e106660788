"""The CSV extract format, in one place: its columns, the formula escape, the HXL row, and
reading a file into checked-size chunks of text with the line each record starts on.

Pure: no database. Export (tracker.store.write_extract) and import (tracker.actions.import_extract)
are built on these pieces.
"""

from __future__ import annotations

import csv
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.sql.expression import ColumnElement

# The extract format's columns, in their stable order (DESIGN.md, "CSV extracts").
COLUMNS: tuple[str, ...] = (
    "figure_id", "status", "country_iso3", "location", "population", "term", "measure", "unit",
    "household_size", "period_start", "period_end", "date_precision", "low", "best", "high",
    "qualifier", "credibility", "quote", "attributed_to", "notes", "source_title",
    "source_publisher", "source_url", "source_published_on", "source_kind", "source_reliability",
    "origin", "revision", "created_by", "created_at",
)  # fmt: skip
NUMBER_COLUMNS = ("household_size", "low", "best", "high")
INTEGER_COLUMNS = ("figure_id", "credibility", "revision")
DATE_COLUMNS = ("period_start", "period_end", "source_published_on")
TEXT_COLUMNS = tuple(
    c for c in COLUMNS if c not in NUMBER_COLUMNS + INTEGER_COLUMNS + DATE_COLUMNS + ("created_at",)
)
SOURCE_COLUMNS = (
    "source_title", "source_publisher", "source_url", "source_published_on", "source_kind",
    "source_reliability",
)  # fmt: skip
SERIES_COLUMNS = ("location", "population", "term", "measure")


# Free text that the export escapes against formula injection (the other text columns are
# words from fixed lists, URLs or dates, which never start with a formula character).
FREE_TEXT_COLUMNS = (
    "location", "population", "quote", "attributed_to", "notes", "source_title",
    "source_publisher", "created_by",
)  # fmt: skip

# The OWASP escape against spreadsheet formula injection: a cell that starts with one of these
# (after any apostrophes) gets one more leading apostrophe. Escaping maps the strings that match
# ^'*[=+\-@\t\r] onto those that match ^'+[=+\-@\t\r] one to one, and leaves every other string
# alone, so removing one apostrophe from exactly the latter gives back every string unchanged.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_ESCAPE = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED = r"^'+[=+\-@\t\r]"


def escape_cell(text: str) -> str:
    """One cell with the formula escape applied (escape_sql does the same in the database)."""
    return "'" + text if _NEEDS_ESCAPE.match(text) else text


def unescape(text: pd.Series) -> pd.Series:
    """Undo exactly the formula escape on a column of cells read from an extract."""
    escaped = text.str.match(_ESCAPED)
    if not escaped.any():
        return text
    return text.where(~escaped, text.str.slice(1))


def escape_sql(column: ColumnElement) -> ColumnElement:
    """escape_cell done in SQL, so an export of millions stays set-based."""
    first = sa.func.substr(sa.func.ltrim(column, "'"), 1, 1)
    return sa.case((first.in_(FORMULA_STARTS), sa.literal("'") + column), else_=column)


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell of a frame escaped (for CSV downloads of tables other than extracts)."""
    return frame.map(lambda v: escape_cell(v) if isinstance(v, str) else v)


# HXL hashtags for the extract's columns, so a file drops into HDX tools (hxlstandard.org).
HXL: dict[str, str] = {
    "figure_id": "#meta+id", "status": "#status", "country_iso3": "#country+code",
    "location": "#loc+name", "population": "#group+name", "term": "#indicator+term",
    "measure": "#indicator+measure", "unit": "#indicator+unit",
    "household_size": "#indicator+household_size+num", "period_start": "#date+start",
    "period_end": "#date+end", "date_precision": "#date+precision",
    "low": "#affected+num+min", "best": "#affected+num", "high": "#affected+num+max",
    "qualifier": "#affected+qualifier", "credibility": "#meta+credibility",
    "quote": "#description+quote", "attributed_to": "#org+attributed",
    "notes": "#description+notes", "source_title": "#meta+source+title",
    "source_publisher": "#org+publisher", "source_url": "#meta+source+url",
    "source_published_on": "#date+published", "source_kind": "#meta+source+kind",
    "source_reliability": "#meta+source+reliability", "origin": "#meta+origin",
    "revision": "#meta+revision", "created_by": "#meta+created_by",
    "created_at": "#date+created",
}  # fmt: skip

CHUNK_ROWS = 50_000
Progress = Callable[[int], None]


class ExtractImportError(ValueError):
    """A file that cannot be imported; `problems` are `line N, column C: reason` strings."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = "\n".join(problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"nothing was imported; {len(problems)} problem(s):\n{shown}{more}")


def read_header(path: Path) -> tuple[list[str], bool]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            second = next(reader, None)
    except UnicodeDecodeError as error:
        raise ExtractImportError([not_utf8(error)]) from None
    except csv.Error as error:
        raise ExtractImportError([f"line 1: the file is not a readable CSV ({error})"]) from None
    if header is None:
        raise ExtractImportError(
            ["line 1: the file is empty; it needs a header row of the extract's columns"]
        )
    hxl = bool(second) and all(not c or c.startswith("#") for c in second) and any(second)
    return header, hxl


def record_lines(path: Path, wanted: set[int], skip: int) -> dict[int, int]:
    """Map record positions (0 = first data row) to the file line each starts on (header = 1)."""
    lines: dict[int, int] = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        start = 1
        for index, _ in enumerate(reader):
            record = index - 1 - skip
            if record in wanted:
                lines[record] = start
                if len(lines) == len(wanted):
                    break
            start = reader.line_num + 1
    return lines


def problem_order(item: tuple) -> tuple[int, int]:
    record, problem = item
    return record, COLUMNS.index(problem.column) if problem.column in COLUMNS else len(COLUMNS)


def header_problems(header: list[str]) -> list[str]:
    names = [h.strip() for h in header]
    found = []
    for position, name in enumerate(names, start=1):
        if name not in COLUMNS:
            found.append(
                f"line 1, column {position}: {name!r} is not a column of the extract format"
            )
    if len(set(names)) != len(names):
        found.append("line 1: a column name appears twice")
    for required in ("population", "term", "measure", "qualifier", "quote", "source_title"):
        if required not in names:
            found.append(f"line 1: the required column {required!r} is missing")
    return found


def chunks(path: Path, skip: int) -> Iterator[tuple[int, pd.DataFrame]]:
    reader = pd.read_csv(
        path, dtype=str, keep_default_na=False, na_filter=False, chunksize=CHUNK_ROWS,
        skiprows=range(1, 1 + skip), encoding="utf-8-sig", index_col=False,
    )  # fmt: skip
    offset = 0
    with reader, warnings.catch_warnings():
        # pandas only warns when a first row is longer than the header: that is an error here.
        warnings.simplefilter("error", pd.errors.ParserWarning)
        for chunk in reader:
            chunk.columns = [c.strip() for c in chunk.columns]
            chunk.index = range(len(chunk))
            yield offset, chunk
            offset += len(chunk)


def not_utf8(error: UnicodeDecodeError) -> str:
    return (
        f"the file is not UTF-8 text (byte {error.start} cannot be read: {error.reason}); "
        "save it as UTF-8 CSV and import it again"
    )


def ragged_rows(path: Path, width: int) -> list[str]:
    """Rows whose number of cells differs from the header's, with the line each starts on."""
    found = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        start = 1
        for row in reader:
            if row and len(row) != width:
                found.append(f"line {start}: {len(row)} cells where the header has {width}")
            start = reader.line_num + 1
    return found
