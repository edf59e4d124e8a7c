"""Parse: a document folder's source text to the document model.

In:  `docs_src/<slug>/`: `source.txt` (raw text extracted from a PDF), `meta.yml`, `tables/*.yml`.
Out: a `model.Document` and the problems an editor must fix (`diagnostics.Reporter`).

The stages, in order: `ingest` (raw text → cleaned lines, folios and footnote areas set aside)
→ `units` (lines → headings, paragraphs, items, titles, tables) → `structure` (units → the
document tree, anchors from the numbering) with `inline` (footnote markers, URLs), `footnotes`
(bodies matched to markers) and `tables` (curated tables in place of flattened ones).
`documents` runs them on a folder; `faithfulness` measures that nothing of the source is lost.
"""
