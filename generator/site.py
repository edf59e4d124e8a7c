"""Stage 5 — pages to files for MkDocs, one folder per language.

Per document (`planned_output`, `document_output`, `document_usage`, `document_coverage`,
     `write_files`: run by the pipeline's workers): in, a parsed `Document` and a `Language`;
     out, its title and navigation in an edition (before its pages are made), its part of an
     edition — pages and table CSVs, written to `build/docs/<lang>/<slug>/`, and a
     `DocumentOutput` (title, navigation, paths, search entries) — the glossary terms of its
     sections and its translation coverage.
Over the corpus, per edition: in, each document's `DocumentSummary`; out (`write_nav`, as soon as
     the documents' navigation is known) `build/nav/<lang>.json` (the navigation, read by
     `mkdocs_hooks.py`), and (`write_edition`, once their pages are written) the home page, the
     editors' translation status page, the glossary page and downloads, the search index.
A file is rewritten only when its bytes change, and files no longer produced are removed,
so that MkDocs' live reload stays quick.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .escape import html_attr, html_text
from .languages import LANGUAGES, Language
from .glossary import Glossary, sort_key, to_csv, to_tbx
from .inline import MARKER
from .model import Document, MatrixTable, Meta, Section, plain_text
from .render import document_title, page_path, page_plan, render_document
from .segments import segments
from .translation import Catalog, Coverage, coverage
from .urls import UrlStyle


def front_matter(meta: dict) -> str:
    """YAML front matter; values are strings or lists of strings, written as JSON (valid YAML)."""
    if not meta:
        return ""
    lines = [f"{key}: {json.dumps(meta[key], ensure_ascii=False)}" for key in sorted(meta)]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


@dataclass
class DocumentOutput:
    """What one document puts into one language edition, besides the files' texts (made per
    document, on any core)."""
    title: str                      # the document's title in this edition
    nav: list[tuple[str, str]]      # (title, path) of its pages, in reading order
    paths: list[str]                # its files in the edition's docs folder: pages, tables as CSV
    search: str                     # its search index entries, as comma-separated JSON objects


Usage = list[tuple[str, str, str, dict[str, str]]]   # (term id, page, section anchor, section title by
                                                     # language) for one document


@dataclass
class DocumentSummary:
    """What the corpus pages need of one document (its own pages are written by then)."""
    meta: Meta
    outputs: dict[str, DocumentOutput]       # language → its part of that edition (none if it has errors)
    coverage: Coverage                       # of its English translation
    usage: Usage | None                      # the glossary terms of each section (None: no glossary)


def write_if_changed(path: Path, text: str, written: list[Path]) -> None:
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    try:
        path.write_bytes(data)
    except FileNotFoundError:       # a new folder (asking every time would cost a mkdir per file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    written.append(path)


def write_files(root: Path, files: dict[str, str], written: list[Path]) -> None:
    """A document's files (`document_output`'s texts by path) into an edition's docs folder."""
    for path, text in files.items():
        write_if_changed(root / path, text, written)


def home_page(docs: list[DocumentSummary], lang: Language) -> str:
    items = []
    for doc in docs:
        m = doc.meta
        issuer = m.issuer if lang.is_source else (m.issuer_en or m.issuer)
        date = (m.date_note or m.date) if lang.is_source else (m.date or m.date_note_en)
        facts = " / ".join(html_text(x) for x in (issuer, date) if x)
        home, parallel = (lang.urls.href("index.md", f"{m.slug}/{p}.md") for p in ("index", "parallel"))
        items.append(f'<li><a href="{html_attr(home)}">{html_text(doc.outputs[lang.code].title)}</a>'
                     f' <span class="doc-parallel">(<a href="{html_attr(parallel)}">{html_text(lang.label("parallel"))}</a>)</span>'
                     f'<br><span class="doc-facts">{facts}</span></li>')
    notice = f'<p class="translation-notice">{html_text(lang.label("notice"))}</p>\n\n' if lang.label("notice") else ""
    return (f"# {lang.label('home_title')}\n\n<p>{html_text(lang.label('home_intro'))}</p>\n\n{notice}"
            f'<p class="doc-list-title">{html_text(lang.label("documents"))}</p>\n\n'
            f'<ul class="doc-list">{"".join(items)}</ul>\n')


def document_coverage(doc: Document, catalog: Catalog | None) -> Coverage:
    return coverage(segments(doc), catalog or Catalog(doc.meta.slug))


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


def table_csv(table: MatrixTable, lang: Language) -> str:
    """A curated table as CSV (UTF-8 with BOM, so that spreadsheet programs read Japanese):
    a header row of column labels, then one row per table row; blank cells empty."""
    code = "ja" if lang.is_source else lang.code
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([table.row_header.get(code, "")] + [c.get(code, "") for c in table.columns])
    for row in table.rows:
        writer.writerow([row.label.get(code, "")] + ["" if c == "-" else c for c in row.cells])
    return "\ufeff" + out.getvalue()


def section_segments(doc: Document) -> list[tuple[str, Section | None, list[str]]]:
    """(page path, section, ids of the segments that belong to the section itself), in reading
    order; the title block and preamble belong to the landing page (section None)."""
    head = [f.id for f in doc.title_block.fields] + [i for b in doc.preamble for i in _block_ids(b)]
    out = [(page_path(doc, None), None, head)]

    def visit(section: Section, page: str):
        out.append((page, section, _ids(section)))
        for sub in section.sections:
            visit(sub, page)
    for top in doc.sections:
        visit(top, page_path(doc, top))
    return out


