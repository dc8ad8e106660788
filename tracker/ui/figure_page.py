"""The figure page (/figure?id=12): one figure with its source, its quote, the series it belongs to
and every revision; its fields changed with a reason and its status settled through
tracker.actions. The page edits the revision it opened: a figure changed since is refused by the
library, never overwritten."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from tracker import actions, views
from tracker.series import series_label
from tracker.store import (
    FigureError,
    FigureFilter,
    count_figures,
    extract_text,
    figure_rows,
    history,
)
from tracker.tables import CREDIBILITY_MEANING, RELIABILITY_MEANING
from tracker.terms import TERMS
from tracker.ui import common
from tracker.validation import ENUMS, ValidationError, format_number

P = "fig"
SERIES_SHOWN = 500  # figures of the series listed at most
# The fields the form edits, in the extract's names (the source is picked as a whole).
EDITABLE = (
    "quote", "attributed_to", "population", "term", "measure", "location", "country_iso3",
    "unit", "household_size", "low", "best", "high", "qualifier", "period_start", "period_end",
    "date_precision", "credibility", "notes",
)  # fmt: skip
SOURCE_FIELDS = tuple(actions.SOURCE_FIELDS)
# The button of each status a figure may be given (which ones apply: actions.TRANSITIONS).
STATUS_BUTTONS = {
    "accepted": "Accept",
    "rejected": "Reject",
    "retracted": "Retract",
    "candidate": "Reopen for review",
}
STATUS_COLOURS = {"candidate": "orange", "accepted": "green", "rejected": "gray",
                  "retracted": "gray"}  # fmt: skip
SETTLE = {"rejected": actions.reject, "retracted": actions.retract, "candidate": actions.reopen}


def key(figure_id: int, name: str) -> str:
    return f"{P}_{figure_id}_{name}"


# --- the form: initial values from the revision opened, changes against it ------------------------


def _widget_value(field: str, text: str | None):
    """A stored value (text) as its widget holds it."""
    if text is None or text == "":
        return "" if field in ("quote", "attributed_to", "population", "location",
                               "country_iso3", "notes", "date_precision") else None  # fmt: skip
    if field in ("household_size", "low", "best", "high"):
        return float(text)
    if field in ("period_start", "period_end"):
        return date.fromisoformat(text)
    if field == "credibility":
        return int(text)
    return text


def _as_text(value) -> str:
    """A widget's value as the extract writes it, to compare with the stored text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _open(figure_id: int, detail: dict) -> dict:
    """The figure as this session opened it: the form starts from it and edits its revision."""
    if key(figure_id, "opened") not in st.session_state:
        _load(figure_id, detail)
    return st.session_state[key(figure_id, "opened")]


def _load(figure_id: int, detail: dict) -> None:
    """Put `detail` (the figure as stored) in the form, as the revision the form edits. Values
    are assigned, not dropped: a dropped widget value stays shown in the browser."""
    state = st.session_state
    state[key(figure_id, "opened")] = detail
    for field in EDITABLE:
        state[key(figure_id, field)] = _widget_value(field, detail[field])
    state[key(figure_id, "source_id")] = int(detail["source_id"])
    state[key(figure_id, "why")] = ""
    state[key(figure_id, "problems")] = None


def _reopen(figure_id: int) -> None:
    """Open the figure again as stored now (after a change, or to drop the form's changes)."""
    _load(figure_id, views.figure_detail(common.engine(), figure_id))


def _changes(figure_id: int, opened: dict) -> dict:
    """The fields the person changed in the form, against the revision opened."""
    state = st.session_state
    changes = {}
    for field in EDITABLE:
        value = state.get(key(figure_id, field))
        if _as_text(value) != (opened[field] or "").strip():
            changes[field] = value
    source_id = state.get(key(figure_id, "source_id"))
    if source_id is not None and int(source_id) != int(opened["source_id"]):
        sources = common.source_table().set_index("id")
        if source_id in sources.index:
            row = sources.loc[source_id]
            changes.update({
                "source_title": row["title"], "source_publisher": row["publisher"],
                "source_url": row["url"], "source_published_on": row["published_on"],
                "source_kind": row["kind"], "source_reliability": row["reliability"],
            })  # fmt: skip
    return changes


