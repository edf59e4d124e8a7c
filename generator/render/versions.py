"""The pages of a document's earlier versions, and what the current pages say of them.

In:  a `Document`, its earlier `Version`s (`versions.align`) and a `Language`.
Out: a page per earlier version (`<doc>/versions/<date>/`): its dates, the list of versions, and every
     passage of it beside the next version's, in both languages, changed characters marked; the
     versions' row of the cover page's provenance; on each current page, the ids earlier versions
     printed there whose passage is now elsewhere or gone (a script shows where, when a citation
     names one); a page where an earlier version had one and the current text has none.
"""
from __future__ import annotations

import datetime

from ..model import Document
from ..versions.align import Change, Fate, Row, Version, citations
from ..versions.marks import Op, marks
from .escape import html_attr, html_text, json_script, markdown_text
from .languages import Language, format_date
from .writer import Page, document_title

def current_to(version: Version) -> str:
    """The last day a version was current: the day before the next was issued ("" if that is unknown)."""
    if not version.until:
        return ""
    return (datetime.date.fromisoformat(version.until) - datetime.timedelta(days=1)).isoformat()


def _marks_html(old: str | None, new: str | None, words: bool) -> str:
    if old is None and new is None:
        return ""
    if old is None:
        return f"<ins>{html_text(new)}</ins>"
    if new is None:
        return f"<del>{html_text(old)}</del>"
    tags = {Op.SAME: "", Op.REMOVED: "del", Op.ADDED: "ins"}
    return "".join(f"<{tags[m.op]}>{html_text(m.text)}</{tags[m.op]}>" if tags[m.op] else html_text(m.text)
                   for m in marks(old, new, words))


def versions_row(doc: Document, lang: Language, versions: list[Version], page: str) -> tuple[str, str] | None:
    """The provenance row naming every version, linked (None: the document has no earlier one)."""
    if not versions:
        return None
    items = [html_text(lang.label("version_current").format(date=format_date(doc.meta.date, lang)))]
    for v in reversed(versions):
        text = lang.label("version_item").format(date=format_date(v.date, lang), to=format_date(current_to(v), lang))
        items.append(f'<a href="{html_attr(lang.urls.href(page, v.page))}">{html_text(text)}</a>')
    return lang.label("versions"), "<br>".join(items)


def _row_html(row: Row, lang: Language, page: str, headings: set[str]) -> str:
    label = lang.label(f"version_{row.change.value}")
    link = ""
    if row.now is not None:
        link = (f' <a class="vrow-now" href="{html_attr(lang.urls.href(page, row.now.page, row.now.anchor))}">'
                f'{html_text(lang.label("version_now"))}</a>')
    seg = row.new or row.old
    kind = " vrow-heading" if seg.id in headings else ""
    ja = _marks_html(row.old.source if row.old else None, row.new.source if row.new else None, False)
    if (row.old is not None and row.old_en is None) or (row.new is not None and row.new_en is None):
        missing = f'<span class="tr-state">{html_text(lang.label("version_no_english"))}</span> '
    else:
        missing = ""
    en = missing + _marks_html(row.old_en if row.old else None, row.new_en if row.new else None, True)
    return (f'<div class="vrow vrow-{row.change.value}{kind}" id="{html_attr(row.anchor)}">'
            f'<p class="vrow-head"><span class="vrow-change">{html_text(label)}</span>{link}</p>'
            f'<div class="vrow-ja" lang="ja">{ja}</div><div class="vrow-en" lang="en">{en}</div></div>')


