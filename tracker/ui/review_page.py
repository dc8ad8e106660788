"""The review page: a document's candidate figures, found by extraction and stored as candidates,
each shown in its sentence with the number highlighted, to accept (as is or edited) or reject."""

from __future__ import annotations

import re

import streamlit as st

from tracker import actions, places, views
from tracker.actions import extracted_span
from tracker.store import FigureError, FigureFilter, extract_text
from tracker.terms import TERMS
from tracker.ui import common, readings
from tracker.validation import ENUMS, ValidationError, format_number

P = "review"
QUEUE = 20  # candidates shown at once; the oldest first
EDITABLE = (
    "population",
    "term",
    "measure",
    "location",
    "country_iso3",
    "low",
    "best",
    "high",
    "qualifier",
    "period_start",
    "period_end",
    "attributed_to",
    "latitude",
    "longitude",
)
DECIDE = "accept, reject, retract or reopen a figure"
# Fields whose problems show under the field itself; the others' under the fields of the figure.
PLACE_FIELDS = ("location", "country_iso3", "latitude", "longitude")


def _read() -> None:
    """Read the uploaded file or the link (tracker.documents) and prefill the new source's fields
    with what the document says of itself; the user corrects them before finding figures."""
    from tracker.documents import DocumentError, fetch, read_bytes

    state = st.session_state
    upload, link = state.get(f"{P}_upload"), (state.get(f"{P}_link") or "").strip()
    state[f"{P}_read_error"] = None
    try:
        if upload is not None:
            document = read_bytes(upload.getvalue(), upload.name, upload.type)
        elif link:
            document = fetch(link)
        else:
            state[f"{P}_read_error"] = "upload a file or give a link first"
            return
    except DocumentError as error:
        state[f"{P}_read_error"] = str(error)
        return
    state[f"{P}_document"] = document
    state[f"{P}_source_mode"] = "new"
    for field, key in (("title", "src_title"), ("publisher", "src_publisher"),
                       ("url", "src_url"), ("published_on", "src_published")):  # fmt: skip
        value = getattr(document, field)
        if value and not state.get(f"{P}_{key}"):
            state[f"{P}_{key}"] = value


def _find() -> None:
    """Extract candidates from the document read (else the pasted text) and store them for
    review."""
    from tracker.extract import extract

    state = st.session_state
    document = state.get(f"{P}_document")
    text = document.text if document is not None else state.get(f"{P}_text") or ""
    source = common.source_values(P)
    published = common.as_date(source.get("source_published_on"))
    title = (document.title if document is not None else None) or source.get("source_title")
    candidates = extract(text, published, title=title)
    state[f"{P}_problems"] = {}
    try:
        stored = actions.add_candidates(common.engine(), source, candidates, by=common.user())
    except ValidationError as error:
        state[f"{P}_problems"] = common.problems_by_field(error.problems)
        state[f"{P}_found"] = None
        return
    common.after_write()
    state[f"{P}_found"] = (len(candidates), len(stored.ids), stored.skipped)


def _forget_document() -> None:
    st.session_state[f"{P}_document"] = None


def _edits(row) -> dict:
    """The fields of a candidate the reviewer changed."""
    state = st.session_state
    changes = {}
    for field in EDITABLE:
        new = state.get(f"{P}_{row['figure_id']}_{field}")
        old = row[field]
        # Numbers compared as the CSV writes them, in full: 1,234,568 differs from 1,234,567.
        new_text = (
            format_number(new) if isinstance(new, float) else ("" if new is None else str(new))
        )
        old_text = "" if old is None else str(old)
        if new_text.strip() != old_text.strip():
            changes[field] = new
    return changes


