"""Render: the document model to Markdown pages, one language at a time.

In:  a `model.Document` and a `languages.Language` (its labels, each segment's text and state,
     the glossary, the URL style).
Out: `writer.Page`s: the landing page, one page per top-level section of a long document, the
     side-by-side page (`side_by_side`), a page per earlier edition (`versions`), the whole text on one
     page for its PDF, and each passage's citation data (`citations`). Headings are Markdown; every other block is raw HTML from
     its renderer (`blocks`), with every piece of text escaped (`escape`) and links in either URL
     style (`urls`).
"""
