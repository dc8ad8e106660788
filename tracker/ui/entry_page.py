"""The entry page: one figure with its source, its quote and its estimate, checked by the one
validation path; words of quantity and of time fill the numbers and dates, shown before saving."""

from __future__ import annotations

from datetime import date

import streamlit as st

from tracker.actions import add_figure
from tracker.tables import CREDIBILITY_MEANING
from tracker.terms import TERMS
from tracker.ui import common
from tracker.validation import ENUMS, ValidationError

P = "entry"  # session-state prefix of this page's widgets
QUALIFIERS = list(ENUMS["qualifier"])
PRECISIONS = ["", *ENUMS["date_precision"]]
# Every widget and note of the figure with the value it starts from, set again after a save so
# that the next figure starts blank (the source stays picked: it usually gives several figures).
# Values are assigned, not dropped: a dropped widget value stays shown in the browser.
FIGURE_START = {
    "quote": "", "attributed_to": "", "population": None, "term": "fled", "measure": TERMS["fled"],
    "location": "", "country": "", "unit": "people", "household_size": None, "words": "",
    "words_error": None, "low": None, "best": None, "high": None, "qualifier": None,
    "period_words": "", "period_note": None, "start": None, "end": None, "precision": "",
    "credibility": 6, "notes": "",
}  # fmt: skip


def key(name: str) -> str:
    return f"{P}_{name}"


def _on_words() -> None:
    """Words of quantity → low, best, high and qualifier, by the design's conventions."""
    from tracker.estimate import EstimateError, parse_estimate

    state = st.session_state
    words = (state.get(key("words")) or "").strip()
    state[key("words_error")] = None
    if not words:
        return
    try:
        est = parse_estimate(words)
    except EstimateError as error:
        state[key("words_error")] = str(error)
        return
    state[key("low")], state[key("best")], state[key("high")] = est.low, est.best, est.high
    state[key("qualifier")] = est.qualifier


def _on_period_words() -> None:
    """Words of time → period dates and precision, resolved against the publication date."""
    from tracker.extract import resolve_period

    state = st.session_state
    words = (state.get(key("period_words")) or "").strip()
    state[key("period_note")] = None
    if not words:
        return
    published = common.as_date(common.source_values(P).get("source_published_on"))
    start, end, precision = resolve_period(words, published)
    if start is None and end is None:
        reason = "" if published else " (the source has no publication date to count from)"
        state[key("period_note")] = f"“{words}” could not be turned into dates{reason}; enter them."
        return
    state[key("start")], state[key("end")] = start, end
    state[key("precision")] = precision or ""
    against = f" against the publication date {published.isoformat()}" if published else ""
    state[key("period_note")] = (
        f"“{words}” resolved{against}: {start or 'start unknown'} to {end or 'end unknown'}."
    )


def _on_term() -> None:
    state = st.session_state
    state[key("measure")] = TERMS.get(state[key("term")], "flow")


def _values() -> dict:
    state = st.session_state
    values = common.source_values(P)
    values.update(
        quote=state.get(key("quote")),
        attributed_to=state.get(key("attributed_to")),
        population=state.get(key("population")),
        term=state.get(key("term")),
        measure=state.get(key("measure")),
        location=state.get(key("location")),
        country_iso3=(state.get(key("country")) or "").upper(),
        low=state.get(key("low")),
        best=state.get(key("best")),
        high=state.get(key("high")),
        qualifier=state.get(key("qualifier")),
        unit=state.get(key("unit")),
        household_size=state.get(key("household_size")),
        period_start=state.get(key("start")),
        period_end=state.get(key("end")),
        date_precision=state.get(key("precision")) or None,
        credibility=state.get(key("credibility")),
        notes=state.get(key("notes")),
        # An editor's figure waits for a reviewer; a reviewer's is accepted as it is saved.
        status="accepted" if common.allowed("add an accepted figure") else "candidate",
        origin="entered",
    )
    # Numbers from the form are floats; whole ones go in as integers, as the CSV writes them.
    for bound in ("low", "best", "high", "household_size"):
        if values[bound] is not None:
            values[bound] = float(values[bound])
    return values


def _save() -> None:
    state = st.session_state
    try:
        figure_id = add_figure(common.engine(), _values(), by=common.user())
    except ValidationError as error:
        state[key("problems")] = common.problems_by_field(error.problems)
        state[key("saved")] = None
        return
    common.after_write()
    state[key("problems")] = {}
    state[key("saved")] = figure_id
    for name, value in FIGURE_START.items():
        state[key(name)] = value