def _decide(row, status: str) -> None:
    state = st.session_state
    figure_id = int(row["figure_id"])
    engine, by = common.engine(), common.user()
    state[f"{P}_{figure_id}_problems"] = None
    try:
        if status == "accepted":
            changes = _edits(row)
            actions.accept(engine, [figure_id], by, reason="edited in review" if changes else None,
                           edits={figure_id: changes}, expected_revisions={figure_id: int(row["revision"])})  # fmt: skip
        else:
            reason = (state.get(f"{P}_{figure_id}_reason") or "").strip()
            if not reason:
                state[f"{P}_{figure_id}_problems"] = {"reason": ["say why it is rejected"]}
                return
            actions.reject(engine, [figure_id], by, reason=reason)
    except ValidationError as error:
        state[f"{P}_{figure_id}_problems"] = common.problems_by_field(error.problems)
        return
    except FigureError as error:
        state[f"{P}_{figure_id}_problems"] = {"status": [str(error)]}
        return
    common.after_write()
    state[f"{P}_done"] = f"Figure {figure_id} {status}."


def _number(value) -> float | None:
    return None if value is None or value == "" else float(value)


def _preselected(found: list[places.Place], k: str) -> int | None:
    """The reading the candidate's place holds now (its country and coordinates, to the
    gazetteer's three decimals); else a location's only reading, put into empty coordinates
    where the country is empty or that reading's ("Yida settlement" of South Sudan keeps its
    country: the gazetteer's one "Yida" is Jeddah's other name)."""
    state = st.session_state
    country = (state.get(f"{k}_country_iso3") or "").strip().upper()
    at = (state.get(f"{k}_latitude"), state.get(f"{k}_longitude"))
    for i, place in enumerate(found):
        if (
            None not in at
            and (place.country_iso3 or "") == country
            and round(at[0], 3) == round(place.latitude, 3)
            and round(at[1], 3) == round(place.longitude, 3)
        ):
            return i
    if len(found) == 1 and at == (None, None) and country in ("", found[0].country_iso3 or ""):
        for field, value in readings.values(found[0]).items():
            state[f"{k}_{field}"] = value
        return 0
    return None


def _readings(k: str, may: bool) -> None:
    """The gazetteer's readings of the candidate's location: for who may accept, a choice that
    fills its country and coordinates; an ambiguous name has none chosen and says so."""
    location = (st.session_state.get(f"{k}_location") or "").strip()
    if not location:
        st.caption("No location: give one, or the coordinates.")
        return
    found = readings.of(location)
    # Said without the location, which may be long and is in its field just above.
    if found is None:
        st.caption("The gazetteer is loading: its readings of the location show in a moment.")
        return
    if not found:
        # (a country already there, as for places named together: "Kunar, Laghman, Nangarhar
        # and Nuristan provinces", AFG, is not to be given again)
        country = (st.session_state.get(f"{k}_country_iso3") or "").strip()
        # (or knows it without a point: a province, "Chaco", or places named together)
        st.caption(
            "The gazetteer has no coordinates for this name: the country is given; add "
            "coordinates where the place is one point."
            if country
            else "The gazetteer has no coordinates for this name: give the country and coordinates."
        )
        return
    quoted = f"“{location}”"
    if not may:
        st.caption(common.escape_markdown(
            f"The gazetteer reads {quoted} as " + "; ".join(readings.label(p) for p in found) + "."
        ))  # fmt: skip
        return
    # A picker per location: another location has other readings. It shows the reading the
    # coordinates hold at every run: an index given at one run and not the next would make it
    # another widget, which then showed "choose one" over filled coordinates.
    picker = f"{k}_reading_{places.key(location)}"
    index = _preselected(found, k)
    st.selectbox(
        common.escape_markdown(f"The gazetteer's readings of {quoted}"),
        range(len(found)),
        index=index,
        key=picker,
        format_func=lambda i: readings.label(found[i]),
        placeholder="choose one",
        on_change=readings.use,
        args=(found, picker, k),
    )
    if len(found) > 1 and st.session_state.get(picker) is None:
        st.caption(common.escape_markdown(
            f"{quoted} has {len(found)} readings: choose one, which fills the country and the "
            "coordinates."
        ))  # fmt: skip


def _use_place(k: str) -> None:
    """The place chosen among those the document names, as the candidate's location; its
    coordinates are emptied for the gazetteer's reading of the new name to fill (the country
    stays: most places a document names are in one country)."""
    state = st.session_state
    chosen = state.get(f"{k}_other_place")
    if not chosen:
        return
    state[f"{k}_location"] = chosen
    state[f"{k}_latitude"] = state[f"{k}_longitude"] = None


