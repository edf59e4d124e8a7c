"""Broken internal links and anchors in the built site.

In:  a built site folder (both editions).
Out: diagnostics `page: error: …` for every relative link whose page or file does not
     exist, and every `#anchor` that no element of the target page carries.
     Attributes are read with regular expressions (the pages are MkDocs' own,
     well-formed output), so thousands of pages take seconds.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .diagnostics import Reporter

ID = re.compile(r'\sid="([^"]+)"')
HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"', re.S)
EXTERNAL = ("http:", "https:", "mailto:", "javascript:", "data:", "tel:")


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    if path.startswith("/"):          # root-relative (MkDocs writes these on 404 pages): from the site root
        resolved = Path(posixpath.normpath(site.as_posix() + path))
    else:
        resolved = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), path)))
    if path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


def _line(text: str, href: str) -> int:
    """The line of a page's first link to `href` (counted only for a broken link: pages hold thousands)."""
    return text.count("\n", 0, text.find(f'href="{href}"')) + 1


def check_links(site: Path, report: Reporter) -> int:
    pages = sorted(site.rglob("*.html"))
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(ID.findall(path.read_text(encoding="utf-8", errors="replace")))
        return ids[path]

    checked = 0
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        shown = str(page.relative_to(site.parent)) if site.parent in page.parents else str(page)
        for href in HREF.findall(text):
            href = href.replace("&amp;", "&")
            if not href or href.startswith(EXTERNAL) or href.startswith("//"):
                continue
            checked += 1
            target, anchor = _target(site, page.resolve(), href)
            if not target.exists():
                report.error(shown, _line(text, href), "link-broken", f'link "{href}" leads to no page or file')
            elif anchor and target.suffix == ".html" and anchor not in ids_of(target):
                report.error(shown, _line(text, href), "link-anchor", f'link "{href}": the page has no anchor #{anchor}')
    return checked
