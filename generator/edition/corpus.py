"""The corpus pages of each edition, from every document's summary.

In:  each document's `DocumentSummary` (its pages written already), the glossary, the URL style.
Out: per edition, in `build/docs/<lang>/`: the home page, the editors' translation status page,
     the glossary page and its downloads (TBX, CSV), the search index; `build/nav/<lang>.json`,
     the navigation `publish.mkdocs_hooks` gives MkDocs; the files no longer produced removed.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..glossary.export import to_csv, to_tbx
from ..glossary.termbase import Glossary, sort_key
from ..render.escape import html_attr, html_text, markdown_text
from ..render.languages import Language
from ..render.side_by_side import SIDE_BY_SIDE_PAGE
from ..render.urls import UrlStyle
from .document import DocumentSummary
from .files import front_matter, remove_stale, write_if_changed
from .search import search_files


def home_page(docs: list[DocumentSummary], lang: Language) -> str:
    """The edition's home page: every document, with its issuer, date and side-by-side page."""
    items = []
    for doc in docs:
        m = doc.meta
        issuer = m.issuer if lang.is_source else (m.issuer_en or m.issuer)
        date = (m.date_note or m.date) if lang.is_source else (m.date or m.date_note_en)
        facts = " / ".join(html_text(x) for x in (issuer, date) if x)
        home, pairs = (lang.urls.href("index.md", f"{m.slug}/{p}") for p in ("index.md", SIDE_BY_SIDE_PAGE))
        items.append(f'<li><a href="{html_attr(home)}">{html_text(doc.outputs[lang.code].title)}</a>'
                     f' <span class="doc-parallel">(<a href="{html_attr(pairs)}">{html_text(lang.label("side_by_side"))}</a>)</span>'
                     f'<br><span class="doc-facts">{facts}</span></li>')
    notice = f'<p class="translation-notice">{html_text(lang.label("notice"))}</p>\n\n' if lang.label("notice") else ""
    return (f"# {lang.label('home_title')}\n\n<p>{html_text(lang.label('home_intro'))}</p>\n\n{notice}"
            f'<p class="doc-list-title">{html_text(lang.label("documents"))}</p>\n\n'
            f'<ul class="doc-list">{"".join(items)}</ul>\n')


def status_page(docs: list[DocumentSummary], lang: Language) -> str:
    """The editors' page: translation coverage per document."""
    head = ("Document", "Segments", "Translated", "Fuzzy", "Untranslated", "Words translated / total", "Coverage")
    rows = []
    for doc in docs:
        cov = doc.coverage
        words = cov.words_translated + cov.words_fuzzy + cov.words_untranslated
        home = lang.urls.href("status.md", f"{doc.meta.slug}/index.md")
        cells = (f'<a href="{html_attr(home)}">{html_text(doc.meta.slug)}</a>', cov.total, cov.translated,
                 cov.fuzzy, cov.untranslated, f"{cov.words_translated} / {words}", f"{cov.percent:.1f} %")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f"# {lang.label('status')}\n\n"
            "<p>English translation coverage by document (PO files in <code>docs_src/&lt;document&gt;/en.po</code>). "
            "Words: Japanese characters / 2. Run <code>make check</code> for the list of segments to work on.</p>\n\n"
            f'<table class="status"><thead><tr>{"".join(f"<th>{h}</th>" for h in head)}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>\n')


def usage_index(docs: list[DocumentSummary], glossary: Glossary) -> dict[str, list[tuple[str, str, str, dict]]]:
    """Term id → the sections whose Japanese uses it, in reading order: (document slug, page, anchor,
    section title by language), from each document's `document_usage`."""
    index: dict[str, list] = {t.id: [] for t in glossary.terms}
    for doc in docs:
        for term, page, anchor, titles in doc.usage or []:
            index[term].append((doc.meta.slug, page, anchor, titles))
    return index


