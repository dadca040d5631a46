"""Real-browser fixtures: Playwright drives Debian's chromium against pytest-django's live
server.

Playwright's sync API keeps an asyncio loop running in the main thread while it is up,
which trips Django's async-safety guard (SynchronousOnlyOperation). The chromium holder
sets DJANGO_ALLOW_ASYNC_UNSAFE only while chromium runs, and stops chromium as soon as the
run leaves tests/browser, so other tests in the same xdist worker see neither.

The pages a person can reach are listed once, in FOUNDATION_PAGES (here) and
SCORECARDS_PAGES (scorecards_pages.py, which also makes the data those pages show); a test
that takes the ``site_page`` argument runs once for each of them.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyotp
import pytest
from django.apps import AppConfig
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core import mail
from django.core.handlers.base import BaseHandler
from django.db import connection, connections
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

import cometa
from cometa.accounts.models import Person
from cometa.accounts.second_factor import required_for as second_factor_required
from tests.conftest import PASSWORD, World, make_person, signed_in

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_MISSING = f"Debian chromium is not installed at {CHROMIUM} (apt-get install chromium)"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
HERE = Path(__file__).resolve().parent
STATIC_DIR = Path(cometa.__file__).resolve().parent / "static"
STYLESHEET = "cometa/cometa.css"
TIMEOUT_MS = 10_000
# Reports CSP violations on the console, where the console check sees them. Init scripts
# run through the DevTools protocol, so the page's own CSP does not block this one.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


class Chromium:
    """One chromium for a run of browser tests, launched on first use."""

    def __init__(self) -> None:
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._page: Page | None = None
        self._env_before: str | None = None

    def browser(self) -> Browser:
        if not CHROMIUM.exists():
            pytest.skip(CHROMIUM_MISSING)
        if self._browser is None:
            self._env_before = os.environ.get(ASYNC_UNSAFE)
            os.environ[ASYNC_UNSAFE] = "true"
            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
        return self._browser

    def shared_page(self) -> Page:
        """A tab kept open from test to test, its cookies and storage cleared after each:
        a fresh context would start a renderer process, half a second every test."""
        if self._page is None or self._page.is_closed():
            self._page = new_context(self.browser()).new_page()
        return self._page

    def stop(self) -> None:
        self._page = None
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            # While Playwright's loop runs, Django keeps this thread's database connections
            # apart (asgiref's Local follows the running loop): close those before it ends.
            connections.close_all()
            self._playwright.stop()
            self._playwright = None
            if self._env_before is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = self._env_before


CHROMIUM_HOLDER = Chromium()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After the last browser test in a row (its fixtures are torn down by now)."""
    if nextitem is None or HERE not in Path(nextitem.path).resolve().parents:
        CHROMIUM_HOLDER.stop()


# --- the audit trail's triggers and the flush between live-server tests ------------------
# Migration accounts 0002 makes audit entries append-only with database triggers, which
# refuse the flush that empties the database after each live-server test. The triggers
# are dropped when the test is over and made again by the post_migrate signal that the
# flush sends when it is done, so they are missing only while the flush runs.

AUDIT_MIGRATION = "cometa.accounts.migrations.0002_audit_append_only"
_audit_triggers_lifted = False


def _audit_triggers(*, forward: bool) -> None:
    migration = importlib.import_module(AUDIT_MIGRATION)
    postgres = connection.vendor == "postgresql"
    if forward:
        statements = migration.POSTGRES_FORWARD if postgres else migration.SQLITE_FORWARD
    else:
        statements = migration.POSTGRES_BACKWARD if postgres else migration.SQLITE_BACKWARD
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _lift_audit_triggers() -> None:
    global _audit_triggers_lifted
    _audit_triggers(forward=False)
    _audit_triggers_lifted = True


@receiver(post_migrate, dispatch_uid="tests.browser.audit_triggers")
def _restore_audit_triggers(sender: AppConfig, **kwargs: Any) -> None:
    global _audit_triggers_lifted
    if _audit_triggers_lifted and sender.label == "accounts":
        _audit_triggers(forward=True)
        _audit_triggers_lifted = False


@pytest.fixture(scope="session")
def chromium(django_db_setup: None, live_server: Any) -> Iterator[Chromium]:
    """Stops before the live server and the test database go (see Chromium.stop), so no
    open connection keeps either."""
    yield CHROMIUM_HOLDER
    CHROMIUM_HOLDER.stop()