def _act(figure_id: int, status: str | None) -> None:
    """Save the form's changes (status None) or give the figure `status`, through the library."""
    state = st.session_state
    opened = state[key(figure_id, "opened")]
    expected = int(opened["revision"])
    reason = (state.get(key(figure_id, "why")) or "").strip() or None
    engine, by = common.engine(), common.user()
    state[key(figure_id, "problems")] = None
    state[key(figure_id, "error")] = None
    try:
        if status is None:
            revision = actions.edit_figure(engine, figure_id, _changes(figure_id, opened), by,
                                           reason, expected_revision=expected)  # fmt: skip
            done = f"Figure {figure_id}: your changes are saved as revision {revision}."
        elif status == "accepted":
            changes = _changes(figure_id, opened)
            [revision] = actions.accept(engine, [figure_id], by, reason,
                                        edits={figure_id: changes} if changes else None,
                                        expected_revisions={figure_id: expected})  # fmt: skip
            done = f"Figure {figure_id} is accepted (revision {revision})."
        else:
            [revision] = SETTLE[status](engine, [figure_id], by, reason=reason or "",
                                        expected_revisions={figure_id: expected})  # fmt: skip
            done = f"Figure {figure_id} is {status} (revision {revision})."
    except ValidationError as error:
        state[key(figure_id, "problems")] = common.problems_by_field(error.problems)
        return
    except FigureError as error:
        state[key(figure_id, "error")] = str(error)
        return
    common.after_write()
    _reopen(figure_id)
    state[key(figure_id, "done")] = done


def _reload(figure_id: int) -> None:
    _reopen(figure_id)
    st.session_state[key(figure_id, "error")] = None


# --- showing the figure ---------------------------------------------------------------------------


def _figure(detail: dict) -> None:
    a, b, c, d = st.columns(4)
    a.metric("Low", common.bound_text(detail["low"]))
    b.metric("Best", common.bound_text(detail["best"]))
    c.metric("High", common.bound_text(detail["high"]))
    # A word, not a number: in the text's size, so that "approximately" fits at 1024px.
    d.markdown(f"Qualifier  \n**{detail['qualifier'] or '—'}**")
    left, right = st.columns(2)
    with left:
        st.markdown("##### What is counted")
        unit = detail["unit"]
        if detail["household_size"]:
            unit = f"{unit} of {detail['household_size']} people"
        common.labelled([
            ("Population", detail["population"]), ("Term", detail["term"]),
            ("Measure", detail["measure"]), ("Unit", unit), ("Location", detail["location"]),
            ("Country", detail["country_iso3"]),
        ])  # fmt: skip
        st.markdown("##### When")
        common.labelled([
            ("From", detail["period_start"]), ("To", detail["period_end"]),
            ("Date precision", detail["date_precision"]),
        ])  # fmt: skip
    with right:
        st.markdown("##### How sure")
        credibility = detail["credibility"]
        meaning = CREDIBILITY_MEANING.get(int(credibility)) if credibility else None
        common.labelled([("Credibility", f"{credibility} — {meaning}" if meaning else credibility),
                ("Said by", detail["attributed_to"])])  # fmt: skip
        st.markdown("##### Recorded")
        common.labelled([
            ("Origin", detail["origin"]), ("By", detail["created_by"]),
            ("At (UTC)", detail["created_at"]), ("Revision", detail["revision"]),
        ])  # fmt: skip


def _quote(detail: dict) -> None:
    st.subheader("Quote")
    with st.container(border=True):
        st.markdown(
            common.highlighted(detail["quote"] or "", actions.extracted_span(detail["notes"]))
        )
        if detail["attributed_to"]:
            st.caption("— " + common.escape_markdown(detail["attributed_to"]))
    if detail["notes"]:
        st.markdown("**Notes:** " + common.escape_markdown(detail["notes"]))


def _source(detail: dict) -> None:
    st.subheader("Source")
    with st.container(border=True):
        st.markdown("**" + common.escape_markdown(detail["source_title"]) + "**")
        reliability = detail["source_reliability"]
        common.labelled([
            ("Publisher", detail["source_publisher"]),
            ("Published", detail["source_published_on"]),
            ("Kind", detail["source_kind"]),
            ("Reliability", f"{reliability} — {RELIABILITY_MEANING.get(reliability, '')}"),
        ])  # fmt: skip
        if detail["source_url"]:
            # As text, so that it copies as it is.
            st.text("Address: " + detail["source_url"])
        left, right = st.columns(2)
        link = common.http_url(detail["source_url"])
        if link:
            left.link_button("Open the source", link, icon=":material/open_in_new:")
        right.page_link(
            f"{common.PAGES}/sources_page.py",
            label=f"Source {detail['source_id']} and all its figures",
            icon=":material/library_books:",
            query_params={"id": str(detail["source_id"])},
        )


