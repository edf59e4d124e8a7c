"""The concordance (KWIC) page of an edition: a form, and a table that concordance.js fills.

In:  a `Language`.
Out: `concordance.md` in the edition's root: the query, the document filter, the table of lines (each
     occurrence in its context beside the aligned segment of the other language), read from the
     search index's segment files (`search.concordance_files`) in the browser.
"""
from __future__ import annotations

from ..render.escape import html_attr, html_text, markdown_text
from ..render.languages import Language
from .files import front_matter

CONCORDANCE_PAGE = "concordance.md"


def concordance_page(lang: Language) -> str:
    """The page's Markdown: heading, introduction, form, live count, table, 'show more'."""
    label = lang.label
    other = label("english") if lang.is_source else label("japanese")
    heads = "".join(f'<th scope="col" class="{css}">{html_text(text)}</th>' for css, text in (
        ("kwic-left", label("kwic_left")), ("kwic-hit", label("kwic_hit")), ("kwic-right", label("kwic_right")),
        ("kwic-aligned", other)))
    return (front_matter({"hide": ["toc"]}) +          # (the page's width for the lines)
            f"# {markdown_text(label('concordance'))}\n\n"
            f"<p>{html_text(label('kwic_intro'))}</p>\n\n"
            f'<form class="kwic-form" data-kwic data-kwic-lang="{html_attr(lang.code)}" role="search" '
            f'aria-label="{html_attr(label("concordance"))}">'
            f'<p><label for="kwic-q">{html_text(label("kwic_query"))}</label> '
            f'<input id="kwic-q" name="q" type="search" data-kwic-input autocomplete="off"> '
            f'<button type="submit" class="md-button">{html_text(label("kwic_show"))}</button></p>'
            f'<p><label for="kwic-doc">{html_text(label("kwic_doc"))}</label> '
            f'<select id="kwic-doc" name="doc" data-kwic-doc><option value="">{html_text(label("kwic_all"))}</option>'
            f"</select></p></form>\n\n"
            f'<p class="kwic-status" role="status" aria-live="polite" data-kwic-status></p>\n\n'
            f'<div class="kwic-scroll"><table class="kwic" data-kwic-table>'
            f'<caption>{html_text(label("kwic_caption"))}</caption><thead><tr>{heads}</tr></thead><tbody></tbody>'
            f"</table></div>\n\n"
            f'<p><button type="button" class="md-button" data-kwic-more hidden></button></p>\n\n'
            f"<noscript><p>{html_text(label('kwic_noscript'))}</p></noscript>\n")
