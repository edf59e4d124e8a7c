"""The corpus pages of each edition, from every document's summary.

In:  each document's `DocumentSummary` (its pages written already), the glossary, the URL style.
Out: per edition, in `build/docs/<lang>/`: the home page, the translation status page (with the open
     data: each document's exports and their JSON Schema), the glossary page, each term's pages of
     where it appears and the glossary's downloads (TBX, CSV), the search index; `build/nav/<lang>.json`,
     the navigation `publish.mkdocs_hooks` gives MkDocs (a long document's pages grouped); the files no
     longer produced removed.
"""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

from ..glossary.export import to_csv, to_tbx
from ..glossary.termbase import Glossary, sort_key
from ..render.escape import html_attr, html_text, markdown_text
from ..render.languages import Language
from ..render.side_by_side import SIDE_BY_SIDE_PAGE
from ..render.urls import UrlStyle
from ..translate.catalog import Coverage
from .concordance import CONCORDANCE_PAGE, concordance_page
from .document import DocumentSummary
from .exports import EXPORTS_DIR, SCHEMA_PATH, schema_json
from .files import front_matter, remove_stale, write_if_changed
from .search import search_files


def home_page(docs: list[DocumentSummary], lang: Language) -> str:
    """The edition's home page: every document, with its issuer, date and side-by-side page."""
    items = []
    gap = "" if lang.code == "ja" else " "            # （full-width brackets） bring their own space
    for doc in docs:
        m = doc.meta
        issuer = m.issuer if lang.is_source else (m.issuer_en or m.issuer)
        date = (m.date_note or m.date) if lang.is_source else (m.date or m.date_note_en)
        facts = " / ".join(html_text(x) for x in (issuer, date) if x)
        home, pairs = (lang.urls.href("index.md", f"{m.slug}/{p}") for p in ("index.md", SIDE_BY_SIDE_PAGE))
        parallel = f'<a href="{html_attr(pairs)}">{html_text(lang.label("side_by_side"))}</a>'
        items.append(f'<li><a href="{html_attr(home)}">{html_text(doc.outputs[lang.code].title)}</a>'
                     f'{gap}<span class="doc-parallel">{_fill(lang.label("side_by_side_link"), link=parallel)}</span>'
                     f'<br><span class="doc-facts">{facts}</span></li>')
    notice = f'<p class="translation-notice">{html_text(lang.label("notice"))}</p>\n\n' if lang.label("notice") else ""
    return (f"# {lang.label('home_title')}\n\n<p>{html_text(lang.label('home_intro'))}</p>\n\n{notice}"
            f'## {markdown_text(lang.label("documents"))} {{#documents .doc-list-title}}\n\n'
            f'<ul class="doc-list">{"".join(items)}</ul>\n')


def _fill(label: str, **html: str) -> str:
    """A label, escaped, with its `{name}` places filled with the HTML given."""
    text = html_text(label)
    for name, value in html.items():
        text = text.replace("{" + name + "}", value)
    return text


def status_page(docs: list[DocumentSummary], lang: Language) -> str:
    """The editors' page: translation coverage per document (title, segments by state, words,
    coverage), and the total of all documents."""
    label = lang.label
    keys = ("segments", "translated", "fuzzy", "untranslated", "words", "coverage")
    head = "".join(f'<th scope="col" class="num">{_column_head(label("status_" + k))}</th>' for k in keys)
    rows = []
    for doc in docs:
        home = lang.urls.href("status.md", f"{doc.meta.slug}/index.md")
        rows.append(_status_row(f'<a href="{html_attr(home)}">{html_text(doc.outputs[lang.code].title)}</a>',
                                doc.coverage))
    total = Coverage(**{f.name: sum(getattr(d.coverage, f.name) for d in docs) for f in fields(Coverage)})
    intro = _fill(label("status_intro"), po=f'<code>{html_text(label("status_po"))}</code>',
                  check="<code>make check</code>")
    return (f"# {label('status')}\n\n<p>{intro}</p>\n\n"
            f'<div class="status-scroll" role="region" tabindex="0" aria-label="{html_attr(label("status_table"))}">'
            f'<table class="status"><thead><tr><th scope="col">{html_text(label("status_document"))}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody>'
            f'<tfoot>{_status_row(html_text(label("status_total")), total)}</tfoot></table></div>\n\n'
            + exports_section(docs, lang))