@pytest.fixture
def browser(chromium: Chromium) -> Browser:
    return chromium.browser()


# --- the live server, over plain HTTP ---------------------------------------------------


def _reload_middleware(live_server: Any) -> None:
    """SecurityMiddleware reads SECURE_SSL_REDIRECT once, when the live server's handler
    is built (before any test changed settings): build the middleware chains again."""
    handler = live_server.thread.httpd.get_app()
    while isinstance(handler, BaseHandler):
        handler.load_middleware()
        handler = getattr(handler, "application", None)


@pytest.fixture
def _live_server_restored(live_server: Any) -> Iterator[None]:
    yield
    _reload_middleware(live_server)  # torn down after `settings` restored the posture


@pytest.fixture
def site_url(_live_server_restored: None, settings: Any, live_server: Any) -> Iterator[str]:
    """The live server, in plain HTTP: no SSL redirect and no secure-only cookies."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    if finders.find(STYLESHEET) is None:  # see test_static_files_are_found_by_the_finders
        settings.STATICFILES_DIRS = [STATIC_DIR]
    _reload_middleware(live_server)
    # Chromium tries ::1 first for "localhost" and loses ~0.5 s on every new context.
    yield str(live_server.url).replace("://localhost:", "://127.0.0.1:")
    _lift_audit_triggers()  # the database is flushed next


# --- people ---------------------------------------------------------------------------


def enrol(person: Person) -> Person:
    person.totp_secret = pyotp.random_base32()
    person.totp_confirmed_at = timezone.now()
    person.save(update_fields=["totp_secret", "totp_confirmed_at"])
    return person


@pytest.fixture
def people(world: World) -> World:
    """The shared world, with Ada and Aisha enrolled in a second factor; Oscar (a
    coordinator too) is not, so he meets the enrolment page. Nina has no role yet."""
    enrol(world.ada)
    enrol(world.aisha)
    make_person("nina@example.org", "Nina")
    return world


def current_code(person: Person) -> str:
    person.refresh_from_db()
    return pyotp.TOTP(person.totp_secret).now()


def wrong_code(person: Person) -> str:
    """A six-digit code that no nearby time step accepts."""
    person.refresh_from_db()
    totp = pyotp.TOTP(person.totp_secret)
    now = timezone.now().timestamp()
    near = {totp.at(now + offset * totp.interval) for offset in range(-2, 3)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in near)


# --- a browsing session -----------------------------------------------------------------


def translated(message: str, language: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


@dataclass
class Ui:
    """A browser tab on the live server, with what its console said."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    documents: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.page.on("console", self._on_console)
        self.page.on("pageerror", self._on_page_error)
        self.page.on("response", self._on_response)

    def detach(self) -> None:
        self.page.remove_listener("console", self._on_console)
        self.page.remove_listener("pageerror", self._on_page_error)
        self.page.remove_listener("response", self._on_response)

    def _on_page_error(self, error: Exception) -> None:
        self.console_errors.append(f"page error: {error}")

    def _on_response(self, response: Any) -> None:
        if response.request.resource_type == "document":
            self.documents[response.url] = response.status

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # Chromium logs a page answered with 4xx (a form with errors, the 404 page) as a
        # failed resource; the tests check those statuses themselves.
        source = message.location.get("url", "")
        if message.text.startswith("Failed to load resource") and source in self.documents:
            return
        self.console_errors.append(f"{message.text} ({source})")

    def url(self, name: str, *args: Any) -> str:
        return self.base_url + reverse(name, args=args)

    def goto(self, path: str, *, status: int = 200) -> None:
        response = self.page.goto(path if path.startswith("http") else self.base_url + path)
        assert response is not None
        assert response.status == status, f"{path} answered {response.status}"

    def submit(self, button: str) -> None:
        self.page.get_by_role("button", name=button, exact=True).click()
        self.page.wait_for_load_state()

    def sign_in(self, person: Person, *, second_factor: bool = True) -> None:
        """Through the sign-in page; gives the second factor if the person has one."""
        self.goto(self.url("accounts:login"))
        self.page.fill("#id_email", person.email)
        self.page.fill("#id_password", PASSWORD)
        self.submit("Sign in")
        person.refresh_from_db()
        if self.page.url.endswith(reverse("accounts:second-factor")):
            if not (second_factor and person.has_second_factor):
                return
            self.page.fill("#id_code", current_code(person))
            self.submit("Confirm")
        assert self.page.url == self.url("web:home"), f"not signed in: {self.page.url}"

    def sign_in_directly(self, person: Person) -> None:
        """A session made on the server, as the sign-in page and the second factor leave
        it, handed to the browser as its cookie: for tests about a page, not about signing
        in (the sign-in pages have tests of their own), and half a second faster."""
        given = person.has_second_factor or not second_factor_required(person)
        client = signed_in(person, second_factor=given)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": cookie.value,
                    "url": self.base_url,
                    "httpOnly": True,
                    "sameSite": "Lax",
                }
            ]
        )

    def switch_language(self, language: str) -> None:
        self.page.select_option("#language-select", language)  # app.js submits the form
        self.expect_lang(language)

    def expect_lang(self, language: str) -> None:
        expect(self.page.locator("html")).to_have_attribute("lang", language)
        self.page.wait_for_load_state()

    def assert_no_console_errors(self) -> None:
        assert self.console_errors == [], "\n".join(self.console_errors)


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, **options
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(CSP_LISTENER)
    return context


