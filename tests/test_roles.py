"""Roles, enforced by the library whatever calls it: every role against every write, on SQLite
and PostgreSQL (the `engine` fixture covers both)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from tracker import actions
from tracker.actions import NotAllowed
from tracker.store import get_figure, history

ROOT = Path(__file__).resolve().parent.parent

FIGURE = {
    "quote": "Some 3,000 people left the town on Monday, the agency said.",
    "population": "people", "term": "left", "measure": "flow", "low": 2700, "best": 3000,
    "high": 3300, "qualifier": "approximately", "source_title": "Flash update 7",
    "source_kind": "un_agency", "source_reliability": "B",
}  # fmt: skip
ADMIN = "ada@example.org"
PEOPLE = {
    "viewer": "vic@example.org",
    "editor": "eve@example.org",
    "reviewer": "rex@example.org",
    "admin": ADMIN,
}


@pytest.fixture
def team(engine):
    """A team deployment: one member of each role, and three figures to act on."""
    actions.add_member(engine, ADMIN, "admin", by="deployment settings")
    for role, email in PEOPLE.items():
        if email != ADMIN:
            actions.add_member(engine, email, role, by=ADMIN)
    ids = {
        "candidate": actions.add_figure(engine, {**FIGURE, "status": "candidate"}, by=ADMIN),
        "accepted": actions.add_figure(engine, {**FIGURE, "best": 3001, "high": 3301}, by=ADMIN),
        "second": actions.add_figure(engine, {**FIGURE, "best": 3002, "high": 3302,
                                              "source_title": "Flash update 8"}, by=ADMIN),
    }  # fmt: skip
    return engine, ids


def _source_ids(engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(sa.text("SELECT id FROM source ORDER BY id")).scalars())


def _extract(tmp_path: Path) -> Path:
    path = tmp_path / "one.csv"
    path.write_text(
        "population,term,measure,low,best,high,qualifier,quote,source_title\n"
        "civilians,fled,flow,10,10,10,exact,ten fled,A report\n"
    )
    return path


# Each write, what it needs, and how to make it as `who`.
WRITES = {
    "add a candidate": ("editor", lambda e, ids, who, tmp: actions.add_figure(
        e, {**FIGURE, "status": "candidate", "best": 2999, "low": 2699}, by=who)),
    "add an accepted figure": ("reviewer", lambda e, ids, who, tmp: actions.add_figure(
        e, {**FIGURE, "best": 2998, "low": 2698}, by=who)),
    "edit a candidate": ("editor", lambda e, ids, who, tmp: actions.edit_figure(
        e, ids["candidate"], {"location": "Hajin"}, by=who)),
    "edit a settled figure": ("reviewer", lambda e, ids, who, tmp: actions.edit_figure(
        e, ids["accepted"], {"location": "Hajin"}, by=who)),
    "accept": ("reviewer", lambda e, ids, who, tmp: actions.accept(e, [ids["candidate"]], by=who)),
    "reject": ("reviewer", lambda e, ids, who, tmp: actions.reject(
        e, [ids["candidate"]], by=who, reason="counted twice")),
    "retract": ("reviewer", lambda e, ids, who, tmp: actions.retract(
        e, [ids["accepted"]], by=who, reason="withdrawn")),
    "import": ("reviewer", lambda e, ids, who, tmp: actions.import_extract(e, _extract(tmp), by=who)),
    "ingest a document": ("editor", lambda e, ids, who, tmp: actions.ingest_document(
        e, "Some 4,000 people fled Hajin last week.", {"source_title": "Flash update 9"}, who)),
    "edit a source": ("reviewer", lambda e, ids, who, tmp: actions.edit_source(
        e, _source_ids(e)[0], {"source_publisher": "UN OCHA"}, by=who)),
    "merge sources": ("admin", lambda e, ids, who, tmp: actions.merge_sources(
        e, *_source_ids(e)[:2], by=who)),
    "add a member": ("admin", lambda e, ids, who, tmp: actions.add_member(
        e, "new@example.org", "viewer", by=who)),
}  # fmt: skip
ORDER = ["viewer", "editor", "reviewer", "admin"]


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("role", ORDER)
def test_each_role_makes_exactly_the_writes_it_allows(team, write, role, tmp_path):
    engine, ids = team
    needed, make = WRITES[write]
    who = PEOPLE[role]
    if ORDER.index(role) >= ORDER.index(needed):
        make(engine, ids, who, tmp_path)
    else:
        with pytest.raises(NotAllowed, match=f"{who} is an? {role}: .* needs the {needed} role"):
            make(engine, ids, who, tmp_path)


def test_reopen_needs_a_reviewer(team):
    engine, ids = team
    actions.reject(engine, [ids["candidate"]], by=PEOPLE["reviewer"], reason="a year")
    with pytest.raises(NotAllowed):
        actions.reopen(engine, [ids["candidate"]], by=PEOPLE["editor"], reason="not a year")
    actions.reopen(engine, [ids["candidate"]], by=PEOPLE["reviewer"], reason="not a year")
    assert get_figure(engine, ids["candidate"])["status"] == "candidate"


def test_someone_who_is_not_a_member_is_told_whom_to_ask(team):
    engine, ids = team
    with pytest.raises(NotAllowed, match=f"stranger@example.org is not a member .*{ADMIN}"):
        actions.add_figure(
            engine, {**FIGURE, "status": "candidate", "best": 2990}, by="stranger@example.org"
        )


def test_a_removed_member_writes_no_more_but_keeps_their_name_on_past_work(team):
    engine, ids = team
    actions.edit_figure(engine, ids["candidate"], {"location": "Hajin"}, by=PEOPLE["editor"])
    actions.remove_member(engine, PEOPLE["editor"], by=ADMIN)
    with pytest.raises(NotAllowed, match="not a member"):
        actions.edit_figure(engine, ids["candidate"], {"location": "Baghuz"}, by=PEOPLE["editor"])
    assert history(engine, ids["candidate"])[-1].changed_by == PEOPLE["editor"]
    assert PEOPLE["editor"] not in [m.email for m in actions.members(engine)]
    assert PEOPLE["editor"] in [m.email for m in actions.members(engine, include_removed=True)]


def test_the_last_admin_stays_an_admin(team):
    engine, _ = team
    with pytest.raises(NotAllowed, match="last admin"):
        actions.set_role(engine, ADMIN, "viewer", by=ADMIN)
    actions.set_role(engine, PEOPLE["reviewer"], "admin", by=ADMIN)
    actions.set_role(engine, ADMIN, "viewer", by=PEOPLE["reviewer"])
    assert {m.email: m.role for m in actions.members(engine)}[ADMIN] == "viewer"


def test_a_tracker_without_members_is_one_persons_and_allows_every_write(engine):
    figure_id = actions.add_figure(engine, FIGURE, by="analyst")
    actions.retract(engine, [figure_id], by="analyst", reason="withdrawn")
    with pytest.raises(NotAllowed, match="first member .* admin"):
        actions.add_member(engine, "eve@example.org", "editor", by="analyst")
    assert actions.ensure_admin(engine, "Ada@Example.org")
    assert not actions.ensure_admin(engine, "other@example.org")
    assert [(m.email, m.role) for m in actions.members(engine)] == [(ADMIN, "admin")]
    with pytest.raises(NotAllowed):
        actions.add_figure(engine, {**FIGURE, "best": 3100, "high": 3400}, by="analyst")


def test_a_figure_citing_a_merged_source_is_filed_under_the_source_kept(engine):
    first = actions.add_figure(engine, FIGURE, by="analyst")
    second = actions.add_figure(engine, {**FIGURE, "best": 3100, "high": 3400,
                                         "source_title": "Flash update 7 (copy)"}, by="analyst")  # fmt: skip
    kept, merged = _source_ids(engine)
    actions.merge_sources(engine, kept, merged, by="analyst", reason="the same update")
    third = actions.add_figure(engine, {**FIGURE, "best": 3200, "high": 3500,
                                        "source_title": "Flash update 7 (copy)"}, by="analyst")  # fmt: skip
    titles = {i: get_figure(engine, i)["source_title"] for i in (first, second, third)}
    assert set(titles.values()) == {"Flash update 7"}


def test_a_stale_reject_is_refused(engine):
    figure_id = actions.add_figure(engine, {**FIGURE, "status": "candidate"}, by="analyst")
    actions.edit_figure(engine, figure_id, {"location": "Hajin"}, by="someone else")
    with pytest.raises(actions.FigureError, match="changed since you opened it"):
        actions.reject(engine, [figure_id], by="analyst", reason="junk",
                       expected_revisions={figure_id: 1})  # fmt: skip
    assert get_figure(engine, figure_id)["status"] == "candidate"
