"""The side-by-side page: every passage and every table of the document in pairs, each table shown
once per language as its normal page prints it, ids unique on the page, and citation links labelled
with the printed numbering that lead to the passage on its normal page."""
import posixpath

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.diagnostics import Reporter
from generator.model import FlattenedTable, MatrixTable
from generator.render.escape import MARKDOWN_EXTENSIONS
from generator.render.languages import Language
from generator.render.pages import render_document
from generator.translate.catalog import load_catalog
from generator.translate.segments import block_segments, segments

from helpers import SRC, parse, raw


def language(code, doc):
    """A `Language` with the document's translation (its en.po) for English."""
    if code == "ja":
        return Language("ja")
    catalog = load_catalog(SRC / doc.meta.slug / "en.po", f"docs_src/{doc.meta.slug}/en.po", segments(doc), Reporter())
    return Language(code, {doc.meta.slug: catalog})


def html(page):
    return BeautifulSoup(markdown.markdown(page.markdown, extensions=MARKDOWN_EXTENSIONS), "html.parser")


def pages(doc, lang):
    """The pages of a document in a language, as HTML, by path."""
    return {p.path: html(p) for p in render_document(doc, lang)}


def parallel(doc, lang):
    return pages(doc, lang)[f"{doc.meta.slug}/parallel.md"]


def test_every_passage_and_every_table_has_its_pair_in_reading_order(seed_docs):
    docs, _ = seed_docs
    for doc in docs.values():
        pairs = [p["id"] for p in parallel(doc, Language("ja")).select("div.pair")]
        expected = [b.id if isinstance(b, MatrixTable) else s.id
                    for b in doc.walk() for s in ([None] if isinstance(b, MatrixTable) else block_segments(b))]
        assert pairs == expected + [n.id for _, n in sorted(doc.footnotes.items())], doc.meta.slug
        assert set(pairs) == {s.id for s in segments(doc)} | {b.id for b in doc.walk() if isinstance(b, MatrixTable)}


@pytest.mark.parametrize("code", ["ja", "en"])
def test_the_annex_table_is_on_the_parallel_page_in_both_languages_as_its_page_prints_it(seed_docs, code):
    docs, _ = seed_docs
    doc = docs["leo-activity-2025"]
    pair = parallel(doc, language(code, doc)).select_one("div.pair-table[id='annex-1-p1']")
    for side, lang in ((".pair-ja", "ja"), (".pair-en", "en")):
        annex = pages(doc, language(lang, doc))["leo-activity-2025/annex-1.md"]
        table = pair.select_one(f"{side} figure.matrix-table table")
        assert table is not None, side
        expected = annex.select_one("figure[id='annex-1-p1'] table")
        assert table.caption.get_text() == expected.caption.get_text()
        assert [tr.get_text() for tr in table.select("tr")] == [tr.get_text() for tr in expected.select("tr")]
    assert pair.select_one(".pair-ja caption").get_text() == "ユーザー視点の課題例と取組の方向性"
    assert pair.select_one(".pair-en caption").get_text().startswith("Examples of Issues from the User Perspective")
    assert "pair-wide" in pair["class"]                  # (11 columns: the whole width, one language below the other)


def test_a_table_read_from_the_text_is_paired_as_a_table_in_both_languages(seed_docs):
    docs, _ = seed_docs
    doc = docs["isecg-coordination"]
    pair = parallel(doc, language("en", doc)).select_one("div.pair-table[id='3-p1']")
    ja, en = pair.select_one(".pair-ja figure.partial-table"), pair.select_one(".pair-en figure.partial-table")
    assert [th.get_text() for th in ja.select("thead th[scope=col]")] == ["米国", "ロシア", "欧州", "中国", "日本"]
    assert [th.get_text() for th in en.select("thead th[scope=col]")] == ["USA", "Russia", "Europe", "China", "Japan"]
    assert ja["id"] == "ja-3-p1" and en["id"] == "en-3-p1"


def test_a_table_as_extracted_is_paired_and_its_pending_translation_labelled():
    doc = parse(raw("短い文書", "１．総論", "本文である。"))
    doc.sections[0].children.append(FlattenedTable(id="1-p2", lines=["○ ○", "観測 ○"], numbers=[7, 8]))
    pair = parallel(doc, Language("ja")).select_one("div.pair-table[id='1-p2']")
    assert pair.select_one(".pair-ja figure.flattened-table pre").get_text() == "○ ○\n観測 ○"
    assert pair.select_one(".pair-en")["data-state"] == "untranslated"
    assert pair.select_one(".pair-en").get_text() == "Not yet translated"


