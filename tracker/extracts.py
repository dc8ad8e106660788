"""CSV extracts: one format for export and import, so an extract re-imports without loss.

Writing escapes spreadsheet formulas and can add a row of HXL hashtags; reading undoes exactly that
escape, checks every row through the one validation path, and writes all rows or none.
"""

from __future__ import annotations

import csv
import os
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from tracker.figures import FigureFilter, Writer, extract_select
from tracker.validation import COLUMNS, TEXT_COLUMNS, Problem, check_rows, unescape

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
FIGURES_DIR = Path(__file__).resolve().parent.parent / "figures"  # the curated sets
Progress = Callable[[int], None]


class ExtractImportError(ValueError):
    """A file that cannot be imported; `problems` are `line N, column C: reason` strings."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = "\n".join(problems[:50])
        more = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"nothing was imported; {len(problems)} problem(s):\n{shown}{more}")


def write_extract(
    engine: Engine, out: TextIO, flt: FigureFilter | None = None, hxl: bool = False,
    progress: Progress | None = None, limit: int | None = None,
) -> int:  # fmt: skip
    """Write the figures of `flt` (default: accepted) as a CSV extract to `out`; return the count.

    With `limit`, the first `limit` figures by id: what a capped view shows.
    """
    flt = flt or FigureFilter()
    query = extract_select(flt)
    if limit is not None:
        query = query.limit(limit)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    if hxl:
        writer.writerow([HXL[c] for c in COLUMNS])
    count = 0
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=CHUNK_ROWS).execute(query)
        for rows in result.partitions(CHUNK_ROWS):
            writer.writerows(rows)
            count += len(rows)
            if progress:
                progress(len(rows))
    return count


def extract_text(
    engine: Engine, flt: FigureFilter | None = None, hxl: bool = False, limit: int | None = None
) -> str:
    """The CSV extract as a string (for downloads of what a view shows)."""
    import io

    out = io.StringIO()
    write_extract(engine, out, flt, hxl=hxl, limit=limit)
    return out.getvalue()


@dataclass(frozen=True)
class ImportResult:
    figures: int
    skipped_hxl_row: bool


def _read_header(path: Path) -> tuple[list[str], bool]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            second = next(reader, None)
    except UnicodeDecodeError as error:
        raise ExtractImportError([_not_utf8(error)]) from None
    except csv.Error as error:
        raise ExtractImportError([f"line 1: the file is not a readable CSV ({error})"]) from None
    if header is None:
        raise ExtractImportError(
            ["line 1: the file is empty; it needs a header row of the extract's columns"]
        )
    hxl = bool(second) and all(not c or c.startswith("#") for c in second) and any(second)
    return header, hxl


def _record_lines(path: Path, wanted: set[int], skip: int) -> dict[int, int]:
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


def import_extract(
    engine: Engine, path: str | os.PathLike, by: str, progress: Progress | None = None
) -> ImportResult:
    """Import a CSV extract in one transaction: every row, or none and an ExtractImportError.

    Rows are read and checked in chunks so memory stays flat; checking goes on after the first
    bad row so that every bad row is reported. Empty figure_id gives a new id; a figure_id that
    exists already is refused (export, then `init --empty`, then import keeps ids).
    """
    path = Path(path)
    header, hxl = _read_header(path)
    structural = _header_problems(header)
    if structural:
        raise ExtractImportError(structural)
    skip = 1 if hxl else 0
    problems: list[tuple[int, Problem]] = []
    total = 0
    seen_ids: set[int] = set()
    with engine.begin() as conn:
        existing = {r[0] for r in conn.execute(sa.text("SELECT id FROM figure"))}
        writer = Writer(conn)
        try:
            for offset, chunk in _chunks(path, skip):
                chunk = chunk.reindex(columns=list(COLUMNS), fill_value="")
                for column in TEXT_COLUMNS:
                    chunk[column] = unescape(chunk[column])
                chunk["origin"] = chunk["origin"].where(chunk["origin"] != "", "imported")
                chunk["created_by"] = chunk["created_by"].where(chunk["created_by"] != "", by)
                typed, found = check_rows(chunk)
                problems.extend((offset + p.row, p) for p in found)
                ids = typed["figure_id"]
                for position, value in zip(range(len(ids)), ids.tolist(), strict=True):
                    if value is pd.NA or value is None:
                        continue
                    if value in existing:
                        problems.append((offset + position, Problem(
                            position, "figure_id",
                            f"figure {value} exists already; leave figure_id empty to add a new figure",
                        )))  # fmt: skip
                    elif value in seen_ids:
                        problems.append((offset + position, Problem(
                            position, "figure_id", f"figure {value} appears twice in the file"
                        )))  # fmt: skip
                    seen_ids.add(value)
                if not problems:
                    writer.write(typed)
                total += len(chunk)
                if progress:
                    progress(len(chunk))
        except UnicodeDecodeError as error:
            raise ExtractImportError([_not_utf8(error)]) from None
        except (pd.errors.ParserError, pd.errors.ParserWarning, csv.Error) as error:
            raise ExtractImportError(
                _ragged_rows(path, len(header)) or [f"the file is not a readable CSV: {error}"]
            ) from None
        if problems:
            lines = _record_lines(path, {record for record, _ in problems}, skip)
            conn.rollback()
            raise ExtractImportError([
                f"line {lines.get(record, record + 2 + skip)}, column {p.column}: {p.message}"
                for record, p in sorted(problems, key=_problem_order)
            ])  # fmt: skip
        writer.finish("imported", by, f"imported from {path.name}")
    return ImportResult(figures=total, skipped_hxl_row=hxl)


def _problem_order(item: tuple[int, Problem]) -> tuple[int, int]:
    record, problem = item
    return record, COLUMNS.index(problem.column) if problem.column in COLUMNS else len(COLUMNS)


def _header_problems(header: list[str]) -> list[str]:
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


def _chunks(path: Path, skip: int) -> Iterator[tuple[int, pd.DataFrame]]:
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


def _not_utf8(error: UnicodeDecodeError) -> str:
    return (
        f"the file is not UTF-8 text (byte {error.start} cannot be read: {error.reason}); "
        "save it as UTF-8 CSV and import it again"
    )


def _ragged_rows(path: Path, width: int) -> list[str]:
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


def load_directory(engine: Engine, folder: str | os.PathLike, by: str) -> dict[str, int]:
    """Import every CSV extract in `folder` (sorted by name); return figures per file."""
    loaded = {}
    for path in sorted(Path(folder).glob("*.csv")):
        loaded[path.name] = import_extract(engine, path, by).figures
    return loaded
