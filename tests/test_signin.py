"""Signing in for real: a local OpenID Connect provider (oidc-provider-mock) on loopback, the app
under `streamlit run` with sign-in configured in a secrets file of a temporary folder, on a team's
PostgreSQL database under the app's least-privilege role, and Chromium driven by Playwright.

A viewer sees and downloads but finds no control that writes, an editor enters a figure that is
recorded under their e-mail, a reviewer (on a second instance of the app, on the same database)
accepts it, someone who is not a member is turned away, and signing out works.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import oidc_provider_mock
import pytest
import sqlalchemy as sa
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect, sync_playwright

from tracker import actions, grants, storage
from tracker.store import get_figure, history

from .app_server import CHROMIUM, CHROMIUM_ARGS
from .conftest import ROOT, _free_port

pytestmark = pytest.mark.browser

ADMIN, VIEWER, EDITOR, REVIEWER = (
    "ada@example.org", "vic@example.org", "eve@example.org", "rex@example.org",
)  # fmt: skip
STRANGER = "stranger@example.org"
# The labels of every control that writes, on any page: none may be shown to a viewer.
WRITE_CONTROLS = re.compile(
    r"^(Save the figure|Find figures|Accept|Reject|Save changes|Save and accept|Retract|"
    r"Reopen for review|Save the source|Merge into this source)$"
)


@pytest.fixture(scope="module")
def provider():
    """The OpenID Connect provider, with one user per person of the tests."""
    people = [
        oidc_provider_mock.User(sub=email, claims={"email": email, "email_verified": True})
        for email in (VIEWER, EDITOR, REVIEWER, STRANGER)
    ]
    with oidc_provider_mock.run_server_in_thread(user_claims=people) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def team_database(postgres_url):
    """A team's database as the README deploys it: made and loaded by its owner (`tracker init`),
    its members added, and the app's role given its grants. Yields the app's URL."""
    suffix = uuid.uuid4().hex[:10]
    owner, app, database = f"owner_{suffix}", f"app_{suffix}", f"team_{suffix}"
    superuser = sa.create_engine(f"{postgres_url}/postgres", isolation_level="AUTOCOMMIT")
    with superuser.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {owner} LOGIN")
        conn.exec_driver_sql(f"CREATE ROLE {app} LOGIN")
        conn.exec_driver_sql(f"CREATE DATABASE {database} OWNER {owner}")
    superuser.dispose()
    server = postgres_url.rpartition("@")[2]
    engine = storage.engine_for(f"postgresql+psycopg://{owner}@{server}/{database}")
    actions.initialise(engine, by="curator")
    actions.ensure_admin(engine, ADMIN)
    for email, role in ((VIEWER, "viewer"), (EDITOR, "editor"), (REVIEWER, "reviewer")):
        actions.add_member(engine, email, role, by=ADMIN)
    grants.grant_app_role(engine, app)
    engine.dispose()
    yield f"postgresql+psycopg://{app}@{server}/{database}"
    storage.engine_for(f"postgresql+psycopg://{app}@{server}/{database}").dispose()


def _serve(folder: Path, provider: str, database: str):
    """`streamlit run` of the app on a loopback port with sign-in configured; (base URL, process)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    secrets_file = folder / "secrets.toml"
    # As README's "A team deployment" writes it: the database and first admin at the root.
    secrets_file.write_text(
        f'TRACKER_DATABASE_URL = "{database}"\n'
        f'TRACKER_ADMIN = "{ADMIN}"\n'
        "[auth]\n"
        f'redirect_uri = "{base}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "tracker"\n'
        'client_secret = "the-mock-provider-takes-any"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n'
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    streamlit = shutil.which("streamlit", path=str(Path(sys.executable).parent)) or "streamlit"
    command = [
        streamlit, "run", "streamlit_app.py", "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", "--secrets.files", str(secrets_file),
        # Modules are not reloaded when files change while the tests run.
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    log = open(folder / "server.log", "w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return base, process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("streamlit did not start:\n" + (folder / "server.log").read_text())
        time.sleep(0.3)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def apps(tmp_path_factory, provider, team_database):
    """Two instances of the app on the one database, as behind a load balancer."""
    started = [_serve(tmp_path_factory.mktemp(name), provider, team_database)
               for name in ("first", "second")]  # fmt: skip
    yield [base for base, _ in started]
    for _, process in started:
        _stop(process)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install chromium`)"
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def person(browser):
    """A new browser profile for each person: their own cookies."""
    contexts = []

    def new():
        context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                      accept_downloads=True)  # fmt: skip
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        return page

    yield new
    for context in contexts:
        context.close()


def sign_in(page, base: str, email: str) -> None:
    """Sign in as `email` through the provider's authorisation form."""
    page.goto(base)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=email).click()  # the provider's form: a user, one click
    page.wait_for_url(re.compile(re.escape(base)))


def settled(page) -> None:
    """Wait for the app's script run to end and the page to stop changing: it shows all it will
    (a run may end and the next start at once, as one does just after signing in)."""
    # (two apps, a PostgreSQL server and the provider share the machine's CPUs: a page may take
    # long to draw under the load of the rest of the suite, so each wait is given two minutes)
    idle = page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")
    idle.wait_for(timeout=120_000)
    page.wait_for_load_state("networkidle", timeout=120_000)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=120_000)
    page.wait_for_timeout(600)
    idle.wait_for(timeout=120_000)


def download(page, button):
    """The file a download button gives, clicked once the page has settled; a click that a
    rerun cancelled (no download starts) is made again, as a person would."""
    for attempt in range(3):
        settled(page)
        try:
            with page.expect_download(timeout=20_000) as started:
                button.click()
            return started.value
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise


def test_a_viewer_sees_and_downloads_but_finds_nothing_that_writes(
    apps, person, team_database, tmp_path
):
    with storage.engine_for(team_database).connect() as conn:
        source = conn.exec_driver_sql("SELECT min(id) FROM source WHERE url IS NOT NULL").scalar()
    page = person()
    sign_in(page, apps[0], VIEWER)
    sidebar = page.get_by_test_id("stSidebar")
    # The e-mail is Markdown there, which may put an invisible joiner before its @.
    sidebar.get_by_text(re.compile(r"Signed in as vic\W?@example\.org, a viewer\.")).wait_for()
    expect(sidebar.get_by_label("Recorded as")).to_have_count(0)
    links = page.get_by_test_id("stSidebarNavLink")
    expect(links.first).to_be_visible()
    shown = {text.split("\n")[-1] for text in links.all_inner_texts()}  # after the icon's name
    assert {"Charts", "Sources", "History"} <= shown
    assert not {"Enter a figure", "Review"} & shown
    # A click while the script reruns holds a download the rerun has just revoked: the browser
    # cancels it. People click once the page has settled, and so does this test.
    path = tmp_path / "figures.csv"
    download(page, sidebar.get_by_role("button", name="Full extract (CSV)")).save_as(path)
    assert path.read_text(encoding="utf-8").startswith("figure_id,status,")
    assert len(path.read_text(encoding="utf-8").splitlines()) == 61
    expect(page.get_by_role("button", name=WRITE_CONTROLS)).to_have_count(0)
    for where in ("/enter", f"/sources?id={source}", "/history", "/figure?id=1"):
        print("the viewer opens", where)  # (shown with a failure: which page did not settle)
        page.goto(apps[0] + where)
        settled(page)
        sidebar.get_by_text(re.compile("^Signed in as vic")).wait_for()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        expect(page.get_by_role("button", name=WRITE_CONTROLS)).to_have_count(0)
    sidebar.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()  # the provider's own sign-out
    page.get_by_role("button", name="Sign in").wait_for()


def test_an_editor_enters_a_figure_a_reviewer_accepts_it_on_another_instance(
    apps, person, team_database
):
    editor = person()
    sign_in(editor, apps[0], EDITOR)
    editor.goto(f"{apps[0]}/enter")
    settled(editor)
    quote = "Some 2,345 people reached the sign-in transit site, the agency said."
    editor.get_by_text("A new source").click()
    settled(editor)
    editor.get_by_label("Title").fill("Sign-in flash update")
    editor.get_by_label("Quote (the source's words, verbatim)").fill(quote)
    population = editor.get_by_label("Population (the source's wording)")
    population.click()
    population.fill("transit arrivals")
    population.press("Enter")
    editor.get_by_label("Location").fill("Sign-in transit site")
    words = editor.get_by_label("In the source's words")
    words.fill("some 2,345")
    words.press("Enter")
    expect(editor.get_by_label("best")).to_have_value("2345")
    engine = storage.engine_for(team_database)
    saved = editor.get_by_text(re.compile(r"Saved figure (\d+)"))
    for attempt in range(3):
        settled(editor)
        editor.get_by_role("button", name="Save the figure").click()
        try:
            saved.wait_for(timeout=30_000)
            break
        except PlaywrightTimeoutError:
            # A click a rerun swallowed saves nothing: click again, as a person would; a figure
            # saved without its message, or a third miss, fails here.
            with engine.connect() as conn:
                kept = conn.execute(
                    sa.text("SELECT count(*) FROM figure WHERE quote = :q"), {"q": quote}
                ).scalar_one()
            if attempt == 2 or kept:
                raise
    figure_id = int(re.search(r"Saved figure (\d+)", saved.inner_text()).group(1))
    figure = get_figure(engine, figure_id)
    assert (figure["status"], figure["created_by"]) == ("candidate", EDITOR)

    reviewer = person()
    sign_in(reviewer, apps[1], REVIEWER)
    reviewer.goto(f"{apps[1]}/review")
    reviewer.get_by_text("Candidates awaiting review: 1").wait_for()  # the editor's, alone
    reviewer.get_by_text(quote).wait_for()
    # The gazetteer's first answer redraws the whole page: click once it has.
    expect(reviewer.get_by_text("The gazetteer is loading")).to_have_count(0, timeout=60_000)
    for attempt in range(3):
        settled(reviewer)
        reviewer.get_by_role("button", name="Accept").click()
        try:
            reviewer.get_by_text(f"Figure {figure_id} accepted.").wait_for(timeout=20_000)
            break
        except PlaywrightTimeoutError:
            # A click a rerun swallowed leaves the figure a candidate: click again, as a person
            # would; any other outcome fails here.
            if attempt == 2 or get_figure(engine, figure_id)["status"] != "candidate":
                raise
    assert get_figure(engine, figure_id)["status"] == "accepted"
    assert [(e.action, e.changed_by) for e in history(engine, figure_id)] == [
        ("created", EDITOR), ("accepted", REVIEWER),
    ]  # fmt: skip


def test_someone_who_is_not_a_member_is_turned_away_and_signs_out(apps, person):
    page = person()
    sign_in(page, apps[0], STRANGER)
    page.get_by_text("You cannot use this tracker yet").wait_for()
    expect(page.get_by_test_id("stCode")).to_have_count(2)
    shown = page.get_by_test_id("stCode").all_inner_texts()
    assert [text.strip() for text in shown] == [STRANGER, ADMIN]
    page.get_by_text("which is not a member of this tracker. Ask one of its admins").wait_for()
    expect(page.get_by_test_id("stSidebarNavLink")).to_have_count(0)
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()  # the provider's own sign-out
    page.get_by_role("button", name="Sign in").wait_for()
    page.goto(apps[0])
    page.get_by_role("button", name="Sign in").wait_for()
