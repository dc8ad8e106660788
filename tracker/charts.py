"""Charts of figures over time as Vega-Lite specs: a panel per series, a dot at best, a bar from low
to high, arrows for open bounds, a line across a flow's period, the consensus as a band with its
best as a line, flags ringed; coloured by source, or by source reliability where a view holds more
sources than its colours can tell apart.

Pure: frames in, specs out (plain dicts, their data as Arrow tables, which Streamlit sends as they
are), or PNG/SVG bytes; the app, the exports and any script use the same specs. Text from sources
is data in the spec, which Vega draws as text, never as markup.
"""

from __future__ import annotations

import functools
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pyarrow as pa

from tracker.series import people_factor, series_label
from tracker.tables import CREDIBILITY_MEANING, RELIABILITY_MEANING, source_key
from tracker.validation import format_number

# Source colours: Tableau 10 without its red (flags are ringed in red) and its grey (rejected and
# retracted figures are grey). A source's colour comes from its key, so it is the same in every
# view and export, whatever else is shown.
PALETTE = (
    "#4e79a7", "#f28e2b", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
)  # fmt: skip
# Reliability A–F, blue (reliable) to brown (unreliable); F (cannot be judged) purple, off the scale.
RELIABILITY_COLOURS = {
    "A": "#08519c", "B": "#4a90c8", "C": "#8cc3d6", "D": "#f0a04b", "E": "#a6471b", "F": "#9467bd",
}  # fmt: skip
GREY = "#b3b3b3"  # rejected and retracted figures
FLAG = "#d62728"
BAND = "#b0b0b0"  # the consensus, low to high
BEST = "#4d4d4d"  # the consensus best

PLOT_HEIGHT = 260  # pixels of plot per panel, axes and legend not counted
EXPORT_WIDTH = 760
# One format for every date a chart shows (d3-time-format; date_text writes the same).
DATE_FORMAT = "%-d %b %Y"
# Numbers as the chart's axes and tooltips write them (d3-format); the app's table uses
# TABLE_NUMBER_FORMAT (sprintf-js), which writes the same: 30,000.
NUMBER_FORMAT = ",.0f"
TABLE_NUMBER_FORMAT = "%,d"
QUOTE_CHARS = 300  # a tooltip shows the start of a long quote; the table has all of it
LABEL_CHARS = 64  # legend labels wrap at about this many characters
TITLE_CHARS = 60  # and panel titles (larger, bold) at this many: both fit a panel at 1024 px
TICKS = 5  # at most this many dates on a time axis

STATUS_MARKS = "hollow marks are candidates; grey ones rejected or retracted"
MARKS = (
    "A dot is the best estimate, a bar runs from low to high, a triangle marks a bound left "
    "open, a line spans a flow's period; the grey band is the consensus of each date, low to "
    "high, and the dark line its best; a red ring flags a figure that contradicts another "
    "(the tooltip says how)."
)

CONFIG = {
    "font": '"Source Sans", sans-serif',
    "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#e8e8e8"},
    "title": {"fontSize": 15, "anchor": "start", "subtitleFontSize": 12, "subtitleColor": "#555"},
    "legend": {
        "orient": "bottom",
        "labelFontSize": 12,
        "titleFontSize": 12,
        "labelLimit": 0,  # labels wrap (see _wrap) instead of being cut
        # Legends one under another, at the left, so they never widen the chart.
        "layout": {"bottom": {"anchor": "start", "direction": "vertical", "margin": 6}},
    },
    "view": {"stroke": "#dddddd"},
}


def date_text(value) -> str:
    """A date as every chart writes it: 22 Mar 2019 (empty for none)."""
    if value is None or value is pd.NaT or value == "" or pd.isna(value):
        return ""
    return _day_text((pd.Timestamp(value).normalize() - pd.Timestamp(0)).days)


def _wrap(text: str, width: int = LABEL_CHARS) -> str:
    """One line of text (any whitespace becomes a space), broken into lines with "\\n"."""
    return "\n".join(textwrap.wrap(" ".join(str(text).split()), width)) or " "


# --- figures and consensus, as the rows a chart draws ---------------------------------------------


