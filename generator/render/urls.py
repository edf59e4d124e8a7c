"""Links between generated pages, in either URL style.

In:  page paths relative to a language root as the generator writes them
     (`leo-activity-2025/1.md`, `glossary.md`, `leo-activity-2025/tables/x.csv`)
     and the URL style of the build.
Out: relative hrefs that MkDocs would produce for Markdown links: directory URLs
     (`1/`, `../glossary/#cld`) for the hosted site, `.html` files for the offline
     bundle opened from disk, where a folder URL does not open its index.html.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class UrlStyle:
    """Directory URLs (the hosted site) or `.html` files (the offline bundle)."""
    directory: bool = True

    def url(self, path: str) -> str:
        """The URL of a page (or the path of a file) relative to the language root."""
        if not path.endswith(".md"):
            return path
        stem = path[:-3]
        if not self.directory:
            return stem + ".html"
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[:-5]
        return stem + "/"

    def href(self, from_page: str, to: str, anchor: str = "") -> str:
        return _href(self, from_page, to) + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def _href(style: UrlStyle, from_page: str, to: str) -> str:
    """Relative URL between two pages (memoised: pages link to the same few targets)."""
    here = style.url(from_page)
    base = here if here.endswith("/") or here == "" else posixpath.dirname(here)
    target = style.url(to)
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return rel
