"""The sources page: every source with how many figures cite it; one source (/sources?id=5) with its
figures, changed once for all of them, or another source merged into it — through tracker.actions."""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from tracker import actions, views
from tracker.store import FigureError, FigureFilter, count_figures, figure_rows
from tracker.tables import RELIABILITY_MEANING
from tracker.ui import common
from tracker.validation import ValidationError

P = "src"
FIGURES_SHOWN = 500  # figures of one source listed at most
# The source's fields in the extract's names, with their label on the form.
FIELDS = {
    "source_title": "Title",
    "source_publisher": "Publisher",
    "source_url": "URL (http or https)",
    "source_published_on": "Publication date",
    "source_kind": "Kind",
    "source_reliability": "Reliability",
}
COLUMN = dict(zip(FIELDS, ("title", "publisher", "url", "published_on", "kind", "reliability"),
                  strict=True))  # fmt: skip


def key(source_id: int, name: str) -> str:
    return f"{P}_{source_id}_{name}"


@st.cache_data(show_spinner=False, max_entries=8)
def _sources(database: str, data_version: int) -> pd.DataFrame:
    from tracker import storage

    return views.sources_with_counts(storage.engine_for(database))


# --- changing a source --------------------------------------------------------------------------


def _open(source_id: int, row) -> None:
    """The form starts from the source as stored when it was opened."""
    if key(source_id, "opened") not in st.session_state:
        _load(source_id, row)


def _load(source_id: int, row) -> None:
    """Put the source as stored (a row of views.source_choices or sources_with_counts) in the
    form. Values are assigned, not dropped: a dropped widget value stays shown in the browser."""
    state = st.session_state
    state[key(source_id, "opened")] = True
    for field, column in COLUMN.items():
        value = row[column]
        if field == "source_published_on":
            value = common.as_date(value)
        elif field in ("source_publisher", "source_url", "source_title"):
            value = value or ""
        state[key(source_id, field)] = value
    state[key(source_id, "why")] = ""
    state[key(source_id, "problems")] = None


def _edit(source_id: int) -> None:
    state = st.session_state
    changes = {field: state.get(key(source_id, field)) for field in FIELDS}
    reason = (state.get(key(source_id, "why")) or "").strip() or None
    state[key(source_id, "problems")] = None
    state[key(source_id, "error")] = None
    try:
        count = actions.edit_source(common.engine(), source_id, changes, common.user(), reason)
    except ValidationError as error:
        state[key(source_id, "problems")] = common.problems_by_field(error.problems)
        return
    except FigureError as error:
        state[key(source_id, "error")] = str(error)
        return
    common.after_write()
    _load(source_id, common.source_table().set_index("id").loc[source_id])
    state[key(source_id, "done")] = (
        f"Source {source_id} is changed; each of its {count:,} figures has a revision saying so."
    )


def _merge(source_id: int) -> None:
    state = st.session_state
    other = state.get(key(source_id, "merge"))
    reason = (state.get(key(source_id, "merge_why")) or "").strip() or None
    state[key(source_id, "error")] = None
    if other is None:
        state[key(source_id, "error")] = "choose the source to merge into this one"
        return
    try:
        count = actions.merge_sources(common.engine(), source_id, int(other), common.user(), reason)
    except FigureError as error:
        state[key(source_id, "error")] = str(error)
        return
    common.after_write()
    state[key(source_id, "merge")] = None
    state[key(source_id, "merge_why")] = ""
    state[key(source_id, "done")] = (
        f"Source {other} is merged into source {source_id}: its {count:,} figures moved here, "
        "each with a revision saying so."
    )


# --- the page -----------------------------------------------------------------------------------


