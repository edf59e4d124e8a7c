"""A PDF of each document in each edition, printed by Chromium from its print page.

In:  the staged editions (folder, language) and the site root they lie in (folder, URL), a cache folder.
Out: `<doc>/<doc>.<lang>.pdf` beside each print page (`<doc>/print/index.html`, `<doc>/print.html`
     offline), A4, fonts embedded, links to the site's URLs; a `PdfTiming`.

Chromium is the engine the tests check the print CSS with (two columns side by side, tables kept
whole), breaks Japanese lines by ICU's rules (no line begins with 。、 or a closing bracket), and
embeds the subset of each font it uses. One browser (Debian's, through Playwright) prints every PDF,
one after the other, and only those whose print page changed: each is kept under a key of what
it is printed from (the page's article and title, the stylesheets and scripts it loads, the site's
URL, the print options) in the cache, and copied from there while that is unchanged.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
FOOTER = ('<div style="width:100%;font-size:8px;text-align:center;color:#555">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
OPTIONS = dict(format="A4", print_background=True, outline=True, tagged=True, display_header_footer=True,
               header_template="<span></span>", footer_template=FOOTER,
               margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
ASSET = re.compile(rb'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"#?]+)')
ARTICLE = re.compile(rb"<title>.*?</title>|<article.*</article>", re.S)
# every link of the page that leads into the site, to its URL on the site (same-page anchors stay
# links inside the PDF)
SITE_LINKS = """([root, site]) => { for (const a of document.querySelectorAll('a[href]')) {
  const href = a.getAttribute('href'); if (href.startsWith('#')) continue;
  const url = new URL(href, location.href).href; if (url.startsWith(root)) a.href = site + url.slice(root.length); } }"""


@dataclass(frozen=True)
class Printed:
    """One staged edition whose print pages are printed."""
    folder: Path           # the edition's staged folder
    lang: str
    root: Path             # the staged folder of the site it is part of
    root_url: str          # that site's URL (mkdocs.yml site_url)


@dataclass
class PdfTiming:
    """What printing the PDFs took."""
    printed: int = 0       # PDFs made by Chromium
    reused: int = 0        # copied from the cache
    seconds: float = 0.0


def print_pages(folder: Path) -> list[tuple[str, Path]]:
    """(document, print page) of an edition's folder, both URL styles."""
    pages = [(p.parent.parent.name, p) for p in folder.glob("*/print/index.html")]
    pages += [(p.parent.name, p) for p in folder.glob("*/print.html")]
    return sorted(pages)


def _digest(path: Path, memo: dict[Path, bytes]) -> bytes:
    if path not in memo:
        memo[path] = hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-"
    return memo[path]


def pdf_key(page: Path, edition: Printed, memo: dict[Path, bytes]) -> str:
    """What a PDF is printed from: the page's title and article, the files it loads, where it is
    on the site, the options."""
    html = page.read_bytes()
    digest = hashlib.sha256(repr((OPTIONS, edition.root_url, page.relative_to(edition.root).as_posix())).encode())
    for part in ARTICLE.findall(html):
        digest.update(part)
    for src in ASSET.findall(html):
        digest.update(_digest((page.parent / src.decode()).resolve(), memo))
    return digest.hexdigest()


def write_pdfs(editions: list[Printed], cache: Path) -> PdfTiming:
    """Each print page's PDF beside it, from the cache or printed (one browser for all); the cache
    left with the PDFs of this build only."""
    start, timing, memo = time.perf_counter(), PdfTiming(), {}
    cache.mkdir(parents=True, exist_ok=True)
    todo, used = [], set()
    for edition in editions:
        for doc, page in print_pages(edition.folder):
            key = pdf_key(page, edition, memo)
            used.add(f"{key}.pdf")
            todo.append((edition, page, page.parents[1 if page.name == "index.html" else 0] / f"{doc}.{edition.lang}.pdf",
                         cache / f"{key}.pdf"))
    missing = [t for t in todo if not t[3].exists()]
    if missing:
        _print(missing)
    for _, _, target, kept in todo:
        shutil.copyfile(kept, target)
    for old in cache.glob("*.pdf"):
        if old.name not in used:
            old.unlink()
    timing.printed, timing.reused = len(missing), len(todo) - len(missing)
    timing.seconds = time.perf_counter() - start
    return timing


def _print(todo: list[tuple[Printed, Path, Path, Path]]) -> None:
    """Print each page into its cache file, one after the other, in one browser."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page()
            for edition, html, _, kept in todo:
                page.goto(html.as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                page.evaluate(SITE_LINKS, [edition.root.resolve().as_uri() + "/", edition.root_url])
                partial = kept.with_suffix(".part")
                page.pdf(path=str(partial), **OPTIONS)
                partial.replace(kept)            # (a killed build leaves no half-written PDF in the cache)
        finally:
            browser.close()
