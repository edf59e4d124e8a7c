"""Escaping source text so that it is shown literally.

In:  a string of source text.
Out: the same text as Markdown (`markdown_text`) or as HTML (`html_text`) that
     renders back to exactly these characters: no `<`, `&`, `*`, `_`, `#`, `|`,
     `1.` or `[..]` in the source ever becomes markup.
"""
from __future__ import annotations

import html
import re

# The Markdown extensions of mkdocs.yml (a test keeps the two lists equal).
MARKDOWN_EXTENSIONS = ["toc", "attr_list"]
# Python-Markdown's backslash-escapable characters with these extensions
# (markdown.Markdown(extensions=MARKDOWN_EXTENSIONS).ESCAPED_CHARS; a test keeps them equal).
# Escaping any other character would leave a visible backslash.
MARKDOWN_ESCAPED = set("\\`*_{}[]()>#+-.!")


HTML_SPECIAL = re.compile("[&<>\"']")


def html_text(text: str) -> str:
    return html.escape(text, quote=True) if HTML_SPECIAL.search(text) else text


html_attr = html_text      # the same escaping serves text and quoted attribute values


def url_link(url: str) -> str:
    """A URL of the source as a link that shows the URL itself."""
    return f'<a href="{html_attr(url)}">{html_text(url)}</a>'


def markdown_text(text: str) -> str:
    """Text for a Markdown inline context (headings): HTML-escape, then backslash-escape."""
    out = []
    for c in html.escape(text, quote=False):
        out.append("\\" + c if c in MARKDOWN_ESCAPED else c)
    return "".join(out)


def json_script(element_id: str, data) -> str:
    """Data as JSON in a `<script type="application/json">` that no string in it can end or break."""
    import json
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for c, e in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(c, e)
    return f'<script type="application/json" id="{element_id}">{text}</script>'
