"""The gazetteer's readings of a place name as a choice, for the Charts page's place form and the
Review page's candidates: asked of its worker process (tracker.lookup_process), so a page is never
held up while the gazetteer loads, and a chosen reading put into a form's country and coordinates.
"""

from __future__ import annotations

import streamlit as st

from tracker import lookup_process, places

PENDING = "readings_pending"  # session state: this run drew a place without its readings


def of(location: str) -> list[places.Place] | None:
    """The readings of `location` that have coordinates; None while the worker has not answered
    (the page redraws itself once it has: see redraw_when_answered)."""
    if not location.strip():
        return []
    question = ("all", location, None)
    found = lookup_process.ask([question]).get(question)
    if found is None:
        st.session_state[PENDING] = True
    return found


def label(place: places.Place) -> str:
    """A reading as a picker offers it: "Tripoli, LBN (34.437, 35.850) — city"."""
    return f"{place.label()} — {place.kind}"


def values(place: places.Place) -> dict[str, object]:
    """What a reading puts in a form's country and coordinates."""
    return {
        "country_iso3": place.country_iso3 or "",
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def use(found: list[places.Place], picker: str, prefix: str) -> None:
    """The reading chosen in the widget `picker` into the form's {prefix}_country_iso3,
    {prefix}_latitude and {prefix}_longitude."""
    state = st.session_state
    chosen = state.get(picker)
    if chosen is None or not 0 <= chosen < len(found):
        return
    for field, value in values(found[chosen]).items():
        state[f"{prefix}_{field}"] = value


def redraw_when_answered(unanswered: bool = False) -> None:
    """Redraw the page once the gazetteer's worker has answered what this run drew without an
    answer: what of() was asked, and more when `unanswered`. Called last in the page. Asking the
    worker whether it still waits is not enough: it may have answered while the page was drawn."""
    if st.session_state.pop(PENDING, False) or unanswered or lookup_process.waiting():
        _poll()


@st.fragment(run_every=0.5)
def _poll() -> None:
    """Twice a second, until the worker has answered every question; then the whole page."""
    if not lookup_process.waiting():
        st.rerun()
