"""An edition's files: each document's pages and tables, then the corpus pages made from every
document's summary — home, navigation, search index — written only when their bytes change,
files no longer produced removed."""
import dataclasses
import html
import json
import re

from bs4 import BeautifulSoup

from generator.diagnostics import Reporter
from generator.edition.corpus import home_page, nav_for, status_page, uses_pages, write_edition
from generator.edition.document import DocumentSummary, document_coverage, document_output, document_usage
from generator.edition.files import write_files
from generator.generate.pipeline import load_catalog_of
from generator.glossary.termbase import load_glossary
from generator.render.languages import LANGUAGES, Language
from generator.render.urls import UrlStyle
from generator.translate.catalog import Coverage

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
            + [lang.label("concordance"), lang.label("status")]


def test_the_home_page_lists_the_documents_under_a_heading_and_brackets_each_side_by_side_link_once(seed_docs,
                                                                                                     tmp_path):
    docs = summaries(seed_docs, tmp_path)
    for code, opening, closing in (("ja", "（", "）"), ("en", "(", ")")):
        lang = Language(code, {}, None, UrlStyle())
        home, label = home_page(docs, lang), lang.label("side_by_side")
        assert f"\n## {lang.label('documents')} {{#documents" in home and "<p class=\"doc-list-title\">" not in home
        assert not set("()（）") & set(label)
        for doc in docs:
            link = f'<a href="{doc.meta.slug}/parallel/">{html.escape(label)}</a>'
            assert f'<span class="doc-parallel">{opening}{link}{closing}</span>' in home


STATUS_COLUMNS = ("document", "segments", "translated", "fuzzy", "untranslated", "words", "coverage")


def test_the_status_page_speaks_the_editions_language_names_documents_by_title_and_totals_them(seed_docs, tmp_path):
    docs = summaries(seed_docs, tmp_path)
    docs[0].coverage = Coverage(translated=7, fuzzy=2, untranslated=1, words_translated=1200, words_fuzzy=300,
                                words_untranslated=100)
    for code in LANGUAGES:
        lang = Language(code, {}, None, UrlStyle())
        status = status_page(docs, lang)
        assert status.startswith(f"# {lang.label('status')}\n")
        soup = BeautifulSoup(status, "html.parser")
        squeeze = lambda text: "".join(text.split())
        assert [squeeze(th.get_text()) for th in soup.select("thead th")] == \
            [squeeze(lang.label(f"status_{column}")) for column in STATUS_COLUMNS]
        region = soup.select_one("div.status-scroll[role=region][tabindex='0'] > table.status")
        assert region.parent["aria-label"] == lang.label("status_table")
        figures = lambda cov: [f"{cov.total:,}", f"{cov.translated:,}", f"{cov.fuzzy:,}", f"{cov.untranslated:,}",
                               f"{cov.words_translated:,} / {cov.words_translated + cov.words_fuzzy + cov.words_untranslated:,}",
                               f"{cov.percent:.1f}%"]
        rows = soup.select("tbody tr")
        assert len(rows) == len(docs)
        for row, doc in zip(rows, docs):
            link = row.select_one("th[scope=row] a")
            assert (link.get_text(), link["href"]) == (doc.outputs[code].title, f"../{doc.meta.slug}/")
            assert [td.get_text() for td in row.select("td")] == figures(doc.coverage)
        total = Coverage(*(sum(getattr(d.coverage, f.name) for d in docs) for f in dataclasses.fields(Coverage)))
        assert soup.select_one("tfoot th").get_text() == lang.label("status_total")
        assert [td.get_text() for td in soup.select("tfoot td")] == figures(total)
        assert "70.0%" in rows[0].get_text() and "width: 70.0%" in str(rows[0])        # the bar beside the figure
    japanese = BeautifulSoup(status_page(docs, Language("ja", {}, None, UrlStyle())), "html.parser").get_text()
    assert not re.search(r"Document|Segments|Translated|Fuzzy|Untranslated|Words|Coverage|English", japanese), japanese


