"""The Streamlit pages (one module per page) and what they share; thin layers over the library."""
