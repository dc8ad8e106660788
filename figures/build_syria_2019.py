"""One-off conversion of the shared Syria 2019 figures into the curated `figures/syria_2019.csv`.

Reads the compiled file (by default `../shared/data/syria_2019_figures.csv`, relative to the repo
root; pass another path as the first argument) and writes the CSV extract format of DESIGN.md:
facts, quotes, notes and citations are copied unchanged; the script adds the figure's life
(status, origin, revision, created_by, created_at), date_precision, the source's kind and
reliability, and the figure's credibility, by the rules written down in `figures/README.md`.

Stdlib only. Not part of the package and never imported by it:

    /work/venv/bin/python figures/build_syria_2019.py [path/to/syria_2019_figures.csv] [--explain]

`--explain` also prints the credibility of every row with its reason, as a Markdown table.
After writing, the script reads its output back and checks it (row count, quotes byte for byte,
ISO dates, bounds in order and shaped as the qualifier says, known terms, grades).
"""

from __future__ import annotations

import calendar
import csv
import io
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO / ".." / "shared" / "data" / "syria_2019_figures.csv"
OUTPUT = REPO / "figures" / "syria_2019.csv"

COLUMNS = [
    "figure_id",
    "status",
    "country_iso3",
    "location",
    "population",
    "term",
    "measure",
    "unit",
    "household_size",
    "period_start",
    "period_end",
    "date_precision",
    "low",
    "best",
    "high",
    "qualifier",
    "credibility",
    "quote",
    "attributed_to",
    "notes",
    "source_title",
    "source_publisher",
    "source_url",
    "source_published_on",
    "source_kind",
    "source_reliability",
    "origin",
    "revision",
    "created_by",
    "created_at",
]
NUMERIC = {"figure_id", "household_size", "low", "best", "high", "credibility", "revision"}
CREATED_BY = "curator"
CREATED_AT = "2026-11-25T00:00:00Z"

TERMS = {
    "fled",
    "displaced",
    "evacuated",
    "left",
    "arrived",
    "returned",
    "hosted",
    "remain",
    "detained",
    "surrendered",
    "died",
}
# Which bounds each qualifier gives (DESIGN.md's conventions table); the others are empty.
SHAPES = {
    "exact": "LBH",
    "approximately": "LBH",
    "nearly": "LBH",
    "between": "LBH",
    "vague_magnitude": "LBH",
    "more_than": "LB",
    "at_least": "LB",
    "up_to": "BH",
    "less_than": "H",
    "at_most": "H",
}

# --- Sources: kind and reliability, by publisher (the rule is in figures/README.md). ---------
# Every source of the file is listed; an unknown publisher stops the conversion.
SOURCE_GRADES: dict[str, tuple[str, str]] = {
    # UN agencies' and established NGOs' own reports; ReliefWeb is OCHA's own repository of the
    # agencies' documents, so "(via ReliefWeb)" is the original, not a copy.
    "UN OCHA (via ReliefWeb)": ("un_agency", "B"),
    "WFP (via ReliefWeb)": ("un_agency", "B"),
    "REACH Initiative (via ReliefWeb)": ("ngo", "B"),
    "International Rescue Committee": ("ngo", "B"),
    # Government bodies publishing under their own name.
    "USAID": ("government", "B"),
    "US Department of Defense Office of Inspector General": ("government", "B"),
    # International wire services and international outlets, or wire copy carried by an
    # established outlet under its own masthead.
    "EFE": ("news", "B"),
    "Al Jazeera": ("news", "B"),
    "The Japan Times": ("news", "B"),
    "The Guardian (Agence France-Presse)": ("news", "B"),
    "The News International (AFP)": ("news", "B"),
    "BusinessLive (Reuters)": ("news", "B"),
    "bdnews24.com (Reuters)": ("news", "B"),
    # Outlets based in the region and close to its politics (some state-owned).
    "Rudaw": ("news", "C"),
    "The New Arab": ("news", "C"),
    "TRT World": ("news", "C"),
    "A News (compiled from wire services)": ("news", "C"),
    # Copies on a third-party site: one step below the original outlet.
    "VOA (republished by Online Arab News)": ("news", "C"),
    "Pittsburgh Herald (Associated Press)": ("news", "C"),
    "Rudaw (via Hatha al-Youm)": ("news", "D"),
    "Kurdistan 24 (via Hatha al-Youm)": ("news", "D"),
    # The seed article: no publisher, no URL, inferred date.
    "": ("news", "F"),
}

# --- Figures: credibility (the rule is in figures/README.md). --------------------------------
NEAR_DAYS = 14  # rows of a series whose period_end is this close bear on each other
SAME_START_DAYS = 7  # cumulative flows whose starts are this close count from the same start
SHORT_FLOW_DAYS = 14  # flows over at most this many days are compared when their periods overlap
GROWING_TERMS = {"hosted"}  # stocks that only grew over these months (Al Hol's population)


