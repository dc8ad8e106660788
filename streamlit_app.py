"""The app's entry point: prepares the database, lets in who may see the tracker (signed in, where
the deployment's secrets configure sign-in), then navigates between the pages of tracker/ui that
the person may use.

Run it with `streamlit run streamlit_app.py`; on an empty database it loads figures/ first.
"""

import streamlit as st

from tracker.ui import common

# An emoji icon is drawn by the browser itself; a :material/…: page icon is fetched from Google's
# servers, and the app loads nothing from the internet.
st.set_page_config(page_title="Displacement figures tracker", page_icon="📈", layout="wide")
common.prepare()
common.admit()  # with sign-in configured, stops here for whoever may not see the tracker

pages = [
    st.Page(
        f"{common.PAGES}/charts_page.py",
        title="Charts",
        icon=":material/show_chart:",
        url_path="charts",
        default=True,
    ),
    st.Page(
        f"{common.PAGES}/entry_page.py",
        title="Enter a figure",
        icon=":material/edit_note:",
        url_path="enter",
    ),
    st.Page(
        f"{common.PAGES}/review_page.py",
        title="Review",
        icon=":material/fact_check:",
        url_path="review",
    ),
    st.Page(
        f"{common.PAGES}/sources_page.py",
        title="Sources",
        icon=":material/library_books:",
        url_path="sources",
    ),
    st.Page(
        f"{common.PAGES}/history_page.py",
        title="History",
        icon=":material/history:",
        url_path="history",
    ),
    # /figure?id=12: one figure, to read and change; the other pages link their rows to it.
    st.Page(
        f"{common.PAGES}/figure_page.py",
        title="Figure",
        icon=":material/description:",
        url_path="figure",
    ),
]
# A page that writes is listed, and opens, only for those who may make its writes.
page = st.navigation([p for p in pages if common.may_open(p)])
common.sidebar()
page.run()