def main() -> None:
    st.title("Enter a figure")
    state = st.session_state
    problems: dict[str, list[str]] = state.get(key("problems")) or {}
    if state.get(key("saved")):
        accepted = common.allowed("add an accepted figure")
        then = "It is on the charts now." if accepted else "A reviewer accepts it on Review."
        # The name is typed by the user: escaped, like every text from people.
        st.success(
            f"Saved figure {state[key('saved')]}, recorded as entered by "
            f"{common.escape_markdown(common.user())}. {then}"
        )
    if problems:
        st.error("Nothing was saved: fix the fields marked below.")

    st.subheader("Source")
    common.source_fields(P, problems)

    st.subheader("What the source says")
    st.text_area("Quote (the source's words, verbatim)", key=key("quote"))
    common.show_problems(problems, "quote")
    st.text_input("Said by (who the source attributes it to, if anyone)", key=key("attributed_to"))
    common.show_problems(problems, "attributed_to")

    st.subheader("What is counted")
    left, middle, right = st.columns(3)
    with left:
        populations = list(common.options(common.url(), common.version()).populations)
        st.selectbox(
            "Population (the source's wording)",
            populations,
            index=None,
            key=key("population"),
            accept_new_options=True,
            placeholder="choose or type, e.g. civilians",
        )
        common.show_problems(problems, "population")
        st.text_input("Location", key=key("location"))
        common.show_problems(problems, "location")
    with middle:
        terms = sorted(TERMS)
        state.setdefault(key("term"), "fled")
        st.selectbox("Term", terms, key=key("term"), on_change=_on_term)
        common.show_problems(problems, "term")
        state.setdefault(key("measure"), TERMS[state[key("term")]])
        st.radio(
            "Measure",
            ["flow", "stock"],
            key=key("measure"),
            horizontal=True,
            help="flow: people moving during a period; stock: a count at one moment",
        )
        common.show_problems(problems, "measure")
    with right:
        st.text_input(
            "Country (ISO 3166-1 alpha-3, e.g. SYR; empty for several)", key=key("country")
        )
        common.show_problems(problems, "country_iso3")
        st.radio("Unit", ["people", "households"], key=key("unit"), horizontal=True)
        common.show_problems(problems, "unit")
        if state.get(key("unit")) == "households":
            st.number_input(
                "People per household", min_value=0.0, value=None, key=key("household_size")
            )
        common.show_problems(problems, "household_size")

    st.subheader("How many")
    # The words fill the qualifier too, so it sits beside them; the bounds get a third of the
    # width each, wide enough for their numbers and their messages at 1024px.
    words, qualifier = st.columns([2.2, 1])
    with words:
        st.text_input(
            "In the source's words",
            key=key("words"),
            on_change=_on_words,
            placeholder="e.g. upward of 30,000 · tens of thousands · between 5,000 and 7,000",
        )
        if state.get(key("words_error")):
            st.error(common.escape_markdown(state[key("words_error")]))
    with qualifier:
        st.selectbox("Qualifier", QUALIFIERS, index=None, key=key("qualifier"))
    # Full width under the row: in the narrow column the list of qualifiers wrapped word by word.
    common.show_problems(problems, "qualifier")
    cols = st.columns(3)
    for column, bound in zip(cols, ("low", "best", "high"), strict=True):
        with column:
            st.number_input(
                bound,
                min_value=0.0,
                value=None,
                step=1.0,
                format="%.0f",
                key=key(bound),
                placeholder="open",
            )
            common.show_problems(problems, bound)

    st.subheader("When")
    st.text_input(
        "In words, counted from the publication date",
        key=key("period_words"),
        on_change=_on_period_words,
        placeholder="e.g. in the past week · since Monday · in March 2019",
    )
    if state.get(key("period_note")):
        # The note quotes the words typed: escaped.
        st.caption(common.escape_markdown(state[key("period_note")]))
    a, b, c = st.columns(3)
    with a:
        st.date_input("Period start", value=None, key=key("start"), min_value=date(1900, 1, 1))
        common.show_problems(problems, "period_start")
    with b:
        st.date_input(
            "Period end (a stock's date)", value=None, key=key("end"), min_value=date(1900, 1, 1)
        )
        common.show_problems(problems, "period_end")
    with c:
        st.selectbox(
            "Date precision",
            PRECISIONS,
            key=key("precision"),
            format_func=lambda p: p or "(no dates)",
        )
        common.show_problems(problems, "date_precision")

    st.subheader("How sure")
    state.setdefault(key("credibility"), FIGURE_START["credibility"])
    st.selectbox(
        "Credibility",
        list(CREDIBILITY_MEANING),
        key=key("credibility"),
        format_func=lambda c: f"{c} — {CREDIBILITY_MEANING[c]}",
    )
    common.show_problems(problems, "credibility")
    st.text_area(
        "Notes (how a date was resolved, what a number refers back to …)", key=key("notes")
    )
    common.show_problems(problems, "notes")

    st.button("Save the figure", type="primary", on_click=_save, key=key("save"))


if __name__ == "__main__":
    main()
