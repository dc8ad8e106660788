"""The map of a page of series: the latest consensus of each series that has a place, as a point
on country outlines shipped with the tracker (no tiles, nothing fetched), sized by its best and
coloured as the charts colour its latest figure, as a Vega-Lite spec.

Where a series is: the coordinates stored with its figures (set by a person or at extraction),
else the gazetteer's first reading of its location (in the figures' country when they name one).
Pure but for the gazetteer, which is read through `locate`: gazetteer_place by default, and in the
app app_place, which asks a worker process and redraws the map once it has answered.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pycountry

from tracker import lookup_process, places
from tracker.charts import (
    CONFIG,
    NUMBER_FORMAT,
    RELIABILITY_COLOURS,
    Colouring,
    date_text,
    source_colour,
)
from tracker.series import series_label

MAP_HEIGHT = 440  # pixels of map; legends below it
# Point areas in square pixels, from a best of 0 to the page's largest best: the largest has a
# radius of about 17 pixels, so a place's name LABEL_DX pixels right of its centre clears it.
SIZE_RANGE = (36, 900)
LABEL_DX = 19
# Around the points, at least this many degrees (a single place still shows its surroundings),
# and outlines of countries within this many degrees more (the map is wider than the points).
MIN_MARGIN = 1.5
OUTLINE_MARGIN = 12.0
LAND = "#f2f0eb"
BORDER = "#b9b4aa"
COUNTRY_TEXT = "#8a8478"
# Country names are placed on a grid of this many points across the view, at the point of the
# country nearest the middle of its visible part.
LABEL_GRID = (16, 10)
MIN_WIDTH = 700  # pixels of map in a 1024-pixel window
COUNTRY_CHAR, LABEL_CHAR = 6, 7.5  # about the width of a character of each kind of name
STORED = "stored with its figures"
GAZETTEER = "place from the gazetteer"
# Why a series of the page is not on the map, as the page says it (with "set one below" where a
# place would put it there).
NO_PLACE = "no place the gazetteer knows"
NO_LOCATION = "no location"
NO_CONSENSUS = "no consensus to map (no accepted figure with a date, or charted in part)"
WAITING = "waiting for the gazetteer, which is loading"


@dataclass(frozen=True)
class PageMap:
    """The map of a page: its spec (None when no series has both a consensus and a place), the
    points drawn (one row per series) and the series left off, each with its reason."""

    spec: dict | None
    points: pd.DataFrame
    unlocated: pd.DataFrame  # series_id, series, location, reason


# --- where a series is ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def gazetteer_place(location: str, country_iso3: str | None = None) -> places.Place | None:
    """The gazetteer's first reading of `location` that has coordinates, in `country_iso3` when
    given and the gazetteer has one there (lookup_process.first_reading), in this process."""
    return lookup_process.first_reading(location, country_iso3)


def app_place(location: str, country_iso3: str | None = None) -> places.Place | None:
    """gazetteer_place as the app asks it: the curated reading at once where the gazetteer's
    first reading is sure to be it (curated readings come first), else the worker's answer
    (lookup_process), or LATER until it has one."""
    found = _curated_index().get(places.key(location))
    if found is not None and (not country_iso3 or found.country_iso3 == country_iso3):
        return found
    question = ("first", location, country_iso3)
    return lookup_process.ask([question]).get(question, LATER)


LATER = places.Place("(the gazetteer is loading)", None, None, None, "area", "none")


@functools.cache
def _curated_index() -> dict[str, places.Place]:
    return {places.key(n): place for names, place in places.curated() for n in names}


def series_places(
    figures: pd.DataFrame, locate: Callable[[str, str | None], places.Place | None]
) -> pd.DataFrame:
    """Where each series of `figures` (extract text columns with series_id, latitude, longitude)
    is: series_id, latitude, longitude, name (what the map writes beside it), place (as a tooltip
    reads it), how (STORED or GAZETTEER); NaN coordinates and an empty `how` where nowhere
    (WAITING where `locate` answered LATER)."""
    rows = []
    ids = pd.to_numeric(figures["series_id"]).astype(int)
    lat = pd.to_numeric(figures["latitude"])
    lon = pd.to_numeric(figures["longitude"])
    located = lat.notna() & lon.notna()
    for series_id, index in figures.groupby(ids.to_numpy(), sort=False).groups.items():
        group = figures.loc[index]
        location = str(group["location"].iloc[0] or "")
        stored = group[located.loc[index].to_numpy()]
        if len(stored):
            # The figure entered last: set_place gives every figure of a series the same place.
            last = pd.to_numeric(stored["figure_id"]).idxmax()
            y, x = float(lat[last]), float(lon[last])
            at = f"{location}, " if location else ""
            rows.append((series_id, y, x, location, f"{at}{y:.3f}, {x:.3f}, {STORED}", STORED))
            continue
        countries = group["country_iso3"].dropna()
        countries = countries[countries != ""]
        country = str(countries.mode().iloc[0]) if len(countries) else None
        place = locate(location, country) if location else None
        if place is None or place is LATER:
            rows.append((series_id, np.nan, np.nan, "", "", "" if place is None else WAITING))
            continue
        rows.append((series_id, place.latitude, place.longitude, place.name,
                     f"{place.label()}, {GAZETTEER}", GAZETTEER))  # fmt: skip
    columns = ["series_id", "latitude", "longitude", "name", "place", "how"]
    return pd.DataFrame(rows, columns=columns)


# --- the latest consensus -------------------------------------------------------------------------


def latest_consensus(consensus: pd.DataFrame) -> pd.DataFrame:
    """One consensus row per series (tracker.series.consensus columns): in people where the series
    has any, at its latest date; of flows ending that day, the one counted from the earliest known
    start (the longest period, whose count includes the shorter ones)."""
    if consensus is None or not len(consensus):
        return pd.DataFrame(columns=["series_id", "unit", "period_start", "date", "low", "best",
                                     "high", "agreement", "figure_ids"])  # fmt: skip
    c = consensus.reset_index(drop=True)
    start = pd.to_datetime(c["period_start"])
    order = pd.DataFrame(
        {
            "series_id": c["series_id"].astype(int),
            "people": (c["unit"].astype(str) == "people").astype(int),
            "date": pd.to_datetime(c["date"]),
            "known_start": start.notna().astype(int),
            # Earlier starts sort last, so they are the ones kept.
            "start": np.where(
                start.notna(),
                -start.to_numpy("datetime64[ns]").astype(np.int64),
                np.iinfo(np.int64).min,
            ),
        }
    ).sort_values(["series_id", "people", "date", "known_start", "start"], kind="stable")
    return c.loc[order.drop_duplicates("series_id", keep="last").index].reset_index(drop=True)


# --- the spec -----------------------------------------------------------------------------------


def page_map(
    figures: pd.DataFrame,
    consensus: pd.DataFrame | None,
    colouring: Colouring,
    locate: Callable[[str, str | None], places.Place | None] = gazetteer_place,
) -> PageMap:
    """The map of the series of `figures` (the page's: extract text columns with series_id,
    source_key, latitude and longitude) at their latest consensus (of `consensus`, as the charts
    draw it), each point coloured as `colouring` colours the latest figure it holds."""
    ids = pd.to_numeric(figures["series_id"]).astype(int)
    first = figures.assign(series_id=ids).drop_duplicates("series_id").set_index("series_id")
    latest = latest_consensus(consensus).set_index("series_id", drop=False)
    where = series_places(figures, locate).set_index("series_id")
    by_id = figures.set_index(pd.to_numeric(figures["figure_id"]).astype(int))
    points, unlocated = [], []
    for series_id, r in first.iterrows():
        location = str(r["location"] or "")
        label = series_label(location or None, r["population"], r["term"], r["measure"])
        row = latest.loc[series_id] if series_id in latest.index else None
        if row is None or (row["best"] != row["best"] and row["low"] != row["low"]
                           and row["high"] != row["high"]):  # fmt: skip
            unlocated.append((series_id, label, location, NO_CONSENSUS))
        elif where.loc[series_id, "how"] == WAITING:
            unlocated.append((series_id, label, location, WAITING))
        elif not where.loc[series_id, "how"]:
            unlocated.append((series_id, label, location, NO_PLACE if location else NO_LOCATION))
        else:
            points.append(_point(row, label, where.loc[series_id], by_id, colouring))
    points_frame = pd.DataFrame(points, columns=POINT_COLUMNS)
    unlocated_frame = pd.DataFrame(unlocated, columns=["series_id", "series", "location", "reason"])
    spec = _spec(points_frame, colouring) if len(points_frame) else None
    return PageMap(spec, points_frame, unlocated_frame)


POINT_COLUMNS = ["series_id", "latitude", "longitude", "name", "size", "key", "series",
                 "consensus", "period", "agreement", "place", "how", "source", "published",
                 "figure"]  # fmt: skip


def _number(value) -> str:
    return "open" if value != value else f"{value:,.0f}"


def _point(row, label: str, where, figures: pd.DataFrame, colouring: Colouring) -> dict:
    """A series' point: where, how big, its colour entry and its tooltip."""
    ids = [int(i) for i in str(row["figure_ids"]).split()]
    held = figures.loc[[i for i in ids if i in figures.index]]
    # The latest figure: from the source published last (an undated source counts as oldest),
    # then the one entered last.
    published = pd.to_datetime(held["source_published_on"], format="%Y-%m-%d")
    order = pd.DataFrame(
        {"dated": published.notna(), "published": published, "id": held.index}, index=held.index
    )
    cited_id = int(order.sort_values(["dated", "published", "id"]).index[-1])
    cited = held.loc[cited_id]
    low, best, high = (float(row[b]) for b in ("low", "best", "high"))
    start, end = pd.to_datetime(row["period_start"]), pd.to_datetime(row["date"])
    spans = pd.notna(start) and start < end
    households = str(row["unit"]) == "households"
    title, publisher = " ".join(str(cited["source_title"] or "").split()), cited["source_publisher"]
    return {
        "series_id": int(row["series_id"]),
        "latitude": float(where["latitude"]),
        "longitude": float(where["longitude"]),
        "name": str(where["name"]),
        # Sized by the best; a consensus without one by what it knows (an open bound is no size).
        "size": best if best == best else float(np.nanmax([low, high])),
        "key": _entry(cited, colouring),
        "series": label + (" — in households" if households else ""),
        "consensus": f"best {_number(best)} · low {_number(low)} · high {_number(high)}"
        + (" (households)" if households else ""),
        "period": f"{date_text(start)} to {date_text(end)}" if spans else f"on {date_text(end)}",
        "agreement": f"{row['agreement']}, of {len(ids)} figure{'s' * (len(ids) != 1)}",
        "place": str(where["place"]),
        "how": str(where["how"]),
        "source": f"{title} ({' '.join(str(publisher).split())})" if publisher else title,
        "published": date_text(cited["source_published_on"]) or "no date",
        "figure": str(cited_id),
    }