def plot_frame(figures: pd.DataFrame, flags: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per figure with what a chart draws and its tooltip, from rows in the extract's text
    columns (with series_id; status_reason optional). Figures without a date are kept, with
    `dated` False: a chart leaves them out and says so.

    Household figures with a size are converted to people (each bound × size, and said so);
    those without a size get a panel of their own, counted in households. Every column is
    computed for all figures at once: a page holds thousands.
    """
    n = len(figures)
    size = pd.to_numeric(figures["household_size"]).to_numpy(dtype=float)
    households = (figures["unit"] == "households").to_numpy(dtype=bool)
    factor, unconverted = people_factor(figures["unit"], pd.Series(size))
    low, best, high = (
        pd.to_numeric(figures[b]).to_numpy(dtype=float) * factor for b in ("low", "best", "high")
    )
    end = _iso_dates(figures["period_end"])
    start = _iso_dates(figures["period_start"])
    flow = (figures["measure"] == "flow").to_numpy(dtype=bool)
    status = figures["status"].astype(object).to_numpy()
    reasons = figures["status_reason"] if "status_reason" in figures else [None] * n
    keys = _source_keys(figures)
    out = {
        "figure_id": figures["figure_id"].astype(int).to_numpy(),
        "series_id": figures["series_id"].astype(int).to_numpy(),
        "households": unconverted,
        "panel": _per_distinct(
            lambda *v: series_label(*v[:4]) + (" — in households" if v[4] else ""),
            figures["location"],
            figures["population"],
            figures["term"],
            figures["measure"],
            pd.Series(unconverted, index=figures.index),
        ),  # fmt: skip
        "low": low,
        "best": best,
        "high": high,
        "end": end,
        "start": start,
        "dated": end.notna().to_numpy(),
        # A flow spans its period; a flow without a known start, and a stock, sit at their date.
        "spans": flow & start.notna().to_numpy() & (start < end).to_numpy(),
        "measure": figures["measure"].astype(object).to_numpy(),
        "status": status,
        "status_text": [
            f"{s}: {' '.join(str(r).split())}" if r else s
            for s, r in zip(status, reasons, strict=True)
        ],
        "source": _per_distinct(
            lambda t, p: " ".join(f"{t} ({p})".split()) if p else " ".join(str(t).split()),
            figures["source_title"],
            figures["source_publisher"],
        ),  # fmt: skip
        "source_key": keys,
        "reliability": figures["source_reliability"].fillna("F").astype(object).to_numpy(),
        "estimate": _estimates_text(low, best, high, figures["qualifier"], households, size),
        "period": _periods_text(start, end, flow),
        "quote": [_shortened(q) for q in figures["quote"].fillna("")],
        "said_by": figures["attributed_to"].fillna("").astype(object).to_numpy(),
        "published": _dates_text(_iso_dates(figures["source_published_on"])),
        "credibility": figures["credibility"].astype(object).to_numpy(),
    }
    out["reliability_text"] = _per_distinct(
        lambda r: f"{r} — {RELIABILITY_MEANING.get(r, '')}", pd.Series(out["reliability"])
    )
    out["credibility_text"] = _per_distinct(
        lambda c: f"{c} — {CREDIBILITY_MEANING.get(int(c), '')}" if c else "",
        pd.Series(out["credibility"]),
    )
    flag = [""] * n
    if flags is not None and len(flags):
        messages: dict[int, list[str]] = {}
        for ids, message in zip(flags["figure_ids"], flags["message"], strict=True):
            for figure_id in str(ids).split():
                messages.setdefault(int(figure_id), []).append(str(message))
        flag = [" | ".join(messages.get(i, [])) for i in out["figure_id"].tolist()]
    out["flag"] = flag
    out["flag_text"] = [f or "none" for f in flag]
    return pd.DataFrame({k: _column(v) for k, v in out.items()})


def _per_distinct(make, *columns: pd.Series) -> np.ndarray:
    """make(*values) for each row of `columns`, called once per distinct row: a page of
    thousands of figures holds a few series and sources."""
    parts = [c.astype(object).where(c.notna(), None).to_numpy() for c in columns]
    codes, uniques = pd.factorize(pd.Series(list(zip(*parts, strict=True)), dtype=object))
    return np.array([make(*u) for u in uniques], dtype=object)[codes]


def _iso_dates(text: pd.Series) -> pd.Series:
    """Dates written as the extract writes them (2019-03-22; None for none), read as dates."""
    return pd.to_datetime(text, format="%Y-%m-%d").reset_index(drop=True)


def _column(values):
    """Text stays in plain Python strings (object), which a page of thousands reads fastest."""
    if isinstance(values, list) or (isinstance(values, np.ndarray) and values.dtype == object):
        return pd.Series(values, dtype=object)
    return values


def _source_keys(figures: pd.DataFrame) -> np.ndarray:
    """tables.source_key of each figure's source: as stored (views.page_rows reads it), else
    computed once per source."""
    if "source_key" in figures:
        return figures["source_key"].astype(object).to_numpy()
    columns = ["source_title", "source_publisher", "source_url", "source_published_on"]
    parts = figures[columns].astype(object).where(figures[columns].notna(), None)
    codes, uniques = pd.factorize(pd.Series(list(zip(*(parts[c] for c in columns), strict=True))))
    keys = np.array(
        [source_key(t, p or None, u or None, d or None) for t, p, u, d in uniques], dtype=object
    )
    return keys[codes]


def _shortened(quote: str) -> str:
    quote = " ".join(str(quote).split())
    return quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1].rstrip() + "…"


def _numbers_text(values: np.ndarray) -> list[str]:
    """Counts as every chart writes them: 30,000; "open" for an open bound."""
    return ["open" if v != v else f"{v:,.0f}" for v in values.tolist()]


def _dates_text(days: pd.Series) -> np.ndarray:
    """date_text of many dates at once (each distinct day written once, and remembered)."""
    numbers = pd.Series(pd.to_datetime(days)).to_numpy("datetime64[D]").astype(np.int64)
    codes, uniques = pd.factorize(numbers)
    missing = np.datetime64("NaT").astype(np.int64)
    text = np.array(
        [_day_text(int(u)) if u != missing else "" for u in uniques] + [""], dtype=object
    )
    return text[codes]


@functools.lru_cache(maxsize=65_536)
def _day_text(day: int) -> str:
    """date_text of the day `day` days after 1 January 1970."""
    moment = date(1970, 1, 1) + timedelta(days=day)
    return f"{moment.day} {moment:%b %Y}"


def _estimates_text(low, best, high, qualifiers, households, size) -> list[str]:
    """ "low 27,000 · best 30,000 · high 33,000 (approximately)", and how households count."""
    text = [
        f"low {lo} · best {b} · high {hi}" + (f" ({q})" if q else "")
        for lo, b, hi, q in zip(
            _numbers_text(low), _numbers_text(best), _numbers_text(high),
            qualifiers.fillna(""), strict=True,
        )
    ]  # fmt: skip
    for i in np.flatnonzero(households).tolist():
        text[i] += (
            f"; households × {format_number(size[i])} people each"
            if size[i] == size[i]
            else "; in households (no household size given)"
        )
    return text


def _periods_text(start: pd.Series, end: pd.Series, flow: np.ndarray) -> list[str]:
    """ "on 22 Mar 2019", "1 Mar 2019 to 7 Mar 2019", "until 22 Mar 2019 (start unknown)"."""
    first, last = _dates_text(start).tolist(), _dates_text(end).tolist()
    spans = (flow & start.notna().to_numpy() & (start < end).to_numpy()).tolist()
    return [
        "no date" if not e
        else f"{b} to {e}" if s
        else f"until {e} (start unknown)" if f and not b
        else f"on {e}"
        for b, e, s, f in zip(first, last, spans, flow.tolist(), strict=True)
    ]  # fmt: skip


# --- colour -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Colouring:
    """What colour says in a view: `by` source or reliability, the legend's entries (`domain`,
    wrapped text) with their colours (`range`), each figure's entry, and a sentence for readers."""

    by: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    keys: tuple[str, ...]  # per row of the plot frame
    note: str

    @property
    def title(self) -> str:
        return "source" if self.by == "source" else "source reliability"


