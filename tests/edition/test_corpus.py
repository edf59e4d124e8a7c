"""An edition's files: each document's pages and tables, then the corpus pages made from every
document's summary — home, navigation, search index — written only when their bytes change,
files no longer produced removed."""
import html
import json

from generator.diagnostics import Reporter
from generator.edition.corpus import home_page, nav_for, write_edition
from generator.edition.document import DocumentSummary, document_coverage, document_output
from generator.edition.files import write_files
from generator.generate.pipeline import load_catalog_of
from generator.render.languages import LANGUAGES, Language
from generator.render.urls import UrlStyle

from helpers import SRC


def summaries(seed_docs, out):
    """Each seed document's pages written into `out` (both editions), and its summary."""
    docs, _ = seed_docs
    result = []
    for doc in docs.values():
        catalog = load_catalog_of(doc, SRC, Reporter())
        summary = DocumentSummary(doc.meta, {}, document_coverage(doc, catalog), None)
        for code in LANGUAGES:
            output, texts = document_output(doc, Language(code, {doc.meta.slug: catalog}))
            summary.outputs[code] = output
            write_files(out / "docs" / code, texts, [])
        result.append(summary)
    return result


def test_a_documents_part_lists_the_files_it_writes_and_its_pages_in_reading_order(seed_docs, tmp_path):
    [leo] = [s for s in summaries(seed_docs, tmp_path) if s.meta.slug == "leo-activity-2025"]
    ja, en = leo.outputs["ja"], leo.outputs["en"]
    assert [path for _, path in ja.nav] == [path for _, path in en.nav]
    assert ja.nav[0] == ("表紙・目次", "leo-activity-2025/index.md") and en.nav[0][0] == "Cover and contents"
    assert ja.nav[-1] == ("対訳表示", "leo-activity-2025/parallel.md")
    assert "leo-activity-2025/tables/user-challenges.csv" in ja.paths
    assert all((tmp_path / "docs" / "ja" / path).is_file() for path in ja.paths)
    entries = ja.search.entries
    assert {e["u"].split("#")[0] for e in entries} >= {"leo-activity-2025/", "leo-activity-2025/3/"}


def test_the_home_page_and_navigation_list_every_document_in_the_editions_language(seed_docs, tmp_path):
    docs = summaries(seed_docs, tmp_path)
    for code in LANGUAGES:
        lang = Language(code, {}, None, UrlStyle())
        home = home_page(docs, lang)
        for doc in docs:
            assert home.count(f'href="{doc.meta.slug}/"') == 1 and html.escape(doc.outputs[code].title) in home
        nav = nav_for(docs, lang)
        assert [list(item)[0] for item in nav] == [lang.label("home_title")] + [d.outputs[code].title for d in docs] \
            + [lang.label("status")]


def test_corpus_pages_are_rewritten_only_when_they_change_and_stale_files_go(seed_docs, tmp_path):
    docs = summaries(seed_docs, tmp_path)
    written, produced = write_edition(docs, tmp_path, None, UrlStyle(), "ja")
    root = tmp_path / "docs" / "ja"
    assert {root / "index.md", root / "status.md", root / "search" / "manifest.js"} <= set(written)
    assert tmp_path / "nav" / "ja.json" in produced
    stale = root / "leo-activity-2025" / "old-page.md"
    stale.write_text("left over from an earlier build", encoding="utf-8")
    again, _ = write_edition(docs, tmp_path, None, UrlStyle(), "ja")
    assert again == [stale] and not stale.exists()
