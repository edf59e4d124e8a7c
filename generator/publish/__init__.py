"""Publish: the generated Markdown to the site, with MkDocs and Material.

In:  `build/docs/<lang>/` and `build/nav/<lang>.json` (+ `.hidden.json`, from `generate`), each edition's MkDocs
     configuration (`mkdocs.yml`, `mkdocs.en.yml`; `siteconfig` writes them for other folders).
Out: `site/` (Japanese at its root, English in `site/en/`), published only when both editions
     built, each document's PDFs are printed (`pdf`, with `--pdf`) and every internal link resolves
     (`site`, `staging`, `linkcheck`). `mkdocs_hooks` gives
     MkDocs the generator's navigation and regenerates under `mkdocs serve`; `rawhtml` sets the
     generator's HTML blocks aside for Python-Markdown without parsing them again.
"""