def _entry(figure, colouring: Colouring) -> str:
    """The legend entry the charts give `figure` (its source, or its source's reliability)."""
    if colouring.by == "source":
        colour = source_colour(str(figure["source_key"]))
    else:
        colour = RELIABILITY_COLOURS[figure["source_reliability"] or "F"]
    # Each entry of a colouring has a colour of its own, so the colour names the entry.
    return colouring.domain[colouring.range.index(colour)]


def _extent(points: pd.DataFrame) -> tuple[float, float, float, float]:
    """west, south, east, north of the points, with a margin."""
    west, east = points["longitude"].min(), points["longitude"].max()
    south, north = points["latitude"].min(), points["latitude"].max()
    margin = max(MIN_MARGIN, 0.15 * max(east - west, north - south))
    return west - margin, max(south - margin, -85.0), east + margin, min(north + margin, 85.0)


@functools.cache
def _outline_boxes() -> tuple[tuple[dict, tuple[float, float, float, float]], ...]:
    """Every country outline (places.country_outlines) with its bounding box."""
    out = []
    for feature in places.country_outlines()["features"]:
        xs, ys = [], []
        _coordinates(feature["geometry"]["coordinates"], xs, ys)
        if xs:
            out.append((feature, (min(xs), min(ys), max(xs), max(ys))))
    return tuple(out)


