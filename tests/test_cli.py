"""The curators' commands (list, show, sources, history) and every command's pasteable example,
run against the curated figures (60 figures, ids 1-60) on SQLite files and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tracker import actions, storage
from tracker.cli import main
from tracker.csvformat import COLUMNS

from .conftest import ROOT, _new_pg_database

ALL = set(range(1, 61))
BAGHUZ = {1, 2, *range(32, 46)}


def run(url: str, *args: str, input: str | None = None):
    result = CliRunner().invoke(main, ["--db", url, *args], input=input)
    # A traceback is a bug, whatever the exit status.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def ok(url: str, *args: str) -> str:
    result = run(url, *args)
    assert result.exit_code == 0, result.output
    return result.output


def _init(url: str) -> str:
    engine = storage.engine_for(url)
    assert actions.initialise(engine, by="curator") == {"syria_2019.csv": 60}
    engine.dispose()  # SQLite: the last connection closed folds the WAL into the file
    return url


@pytest.fixture(scope="module")
def curated_file(tmp_path_factory) -> Path:
    """A SQLite file holding the curated figures, made once; tests that write use a copy."""
    path = tmp_path_factory.mktemp("curated") / "tracker.db"
    _init(f"sqlite:///{path}")
    return path


@pytest.fixture
def curated_sqlite(curated_file, tmp_path) -> str:
    """A copy of the curated SQLite file, for a test that writes."""
    for part in curated_file.parent.glob(curated_file.name + "*"):
        shutil.copy(part, tmp_path / part.name)
    return f"sqlite:///{tmp_path / curated_file.name}"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def curated(request, curated_file) -> str:
    """The curated figures on each backend, shared by the tests that only read."""
    if request.param == "sqlite":
        return f"sqlite:///{curated_file}"
    return _init(_new_pg_database(request.getfixturevalue("postgres_url")))


@pytest.fixture
def curated_url(url) -> str:
    """The curated figures in a new database on each backend, for a test that writes."""
    return _init(url)


def listed(url: str, *args: str) -> list[int]:
    records = json.loads(ok(url, "list", *args, "--format", "json"))
    return [r["figure_id"] for r in records]


# --- list ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # every status by default, and the curated figures are all accepted
        ([], ALL),
        (["--status", "accepted"], ALL),
        (["--status", "candidate"], set()),
        (["--status", "candidate", "--status", "accepted"], ALL),
        (["--status", "all"], ALL),
        # country codes in any case; figures across several countries have none
        (["--country", "syr"], ALL - {3, 51, 52, 53}),
        (["--country", "SYR", "--location", "Baghuz"], BAGHUZ),
        (["--country", "IRQ"], set()),
        # a repeated option matches any of its values
        (["--location", "Iraq and Syria", "--location", "Syria"], {51, 52, 53, 55, 57}),
        (["--population", "IS fighters"], {3, 40, 42, 51, 52, 54}),
        (["--term", "fled"], {1, 2, 31}),
        (["--term", "FLED"], {1, 2, 31}),
        (["--term", "remain", "--measure", "stock"], {3, 32, 33, 45, 51, 52, 53}),
        # a source by id, or by words of its title (all of them, any case)
        (["--source", "5"], {1, 2, 3}),
        (["--source", "caliphate SYRIA"], {1, 2, 3, 32}),
        (["--source", "5", "--source", "cold WHO"], {1, 2, 3, 5}),
        # periods that reach into the days asked for, as FigureFilter.start/end match them
        (["--since", "2019-05-01"], {15, 16, 22, 59}),
        (["--until", "2018-12-31"], {4, 17, 18, 19, 20, 21, 22, 31, 35, 36, 46, 47, 57}),
        (["--since", "2019-03-20", "--until", "2019-03-21"], {2, 21, 22, 28, 49, 50, 58}),
        (["--location", "Baghuz", "--since", "2019-03-17"], {1, 2, 43, 44, 45}),
    ],
)
def test_list_filters(curated, args, expected):
    ids = listed(curated, *args)
    assert ids == sorted(ids) and set(ids) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "999"], "--source '999': no source has that id or those words in its title"),
        (["--source", "no such title"], "--source 'no such title': no source has that id"),
        (["--country", "SY"], "'SY' is not an ISO 3166-1 alpha-3 code such as SYR"),
        (["--since", "22/03/2019"], "'22/03/2019' does not match the format '%Y-%m-%d'"),
        (["--term", "vanished"], "'vanished' is not one of"),
    ],
)
def test_list_refuses_unknown_filters_in_one_line(curated_file, args, message):
    result = run(f"sqlite:///{curated_file}", "list", *args)
    assert result.exit_code in (1, 2) and message in result.output


def _table_ids(output: str) -> list[int]:
    return [
        int(m[1]) for m in re.finditer(r"^ *(\d+)  (?:accepted|candidate|rej|ret)", output, re.M)
    ]


def test_list_formats_show_the_same_figures(curated):
    args = ("list", "--location", "Baghuz", "--term", "left", "--term", "fled")
    table = ok(curated, *args)
    extract = ok(curated, *args, "--format", "csv")
    records = json.loads(ok(curated, *args, "--format", "json"))
    rows = list(csv.DictReader(io.StringIO(extract)))
    expected = [1, 2, 35, 36, 37, 38, 43]
    assert _table_ids(table) == [int(r["figure_id"]) for r in rows] == expected
    assert [r["figure_id"] for r in records] == expected
    assert table.splitlines()[-1] == "7 figures"
    # csv is the extract of exactly these figures, as export writes it
    assert extract == ok(curated, "export", "--status", "all", *args[1:])
    assert list(records[0]) == list(COLUMNS)
    # json keeps the extract's names with JSON's types: numbers, null for empty
    first = records[0]
    assert (first["low"], first["best"], first["high"], first["credibility"]) == (
        30000, 30000, None, 3
    )  # fmt: skip
    assert first["period_start"] is None and first["period_end"] == "2019-03-22"


@pytest.mark.parametrize(
    ("figure_id", "first_line", "second_line"),
    [
        # bounds as people write them, open where unknown; a cumulative flow without its start
        (1, "    1  accepted   30,000 / 30,000 / open       more_than        ? to 2019-03-22",
         "       Baghuz · civilians · fled · flow — Islamic State Loses Caliphate in Syria"),
        (2, "    2  accepted   5,000 / 5,000 / 5,000        exact            2019-03-16 to 2019-03-22",
         None),
        # a stock is at a moment; a figure across countries has no location
        (3, "    3  accepted   20,000 / 50,000 / 99,999     vague_magnitude  2019-03-22",
         "       ? · IS fighters · remain · stock — Islamic State Loses Caliphate in Syria"),
        (30, "   30  accepted   63.9 / 71 / 78.1             approximately    2019-04-11 to 2019-04-17",
         None),
        (34, "   34  accepted   open / 9,000 / 9,000         up_to            2019-02-22 to 2019-02-25",
         "       Baghuz · people · evacuated · flow — Flash Update 3: Syria: Al-Hole camp and Suar"
         " transit-ce…"),
        (55, "   55  accepted   5,580,000 / 6,200,000 / 6,820,000  approximately    2019-04-04",
         None),
    ],
)  # fmt: skip
def test_list_table_lines(curated_file, figure_id, first_line, second_line):
    table = ok(f"sqlite:///{curated_file}", "list")
    lines = table.splitlines()
    at = lines.index(first_line)
    if second_line:
        assert lines[at + 1] == second_line


def test_list_table_fits_a_100_column_terminal(curated_file):
    lines = ok(f"sqlite:///{curated_file}", "list").splitlines()
    assert lines[:2] == [
        "ID     STATUS     LOW / BEST / HIGH            QUALIFIER        PERIOD",
        "       LOCATION · POPULATION · TERM · MEASURE — SOURCE",
    ]
    assert len(lines) == 2 + 2 * 60 + 1
    assert max(len(line) for line in lines) <= 100


def test_list_of_nothing(curated):
    assert ok(curated, "list", "--status", "rejected") == "0 figures\n"
    assert json.loads(ok(curated, "list", "--status", "rejected", "--format", "json")) == []
    assert ok(curated, "list", "--status", "rejected", "--format", "csv").count("\n") == 1


# Formula starts, and the characters validation lets text hold that move a terminal's cursor or
# start an escape sequence (carriage return, line break, tab, the C1 escape U+009B).
HOSTILE = {
    "quote": "=HYPERLINK(\"http://evil.example\") 1,234 people\x9b31m fled\r\n\there",
    "population": "+people", "term": "fled", "measure": "flow", "low": 1234, "best": 1234,
    "high": 1234, "qualifier": "exact", "period_end": "2019-03-22", "date_precision": "day",
    "source_title": "-Hostile\r report", "source_kind": "news", "source_reliability": "C",
    "location": "@Baghuz",
}  # fmt: skip


def test_text_from_sources_is_shown_as_text(curated_sqlite):
    figure_id = actions.add_figure(storage.engine_for(curated_sqlite), HOSTILE, by="test")
    table = ok(curated_sqlite, "list", "--source", "hostile")
    shown = ok(curated_sqlite, "show", str(figure_id))
    for output in (table, shown):
        assert not re.search("[\x9b\r\t]", output)
    assert f"{figure_id:>5}  accepted   1,234 / 1,234 / 1,234" in table
    assert "@Baghuz · +people · fled · flow — -Hostile report" in table
    assert '“=HYPERLINK("http://evil.example") 1,234 people 31m fled here”' in shown
    # csv is spreadsheet-safe like every extract; json gives the text as stored
    [row] = csv.DictReader(io.StringIO(ok(curated_sqlite, "list", "--source", "hostile",
                                          "--format", "csv")))  # fmt: skip
    assert (row["quote"][:2], row["population"], row["location"]) == ("'=", "'+people", "'@Baghuz")
    [record] = json.loads(ok(curated_sqlite, "list", "--source", "hostile", "--format", "json"))
    assert record["quote"] == HOSTILE["quote"]


# --- export takes the same filters ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--country", "syr", "--term", "left", "--since", "2019-03-01"],
        ["--source", "flash update", "--measure", "stock"],
        ["--location", "Baghuz", "--location", "Al Hol camp", "--until", "2019-02-01"],
    ],
)
def test_export_holds_what_list_shows(curated_sqlite, tmp_path, args):
    out = tmp_path / "out.csv"
    ok(curated_sqlite, "export", *args, "-o", str(out))
    assert out.read_text() == ok(curated_sqlite, "list", "--status", "accepted", *args,
                                 "--format", "csv")  # fmt: skip


def test_export_keeps_to_accepted_figures_by_default(curated_sqlite):
    actions.retract(storage.engine_for(curated_sqlite), [1], by="test", reason="test")
    ids = [r["figure_id"] for r in csv.DictReader(io.StringIO(ok(curated_sqlite, "export")))]
    assert "1" not in ids and len(ids) == 59
    every = ok(curated_sqlite, "export", "--status", "all", "--term", "fled")
    assert [r["figure_id"] for r in csv.DictReader(io.StringIO(every))] == ["1", "2", "31"]
    retracted = ok(curated_sqlite, "export", "--status", "retracted")
    assert [r["figure_id"] for r in csv.DictReader(io.StringIO(retracted))] == ["1"]
    assert listed(curated_sqlite, "--term", "fled") == [1, 2, 31]


# --- show and history ---------------------------------------------------------------------------


def test_show_prints_every_field_the_source_the_quote_and_revisions(curated):
    shown = ok(curated, "show", "1")
    lines = shown.splitlines()
    assert lines[0] == "figure 1: 30,000 / 30,000 / open (more_than)"
    for line in [
        "  status          accepted",
        "  location        Baghuz",
        "  period_start    (empty)",
        "  period_end      2019-03-22",
        "  low             30,000",
        "  high            (empty)",
        "  credibility     3 (possibly true)",
        "  created_by      curator",
        "source 5",
        "  source_title         Islamic State Loses Caliphate in Syria",
        "  source_reliability   F (reliability cannot be judged)",
        "quote",
        "  “In all, upward of 30,000 civilians, mostly family members of IS fighters, have fled Baghuz since",
        "revisions",
        "  why: imported from syria_2019.csv",
    ]:
        assert line in lines, line
    fields = {line.split()[0] for line in lines if line.startswith("  ") and not line[2].isspace()}
    assert set(COLUMNS) - {"figure_id", "quote"} <= fields
    assert max(len(line) for line in lines) <= 100
    assert re.search(r"^revision 1  \S+ \S+  imported  by ", shown, re.M)


def test_show_of_an_unknown_figure_is_one_line(curated):
    result = run(curated, "show", "999")
    assert result.exit_code == 1 and result.output == "Error: figure 999 does not exist\n"


def test_history_writes_values_as_people_do(curated_sqlite):
    ok(curated_sqlite, "edit", "2", "low=5500", "best=5500", "high=5500", "location=",
       "population=civilians and fighters", "attributed_to=the SDF", "--why", 'a "check"')  # fmt: skip
    shown = ok(curated_sqlite, "history", "2")
    assert re.match(r"revision 2  \S+ \S+  edited  by ", shown.splitlines()[2])
    assert shown.splitlines()[3:] == [
        '  why: a "check"',
        '  location: "Baghuz" → (empty)',
        '  population: "civilians" → "civilians and fighters"',
        "  low: 5,000 → 5,500",
        "  best: 5,000 → 5,500",
        "  high: 5,000 → 5,500",
        '  attributed_to: (empty) → "the SDF"',
    ]
    assert "'" not in shown and "None" not in shown
    assert "revisions" in (show := ok(curated_sqlite, "show", "2")) and "low: 5,000 → 5,500" in show


# --- sources --------------------------------------------------------------------------------------


def test_sources_list(curated):
    table = ok(curated, "sources", "list").splitlines()
    assert table[0] == "ID    FIGURES  KIND        RELIABILITY  PUBLISHED   TITLE — PUBLISHER"
    assert (
        "   5        3  news        F            2019-03-22  Islamic State Loses Caliphate in Syria"
        in table
    )
    assert len(table) == 1 + 36 and max(len(line) for line in table) <= 100
    records = json.loads(ok(curated, "sources", "list", "--format", "json"))
    assert sum(r["figures"] for r in records) == 60
    assert records[4] == {
        "source_id": 5, "title": "Islamic State Loses Caliphate in Syria", "publisher": None,
        "url": None, "published_on": "2019-03-22", "kind": "news", "reliability": "F",
        "figures": 3, "merged_into": None,
    }  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(ok(curated, "sources", "list", "--format", "csv"))))
    assert [int(r["source_id"]) for r in rows] == [r["source_id"] for r in records]


def _revisions(url: str, figure_id: int) -> list[str]:
    return ok(url, "history", str(figure_id)).splitlines()


def test_sources_edit_revises_each_of_its_figures(curated_url):
    said = ok(curated_url, "sources", "edit", "5", "--title", "Islamic State loses its caliphate",
              "--publisher", "Example News", "--reliability", "c", "--why", "the headline")  # fmt: skip
    assert said == "source 5 changed; 3 figures got a revision\n"
    for figure_id in (1, 2, 3):
        lines = _revisions(curated_url, figure_id)
        assert re.match(r"revision 2  \S+ \S+  source_edited  by ", lines[2])
        assert lines[3:] == [
            "  why: the headline",
            '  source_title: "Islamic State Loses Caliphate in Syria" → "Islamic State loses its'
            ' caliphate"',
            '  source_publisher: (empty) → "Example News"',
            "  source_reliability: F → C",
        ]
    assert "  source_title         Islamic State loses its caliphate" in ok(
        curated_url, "show", "1"
    )
    assert len(_revisions(curated_url, 4)) == 2  # other sources' figures are untouched
    assert listed(curated_url, "--source", "loses its caliphate") == [1, 2, 3]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["99", "--title", "x"], "Error: source 99 does not exist"),
        (["5", "--url", "ftp://example.org/x"], "source_url: 'ftp://example.org/x' is not an http"),
        (["5", "--published", "22 March 2019"], "source_published_on:"),
        (["5", "--kind", "news"], "Error: source 5: nothing to change"),
        (["20", "--title", "Cold kills 29 children fleeing Syria fighting: WHO",
          "--publisher", "A News (compiled from wire services)", "--published", "2019-01-31",
          "--url", "https://anews.com.tr/middle-east/2019/01/31/cold-kills-29-children-fleeing-syria-fighting-who/amp"],
         "source 31 has that title, publisher, URL and date already; merge the two instead"),
    ],
)  # fmt: skip
def test_sources_edit_refusals_are_one_line(curated_sqlite, args, message):
    result = run(curated_sqlite, "sources", "edit", *args)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output
    assert len(_revisions(curated_sqlite, 1)) == 2


def test_sources_merge_moves_figures_with_a_revision(curated_url):
    said = ok(curated_url, "sources", "merge", "20", "31", "--why", "one wire story")
    assert said == "source 31 merged into source 20; 1 figure moved\n"
    assert listed(curated_url, "--source", "20") == [5, 17, 46]
    lines = _revisions(curated_url, 5)
    assert re.match(r"revision 2  \S+ \S+  source_merged  by ", lines[2])
    assert lines[3] == "  why: one wire story"
    assert (
        '  source_title: "Cold kills 29 children fleeing Syria fighting: WHO" → "Cold kills 29 '
        'children fleeing Syria fighting: UN"'
    ) in lines
    assert "  source_published_on: 2019-01-31 → 2019-02-01" in lines
    table = ok(curated_url, "sources", "list")
    assert not re.search(r"^ +31 ", table, re.M)
    merged = ok(curated_url, "sources", "list", "--all")
    assert re.search(r"^ +31        0  news .*\(merged into 20\) Cold kills", merged, re.M)
    again = run(curated_url, "sources", "merge", "20", "31")
    assert again.exit_code == 1
    assert again.output == "Error: source 31 was merged into source 20 already\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["5", "5"], "Error: source 5 cannot be merged into itself"),
        (["5", "99"], "Error: source 99 does not exist"),
    ],
)
def test_sources_merge_refusals_are_one_line(curated_sqlite, args, message):
    result = run(curated_sqlite, "sources", "merge", *args)
    assert result.exit_code == 1 and result.output == message + "\n"


# --- every command's example pastes into a shell --------------------------------------------------


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def examples(path: tuple[str, ...]) -> list[str]:
    """The Example: block of a command's --help as shown on an 80-column terminal, one shell
    command a line (backslash-continued lines joined)."""
    shown = CliRunner().invoke(main, [*path, "--help"], terminal_width=80).output
    block = re.split(r"^(?:Options|Commands):", shown.partition("Example:")[2], flags=re.M)[0]
    found, pending = [], ""
    for line in block.splitlines():
        line = line.strip()
        if line.endswith("\\"):
            pending += line[:-1]
        elif line or pending:
            found.append(pending + line)
            pending = ""
    assert not pending, f"{path}: an example ends in a backslash"
    return found


COMMANDS = list(_commands(main))
# The examples of the team's commands need members, or a PostgreSQL server and a role:
# tests/test_team.py runs them.
TEAM_COMMANDS = ("members", "grants")
EXAMPLES = [
    (path, example)
    for path in COMMANDS
    if path[0] not in TEAM_COMMANDS
    for example in examples(path)
]
SHELL_OPERATORS = set("();<>|&")


def pipeline(example: str) -> tuple[list[list[str]], bool]:
    """The tracker commands of a shell line (several if piped), and whether a failure is allowed
    (`… || echo …`). Redirections, and what follows `||`, `&&` or `;`, are the shell's."""
    lexer = shlex.shlex(example, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    tokens = list(lexer)
    commands: list[list[str]] = [[]]
    while tokens:
        token = tokens.pop(0)
        if token == "|":
            commands.append([])
        elif token in (">", ">>", "<"):
            tokens.pop(0)  # the file
        elif set(token) <= SHELL_OPERATORS:
            return commands, token == "||"
        else:
            commands[-1].append(token)
    return commands, False


def test_every_command_has_examples():
    assert {" ".join(p) for p in COMMANDS} >= {
        "list", "show", "history", "export", "sources", "sources list", "sources edit",
        "sources merge",
    }  # fmt: skip
    for path in COMMANDS:
        assert examples(path), f"tracker {' '.join(path)} --help has no Example: block"


# What an example needs of its figures before it runs on the curated set (all accepted).
PREPARE = {"accept": ("retract", "reopen"), "reject": ("retract", "reopen"), "reopen": ("retract",)}


@pytest.mark.parametrize(("path", "example"), EXAMPLES, ids=[e for _, e in EXAMPLES])
def test_example_runs(path, example, curated_sqlite, tmp_path, monkeypatch):
    commands, may_fail = pipeline(example)
    for argv in commands:
        assert argv[0] == "tracker", example
    assert any(argv[1 : 1 + len(path)] == list(path) or "--db" in argv for argv in commands), (
        example
    )
    for step in PREPARE.get(path[0], ()):
        ids = [int(a) for a in commands[0] if a.isdigit()]
        getattr(actions, step)(storage.engine_for(curated_sqlite), ids, by="test", reason="test")
    # Relative paths are the repository's; files the example writes land in tmp_path.
    monkeypatch.chdir(tmp_path)
    for folder in ("seeds", "figures"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    given = None
    for n, argv in enumerate(commands):
        args = argv[1:]
        for i, arg in enumerate(args[:-1]):
            # A server named in an example is this test's database instead.
            if arg == "--db" and not args[i + 1].startswith("sqlite:"):
                args[i + 1] = curated_sqlite
        result = CliRunner().invoke(main, ["--db", curated_sqlite, *args], input=given)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{example}\n{result.output}"
        )
        last = n == len(commands) - 1
        assert result.exit_code == 0 or (may_fail and last and result.exit_code == 1), (
            f"{example}\n{result.output}"
        )
        given = result.stdout


@pytest.mark.parametrize(
    "args",
    [["list"], ["list", "--source", "caliphate"], ["show", "1"], ["sources", "list"],
     ["sources", "edit", "5", "--title", "x"], ["sources", "merge", "20", "31"]],
    ids=" ".join,
)  # fmt: skip
def test_without_a_database_the_commands_say_so_in_one_line(tmp_path, args):
    path = tmp_path / "tracker.db"
    result = run(f"sqlite:///{path}", *args)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: no database at {path}: create one with tracker init, or name another with --db "
        "or TRACKER_DATABASE_URL\n"
    )
    assert list(tmp_path.iterdir()) == []