def source_colour(key: str) -> str:
    """A source's colour, from its key: the same in every view."""
    return PALETTE[int(key[:8], 16) % len(PALETTE)]


def colouring(frame: pd.DataFrame) -> Colouring:
    """Colour by source when every source of `frame` gets a colour of its own; otherwise by source
    reliability, and say why."""
    sources = frame.drop_duplicates("source_key")
    colours = [source_colour(k) for k in sources["source_key"]]
    if len(set(colours)) == len(colours):
        labels = _source_labels(sources)
        keys = tuple(frame["source_key"].map(labels))
        domain = tuple(labels[k] for k in sources["source_key"])
        return Colouring("source", domain, tuple(colours), keys, "Colour shows the source.")
    grades = [g for g in RELIABILITY_COLOURS if g in set(frame["reliability"])]
    entry = {g: _wrap(f"{g} — {RELIABILITY_MEANING[g]}") for g in RELIABILITY_COLOURS}
    why = (
        f"its {len(colours)} sources are more than the {len(PALETTE)} colours that can be told apart"
        if len(colours) > len(PALETTE)
        else f"some of its {len(colours)} sources would share a colour"
    )
    return Colouring(
        "reliability",
        tuple(entry[g] for g in grades),
        tuple(RELIABILITY_COLOURS[g] for g in grades),
        tuple(frame["reliability"].map(entry)),
        f"Colour shows the source's reliability (A–F), not the source: {why}. "
        "The tooltip names each figure's source.",
    )