def _coordinates(nested, xs: list[float], ys: list[float]) -> None:
    if nested and isinstance(nested[0], (int, float)):
        xs.append(nested[0])
        ys.append(nested[1])
        return
    for part in nested:
        _coordinates(part, xs, ys)


def outlines_near(
    west: float, south: float, east: float, north: float, margin: float = OUTLINE_MARGIN
) -> list[dict]:
    """The country outlines within `margin` degrees of a box: what the map can show, without
    the weight of the whole world in the page."""
    w, s, e, n = west - margin, south - margin, east + margin, north + margin
    return [
        f for f, (x0, y0, x1, y1) in _outline_boxes() if x0 <= e and x1 >= w and y0 <= n and y1 >= s
    ]


def country_labels(
    west: float, south: float, east: float, north: float, names: pd.DataFrame | None = None
) -> list[dict]:
    """A name for each country that covers enough of the box to hold one (lat, lon, name): at the
    grid point of the box inside it nearest the middle of its part of the box where the name
    covers none of the points of `names` (lat, lon, name) nor their own names."""
    xs = np.linspace(west, east, LABEL_GRID[0] + 2)[1:-1]
    ys = np.linspace(south, north, LABEL_GRID[1] + 2)[1:-1]
    grid = np.array([(x, y) for y in ys for x in xs])
    # Pixels per degree of longitude on the narrowest map (a 1024-pixel window); Mercator
    # stretches latitude by 1 / cos(latitude).
    stretch = 1 / np.cos(np.radians((south + north) / 2))
    scale = min(MIN_WIDTH / (east - west), MAP_HEIGHT / ((north - south) * stretch))
    country_names_ = country_names()
    labels = []
    for feature in outlines_near(west, south, east, north, margin=0.0):
        name = country_names_.get(feature["id"])
        inside = _inside(feature["geometry"], grid)
        if name is None or inside.sum() < 3:
            continue
        free = inside.copy()
        if names is not None and len(names):
            # In pixels from each point: the country's name spans ±half its width, ±8 high;
            # a point's own name runs from its left edge to the end of its name.
            dx = (grid[:, :1] - names["lon"].to_numpy()[None, :]) * scale
            dy = (grid[:, 1:] - names["lat"].to_numpy()[None, :]) * scale * stretch
            half = COUNTRY_CHAR * len(name) / 2 + 4
            right = LABEL_DX + LABEL_CHAR * names["name"].str.len().to_numpy()[None, :]
            covers = (dx + half > -LABEL_DX) & (dx - half < right) & (np.abs(dy) < 20)
            free &= ~covers.any(axis=1)
        if not free.any():
            continue
        middle = grid[inside].mean(axis=0)
        held = grid[free]
        at = held[np.argmin(((held - middle) ** 2).sum(axis=1))]
        labels.append({"lat": float(at[1]), "lon": float(at[0]), "name": name})
    return labels


