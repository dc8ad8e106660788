"""The CSV extract format, in one place: its columns, the formula escape, the HXL row, and
reading a file into chunks of text, with the line each record starts on and a located reason for
a file that cannot be read.

Pure: no database. Export (tracker.store.write_extract) and import (tracker.actions.import_extract)
are built on these pieces.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import sqlalchemy as sa
from sqlalchemy.sql.expression import ColumnElement

# The extract format's columns, in their stable order (DESIGN.md, "CSV extracts").
COLUMNS: tuple[str, ...] = (
    "figure_id", "status", "country_iso3", "location", "population", "term", "measure", "unit",
    "household_size", "period_start", "period_end", "date_precision", "low", "best", "high",
    "qualifier", "credibility", "quote", "attributed_to", "notes", "source_title",
    "source_publisher", "source_url", "source_published_on", "source_kind", "source_reliability",
    "origin", "revision", "created_by", "created_at",
    # Added at the end (an extract without them still imports): where the figure is, in decimal
    # degrees (WGS 84), from the gazetteer or set by a person.
    "latitude", "longitude",
)  # fmt: skip
NUMBER_COLUMNS = ("household_size", "low", "best", "high", "latitude", "longitude")
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
    # Most text starts with none of these: one cheap test of the first character settles it.
    first = sa.func.substr(column, 1, 1)
    after_quotes = sa.func.substr(sa.func.ltrim(column, "'"), 1, 1)
    return sa.case(
        (first.in_(FORMULA_STARTS), sa.literal("'") + column),
        (sa.and_(first == "'", after_quotes.in_(FORMULA_STARTS)), sa.literal("'") + column),
        else_=column,
    )


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell of a frame escaped (for CSV downloads of tables other than extracts)."""
    return frame.map(lambda v: escape_cell(v) if isinstance(v, str) else v)


def write_rows(out: TextIO, rows: Sequence[Sequence]) -> None:
    """Write rows as csv.writer(out, lineterminator="\\n") does, except that a cell holding a bare
    carriage return is quoted too: Python's csv.writer (3.11) leaves it bare when lines end in
    "\\n", and every reader would then end the row there."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    text = buffer.getvalue()
    if "\r" in text:
        text = "".join(_line(row) for row in rows)
    out.write(text)


def _line(row: Sequence) -> str:
    if len(row) == 1 and row[0] in ("", None):
        return '""\n'
    return ",".join(_cell(value) for value in row) + "\n"


def _cell(value) -> str:
    text = "" if value is None else value if isinstance(value, str) else str(value)
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


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
    "created_at": "#date+created", "latitude": "#geo+lat", "longitude": "#geo+lon",
}  # fmt: skip

CHUNK_ROWS = 50_000  # rows written or exported at a time
# Bytes of a file read at a time (some 50,000 rows of a usual extract). A record must fit in about
# one block, so this is also the longest record the reader takes: far more than validation lets a
# cell hold (tracker.validation.MAX_LENGTH), so that a cell too long is read, then reported by line
# and column like any other mistake.
BLOCK_BYTES = 16 << 20
# The csv module reads the header and finds the line each record starts on, so it must take any
# cell the reader took: its own limit (131,072 characters) is lifted once for the process.
csv.field_size_limit(2**31 - 1)
Progress = Callable[[int], None]

# What the reader raises at a record it cannot take; unreadable() says where and why.
ReadError = pa.ArrowInvalid

SAVE_AS_UTF8 = "save it as UTF-8 (in a spreadsheet: CSV UTF-8) and import it again"
SEPARATORS = {";": "semicolons", "\t": "tabs"}


class ExtractImportError(ValueError):
    """A file that cannot be imported; `problems` are `line N, column C: reason` strings."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = "\n".join(problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"nothing was imported; {len(problems)} problem(s):\n{shown}{more}")


