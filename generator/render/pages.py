"""The document model to Markdown pages, one language at a time.

In:  a `Document` and a `Language` (the Japanese source, or a translation whose
     text the language looks up by segment id).
Out: `Page`s: path, title and Markdown text — the landing page (title block, provenance,
     contents), one page per top-level section when the document is long, and the
     side-by-side page. Headings are Markdown (so that MkDocs builds the table of contents
     and permalinks, with anchors taken from the numbering); blocks are raw HTML written
     from the model (`blocks`), every piece of text escaped, so that nothing in a source or
     a translation is read as markup. Footnotes keep their printed numbers. A segment with
     no current translation prints the Japanese, marked `lang="ja"` and labelled.
"""
from __future__ import annotations

from ..memos import per_document
from ..model import Document, Section, plain_text, walk_blocks
from ..translate.catalog import Catalog, coverage
from ..translate.segments import segments
from .blocks import render_block
from .escape import html_attr, html_text, markdown_text, url_link
from .languages import Language
from .citations import cite_data
from .side_by_side import side_by_side_pages
from .versions import earlier_ids, gone_pages, version_pages, versions_row
from .writer import Page, PageWriter, document_title, segment_inlines

SPLIT_THRESHOLD = 12000      # characters; longer documents get one page per top-level section
PAGE_THRESHOLD = 60000       # characters; a section longer than this gives each of its subsections a page


@per_document       # (asked for every page of the document)
def is_split(doc: Document) -> bool:
    """Whether each top-level section gets its own page."""
    if doc.meta.split_pages is not None:
        return bool(doc.meta.split_pages)
    size = _size(doc.walk())
    return size > SPLIT_THRESHOLD and (len(doc.sections) > 1 or size > PAGE_THRESHOLD)


def _size(blocks) -> int:
    return sum(len(plain_text(getattr(b, "inlines", []))) for b in blocks)


def _section_size(section: Section) -> int:
    return _size(walk_blocks(section.children))


@per_document
def page_starts(doc: Document) -> list[Section]:
    """The sections that begin a page of their own, in reading order: each top-level section of a
    split document, and each subsection of a section longer than `PAGE_THRESHOLD` (so that no page
    grows with the document); a section keeps its own text, and its subsections that begin no page."""
    if not is_split(doc):
        return []
    out: list[Section] = []

    def visit(section: Section):
        out.append(section)
        if section.sections and _section_size(section) > PAGE_THRESHOLD:
            for sub in section.sections:
                visit(sub)
    for top in doc.sections:
        visit(top)
    return out


@per_document
def _page_of(doc: Document) -> dict[int, str]:
    """Each section's page (by id()): its own if it begins one, else its parent's."""
    starts = {id(s) for s in page_starts(doc)}
    pages: dict[int, str] = {}

    def visit(section: Section, page: str):
        page = f"{doc.meta.slug}/{section.anchor}.md" if id(section) in starts else page
        pages[id(section)] = page
        for sub in section.sections:
            visit(sub, page)
    for top in doc.sections:
        visit(top, f"{doc.meta.slug}/index.md")
    return pages


def page_path(doc: Document, section: Section | None) -> str:
    """The page a section is printed on (None: the landing page)."""
    if section is None:
        return f"{doc.meta.slug}/index.md"
    return _page_of(doc)[id(section)]


def section_segments(doc: Document) -> list[tuple[str, Section | None, list[str]]]:
    """(page path, section, ids of the segments that belong to the section itself), in reading
    order; the title block and preamble belong to the landing page (section None)."""
    head = [f.id for f in doc.title_block.fields] + [i for b in doc.preamble for i in _block_ids(b)]
    out = [(page_path(doc, None), None, head)]

    for section in _sections(doc.sections):
        out.append((page_path(doc, section), section, _ids(section)))
    return out


def _sections(sections: list[Section]):
    for section in sections:
        yield section
        yield from _sections(section.sections)


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


def page_segments(doc: Document) -> list[list[str]]:
    """The ids of the segments each page prints, in reading order (footnotes aside)."""
    pages: dict[str, list[str]] = {}
    for page, _, ids in section_segments(doc):
        pages.setdefault(page, []).extend(ids)
    return list(pages.values())


def note_homes(doc: Document, starts: list[tuple[str, int]]) -> dict[str, set[int]]:
    """Which page prints each note in full: the first page that references it, else the
    page whose source lines held its body. `starts`: (page key, first source line)."""
    homes: dict[str, set[int]] = {key: set() for key, _ in starts}
    first_ref: dict[int, int] = {}
    for ref in doc.footnote_refs():
        first_ref.setdefault(ref.number, ref.line)
    for number, note in doc.footnotes.items():
        line = first_ref.get(number, note.first_line)
        key = next((k for k, start in reversed(starts) if start <= line), starts[0][0])
        homes[key].add(number)
    return homes