def test_the_status_page_escapes_the_titles_it_lists(seed_docs, tmp_path):
    docs = summaries(seed_docs, tmp_path)
    hostile = '<img src=x onerror="alert(1)"> & <b>'
    docs[0].outputs["en"] = dataclasses.replace(docs[0].outputs["en"], title=hostile)
    status = status_page(docs, Language("en", {}, None, UrlStyle()))
    assert "<img" not in status and "<b>" not in status and html.escape(hostile) in status


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


def test_a_terms_list_of_where_it_appears_is_paged_so_that_no_page_grows_with_the_corpus(seed_docs, tmp_path):
    docs, _ = seed_docs
    glossary = load_glossary(SRC / "glossary.yml", "docs_src/glossary.yml", Reporter())
    summaries = []
    for doc in docs.values():
        catalog = load_catalog_of(doc, SRC, Reporter())
        summary = DocumentSummary(doc.meta, {}, document_coverage(doc, catalog), document_usage(doc, glossary, catalog))
        for code in LANGUAGES:
            summary.outputs[code] = document_output(doc, Language(code, {doc.meta.slug: catalog}))[0]
        summaries.append(summary)
    lang = Language("en", {}, glossary, UrlStyle())
    whole, paged = uses_pages(glossary, summaries, lang), uses_pages(glossary, summaries, lang, per_page=3)
    uses = [(slug, page, anchor) for d in summaries for term, page, anchor, _ in d.usage if term == "leo"
            for slug in [d.meta.slug]]
    assert len(uses) > 6
    mine = sorted(path for path in paged if path.startswith("glossary/uses/leo/"))
    assert mine == sorted(["glossary/uses/leo/index.md"] + [f"glossary/uses/leo/{k}.md" for k in range(2, -(-len(uses) // 3) + 1)])
    listed = []
    for path in ["glossary/uses/leo/index.md"] + [f"glossary/uses/leo/{k}.md" for k in range(2, len(mine) + 1)]:
        links = re.findall(r'<ol>(.*?)</ol>', paged[path])
        hrefs = [h for block in links for h in re.findall(r'href="([^"]+)"', block)]
        assert 0 < len(hrefs) <= 3
        listed += hrefs
        pager = re.search(r'<nav class="uses-pager"[^>]*>(.*?)</nav>', paged[path]).group(1)
        assert len(re.findall("<a ", pager)) == len(mine) and pager.count("aria-current") == 1
    on_one = re.findall(r'href="([^"]+)"', "".join(re.findall(r'<ol>(.*?)</ol>', whole["glossary/uses/leo/index.md"])))
    assert len(on_one) == len(uses)
    target = lambda href: re.sub(r"^(\.\./)+", "", href)                 # (the pages are at other depths)
    assert [target(h) for h in listed] == [target(h) for h in on_one]   # all, in order
    assert "uses-pager" not in whole["glossary/uses/leo/index.md"]


def test_a_long_documents_sections_are_grouped_in_the_navigation_so_that_each_page_carries_few():
    from generator.edition.corpus import NAV_GROUP, document_nav
    lang = Language("ja", {}, None, UrlStyle())
    pages = [("表紙・目次", "d/index.md")] + [(f"{k}．節", f"d/{k}.md") for k in range(1, 46)] + [("対訳表示", "d/parallel.md")]
    nav = document_nav(pages, lang)
    assert nav[0] == {"表紙・目次": "d/index.md"} and nav[-1] == {"対訳表示": "d/parallel.md"}
    groups = nav[1:-1]
    assert [len(next(iter(g.values()))) for g in groups] == [NAV_GROUP, NAV_GROUP, 45 - 2 * NAV_GROUP]
    assert list(groups[0]) == [f"1．節 ～ {NAV_GROUP}．節"]
    long = document_nav([pages[0]] + [("第一章　宇宙活動の自立性の確保に向けて", f"d/{k}.md") for k in range(30)] + [pages[-1]], lang)
    assert list(long[1]) == ["第一章　宇宙活動の自立性の… ～ 第一章　宇宙活動の自立性の…"]        # labels cut short
    assert [p for g in groups for entry in next(iter(g.values())) for p in entry.values()] == [p for _, p in pages[1:-1]]
    short = pages[:NAV_GROUP + 1] + pages[-1:]
    assert document_nav(short, lang) == [{t: p} for t, p in short]          # a short document's: as they are
