"""MkDocs reading a language edition while the generator is still writing it.

In:  one edition's MkDocs configuration, its language, and the generation's events so far with a
     function that waits for more (`sitebuild.Background`): `plan <lang>` (every document parsed,
     the edition's navigation written; its words: the documents' slugs in the order their pages
     will be written), `document <lang> <slug>` (that document's pages written, or still as
     written), `edition <lang>` (every file written, the corpus pages included).
Out: the configuration with handlers on three of MkDocs' events, so that MkDocs builds the
     edition as it is written instead of after it, and writes nothing before it is complete:
     - files: the pages are those of the navigation (a page left over from an earlier build is
       dropped, one not written yet is added), the documents' pages in the order they will be
       written, the corpus pages (home, glossary, status) last;
     - pre_page: before MkDocs reads a page, waits until its document is written (a corpus page:
       until the whole edition is), and takes its other files (tables) as they are then: the
       page's links to them are checked as it is read;
     - env (after every page is read, before anything is written to the site): waits for the
       whole edition, then takes the folder's other files (tables, search index) as they are now,
       and puts every file back in the order MkDocs finds them in (the sitemap lists them so).
     If the generation ends without what is waited for, the build stops (`GenerationStopped`).
An edition already complete when MkDocs starts gets no handlers: MkDocs finds it as it is.
"""
from __future__ import annotations

import os
from pathlib import PurePosixPath
from typing import Callable


class GenerationStopped(Exception):
    """The generation ended before it wrote what MkDocs waits for (it said why)."""


def nav_pages(nav) -> list[str]:
    """The paths of the pages in a MkDocs `nav` (lists of {title: path or nav})."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_pages(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_pages(item)]
    return []


def attach(config, code: str, events: dict[str, str], until: Callable[..., object]) -> None:
    """Build edition `code` as it is written: `events` are the generation's events so far (event →
    its words), `until(event)` waits for one (or for the generation's end)."""
    if f"edition {code}" in events:
        return
    order = {slug: rank for rank, slug in enumerate(events[f"plan {code}"].split())}
    docs_dir = config.docs_dir

    def wait(event: str) -> None:
        until(event)
        if event not in events:
            raise GenerationStopped(f"generation stopped before '{event}' (its messages above say why); "
                                    "nothing is published")

    def document_of(src_uri: str) -> str | None:
        """The document a page belongs to (its folder), None for a corpus page."""
        parts = PurePosixPath(src_uri).parts
        return parts[0] if len(parts) > 1 and parts[0] in order else None

    def on_files(files, config):
        from mkdocs.structure.files import File
        planned = nav_pages(config.nav)
        for file in [f for f in files if f.is_documentation_page() and f.src_dir == docs_dir]:
            files.remove(file)                       # (pages of earlier builds; those still planned come back below)
        pages = [File(path, docs_dir, config.site_dir, config.use_directory_urls) for path in planned]
        pages.sort(key=lambda f: order.get(document_of(f.src_uri), len(order)))   # (stable: the nav's order within)
        others = list(files)
        for file in others:
            files.remove(file)
        for file in pages + others:
            files.append(file)
        return files

    taken: set[str | None] = set()                 # the documents whose other files are taken (None: all)

    def take_other_files(files, slug: str | None) -> None:
        """A document's other files (tables; None: every file of the edition) as they are now: a
        page's links to them are checked as it is read."""
        from mkdocs.structure.files import File
        if slug in taken or None in taken:
            return
        taken.add(slug)
        top = os.path.join(docs_dir, slug) if slug else docs_dir
        for folder, _, names in os.walk(top):
            for name in names:
                path = os.path.relpath(os.path.join(folder, name), docs_dir).replace(os.sep, "/")
                if files.get_file_from_path(path) is None:
                    file = File(path, docs_dir, config.site_dir, config.use_directory_urls)
                    if not file.is_documentation_page():
                        files.append(file)

    def on_pre_page(page, config, files):
        slug = document_of(page.file.src_uri)
        wait(f"document {code} {slug}" if slug else f"edition {code}")
        take_other_files(files, slug)
        return page

    def on_env(env, config, files):
        from mkdocs.structure.files import get_files
        wait(f"edition {code}")
        pages = {f.src_uri: f for f in files if f.is_documentation_page()}
        found = [pages[f.src_uri] if f.is_documentation_page() else f for f in get_files(config)
                 if f.src_uri in pages or not f.is_documentation_page()]
        theme = [f for f in files if f.src_dir != docs_dir]
        for file in list(files):
            files.remove(file)
        for file in found + theme:
            files.append(file)
        return env

    for event, handler in (("files", on_files), ("pre_page", on_pre_page), ("env", on_env)):
        config.plugins.events[event].append(handler)
