"""The app's entry point: prepares the database, then navigates between the pages of tracker/ui.

Run it with `streamlit run streamlit_app.py`; on an empty database it loads figures/ first.
"""

import streamlit as st

from tracker.ui import common

st.set_page_config(
    page_title="Displacement figures tracker", page_icon=":material/show_chart:", layout="wide"
)
common.prepare()

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
]
page = st.navigation(pages)
common.sidebar()
page.run()