def _table(table: pd.DataFrame) -> None:
    st.caption(
        f"{len(table):,} sources. Reliability is the Admiralty scale: "
        + "; ".join(f"{k} {v}" for k, v in RELIABILITY_MEANING.items())
        + "."
    )
    shown = table.assign(
        url=table["url"].map(common.http_url),
        publisher=table["publisher"].fillna(""),
        published_on=table["published_on"].map(lambda d: "" if pd.isna(d) else str(d)),
    )
    st.dataframe(
        shown,
        hide_index=True,
        key=f"{P}_table",
        on_select=partial(_picked, [int(i) for i in table["source_id"]]),
        selection_mode="single-row",
        height=min(38 + 35 * len(shown), 300),
        # The counts first: they are what this list is for.
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
            "source_id": st.column_config.NumberColumn("source", format="%d", width="small"),
            "url": st.column_config.LinkColumn("link", display_text="open source"),
            "figures": st.column_config.NumberColumn(
                "figures", help="figures of any status", width="small"
            ),
            "accepted": st.column_config.NumberColumn(
                "accepted", help="accepted figures", width="small"
            ),
            "title": st.column_config.TextColumn(width="large"),
        },
    )
    st.download_button(
        f"Download these {len(table):,} sources (CSV)",
        data=lambda: common.csv_safe(table),
        file_name="sources.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{P}_csv",
    )


def _picked(ids: list[int]) -> None:
    """A row picked in the table opens its source below."""
    rows = st.session_state[f"{P}_table"]["selection"]["rows"]
    if rows:
        st.session_state[f"{P}_id"] = ids[rows[0]]


def _chosen(table: pd.DataFrame) -> int | None:
    """The source of the URL (?id=5), kept in step with the picker."""
    state = st.session_state
    ids = [int(i) for i in table["source_id"]]
    asked = st.query_params.get("id", "")
    if asked.isdigit() and state.get(f"{P}_asked") != asked:
        state[f"{P}_asked"] = asked
        state[f"{P}_id"] = int(asked) if int(asked) in ids else None
    by_id = table.set_index("source_id")
    chosen = st.selectbox(
        "Open a source (or pick its row above)",
        ids,
        key=f"{P}_id",
        index=None,
        format_func=lambda i: (
            f"{i} · {common.source_label(by_id.loc[i])} ({by_id.loc[i, 'figures']:,} figures)"
        ),
        placeholder="choose a source to see its figures, change it or merge another into it "
        "(type to search)",
    )
    if chosen is None:
        st.query_params.pop("id", None)
        return None
    st.query_params["id"] = str(chosen)
    state[f"{P}_asked"] = str(chosen)
    return int(chosen)


def _source(source_id: int, table: pd.DataFrame) -> None:
    state = st.session_state
    by_id = table.set_index("source_id")
    row = by_id.loc[source_id]
    done = state.pop(key(source_id, "done"), None)
    if done:
        st.success(done, icon=":material/check_circle:")
    if state.get(key(source_id, "error")):
        st.error(common.escape_markdown(state[key(source_id, "error")]), icon=":material/error:")

    with st.container(border=True):
        st.markdown(f"**Source {source_id}:** " + common.escape_markdown(row["title"]))
        facts = [
            ("Publisher", row["publisher"]),
            ("Published", row["published_on"]),
            ("Kind", row["kind"]),
            ("Reliability", f"{row['reliability']} — {RELIABILITY_MEANING[row['reliability']]}"),
        ]
        common.labelled(facts)
        if row["url"]:
            # As text, so that it copies as it is.
            st.text("Address: " + row["url"])
        link = common.http_url(row["url"])
        if link:
            st.link_button("Open the source", link, icon=":material/open_in_new:")

    engine = common.engine()
    flt = FigureFilter(statuses=None, source_ids=(source_id,))
    total = count_figures(engine, flt)
    st.subheader(f"Its figures: {total:,}")
    if total > FIGURES_SHOWN:
        st.caption(f"The first {FIGURES_SHOWN:,} are listed; the figure number opens each one.")
    else:
        st.caption("The figure number opens each one, to read or change it.")
    rows = figure_rows(engine, flt, limit=FIGURES_SHOWN)
    st.dataframe(
        pd.DataFrame(
            {
                "figure": rows["figure_id"].map(common.figure_url),
                "status": rows["status"],
                "location": rows["location"],
                "population": rows["population"],
                "term": rows["term"],
                "from": rows["period_start"],
                "to": rows["period_end"],
                "low": rows["low"].map(common.bound_text),
                "best": rows["best"].map(common.bound_text),
                "high": rows["high"].map(common.bound_text),
                "quote": rows["quote"],
            }
        ),  # fmt: skip
        hide_index=True,
        column_config={"figure": common.figure_link_column()},
    )

    # Each form only for who may make its write (tracker.actions.NEEDS).
    # One under the other, each the page's width, so that neither is cramped at 1024px.
    if common.allowed("edit a source"):
        _edit_form(source_id, row, total)
    if common.allowed("merge sources"):
        _merge_form(source_id, table)