@pytest.fixture
def ui(chromium: Chromium, site_url: str) -> Iterator[Ui]:
    """The shared tab; the person it signed in is forgotten afterwards."""
    page = chromium.shared_page()
    tab = Ui(page, site_url)
    yield tab
    tab.detach()
    page.context.clear_cookies()
    if page.url.startswith("http"):
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.goto("about:blank")


@pytest.fixture
def ui_factory(browser: Browser, site_url: str) -> Iterator[Callable[..., Ui]]:
    """Opens tabs in fresh contexts (for instance with JavaScript off); closes them."""
    contexts: list[BrowserContext] = []

    def open_tab(**options: Any) -> Ui:
        context = new_context(browser, **options)
        contexts.append(context)
        return Ui(context.new_page(), site_url)

    yield open_tab
    for context in contexts:
        context.close()


# --- the pages a person can reach ------------------------------------------------------


@dataclass(frozen=True)
class SitePage:
    """A page a person can reach: who looks, where, and what the page says."""

    id: str
    person: str | None  # a World attribute, or None for someone not signed in
    path: Callable[[World], str]
    text: str  # a message id the page shows (translated where a catalogue has it)
    status: int = 200
    then: Callable[[Ui, World], None] | None = None  # steps after opening the page
    second_factor: bool = True  # give the second factor when signing in
    language_switch: bool = True  # the page still exists after a language change

    @property
    def visitor(self) -> str:
        """Who looks, and how they signed in: pages with the same visitor share a tour."""
        if self.person is None:
            return "anonymous"
        return self.person if self.second_factor else f"{self.person}-before-second-factor"

    def open(self, ui: Ui, world: World) -> None:
        """Signs in as the page's person, then visits it. A person who gives the second
        factor gets their session directly; one who has not given it yet goes through the
        sign-in page, which holds them at the second factor."""
        if self.person is not None:
            person = getattr(world, self.person)
            if self.second_factor:
                ui.sign_in_directly(person)
            else:
                ui.sign_in(person, second_factor=False)
        self.visit(ui, world)

    def visit(self, ui: Ui, world: World) -> None:
        path = self.path(world)
        if ui.page.url != ui.base_url + path:
            ui.goto(path, status=self.status if self.then is None else 200)
        if self.then is not None:
            self.then(ui, world)
            address = ui.page.url.split("#")[0]
            assert ui.documents.get(address) == self.status, ui.page.url


def _reset_requested(ui: Ui, world: World) -> None:
    ui.page.fill("#id_email", world.sara.email)
    ui.submit("Send the link")
    assert ui.page.url == ui.url("accounts:password-reset-done")


def _reset_link_opened(ui: Ui, world: World) -> None:
    _reset_requested(ui, world)
    message = mail.outbox[-1]
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", message.body)
    assert link, message.body
    ui.goto(link.group(0))
    assert ui.page.url.endswith("/set-password/")


def _duplicate_organisation(ui: Ui, world: World) -> None:
    ui.page.fill("#id_name", world.unct.name)
    ui.page.select_option("#id_kind", world.unct.kind)
    ui.submit("Save")
    assert ui.page.locator(".has-error #id_name").count() == 1


def _unknown_member(ui: Ui, world: World) -> None:
    ui.page.fill("#id_email", "nobody@example.org")
    ui.submit("Add")
    assert ui.page.locator(".has-error #id_email").count() == 1