def _source_labels(sources: pd.DataFrame) -> dict[str, str]:
    """source key → its legend label; sources that read alike get their date, then a number."""
    labels = dict(zip(sources["source_key"], sources["source"], strict=True))
    alike = pd.Series(labels).duplicated(keep=False)
    dates = dict(zip(sources["source_key"], sources["published"], strict=True))
    for key in alike[alike].index:
        labels[key] += f", {dates[key] or 'no date'}"
    seen: dict[str, int] = {}
    for key, label in list(labels.items()):
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[key] = f"{label} [{seen[label]}]"
    return {k: _wrap(v) for k, v in labels.items()}


# --- the charts of a page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PageCharts:
    """The panels of one page of series, in order, and what a reader must be told about them."""

    panels: tuple[dict, ...]  # one Vega-Lite spec per panel, datasets as frames
    colouring: Colouring
    figures: int  # charted
    sources: int
    undated: int  # figures without a date: in the table, not on a chart
    zero_on_log: int  # figures with a bound of 0, drawn without it on a log scale


def page_charts(
    figures: pd.DataFrame,
    consensus: pd.DataFrame | None = None,
    flags: pd.DataFrame | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    log: bool = False,
    order: list[int] | None = None,
) -> PageCharts:
    """A panel per series of `figures` (extract text columns with series_id; in the order of the
    series ids in `order`, else as they first appear), on one time axis: from `start` (or the earliest date shown) to `end`
    (or the latest), widened to every figure's date. y scales per panel, linear from 0 or `log`.

    `consensus` (tracker.series columns: series_id, unit, period_start, date, low, best, high,
    agreement, figure_ids) is drawn as a band with its best as a line; figures named in `flags`
    (figure_ids, message) are ringed, with the message in the tooltip.
    """
    frame = plot_frame(figures, flags)
    undated = int((~frame["dated"]).sum())
    frame = frame[frame["dated"]].reset_index(drop=True)
    colours = colouring(frame)
    frame["key"] = pd.Series(colours.keys, dtype=object)
    flows = set(frame.loc[frame["measure"] == "flow", "series_id"])
    bands = _consensus_rows(consensus, flows)
    zero_on_log = 0
    if log:
        frame, bands, zero_on_log = _positive(frame, bands)
    x = _x_encoding(frame, bands, start, end)
    panel_of = zip(frame["series_id"], frame["households"], strict=True)
    titles = dict(zip(panel_of, frame["panel"], strict=True))
    bands["c_series"] = [
        titles.get((i, u == "households"), "")
        for i, u in zip(bands["series_id"], bands["unit"], strict=True)
    ]
    # Each kind of row goes to Arrow once for the page; a panel takes its rows from it.
    data = _drawn(frame)
    table = pa.Table.from_pandas(data, preserve_index=False)
    band_table = pa.Table.from_pandas(bands[BAND_FIELDS], preserve_index=False)
    y = data[list(Y_FIELDS)].to_numpy(dtype=float)
    band_y = bands[["c_low", "c_best", "c_high"]].to_numpy(dtype=float)
    alone = bands["alone"].to_numpy(dtype=bool)
    keys, sources = data["key"].to_numpy(dtype=object), frame["source_key"].to_numpy(dtype=object)
    band_rows = bands.groupby(["series_id", "unit"], sort=False).indices
    panels = []
    groups = frame.groupby(["series_id", "households"], sort=False).indices
    if order is not None:
        place = {int(series_id): n for n, series_id in enumerate(order)}
        # Households without a size follow their series' people.
        groups = dict(
            sorted(groups.items(), key=lambda g: (place.get(g[0][0], len(place)), g[0][1]))
        )
    for number, ((series_id, households), rows) in enumerate(groups.items()):
        unit = "households" if households else "people"
        in_band = band_rows.get((series_id, unit), np.zeros(0, dtype=int))
        drawn = ~np.isnan(y[rows])
        band = ~np.isnan(band_y[in_band])
        joined, single = ~alone[in_band], alone[in_band]
        has = {field: bool(drawn[:, i].any()) for i, field in enumerate(Y_FIELDS)}
        has |= {
            "band": bool((band[:, 0] & band[:, 2] & joined).any()),
            "band_alone": bool((band[:, 0] & band[:, 2] & single).any()),
            "best_line": bool((band[:, 1] & joined).any()),
            "best": bool(band[:, 1].any()),
        }
        values = np.concatenate([y[rows][drawn], band_y[in_band][band]])
        in_panel = set(keys[rows])
        panels.append(
            _panel(
                number,
                titles[(series_id, households)],
                {
                    f"figures_{number}": table.take(rows),
                    f"consensus_{number}": band_table.take(in_band),
                },
                has,
                x,
                _y_scale(values, log),
                [
                    (d, c)
                    for d, c in zip(colours.domain, colours.range, strict=True)
                    if d in in_panel
                ],
                colours.title,
                f"{unit} (log scale)" if log else unit,
                _counted(len(rows), len(set(sources[rows]))),
            )
        )
    return PageCharts(
        panels=tuple(panels),
        colouring=colours,
        figures=len(frame),
        sources=frame["source_key"].nunique(),
        undated=undated,
        zero_on_log=zero_on_log,
    )