def glossary_page(glossary: Glossary, docs: list[DocumentSummary], lang: Language) -> str:
    """The glossary page: each term, its definition and where it appears."""
    label, code = lang.label, lang.code
    index = usage_index(docs, glossary)
    titles = {d.meta.slug: html_text(d.outputs[code].title) for d in docs}
    colon = "：" if code == "ja" else ": "

    def section_link(page: str, anchor: str, html: str) -> str:
        return f'<a href="{lang.urls.href("glossary.md", page, anchor)}">{html}</a>'
    parts = [f"# {label('glossary')}", f'<p data-generated>{html_text(label("glossary_intro"))}</p>',
             f'<p class="glossary-downloads" data-generated>{html_text(label("downloads"))}: '
             f'<a href="{lang.urls.href("glossary.md", "glossary.tbx")}" download>TBX (ISO 30042)</a> · '
             f'<a href="{lang.urls.href("glossary.md", "glossary.csv")}" download>CSV</a></p>']
    for term in sorted(glossary.terms, key=lambda t: sort_key(t, code)):
        head = f"{term.ja}（{term.en}）" if code == "ja" else f"{term.en} ({term.ja})"
        parts.append(f"## {markdown_text(head)} {{#{term.id}}}")
        rows = [(label("japanese"), f'<span lang="ja">{html_text(term.ja)}</span>'),
                (label("reading"), f'<span lang="ja">{html_text(term.reading)}</span>'),
                (label("english"), f'<span lang="en">{html_text(term.en)}</span>')]
        if term.abbr:
            rows.append((label("abbr"), html_text(term.abbr)))
        if term.expansion:
            rows.append((label("expansion"), html_text(term.expansion)))
        for lc in ("ja", "en") if code == "ja" else ("en", "ja"):
            if term.definition.get(lc):
                rows.append((f'{label("definition")} ({lc})', f'<span lang="{lc}">{html_text(term.definition[lc])}</span>'))
        if term.related:
            links = " · ".join(f'<a href="#{r}">{html_text(getattr(glossary.by_id.get(r), "ja" if code == "ja" else "en", r))}</a>'
                               for r in term.related if r in glossary.by_id)
            rows.append((label("related"), links))
        uses = index.get(term.id, [])
        if uses:
            slug, page, anchor, title = uses[0]
            rows.append((label("first_appears"), section_link(page, anchor, f"{titles[slug]} — {html_text(title[code])}")))
            by_document: dict[str, list[str]] = {}          # each document named once, its sections after it
            for slug, page, anchor, title in uses:
                by_document.setdefault(slug, []).append(section_link(page, anchor, html_text(title[code])))
            items = "".join(f'<li><span class="appears-doc">{titles[slug]}</span>{colon}{" · ".join(links)}</li>'
                            for slug, links in by_document.items())
            rows.append((label("appears_in"), f'<ul class="appears-in">{items}</ul>'))
        dl = "".join(f"<dt>{html_text(k)}</dt><dd>{v}</dd>" for k, v in rows)
        parts.append(f'<dl class="glossary-entry" data-term="{term.id}">{dl}</dl>')
    return "\n\n".join(parts) + "\n"


def nav_for(docs: list[DocumentSummary], lang: Language) -> list:
    """MkDocs' `nav` of an edition: the home page, each document's pages, the glossary, the status page."""
    nav: list = [{lang.label("home_title"): "index.md"}]
    for doc in docs:
        output = doc.outputs[lang.code]
        nav.append({output.title: [{title: path} for title, path in output.nav]})
    if lang.glossary is not None:
        nav.append({lang.label("glossary"): "glossary.md"})
    nav.append({lang.label("status"): "status.md"})
    return nav


def write_nav(docs: list[DocumentSummary], out: Path, glossary: Glossary | None, code: str, written: list[Path]) -> Path:
    """The navigation of one language edition (`build/nav/<lang>.json`, read by `mkdocs_hooks`), from
    each document's title and navigation in it; its path."""
    nav = out / "nav" / f"{code}.json"
    write_if_changed(nav, json.dumps(nav_for(docs, Language(code, {}, glossary)), ensure_ascii=False, indent=1) + "\n",
                     written)
    return nav


def write_edition(docs: list[DocumentSummary], out: Path, glossary: Glossary | None, urls: UrlStyle,
                  code: str) -> tuple[list[Path], list[Path]]:
    """Write the corpus pages of one language edition, from each document's summary (with its part
    of this edition, written already); remove the files no longer produced. Return the files
    rewritten and all files produced, the documents' own files included."""
    lang = Language(code, {}, glossary, urls)
    root = out / "docs" / lang.code
    written: list[Path] = []
    files: dict[Path, str] = {}
    files[root / "index.md"] = home_page(docs, lang)
    files[root / "status.md"] = status_page(docs, lang)
    for path, text in search_files([d.outputs[lang.code].search for d in docs], lang).items():
        files[root / path] = text
    if lang.glossary is not None:
        files[root / "glossary.md"] = front_matter({"edit": "docs_src/glossary.yml"}) + glossary_page(lang.glossary, docs, lang)
        files[root / "glossary.tbx"] = to_tbx(lang.glossary)
        files[root / "glossary.csv"] = to_csv(lang.glossary)
    for path, text in files.items():
        write_if_changed(path, text, written)
    nav = write_nav(docs, out, glossary, code, written)
    produced = list(files) + [root / path for d in docs for path in d.outputs[lang.code].paths]
    remove_stale(root, {str(path) for path in produced}, written)
    return written, produced + [nav]