def exports_section(docs: list[DocumentSummary], lang: Language) -> str:
    """The status page's open data: each document's model (JSON, its schema) and aligned pairs (TMX)."""
    up = "" if lang.is_source else "../"        # (the exports are in the Japanese edition's root; English is under en/)

    def href(path: str) -> str:
        return html_attr(up + lang.urls.href("status.md", path))
    items = "".join(f'<li>{html_text(d.outputs[lang.code].title)}: '
                    f'<a href="{href(f"{EXPORTS_DIR}/{d.meta.slug}.tmx")}" download>TMX</a> · '
                    f'<a href="{href(f"{EXPORTS_DIR}/{d.meta.slug}.json")}" download>JSON</a></li>' for d in docs)
    intro = _fill(lang.label("exports_intro"), schema=f'<a href="{href(SCHEMA_PATH)}">JSON Schema</a>')
    if lang.glossary is not None:
        intro += " " + _fill(lang.label("exports_glossary"),
                             tbx=f'<a href="{html_attr(lang.urls.href("status.md", "glossary.tbx"))}" download>TBX</a>')
    return (f"## {markdown_text(lang.label('exports'))}\n\n<p>{intro}</p>\n\n"
            f'<ul class="exports">{items}</ul>\n')


def _column_head(label: str) -> str:
    """A column's name, escaped; a part in brackets at its end set on a line of its own."""
    for bracket in ("（", " ("):
        name, found, note = label.partition(bracket)
        if found and name:
            return f'{html_text(name)}<span class="th-note">{html_text(found.strip() + note)}</span>'
    return html_text(label)


def _status_row(title: str, cov: Coverage) -> str:
    """One row of the status table: a document (its title as HTML) or the total, and its figures."""
    words = cov.words_translated + cov.words_fuzzy + cov.words_untranslated
    bar = f'<span class="coverage-bar" aria-hidden="true"><span style="width: {cov.percent:.1f}%"></span></span>'
    cells = (f"{cov.total:,}", f"{cov.translated:,}", f"{cov.fuzzy:,}", f"{cov.untranslated:,}",
             f"{cov.words_translated:,} / {words:,}", f'<span class="coverage-value">{cov.percent:.1f}%</span>{bar}')
    return (f'<tr><th scope="row">{title}</th>'
            + "".join(f'<td class="num">{c}</td>' for c in cells) + "</tr>")


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
        if uses:                                # the full list on the term's own page (the page stays linear)
            slug, page, anchor, title = uses[0]
            rows.append((label("first_appears"), section_link(page, anchor, f"{titles[slug]} — {html_text(title[code])}")))
            rows.append((label("appears_in"), f'{html_text(uses_summary(uses, lang))} · <a class="glossary-uses" '
                         f'href="{lang.urls.href("glossary.md", uses_page(term.id))}">{html_text(label("uses_list"))}</a>'))
        dl = "".join(f"<dt>{html_text(k)}</dt><dd>{v}</dd>" for k, v in rows)
        parts.append(f'<dl class="glossary-entry" data-term="{term.id}">{dl}</dl>')
    return "\n\n".join(parts) + "\n"


USES_DIR = "glossary/uses"          # a term's pages of where it appears: glossary/uses/<term id>/
USES_PER_PAGE = 1000                # sections listed on one of them (each page stays a few hundred KB)


def uses_page(term_id: str, number: int = 1) -> str:
    return f"{USES_DIR}/{term_id}/" + ("index.md" if number == 1 else f"{number}.md")


def uses_summary(uses: list, lang: Language) -> str:
    """How many sections of how many documents use a term, in words."""
    sections, documents = len(uses), len({slug for slug, *_ in uses})
    return lang.label("uses_summary").format(sections=sections, documents=documents,
                                             s="" if sections == 1 else "s", d="" if documents == 1 else "s")


def uses_pages(glossary: Glossary, docs: list[DocumentSummary], lang: Language,
               per_page: int = USES_PER_PAGE) -> dict[str, str]:
    """Each used term's pages: every section that uses it, document by document, `per_page` sections
    a page (by path)."""
    code, index = lang.code, usage_index(docs, glossary)
    titles = {d.meta.slug: html_text(d.outputs[code].title) for d in docs}
    pages = {}
    for term in glossary.terms:
        uses = index.get(term.id, [])
        name = term.ja if code == "ja" else term.en
        chunks = [uses[k:k + per_page] for k in range(0, len(uses), per_page)]
        for number, chunk in enumerate(chunks, 1):
            path = uses_page(term.id, number)
            by_document: dict[str, list[str]] = {}      # each document named once, its sections after it
            for slug, page, anchor, title in chunk:
                by_document.setdefault(slug, []).append(
                    f'<li><a href="{lang.urls.href(path, page, anchor)}">{html_text(title[code])}</a></li>')
            items = "".join(f'<li><span class="appears-doc">{titles[slug]}</span><ol>{"".join(links)}</ol></li>'
                            for slug, links in by_document.items())
            heading = lang.label("uses_title").format(term=name)
            if len(chunks) > 1:
                heading += f" ({number}/{len(chunks)})"
            pager = ""
            if len(chunks) > 1:
                links = [f'<a href="{lang.urls.href(path, uses_page(term.id, k))}"'
                         + (' aria-current="page"' if k == number else "") + f">{k}</a>"
                         for k in range(1, len(chunks) + 1)]
                pager = (f'<nav class="uses-pager" aria-label="{html_attr(lang.label("uses_pages"))}">'
                         f'{" ".join(links)}</nav>\n\n')
            pages[path] = (front_matter({"edit": "docs_src/glossary.yml"})
                           + f"# {markdown_text(heading)}\n\n"
                           + f'<p>{html_text(uses_summary(uses, lang))}</p>\n\n'
                           + f'<p><a href="{lang.urls.href(path, "glossary.md", term.id)}">'
                             f'{html_text(lang.label("uses_back").format(term=name))}</a></p>\n\n'
                           + f'<ul class="appears-in uses-list">{items}</ul>\n\n' + pager)
    return pages


