"""Shared fixtures: parsed seed documents, a site built from them, and a real Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "docs_src"
sys.path.insert(0, str(ROOT))

from generator.diagnostics import Reporter  # noqa: E402
from generator.documents import discover, load_document, parse_text  # noqa: E402
from generator.model import Meta  # noqa: E402
from generator.siteconfig import write_configs  # noqa: E402,F401  (tests import it from here)

CHROMIUM = "/usr/bin/chromium"


def parse(text: str, report: Reporter | None = None, path: str = "test.txt"):
    """Parse a hand-made raw text the way a docs_src document is parsed."""
    return parse_text(text, path, Meta(slug="test"), report if report is not None else Reporter())


def raw(*lines: str) -> str:
    """A double-spaced extraction: every printed line followed by an empty line."""
    return "".join(line + "\n\n" for line in lines)


@pytest.fixture(scope="session")
def seed_docs():
    report = Reporter()
    docs = {f.name: load_document(f, report, ROOT) for f in discover(SRC)}
    return docs, report


def build_site(src: Path, out: Path, langs=("ja", "en"), env: dict | None = None) -> Path:
    """Generate and build a site from `src` into `out` (a throw-away copy of the real build):
    the Japanese edition at the root of out/site, the English one under out/site/en."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), **(env or {}))
    configs = [arg for path in write_configs(src, out, langs).values() for arg in ("-f", str(path))]
    subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(out / "build"),
                    "build", *configs], check=True, env=env, cwd=ROOT)     # MkDocs: strict by its config
    return out / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    return build_site(SRC, tmp_path_factory.mktemp("site"))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
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


def eventually(condition, seconds: float = 20, every: float = 0.02) -> bool:
    """Whether `condition()` holds within `seconds` (asked every `every` seconds)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(every)
    return condition()


def copy_docs(dest: Path, names=None) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for folder in discover(SRC):
        if names is None or folder.name in names:
            shutil.copytree(folder, dest / folder.name)
    return dest
