"""The app shows each person only what they may do, through streamlit.testing's AppTest on a real
SQLite file: one person's tracker (no members) and a team's, acting as TRACKER_USER (the name in
the sidebar when sign-in is not configured; tests/test_signin.py signs in for real)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tracker import actions, storage
from tracker.store import get_figure
from tracker.ui import common

from .conftest import ROOT
from .test_roles import FIGURE

APP = str(ROOT / "streamlit_app.py")
ADMIN = "ada@example.org"
PEOPLE = {"viewer": "vic@example.org", "editor": "eve@example.org",
          "reviewer": "rex@example.org", "admin": ADMIN}  # fmt: skip
PAGES = ("charts", "entry", "review", "sources", "history", "figure")
# The pages each role finds in the navigation.
OPENS = {
    "viewer": {"charts", "sources", "history", "figure"},
    "editor": set(PAGES),
    "reviewer": set(PAGES),
    "admin": set(PAGES),
}
# The buttons that write, by page, and the least role that sees each.
WRITES = {
    ("figure", "candidate"): {"Save changes": "editor", "Save and accept": "reviewer",
                              "Reject": "reviewer"},
    ("figure", "accepted"): {"Save changes": "reviewer", "Retract": "reviewer"},
    ("review", None): {"Find figures": "editor", "Accept": "reviewer", "Reject": "reviewer"},
    ("sources", None): {"Save the source": "reviewer", "Merge into this source": "admin"},
    ("charts", None): {"Save the place": "reviewer"},
}  # fmt: skip
ORDER = list(OPENS)


@pytest.fixture
def team(tmp_path, monkeypatch):
    """A team's tracker: the curated figures, a candidate, and a member of each role."""
    url = f"sqlite:///{tmp_path / 'team.db'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    engine = storage.engine_for(url)
    storage.create_schema(engine)
    actions.import_extract(engine, actions.FIGURES_DIR / "syria_2019.csv", by="curator")
    candidate = actions.add_figure(engine, {**FIGURE, "status": "candidate"}, by="curator")
    actions.ensure_admin(engine, ADMIN)
    for role, email in PEOPLE.items():
        if email != ADMIN:
            actions.add_member(engine, email, role, by=ADMIN)
    with engine.connect() as conn:
        source = conn.exec_driver_sql("SELECT min(id) FROM source WHERE url IS NOT NULL").scalar()
    yield engine, {"candidate": candidate, "accepted": 1, "source": source}
    engine.dispose()


def app_as(person: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("TRACKER_USER", person)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def opens(at: AppTest, name: str, **params: str) -> bool:
    """Open a page; False when the navigation does not hold it."""
    at.query_params.clear()
    at.query_params.update(params)
    try:
        at.switch_page(f"tracker/ui/{name}_page.py")
    except ValueError:  # "Could not find a navigation page": not listed for this person
        return False
    at.run()
    assert not at.exception, at.exception
    return True


@pytest.mark.parametrize("role", ORDER)
def test_each_role_finds_only_the_pages_and_buttons_it_may_use(team, role, monkeypatch):
    engine, ids = team
    at = app_as(PEOPLE[role], monkeypatch)
    assert {name for name in PAGES if opens(at, name)} == OPENS[role]
    for (name, status), buttons in WRITES.items():
        params = {"id": str(ids[status])} if name == "figure" else {}
        if name == "sources":
            params = {"id": str(ids["source"])}
        if not opens(at, name, **params):
            continue
        shown = {b.label for b in at.button} | {b.label for b in at.get("form_submit_button")}
        for label, needed in buttons.items():
            may = ORDER.index(role) >= ORDER.index(needed)
            assert (label in shown) == may, (name, status, label, sorted(shown))


def test_an_editor_enters_a_candidate_and_a_reviewer_an_accepted_figure(team, monkeypatch):
    engine, _ = team
    for role, status in (("editor", "candidate"), ("reviewer", "accepted")):
        at = app_as(PEOPLE[role], monkeypatch)
        assert opens(at, "entry")
        at.selectbox(key="entry_source_id").select_index(0).run()
        at.text_area(key="entry_quote").input(f"Some 7,{ORDER.index(role)}00 people arrived.")
        at.selectbox(key="entry_population").set_value("people").run()
        at.text_input(key="entry_words").input(f"some 7,{ORDER.index(role)}00").run()
        [save] = [b for b in at.button if b.label == "Save the figure"]
        save.click().run()
        assert not at.error, [e.value for e in at.error]
        [saved] = [s.value for s in at.success]
        figure_id = int(saved.split()[2].rstrip(","))
        figure = get_figure(engine, figure_id)
        assert (figure["status"], figure["created_by"]) == (status, PEOPLE[role])
        then = "It is on the charts now." if status == "accepted" else "A reviewer accepts it"
        assert then in saved


@pytest.mark.parametrize(
    ("person", "caption"),
    [
        (PEOPLE["editor"], "No sign-in: you act as the name below, an editor of this team's "
                           "tracker."),
        ("mallory@example.org", "No sign-in: the name below is not a member of this team's "
                                "tracker: it may read, not write."),
    ],
)  # fmt: skip
def test_without_sign_in_the_sidebar_says_who_is_recorded(team, person, caption, monkeypatch):
    at = app_as(person, monkeypatch)
    assert at.sidebar.caption[0].value == caption
    assert at.sidebar.text_input(key="user").value == person


def test_one_persons_tracker_says_so_and_allows_everything(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'mine.db'}")
    at = app_as("analyst", monkeypatch)
    assert at.sidebar.caption[0].value == (
        "No sign-in: this is one person's tracker on this machine, and what you change is "
        "recorded under the name below."
    )
    assert {name for name in PAGES if opens(at, name)} == set(PAGES)


def test_the_deployment_names_the_first_admin(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_ADMIN", "Ada@Example.org")
    common._prepared.clear()
    app_as("analyst", monkeypatch)
    engine = storage.engine_for(url)
    assert [(m.email, m.role, m.added_by) for m in actions.members(engine)] == [
        (ADMIN, "admin", "deployment settings")
    ]
    assert actions.role_of(engine.connect(), "analyst") is None
    engine.dispose()


def test_history_lists_one_persons_changes(team, monkeypatch):
    engine, ids = team
    actions.edit_figure(engine, ids["candidate"], {"location": "Hajin"}, by=PEOPLE["editor"],
                        reason="the town")  # fmt: skip
    at = app_as(PEOPLE["viewer"], monkeypatch)
    assert opens(at, "history")
    assert set(at.selectbox(key="hist_by").options) == {"curator", PEOPLE["editor"]}
    at.selectbox(key="hist_by").set_value(PEOPLE["editor"]).run()
    assert at.query_params["by"] == PEOPLE["editor"]
    assert at.main.caption[-1].value == "1 revision by this person (newest first)."
    changes = at.dataframe[-1].value
    assert list(changes["figure_id"]) == [f"figure?id={ids['candidate']}"]
    assert list(changes["changes"]) == ["location: (empty) → Hajin"]


def test_a_first_admin_that_is_no_e_mail_is_said_on_the_page(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    monkeypatch.setenv("TRACKER_ADMIN", "ada at example.org")
    monkeypatch.setenv("TRACKER_USER", "analyst")
    common._prepared.clear()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert [e.value for e in at.error] == [
        common.escape_markdown(
            "the deployment's TRACKER_ADMIN: ada at example.org is not an e-mail address"
        )
    ]