def _series(detail: dict) -> None:
    flt = FigureFilter(statuses=None, series_ids=(int(detail["series_id"]),))
    engine = common.engine()
    total = count_figures(engine, flt)
    st.subheader("Its series")
    label = series_label(detail["location"], detail["population"] or "", detail["term"] or "",
                         detail["measure"])  # fmt: skip
    shown = f"the first {SERIES_SHOWN:,}" if total > SERIES_SHOWN else "all"
    st.caption(
        common.escape_markdown(label)
        + f" — {total:,} figures of any status ({shown} listed, this one marked)"
    )
    rows = figure_rows(engine, flt, limit=SERIES_SHOWN)
    table = pd.DataFrame({
        "figure": rows["figure_id"].map(common.figure_url),
        "this": rows["figure_id"].map(lambda i: "◀" if int(i) == int(detail["figure_id"]) else ""),
        "status": rows["status"], "from": rows["period_start"], "to": rows["period_end"],
        "low": rows["low"].map(common.bound_text), "best": rows["best"].map(common.bound_text),
        "high": rows["high"].map(common.bound_text), "qualifier": rows["qualifier"],
        "source": rows["source_title"], "quote": rows["quote"],
    })  # fmt: skip
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "figure": common.figure_link_column(),
            "this": st.column_config.TextColumn("", width=30),
        },
    )


def _revisions(figure_id: int) -> None:
    entries = history(common.engine(), figure_id)
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
                    "; ".join(
                        f"{k}: {old or '(empty)'} → {new or '(empty)'}"
                        for k, (old, new) in e.changes.items()
                    )
                    for e in entries
                ],
            }
        ),  # fmt: skip
        hide_index=True,
        column_config={"changes": st.column_config.TextColumn(width="large")},
    )


# --- changing the figure --------------------------------------------------------------------------


def _form(figure_id: int, opened: dict, status: str) -> None:
    state = st.session_state
    problems: dict[str, list[str]] = state.get(key(figure_id, "problems")) or {}

    def show(*fields: str) -> None:
        common.show_problems(problems, *fields)

    def k(name: str) -> str:
        return key(figure_id, name)

    st.subheader("Change it")
    st.caption(
        f"The form holds revision {opened['revision']}, as it was when you opened it. Every change "
        "is kept as a new revision with who made it, when and why."
    )
    with st.form(k("form"), border=True):
        sources = common.source_table().set_index("id")
        ids = [int(i) for i in sources.index]
        st.selectbox(
            "Source (to change its details for all its figures, use the Sources page)",
            ids,
            key=k("source_id"),
            format_func=lambda i: f"{i} · {common.source_label(sources.loc[i])}",
        )
        show(*SOURCE_FIELDS)
        st.text_area("Quote (the source's words, verbatim)", key=k("quote"))
        show("quote")
        a, b = st.columns(2)
        a.text_input("Said by", key=k("attributed_to"))
        with a:
            show("attributed_to")
        b.text_input("Population (the source's wording)", key=k("population"))
        with b:
            show("population")
        # At most four fields a row, and wide ones in threes: the form stays readable at 1024px.
        a, b, c = st.columns([2, 1, 1.3])
        a.text_input("Location", key=k("location"))
        b.text_input("Country (ISO3)", key=k("country_iso3"))
        c.selectbox("Term", sorted(TERMS), key=k("term"), index=None, placeholder="choose a term")
        for column, field in zip((a, b, c), ("location", "country_iso3", "term"), strict=True):
            with column:
                show(field)
        a, b, c, d = st.columns([1, 1, 1, 1.5])
        for column, bound in zip((a, b, c), ("low", "best", "high"), strict=True):
            with column:
                st.number_input(bound, min_value=0.0, step=1.0, format="%.0f", key=k(bound),
                                placeholder="open")  # fmt: skip
                show(bound)
        with d:
            st.selectbox("Qualifier", list(ENUMS["qualifier"]), key=k("qualifier"), index=None)
            show("qualifier")
        a, b, c = st.columns(3)
        with a:
            st.date_input("Period start", key=k("period_start"), min_value=date(1900, 1, 1))
            show("period_start")
        with b:
            st.date_input("Period end", key=k("period_end"), min_value=date(1900, 1, 1))
            show("period_end")
        with c:
            st.selectbox("Date precision", ["", *ENUMS["date_precision"]], key=k("date_precision"),
                         format_func=lambda p: p or "(no dates)")  # fmt: skip
            show("date_precision")
        a, b, c = st.columns(3)
        with a:
            st.selectbox("Credibility", list(CREDIBILITY_MEANING), key=k("credibility"),
                         format_func=lambda c: f"{c} — {CREDIBILITY_MEANING[c]}")  # fmt: skip
            show("credibility")
        with b:
            st.radio("Measure", ["flow", "stock"], key=k("measure"), horizontal=True)
            show("measure")
        with c:
            st.radio("Unit", ["people", "households"], key=k("unit"), horizontal=True)
            show("unit")
        a, b = st.columns([1.4, 3])
        with a:
            st.number_input("People per household", min_value=0.0, key=k("household_size"))
            show("household_size")
        with b:
            st.text_area("Notes", key=k("notes"), height=122)
            show("notes")
        st.text_input(
            "Why (kept on the revision; needed to reject, retract or reopen)",
            key=k("why"),
            placeholder="e.g. the agency corrected its count on 3 April",
        )
        show("status")
        settles = common.allowed("accept, reject, retract or reopen a figure")
        targets = list(actions.TRANSITIONS.get(status, {})) if settles else []
        with st.container(horizontal=True):
            st.form_submit_button("Save changes", type="primary", key=k("save"), on_click=_act,
                                  args=(figure_id, None))  # fmt: skip
            for target in targets:
                label = "Save and accept" if target == "accepted" else STATUS_BUTTONS[target]
                st.form_submit_button(label, key=k(f"to_{target}"), on_click=_act,
                                      args=(figure_id, target))  # fmt: skip
            st.form_submit_button("Discard my changes", key=k("discard"), on_click=_reload,
                                  args=(figure_id,))  # fmt: skip
    _outcome(figure_id, problems)


