"""The history page: find a figure by words of its quote, its source or its location (the search is
in the URL, /history?q=…), and the latest changes to any figure; each figure links to its page."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from tracker import storage, views
from tracker.ui import common

P = "hist"
FOUND = 100  # figures listed per search, newest first
CHANGES = 50  # latest revisions listed


def _search() -> None:
    state = st.session_state
    state.setdefault(f"{P}_q", st.query_params.get("q", ""))
    words = st.text_input(
        "Find a figure by words of its quote, its source or its location, or by its number",
        key=f"{P}_q",
        placeholder="e.g. Baghuz fled · UNHCR · Al Hol camp · 12",
    ).strip()
    if not words:
        st.query_params.pop("q", None)
        return
    st.query_params["q"] = words
    found, more = views.find_figures(common.engine(), words, limit=FOUND)
    if found.empty:
        st.info("No figure holds all these words; try fewer or other words.")
        return
    st.caption(
        (f"More than {FOUND} figures hold these words; the newest {FOUND} are listed."
         if more else f"{len(found)} figures hold these words, newest first.")
        + " The figure number opens each one."
    )  # fmt: skip
    st.dataframe(
        pd.DataFrame(
            {
                "figure": found["figure_id"].map(common.figure_url),
                "status": found["status"],
                "location": found["location"],
                "population": found["population"],
                "term": found["term"],
                "best": found["best"].map(common.bound_text),
                "from": found["period_start"],
                "to": found["period_end"],
                "source": found["source_title"],
                "quote": found["quote"],
            }
        ),  # fmt: skip
        hide_index=True,
        column_config={
            "figure": common.figure_link_column(),
            "quote": st.column_config.TextColumn(width="large"),
        },
    )


@st.cache_data(show_spinner=False, max_entries=4)
def _people(database: str, data_version: int) -> tuple[str, ...]:
    return views.people(storage.engine_for(database))


def _whose() -> str | None:
    """The person whose changes are listed (None: everyone's), kept in the URL (?by=…)."""
    state = st.session_state
    people = _people(common.url(), common.version())
    asked = st.query_params.get("by")
    state.setdefault(f"{P}_by", asked if asked in people else None)
    person = st.selectbox("Whose changes", people, key=f"{P}_by", placeholder="everyone's")
    if person:
        st.query_params["by"] = person
    else:
        st.query_params.pop("by", None)
    return person


def _changes_by(person: str) -> None:
    changes, total = views.changes_by(common.engine(), person, limit=CHANGES)
    shown = f"the last {len(changes)}, newest first" if total > len(changes) else "newest first"
    st.caption(f"{total:,} revision{'' if total == 1 else 's'} by this person ({shown}).")
    described = [
        "; ".join(f"{field}: {old or '(empty)'} → {new or '(empty)'}"
                  for field, (old, new) in json.loads(text or "{}").items())
        for text in changes["changes"]
    ]  # fmt: skip
    st.dataframe(
        changes.assign(figure_id=changes["figure_id"].map(common.figure_url), changes=described),
        hide_index=True,
        column_config={
            "figure_id": common.figure_link_column(),
            "changed_at": "at (UTC)",
            "reason": "why",
            "changes": st.column_config.TextColumn(width="large"),
        },
    )


def _latest() -> None:
    st.subheader("Latest changes")
    person = _whose()
    if person:
        _changes_by(person)
        return
    changes = views.latest_revisions(common.engine(), limit=CHANGES)
    if changes.empty:
        st.caption("None yet.")
        return
    st.caption(f"The last {len(changes)} revisions of any figure, newest first.")
    st.dataframe(
        changes.assign(
            figure_id=changes["figure_id"].map(common.figure_url),
            reason=changes["reason"].fillna(""),
        ),
        hide_index=True,
        column_config={
            "figure_id": common.figure_link_column(),
            "changed_by": "by",
            "changed_at": "at (UTC)",
            "reason": st.column_config.TextColumn("why", width="large"),
        },
    )


def main() -> None:
    st.title("History")
    _search()
    _latest()


if __name__ == "__main__":
    main()