def originator(row: dict) -> str:
    """Who the figure comes from, across reprints: an organisation, or the row's own source."""
    who = row["attributed_to"].lower()
    for needle, name in (
        ("sdf", "SDF"),
        ("syrian democratic forces", "SDF"),
        ("sohr", "SOHR"),
        ("reach", "REACH"),
        ("who", "WHO"),
        ("rescue committee", "IRC"),
        ("irc", "IRC"),
        ("ocha", "UN"),
        ("un (", "UN"),
        ("cccm", "UN"),
    ):
        if needle in who:
            return name
    return row["attributed_to"] or f"unattributed: {source_key(row)}"


PARTY_OR_MONITOR = {"SDF", "SOHR"}


def source_key(row: dict) -> tuple[str, str, str, str]:
    return (row["source_title"], row["publisher"], row["source_url"], row["published_on"])


def _num(text: str) -> float | None:
    return float(text) if text.strip() else None


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _overlap(f: dict, g: dict) -> bool:
    """The two estimates' ranges meet (an empty bound is open)."""
    f_low = f["_low"] if f["_low"] is not None else f["_best"]
    g_low = g["_low"] if g["_low"] is not None else g["_best"]
    f_high = f["_high"] if f["_high"] is not None else float("inf")
    g_high = g["_high"] if g["_high"] is not None else float("inf")
    return (f_low or 0) <= g_high and (g_low or 0) <= f_high


def _close(f: dict, g: dict, within: float = 0.25) -> bool:
    a, b = f["_best"], g["_best"]
    return a is not None and b is not None and abs(a - b) <= within * max(a, b)


def _is_cumulative(row: dict) -> bool:
    return row["measure"] == "flow" and not _is_short(row)


def _is_short(row: dict) -> bool:
    s, e = row["_start"], row["_end"]
    return row["measure"] == "flow" and s is not None and (e - s).days + 1 <= SHORT_FLOW_DAYS


def _comparable(f: dict, g: dict) -> bool:
    """Same series, and periods that count the same thing (see README)."""
    if (f["location"], f["population"], f["term"], f["measure"]) != (
        g["location"],
        g["population"],
        g["term"],
        g["measure"],
    ):
        return False
    if f["measure"] == "stock":
        return True
    if _is_short(f) and _is_short(g):
        return f["_start"] <= g["_end"] and g["_start"] <= f["_end"]
    if _is_cumulative(f) and _is_cumulative(g):
        if f["_start"] is None or g["_start"] is None:
            return f["_start"] is None and g["_start"] is None
        return abs((f["_start"] - g["_start"]).days) <= SAME_START_DAYS
    return False


def _growing(row: dict) -> bool:
    return row["term"] in GROWING_TERMS or _is_cumulative(row)


def _consistent(f: dict, g: dict) -> bool:
    if _growing(f) and f["_end"] != g["_end"]:
        early, late = (f, g) if f["_end"] < g["_end"] else (g, f)
        early_low = early["_low"] if early["_low"] is not None else early["_best"]
        late_high = late["_high"] if late["_high"] is not None else float("inf")
        return early_low is None or early_low <= late_high
    return _overlap(f, g) or _close(f, g)


def grade_credibility(rows: list[dict]) -> None:
    """Set row["credibility"] and row["_why"] for every row."""
    for f in rows:
        others = [g for g in rows if g is not f and source_key(g) != source_key(f)]
        comparable = [g for g in others if _comparable(f, g)]
        near = [g for g in comparable if abs((f["_end"] - g["_end"]).days) <= NEAR_DAYS]
        bracketed = (
            _growing(f)
            and any(g["_end"] < f["_end"] for g in comparable)
            and any(g["_end"] > f["_end"] for g in comparable)
        )
        agree = [g for g in near if _consistent(f, g)]
        between = ""
        if bracketed:
            before = max((g for g in comparable if g["_end"] < f["_end"]), key=lambda g: g["_end"])
            after = min((g for g in comparable if g["_end"] > f["_end"]), key=lambda g: g["_end"])
            if _consistent(f, before) and _consistent(f, after):
                between = f"fits between rows {before['figure_id']} and {after['figure_id']}"
                agree += [g for g in (before, after) if g not in agree]
        disagree = [g for g in near if not _consistent(f, g)]
        # f is the outlier when it disagrees with two or more rows that agree with each other.
        outlier = len(disagree) >= 2 and all(
            _consistent(a, b) for a in disagree for b in disagree if a is not b
        )
        confirmed = [
            g
            for g in agree
            if originator(g) != originator(f)
            and not originator(g).startswith("unattributed")
            and not originator(f).startswith("unattributed")
            and abs((f["_end"] - g["_end"]).days) <= 2
            and _close(f, g, within=0.10)
        ]

        def ids(gs: list[dict]) -> str:
            return ", ".join(str(g["figure_id"]) for g in sorted(gs, key=lambda g: g["figure_id"]))

        near_agree = [g for g in agree if g in near]
        support = "; ".join(
            part
            for part in (
                f"consistent with row(s) {ids(near_agree)} (within {NEAR_DAYS} days)"
                if near_agree
                else "",
                between,
            )
            if part
        )
        if outlier:
            grade, why = 4, f"outlier: disagrees with rows {ids(disagree)}, which agree"
        elif confirmed:
            grade, why = 1, f"confirmed independently by row(s) {ids(confirmed)}"
        elif agree and not disagree:
            grade, why = 2, support
        elif agree:
            grade, why = 3, f"{support}; not with row(s) {ids(disagree)}"
        elif disagree:
            grade, why = 3, f"disagrees with row(s) {ids(disagree)}; neither side backed by a third"
        else:
            grade, why = (
                3,
                f"single source: no other source's figure for this series within {NEAR_DAYS} days",
            )
        if originator(f) in PARTY_OR_MONITOR:
            grade = min(grade + 1, 5)
            why += f"; one step down ({originator(f)})"
        f["credibility"], f["_why"] = grade, why


