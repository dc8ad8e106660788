"""The sources page: every source with how many figures cite it, linked where it has an address."""

from __future__ import annotations

import streamlit as st

from tracker import views
from tracker.tables import RELIABILITY_MEANING
from tracker.ui import common


@st.cache_data(show_spinner=False, max_entries=8)
def _sources(database: str, data_version: int):
    from tracker import storage

    return views.sources_with_counts(storage.engine_for(database))


def main() -> None:
    st.title("Sources")
    table = _sources(common.url(), common.version())
    st.caption(
        f"{len(table):,} sources. Reliability is the Admiralty scale: "
        + "; ".join(f"{k} {v}" for k, v in RELIABILITY_MEANING.items())
        + "."
    )
    table = table.assign(url=table["url"].map(common.http_url))
    st.dataframe(
        table,
        hide_index=True,
        # The counts first: they are what this page is for.
        column_order=(
            "source_id",
            "figures",
            "accepted",
            "title",
            "publisher",
            "published_on",
            "kind",
            "reliability",
            "url",
        ),  # fmt: skip
        column_config={
            "source_id": st.column_config.NumberColumn("source", format="%d"),
            "url": st.column_config.LinkColumn("link", display_text="open source"),
            "figures": st.column_config.NumberColumn("figures (all statuses)"),
            "accepted": st.column_config.NumberColumn("accepted figures"),
        },
    )
    st.download_button(
        f"Download these {len(table):,} sources (CSV)",
        data=lambda: common.csv_safe(table),
        file_name="sources.csv",
        mime="text/csv",
        on_click="ignore",
        key="sources_csv",
    )


if __name__ == "__main__":
    main()