NAV_GROUP = 20      # a document's section pages listed at once; a longer document's are grouped by so many


def document_nav(pages: list[tuple[str, str]], lang: Language) -> list:
    """A document's entries in the navigation: its landing page, its section pages — in groups of
    `NAV_GROUP` when there are more (each page then carries its own group and the others' first pages:
    the navigation grows with the square root of the pages, not with them) — and its side-by-side page."""
    entries = [{title: path} for title, path in pages]
    head, body, tail = entries[:1], entries[1:-1], entries[-1:]
    if len(body) <= NAV_GROUP:
        return entries
    groups = [body[k:k + NAV_GROUP] for k in range(0, len(body), NAV_GROUP)]
    label = lang.label("nav_group")
    return head + [{label.format(first=_short(next(iter(g[0]))), last=_short(next(iter(g[-1])))): g}
                   for g in groups] + tail


def _short(title: str, length: int = 14) -> str:
    """A title cut to `length` characters (a navigation group's label names its first and last pages)."""
    return title if len(title) <= length else title[:length - 1].rstrip() + "…"


def nav_for(docs: list[DocumentSummary], lang: Language) -> list:
    """MkDocs' `nav` of an edition: the home page, each document's pages, the glossary, the status page."""
    nav: list = [{lang.label("home_title"): "index.md"}]
    for doc in docs:
        output = doc.outputs[lang.code]
        nav.append({output.title: document_nav(output.nav, lang)})
    if lang.glossary is not None:
        nav.append({lang.label("glossary"): "glossary.md"})
    nav.append({lang.label("concordance"): CONCORDANCE_PAGE})
    nav.append({lang.label("status"): "status.md"})
    return nav


def write_nav(docs: list[DocumentSummary], out: Path, glossary: Glossary | None, code: str, written: list[Path]) -> Path:
    """The navigation of one language edition (`build/nav/<lang>.json`, read by `mkdocs_hooks`), from
    each document's title and navigation in it; its path."""
    nav = out / "nav" / f"{code}.json"
    write_if_changed(nav, json.dumps(nav_for(docs, Language(code, {}, glossary)), ensure_ascii=False, indent=1) + "\n",
                     written)
    hidden = sorted(path for d in docs for path in d.outputs[code].hidden)
    write_if_changed(hidden_pages(out, code), json.dumps(hidden, ensure_ascii=False, indent=0) + "\n", written)
    return nav


def hidden_pages(out: Path, code: str) -> Path:
    """The list of the documents' pages outside the navigation (`build/nav/<lang>.hidden.json`)."""
    return out / "nav" / f"{code}.hidden.json"


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
    files[root / CONCORDANCE_PAGE] = concordance_page(lang)
    if lang.is_source:
        files[root / SCHEMA_PATH] = schema_json()
    for path, text in search_files([d.outputs[lang.code].search for d in docs], lang).items():
        files[root / path] = text
    if lang.glossary is not None:
        files[root / "glossary.md"] = front_matter({"edit": "docs_src/glossary.yml"}) + glossary_page(lang.glossary, docs, lang)
        for path, text in uses_pages(lang.glossary, docs, lang).items():
            files[root / path] = text
        files[root / "glossary.tbx"] = to_tbx(lang.glossary)
        files[root / "glossary.csv"] = to_csv(lang.glossary)
    for path, text in files.items():
        write_if_changed(path, text, written)
    nav = write_nav(docs, out, glossary, code, written)
    produced = list(files) + [root / path for d in docs for path in d.outputs[lang.code].paths]
    remove_stale(root, {str(path) for path in produced}, written)
    return written, produced + [nav, hidden_pages(out, code)]