def _consensus_rows(consensus: pd.DataFrame | None, flows: set[int]) -> pd.DataFrame:
    """The consensus as rows to draw: runs of dates joined by a band and a line (a stock's dates,
    or a cumulative flow's, counted from one start), single dates as a bar and a tick."""
    columns = ["series_id", "unit", "x", "run", "alone", "c_low", "c_best", "c_high"]
    columns += ["c_period", "c_estimate", "agreement", "c_figures"]
    if consensus is None or not len(consensus):
        return pd.DataFrame(columns=columns)
    c = consensus.reset_index(drop=True)
    day = pd.to_datetime(c["date"])
    begin = pd.to_datetime(c["period_start"])
    # A flow of unknown start stands alone: its periods need not follow one another.
    run = np.where(begin.notna(), begin.dt.strftime("%Y-%m-%d"), "stock").astype(object)
    unknown_start = begin.isna() & c["series_id"].isin(flows)
    run = np.where(unknown_start, "unknown start " + c.index.astype(str), run)
    out = pd.DataFrame(
        {
            "series_id": c["series_id"].astype(int),
            "unit": c["unit"].astype(str),
            "x": _milliseconds(day),
            "run": run,
            "c_low": c["low"].astype(float),
            "c_best": c["best"].astype(float),
            "c_high": c["high"].astype(float),
        }
    )
    key = out["series_id"].astype(str) + "|" + out["unit"] + "|" + out["run"]
    out["alone"] = key.map(key.value_counts()) == 1
    # The consensus of one figure on a date of its own is that figure: nothing more to draw.
    keep = ~(out["alone"] & (c["agreement"].astype(str) == "single")).to_numpy()
    out, c = out[keep].reset_index(drop=True), c[keep].reset_index(drop=True)
    begin, day = begin[keep].reset_index(drop=True), day[keep].reset_index(drop=True)
    first, last = _dates_text(begin), _dates_text(day)
    spans = (begin.notna() & (begin < day)).to_numpy()
    out["c_period"] = pd.Series(np.where(spans, first + " to " + last, "on " + last), dtype=object)
    out["c_estimate"] = pd.Series(
        [
            f"low {lo} · best {b} · high {hi}"
            for lo, b, hi in zip(
                *(_numbers_text(out[b].to_numpy()) for b in ("c_low", "c_best", "c_high")),
                strict=True,
            )
        ],
        dtype=object,
    )
    # The band needs both bounds: where one is open, only the best is drawn (the tooltip says so).
    both = out["c_low"].notna() & out["c_high"].notna()
    out["c_low"], out["c_high"] = out["c_low"].where(both), out["c_high"].where(both)
    out["agreement"] = c["agreement"].astype(str).astype(object)
    out["c_figures"] = pd.Series([", ".join(str(i).split()) for i in c["figure_ids"]], dtype=object)
    return out[columns].reset_index(drop=True)