def _other_places(row, k: str) -> None:
    """The other places the candidate's document names, nearest it first: where the location
    found is not the one, the right one is most often among them, one choice away."""
    options = actions.place_options(row["notes"])
    if not options:
        return
    st.selectbox(
        "Or a place the document names",
        options,
        index=None,
        key=f"{k}_other_place",
        placeholder=f"{len(options)} other place{'s' if len(options) > 1 else ''}: choose one",
        format_func=_in_short,
        on_change=_use_place,
        args=(k,),
        help="The places named in the figure's sentence first, then the title's, then the "
        "document's others. Choosing one makes it the location.",
    )


_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _in_short(name: str) -> str:
    """A long list of places named together as a choice fits on the choice's line: "Chaco,
    Corrientes … Entre Ríos (6 places)"; chosen, the location holds them all as written."""
    if len(name) <= 40:
        return name
    parts = [p for p in _LIST_SEPARATOR.split(name) if p]
    if len(parts) < 3:
        return name
    return f"{parts[0]}, {parts[1]} … {parts[-1]} ({len(parts)} places)"


def _candidate(row) -> None:
    figure_id = int(row["figure_id"])
    k = f"{P}_{figure_id}"
    state = st.session_state
    problems = state.get(f"{k}_problems") or {}
    may = common.allowed(DECIDE)
    with st.container(border=True, key=f"{k}_card"):
        st.caption(f"Candidate figure {figure_id} · {common.escape_markdown(row['source_title'])}")
        st.markdown(common.highlighted(row["quote"], extracted_span(row["notes"])))
        # The qualifier beside the term, so that the bounds have a third of the card each: at
        # 1024 px four columns cut "2100000" to "21000".
        a, b, c, d = st.columns([0.9, 1, 1.2, 1.3])
        a.text_input("Population", value=row["population"], key=f"{k}_population")
        terms = sorted(TERMS)
        # A candidate may still lack its term: the reviewer picks one.
        b.selectbox(
            "Term",
            terms,
            index=terms.index(row["term"]) if row["term"] in terms else None,
            key=f"{k}_term",
        )
        c.radio(
            "Measure",
            ["flow", "stock"],
            index=["flow", "stock"].index(row["measure"]),
            key=f"{k}_measure",
            horizontal=True,
        )
        qualifiers = list(ENUMS["qualifier"])
        d.selectbox(
            "Qualifier", qualifiers, index=qualifiers.index(row["qualifier"]), key=f"{k}_qualifier"
        )
        a, b, c = st.columns(3)
        for column, bound in zip((a, b, c), ("low", "best", "high"), strict=True):
            column.number_input(
                bound,
                value=float(row[bound]) if row[bound] else None,
                min_value=0.0,
                format="%.0f",
                key=f"{k}_{bound}",
                placeholder="open",
            )
        a, b, c = st.columns([1, 1, 2])
        a.date_input(
            "Period start", value=common.as_date(row["period_start"]), key=f"{k}_period_start"
        )
        b.date_input("Period end", value=common.as_date(row["period_end"]), key=f"{k}_period_end")
        c.text_input("Said by", value=row["attributed_to"] or "", key=f"{k}_attributed_to")
        # Where: the location, the gazetteer's readings of it, and the place they fill. The
        # place's fields take their stored values once; a chosen reading then writes them.
        # (the location too: a place the document names, chosen, writes it)
        state.setdefault(f"{k}_location", row["location"] or "")
        state.setdefault(f"{k}_country_iso3", row["country_iso3"] or "")
        for field in ("latitude", "longitude"):
            state.setdefault(f"{k}_{field}", _number(row[field]))
        # (the location wide enough for "Uruzgan province" at 1024 px, and the document's other
        # places beside it; the readings, whose captions are long, under them both)
        location, others = st.columns([2, 3])
        with location:
            st.text_input("Location", key=f"{k}_location")
            common.show_problems(problems, "location")
        with others:
            _other_places(row, k)
        _readings(k, may)
        # Coordinates wider than the other fields: their steps and clear button take room.
        country, latitude, longitude = st.columns([2, 3, 3])
        with country:
            st.text_input("Country (ISO3)", key=f"{k}_country_iso3")
            common.show_problems(problems, "country_iso3")
        with latitude:
            st.number_input("Latitude", key=f"{k}_latitude", value=None, step=0.001,
                            format="%.5f", placeholder="none")  # fmt: skip
            common.show_problems(problems, "latitude")
        with longitude:
            st.number_input("Longitude", key=f"{k}_longitude", value=None, step=0.001,
                            format="%.5f", placeholder="none")  # fmt: skip
            common.show_problems(problems, "longitude")
        common.show_problems(problems, *(p for p in problems if p not in PLACE_FIELDS))
        if any(p in problems for p in PLACE_FIELDS):
            st.error("Nothing was saved: fix the fields marked above.", icon=":material/error:")
        if not may:
            st.page_link(f"{common.PAGES}/figure_page.py", query_params={"id": str(figure_id)},
                         label="A reviewer accepts or rejects it; change it on its own page")  # fmt: skip
            return
        left, middle, right = st.columns([1, 2, 1])
        left.button(
            "Accept", key=f"{k}_accept", type="primary", on_click=_decide, args=(row, "accepted")
        )
        middle.text_input(
            "Why reject it",
            key=f"{k}_reason",
            placeholder="e.g. a year, not a count",
            label_visibility="collapsed",
        )
        right.button("Reject", key=f"{k}_reject", on_click=_decide, args=(row, "rejected"))


