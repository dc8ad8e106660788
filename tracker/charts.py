"""Altair charts of figures over time: a point at best, a bar from low to high, open bounds drawn
as arrows, flows across their period, one colour per source, a panel per series.

Pure: frames in, charts (or PNG/SVG bytes) out; the app and any script can use them.
"""

from __future__ import annotations

import copy
import functools
import json
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tracker.series import people_factor, series_label
from tracker.validation import format_number

if TYPE_CHECKING:
    import altair as alt

PANEL_HEIGHT = 140
WIDTH = 640


DATASET = "figures"


def _number(text) -> float:
    return float(text) if text not in (None, "") else np.nan


def plot_frame(figures: pd.DataFrame, flags: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per figure with what the chart draws, from rows in the extract's text columns.

    Household figures with a size are converted to people (each bound × size, and said so);
    those without a size get a panel of their own, counted in households.
    """
    out = pd.DataFrame(index=figures.index)
    size = figures["household_size"].map(_number)
    households = figures["unit"] == "households"
    factor, unconverted = people_factor(figures["unit"], size)
    for bound in ("low", "best", "high"):
        out[bound] = figures[bound].map(_number) * factor
    out["figure_id"] = figures["figure_id"].astype(str)
    base = [
        series_label(*values)
        for values in zip(
            figures["location"],
            figures["population"],
            figures["term"],
            figures["measure"],
            strict=True,
        )
    ]
    out["series"] = [
        f"{b} — households" if u else b for b, u in zip(base, unconverted, strict=True)
    ]
    out["end"] = pd.to_datetime(figures["period_end"])
    out["start"] = pd.to_datetime(figures["period_start"])
    out["measure"] = figures["measure"]
    # A flow spans its period; a flow without a known start, and a stock, sit at their date.
    out["spans"] = (out["measure"] == "flow") & out["start"].notna() & (out["start"] < out["end"])
    out["source"] = [
        title if not publisher else f"{title} ({publisher})"
        for title, publisher in zip(
            figures["source_title"], figures["source_publisher"], strict=True
        )
    ]
    for column in ("quote", "attributed_to", "source_published_on", "qualifier"):
        out[column] = figures[column].fillna("")
    out["estimate"] = [
        _estimate_text(low, best, high, q, h, s)
        for low, best, high, q, h, s in zip(
            out["low"], out["best"], out["high"], out["qualifier"], households, size, strict=True
        )
    ]
    out["period"] = [
        _period_text(s, e, m)
        for s, e, m in zip(
            figures["period_start"], figures["period_end"], figures["measure"], strict=True
        )
    ]
    # Where a bound is open, an arrow at the last known bound points the way it stays open.
    known_top = out[["best", "low"]].max(axis=1)
    known_bottom = out[["best", "high"]].min(axis=1)
    out["open_high_at"] = np.where(out["high"].isna(), known_top, np.nan)
    out["open_low_at"] = np.where(out["low"].isna(), known_bottom, np.nan)
    out["flag"] = ""
    if flags is not None and len(flags):
        messages: dict[str, list[str]] = {}
        for ids, message in zip(flags["figure_ids"], flags["message"], strict=True):
            for figure_id in str(ids).split():
                messages.setdefault(figure_id, []).append(str(message))
        out["flag"] = out["figure_id"].map(lambda i: " | ".join(messages.get(i, []))).fillna("")
    out["flagged"] = out["flag"] != ""
    return out[out["end"].notna()].reset_index(drop=True)


def _estimate_text(low, best, high, qualifier, households, size) -> str:
    def show(x):
        return "open" if np.isnan(x) else f"{x:,.0f}"

    text = f"low {show(low)} · best {show(best)} · high {show(high)} ({qualifier})"
    if households and not np.isnan(size):
        text += f"; households × {format_number(size)} people each"
    elif households:
        text += "; in households (no household size given)"
    return text


def _period_text(start, end, measure) -> str:
    if measure == "stock":
        return f"at {end}" if end else "no date"
    if start and end:
        return f"{start} to {end}"
    return f"until {end} (start unknown)" if end else "no date"


def figure_spec(
    figures: pd.DataFrame, consensus: pd.DataFrame | None = None, flags: pd.DataFrame | None = None
) -> dict:
    """The Vega-Lite spec of the chart of `figures` (extract text columns): a panel per series,
    one colour per source.

    `consensus` (series, date, low, best, high) is drawn as a grey band under the figures;
    figures named in `flags` (figure_ids, message) get a red ring and the message in the tooltip.
    The chart's layers do not depend on the data, so they are built once (see _skeleton); the
    rows join as a named dataset written by pandas' JSON writer, which is much faster than
    Altair's per-cell conversion for charts of thousands of figures.
    """
    data = plot_frame(figures, flags).drop(columns=["measure", "qualifier"])
    data["layer"] = "figure"
    frames = [data]
    if consensus is not None and len(consensus):
        band = consensus.rename(columns={"low": "c_low", "high": "c_high", "best": "c_best"})
        band = band[["series", "date", "c_low", "c_best", "c_high", "agreement"]].assign(
            layer="consensus"
        )
        band["date"] = pd.to_datetime(band["date"])
        frames.append(band)
    # Each kind of row keeps only its own fields: the spec travels to the browser on every run.
    records = [
        row
        for frame in frames
        for row in json.loads(frame.to_json(orient="records", date_format="iso"))
    ]
    panels = list(dict.fromkeys(r["series"] for r in records if r.get("series")))
    single = len(panels) <= 1
    spec = copy.deepcopy(_skeleton(single))
    if single:
        spec["title"] = panels[0] if panels else "no figures"
    else:
        spec["facet"]["row"]["sort"] = panels
    spec["datasets"] = {DATASET: records}
    return spec


@functools.cache
def _skeleton(single: bool) -> dict:
    """The chart without its rows: one layered panel, or a panel per series (row facet)."""
    import altair as alt  # only here: the app's pages load faster without it

    # Tooltip fields, in the order a reader checks a figure: how many, what, when, who says, where.
    tooltip = [
        alt.Tooltip("estimate:N", title="estimate"),
        alt.Tooltip("series:N", title="series"),
        alt.Tooltip("period:N", title="period"),
        alt.Tooltip("quote:N", title="quote"),
        alt.Tooltip("attributed_to:N", title="said by"),
        alt.Tooltip("source:N", title="source"),
        alt.Tooltip("source_published_on:N", title="published"),
        alt.Tooltip("flag:N", title="flag"),
        alt.Tooltip("figure_id:N", title="figure"),
    ]
    consensus_tooltip = [
        alt.Tooltip("series:N", title="consensus of"),
        alt.Tooltip("date:T", title="date"),
        alt.Tooltip("c_low:Q", title="low", format=",.0f"),
        alt.Tooltip("c_best:Q", title="best", format=",.0f"),
        alt.Tooltip("c_high:Q", title="high", format=",.0f"),
        alt.Tooltip("agreement:N", title="agreement"),
    ]
    x = alt.X("end:T", title="date")
    figure = alt.datum.layer == "figure"
    source_colour = alt.Color(
        "source:N", title="source", legend=alt.Legend(orient="bottom", columns=2, labelLimit=360)
    )
    base = alt.Chart().transform_filter(figure)
    layers = [
        # The consensus of each period: a wide grey band from low to high and a tick at best,
        # one per date (not joined up: consecutive flow periods are not one quantity over time).
        alt.Chart()
        .transform_filter(alt.datum.layer == "consensus")
        .transform_filter("isValid(datum.c_low) && isValid(datum.c_high)")
        .mark_rule(color="#888888", opacity=0.25, strokeWidth=14)
        .encode(x=alt.X("date:T"), y=_y("c_low"), y2="c_high:Q", tooltip=consensus_tooltip),
        alt.Chart()
        .transform_filter(alt.datum.layer == "consensus")
        .mark_tick(color="#555555", thickness=2, size=16)
        .encode(x="date:T", y=_y("c_best"), tooltip=consensus_tooltip),
        # Flows across their period: a line from start to end at best (or the known bound).
        base.transform_filter(alt.datum.spans)
        .transform_calculate(
            level="isValid(datum.best) ? datum.best : (isValid(datum.low) ? datum.low : datum.high)"
        )
        .mark_rule(strokeWidth=2, opacity=0.6)
        .encode(x="start:T", x2="end:T", y=_y("level"), color=source_colour, tooltip=tooltip),
        base.transform_filter("isValid(datum.low) && isValid(datum.high)")
        .mark_rule(strokeWidth=2)
        .encode(x=x, y=_y("low"), y2="high:Q", color=source_colour, tooltip=tooltip),
        # Open high: an arrow head above the last known bound; open low: one below it.
        base.transform_filter("isValid(datum.open_high_at)")
        .mark_point(shape="triangle-up", size=90, filled=True, yOffset=-9)
        .encode(x=x, y=_y("open_high_at"), color=source_colour, tooltip=tooltip),
        base.transform_filter("isValid(datum.open_low_at)")
        .mark_point(shape="triangle-down", size=90, filled=True, yOffset=9)
        .encode(x=x, y=_y("open_low_at"), color=source_colour, tooltip=tooltip),
        base.transform_filter("isValid(datum.best)")
        .mark_circle(size=70, opacity=1)
        .encode(x=x, y=_y("best"), color=source_colour, tooltip=tooltip),
        base.transform_filter(alt.datum.flagged)
        .transform_calculate(
            at="isValid(datum.best) ? datum.best : (isValid(datum.low) ? datum.low : datum.high)"
        )
        .mark_point(shape="circle", size=260, color="#d62728", strokeWidth=2, filled=False)
        .encode(x=x, y=_y("at"), tooltip=tooltip),
    ]
    data = alt.NamedData(name=DATASET)
    if single:
        chart = alt.layer(*layers, data=data).properties(width=WIDTH, height=PANEL_HEIGHT)
    else:
        chart = (
            alt.layer(*layers)
            .properties(width=WIDTH, height=PANEL_HEIGHT)
            .facet(
                data=data,
                row=alt.Row(
                    "series:N",
                    title=None,
                    sort=[],
                    header=alt.Header(
                        labelAngle=0,
                        labelAlign="left",
                        labelAnchor="start",
                        labelOrient="top",
                        labelFontWeight="bold",
                        labelLimit=700,
                    ),
                ),
            )
            .resolve_scale(y="independent")
            # Every panel gets its own date axis (the scale stays shared), so a reader of the
            # top panels need not scroll to the bottom one to tell when.
            .resolve_axis(x="independent")
        )
    return chart.to_dict(validate=False)


def _y(field: str) -> alt.Y:
    import altair as alt

    # Every layer names the axis the same, so the merged axis reads "people", not the fields.
    return alt.Y(f"{field}:Q", title="people")


def chart_png(spec: dict, scale: float = 2.0) -> bytes:
    """The chart as PNG (rendered by vl-convert, no browser)."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=scale)


def chart_svg(spec: dict) -> str:
    """The chart as SVG (rendered by vl-convert, no browser)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec)
