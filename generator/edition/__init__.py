"""Edition: each document's part of each language edition, then the corpus pages.

In:  a parsed `model.Document` with its catalog and a `render.languages.Language`; then every
     document's `document.DocumentSummary`.
Out: the files MkDocs builds each edition from, under `build/docs/<lang>/`: a document's pages and
     tables as CSV (`document`), its search entries (`search`); the home, status and glossary
     pages, the search index and the navigation (`corpus`); each file rewritten only when its
     bytes change (`files`).
"""
