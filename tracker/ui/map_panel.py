"""The charts page's map: the latest consensus of each series of the page that has a place, what is
left off it and why, and, for who may, a form to set or correct a series' place
(tracker.actions.set_place) with the gazetteer's readings to pick from."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import actions, lookup_process, maps, places, views
from tracker.store import FigureError, FigureFilter
from tracker.ui import common, readings
from tracker.validation import ValidationError

P = "place"
WRITE = "edit a source"  # set_place is authorised as a source edit: a reviewer's write
FIELDS = ("location", "country_iso3", "latitude", "longitude")
CONTAINER = "map"  # the map's container key: st-key-map in the page, for the browser tests
UNLOCATED = {  # reason → how the page says it, for 1 and for n series
    maps.NO_PLACE: ("series has no place the gazetteer knows", "series have no place the "
                    "gazetteer knows"),
    maps.NO_LOCATION: ("series has no location", "series have no location"),
    maps.WAITING: ("series waits for the gazetteer, which is loading: the map shows it in a "
                   "moment", "series wait for the gazetteer, which is loading: the map shows "
                   "them in a moment"),
    maps.NO_CONSENSUS: ("series has no consensus to map (no accepted figure with a date, or "
                        "charted in part)", "series have no consensus to map (no accepted "
                        "figure with a date, or charted in part)"),
}  # fmt: skip


def show(database: str, flt: FigureFilter, result: views.Shown, log: bool, version: int) -> None:
    """The map of the page `result`, what it leaves off, and the place form for who may."""
    # The gazetteer answers from a worker process (tracker.lookup_process): what it has not yet
    # answered waits, and the map redraws itself once it has.
    page_map = common.page_map(database, flt, result.page, log, version, lookup_process.answered())
    st.subheader("Where the series are")
    with st.container(key=CONTAINER):
        if page_map.spec is not None:
            st.vega_lite_chart(page_map.spec, width="stretch", theme=None)
    st.caption(_caption(page_map, result))
    may = common.allowed(WRITE)
    for line in _left_off(page_map, may):
        st.caption(line)
    # Said here, not in the form: a person whose role was lowered meanwhile no longer sees it.
    done = st.session_state.pop(f"{P}_done", None)
    if done:
        st.success(done, icon=":material/check_circle:")
    error = st.session_state.pop(f"{P}_error", None)
    if error:
        st.error(common.escape_markdown(f"Nothing was saved: {error}."), icon=":material/error:")
    if may:
        with st.expander("Set or correct a series' place", expanded=_opened()):
            _form(result, page_map)
    readings.redraw_when_answered(unanswered=maps.WAITING in set(page_map.unlocated["reason"]))


def _caption(page_map: maps.PageMap, result: views.Shown) -> str:
    shown = len(page_map.points)
    series = len(result.page_series)
    return (
        f"The latest consensus of {shown:,} of the {series:,} series charted above, sized by "
        "its best and coloured as the charts colour its latest figure; the tooltip cites that "
        "figure's source. A series is placed where a person set it, else at the gazetteer's "
        "reading of its location (the tooltip says which)."
    )


def _left_off(page_map: maps.PageMap, may: bool) -> list[str]:
    """A line per reason series are left off the map."""
    lines = []
    for reason, count in page_map.unlocated["reason"].value_counts(sort=False).items():
        one, many = UNLOCATED[reason]
        text = f"{count:,} {one if count == 1 else many}"
        if reason in (maps.NO_PLACE, maps.NO_LOCATION):
            text += ": set one below" if may else ": a reviewer can set one"
        names = page_map.unlocated.loc[page_map.unlocated["reason"] == reason, "series"]
        lines.append(common.escape_markdown(f"{text} ({'; '.join(names)})."))
    return lines


# --- setting a place ------------------------------------------------------------------------------


def _opened() -> bool:
    """The form stays open while it has fields to fix."""
    return bool(st.session_state.get(f"{P}_problems"))


def _series_choices(result: views.Shown, page_map: maps.PageMap) -> dict[int, str]:
    """The page's series, those off the map first: id → label."""
    s = result.page_series
    labels = {
        int(i): f"{loc or '(no location)'} · {pop} · {term} ({measure})"
        for i, loc, pop, term, measure in zip(
            s["series_id"], s["location"], s["population"], s["term"], s["measure"], strict=True
        )
    }
    off = [int(i) for i in page_map.unlocated["series_id"] if int(i) in labels]
    return {i: labels[i] for i in [*off, *(i for i in labels if i not in off)]}


