"""Readers: the text of a document (plain text, Markdown, HTML, PDF, Word .docx, or an http(s)
link) and what the document says of itself (title, publisher, date), for the extractor and to
prefill the source.

Each format is read by a well-kept library: trafilatura for the main text of web pages (menus,
boilerplate and comments left out), pdfminer.six for PDFs (its layout analysis keeps the reading
order of columns), python-docx for .docx. Only what those libraries leave is done here: running
headers, footers and page numbers of a PDF are dropped, and words hyphenated across lines joined.
"""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import docx
import lxml.html
import trafilatura
from docx.table import Table
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSException
from pdfminer.utils import decode_text

# The largest document read, file or link: far more than a situation report needs.
MAX_BYTES = 25 << 20
FETCH_TIMEOUT = 20.0  # seconds to connect, and between bytes received
USER_AGENT = "tracker (displacement figures tracker; document reader)"

# Kinds of document, by file name ending and by the content type a server names.
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx",
}  # fmt: skip
CONTENT_TYPES: dict[str, str] = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
KINDS = ("text", "markdown", "html", "pdf", "docx")


class DocumentError(ValueError):
    """A document that cannot be read: the message says which, why, and what would be read."""


@dataclass(frozen=True)
class Document:
    """A document's text and what it says of itself; None where it says nothing."""

    text: str
    kind: str  # one of KINDS
    title: str | None = None
    publisher: str | None = None
    published_on: date | None = None
    url: str | None = None
    pages: int | None = None  # PDF pages read

    def source(self) -> dict:
        """The source fields this document prefills (extract column names), empty ones left out."""
        values = {
            "source_title": self.title, "source_publisher": self.publisher,
            "source_url": self.url, "source_published_on": self.published_on,
        }  # fmt: skip
        return {k: v for k, v in values.items() if v}


# --- kinds --------------------------------------------------------------------------------------

_LOOKS_LIKE_HTML = re.compile(
    rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<(?:p|div|article)\b)", re.IGNORECASE
)


def kind_of(data: bytes, name: str = "", content_type: str | None = None) -> str:
    """The kind of a document, by its first bytes, its name and the content type given for it."""
    if data[:5] == b"%PDF-":
        return "pdf"
    suffix = Path(urllib.parse.urlparse(name).path).suffix.lower()
    if data[:2] == b"PK" and suffix == ".docx":
        return "docx"
    if content_type:
        kind = CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())
        if kind in ("pdf", "docx") and data[:5] != b"%PDF-" and data[:2] != b"PK":
            kind = None  # the server said one thing and sent another
        if kind:
            return kind
    if suffix in SUFFIXES and SUFFIXES[suffix] not in ("pdf", "docx"):
        return "html" if _LOOKS_LIKE_HTML.match(data[:1000]) else SUFFIXES[suffix]
    if data[:2] == b"PK" and b"word/" in data[:2000]:
        return "docx"
    if _LOOKS_LIKE_HTML.match(data[:1000]):
        return "html"
    return "text"


def read_bytes(
    data: bytes, name: str = "", content_type: str | None = None, url: str | None = None
) -> Document:
    """Read a document given as bytes (an upload, a fetched page); `name` is its file name."""
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"{name or 'the document'} is {len(data) >> 20} MiB; documents of at most "
            f"{MAX_BYTES >> 20} MiB are read"
        )
    kind = kind_of(data, name, content_type)
    if kind == "pdf":
        doc = pdf_document(data, name)
    elif kind == "docx":
        doc = docx_document(data, name)
    elif kind == "html":
        doc = html_document(_decode(data, content_type), url)
    elif kind == "markdown":
        doc = markdown_document(_decode(data, content_type))
    else:
        doc = Document(_decode(data, content_type), "text")
    return replace(doc, url=doc.url or url)


