"""A PDF of each document in each edition, printed by Chromium from its print page.

In:  the staged editions (folder, language) and the site root they lie in (folder, URL), a cache folder.
Out: `<doc>/<doc>.<lang>.pdf` beside each print page (`<doc>/print/index.html`, `<doc>/print.html`
     offline), A4, every glyph in the file, links to the site's URLs; a `PdfTiming`.

Chromium is the engine the tests check the print CSS with (two columns side by side, tables kept
whole), breaks Japanese lines by ICU's rules (no line begins with 。、 or a closing bracket), and
puts the fonts it uses in the file: TrueType fonts as subsets (IPAex Gothic for Japanese in print:
extra.css), and CFF fonts (Noto Sans CJK) and synthetic bold (IPAex has no bold face) as Type 3 glyphs,
each with its map back to text. One browser (Debian's, through Playwright) prints every PDF,
one after the other, and only those whose print page changed: each is kept under a key of what
it is printed from (the page's article and title, the stylesheets and scripts it loads, the site's
URL, the print options, this code) in the cache, and copied from there while that is unchanged.

The CJK fonts give one glyph to an ideograph and to its radical (用 and ⽤ U+2F64, 民 and ⺠ U+2EA0),
to ・ and ‧ U+2027, and Chromium's map from glyphs back to text names the radical: a reader's search for
用 would not find it. Each PDF's maps (ToUnicode) are corrected after printing (pypdf), to the
ideographs (a radical written as such in a source would read as its ideograph too: none is).
"""
from __future__ import annotations

import hashlib
import re
import shutil
import time
import unicodedata
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


# the CJK radicals the fonts share a glyph with, the characters of Japanese text they stand for (the
# Kangxi radicals U+2F00–2FD5 have theirs in Unicode: NFKC)
RADICALS = {"⺟": "母", "⺠": "民", "⻄": "西", "⻑": "長", "⻘": "青", "⻝": "食", "⻤": "鬼", "⻭": "歯", "⻩": "黄",
            "⻲": "亀", "⻯": "竜", "‧": "・", "ʼ": "’"}      # (IPAex Gothic: ’ and the modifier letter ʼ)
SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)endbf(?:char|range)", re.S)
ENTRY = {b"bfchar": re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>"),
         b"bfrange": re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")}


def _character(code: str) -> str:
    """The character a glyph of Japanese text stands for, given the one the map named."""
    if "\u2f00" <= code <= "\u2fd5":
        return unicodedata.normalize("NFKC", code)
    return RADICALS.get(code, code)


def _text(hexa: bytes) -> str:
    return bytes.fromhex(hexa.decode()).decode("utf-16-be", "replace")


def _mappings(cmap: bytes) -> tuple[dict[bytes, str], int]:
    """A ToUnicode map's codes (hex, as written) and their text; the width of its codes in hex digits."""
    out, width = {}, 2
    for kind, body in SECTION.findall(cmap):
        for m in ENTRY[kind].finditer(body):
            width = len(m.group(1))
            if kind == b"bfchar":
                out[m.group(1).upper()] = _text(m.group(2))
                continue
            low, high, dst = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
            targets = re.findall(rb"<([0-9A-Fa-f]*)>", dst)
            first = _text(targets[0]) if targets else ""
            for n, code in enumerate(range(low, high + 1)):
                text = (_text(targets[n]) if n < len(targets) else "") if dst.startswith(b"[") else \
                    first[:-1] + chr(ord(first[-1]) + n) if first else ""
                out[b"%0*X" % (width, code)] = text
    return out, width


def _corrected(cmap: bytes) -> bytes:
    """A ToUnicode map with each glyph named by a radical renamed to its character (written as
    single mappings: a range of radicals is no range of their characters)."""
    mappings, _ = _mappings(cmap)
    fixed = {code: "".join(map(_character, text)) for code, text in mappings.items()}
    if fixed == mappings:
        return cmap
    entries = [b"<%s> <%s>" % (code, text.encode("utf-16-be").hex().upper().encode()) for code, text in sorted(fixed.items())]
    blocks = b"".join(b"%d beginbfchar\n%s\nendbfchar\n" % (len(chunk), b"\n".join(chunk))
                      for chunk in (entries[i:i + 100] for i in range(0, len(entries), 100)))
    head = cmap[:cmap.index(b"endcodespacerange") + len(b"endcodespacerange\n")]
    return head + blocks + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"


def correct_text(path: Path) -> int:
    """Correct a PDF's ToUnicode maps where they name a radical for an ideograph (or ‧ for ・), as an
    incremental update (pypdf: the corrected maps appended, the rest of the file as printed); how many."""
    import pypdf
    writer = pypdf.PdfWriter(path, incremental=True)
    seen: set[int] = set()
    fixed = 0
    for page in writer.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            ref = font.get_object().get("/ToUnicode")
            if isinstance(ref, pypdf.generic.IndirectObject) and ref.idnum not in seen:
                seen.add(ref.idnum)
                stream = ref.get_object()
                data = stream.get_data()
                if _corrected(data) != data:
                    stream.set_data(_corrected(data))
                    fixed += 1
    if fixed:
        writer.write(path)
    return fixed


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
    on the site, the options and this module's code."""
    html = page.read_bytes()
    digest = hashlib.sha256(repr((OPTIONS, edition.root_url, page.relative_to(edition.root).as_posix())).encode())
    digest.update(_digest(Path(__file__), memo))             # (how it is printed and corrected)
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
                page.goto(html.resolve().as_uri(), wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                page.evaluate(SITE_LINKS, [edition.root.resolve().as_uri() + "/", edition.root_url])
                partial = kept.with_suffix(".part")
                page.pdf(path=str(partial), **OPTIONS)
                correct_text(partial)
                partial.replace(kept)            # (a killed build leaves no half-written PDF in the cache)
        finally:
            browser.close()