def _load(series_id: int, result: views.Shown) -> None:
    """Put the series' place as stored in the form (the coordinates of its latest figure that has
    some, its most frequent country)."""
    state = st.session_state
    figures = result.figures[pd.to_numeric(result.figures["series_id"]) == series_id]
    state[f"{P}_location"] = str(figures["location"].iloc[0] or "") if len(figures) else ""
    countries = figures["country_iso3"].dropna() if len(figures) else pd.Series(dtype=object)
    countries = countries[countries != ""]
    state[f"{P}_country_iso3"] = str(countries.mode().iloc[0]) if len(countries) else ""
    located = figures[figures["latitude"].notna() & figures["longitude"].notna()]
    last = located.loc[pd.to_numeric(located["figure_id"]).idxmax()] if len(located) else None
    for field in ("latitude", "longitude"):
        state[f"{P}_{field}"] = float(last[field]) if last is not None else None
    state[f"{P}_why"] = ""
    state[f"{P}_loaded"] = series_id


def _save() -> None:
    state = st.session_state
    for name in ("problems", "error", "done"):
        state[f"{P}_{name}"] = None
    series_id = state.get(f"{P}_series")
    location = (state.get(f"{P}_location") or "").strip() or None
    country = (state.get(f"{P}_country_iso3") or "").strip().upper() or None
    reason = (state.get(f"{P}_why") or "").strip() or None
    if series_id is None:
        state[f"{P}_error"] = "choose the series whose place to set"
        return
    try:
        changed = actions.set_place(
            common.engine(), int(series_id), location, country, state.get(f"{P}_latitude"),
            state.get(f"{P}_longitude"), by=common.user(), reason=reason,
        )  # fmt: skip
    except ValidationError as error:
        state[f"{P}_problems"] = common.problems_by_field(error.problems)
        return
    except FigureError as error:  # an unknown series, a place another series holds, not allowed
        state[f"{P}_error"] = str(error)
        return
    common.after_write()
    state[f"{P}_loaded"] = None  # the form reloads the series as now stored
    state[f"{P}_done"] = (
        f"The place of series {series_id} is set: {changed:,} of its figures changed, each with "
        "a revision saying so."
        if changed
        else f"Series {series_id} already had this place: nothing changed."
    )


def _form(result: views.Shown, page_map: maps.PageMap) -> None:
    state = st.session_state
    choices = _series_choices(result, page_map)
    if state.get(f"{P}_series") not in choices:
        state[f"{P}_series"] = next(iter(choices))
    problems: dict[str, list[str]] = state.pop(f"{P}_problems", None) or {}
    if problems:
        st.error("Nothing was saved: fix the fields marked below.", icon=":material/error:")
    st.selectbox(
        "Series (those off the map first)", list(choices), key=f"{P}_series",
        format_func=choices.get,
    )  # fmt: skip
    series_id = int(state[f"{P}_series"])
    if state.get(f"{P}_loaded") != series_id:
        _load(series_id, result)
    st.caption(
        "For every figure of the series, each with a revision. An empty location keeps the "
        "series' own; empty coordinates leave the series to the gazetteer."
    )
    location = state.get(f"{P}_location") or ""
    found = readings.of(location)
    if found is None:
        st.caption("The gazetteer is loading: its readings of the location show in a moment.")
    if found:
        # A picker per location: another location has other readings.
        picker = f"{P}_reading_{places.key(location)}"
        pick, use = st.columns([3, 1], vertical_alignment="bottom")
        pick.selectbox(
            common.escape_markdown(f"The gazetteer's readings of “{location}”"),
            range(len(found)),
            key=picker,
            format_func=lambda i: readings.label(found[i]),
        )
        use.button(
            "Use this reading", key=f"{P}_use", on_click=readings.use, args=(found, picker, P)
        )
    elif location and found is not None:
        st.caption(common.escape_markdown(
            f"The gazetteer knows no place called “{location}”: give the coordinates."
        ))  # fmt: skip
    left, right = st.columns(2)
    with left:
        st.text_input("Location (as the sources write it)", key=f"{P}_location")
        common.show_problems(problems, "location")
    with right:
        st.text_input("Country (ISO 3166-1 alpha-3, e.g. SYR)", key=f"{P}_country_iso3")
        common.show_problems(problems, "country_iso3")
    left, right = st.columns(2)
    with left:
        st.number_input("Latitude (degrees north, −90 to 90)", key=f"{P}_latitude",
                        value=None, step=0.001, format="%.5f")  # fmt: skip
        common.show_problems(problems, "latitude")
    with right:
        st.number_input("Longitude (degrees east, −180 to 180)", key=f"{P}_longitude",
                        value=None, step=0.001, format="%.5f")  # fmt: skip
        common.show_problems(problems, "longitude")
    st.text_input("Why (kept on each figure's revision)", key=f"{P}_why")
    st.button("Save the place", type="primary", key=f"{P}_save", on_click=_save)
