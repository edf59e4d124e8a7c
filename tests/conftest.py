"""Shared fixtures: parsed seed documents, a site built from them, and a real Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CHROMIUM, ROOT, SRC, build_site, serve

from generator.diagnostics import Reporter  # noqa: E402
from generator.parse.documents import discover, load_document  # noqa: E402


@pytest.fixture(scope="session")
def seed_docs():
    report = Reporter()
    docs = {f.name: load_document(f, report, ROOT) for f in discover(SRC)}
    return docs, report


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    return build_site(SRC, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is required (make test installs it): " + CHROMIUM)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    pg = context.new_page()
    yield pg
    context.close()