def _inside(geometry: dict, points: np.ndarray) -> np.ndarray:
    """Which of `points` (lon, lat) lie inside a GeoJSON Polygon or MultiPolygon (even-odd rule,
    on the plane: the map draws small areas)."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    inside = np.zeros(len(points), dtype=bool)
    x, y = points[:, 0:1], points[:, 1:2]
    for polygon in polygons:
        for ring in polygon:
            r = np.asarray(ring, dtype=float)
            x0, y0, x1, y1 = r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]
            crosses = (y0 > y) != (y1 > y)
            with np.errstate(divide="ignore", invalid="ignore"):
                at = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
            inside ^= (crosses & (x < at)).sum(axis=1) % 2 == 1
    return inside


@functools.cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 → a country's name as a map writes it: pycountry's common name, else
    its name before a comma ("Palestine, State of") where no other country's is the same."""
    full = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    short = {code: name.split(",")[0] for code, name in full.items()}
    taken = pd.Series(short).value_counts()
    return {code: short[code] if taken[short[code]] == 1 else full[code] for code in full}


# Tooltips in the order a reader checks a point: what, how many, when, how sure, where, says who.
TOOLTIP = [
    {"field": "series", "title": "series"},
    {"field": "consensus", "title": "latest consensus"},
    {"field": "period", "title": "date"},
    {"field": "agreement", "title": "agreement"},
    {"field": "place", "title": "place"},
    {"field": "source", "title": "latest source"},
    {"field": "published", "title": "published"},
    {"field": "figure", "title": "figure"},
]


