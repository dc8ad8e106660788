"""Bad input gets a clear message naming where it is, or the right value: from the form, the
`tracker add` options and CSV extracts alike (reader, header, cells, escape, standard input)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import csvformat, storage
from tracker.actions import add_figure, import_extract
from tracker.analysis import CONSENSUS_HXL
from tracker.cli import main
from tracker.csvformat import (
    BLOCK_BYTES,
    ExtractImportError,
    escape_cell,
    escape_sql,
    unescape,
    write_rows,
)
from tracker.estimate import MAX_COUNT
from tracker.store import count_figures, write_extract
from tracker.validation import MAX_LENGTH, ValidationError

from .conftest import _new_pg_database

FIGURE = {
    "quote": "5,000 in just the past week",
    "population": "civilians",
    "term": "fled",
    "measure": "flow",
    "location": "Baghuz",
    "country_iso3": "SYR",
    "period_start": date(2019, 3, 16),
    "period_end": date(2019, 3, 22),
    "date_precision": "day",
    "low": 5000.0,
    "best": 5000.0,
    "high": 5000.0,
    "qualifier": "exact",
    "source_title": "Islamic State Loses Caliphate in Syria",
    "source_kind": "news",
}


def extract_of(engine) -> str:
    out = io.StringIO()
    write_extract(engine, out)
    return out.getvalue()


def one_row_file(engine, tmp_path) -> tuple[str, str]:
    """The header and the row (without figure_id) of an extract of FIGURE."""
    add_figure(engine, FIGURE, by="a")
    header, row = extract_of(engine).splitlines()
    return header, row.removeprefix("1")


def refused(engine, path) -> list[str]:
    before = count_figures(engine)
    with pytest.raises(ExtractImportError) as caught:
        import_extract(engine, path, by="x")
    assert count_figures(engine) == before
    return caught.value.problems


def add_args(url: str, *more: str) -> list[str]:
    return ["--db", url, "add", "--quote", "5,000 in just the past week", "--population",
            "civilians", "--term", "fled", "--source-title", "A report", *more]  # fmt: skip


# --- what validation refuses, from the form and the file alike ---------------------------------


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        # counts above ten billion are slips of typing or reading
        ({"low": 1e300, "best": 1e300, "high": 1e300}, "best", "at most 10,000,000,000"),
        ({"high": 2e10, "qualifier": "between"}, "high", "at most 10,000,000,000"),
        # a household of 500 people is a mistake
        ({"unit": "households", "household_size": 500.0}, "household_size", "at most 100 people"),
        # control characters: NUL cannot even be stored on PostgreSQL
        ({"quote": "5,000\x00 fled"}, "quote", "control character U+0000"),
        ({"notes": "see\x07 the bell"}, "notes", "control character U+0007"),
        ({"quote": "form\x0cfeed"}, "quote", "control character U+000C"),
        ({"population": "civil\x00ians"}, "population", "control character U+0000"),
        ({"source_url": "https://example.org/\x00"}, "source_url", "control character U+0000"),
        ({"source_title": "title\x1b[31m"}, "source_title", "control character U+001B"),
        # lengths: each field names its maximum
        ({"quote": "x" * 20_001}, "quote", "is 20,001 characters long; it may hold at most 20,000"),
        ({"notes": "n" * 25_000}, "notes", "it may hold at most 20,000"),
        ({"population": "p" * 301}, "population", "it may hold at most 300"),
        ({"location": "l" * 301}, "location", "it may hold at most 300"),
        ({"source_title": "t" * 1_001}, "source_title", "it may hold at most 1,000"),
        ({"source_url": "https://x.org/" + "u" * 2_000}, "source_url", "at most 2,000"),
        # a country code is still a real one, whatever its case
        ({"country_iso3": "xyz"}, "country_iso3", "ISO 3166-1 alpha-3"),
    ],
)
def test_bad_values_are_refused_naming_the_field(sqlite_engine, change, field, words):
    with pytest.raises(ValidationError) as caught:
        add_figure(sqlite_engine, {**FIGURE, **change}, by="a")
    assert any(p.column == field and words in p.message for p in caught.value.problems), (
        caught.value
    )
    assert count_figures(sqlite_engine) == 0


@pytest.mark.parametrize(
    ("change", "column", "stored"),
    [
        ({"country_iso3": "syr"}, "country_iso3", "SYR"),
        ({"country_iso3": " Syr "}, "country_iso3", "SYR"),
        ({"quote": "x" * 20_000}, "quote", "x" * 20_000),
        ({"quote": "tab\there,\nnew line\r\n"}, "quote", "tab\there,\nnew line\r\n"),
        ({"low": MAX_COUNT, "best": MAX_COUNT, "high": MAX_COUNT}, "best", str(MAX_COUNT)),
        ({"unit": "households", "household_size": 100.0}, "household_size", "100"),
    ],
)
def test_values_at_the_limits_are_stored(sqlite_engine, change, column, stored):
    add_figure(sqlite_engine, {**FIGURE, **change}, by="a")
    row = next(iter(pd.read_csv(io.StringIO(extract_of(sqlite_engine)), dtype=str,
                                keep_default_na=False).itertuples()))  # fmt: skip
    assert getattr(row, column) == stored


def test_every_text_at_its_maximum_length_is_stored_on_both_backends(engine):
    """Four-byte characters at every maximum still fit the unique keys of sources and series."""
    wide = "\U0001f600"
    values = {**FIGURE, **{c: wide * n for c, n in MAX_LENGTH.items() if c != "source_url"},
              "source_url": "https://example.org/" + "a" * (MAX_LENGTH["source_url"] - 20)}  # fmt: skip
    add_figure(engine, values, by=wide * MAX_LENGTH["created_by"])
    assert count_figures(engine) == 1


def test_add_takes_a_lower_case_country_and_refuses_huge_bounds(sqlite_url):
    runner = CliRunner()
    runner.invoke(main, ["--db", sqlite_url, "init", "--empty"])
    added = runner.invoke(main, add_args(sqlite_url, "--estimate", "5,000", "--country", "syr"))
    assert added.exit_code == 0, added.output
    exported = runner.invoke(main, ["--db", sqlite_url, "export"])
    assert ",SYR," in exported.output
    huge = runner.invoke(main, add_args(sqlite_url, "--low", "1e300", "--best", "1e300",
                                        "--high", "1e300", "--qualifier", "exact"))  # fmt: skip
    assert huge.exit_code == 1
    assert "low: must be at most 10,000,000,000" in huge.output
    words = runner.invoke(
        main, add_args(sqlite_url, "--estimate", "10,000,000,000,000,000,000,000")
    )
    assert words.exit_code == 1 and "10,000,000,000" in words.output


def test_lower_case_country_codes_in_a_file_are_stored_upper_case(sqlite_engine, tmp_path):
    header, row = one_row_file(sqlite_engine, tmp_path)
    path = tmp_path / "lower.csv"
    path.write_text(
        header + "\n" + row.replace(",SYR,", ", syr ,").replace("past week", "day") + "\n"
    )
    import_extract(sqlite_engine, path, by="x")
    assert [line.split(",")[2] for line in extract_of(sqlite_engine).splitlines()[1:]] == [
        "SYR",
        "SYR",
    ]


# --- reading extracts --------------------------------------------------------------------------

N = len(csvformat.COLUMNS)  # cells of a row of the extract


@pytest.mark.parametrize(
    ("mangle", "problem"),
    [
        # a row that lost its last cells: pandas alone would fill them with empties
        (lambda row: row.rsplit(",", 1)[0], f"line 3: {N - 1} cells where the header has {N}"),
        (lambda row: row.rsplit(",", 5)[0], f"line 3: {N - 5} cells where the header has {N}"),
        (lambda row: row + ",extra", f"line 3: {N + 1} cells where the header has {N}"),
        (lambda row: "just one cell", f"line 3: 1 cell where the header has {N}"),
    ],
)
def test_a_row_with_more_or_fewer_cells_than_the_header_is_refused(
    sqlite_engine, tmp_path, mangle, problem
):
    header, row = one_row_file(sqlite_engine, tmp_path)
    path = tmp_path / "ragged.csv"
    path.write_text("\n".join([header, row, mangle(row), row]) + "\n")
    assert refused(sqlite_engine, path) == [problem]


def test_short_rows_are_found_in_any_chunk_with_their_lines(sqlite_engine, tmp_path):
    header, row = one_row_file(sqlite_engine, tmp_path)
    # Rows of 15,000 characters, so that a few thousand fill more than one block of the reader;
    # a quoted cell over two lines moves the lines of the rows after it.
    wide = row.replace("in just the past week", "x" * 15_000)
    multiline = row.replace("in just", "in\njust")
    rows = [wide] * 1_200 + [multiline] + [wide] * 10 + [row.rsplit(",", 2)[0]]
    path = tmp_path / "long.csv"
    path.write_text("\n".join([header, *rows]) + "\n")
    assert path.stat().st_size > BLOCK_BYTES
    assert refused(sqlite_engine, path) == [f"line 1214: {N - 2} cells where the header has {N}"]


def test_a_quotation_mark_left_open_is_named(sqlite_engine, tmp_path):
    header, row = one_row_file(sqlite_engine, tmp_path)
    path = tmp_path / "open.csv"
    unclosed = row.replace('past week"', "past week")
    path.write_text("\n".join([header, row, unclosed, row, row]) + "\n")
    problem = refused(sqlite_engine, path)[0]
    assert problem.startswith("line 3: ")
    assert "(the record runs on to line 4: is a quotation mark left open?)" in problem


def test_blank_lines_do_not_move_the_lines_reported(sqlite_engine, tmp_path):
    header, row = one_row_file(sqlite_engine, tmp_path)
    bad = row.replace(",fled,", ",vanished,")
    path = tmp_path / "blank.csv"
    path.write_text("\n".join([header, row, "", "", row, bad]) + "\n")
    [problem] = refused(sqlite_engine, path)
    assert problem.startswith("line 6, column term: 'vanished' is not a known term")


def test_a_quote_too_long_is_reported_on_its_own_line(sqlite_engine, tmp_path):
    header, row = one_row_file(sqlite_engine, tmp_path)
    long_quote = "x" * 200_000
    path = tmp_path / "long_quote.csv"
    path.write_text(
        "\n".join([header, row, row.replace("5,000 in just the past week", long_quote), row]) + "\n"
    )
    assert refused(sqlite_engine, path) == [
        "line 3, column quote: is 200,000 characters long; it may hold at most 20,000"
    ]


def test_a_record_longer_than_the_reader_takes_is_named(sqlite_engine, tmp_path, monkeypatch):
    monkeypatch.setattr(csvformat, "BLOCK_BYTES", 1 << 20)  # 1 MiB, so the file stays small
    header, row = one_row_file(sqlite_engine, tmp_path)
    path = tmp_path / "huge.csv"
    huge = row.replace("5,000 in just the past week", "x" * (3 << 20))
    path.write_text("\n".join([header, row, huge, row]) + "\n")
    assert refused(sqlite_engine, path) == [
        "line 3: the record is longer than 1 MiB, far more than a row of an extract holds; "
        "is a quotation mark left open?"
    ]


@pytest.mark.parametrize(
    ("separator", "word"), [(";", "semicolons"), ("\t", "tabs")]
)  # fmt: skip
def test_a_file_separated_by_semicolons_or_tabs_gets_a_hint(
    sqlite_engine, tmp_path, separator, word
):
    header, row = one_row_file(sqlite_engine, tmp_path)
    path = tmp_path / "semicolons.csv"
    path.write_text(header.replace(",", separator) + "\n" + row.replace(",", separator) + "\n")
    [problem] = refused(sqlite_engine, path)
    assert problem.startswith(f"line 1: the file seems to be separated by {word}")
    assert "uses commas" in problem


@pytest.mark.parametrize(
    ("encode", "problem"),
    [
        # Latin-1 (a spreadsheet's "CSV" on some systems): the é of café on line 3, in quote
        (lambda text: text.encode("latin-1"), "line 3, column quote: byte 0xE9 is not UTF-8"),
        (lambda text: text.encode("cp1252"), "line 3, column quote: byte 0xE9 is not UTF-8"),
        (lambda text: text.encode("utf-16"), "line 1: the file is UTF-16 text, not UTF-8"),
    ],
)
def test_a_file_that_is_not_utf8_is_reported_by_line(sqlite_engine, tmp_path, encode, problem):
    header, row = one_row_file(sqlite_engine, tmp_path)
    cafe = row.replace("5,000 in just the past week", "5,000 reached the café")
    path = tmp_path / "latin1.csv"
    path.write_bytes(encode("\n".join([header, row, cafe]) + "\n"))
    [found] = refused(sqlite_engine, path)
    assert found.startswith(problem)
    assert "save it as UTF-8" in found


def test_a_bad_byte_far_into_the_file_is_found_by_the_reader(sqlite_engine, tmp_path):
    header, row = one_row_file(sqlite_engine, tmp_path)
    cafe = row.replace("5,000 in just the past week", "5,000 reached the café")
    wide = row.replace("in just the past week", "x" * 15_000)
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join([header, *[wide] * 1_200, cafe]) + "\n").encode("latin-1"))
    assert path.stat().st_size > BLOCK_BYTES
    [found] = refused(sqlite_engine, path)
    assert found.startswith("line 1202, column quote: byte 0xE9 is not UTF-8")


# --- standard input ----------------------------------------------------------------------------


def test_import_dash_reads_standard_input(sqlite_url, tmp_path):
    runner = CliRunner()
    runner.invoke(main, ["--db", sqlite_url, "init", "--empty"])
    source = storage.engine_for(f"sqlite:///{tmp_path / 'source.db'}")
    storage.create_schema(source)
    header, row = one_row_file(source, tmp_path)
    second = row.replace("past week", "past day")
    text = "\n".join([header, row, second]) + "\n"
    result = runner.invoke(main, ["--db", sqlite_url, "import", "-"], input=text.encode())
    assert result.exit_code == 0, result.output
    assert "imported 2 figures from standard input" in result.output
    assert count_figures(storage.engine_for(sqlite_url)) == 2

    bad = "\n".join([header, row.replace("past week", "hour"), second.replace(",fled,", ",x,")])
    failed = runner.invoke(main, ["--db", sqlite_url, "import", "-"], input=bad.encode() + b"\n")
    assert failed.exit_code == 1
    assert "line 3, column term: 'x' is not a known term" in failed.output
    assert count_figures(storage.engine_for(sqlite_url)) == 2


# --- the formula escape ------------------------------------------------------------------------

# Text that a spreadsheet would take for a formula, already escaped, or nearly so: every one must
# come back from export → import exactly as it was stored.
TRICKY = [
    "=SUM(A1)", "'=SUM(A1)", "''=SUM(A1)", "+44 20 7946 0000", "'+1", "-5,000 was a typo", "'-",
    "@officials", "'@", "'", "''", "'x", "it's =", "\t=tab first", "'\t", "line one\nline two",
    "two lines\r\nin Windows", "\"quoted\", with a comma",
]  # fmt: skip
# A bare carriage return: Python 3.11's csv.writer leaves it unquoted (csvformat.write_rows quotes it).
CARRIAGE_RETURNS = ["\r=carriage return first", "'\r", "old Mac\rline break"]


@given(st.text())
def test_unescape_undoes_escape_for_every_string(text):
    assert unescape(pd.Series([escape_cell(text)], dtype="str")).iloc[0] == text


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab")))
def test_unescape_undoes_escape_for_strings_made_of_the_escape_characters(text):
    assert unescape(pd.Series([escape_cell(text)], dtype="str")).iloc[0] == text


TEXTS = sa.Table(
    "texts", sa.MetaData(), sa.Column("n", sa.Integer, primary_key=True), sa.Column("t", sa.Text)
)


CELLS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))


@given(st.lists(st.lists(CELLS.filter(lambda t: "\r" not in t), min_size=3, max_size=3)))
def test_write_rows_writes_what_csv_writer_writes(rows):
    ours, theirs = io.StringIO(), io.StringIO()
    write_rows(ours, rows)
    csv.writer(theirs, lineterminator="\n").writerows(rows)
    assert ours.getvalue() == theirs.getvalue()


@given(st.lists(st.lists(CELLS | st.sampled_from(CARRIAGE_RETURNS), min_size=3, max_size=3)))
def test_write_rows_quotes_a_bare_carriage_return_so_the_rows_read_back(rows):
    out = io.StringIO()
    write_rows(out, rows)
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == rows


@pytest.fixture(params=["sqlite", "postgresql"])
def texts_table(request, tmp_path):
    """An engine with a table of texts, on each backend, that lives as long as a Hypothesis test."""
    if request.param == "sqlite":
        engine = sa.create_engine(f"sqlite:///{tmp_path / 'escape.db'}")
    else:
        engine = sa.create_engine(_new_pg_database(request.getfixturevalue("postgres_url")))
    TEXTS.metadata.create_all(engine)
    yield engine
    engine.dispose()


def test_escape_sql_is_escape_cell_in_the_database(texts_table):
    # Stored text never holds NUL (validation refuses it), and PostgreSQL cannot hold it at all.
    alphabet = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))
    tricky = st.sampled_from(TRICKY + CARRIAGE_RETURNS)

    @settings(max_examples=100, deadline=None)
    @given(st.lists(st.text(alphabet=alphabet) | tricky, min_size=1))
    def check(texts):
        with texts_table.begin() as conn:
            conn.execute(TEXTS.delete())
            conn.execute(TEXTS.insert(), [{"n": n, "t": t} for n, t in enumerate(texts)])
            query = sa.select(escape_sql(TEXTS.c.t)).order_by(TEXTS.c.n)
            escaped = conn.execute(query).scalars().all()
        assert escaped == [escape_cell(t) for t in texts]

    check()


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(TRICKY, id="tricky"),
        pytest.param(CARRIAGE_RETURNS, id="carriage-returns"),
    ],
)  # fmt: skip
def test_tricky_text_round_trips_through_the_database(url, tmp_path, request, texts):
    """export → init --empty → import → export gives the same bytes and the same stored text."""
    runner = CliRunner()
    assert runner.invoke(main, ["--db", url, "init", "--empty"]).exit_code == 0
    engine = storage.engine_for(url)
    for n, text in enumerate(texts):
        add_figure(engine, {**FIGURE, "quote": text, "notes": text.strip() or None,
                            "attributed_to": text.strip() or None,
                            "population": f"{text.strip()} {n}", "source_publisher": text.strip() or None},
                   by="a")  # fmt: skip
    first = tmp_path / "first.csv"
    exported = runner.invoke(main, ["--db", url, "export", "-o", str(first)])
    assert exported.exit_code == 0, exported.output

    if url.startswith("sqlite"):
        second = f"sqlite:///{tmp_path / 'second.db'}"
    else:
        second = _new_pg_database(request.getfixturevalue("postgres_url"))
    assert runner.invoke(main, ["--db", second, "init", "--empty"]).exit_code == 0
    imported = runner.invoke(main, ["--db", second, "import", str(first)])
    assert imported.exit_code == 0, imported.output
    again = runner.invoke(main, ["--db", second, "export"])
    assert again.stdout_bytes == first.read_bytes()
    fresh = storage.engine_for(second)
    assert stored_text(fresh) == stored_text(engine)
    assert [q for (_, q, *_) in stored_text(fresh)] == texts
    engine.dispose()
    fresh.dispose()


def stored_text(engine) -> list[tuple]:
    query = (
        "SELECT f.id, f.quote, f.notes, f.attributed_to, se.population, so.publisher "
        "FROM figure f JOIN series se ON se.id = f.series_id JOIN source so ON so.id = f.source_id "
        "ORDER BY f.id"
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(query)]


# --- tracker add -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("more", "named"),
    [
        (["--estimate", "5000", "--qualifier", "more_than"], "--qualifier"),
        (["--estimate", "5000", "--low", "1"], "--low"),
        (["--estimate", "about 5000", "--best", "5000", "--high", "6000"], "--best, --high"),
    ],
)
def test_add_refuses_estimate_words_together_with_bounds(sqlite_url, more, named):
    runner = CliRunner()
    runner.invoke(main, ["--db", sqlite_url, "init", "--empty"])
    result = runner.invoke(main, add_args(sqlite_url, *more))
    assert result.exit_code == 1
    assert f"--estimate cannot be combined with {named}:" in result.output
    assert result.output.count("\n") == 1
    assert count_figures(storage.engine_for(sqlite_url)) == 0


# --- export --consensus ------------------------------------------------------------------------


def test_consensus_export_honours_status_and_hxl(sqlite_url):
    runner = CliRunner()
    runner.invoke(main, ["--db", sqlite_url, "init", "--empty"])
    engine = storage.engine_for(sqlite_url)
    add_figure(engine, FIGURE, by="a")
    add_figure(engine, {**FIGURE, "status": "candidate", "quote": "10,000 fled",
                        "period_start": date(2019, 3, 1), "low": 10000.0, "best": 10000.0,
                        "high": 10000.0}, by="a")  # fmt: skip

    def consensus(*options: str) -> list[str]:
        result = runner.invoke(main, ["--db", sqlite_url, "export", "--consensus", *options])
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    accepted = consensus()
    assert len(accepted) == 2 and ",5000,5000,5000,single,1," in accepted[1]
    every = consensus("--status", "all")
    assert len(every) == 3 and any(",10000,10000,10000,single,2," in r for r in every)
    header, hxl, *_ = consensus("--hxl")
    assert hxl.split(",") == [CONSENSUS_HXL[c] for c in header.split(",")]
    assert hxl.startswith("#")