def _edit_form(source_id: int, row, total: int) -> None:
    state = st.session_state
    problems: dict[str, list[str]] = state.get(key(source_id, "problems")) or {}
    _open(source_id, row)
    st.subheader("Change this source")
    st.caption(f"Once for all its {total:,} figures; each gets a revision saying so.")
    if problems:
        st.error("Nothing was saved: fix the fields marked below.", icon=":material/error:")
    with st.form(key(source_id, "form")):
        st.text_input(FIELDS["source_title"], key=key(source_id, "source_title"))
        common.show_problems(problems, "source_title")
        a, b = st.columns(2)
        for column, field in zip((a, b), ("source_publisher", "source_url"), strict=True):
            with column:
                st.text_input(FIELDS[field], key=key(source_id, field))
                common.show_problems(problems, field)
        a, b, c = st.columns(3)
        with a:
            st.date_input(FIELDS["source_published_on"], key=key(source_id, "source_published_on"),
                          min_value=date(1900, 1, 1))  # fmt: skip
            common.show_problems(problems, "source_published_on")
        with b:
            st.selectbox(FIELDS["source_kind"], common.SOURCE_KINDS,
                         key=key(source_id, "source_kind"))  # fmt: skip
            common.show_problems(problems, "source_kind")
        with c:
            st.selectbox(FIELDS["source_reliability"], common.RELIABILITIES,
                         key=key(source_id, "source_reliability"),
                         format_func=lambda r: f"{r} — {RELIABILITY_MEANING[r]}")  # fmt: skip
            common.show_problems(problems, "source_reliability")
        st.text_input("Why (kept on each figure's revision)", key=key(source_id, "why"))
        st.form_submit_button("Save the source", type="primary", key=key(source_id, "save"),
                              on_click=_edit, args=(source_id,))  # fmt: skip


def _merge_form(source_id: int, table: pd.DataFrame) -> None:
    by_id = table.set_index("source_id")
    others = [int(i) for i in table["source_id"] if int(i) != source_id]
    st.subheader("Merge a duplicate into this source")
    st.caption(
        "For the same publication recorded twice: the other source's figures move here, each "
        "with a revision; the other source is kept only as a pointer to this one."
    )
    with st.form(key(source_id, "merge_form")):
        a, b = st.columns(2)
        a.selectbox(
            "The source to merge into this one",
            others,
            index=None,
            key=key(source_id, "merge"),
            format_func=lambda i: (
                f"{i} · {common.source_label(by_id.loc[i])} ({by_id.loc[i, 'figures']:,} figures)"
            ),
            placeholder="choose a source (type to search)",
        )
        b.text_input("Why (kept on each figure's revision)", key=key(source_id, "merge_why"))
        st.form_submit_button("Merge into this source", key=key(source_id, "merge_go"),
                              on_click=_merge, args=(source_id,))  # fmt: skip


def main() -> None:
    st.title("Sources")
    table = _sources(common.url(), common.version())
    _table(table)
    st.divider()
    source_id = _chosen(table)
    if source_id is not None:
        _source(source_id, table)


if __name__ == "__main__":
    main()