def read_header(path: Path) -> tuple[list[str], bool]:
    """The header row, and whether a row of HXL hashtags follows it."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            second = next(reader, None)
    except UnicodeDecodeError:
        raise ExtractImportError(
            [undecodable(path) or f"the file is not UTF-8 text; {SAVE_AS_UTF8}"]
        ) from None
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
        index = 0
        for row in reader:
            # Empty lines are no records for the reader either.
            if row:
                record = index - 1 - skip
                if record in wanted:
                    lines[record] = start
                    if len(lines) == len(wanted):
                        break
                index += 1
            start = reader.line_num + 1
    return lines


def problem_order(item: tuple) -> tuple[int, int]:
    record, problem = item
    return record, COLUMNS.index(problem.column) if problem.column in COLUMNS else len(COLUMNS)


def header_problems(header: list[str]) -> list[str]:
    names = [h.strip() for h in header]
    if len(names) == 1:
        for separator, word in SEPARATORS.items():
            if separator in names[0]:
                return [
                    f"line 1: the file seems to be separated by {word}, and the extract format "
                    "uses commas; save it as CSV with commas between cells (in a spreadsheet: "
                    "CSV UTF-8, comma-delimited) and import it again"
                ]
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
    """The records after the header and `skip` rows, as frames of text with the header's
    (stripped) column names, each with the position of its first record.

    Raises ReadError at a record the reader cannot take: one that is not UTF-8, has more or fewer
    cells than the header, or is longer than BLOCK_BYTES.
    """
    header, _ = read_header(path)
    positions = [str(i) for i in range(len(header))]
    options = {
        "read_options": pacsv.ReadOptions(
            column_names=positions, skip_rows=1 + skip, block_size=BLOCK_BYTES
        ),
        "parse_options": pacsv.ParseOptions(newlines_in_values=True),
        "convert_options": pacsv.ConvertOptions(column_types=dict.fromkeys(positions, pa.string())),
    }
    # An OSFile, not the path: given a path, pyarrow would guess a compression from its name.
    with pa.OSFile(str(path)) as source:
        offset = 0
        for batch in pacsv.open_csv(source, **options):
            chunk = batch.to_pandas()
            chunk.columns = [c.strip() for c in header]
            yield offset, chunk
            offset += len(chunk)


def unreadable(path: Path, header: list[str], error: Exception) -> list[str]:
    """Why the reader stopped, by line: the first byte that is not UTF-8, else every record whose
    number of cells differs from the header's or that is longer than the reader takes."""
    undecoded = undecodable(path)
    if undecoded:
        return [undecoded]
    found = []
    width = len(header)
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        start = 1
        try:
            for row in reader:
                if row and len(row) != width:
                    cells = "1 cell" if len(row) == 1 else f"{len(row)} cells"
                    found.append(f"line {start}: {cells} where the header has {width}")
                    if reader.line_num > start:
                        found[-1] += (
                            f" (the record runs on to line {reader.line_num}: "
                            "is a quotation mark left open?)"
                        )
                elif sum(map(len, row)) * 4 > BLOCK_BYTES and (
                    sum(len(c.encode()) for c in row) > BLOCK_BYTES
                ):
                    found.append(
                        f"line {start}: the record is longer than {BLOCK_BYTES >> 20} MiB, far "
                        "more than a row of an extract holds; is a quotation mark left open?"
                    )
                start = reader.line_num + 1
        except csv.Error as csv_error:
            found.append(f"line {start}: the file is not a readable CSV ({csv_error})")
    return found or [f"the file is not a readable CSV: {error}"]


_NOT_DECODED = re.compile("[\udc80-\udcff]")


def undecodable(path: Path) -> str | None:
    """Where the first byte that is not UTF-8 stands (line and column), or None."""
    with open(path, "rb") as f:
        if f.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            return f"line 1: the file is UTF-16 text, not UTF-8; {SAVE_AS_UTF8}"
    # surrogateescape turns each byte that is not UTF-8 into a lone surrogate, which no text
    # decoded from UTF-8 holds, so the first one found is the first bad byte.
    with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
        reader = csv.reader(f)
        header: list[str] = []
        start = 1
        for row in reader:
            if _NOT_DECODED.search("".join(row)):
                position, cell = next((i, c) for i, c in enumerate(row) if _NOT_DECODED.search(c))
                byte = ord(_NOT_DECODED.search(cell).group()) - 0xDC00
                column = header[position].strip() if position < len(header) else position + 1
                return (
                    f"line {start}, column {column}: byte 0x{byte:02X} is not UTF-8 text, so the "
                    "file seems to be in another encoding (such as Latin-1 or Windows-1252); "
                    f"{SAVE_AS_UTF8}"
                )
            header = header or row
            start = reader.line_num + 1
    return None


@contextmanager
def spooled(stream: BinaryIO, name: str = "standard-input.csv") -> Iterator[Path]:
    """A temporary file named `name` holding what `stream` gives (standard input, say), for
    readers that need a path; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="tracker-") as folder:
        path = Path(folder) / name
        with open(path, "wb") as f:
            shutil.copyfileobj(stream, f, 1 << 20)
        yield path