def _new_token(ui: Ui, world: World) -> None:
    ui.page.fill("#id_name", "Reporting script")
    ui.submit("Create")
    assert ui.page.locator("code.token").is_visible()


def _url(name: str, *args: Callable[[World], Any]) -> Callable[[World], str]:
    return lambda world: reverse(name, args=[arg(world).pk for arg in args])


def _unct(world: World) -> Any:
    return world.unct


FOUNDATION_PAGES = [
    SitePage("sign-in", None, _url("accounts:login"), "Sign in"),
    SitePage("password-reset", None, _url("accounts:password-reset"), "Reset your password"),
    SitePage(
        "password-reset-sent",
        None,
        _url("accounts:password-reset"),
        "Check your mail",
        then=_reset_requested,
    ),
    SitePage(
        "password-reset-new-password",
        None,
        _url("accounts:password-reset"),
        "Choose a new password",
        then=_reset_link_opened,
    ),
    SitePage(
        "password-reset-complete", None, _url("accounts:password-reset-complete"), "Password saved"
    ),
    SitePage("home-admin", "ada", _url("web:home"), "Platform administration"),
    SitePage("home-coordinator", "aisha", _url("web:home"), "Coordination"),
    SitePage("home-editor", "bolat", _url("web:home"), "Your work"),
    SitePage("home-viewer", "sara", _url("web:home"), "Your organisations"),
    SitePage("home-reviewer", "rita", _url("web:home"), "Quality assurance"),
    SitePage("organisations", "rita", _url("accounts:organisations"), "Organisations"),
    SitePage("organisation-detail", "aisha", _url("accounts:organisation", _unct), "Add a member"),
    SitePage(
        "organisation-create", "ada", _url("accounts:organisation-create"), "Create an organisation"
    ),
    SitePage(
        "organisation-create-errors",
        "ada",
        _url("accounts:organisation-create"),
        "Create an organisation",
        status=400,
        then=_duplicate_organisation,
    ),
    SitePage(
        "organisation-edit", "aisha", _url("accounts:organisation-edit", _unct), "Edit organisation"
    ),
    SitePage(
        "membership-add-errors",
        "aisha",
        _url("accounts:organisation", _unct),
        "Add a member",
        status=400,
        then=_unknown_member,
        # The form answers a POST at a URL that has no GET: a language change there
        # lands on 405 (see the report).
        language_switch=False,
    ),
    SitePage("profile", "bolat", _url("accounts:profile"), "API tokens"),
    SitePage("profile-new-token", "bolat", _url("accounts:profile"), "API tokens", then=_new_token),
    SitePage("password-change", "bolat", _url("accounts:password-change"), "Change password"),
    SitePage("second-factor-enrolment", "oscar", _url("accounts:second-factor"), "Second factor"),
    SitePage(
        "second-factor-code",
        "aisha",
        _url("accounts:second-factor"),
        "Type the six-digit code from your authenticator app.",
        second_factor=False,
    ),
    SitePage("audit-trail", "ada", _url("accounts:audit"), "Audit trail"),
    SitePage("not-found", "sara", lambda world: "/no-such-page/", "Error", status=404),
]


def all_pages() -> list[SitePage]:
    """The foundation's pages, then the scorecards', the network's and the results' (whose
    modules import this one)."""
    from tests.browser.network_pages import NETWORK_PAGES
    from tests.browser.network_running_pages import RUNNING_PAGES
    from tests.browser.results_pages import RESULTS_PAGES
    from tests.browser.scorecards_pages import SCORECARDS_PAGES

    pages = [*FOUNDATION_PAGES, *SCORECARDS_PAGES, *NETWORK_PAGES, *RUNNING_PAGES, *RESULTS_PAGES]
    ids = [page.id for page in pages]
    assert len(ids) == len(set(ids)), f"page ids repeat: {sorted(ids)}"
    return pages


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "site_page" in metafunc.fixturenames:
        pages = all_pages()
        metafunc.parametrize("site_page", pages, ids=[page.id for page in pages])
    if "tour" in metafunc.fixturenames:  # the pages one visitor sees, in one browser tab
        tours: dict[str, list[SitePage]] = {}
        for page in all_pages():
            if page.language_switch:
                tours.setdefault(page.visitor, []).append(page)
        metafunc.parametrize("tour", list(tours.values()), ids=list(tours))