def read_file(path: str | Path) -> Document:
    """Read a document from a file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{path} is a folder; name a file") from None
    except OSError as error:
        raise DocumentError(f"{path}: cannot be read ({error.strerror or error})") from None
    return read_bytes(data, path.name)


def is_link(text: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", text.strip(), re.IGNORECASE))


def read(file_or_url: str) -> Document:
    """Read a file, or fetch an http(s) link (anything written as scheme://…)."""
    if is_link(file_or_url):
        return fetch(file_or_url)
    return read_file(file_or_url)


def _decode(data: bytes, content_type: str | None = None) -> str:
    charset = None
    if content_type:
        m = re.search(r"charset=([\w.-]+)", content_type, re.IGNORECASE)
        charset = m.group(1) if m else None
    if data.startswith(b"\xef\xbb\xbf"):
        data, charset = data[3:], "utf-8"
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        charset = "utf-16"
    try:
        return data.decode(charset or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return data.decode("utf-8", errors="replace")


# --- HTML ---------------------------------------------------------------------------------------


def html_document(page: str, url: str | None = None) -> Document:
    """The main text of a web page (trafilatura: menus, boilerplate and comments left out), with
    the page's own title, site name and date from its metadata."""
    found = None
    if page.strip():
        found = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=True,
            # The page's own date from its metadata, not a date guessed from the text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )  # fmt: skip
    text = found.text if found is not None and found.text else html_to_text(page)
    meta = found if found is not None else None
    published = _iso_day(getattr(meta, "date", None))
    return Document(
        _paragraphs(text), "html",
        title=_clean(getattr(meta, "title", None)) or _html_title(page),
        publisher=_clean(getattr(meta, "sitename", None)), published_on=published, url=url,
    )  # fmt: skip


def html_to_text(page: str) -> str:
    """All visible text of an HTML page or fragment, paragraphs separated by blank lines (for a
    page whose main text trafilatura cannot single out, such as a fragment)."""
    if not page.strip():
        return ""
    try:
        tree = lxml.html.fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for block in tree.xpath(
        "//p|//div|//br|//li|//tr|//h1|//h2|//h3|//h4|//h5|//h6|//blockquote|//section|"
        "//article|//table|//pre|//dt|//dd"
    ):
        block.tail = "\n\n" + (block.tail or "")
    return _paragraphs(tree.text_content())


def _html_title(page: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", page[:20_000], re.IGNORECASE | re.DOTALL)
    return (
        _clean(lxml.html.fromstring(m.group(1)).text_content())
        if m and m.group(1).strip()
        else None
    )


def _paragraphs(text: str) -> str:
    """One paragraph per line of the reader's output, separated by blank lines, spacing
    normalised: the extractor never joins two paragraphs into one sentence."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n", text or ""))
    return "\n\n".join(p for p in paragraphs if p)


def _clean(value) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _iso_day(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# --- Markdown -----------------------------------------------------------------------------------

_MARKDOWN = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images → their alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links → their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE), ""),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # quotes
)
_MARKDOWN_TITLE = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def markdown_document(raw: str) -> Document:
    """Markdown with its marks taken off; its title is its first level-one heading."""
    title = _MARKDOWN_TITLE.search(raw)
    return Document(
        markdown_to_text(raw), "markdown", title=_clean(title.group(1)) if title else None
    )


def markdown_to_text(raw: str) -> str:
    for pattern, replacement in _MARKDOWN:
        raw = pattern.sub(replacement, raw)
    return raw


def document_text(raw: str, filename: str) -> str:
    """Plain text of a document given as text: HTML (by name or content) → its main text;
    Markdown without its marks; anything else as is."""
    return read_bytes(raw.encode("utf-8"), filename).text


# --- PDF ----------------------------------------------------------------------------------------

# What counts as the top or bottom margin of a page, as a share of its height: running headers,
# footers and page numbers stand there.
MARGIN = 0.1
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:/|of)\s*\d{1,4})?$|^[ivxlc]{1,6}$",
    re.IGNORECASE,
)
_HYPHENATED = re.compile(r"(?<=[a-zà-ÿ])[-‐]\s*\n\s*(?=[a-zà-ÿ])")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


@dataclass
class _Line:
    page: int
    text: str
    top: float  # distance from the top of the page, as a share of its height
    box: int  # which text box of the page (pdfminer's reading order)


def pdf_document(data: bytes, name: str = "") -> Document:
    """The text of a PDF in reading order (pdfminer.six's layout analysis, which follows columns),
    without running headers, footers and page numbers, words hyphenated across lines joined; its
    title, author and date from the PDF's metadata."""
    try:
        lines, pages = _pdf_lines(data)
        meta = _pdf_metadata(data)
    except (PSException, ValueError, KeyError, TypeError, AssertionError) as error:
        raise DocumentError(
            f"{name or 'the document'} is not a readable PDF ({type(error).__name__}: {error})"
        ) from None
    repeated = _running_lines(lines, pages)
    boxes: list[list[str]] = []
    last = None
    for line in lines:
        if _in_margin(line) and (_norm(line.text) in repeated or _PAGE_NUMBER.match(line.text)):
            continue
        if (line.page, line.box) != last:
            boxes.append([])
            last = (line.page, line.box)
        boxes[-1].append(line.text)
    paragraphs: list[str] = []
    for box in boxes:
        text = _HYPHENATED.sub("", "\n".join(box))
        text = " ".join(text.split())
        if not text:
            continue
        # A paragraph that runs on into the next column or page: no sentence ends between them.
        if paragraphs and not _SENTENCE_END.search(paragraphs[-1]) and text[:1].islower():
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    text = "\n\n".join(paragraphs)
    if not text.strip() and pages:
        raise DocumentError(
            f"{name or 'the PDF'} has no text to read (a scanned image?); run it through OCR first"
        )
    return Document(text, "pdf", pages=pages, **meta)


def _pdf_lines(data: bytes) -> tuple[list[_Line], int]:
    lines: list[_Line] = []
    pages = 0
    for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams())):
        pages += 1
        height = page.height or 1.0
        boxes = [e for e in page if isinstance(e, LTTextContainer)]
        for box, element in enumerate(_columns(boxes, page.x0, page.x1)):
            for line in element:
                if isinstance(line, LTTextLine):
                    text = line.get_text().strip()
                    if text:
                        lines.append(_Line(number, text, (page.y1 - line.y1) / height, box))
    return lines, pages


def _columns(boxes: list, left: float, right: float) -> list:
    """Text boxes in reading order: down the page in bands split by boxes that span the page
    (a title, a full-width table), each band's left column read before its right column."""
    middle = (left + right) / 2
    slack = (right - left) * 0.02
    ordered, band = [], []

    def close_band() -> None:
        band.sort(key=lambda b: (b.x0 >= middle - slack, -b.y1))
        ordered.extend(band)
        band.clear()

    for box in sorted(boxes, key=lambda b: -b.y1):
        spans_page = box.x0 < middle - slack and box.x1 > middle + slack
        if spans_page:
            close_band()
            ordered.append(box)
        else:
            band.append(box)
    close_band()
    return ordered


def _in_margin(line: _Line) -> bool:
    return line.top < MARGIN or line.top > 1 - MARGIN - 0.02


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _running_lines(lines: list[_Line], pages: int) -> set[str]:
    """Lines in the margins found on at least two pages and half of them (digits aside, so that
    "Page 3" and "Page 4" are one line): running headers and footers."""
    if pages < 2:
        return set()
    seen = {(_norm(line.text), line.page) for line in lines if _in_margin(line)}
    on_pages = Counter(text for text, _ in seen)
    return {text for text, count in on_pages.items() if count >= max(2, pages / 2)}


def _pdf_metadata(data: bytes) -> dict:
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info = document.info[0] if document.info else {}

    def field(key: str) -> str | None:
        value = resolve1(info.get(key))
        if isinstance(value, bytes):
            value = decode_text(value)
        return _clean(value) if isinstance(value, str) else None

    return {
        "title": field("Title"),
        "publisher": field("Author"),
        "published_on": _pdf_date(field("CreationDate")),
    }


def _pdf_date(value: str | None) -> date | None:
    """A PDF date ("D:20190322101500+01'00'") → its day."""
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


# --- Word .docx ---------------------------------------------------------------------------------


def docx_document(data: bytes, name: str = "") -> Document:
    """The paragraphs and table cells of a .docx (python-docx), in document order; its title,
    author and creation date from the file's properties. Headers and footers are left out."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (ValueError, KeyError) as error:
        raise DocumentError(f"{name or 'the document'} is not a readable .docx ({error})") from None
    except Exception as error:  # noqa: BLE001 - zipfile and lxml raise many kinds for a bad file
        if type(error).__module__.startswith(("zipfile", "lxml", "docx")):
            raise DocumentError(
                f"{name or 'the document'} is not a readable .docx ({error})"
            ) from None
        raise
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                paragraphs.extend(cells)
        else:
            paragraphs.append(block.text)
    props = document.core_properties
    created = props.created
    return Document(
        "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip()), "docx",
        title=_clean(props.title), publisher=_clean(props.author),
        published_on=created.date() if isinstance(created, datetime) else None,
    )  # fmt: skip


# --- links --------------------------------------------------------------------------------------


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlparse(newurl).scheme.lower() not in ("http", "https"):
            raise DocumentError(
                f"{req.full_url} redirects to {newurl}; only http and https links are read"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def fetch(url: str, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_BYTES) -> Document:
    """Fetch an http(s) link and read it: at most `max_bytes`, `timeout` seconds without an
    answer, and only the content types of CONTENT_TYPES. Raises DocumentError in one line."""
    url = url.strip()
    parts = urllib.parse.urlparse(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise DocumentError(f"{url}: only http and https links are read (https://…)")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(CONTENT_TYPES)}
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            bare = content_type.split(";")[0].strip().lower()
            if bare and bare not in CONTENT_TYPES:
                raise DocumentError(
                    f"{url} is {bare}, not a document the tracker reads (web pages, PDF, Word "
                    ".docx, plain text or Markdown)"
                )
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise DocumentError(_too_large(url, max_bytes))
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise DocumentError(_too_large(url, max_bytes))
            final = response.geturl()
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:  # urllib refuses a redirect to file: or data: itself
            raise DocumentError(
                f"{url} redirects to a link that is not http or https; only http and https "
                "links are read"
            ) from None
        raise DocumentError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, DocumentError):
            raise reason from None
        raise DocumentError(
            f"cannot reach {parts.hostname}: {reason}; check the link and the network connection"
        ) from None
    except TimeoutError:
        raise DocumentError(
            f"{url}: no answer within {timeout:g} seconds; try again later"
        ) from None
    except (ConnectionError, OSError) as error:
        raise DocumentError(
            f"cannot reach {parts.hostname}: {error}; check the link and the network connection"
        ) from None
    name = Path(urllib.parse.urlparse(final).path).name
    return read_bytes(data, name, content_type or None, url=final)


def _too_large(url: str, max_bytes: int) -> str:
    return f"{url} is larger than {max_bytes >> 20} MiB, the most the tracker reads"