def _outcome(figure_id: int, problems: dict) -> None:
    """What the last action did, right under the buttons that the person has just pressed."""
    state = st.session_state
    if problems:
        st.error("Nothing was saved: fix the fields marked above.", icon=":material/error:")
    done = state.pop(key(figure_id, "done"), None)
    if done:
        st.success(done, icon=":material/check_circle:")
    error = state.get(key(figure_id, "error"))
    if error:
        st.error(common.escape_markdown(error), icon=":material/error:")
        st.button(f"Reload figure {figure_id} as stored now (discards your changes)",
                  on_click=_reload, args=(figure_id,), key=key(figure_id, "reload"))  # fmt: skip


# --- the page -------------------------------------------------------------------------------------


def _asked_id() -> int | None:
    """The figure of the URL (?id=12), kept in step with the number box."""
    state = st.session_state
    asked = st.query_params.get("id", "")
    if asked.isdigit() and state.get(f"{P}_asked") != asked:
        state[f"{P}_asked"] = asked
        state[f"{P}_id"] = int(asked)
    state.setdefault(f"{P}_id", None)
    return state[f"{P}_id"]


def main() -> None:
    state = st.session_state
    _asked_id()
    head, jump = st.columns([4, 1], vertical_alignment="bottom")
    with jump:
        figure_id = st.number_input("Figure number", min_value=1, step=1, key=f"{P}_id",
                                    placeholder="e.g. 12")  # fmt: skip
    if figure_id is None:
        head.title("A figure")
        st.info("Give a figure's number above, or find a figure by its words on the History page.")
        st.page_link(f"{common.PAGES}/history_page.py", label="Find a figure",
                     icon=":material/search:")  # fmt: skip
        return
    figure_id = int(figure_id)
    st.query_params["id"] = str(figure_id)
    state[f"{P}_asked"] = str(figure_id)
    try:
        detail = views.figure_detail(common.engine(), figure_id)
    except FigureError as error:
        head.title(f"Figure {figure_id}")
        st.warning(common.escape_markdown(str(error)), icon=":material/warning:")
        return
    status = detail["status"]
    with head:
        st.title(f"Figure {figure_id}")
        st.badge(status, color=STATUS_COLOURS.get(status, "gray"))
    opened = _open(figure_id, detail)

    _figure(detail)
    _quote(detail)
    _source(detail)
    _series(detail)
    _revisions(figure_id)
    st.download_button(
        f"Download figure {figure_id} (CSV)",
        data=lambda: extract_text(
            common.engine(), FigureFilter(statuses=None, figure_ids=(figure_id,))
        ),
        file_name=f"figure_{figure_id}.csv",
        mime="text/csv",
        on_click="ignore",
        key=key(figure_id, "csv"),
    )
    # The form only for who may change the figure: a candidate is an editor's to change, a
    # settled figure (and any status) a reviewer's (tracker.actions.NEEDS).
    if common.allowed("edit a candidate" if status == "candidate" else "edit a settled figure"):
        _form(figure_id, opened, status)


if __name__ == "__main__":
    main()