def _positive(frame: pd.DataFrame, bands: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """For a log scale: bounds of 0 become open (a log scale has no 0), and how many figures had one."""
    frame, bands = frame.copy(), bands.copy()
    zero = (frame[["low", "best", "high"]] <= 0).any(axis=1)
    for column in ("low", "best", "high"):
        frame[column] = frame[column].where(frame[column] > 0)
    for column in ("c_low", "c_best", "c_high"):
        bands[column] = bands[column].where(bands[column] > 0)
    return frame, bands, int(zero.sum())


def _x_encoding(frame, bands, start: date | None, end: date | None) -> dict:
    """The shared time axis: from the chosen start (else the first date drawn) to the chosen end
    (else the last), widened to every figure's own date; a flow's line before the start is cut."""
    dates = pd.concat(
        [frame["end"], frame.loc[frame["spans"], "start"], pd.to_datetime(bands["x"], unit="ms")]
    ).dropna()
    first = pd.Timestamp(start) if start else (dates.min() if len(dates) else pd.Timestamp.now())
    last = pd.Timestamp(end) if end else (dates.max() if len(dates) else first)
    if len(frame):
        # Every figure's dot is drawn: a flow may end after the chosen end.
        last = max(last, frame["end"].max())
    if last <= first:
        first, last = first - pd.Timedelta(days=15), last + pd.Timedelta(days=15)
    days = (last - first).days
    margin = pd.Timedelta(days=max(1, round(days * 0.02)))
    # Ticks at round dates, at most five, so that labels with their year never crowd a panel of a
    # 1024-pixel screen.
    for limit, interval, steps in (
        (10, "day", (1, 2)),
        (70, "week", (1, 2)),
        (900, "month", (1, 2, 3, 6)),
        (None, "year", (1, 2, 5, 10, 20, 50)),
    ):
        if limit is None or days <= limit:
            unit = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}[interval]
            step = next((s for s in steps if days / (unit * s) <= TICKS), steps[-1])
            break
    return {
        "field": "x",
        "type": "temporal",
        "title": None,
        "scale": {
            "type": "utc",
            # A little room at either end, so marks on the first and last dates are drawn whole.
            "domainMin": _datetime(first - margin),
            "domainMax": _datetime(last + margin),
            "nice": False,
        },
        "axis": {
            "format": DATE_FORMAT,
            "tickCount": {"interval": interval, "step": step},
            "labelOverlap": "greedy",
            "labelFlush": False,
        },
    }


def _datetime(day: pd.Timestamp) -> dict:
    """A day as a Vega-Lite DateTime (UTC), the form a scale's domain takes for dates."""
    return {"year": day.year, "month": day.month, "date": day.day, "utc": True}


def _milliseconds(days: pd.Series) -> pd.Series:
    """Dates as milliseconds since 1970 (UTC; floats, NaN for none): every layer, x and x2
    alike, reads them as they are, where a date written as text needs parsing."""
    days = pd.to_datetime(days)
    return (days - pd.Timestamp(0)).dt.total_seconds().mul(1000).where(days.notna())


# Tooltips, in the order a reader checks a figure: how many, what, when, whether it stands, who
# says, where, how sure, what contradicts it.
FIGURE_TOOLTIP = [
    {"field": "estimate", "title": "estimate"},
    {"field": "panel", "title": "series"},
    {"field": "period", "title": "period"},
    {"field": "status_text", "title": "status"},
    {"field": "quote", "title": "quote"},
    {"field": "said_by", "title": "said by"},
    {"field": "source", "title": "source"},
    {"field": "published", "title": "published"},
    {"field": "reliability_text", "title": "reliability"},
    {"field": "credibility_text", "title": "credibility"},
    {"field": "flag_text", "title": "flag"},
    {"field": "figure", "title": "figure"},
]
CONSENSUS_TOOLTIP = [
    {"field": "c_estimate", "title": "consensus"},
    {"field": "c_series", "title": "series"},
    {"field": "c_period", "title": "period"},
    {"field": "agreement", "title": "agreement"},
    {"field": "c_figures", "title": "of figures"},
]


def _drawn(frame: pd.DataFrame) -> pd.DataFrame:
    """What the chart's layers read, for every figure: x (its date) and x0 (a flow's start), in
    milliseconds; a y field per kind of mark, empty where the figure has no such mark; its colour
    entry, whether it is greyed, and its tooltip."""
    best, low, high = (frame[b].to_numpy(dtype=float) for b in ("best", "low", "high"))
    status = frame["status"].to_numpy(dtype=object)
    hollow = status == "candidate"
    spans = frame["spans"].to_numpy(dtype=bool)
    known = np.where(np.isnan(best), np.where(np.isnan(low), high, low), best)
    has = ~np.isnan(known)
    up = np.isnan(high) & has
    down = np.isnan(low) & has
    top = np.fmax(best, low)
    bottom = np.fmin(best, high)
    both = ~np.isnan(low) & ~np.isnan(high)

    def where(value, mask):
        return np.where(mask, value, np.nan)

    fields = {
        "x": _milliseconds(frame["end"]).to_numpy(),
        "x0": where(_milliseconds(frame["start"]).to_numpy(), spans),
        "key": frame["key"],
        "greyed": np.isin(status, ["rejected", "retracted"]),
        "figure": frame["figure_id"].astype(str).astype(object),
        **{t["field"]: frame[t["field"]] for t in FIGURE_TOOLTIP if t["field"] != "figure"},
        "span": where(known, spans),
        "bar_low": where(low, both),
        "bar_high": where(high, both),
        "dot": where(best, ~hollow),
        "dot_hollow": where(best, hollow),
        "up": where(top, up & ~hollow),
        "up_hollow": where(top, up & hollow),
        "down": where(bottom, down & ~hollow),
        "down_hollow": where(bottom, down & hollow),
        "ring": where(known, frame["flag"].to_numpy(dtype=object) != ""),
    }
    return pd.DataFrame(fields)


