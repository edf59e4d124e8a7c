"""The generator: raw text of Japanese space-policy documents to a bilingual static site.

The folders are the pipeline, in order (each package's docstring says what goes in and out):

    docs_src/<doc>/source.txt ─ parse ──▶ model.Document ─ translate ──▶ segments, catalogs (en.po)
                                                │                             │
                              glossary (terms found, checked) ───────────────┤
            versions/<date>/ ─ versions (each earlier one paired with the next) ─┤
                                                ▼                             ▼
    site/ ◀── publish (MkDocs) ── build/docs/<lang>/*.md ◀── edition ◀── render (pages per language)
                                                ▲
                                    generate (every document on a process pool, the cache, the lock)

`model` (the document model), `diagnostics` (`file:line: level: message [code]`), `registry`
(named entries in priority order) and `memos` (answers remembered for one document) are shared by
every stage; `cli` is the command line (`python -m generator`).
"""