def title_block_html(w: PageWriter) -> str:
    """The title as the page's H1, then subtitle, date and issuer as printed."""
    parts = []
    fields = w.doc.title_block.fields
    labels = [f for f in fields if f.role == "label"]           # (資料２－１: printed above the title)
    if labels:
        parts.append("".join(_field_html(w, f) for f in labels))
    titles = [f for f in fields if f.role == "title"]
    if titles:
        text, state = w.segment_text(titles[0].id, titles[0].text)
        attrs = ' lang="ja"' if state.is_pending() else ""
        parts.append(f"# {markdown_text(text)} {{#title{attrs}}}")
    else:
        parts.append(f"# {markdown_text(w.doc.meta.title)} {{#title}}")
    rows = [_field_html(w, f) for f in fields if f.role not in ("title", "label")]
    if rows:
        parts.append(f'<div class="title-block">{"".join(rows)}</div>')
    return "\n\n".join(parts)


def _field_html(w: PageWriter, f) -> str:
    text, state = w.segment_text(f.id, f.text)
    return (f'<p id="{f.id}" class="doc-{f.role}" data-seg="{f.id}"{w.state_attrs(state)}>'
            f'{w.state_label(state)}{html_text(text)}</p>')


def contents_html(w: PageWriter, pages: list[Page]) -> str:
    """A generated table of contents: pages and their second-level sections."""
    by_anchor = {s.anchor: s for s in page_starts(w.doc)}
    items = []
    for page in pages:
        section = by_anchor.get(page.anchor)
        subs = ""
        if section is not None:            # (its subsections on this page: the others are pages of the list)
            subs = "".join(
                f'<li><a href="{w.href(page.path, s.anchor)}">{html_text(plain_text(w.segment(s.id, s.title)[0]))}</a></li>'
                for s in section.sections if page_path(w.doc, s) == page.path)
        items.append(f'<li><a href="{w.href(page.path)}">{html_text(page.title)}</a>{f"<ul>{subs}</ul>" if subs else ""}</li>')
    return (f'<nav class="doc-contents" data-generated aria-label="{html_attr(w.lang.label("doc_contents"))}">'
            f'<p class="doc-contents-title">{html_text(w.lang.label("contents"))}</p><ul>{"".join(items)}</ul></nav>')


def provenance_html(w: PageWriter, versions=()) -> str:
    """Where the document comes from: issuer, date, the original, its earlier versions (and, in English,
    the notice)."""
    m, label = w.doc.meta, w.lang.label
    en = not w.lang.is_source
    issuer = (m.issuer_en or m.issuer) if en else m.issuer
    rows = []
    if issuer:
        rows.append((label("issuer"), html_text(issuer)))
    if m.date or m.date_note:
        rows.append((label("date"), html_text((m.date or m.date_note_en or m.date_note) if en else (m.date_note or m.date))))
    if m.source_url:
        rows.append((label("original"), url_link(m.source_url)))
    else:
        rows.append((label("original"), html_text(label("no_original"))))
    row = versions_row(w.doc, w.lang, list(versions), w.page)
    if row is not None:
        rows.append(row)
    dl = "".join(f"<dt>{html_text(k)}</dt><dd>{v}</dd>" for k, v in rows)
    notice = f'<p class="translation-notice">{html_text(label("notice"))}</p>' if label("notice") else ""
    return (f'<aside class="provenance" data-generated aria-label="{html_attr(label("provenance"))}">'
            f'<p class="provenance-title">{html_text(label("provenance"))}</p>{notice}<dl>{dl}</dl></aside>')


def section_title(doc: Document, lang: Language, section: Section) -> str:
    """The title of a section's own page."""
    return plain_text(segment_inlines(doc, lang, section.id, section.title)[0])


def pending_notice(doc: Document, lang: Language) -> str:
    """At the top of each page of a translation not complete yet: what the reader gets ("" when complete)."""
    if lang.is_source:
        return ""
    cov = coverage(segments(doc), lang.catalogs.get(doc.meta.slug) or Catalog(doc.meta.slug))
    if cov.translated == cov.total:
        return ""
    text = lang.label("pending").format(done=cov.translated, total=cov.total)
    return f'<p class="translation-pending" data-generated>{html_text(text)}</p>\n\n'


def landing_title(doc: Document, lang: Language) -> str:
    """The landing page's title: "cover and contents" when split, else the document's title."""
    return lang.label("overview") if is_split(doc) else document_title(doc, lang)


def pdf_name(doc: Document, lang: Language) -> str:
    """The path of a document's PDF in an edition (`publish.pdf` writes it there)."""
    return f"{doc.meta.slug}/{doc.meta.slug}.{lang.code}.pdf"


def pdf_link_html(w: PageWriter) -> str:
    """The cover page's link to the document's PDF ("" when PDFs are not built)."""
    if not w.lang.pdf:
        return ""
    href = w.href(pdf_name(w.doc, w.lang))
    return (f'<p class="doc-pdf" data-generated><a href="{html_attr(href)}" type="application/pdf">'
            f'{html_text(w.lang.label("pdf"))}</a></p>')