def size_steps(largest: float) -> list[float]:
    """The sizes a legend shows: the three largest round numbers (1, 2, 5 × 10ⁿ) up to `largest`."""
    if largest < 1:
        return [largest]
    steps = [m * 10**e for e in range(int(np.log10(largest)) + 1) for m in (1, 2, 5)]
    return [float(s) for s in steps if s <= largest][-3:]


def _spec(points: pd.DataFrame, colouring: Colouring) -> dict:
    west, south, east, north = _extent(points)
    # The view fits the points' box, given as its corners (a polygon's winding could be read as
    # the rest of the globe).
    corners = [[west, south], [east, north], [west, north], [east, south]]
    fit = {"type": "Feature", "properties": {},
           "geometry": {"type": "MultiPoint", "coordinates": corners}}  # fmt: skip
    # The largest first, so that a smaller series at the same place is drawn over it.
    values = points.sort_values("size", ascending=False)
    values = values.drop(columns=["latitude", "longitude"]).assign(
        lat=values["latitude"], lon=values["longitude"]
    )
    # One name per place, beside its point: several series at one place share it.
    at = points["latitude"].round(4).astype(str) + "," + points["longitude"].round(4).astype(str)
    names = points.loc[~at.duplicated(), ["latitude", "longitude", "name"]]
    many = at.value_counts()
    names["name"] = [
        f"{name} ({many[a]} series)" if name and many[a] > 1 else name
        for name, a in zip(names["name"], at[~at.duplicated()], strict=True)
    ]
    names = names[names["name"] != ""].rename(columns={"latitude": "lat", "longitude": "lon"})
    entries = [e for e in colouring.domain if e in set(points["key"])]
    colours = [colouring.range[colouring.domain.index(e)] for e in entries]
    where = {"longitude": {"field": "lon", "type": "quantitative"},
             "latitude": {"field": "lat", "type": "quantitative"}}  # fmt: skip
    return {
        "height": MAP_HEIGHT,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "projection": {"type": "mercator", "fit": fit},
        "layer": [
            {
                "data": {"values": outlines_near(west, south, east, north)},
                "mark": {
                    "type": "geoshape",
                    "fill": LAND,
                    "stroke": BORDER,
                    "strokeWidth": 0.8,
                    "clip": True,
                    "tooltip": False,
                },
            },
            {
                "data": {"values": country_labels(west, south, east, north, names)},
                "mark": {
                    "type": "text",
                    "fontSize": 11,
                    "fontStyle": "italic",
                    "color": COUNTRY_TEXT,
                    "clip": True,
                    "tooltip": False,
                },
                "encoding": {**where, "text": {"field": "name"}},
            },
            {
                "data": {"values": values.to_dict("records")},
                "mark": {
                    "type": "circle",
                    "opacity": 0.8,
                    "stroke": "white",
                    "strokeWidth": 1.2,
                    "clip": True,
                },
                "encoding": {
                    **where,
                    "size": {
                        "field": "size",
                        "type": "quantitative",
                        "title": "latest consensus (best)",
                        "scale": {
                            "domain": [0, float(points["size"].max()) or 1.0],
                            "range": list(SIZE_RANGE),
                        },
                        "legend": {
                            "format": NUMBER_FORMAT,
                            "symbolFillColor": "#888",
                            "symbolStrokeWidth": 0,
                            "values": size_steps(float(points["size"].max())),
                        },
                    },
                    "color": {
                        "field": "key",
                        "type": "nominal",
                        "title": colouring.title,
                        "scale": {"domain": entries, "range": colours},
                        "legend": {
                            "labelExpr": "split(datum.label, '\\n')",
                            "symbolType": "circle",
                            "symbolOpacity": 1,
                        },
                    },
                    "order": {"field": "size", "type": "quantitative", "sort": "descending"},
                    "tooltip": TOOLTIP,
                },
            },
            {
                "data": {"values": names.to_dict("records")},
                "mark": {
                    "type": "text",
                    "align": "left",
                    "baseline": "middle",
                    "dx": LABEL_DX,
                    "fontSize": 12,
                    "fontWeight": 600,
                    "color": "#333",
                    "clip": True,
                    "tooltip": False,
                },
                "encoding": {**where, "text": {"field": "name"}},
            },
        ],
        "config": CONFIG,
    }
