"""The history page: one figure as it stands now and every revision of it (who, when, what, why)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tracker import views
from tracker.store import FigureError, FigureFilter, extract_text, get_figure, history
from tracker.ui import common


def main() -> None:
    st.title("History of a figure")
    engine = common.engine()
    recent = views.figure_ids_near(engine, limit=1)
    if not recent:
        st.info("No figures yet.")
        return
    asked = st.query_params.get("figure")
    st.session_state.setdefault("history_id", int(asked) if (asked or "").isdigit() else recent[0])
    figure_id = int(st.number_input("Figure", min_value=1, step=1, key="history_id"))
    st.query_params["figure"] = str(figure_id)
    try:
        current = get_figure(engine, figure_id)
        entries = history(engine, figure_id)
    except FigureError as error:
        st.warning(str(error))
        return
    st.subheader("As it stands now")
    st.dataframe(
        pd.DataFrame({"field": list(current), "value": [v or "" for v in current.values()]}),
        hide_index=True,
    )
    st.download_button(
        f"Download figure {figure_id} (CSV)",
        data=lambda: extract_text(engine, FigureFilter(statuses=None, figure_ids=(figure_id,))),
        file_name=f"figure_{figure_id}.csv",
        mime="text/csv",
        on_click="ignore",
        key="history_csv",
    )
    st.subheader("Revisions")
    st.dataframe(
        pd.DataFrame(
            {
                "revision": [e.revision for e in entries],
                "action": [e.action for e in entries],
                "by": [e.changed_by for e in entries],
                "at (UTC)": [e.changed_at for e in entries],
                "why": [e.reason or "" for e in entries],
                "changes": [
                    "; ".join(f"{k}: {old!r} → {new!r}" for k, (old, new) in e.changes.items())
                    for e in entries
                ],
            }
        ),
        hide_index=True,
    )


if __name__ == "__main__":
    main()