def print_page(doc: Document, lang: Language) -> Page:
    """The whole document on one page, for its PDF (`<doc>/print/`, not in the navigation): title
    block, provenance, every section, and every note once, under its printed number."""
    w = PageWriter(doc, lang, f"{doc.meta.slug}/print.md")
    w.parts.append(title_block_html(w))
    w.parts.append(provenance_html(w))
    for block in doc.preamble:
        render_block(w, block, 2)
    for section in doc.sections:
        render_block(w, section, 2)
    w.footnotes(set(doc.footnotes))
    w.term_tips()
    return Page(doc.meta.slug, f"{doc.meta.slug}/print.md", document_title(doc, lang),
                "\n\n".join(p for p in w.parts if p) + "\n", "print", {"hide": ["navigation", "toc"]}, in_nav=False)


def render_document(doc: Document, lang: Language, versions=()) -> list[Page]:
    """All pages of one document: the landing page, one per top-level section when split,
    the side-by-side page, and a page per earlier version (`versions.align.Version`s)."""
    split = is_split(doc)
    slug = doc.meta.slug
    sections = page_starts(doc)
    homes = note_homes(doc, [("", 0)] + [(s.anchor, s.first_line) for s in sections])

    pages: list[Page] = []
    starts = {id(s) for s in sections}
    for section in sections:
        w = PageWriter(doc, lang, page_path(doc, section))
        w.elsewhere = starts - {id(section)}             # (subsections printed on pages of their own)
        render_block(w, section, 1)
        w.footnotes(homes[section.anchor])
        w.term_tips()
        w.parts.append(cite_data(doc, lang, "".join(w.parts)))
        pages.append(Page(slug, page_path(doc, section), section_title(doc, lang, section),
                          "\n\n".join(w.parts) + "\n", section.anchor))
    tops = {"": page_path(doc, None), **{s.anchor: page_path(doc, s) for s in sections}}
    side_by_side = side_by_side_pages(doc, lang, tops, {n: tops[key] for key, ns in homes.items() for n in ns})

    w = PageWriter(doc, lang, page_path(doc, None))
    w.parts.append(title_block_html(w))
    w.parts.append(provenance_html(w, versions))
    w.parts.append(pdf_link_html(w))
    for block in doc.preamble:
        render_block(w, block, 2)
    w.parts.append(contents_html(w, pages + side_by_side[:1]))
    if not split:
        for section in doc.sections:
            render_block(w, section, 2)
    w.footnotes(homes[""])
    w.term_tips()
    w.parts.append(cite_data(doc, lang, "".join(w.parts)))
    landing = Page(slug, page_path(doc, None), landing_title(doc, lang), "\n\n".join(p for p in w.parts if p) + "\n", "")
    meta = {"document": slug,
            "description": (doc.meta.description if lang.is_source else doc.meta.description_en) or doc.meta.title,
            "edit": f"docs_src/{slug}/{'source.txt' if lang.is_source else lang.code + '.po'}"}
    if lang.updated.get(slug):
        meta["updated"] = lang.updated[slug]
    notice = pending_notice(doc, lang)
    current = [landing] + pages + side_by_side
    printed = [print_page(doc, lang)] if lang.pdf else []        # (the whole text, for its PDF)
    earlier = earlier_ids(lang, list(versions), passage_places(doc)) if versions else {}
    for page in current + printed:
        page.meta = {**meta, **page.meta}
        page.markdown = notice + page.markdown + (earlier[page.path] + "\n" if page.path in earlier else "")
    older = version_pages(doc, lang, list(versions)) + gone_pages(doc, lang, list(versions), {p.path for p in current})
    for page in older:
        page.meta = {**meta, **page.meta}
    return current + printed + older


@per_document
def passage_places(doc: Document) -> dict[str, tuple[str, str]]:
    """Each segment's place as published: (its page's path, the id of its element there)."""
    places: dict[str, tuple[str, str]] = {}
    for page, _, ids in section_segments(doc):
        for seg_id in ids:
            places[seg_id] = (page, passage_anchor(seg_id))
    starts = page_starts(doc)
    pages = {"": page_path(doc, None), **{s.anchor: page_path(doc, s) for s in starts}}
    for key, numbers in note_homes(doc, [("", 0)] + [(s.anchor, s.first_line) for s in starts]).items():
        for number in numbers:
            places[doc.footnotes[number].id] = (pages[key], f"fn:{number}")
    page = pages[""]
    for seg in segments(doc):           # (a segment no list above names: where the one before it is)
        page = places.setdefault(seg.id, (page, passage_anchor(seg.id)))[0]
    return places


def passage_anchor(seg_id: str) -> str:
    """The id of the element that prints a segment (a member's row for its name, a note's item)."""
    if seg_id.startswith("fn-"):
        return "fn:" + seg_id.removeprefix("fn-")
    for suffix in ("-name", "-affiliation", "-speaker"):
        if seg_id.endswith(suffix):
            return seg_id.removesuffix(suffix)
    return seg_id
