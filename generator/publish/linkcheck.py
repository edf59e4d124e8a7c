"""Broken internal links and anchors in a built site.

In:  a built site folder (both editions), and the name to give it in messages.
Out: diagnostics `site/page.html:line: error: …` for every relative link (`href`, on links,
     stylesheets and icons alike) whose page or file does not exist, and every `#anchor` that no
     element of the target page carries; the number of links checked.

One pass reads every page and collects its ids and its links (as bytes, with regular
expressions: the pages are MkDocs' own well-formed output); each distinct link of a folder is
then resolved once (the navigation repeats the same links on every page), against the list
of files made by one walk of the site. 126,000 links at 100 documents take a fraction of a second.
"""
from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

from ..diagnostics import Reporter

ID = re.compile(rb' id="([^"]*)"')
HREF = re.compile(rb' href="([^"]*)"')
EXTERNAL = (b"http:", b"https:", b"mailto:", b"javascript:", b"data:", b"tel:", b"//")


def _files(site: Path) -> tuple[set[str], list[str]]:
    """Every file of the site (paths relative to it, with /), and the pages among them."""
    files, pages = set(), []
    for folder, _, names in os.walk(site):
        rel = os.path.relpath(folder, site)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in names:
            files.add(prefix + name)
            if name.endswith(".html"):
                pages.append(prefix + name)
    return files, sorted(pages)


def _resolve(folder: str, path: str, files: set[str]) -> str | None:
    """The file a link's path leads to from a page in `folder` (its index.html for a folder), or None."""
    joined = posixpath.normpath(path.lstrip("/") if path.startswith("/") else f"{folder}/{path}" if folder else path)
    target = "" if joined == "." else joined
    if path.endswith("/") or (target + "/index.html" if target else "index.html") in files:
        target = target + "/index.html" if target else "index.html"
    return target if target in files and not target.startswith("../") else None


def _broken(report: Reporter, site: Path, shown: str, page: str, raw: bytes, code: str) -> None:
    """Report a broken link at the line of the page's first link to it (`raw`, as written)."""
    href = raw.decode("utf-8", "replace").replace("&amp;", "&")
    text = (site / page).read_text(encoding="utf-8", errors="replace")
    line = text.count("\n", 0, max(text.find(f'href="{raw.decode("utf-8", "replace")}"'), 0)) + 1
    message = (f'link "{href}" leads to no page or file' if code == "link-broken" else
               f'link "{href}": the page has no anchor #{unquote(href.partition("#")[2])}')
    report.error(f"{shown}/{page}", line, code, message)


def check_links(site: Path, report: Reporter, shown: str | None = None) -> int:
    """Check every internal link of the site in `site` (named `shown` in messages); the links checked."""
    shown = shown if shown is not None else str(site)
    files, pages = _files(site)
    ids: dict[str, set[bytes]] = {}
    links: dict[str, list[bytes]] = {}
    for page in pages:
        with open(site / page, "rb") as f:
            data = f.read()
        ids[page] = set(ID.findall(data))
        links[page] = HREF.findall(data)
    resolved: dict[tuple[str, bytes], str | None] = {}     # (folder, path) → target, for each distinct link
    checked = 0
    for page in pages:
        folder = posixpath.dirname(page)
        here = ids[page]
        for raw, count in Counter(links[page]).items():
            if not raw or raw.startswith(EXTERNAL):
                continue
            checked += count
            if b"&" in raw or b"%" in raw:                  # (entities, percent escapes: rare)
                path, _, fragment = unquote(raw.decode("utf-8", "replace").replace("&amp;", "&")).partition("#")
                path, fragment = path.encode(), fragment.encode()
            else:
                path, _, fragment = raw.partition(b"#")
            path = path.partition(b"?")[0]
            target, target_ids = page, here
            if path:
                key = (folder, path)
                if key not in resolved:
                    resolved[key] = _resolve(folder, path.decode("utf-8", "replace"), files)
                target = resolved[key]
                if target is None:
                    _broken(report, site, shown, page, raw, "link-broken")
                    continue
                target_ids = ids.get(target)
            if fragment and target_ids is not None and fragment not in target_ids:
                _broken(report, site, shown, page, raw, "link-anchor")
    return checked