def search_entries(doc: Document, lang: Language) -> list[dict]:
    """A document's entries in the edition's search index: one per section (and the landing page)."""
    entries = []
    texts = {seg.id: MARKER.sub("", lang.text(doc.meta.slug, seg.id, seg.source)[0]) for seg in segments(doc)}
    title = document_title(doc, lang)
    for page, section, ids in section_segments(doc):
        body = " ".join(texts[i] for i in ids if i in texts and (section is None or i != section.id))
        if section is None:
            head, anchor = title, "title"
        else:
            head, anchor = texts.get(section.id, plain_text(section.title)), section.anchor
        if body.strip() or section is not None:
            entries.append({"u": lang.urls.href("index.md", page, anchor), "t": head, "d": title, "g": 0, "x": body})
    return entries


def _json_items(entries: list[dict]) -> list[str]:
    return [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entries]


def search_index(documents: list[str], lang: Language) -> str:
    """The edition's search index as a script (loads from file:// too): each document's entries
    (`DocumentOutput.search`), then the glossary's."""
    terms = []
    if lang.glossary is not None:
        for t in lang.glossary.terms:
            head = f"{t.ja}（{t.en}）" if lang.is_source else f"{t.en} ({t.ja})"
            text = " ".join([t.ja, t.reading, t.en, t.abbr, t.expansion, *t.forms, *t.en_forms,
                             t.definition.get(lang.code, "")])
            terms.append({"u": lang.urls.href("index.md", "glossary.md", t.id), "t": head,
                          "d": lang.label("glossary"), "g": 1, "x": text})
    items = [d for d in documents if d] + _json_items(terms)
    return "window.__searchIndex = [" + ",".join(items) + "];\n"


def document_output(doc: Document, lang: Language) -> tuple[DocumentOutput, dict[str, str]]:
    """A document's part of an edition, and the texts of its files by path (pages with front
    matter, tables as CSV)."""
    pages = render_document(doc, lang)
    files = {page.path: front_matter(page.meta) + page.markdown for page in pages}
    for block in doc.walk():
        if isinstance(block, MatrixTable):
            files[f"{doc.meta.slug}/tables/{block.table_id}.csv"] = table_csv(block, lang)
    output = DocumentOutput(document_title(doc, lang), [(p.title, p.path) for p in pages], list(files),
                            ",".join(_json_items(search_entries(doc, lang))))
    return output, files


def planned_output(doc: Document, lang: Language) -> DocumentOutput:
    """A document's title and navigation in an edition, known before its pages are rendered (its
    files and search entries are left empty until then)."""
    return DocumentOutput(document_title(doc, lang), page_plan(doc, lang), [], "")


def document_usage(doc: Document, glossary: Glossary, catalog: Catalog | None) -> Usage:
    """The glossary terms each section of a document uses in its Japanese (the section itself, not
    its subsections), in reading order; terms of one section in glossary order. Each section's
    title in every language: its translation (footnote markers left out), or the Japanese while
    it has none, as the section's own page shows it."""
    matcher = glossary.matcher("ja")
    order = {t.id: i for i, t in enumerate(glossary.terms)}
    sources = {seg.id: seg.source for seg in segments(doc)}
    translations = [Language(code, {doc.meta.slug: catalog} if catalog else {}) for code in LANGUAGES]
    usage: Usage = []
    for page, section, ids in section_segments(doc):
        if section is None:
            continue
        found = {t for i in ids if i in sources for _, _, t in matcher.find(sources[i])}
        if not found:
            continue
        titles = {lang.code: plain_text(section.title) if lang.is_source else
                  MARKER.sub("", lang.text(doc.meta.slug, section.id, sources[section.id])[0])
                  for lang in translations}
        usage += [(term, page, section.anchor, titles) for term in sorted(found, key=order.__getitem__)]
    return usage


def usage_index(docs: list[DocumentSummary], glossary: Glossary) -> dict[str, list[tuple[str, str, str, dict]]]:
    """Term id → the sections whose Japanese uses it, in reading order: (document slug, page, anchor,
    section title by language), from each document's `document_usage`."""
    index: dict[str, list] = {t.id: [] for t in glossary.terms}
    for doc in docs:
        for term, page, anchor, titles in doc.usage or []:
            index[term].append((doc.meta.slug, page, anchor, titles))
    return index


def _ids(section: Section) -> list[str]:
    """Ids of the segments that belong to a section itself (not to its subsections)."""
    return [section.id] + [i for b in section.children if not isinstance(b, Section) for i in _block_ids(b)]


def _block_ids(block) -> list[str]:
    ids = [block.id]
    for item in getattr(block, "items", []):
        ids.append(item.id)
        for child in item.children:
            ids += _block_ids(child)
    for m in getattr(block, "members", []):
        ids += [m.id, f"{m.id}-name", f"{m.id}-affiliation"]
    return ids


def glossary_page(glossary: Glossary, docs: list[DocumentSummary], lang: Language) -> str:
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
        parts.append(f"## {html_text(head)} {{#{term.id}}}")
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
    files[root / "search-index.js"] = search_index([d.outputs[lang.code].search for d in docs], lang)
    if lang.glossary is not None:
        files[root / "glossary.md"] = front_matter({"edit": "docs_src/glossary.yml"}) + glossary_page(lang.glossary, docs, lang)
        files[root / "glossary.tbx"] = to_tbx(lang.glossary)
        files[root / "glossary.csv"] = to_csv(lang.glossary)
    for path, text in files.items():
        write_if_changed(path, text, written)
    nav = write_nav(docs, out, glossary, code, written)
    produced = list(files) + [root / path for d in docs for path in d.outputs[lang.code].paths]
    keep = {str(path) for path in produced}
    for stale in sorted(os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names
                        if name.endswith((".md", ".csv", ".tbx", ".js"))):     # (os.walk: a third of rglob's time)
        if stale not in keep:
            os.unlink(stale)
            written.append(Path(stale))
    return written, produced + [nav]

