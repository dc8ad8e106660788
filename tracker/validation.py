"""The one validation path: every figure, typed in the app, extracted or imported, is checked here.

Rows arrive as text in the CSV extract's columns (a one-row frame for the form, a chunk of a file
for an import); checks are vectorised so an import of a million rows stays fast, and each problem
names the row, the column and what would be accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pandas as pd
import pycountry

from tracker.csvformat import (
    COLUMNS,
    DATE_COLUMNS,
    INTEGER_COLUMNS,
    NUMBER_COLUMNS,
    TEXT_COLUMNS,
)
from tracker.estimate import MAX_COUNT, QUALIFIER_BOUNDS
from tracker.tables import DatePrecision, Measure, Origin, Reliability, SourceKind, Status, Unit
from tracker.terms import TERMS, known_terms

# Free text whose spacing is normalised (the quote stays verbatim, as published).
NORMALISED_TEXT = (
    "location", "population", "attributed_to", "source_title", "source_publisher", "created_by",
)  # fmt: skip

# The most characters each free-text column holds: a quote or a note is a passage, the others are
# names. A series' location and population stay short enough for PostgreSQL's unique index.
MAX_LENGTH = {
    "quote": 20_000, "notes": 20_000, "source_url": 2_000, "source_title": 1_000,
    "attributed_to": 1_000, "source_publisher": 500, "location": 300, "population": 300,
    "created_by": 300,
}  # fmt: skip
# The largest number each number column takes: a larger one is a slip of typing or reading.
MAX_NUMBER = {
    "low": (MAX_COUNT, f"must be at most {MAX_COUNT:,} (ten billion)"),
    "best": (MAX_COUNT, f"must be at most {MAX_COUNT:,} (ten billion)"),
    "high": (MAX_COUNT, f"must be at most {MAX_COUNT:,} (ten billion)"),
    "household_size": (100, "must be at most 100 people per household"),
    "latitude": (90, "must be at most 90 (degrees north)"),
    "longitude": (180, "must be at most 180 (degrees east)"),
}
# The least number each number column takes: counts are 0 or more; coordinates run south and west.
MIN_NUMBER = {
    "latitude": (-90, "must be at least -90 (degrees south)"),
    "longitude": (-180, "must be at least -180 (degrees west)"),
}
COUNT_MINIMUM = (0, "must not be negative: counts are 0 or more")
# Control characters, which no text holds (PostgreSQL cannot even store NUL); tabs and line
# breaks are kept in quote and notes and become spaces in the other columns.
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"

# Values an empty cell stands for, where the design gives one.
DEFAULTS = {
    "status": Status.accepted.value,
    "unit": Unit.people.value,
    "credibility": "6",
    "source_kind": SourceKind.other.value,
    "source_reliability": Reliability.F.value,
    "revision": "1",
}

ENUMS: dict[str, tuple[str, ...]] = {
    "status": tuple(s.value for s in Status),
    "measure": tuple(m.value for m in Measure),
    "unit": tuple(u.value for u in Unit),
    "date_precision": tuple(p.value for p in DatePrecision),
    "source_kind": tuple(k.value for k in SourceKind),
    "source_reliability": tuple(r.value for r in Reliability),
    "origin": tuple(o.value for o in Origin),
    "qualifier": tuple(QUALIFIER_BOUNDS),
}
COUNTRIES = frozenset(c.alpha_3 for c in pycountry.countries)

_DATE = r"\d{4}-\d{2}-\d{2}"
_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+\S*|https?://localhost\S*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one row: `row` is the row's position in the frame checked."""

    row: int
    column: str
    message: str


class ValidationError(ValueError):
    """Raised with every problem of the rows checked."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.column}: {p.message}" for p in problems))


def now() -> datetime:
    """The current UTC time, to the second (what the CSV format keeps)."""
    return datetime.now(UTC).replace(microsecond=0, tzinfo=None)


def latest_date() -> date:
    """The last date a figure or a source may carry: today where the day is furthest ahead
    (UTC+14), so that nobody's today is refused and no later day is accepted."""
    return (datetime.now(UTC) + timedelta(hours=14)).date()


