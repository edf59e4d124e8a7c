"""Helpers the tests share: the project's folders, hand-made raw texts, builds of a documents folder,
a real HTTP server for a built site, and polling for an event."""
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

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "docs_src"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.diagnostics import Reporter  # noqa: E402
from generator.model import Meta  # noqa: E402
from generator.parse.documents import discover, parse_text  # noqa: E402
from generator.publish.siteconfig import write_configs  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def parse(text: str, report: Reporter | None = None, path: str = "test.txt"):
    """Parse a hand-made raw text the way a docs_src document is parsed."""
    return parse_text(text, path, Meta(slug="test"), report if report is not None else Reporter())


def raw(*lines: str) -> str:
    """A double-spaced extraction: every printed line followed by an empty line."""
    return "".join(line + "\n\n" for line in lines)


def build_site(src: Path, out: Path, langs=("ja", "en"), env: dict | None = None, jobs: int = 1,
               extra: tuple = ()) -> Path:
    """Generate and build a site from `src` into `out` (a throw-away copy of the real build):
    the Japanese edition at the root of out/site, the English one under out/site/en (in this one
    process unless `jobs` says otherwise: the serial twin)."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), **(env or {}))
    configs = [arg for path in write_configs(src, out, langs).values() for arg in ("-f", str(path))]
    subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(out / "build"),
                    "build", "--jobs", str(jobs), *extra, *configs], check=True, env=env, cwd=ROOT)   # MkDocs: strict by its config
    return out / "site"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    """A real HTTP server of `folder` on a free port of 127.0.0.1 (the caller shuts it down); its URL."""
    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def eventually(condition, seconds: float = 20, every: float = 0.02) -> bool:
    """Whether `condition()` holds within `seconds` (asked every `every` seconds)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(every)
    return condition()


def until_scrolling_stops(page, quiet_ms: int = 1000) -> None:
    """Wait in the page until it has not scrolled for `quiet_ms` (what reacts to a scroll has run)."""
    page.evaluate("""ms => new Promise(done => {
      let timer; const wait = () => { clearTimeout(timer); timer = setTimeout(() => { removeEventListener('scroll', wait); done(); }, ms); };
      addEventListener('scroll', wait, {passive: true}); wait(); })""", quiet_ms)


def copy_docs(dest: Path, names=None) -> Path:
    """A copy of the seed documents (those in `names`), with a glossary of no terms."""
    dest.mkdir(parents=True, exist_ok=True)
    for folder in discover(SRC):
        if names is None or folder.name in names:
            shutil.copytree(folder, dest / folder.name)
    (dest / "glossary.yml").write_text("terms: []\n", encoding="utf-8")
    return dest


def reading_text(articles) -> tuple[str, dict[int, str]]:
    """What a reader reads in rendered pages (BeautifulSoup elements, in reading order): the running
    text, and each note's text by its number — generated words (labels, back-links) left out."""
    body, notes = [], {}
    for article in articles:
        for li in article.select("div.footnote li[id^='fn:']"):
            if li.has_attr("data-repeat"):
                continue
            for generated in li.select("[data-generated]"):
                generated.decompose()
            notes[int(li["id"].split(":")[1])] = li.get_text()
        for generated in article.select("div.footnote, [data-generated], .headerlink"):
            generated.decompose()
        body.append(article.get_text())
    return "".join(body), notes