def version_pages(doc: Document, lang: Language, versions: list[Version]) -> list[Page]:
    """A page per earlier version: its dates, the versions, its passages beside the next version's."""
    pages = []
    title = document_title(doc, lang)
    for k, v in enumerate(versions):
        date = format_date(v.date, lang)
        following = versions[k + 1].page if k + 1 < len(versions) else f"{doc.meta.slug}/index.md"
        status = lang.label("version_status").format(date=date, to=format_date(current_to(v), lang) or "—",
                                                     next=format_date(v.until, lang) or "—")
        listing = [f'<li><a href="{html_attr(lang.urls.href(v.page, f"{doc.meta.slug}/index.md"))}">'
                   f'{html_text(lang.label("version_current").format(date=format_date(doc.meta.date, lang)))}</a></li>']
        for other in reversed(versions):
            text = lang.label("version_item").format(date=format_date(other.date, lang),
                                                     to=format_date(current_to(other), lang))
            listing.append(f'<li aria-current="page">{html_text(text)}</li>' if other is v else
                           f'<li><a href="{html_attr(lang.urls.href(v.page, other.page))}">{html_text(text)}</a></li>')
        counts = v.counts()
        summary = lang.label("version_summary").format(**{c.value: counts[c] for c in Change})
        headings = {s.id for d in (v.doc, doc) for s in _sections(d.sections)}
        rows = "".join(_row_html(row, lang, v.page, headings) for row in v.rows)
        body = (f"# {markdown_text(lang.label('version_title').format(title=title, date=date))} {{#title}}\n\n"
                f'<p class="version-status" data-generated>{html_text(status)} '
                f'<a href="{html_attr(lang.urls.href(v.page, following))}">{html_text(lang.label("version_next"))}</a></p>\n\n'
                f'<nav class="version-list" data-generated aria-label="{html_attr(lang.label("versions"))}"><ul>'
                f'{"".join(listing)}</ul></nav>\n\n'
                f'<p class="version-summary" data-generated>{html_text(summary)}</p>\n\n'
                f'<p class="version-filter" data-generated><label><input type="checkbox" class="version-only-changes"> '
                f'{html_text(lang.label("version_only_changes"))}</label></p>\n\n'
                f'<div class="version-rows" data-generated><p class="version-legend">'
                f'<span lang="ja">{html_text(lang.label("japanese"))}</span><span lang="en">{html_text(lang.label("english"))}</span>'
                f'</p>{rows}</div>\n')
        pages.append(Page(doc.meta.slug, v.page, lang.label("version_title").format(title=title, date=date), body,
                          "versions", {"document": doc.meta.slug,
                                       "edit": f"docs_src/{doc.meta.slug}/versions/{v.date}/source.txt"}, in_nav=False))
    return pages


def _sections(sections):
    for s in sections:
        yield s
        yield from _sections(s.sections)


def _notice(anchor: str, date: str, fate: Fate, lang: Language, page: str, taken: bool) -> dict:
    """What a page says of an id an earlier version printed on it (`taken`: the current text prints
    another passage under it): where that passage is now."""
    when = format_date(date, lang)
    if fate.is_removed():
        text = lang.label("version_removed_here_notice" if taken else "version_removed_notice").format(
            date=when, by=format_date(fate.removed_by, lang) or "—")
        link = lang.label("version_removed_link").format(date=when)
    else:
        text = lang.label("version_moved_notice" if taken else "version_moved_away_notice").format(date=when)
        link = lang.label("version_moved_link")
    return {"id": anchor, "text": text, "link": link, "href": lang.urls.href(page, fate.page, fate.anchor)}


def earlier_ids(lang: Language, versions: list[Version], places: dict[str, tuple[str, str]]) -> dict[str, str]:
    """By current page path, the script data of the ids earlier versions printed there whose passage
    is now elsewhere or gone (`places`: where the current text prints each segment)."""
    out = {}
    printed = set(places.values())
    for page, entries in citations(versions).items():
        notices: dict[str, list[dict]] = {}
        for anchor, date, fate in entries:
            notices.setdefault(anchor, []).append(_notice(anchor, date, fate, lang, page, (page, anchor) in printed))
        out[page] = json_script("earlier-ids", notices)
    return out


def gone_pages(doc: Document, lang: Language, versions: list[Version], current: set[str]) -> list[Page]:
    """A page at each path where an earlier version had a page and the current text has none: each id
    those versions printed there, and where its passage is now."""
    pages = []
    for page, entries in citations(versions).items():
        if page in current:
            continue
        by_id: dict[str, list[dict]] = {}
        for a, d, f in entries:
            by_id.setdefault(a, []).append(_notice(a, d, f, lang, page, False))
        items = "".join(f'<li id="{html_attr(a)}"><code>#{html_text(a)}</code> ' + " ".join(
                            f'{html_text(n["text"])} <a href="{html_attr(n["href"])}">{html_text(n["link"])}</a>'
                            for n in notices) + "</li>" for a, notices in by_id.items())
        title = lang.label("version_gone_title")
        pages.append(Page(doc.meta.slug, page, title,
                          f"# {markdown_text(title)} {{#title}}\n\n"
                          f'<p data-generated>{html_text(lang.label("version_gone"))}</p>\n\n'
                          f'<ul class="version-gone" data-generated>{items}</ul>\n',
                          "versions", {"document": doc.meta.slug}, in_nav=False))
    return pages