# What the consensus layers read: the date, its run, the band and best, and the tooltip.
BAND_FIELDS = ["x", "run", "alone", "c_low", "c_best", "c_high", "c_series", "c_period",
               "c_estimate", "agreement", "c_figures"]  # fmt: skip
Y_FIELDS = ("span", "bar_low", "bar_high", "dot", "dot_hollow", "up", "up_hollow", "down",
            "down_hollow", "ring")  # fmt: skip


def _y_scale(values: np.ndarray, log: bool) -> dict:
    """A panel's own y scale, with room above the highest mark (and below the lowest, on a log
    scale) for its arrow and ring."""
    highest = float(values.max()) if len(values) else 1.0
    if log:
        lowest = float(values.min()) if len(values) else 1.0
        return {"type": "log", "domainMin": lowest / 1.6, "domainMax": highest * 1.6}
    return {"type": "linear", "zero": True, "domainMax": highest * 1.08 or 1}


def _counted(figures: int, sources: int) -> str:
    return f"{figures:,} figure{'s' * (figures != 1)} from {sources:,} source{'s' * (sources != 1)}"


def _panel(number, title, datasets, has, x, y_scale, entries, colour_title, y_title, counted):
    """One series: a layer per kind of mark, each drawing only the rows that have a value in its
    y field (`has` says which kinds have any), `entries` (label, colour) in its legend."""
    colour = {
        "field": "key",
        "type": "nominal",
        "title": colour_title,
        # The panel's legend lists its own entries; their colours are the page's.
        "scale": {"domain": [e for e, _ in entries], "range": [c for _, c in entries]},
        # Whole symbols, whatever the opacity of the layer the legend is drawn from.
        "legend": {
            "labelExpr": "split(datum.label, '\\n')",
            "symbolType": "circle",
            "symbolOpacity": 1,
        },
        "condition": {"test": "datum.greyed", "value": GREY},
    }

    def y(field: str) -> dict:
        return {
            "field": field,
            "type": "quantitative",
            "title": y_title,
            "scale": y_scale,
            "axis": {"format": NUMBER_FORMAT, "labelOverlap": True, "tickCount": 6},
        }

    figures_data, consensus_data = ({"name": name} for name in datasets)
    layers: list[dict] = []

    def add(present, layer):
        if present:
            layers.append(layer)

    band_fill = {
        "datum": "low to high",
        "title": "consensus of the figures",
        "scale": {"range": [BAND]},
        "legend": {"symbolType": "square", "symbolOpacity": 0.6},
    }
    best_stroke = {
        "datum": "best",
        "title": None,
        "scale": {"range": [BEST]},
        "legend": {"symbolType": "stroke", "symbolStrokeWidth": 2.5},
    }
    add(
        has["band"],
        {
            "data": consensus_data,
            "transform": [{"filter": "datum.alone === false"}],
            "mark": {"type": "area", "opacity": 0.45, "tooltip": False},
            "encoding": {"y": y("c_low"), "y2": {"field": "c_high"},
                         "detail": {"field": "run"}, "fill": band_fill},
        },
    )  # fmt: skip
    add(
        has["band_alone"],
        {
            "data": consensus_data,
            "transform": [{"filter": "datum.alone === true"}],
            "mark": {"type": "bar", "width": 14, "opacity": 0.45},
            "encoding": {"y": y("c_low"), "y2": {"field": "c_high"},
                         "fill": band_fill, "tooltip": CONSENSUS_TOOLTIP},
        },
    )  # fmt: skip
    add(
        has["best_line"],
        {
            "data": consensus_data,
            "transform": [{"filter": "datum.alone === false"}],
            "mark": {"type": "line", "strokeWidth": 2, "tooltip": False},
            "encoding": {"y": y("c_best"), "detail": {"field": "run"}, "stroke": best_stroke},
        },
    )
    # The best of every date as a dash wider than a dot, so its tooltip can be reached beside
    # the figures drawn over it.
    add(
        has["best"],
        {
            "data": consensus_data,
            "mark": {"type": "point", "shape": "stroke", "size": 300, "strokeWidth": 2.5},
            "encoding": {"y": y("c_best"), "stroke": best_stroke, "tooltip": CONSENSUS_TOOLTIP},
        },
    )

    def figure_layer(field: str, mark: dict, **encoding) -> None:
        add(
            has[field],
            {
                "data": figures_data,
                "mark": {**mark, "clip": True},
                "encoding": {"y": y(field), "color": colour,
                             "tooltip": FIGURE_TOOLTIP, **encoding},
            },
        )  # fmt: skip

    figure_layer("span", {"type": "rule", "strokeWidth": 2, "opacity": 0.6},
                 x2={"field": "x0"})  # fmt: skip
    figure_layer("bar_low", {"type": "rule", "strokeWidth": 2}, y2={"field": "bar_high"})
    for field, shape, offset in (("up", "triangle-up", -9), ("down", "triangle-down", 9)):
        figure_layer(field, {"type": "point", "shape": shape, "size": 90, "filled": True,
                             "opacity": 1, "yOffset": offset})  # fmt: skip
        figure_layer(f"{field}_hollow", {"type": "point", "shape": shape, "size": 90,
                                         "filled": False, "fill": "white", "strokeWidth": 2,
                                         "opacity": 1, "yOffset": offset})  # fmt: skip
    figure_layer("dot", {"type": "point", "shape": "circle", "size": 80, "filled": True,
                         "opacity": 1})  # fmt: skip
    figure_layer("dot_hollow", {"type": "point", "shape": "circle", "size": 80, "filled": False,
                                "fill": "white", "strokeWidth": 2, "opacity": 1})  # fmt: skip
    add(
        has["ring"],
        {
            "data": figures_data,
            "mark": {"type": "point", "shape": "circle", "size": 340, "filled": False,
                     "strokeWidth": 2.5, "color": FLAG},
            "encoding": {
                "y": y("ring"), "tooltip": FIGURE_TOOLTIP,
                "shape": {"datum": "flagged: contradicts another figure (see its tooltip)",
                          "title": None, "scale": {"range": ["circle"]},
                          "legend": {"symbolStrokeColor": FLAG, "symbolFillColor": "white",
                                     "symbolStrokeWidth": 2.5}},
            },
        },
    )  # fmt: skip

    return {
        "title": {"text": _wrap(title, TITLE_CHARS).split("\n"), "subtitle": counted},
        "height": PLOT_HEIGHT,
        # One time axis for every layer; the span layer reads its start from x0 on the same scale.
        "encoding": {"x": x},
        # The width fits the page's column; the height is the plot's, legends below it.
        "autosize": {"type": "fit-x", "contains": "padding"},
        "layer": layers,
        "datasets": datasets,
        "config": CONFIG,
    }


