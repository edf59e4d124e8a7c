"""MkDocs hooks: the generator's navigation, Material's search box without its index,
and regeneration during `mkdocs serve`.

In:  the MkDocs config of one language build.
Out: the config with `nav` set from `build/nav/<lang>.json` (pages in document order, found beside
     the docs_dir); Material's search plugin kept (the theme draws
     the search box only when it is configured) but without its indexing events — the
     box is driven by the generator's sharded index (`search/`), and indexing every page was a
     third of MkDocs' time for a `search/search_index.json` nothing loads; under
     `mkdocs serve`, the Markdown regenerated from `docs_src/` before each build, so
     that an edit of a source text, a PO file or the metadata shows in the browser
     within seconds: only `docs_src/` is watched (the docs_dir is the generator's
     output: watching it too built every edit twice), and with `--dirty` (`make serve`)
     MkDocs rebuilds only the pages whose Markdown the edit changed, its warning that a
     dirty build may leave other pages' navigation stale left out (it is expected there,
     and would stop every rebuild in strict mode); under `mkdocs serve`, the generator's raw
     HTML blocks set aside for Python-Markdown as `python -m generator build` sets them (`rawhtml`);
     and in the offline bundle (`.html` URLs, opened from disk), the 404 page's links and assets
     relative to its own folder, the root of its edition, instead of absolute from a server's root.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

_serving = False
DIRTY_WARNING = "A 'dirty' build is being performed"


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


def on_startup(command, dirty=False, **kwargs):
    global _serving
    _serving = command == "serve"
    if _serving and dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)


def on_serve(server, config, builder, **kwargs):
    """Watch docs_src/ (in config.watch), not the docs_dir the generator writes from it."""
    server.unwatch(config.docs_dir)
    return server


SEARCH_PLUGIN = "material/search"
SEARCH_INDEX_EVENTS = ("page_context", "post_build", "serve")     # the events that build and write its index


def _search_box_only(plugins) -> None:
    search = plugins.get(SEARCH_PLUGIN)
    if search is None:
        return
    for event in SEARCH_INDEX_EVENTS:
        plugins.events[event] = [m for m in plugins.events[event] if getattr(m, "__self__", None) is not search]


def on_config(config, **kwargs):
    _search_box_only(config.plugins)
    if _serving:
        _load_generator()
        from generator.publish.rawhtml import GeneratedHtmlExtension
        config.markdown_extensions.append(GeneratedHtmlExtension())
    return config


def _load_generator() -> None:
    """The generator importable from this hook (MkDocs loads it as a file)."""
    import sys
    root = str(Path(__file__).resolve().parent.parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)


def on_files(files, config, **kwargs):
    """The navigation, read after `on_pre_build` (under `mkdocs serve`, the generator runs there), and
    the documents' pages it leaves out on purpose (an earlier version's, a long side-by-side view's parts)."""
    from mkdocs.structure.files import InclusionLevel
    lang = config.theme.get("language", "ja")
    nav = Path(config.docs_dir).parent.parent / "nav" / f"{lang}.json"     # build/docs/<lang> → build/nav
    if nav.exists():
        config.nav = json.loads(nav.read_text(encoding="utf-8"))
    hidden = nav.with_name(f"{lang}.hidden.json")
    if hidden.exists():
        for path in json.loads(hidden.read_text(encoding="utf-8")):
            file = files.get_file_from_path(path)
            if file is not None and file.inclusion.is_included():
                file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def on_pre_build(config, **kwargs):
    """Under `mkdocs serve`, regenerate the Markdown before each build."""
    if not _serving:
        return
    src = Path(config.watch[0]) if config.watch else Path(config.config_file_path).parent / "docs_src"
    out = Path(config.docs_dir).parent.parent
    _load_generator()
    from generator.cli import main       # regenerate; only changed files are rewritten
    # one process: forking worker processes from the server's threads could deadlock, and an
    # edit redoes one document (the others come from the cache)
    main(["--src", str(src), "--out", str(out), "generate", "--jobs", "1"])


def on_env(env, config, files, **kwargs):
    """Every value a template prints is HTML-escaped unless it is marked as HTML (`Markup`): the
    titles, descriptions and paths that editors' files put into the navigation, `<title>` and
    meta tags are text, whatever a template forgets."""
    env.autoescape = True
    return env


def on_nav(nav, config, files, **kwargs):
    """The navigation's titles (editors' text) marked as escaped HTML, so that a template's
    `striptags` (Material's `<title>`) gives back the text itself, and printing them escapes them once."""
    from markupsafe import Markup

    def mark(items):
        for item in items:
            if item.title is not None:
                item.title = Markup.escape(item.title)
            mark(getattr(item, "children", None) or [])
    mark(nav.items)
    return nav


def on_page_content(html, page, config, files, **kwargs):
    """The page's body and its table of contents' titles are HTML already (Python-Markdown's, with
    the editors' text escaped in it): marked so, they are printed as they are."""
    from markupsafe import Markup

    def mark(items):
        for item in items:
            item.title = Markup(item.title)
            mark(item.children)
    mark(page.toc)
    return Markup(html)


def on_template_context(context, template_name, config, **kwargs):
    """The offline bundle's 404 page: links relative to its edition's root, where it lies (MkDocs
    makes an error page's absolute, for a server sending it at any depth: from disk, the disk's root)."""
    if template_name == "404.html" and not config.use_directory_urls:
        from mkdocs.utils import normalize_url
        context["base_url"] = "."
        context["extra_css"] = [normalize_url(path, None, ".") for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(script), None, ".") for script in config.extra_javascript]
    return context

