"""Glossary: the bilingual termbase, its terms found in the text, its checks and downloads.

In:  `docs_src/glossary.yml`; the documents' segments and translations.
Out: `termbase.Glossary` (terms, with their problems at their lines), `matcher` (terms found in
     running text in one pass; the first in each section linked), `checks` (forms found nowhere,
     translations that do not use a term's English), `export` (TBX and CSV).
"""