# --- exports ----------------------------------------------------------------------------------


def export_spec(page: PageCharts, title: str, lines: list[str], width: int = EXPORT_WIDTH) -> dict:
    """The panels of `page` stacked as one picture, `width` pixels of plot wide, under `title`
    and `lines` (the filters in words, the source line), with one legend for them all."""
    panels = []
    datasets: dict[str, list[dict]] = {}
    for spec in page.panels:
        panel = {k: v for k, v in spec.items() if k not in ("datasets", "config", "autosize")}
        panel["width"] = width
        for layer in panel["layer"]:
            colour = layer["encoding"].get("color")
            if colour is not None:
                # One legend for the picture: every panel's colours are the page's.
                colour = {**colour, "scale": {"domain": list(page.colouring.domain),
                                              "range": list(page.colouring.range)}}  # fmt: skip
                layer["encoding"] = {**layer["encoding"], "color": colour}
        panels.append(panel)
        for name, frame in spec["datasets"].items():
            datasets[name] = _records(frame)
    return {
        "title": {"text": title, "subtitle": lines, "anchor": "start", "offset": 14},
        "vconcat": panels,
        "spacing": 28,
        "datasets": datasets,
        "config": CONFIG,
        "background": "white",
        "padding": 16,
    }


def _records(table: pa.Table) -> list[dict]:
    """Rows as JSON-ready dicts without their empty fields (the spec stays small)."""
    return [{k: v for k, v in row.items() if v is not None and v == v} for row in table.to_pylist()]


def json_ready(spec: dict) -> dict:
    """`spec` with its datasets as lists of dicts, as Vega-Lite reads them outside the app."""
    if "datasets" not in spec:
        return spec
    return {
        **spec,
        "datasets": {
            k: _records(v) if isinstance(v, pa.Table) else v for k, v in spec["datasets"].items()
        },
    }


def chart_png(spec: dict, scale: float = 2.0) -> bytes:
    """The chart as PNG (rendered by vl-convert, no browser)."""
    import vl_convert as vlc  # only here: it is large, and only exports need it

    return vlc.vegalite_to_png(json_ready(spec), scale=scale)


def chart_svg(spec: dict) -> str:
    """The chart as SVG (rendered by vl-convert, no browser)."""
    import vl_convert as vlc  # only here: it is large, and only exports need it

    return vlc.vegalite_to_svg(json_ready(spec))