# --- Conversion ------------------------------------------------------------------------------


def number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def date_precision(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    if start is not None and end is not None and start.day == 1:
        month_end = calendar.monthrange(end.year, end.month)[1]
        if end.day == month_end:
            if (start.month, end.month, start.year) == (1, 12, end.year):
                return "year"
            return "month"
    return "day"


def escape(text: str) -> str:
    """OWASP: a text cell that a spreadsheet would read as a formula gets a leading quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def convert(src_rows: list[dict]) -> list[dict]:
    rows = []
    for i, src in enumerate(src_rows, start=1):
        row = dict(src)
        row["figure_id"] = i
        row["_start"], row["_end"] = _day(src["period_start"]), _day(src["period_end"])
        row["_low"], row["_best"], row["_high"] = (_num(src[k]) for k in ("low", "best", "high"))
        rows.append(row)
    grade_credibility(rows)
    out = []
    for row in rows:
        if row["publisher"] not in SOURCE_GRADES:
            raise SystemExit(f"row {row['figure_id']}: no grade for publisher {row['publisher']!r}")
        kind, reliability = SOURCE_GRADES[row["publisher"]]
        record = {
            "figure_id": str(row["figure_id"]),
            "status": "accepted",
            "country_iso3": row["country_iso3"],
            "location": row["location"],
            "population": row["population"],
            "term": row["term"],
            "measure": row["measure"],
            "unit": row["unit"],
            "household_size": "",  # no row states one (figures/README.md)
            "period_start": row["period_start"],
            "period_end": row["period_end"],
            "date_precision": date_precision(row["_start"], row["_end"]),
            "low": number(row["_low"]),
            "best": number(row["_best"]),
            "high": number(row["_high"]),
            "qualifier": row["qualifier"],
            "credibility": str(row["credibility"]),
            "quote": row["quote"],
            "attributed_to": row["attributed_to"],
            "notes": row["notes"],
            "source_title": row["source_title"],
            "source_publisher": row["publisher"],
            "source_url": row["source_url"],
            "source_published_on": row["published_on"],
            "source_kind": kind,
            "source_reliability": reliability,
            "origin": "imported",
            "revision": "1",
            "created_by": CREATED_BY,
            "created_at": CREATED_AT,
        }
        for column, value in record.items():
            if column not in NUMERIC:
                record[column] = escape(value)
        record["_why"] = row["_why"]
        out.append(record)
    return out


def render(records: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([record[c] for c in COLUMNS])
    return buffer.getvalue().encode("utf-8")


def check(data: bytes, src_rows: list[dict]) -> list[str]:
    """Read the written extract back and list every problem found (empty: all good)."""
    problems = []
    if data.startswith(b"\xef\xbb\xbf") or b"\r\n" in data.replace(b'"\r\n', b""):
        problems.append("BOM or CRLF line ending")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    if list(rows[0].keys()) != COLUMNS if rows else True:
        problems.append("header differs from the extract columns")
    if len(rows) != 60 or len(src_rows) != 60:
        problems.append(f"{len(rows)} rows written, {len(src_rows)} read; expected 60")
    sources: dict[tuple, tuple] = {}
    for n, (row, src) in enumerate(zip(rows, src_rows, strict=True), start=1):
        where = f"figure {n}"
        if row["figure_id"] != str(n):
            problems.append(f"{where}: figure_id {row['figure_id']}")
        unescape = lambda s: s[1:] if s[:2] in ("'=", "'+", "'-", "'@", "'\t", "'\r") else s  # noqa: E731
        for ours, theirs in (
            ("quote", "quote"),
            ("notes", "notes"),
            ("attributed_to", "attributed_to"),
            ("source_title", "source_title"),
            ("source_publisher", "publisher"),
            ("source_url", "source_url"),
            ("source_published_on", "published_on"),
            ("population", "population"),
            ("location", "location"),
            ("term", "term"),
            ("measure", "measure"),
            ("unit", "unit"),
            ("country_iso3", "country_iso3"),
            ("period_start", "period_start"),
            ("period_end", "period_end"),
            ("qualifier", "qualifier"),
        ):
            if unescape(row[ours]).encode("utf-8") != src[theirs].encode("utf-8"):
                problems.append(f"{where}: {ours} differs from the shared file")
        for column in ("period_start", "period_end", "source_published_on"):
            if row[column]:
                try:
                    if date.fromisoformat(row[column]).isoformat() != row[column]:
                        raise ValueError
                except ValueError:
                    problems.append(f"{where}: {column} {row[column]!r} is not an ISO date")
        if row["period_start"] and row["period_end"] and row["period_start"] > row["period_end"]:
            problems.append(f"{where}: period_start after period_end")
        bounds = [row["low"], row["best"], row["high"]]
        for value in bounds + [row["household_size"]]:
            if value and (value.endswith(".0") or "e" in value.lower()):
                problems.append(f"{where}: number {value!r} not plain")
        for column, value in zip(("low", "best", "high"), bounds, strict=True):
            if value and _num(value) != _num(src[column]):
                problems.append(f"{where}: {column} {value} differs from the shared file")
        given = [float(v) for v in bounds if v]
        if given != sorted(given):
            problems.append(f"{where}: bounds out of order {bounds}")
        shape = "".join(k for k, v in zip("LBH", bounds, strict=True) if v)
        if SHAPES.get(row["qualifier"]) != shape:
            problems.append(f"{where}: qualifier {row['qualifier']} with bounds {bounds}")
        if row["qualifier"] == "exact" and len(set(given)) != 1:
            problems.append(f"{where}: exact but low, best, high differ")
        if row["term"] not in TERMS:
            problems.append(f"{where}: unknown term {row['term']}")
        if row["measure"] not in ("flow", "stock") or row["unit"] not in ("people", "households"):
            problems.append(f"{where}: measure or unit")
        if row["credibility"] not in {"1", "2", "3", "4", "5", "6"}:
            problems.append(f"{where}: credibility {row['credibility']}")
        if row["source_reliability"] not in set("ABCDEF"):
            problems.append(f"{where}: reliability {row['source_reliability']}")
        if row["source_kind"] not in ("news", "un_agency", "ngo", "government", "other"):
            problems.append(f"{where}: kind {row['source_kind']}")
        if row["date_precision"] not in ("day", "week", "month", "year", ""):
            problems.append(f"{where}: date_precision {row['date_precision']}")
        if row["source_url"] and not row["source_url"].startswith(("http://", "https://")):
            problems.append(f"{where}: url not http(s)")
        key = tuple(
            row[c]
            for c in ("source_title", "source_publisher", "source_url", "source_published_on")
        )
        grade = (row["source_kind"], row["source_reliability"])
        if sources.setdefault(key, grade) != grade:
            problems.append(f"{where}: same source graded differently")
        fixed = {
            "status": "accepted",
            "origin": "imported",
            "revision": "1",
            "created_by": CREATED_BY,
            "created_at": CREATED_AT,
        }
        for column, value in fixed.items():
            if row[column] != value:
                problems.append(f"{where}: {column} is {row[column]!r}")
    # The round trip: what we read back renders to the same bytes.
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row[c] for c in COLUMNS])
    if buffer.getvalue().encode("utf-8") != data:
        problems.append("read back and written again, the bytes differ")
    return problems


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    source = Path(args[0]) if args else DEFAULT_INPUT
    with open(source, encoding="utf-8", newline="") as f:
        src_rows = list(csv.DictReader(f))
    records = convert(src_rows)
    data = render(records)
    OUTPUT.write_bytes(data)
    problems = check(OUTPUT.read_bytes(), src_rows)
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    keys = {
        (r["source_title"], r["source_publisher"], r["source_url"], r["source_published_on"])
        for r in records
    }
    verdict = "checks passed" if not problems else f"{len(problems)} problems"
    print(
        f"wrote {OUTPUT.relative_to(REPO)}: {len(records)} figures, {len(keys)} sources; {verdict}"
    )
    if "--explain" in argv:
        print("\n| # | series | credibility | why |\n| --- | --- | --- | --- |")
        for r in records:
            series = f"{r['location'] or '—'} · {r['population']} · {r['term']}"
            print(f"| {r['figure_id']} | {series} | {r['credibility']} | {r['_why']} |")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
