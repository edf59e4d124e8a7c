"""Stage 5 — pages to files for MkDocs.

In:  the parsed `Document`s and the pages rendered for a language.
Out: `build/docs/<lang>/…/*.md` (the MkDocs docs_dir of that language),
     `build/nav/<lang>.json` (the navigation, read by `mkdocs_hooks.py`),
     and the home page. A file is rewritten only when its bytes change, and
     files no longer produced are removed, so live reload stays quick.
"""
from __future__ import annotations

import json
from pathlib import Path

from .escape import html_attr, html_text
from .model import Document
from .render import Language, Page, render_document

HOME_JA = {
    "home_title": "宇宙政策文書",
    "home_intro": "我が国の宇宙政策に関する審議会等の文書を、原文テキストから忠実に組版して公開しています。",
    "documents": "収録文書",
}


def write_if_changed(path: Path, text: str, written: list[Path]) -> None:
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    written.append(path)


def home_page(docs: list[Document], lang: Language) -> str:
    label = lambda k: lang.labels.get(k, HOME_JA.get(k, k))  # noqa: E731
    items = []
    for doc in docs:
        m = doc.meta
        facts = " / ".join(html_text(x) for x in (m.issuer, m.date_note or m.date) if x)
        items.append(f'<li><a href="{html_attr(m.slug)}/">{html_text(m.title)}</a>'
                     f'<br><span class="doc-facts">{facts}</span></li>')
    return (f"# {label('home_title')}\n\n<p>{html_text(label('home_intro'))}</p>\n\n"
            f'<p class="doc-list-title">{html_text(label("documents"))}</p>\n\n'
            f'<ul class="doc-list">{"".join(items)}</ul>\n')


def nav_for(docs_pages: list[tuple[Document, list[Page]]], lang: Language) -> list:
    label = lang.labels.get("home_title", HOME_JA["home_title"])
    nav: list = [{label: "index.md"}]
    for doc, pages in docs_pages:
        nav.append({doc.meta.title: [{p.title: p.path} for p in pages]})
    return nav


def write_language(docs: list[Document], lang: Language, out: Path) -> list[Path]:
    """Render and write every page of one language; return the files rewritten."""
    root = out / "docs" / lang.code
    written: list[Path] = []
    produced: set[Path] = set()
    docs_pages = [(doc, render_document(doc, lang)) for doc in docs]
    for _, pages in docs_pages:
        for page in pages:
            path = root / page.path
            produced.add(path)
            write_if_changed(path, page.markdown, written)
    home = root / "index.md"
    produced.add(home)
    write_if_changed(home, home_page(docs, lang), written)
    nav = out / "nav" / f"{lang.code}.json"
    write_if_changed(nav, json.dumps(nav_for(docs_pages, lang), ensure_ascii=False, indent=1) + "\n", written)
    for stale in sorted(root.rglob("*.md")):
        if stale not in produced:
            stale.unlink()
            written.append(stale)
    return written