def main() -> None:
    st.title("Review extracted figures")
    state = st.session_state
    with st.expander("Find figures in a document", expanded=True):
        left, right = st.columns(2)
        left.file_uploader(
            "Upload a document (PDF, Word, web page, text or Markdown)",
            type=["pdf", "docx", "html", "htm", "txt", "md"], key=f"{P}_upload",
            on_change=_forget_document,
        )  # fmt: skip
        right.text_input("… or give a link (http or https)", key=f"{P}_link",
                         on_change=_forget_document)  # fmt: skip
        right.button("Read the document", on_click=_read, key=f"{P}_read",
                     help="Fills the source's title, publisher, link and date from the document; "
                     "correct them below.")  # fmt: skip
        if state.get(f"{P}_read_error"):
            st.error(common.escape_markdown(state[f"{P}_read_error"]))
        document = state.get(f"{P}_document")
        if document is not None:
            pages = f", {document.pages} page(s)" if document.pages else ""
            st.caption(f"Read: {document.kind}{pages}, {len(document.text):,} characters.")
            st.text(document.text[:600] + (" …" if len(document.text) > 600 else ""))
        else:
            st.text_area("… or paste the document's text", key=f"{P}_text", height=160)
        common.source_fields(P, state.get(f"{P}_problems") or {})
        st.button("Find figures", on_click=_find, key=f"{P}_find")
    if state.get(f"{P}_found"):
        found, stored, skipped = state[f"{P}_found"]
        st.info(
            f"{found} figure(s) found in the document; {stored} stored for review"
            + (f", {skipped} already stored from this source." if skipped else ".")
        )
    if state.get(f"{P}_done"):
        st.success(state[f"{P}_done"])

    rows, total = views.candidate_rows(common.engine(), limit=QUEUE)
    st.subheader(f"Candidates awaiting review: {total}")
    if rows.empty:
        st.caption("None. Find figures in a document above.")
        return
    if total > QUEUE:
        st.caption(f"The oldest {QUEUE} are shown; the others follow as these are settled.")
    st.download_button(
        f"Download these {len(rows)} candidates (CSV)",
        data=lambda: extract_text(
            common.engine(), FigureFilter(statuses=("candidate",)), limit=QUEUE
        ),
        file_name="candidates.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{P}_csv",
    )
    for _, row in rows.iterrows():
        _candidate(row)
    readings.redraw_when_answered()


if __name__ == "__main__":
    main()