def test_ids_are_unique_on_the_parallel_page_and_its_note_references_lead_to_the_notes_pairs(seed_docs):
    docs, _ = seed_docs
    for doc in docs.values():
        for code in ("ja", "en"):
            soup = parallel(doc, Language(code))
            ids = [t["id"] for t in soup.select("[id]")]
            assert len(ids) == len(set(ids)), (doc.meta.slug, code)
            for ref in soup.select("a.footnote-ref"):
                assert ref["href"].startswith("#fn-") and soup.select_one(f"[id='{ref['href'][1:]}']"), ref
            for region in soup.select("[aria-labelledby]"):
                assert soup.select_one(f"[id='{region['aria-labelledby']}']") is not None


def test_a_citation_label_is_the_printed_numbering_of_its_section_and_its_place_there(seed_docs):
    docs, _ = seed_docs
    doc = docs["leo-activity-2025"]
    for code, heading in (("ja", "3.(3)①ア)"), ("en", "3.(3)①(a)")):
        soup = parallel(doc, Language(code))
        assert soup.select_one("[id='3-3-1-a'] .pair-cite").get_text() == heading
        section = [p for p in soup.select("div.pair") if p["id"].startswith("3-3-1-a-")]
        labels = [p.select_one(".pair-cite").get_text() for p in section]
        assert labels == [f"{heading} ¶{n}" for n in range(1, len(labels) + 1)]
        assert [s.get_text() for s in soup.select("[id='fn-12'] .pair-cite .cite-part")] == [
            "注12" if code == "ja" else "Note 12"]
    assert parallel(doc, Language("ja")).select_one("[id='annex-1-p1'] .pair-cite").get_text() == "annex-1 ¶1"


@pytest.mark.parametrize("edition", ["", "en/"])
def test_citation_links_lead_to_the_passage_on_its_normal_page(built_site, edition):
    site = built_site / edition if edition else built_site
    page = site / "leo-activity-2025" / "parallel" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    cites = soup.select("div.pair > a.pair-cite")
    assert len(cites) == len(soup.select("div.pair")) > 200
    for a in cites:
        path, _, anchor = a["href"].partition("#")
        target = posixpath.normpath(posixpath.join("leo-activity-2025/parallel", path))
        assert not target.endswith("parallel") and anchor, a["href"]
        other = BeautifulSoup((site / target / "index.html").read_text(encoding="utf-8"), "html.parser")
        element = other.select_one(f"article [id='{anchor}']")
        assert element is not None, a["href"]
        seg = a.parent["id"]
        assert anchor in (seg, "title", f"fn:{seg.removeprefix('fn-')}") or seg.startswith(f"{anchor}-"), seg
    by_id = {a.parent["id"]: a["href"] for a in cites}
    assert by_id["3-3-1-a-p3-i1-l-i2"] == "../3/#3-3-1-a-p3-i1-l-i2"
    assert by_id["fn-12"] == "../2/#fn:12"                          # the page that prints the note in full
    assert by_id["annex-1-p1"] == "../annex-1/#annex-1-p1"


@pytest.mark.parametrize("code", ["ja", "en"])
def test_a_long_documents_view_is_in_parts_each_pair_once_and_every_link_leading_to_a_page(seed_docs, monkeypatch, code):
    from generator.render import side_by_side
    from generator.render.urls import UrlStyle
    doc = seed_docs[0]["leo-activity-2025"]
    whole = parallel(doc, language(code, doc))
    monkeypatch.setattr(side_by_side, "PART_BYTES", 20_000)
    for directory in (True, False):
        lang = language(code, doc)
        lang = Language(lang.code, lang.catalogs, None, UrlStyle(directory))
        rendered = render_document(doc, lang)
        parts = [p for p in rendered if p.anchor == "parallel"]
        assert len(parts) > 3 and [p.in_nav for p in parts] == [True] + [False] * (len(parts) - 1)
        assert parts[0].path == "leo-activity-2025/parallel.md" and parts[1].path == "leo-activity-2025/parallel/2.md"
        ids = [d["id"] for p in parts for d in html(p).select("div.pair")]
        every = [d["id"] for d in whole.select("div.pair")]
        assert sorted(ids) == sorted(every)                                     # each pair once,
        assert [i for i in ids if not i.startswith("fn-")] == [i for i in every if not i.startswith("fn-")]   # in order
        urls = {lang.urls.url(p.path): html(p) for p in rendered}
        for part in parts:
            here = lang.urls.url(part.path)
            for a in html(part).select("a[href]"):
                href = a["href"]
                if href.startswith(("http", "#")) or "glossary" in href or href.endswith(".csv"):
                    continue
                target, _, anchor = href.partition("#")
                page = posixpath.normpath(posixpath.join(posixpath.dirname(here) if not directory else here, target))
                page = page + "/" if directory and page != "." else page
                assert page in urls, (part.path, href)
                if anchor:
                    assert urls[page].select_one(f"[id='{anchor}']") is not None, (part.path, href)
        for part in parts:                              # a note's reference leads to the part that holds it
            for ref in html(part).select("a.footnote-ref"):
                assert ref["href"].startswith("#") == (html(part).select_one(f"[id='{ref['href'].split('#')[1]}']") is not None)
