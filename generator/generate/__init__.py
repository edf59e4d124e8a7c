"""Generate: `docs_src/` to the Markdown of both editions, each document on a pool of processes.

In:  the documents folder (source texts, metadata, tables, PO files, the glossary), the output
     folder (`build/`), the URL style, the number of processes.
Out: `build/docs/<lang>/` (every page, table and search entry MkDocs builds each edition from),
     every diagnostic, and what the corpus pages need of each document (`pipeline`). A document
     that did not change comes from the cache (`cache`), and a run whose inputs did not change
     stops after comparing their fingerprint (`incremental`); page dates come from git
     (`history`); one function runs over the documents here or on a process pool (`tasks`);
     one build at a time writes into the output folder (`lock`).
"""
