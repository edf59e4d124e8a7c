"""MkDocs building a language edition while the generator is still writing it.

In:  one edition's MkDocs configuration, its language, and the generation's events so far with a
     function that waits for more (`sitebuild.Background`): `plan <lang>` (every document parsed,
     the edition's navigation written; its words: the documents' slugs in the order their pages
     will be written), `document <lang> <slug>` (that document's pages written, or still as
     written), `edition <lang>` (every file written, the corpus pages included).
Out: the configuration with handlers on MkDocs' events, so that MkDocs sets itself up (theme,
     files) while the documents are parsed, builds the edition as it is written instead of after
     it, and writes nothing to the site before it is complete:
     - files, first: waits for the plan (or for the whole edition, or for the generation's end:
       nothing changed); without a plan, the folder is complete: its files are taken as they
       are now (MkDocs listed them before they were written);
     - files, last (after `mkdocs_hooks` has read the navigation): the pages are those of the
       navigation (a page left over from an earlier build is dropped, one not written yet is
       added), the documents' pages in the order they will be written, the corpus pages (home,
       glossary, status) last;
     - pre_page: before MkDocs reads a page, waits until its document is written (a corpus page:
       until the whole edition is), and takes its other files (tables) as they are then: the
       page's links to them are checked as it is read;
     - env (after every page is read, before anything is written to the site): waits for the
       whole edition, then takes the folder's files as they are now, in the order MkDocs finds
       them in (the sitemap lists them so).
     If the generation ends without what is waited for, the build stops (`GenerationStopped`).
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


def _replace(files, new: list) -> None:
    """`files` (MkDocs' `Files`) made to hold `new`, in that order."""
    for file in list(files):
        files.remove(file)
    for file in new:
        files.append(file)


def _refill(files, docs_dir: str, files_now, pages: dict | None = None) -> None:
    """The docs folder's files in `files` replaced by `files_now` (MkDocs' list of it as it is
    now), in that order, the theme's files after them; with `pages`, the pages are those (the
    objects MkDocs has read already)."""
    if pages is not None:
        files_now = [pages[f.src_uri] if f.is_documentation_page() else f for f in files_now
                     if f.src_uri in pages or not f.is_documentation_page()]
    _replace(files, list(files_now) + [f for f in files if f.src_dir != docs_dir])


def attach(config, code: str, events: dict[str, str], until: Callable[..., int | None]) -> None:
    """Build edition `code` as it is written: `events` are the generation's events so far (event →
    its words), `until(*events)` waits for one of them (none: for the end) and gives the
    generation's status once it has ended."""
    docs_dir = config.docs_dir
    order: dict[str, int] = {}                     # document slug → rank in the writing order (empty: complete)
    taken: set[str | None] = set()                 # the documents whose other files are taken (None: all)

    def wait(event: str) -> None:
        until(event)
        if event not in events:
            raise GenerationStopped(f"generation stopped before '{event}' (its messages above say why); "
                                    "nothing is published")

    def document_of(src_uri: str) -> str | None:
        """The document a page belongs to (its folder), None for a corpus page."""
        parts = PurePosixPath(src_uri).parts
        return parts[0] if len(parts) > 1 and parts[0] in order else None

    def take_other_files(files, slug: str | None) -> None:
        """A document's other files (tables; None: every file of the edition) as they are now."""
        from mkdocs.structure.files import File
        if slug in taken or None in taken:
            return
        taken.add(slug)
        for folder, _, names in os.walk(os.path.join(docs_dir, slug) if slug else docs_dir):
            for name in names:
                path = os.path.relpath(os.path.join(folder, name), docs_dir).replace(os.sep, "/")
                if files.get_file_from_path(path) is None:
                    file = File(path, docs_dir, config.site_dir, config.use_directory_urls)
                    if not file.is_documentation_page():
                        files.append(file)

    def when_planned(files, config):
        from mkdocs.structure.files import get_files
        status = until(f"plan {code}", f"edition {code}")
        if f"plan {code}" in events and f"edition {code}" not in events:
            order.update((slug, rank) for rank, slug in enumerate(events[f"plan {code}"].split()))
        elif f"edition {code}" in events or status == 0:           # complete (or nothing changed)
            _refill(files, docs_dir, get_files(config))
        else:
            raise GenerationStopped("generation stopped (its messages above say why); nothing is published")
        return files

    def as_planned(files, config):
        if not order:
            return files
        from mkdocs.structure.files import File
        pages = [File(path, docs_dir, config.site_dir, config.use_directory_urls) for path in nav_pages(config.nav)]
        pages.sort(key=lambda f: order.get(document_of(f.src_uri), len(order)))   # (stable: the nav's order within)
        # the pages listed before they were written (some left over from an earlier build) give way to these
        _replace(files, pages + [f for f in files if not (f.is_documentation_page() and f.src_dir == docs_dir)])
        return files

    def on_pre_page(page, config, files):
        if order:
            slug = document_of(page.file.src_uri)
            wait(f"document {code} {slug}" if slug else f"edition {code}")
            take_other_files(files, slug)
        return page

    def on_env(env, config, files):
        if order:
            from mkdocs.structure.files import get_files
            wait(f"edition {code}")
            _refill(files, docs_dir, get_files(config), {f.src_uri: f for f in files if f.is_documentation_page()})
        return env

    config.plugins.events["files"].insert(0, when_planned)
    config.plugins.events["files"].append(as_planned)
    config.plugins.events["pre_page"].append(on_pre_page)
    config.plugins.events["env"].append(on_env)
