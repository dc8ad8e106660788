"""Readers on real files: PDFs and .docx made here from the seed article in more than one layout,
web pages served by a server on loopback, and the faults of links; from each document the seed's
three figures and none of its other numbers."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from datetime import date
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, SimpleDocTemplate

from tracker.documents import DocumentError, document_text, fetch, read, read_bytes, read_file
from tracker.extract import extract

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_5e049728476cadbf.txt"
PUBLISHED = date(2019, 3, 22)
SEED_SPANS = ["tens of thousands", "upward of 30,000", "5,000"]
TITLE = "Islamic State Loses Caliphate in Syria"


def seed_paragraphs() -> list[str]:
    return [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()][1:]


def spans(text: str) -> list[str]:
    return [c.span for c in extract(text, PUBLISHED)]


# --- making the files ---------------------------------------------------------------------------


def one_column_pdf(path: Path) -> Path:
    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=TITLE, author="Seed News")
    doc.build([Paragraph(TITLE, styles["Title"])] + [Paragraph(p, styles["BodyText"]) for p in seed_paragraphs()])  # fmt: skip
    return path


def two_column_pdf(path: Path) -> Path:
    """Two columns of small type over three pages or more, a running header and page numbers."""
    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("small", fontSize=8, leading=10)
    width, height = A4
    margin, gap = 50, 20
    column = (width - 2 * margin - gap) / 2
    frames = [
        Frame(margin, margin, column, height / 8, id="left"),
        Frame(margin + column + gap, margin, column, height / 8, id="right"),
    ]

    def furniture(c: canvas.Canvas, doc) -> None:
        c.setFont("Helvetica", 8)
        c.drawString(margin, height - 30, "Syria situation report · Seed News · March 2019")
        c.drawRightString(width - margin, 25, f"Page {doc.page}")

    doc = BaseDocTemplate(str(path), pagesize=A4, title=TITLE, author="Seed News")
    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=furniture)])
    doc.build([Paragraph(p, body) for p in seed_paragraphs()])
    return path


def hyphenated_pdf(path: Path) -> Path:
    """Lines drawn one by one, a word broken across two lines with a hyphen."""
    c = canvas.Canvas(str(path), pagesize=A4)
    lines = [
        "In all, upward of 30,000 civil-",
        "ians, mostly family members of IS fighters, have fled Baghuz since the offen-",
        "sive began, 5,000 in just the past week.",
    ]
    y = 700
    for line in lines:
        c.drawString(72, y, line)
        y -= 14
    c.showPage()
    c.save()
    return path


def seed_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.author = "Seed News"
    document.sections[0].header.paragraphs[0].text = "Seed News · page header 2019"
    document.add_heading(TITLE, level=1)
    paragraphs = seed_paragraphs()
    for p in paragraphs[:-3]:
        document.add_paragraph(p)
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].text = paragraphs[-3]
    for p in paragraphs[-2:]:
        document.add_paragraph(p)
    document.save(str(path))
    return path


def seed_page() -> str:
    """A news page as saved from a browser: a menu, the article, comments and a footer with
    numbers of their own that are no figures of the article."""
    body = "\n".join(f"<p>{p}</p>" for p in seed_paragraphs())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE} | Seed News</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Seed News">
<meta property="article:published_time" content="2019-03-22T09:00:00Z">
<script>var views = 250000;</script></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/top">Top 10 stories</a></li><li><a href="/more">3,000 more stories</a></li></ul></nav></header>
<main><article><h1>{TITLE}</h1><p class="byline">By Seed News staff, March 22, 2019</p>
{body}
</article>
<section id="comments" class="comments"><h2>12 comments</h2>
<div class="comment"><p>I heard 2,000 people left the town yesterday, nobody reports it.</p></div>
<div class="comment"><p>At least 400 families were still there last week, my cousin says.</p></div>
</section></main>
<footer><p>© 2019 Seed News. 1,500 journalists in 120 countries.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("documents")
    (folder / "seed.html").write_text(seed_page(), encoding="utf-8")
    return {
        "one_column.pdf": one_column_pdf(folder / "one_column.pdf"),
        "two_columns.pdf": two_column_pdf(folder / "two_columns.pdf"),
        "hyphenated.pdf": hyphenated_pdf(folder / "hyphenated.pdf"),
        "seed.docx": seed_docx(folder / "seed.docx"),
        "seed.html": folder / "seed.html",
        "seed.txt": SEED,
    }


# --- files --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["one_column.pdf", "two_columns.pdf", "seed.docx", "seed.html", "seed.txt"]
)
def test_each_layout_gives_the_three_figures_and_no_other_number(files, name):
    doc = read_file(files[name])
    assert spans(doc.text) == SEED_SPANS


def test_two_columns_keep_reading_order_and_drop_header_and_page_numbers(files):
    doc = read_file(files["two_columns.pdf"])
    assert doc.pages >= 3
    assert "Syria situation report" not in doc.text
    assert "Page 1" not in doc.text and "Page 2" not in doc.text
    # The paragraphs come in the article's order.
    positions = [doc.text.find(p[:40]) for p in seed_paragraphs()]
    assert -1 not in positions and positions == sorted(positions)
    # The figure sentence is whole, with its population and periods.
    fled = [c for c in extract(doc.text, PUBLISHED) if c.span == "upward of 30,000"][0]
    assert (fled.population, fled.term, fled.period_text) == (
        "civilians", "fled", "since the offensive began",
    )  # fmt: skip


def test_words_hyphenated_across_lines_are_joined(files):
    doc = read_file(files["hyphenated.pdf"])
    assert "civilians, mostly" in doc.text and "offensive began" in doc.text
    first = extract(doc.text, PUBLISHED)[0]
    assert (first.span, first.population, first.period_text) == (
        "upward of 30,000", "civilians", "since the offensive began",
    )  # fmt: skip


@pytest.mark.parametrize("name", ["one_column.pdf", "two_columns.pdf", "seed.docx"])
def test_pdf_and_docx_metadata_prefill_the_source(files, name):
    doc = read_file(files[name])
    assert (doc.title, doc.publisher) == (TITLE, "Seed News")
    assert isinstance(doc.published_on, date)
    assert doc.source()["source_title"] == TITLE


def test_docx_leaves_its_header_out_and_reads_tables(files):
    doc = read_file(files["seed.docx"])
    assert "page header" not in doc.text
    assert "We don't know how many more women" in doc.text


def test_web_page_main_text_without_menu_comments_or_footer(files):
    doc = read_file(files["seed.html"])
    assert (doc.title, doc.publisher, doc.published_on) == (TITLE, "Seed News", PUBLISHED)
    for noise in ("3,000 more stories", "2,000 people left", "400 families", "1,500 journalists"):
        assert noise not in doc.text


@pytest.mark.parametrize(
    ("raw", "filename", "expected"),
    [
        ("<p>5,000 people fled.</p>", "report.html", "5,000 people fled."),
        ("<!DOCTYPE html><p>5,000 fled</p>", "report.txt", "5,000 fled"),
        ("**5,000** people [fled](http://x.org) *Baghuz*", "notes.md", "5,000 people fled Baghuz"),
        ("# Title\n5,000 people", "notes.md", "Title\n5,000 people"),
        ("5 < 7 *as is*", "notes.txt", "5 < 7 *as is*"),
    ],
)
def test_document_text(raw, filename, expected):
    assert document_text(raw, filename) == expected


def test_markdown_title_is_its_first_heading():
    doc = read_bytes(b"# Flash update 3\n\n5,000 people fled.", "update.md")
    assert (doc.kind, doc.title) == ("markdown", "Flash update 3")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.4 not really a pdf", "broken.pdf", "is not a readable PDF"),
        (b"PK\x03\x04 not really a docx", "broken.docx", "is not a readable .docx"),
    ],
)
def test_broken_files_are_one_clear_error(data, name, message):
    with pytest.raises(DocumentError, match=message):
        read_bytes(data, name)


def test_a_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read(str(tmp_path / "nothing.pdf"))


# --- links, from a server on loopback -----------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        ".html": "text/html; charset=utf-8", ".pdf": "application/pdf", ".zip": "application/zip",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".txt": "text/plain; charset=utf-8",
    }  # fmt: skip

    def do_GET(self):
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path == "/slow":
            threading.Event().wait(2)
        super().do_GET()

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that stops reading at its size limit closes the connection early


@pytest.fixture(scope="module")
def server(files):
    folder = files["seed.html"].parent
    (folder / "archive.zip").write_bytes(b"PK\x03\x04")
    handler = functools.partial(_Handler, directory=str(folder))
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("name", ["seed.html", "two_columns.pdf", "seed.docx"])
def test_links_are_fetched_and_read(server, name):
    doc = read(f"{server}/{name}")
    assert spans(doc.text) == SEED_SPANS
    assert doc.url == f"{server}/{name}"
    assert doc.source()["source_url"] == doc.url


@pytest.mark.parametrize(
    ("path", "kwargs", "message"),
    [
        ("/archive.zip", {}, "is application/zip, not a document the tracker reads"),
        ("/nothing.html", {}, "the server answered 404"),
        ("/two_columns.pdf", {"max_bytes": 1000}, "larger than"),
        ("/to-file", {}, "only http and https"),
        ("/slow", {"timeout": 0.3}, "no answer within|cannot reach"),
    ],
)
def test_link_faults_are_one_clear_line(server, path, kwargs, message):
    with pytest.raises(DocumentError, match=message) as raised:
        fetch(server + path, **kwargs)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("link", ["ftp://example.org/report.pdf", "file:///etc/passwd"])
def test_only_http_and_https_links(link):
    with pytest.raises(DocumentError, match="only http and https"):
        read(link)


def test_an_unreachable_network_is_one_line():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once closed
    with pytest.raises(DocumentError, match=r"^cannot reach 127\.0\.0\.1: .*network connection$"):
        fetch(f"http://127.0.0.1:{port}/report.html")


def test_review_page_reads_a_link_and_prefills_the_source(server, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tracker import storage
    from tracker.store import FigureFilter, count_figures

    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_USER", "tester")
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    at.switch_page("tracker/ui/review_page.py").run()
    at.text_input(key="review_link").input(f"{server}/seed.html").run()
    at.button(key="review_read").click().run()
    assert not at.exception and not at.error
    assert at.text_input(key="review_src_title").value == TITLE
    assert at.text_input(key="review_src_publisher").value == "Seed News"
    assert at.date_input(key="review_src_published").value == PUBLISHED
    at.text_input(key="review_src_title").input("Islamic State Loses Caliphate (corrected)").run()
    at.button(key="review_find").click().run()
    assert not at.exception
    engine = storage.engine_for(url)
    assert count_figures(engine, FigureFilter(statuses=("candidate",))) == 3