def check_rows(rows: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Check rows given as text in the extract's columns; return them typed, and the problems.

    Missing columns count as empty. Empty cells take DEFAULTS where the design gives one.
    The typed frame has floats (NaN for empty), integers, datetime64 dates (NaT for empty) and
    text with None for empty; it is only meaningful where no problem was found.
    """
    n = len(rows)
    out = pd.DataFrame(index=rows.index)
    problems: list[tuple[np.ndarray, str, str, pd.Series | None]] = []

    def cell(column: str) -> pd.Series:
        if column in rows:
            return rows[column].astype("str").fillna("")
        return pd.Series([""] * n, index=rows.index, dtype="str")

    def fail(mask, column: str, message: str, values: pd.Series | None = None) -> None:
        """Record a problem for the rows in `mask`; `{value!r}` in message shows the cell."""
        mask = np.asarray(mask, dtype=bool)
        if mask.any():
            problems.append((mask, column, message, values))

    for column in TEXT_COLUMNS:
        text = cell(column)
        if column in NORMALISED_TEXT:
            # Only cells with runs of spacing or non-space whitespace need the (slower) regex.
            messy = text.str.contains(r"\s\s|[\t\n\r\f\v]", regex=True)
            if messy.any():
                text = text.where(~messy, text.str.replace(_SPACES, " ", regex=True))
            text = text.str.strip()
        elif column != "quote":
            text = text.str.strip()
        if column == "country_iso3":
            text = text.str.upper()
        if column in DEFAULTS:
            text = text.where(text != "", DEFAULTS[column])
        out[column] = text

    for column, most in MAX_LENGTH.items():
        text = out[column]
        length = text.str.len()
        fail(length > most, column, f"is {{value:,}} characters long; it may hold at most {most:,}",
             length)  # fmt: skip
        control = text.str.contains(_CONTROL, regex=True)
        if control.any():
            codes = pd.Series("", index=text.index, dtype=object)
            codes[control] = [
                f"U+{ord(c):04X}" for c in text[control].str.extract(f"({_CONTROL})")[0]
            ]
            fail(control, column, "holds the control character {value}, which text may not hold; "
                 "remove it (tabs and line breaks are fine)", codes)  # fmt: skip

    for column, allowed in ENUMS.items():
        values = out[column]
        bad = (values != "") & ~values.isin(allowed)
        fail(bad, column, f"{{value!r}} is not one of {', '.join(allowed)}", values)
    fail(
        out["qualifier"] == "",
        "qualifier",
        f"is required; use one of {', '.join(ENUMS['qualifier'])}",
    )
    fail(out["measure"] == "", "measure", "is required; use flow or stock")
    fail(out["origin"] == "", "origin", "is required; use entered, extracted or imported")

    # A candidate may still lack who is counted or what happened; review fills them in.
    # A rejected figure may be junk that never had them ("Call 555-1234.").
    settled = out["status"].isin((Status.accepted.value, Status.retracted.value))
    term = out["term"]
    bad_term = ~term.isin(tuple(TERMS)) & (settled | (term != ""))
    fail(bad_term, "term", f"{{value!r}} is not a known term; use one of {known_terms()}", term)
    fail(settled & (out["population"] == ""), "population",
         "is required: who is counted, in the source's words")  # fmt: skip
    fail(
        out["quote"].str.strip() == "",
        "quote",
        "is required: the source's words that state the figure",
    )
    fail(out["source_title"] == "", "source_title", "is required: every figure cites a source")
    fail(out["created_by"] == "", "created_by", "is required: who recorded the figure")

    country = out["country_iso3"]
    bad = (country != "") & ~country.isin(COUNTRIES)
    # The message quotes the code as written, not as upper-cased for the check.
    fail(bad, "country_iso3", "{value!r} is not an ISO 3166-1 alpha-3 code (e.g. SYR, IRQ); leave empty for several countries", cell("country_iso3").str.strip())  # fmt: skip

    url = out["source_url"]
    bad = (url != "") & ~url.str.fullmatch(_URL.pattern, case=False)
    fail(bad, "source_url", "{value!r} is not an http or https address", url)

    latest = latest_date()
    for column in DATE_COLUMNS:
        text = cell(column).str.strip()
        given = text != ""
        shaped = text.str.fullmatch(_DATE)
        parsed = pd.to_datetime(text.where(given & shaped), format="%Y-%m-%d", errors="coerce")
        fail(given & parsed.isna(), column, "{value!r} is not a real calendar date; write YYYY-MM-DD", text)  # fmt: skip
        fail(parsed > pd.Timestamp(latest), column,
             "{value} is in the future; a date may be today at the latest", text)  # fmt: skip
        out[column] = parsed

    unreadable = np.zeros(n, dtype=bool)
    for column in NUMBER_COLUMNS:
        text = cell(column).str.strip()
        given = text != ""
        parsed = pd.to_numeric(text.where(given), errors="coerce").astype("float64")
        not_number = given & parsed.isna()
        fail(not_number, column, "{value!r} is not a number; write plain digits like 30000 or 63.9", text)  # fmt: skip
        fail(~np.isfinite(parsed.fillna(0)), column, "must be a finite number")
        least, low_message = MIN_NUMBER.get(column, COUNT_MINIMUM)
        fail(parsed < least, column, low_message)
        most, message = MAX_NUMBER[column]
        fail(np.isfinite(parsed) & (parsed > most), column, message)
        unreadable |= np.asarray(not_number | ~np.isfinite(parsed.fillna(0)) | (parsed < least))
        out[column] = parsed.where(np.isfinite(parsed))

    for column in INTEGER_COLUMNS:
        text = cell(column).str.strip()
        if column in DEFAULTS:
            text = text.where(text != "", DEFAULTS[column])
        given = text != ""
        whole = text.str.fullmatch(r"\d{1,18}")
        fail(given & ~whole, column, "{value!r} is not a whole number", text)
        out[column] = pd.to_numeric(text.where(given & whole), errors="coerce").astype("Int64")
    fail(~out["credibility"].between(1, 6).fillna(False) & out["credibility"].notna(), "credibility",
         "must be 1 (confirmed) to 6 (cannot be judged)")  # fmt: skip
    fail((out["revision"] < 1).fillna(False), "revision", "must be 1 or more")
    fail((out["figure_id"] < 1).fillna(False), "figure_id", "must be 1 or more")

    created = cell("created_at").str.strip()
    given = created != ""
    stamps = pd.to_datetime(created.where(given), format="ISO8601", utc=True, errors="coerce")
    fail(given & stamps.isna(), "created_at", "{value!r} is not a timestamp; write YYYY-MM-DDTHH:MM:SSZ", created)  # fmt: skip
    out["created_at"] = stamps.dt.tz_convert(None).dt.floor("s").fillna(pd.Timestamp(now()))

    # Bounds that could not be read are reported once, not again as a misshapen estimate.
    _check_estimates(
        out,
        lambda mask, column, message, values=None: fail(
            np.asarray(mask) & ~unreadable, column, message, values
        ),
    )
    _check_periods(out, fail)
    # A point has both coordinates or neither.
    for column, other in (("latitude", "longitude"), ("longitude", "latitude")):
        fail(out[column].notna() & out[other].isna(), other,
             f"is needed with {column}: a place's coordinates come in pairs")  # fmt: skip

    units = out["unit"]
    size = out["household_size"]
    fail(size.notna() & (units != Unit.households.value), "household_size",
         "is only for figures counted in households")  # fmt: skip
    fail((size <= 0).fillna(False), "household_size", "must be more than 0 people per household")

    found = []
    for mask, column, message, values in problems:
        for i in np.flatnonzero(mask):
            text = message if values is None else message.format(value=values.iloc[i])
            found.append(Problem(int(i), column, text))
    found.sort(key=lambda p: (p.row, COLUMNS.index(p.column) if p.column in COLUMNS else 99))
    for column in TEXT_COLUMNS:
        out[column] = out[column].astype(object).where(out[column] != "", None)
    return out, found


def _check_estimates(out: pd.DataFrame, fail) -> None:
    low, best, high = out["low"], out["best"], out["high"]
    _check_order(out, fail)
    for qualifier, shape in QUALIFIER_BOUNDS.items():
        rows = out["qualifier"] == qualifier
        if not rows.any():
            continue
        for letter, column in (("L", "low"), ("B", "best"), ("H", "high")):
            if letter in shape:
                fail(
                    rows & out[column].isna(),
                    column,
                    f"{_article(qualifier)} {qualifier} estimate needs {column}",
                )
            else:
                fail(rows & out[column].notna(), column,
                     f"{_article(qualifier)} {qualifier} estimate leaves {column} empty (open)")  # fmt: skip
    exact = out["qualifier"] == "exact"
    fail(exact & ((low != best) | (best != high)) & low.notna() & high.notna() & best.notna(),
         "best", "an exact estimate has low = best = high")  # fmt: skip


def _check_order(out: pd.DataFrame, fail) -> None:
    """Bounds out of order: every bound involved is named, with the bounds it contradicts, so
    low 5,000 over best 2,000 shows under low and under best."""
    bounds = ("low", "best", "high")
    values = out[list(bounds)].to_numpy(dtype="float64")
    # A pair (i, j) of positions with i < j is out of order where the bound at i exceeds j's.
    pairs = [(i, j) for i in range(3) for j in range(i + 1, 3)]
    with np.errstate(invalid="ignore"):
        wrong = {(i, j): values[:, i] > values[:, j] for i, j in pairs}
    for k, column in enumerate(bounds):
        involved = np.zeros(len(out), dtype=bool)
        for i, j in pairs:
            if k in (i, j):
                involved |= wrong[(i, j)]
        if not involved.any():
            continue
        said = pd.Series("", index=out.index, dtype=object)
        for row in np.flatnonzero(involved):
            more = [m for m in range(k + 1, 3) if wrong[(k, m)][row]]
            less = [m for m in range(k) if wrong[(m, k)][row]]
            parts = [f"is more than {_listed(bounds, values[row], more)}"] if more else []
            parts += [f"is less than {_listed(bounds, values[row], less)}"] if less else []
            said.iloc[row] = " and ".join(parts)
        fail(involved, column, "{value}; bounds must satisfy low ≤ best ≤ high", said)


def _listed(names: tuple[str, ...], values: np.ndarray, positions: list[int]) -> str:
    """The named bounds with their values, e.g. best (2,000) and high (3,000)."""
    return " and ".join(f"{names[m]} ({values[m]:,.0f})" if values[m].is_integer()
                        else f"{names[m]} ({values[m]:,})" for m in positions)  # fmt: skip


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _check_periods(out: pd.DataFrame, fail) -> None:
    start, end = out["period_start"], out["period_end"]
    fail((start > end).fillna(False), "period_start", "must not be after period_end")
    fail(
        (out["measure"] == Measure.stock.value) & start.notna(),
        "period_start",
        "a stock is a count at one moment: leave period_start empty, put the date in period_end",
    )
    dated = start.notna() | end.notna()
    fail(
        ~dated & out["date_precision"].notna() & (out["date_precision"] != ""),
        "date_precision",
        "is for figures with dates; leave it empty when period_start and period_end are empty",
    )


def figure_row(values: dict) -> pd.DataFrame:
    """A one-row frame of text from form or CLI values (dates, numbers or text), for check_rows."""
    row = {}
    for column in COLUMNS:
        value = values.get(column)
        if value is None or (isinstance(value, float) and np.isnan(value)):
            row[column] = ""
        elif isinstance(value, float):
            row[column] = format_number(value)
        elif hasattr(value, "isoformat"):
            row[column] = value.isoformat()
        else:
            row[column] = str(getattr(value, "value", value))
    return pd.DataFrame([row], columns=list(COLUMNS), dtype="str")


def format_number(value: float | None) -> str:
    """Numbers as the CSV writes them: 30000, 63.9; empty for None."""
    if value is None or value != value:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def check_figure(values: dict) -> dict:
    """Check one figure's values; return them typed, or raise ValidationError naming each field."""
    typed, problems = check_rows(figure_row(values))
    if problems:
        raise ValidationError(problems)
    record = typed.iloc[0].to_dict()
    for key, value in record.items():
        if value is pd.NaT or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
            record[key] = None
        elif isinstance(value, pd.Timestamp):
            record[key] = value.to_pydatetime() if key == "created_at" else value.date()
        elif isinstance(value, np.integer):
            record[key] = int(value)
    return record
