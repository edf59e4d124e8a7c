"""The PDFs of `build --pdf`, read back with pypdf: the whole document (headings, notes, tables,
provenance; in English the translation and its notice), every glyph in the file, Japanese lines
broken by kinsoku, links to the site, the cover page's link, and the cache of a second build."""
from __future__ import annotations

import functools
import re
import shutil
import unicodedata
from pathlib import Path

import pypdf
import pytest

from helpers import SRC, build_site, copy_docs, serve

from generator.diagnostics import Reporter
from generator.model import MatrixTable, Section, plain_text
from generator.parse.inline import parse_inlines
from generator.render.pages import render_document
from generator.parse.documents import load_document
from generator.publish.linkcheck import check_links
from generator.render.languages import Language
from generator.render.writer import segment_inlines
from generator.translate.catalog import SegmentState, load_catalog, po_path
from generator.translate.segments import segments

DOCS = ("leo-activity-2025", "isecg-coordination")
# a line of Japanese may not begin with these (JIS X 4051's closing brackets, full stops, commas, small kana)
# (not ・: the bullet of a list item begins its line)
NO_LINE_START = "）〕］｝〉》」』】〙〗｠»、。，．：；？！ーゝゞヽヾ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"


@pytest.fixture(scope="module")
def pdf_build(tmp_path_factory):
    """The two seeds built with PDFs, built again with nothing changed, then again after an edit of
    one document's English provenance: the cache's files and the site's PDFs after each build."""
    out = tmp_path_factory.mktemp("pdf")
    src = copy_docs(out / "docs_src", DOCS)
    shutil.copyfile(SRC / "glossary.yml", src / "glossary.yml")     # (term links: links to the site)
    site = build_site(src, out, extra=("--pdf",))
    cache = out / "build" / "cache" / "pdf"
    first = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    pdfs = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.pdf")}
    build_site(src, out, extra=("--pdf",))
    second = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    again = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.pdf")}
    meta = src / "isecg-coordination" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("(undated)", "(no date printed)"), encoding="utf-8")
    build_site(src, out, extra=("--pdf",))
    third = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    return {"site": site, "src": src, "out": out, "first": first, "second": second, "third": third,
            "pdfs": pdfs, "again": again}


def pdf_path(site: Path, doc: str, lang: str) -> Path:
    return site / ("" if lang == "ja" else "en") / doc / f"{doc}.{lang}.pdf"


def norm(text: str) -> str:
    """Text as compared: NFKC (full-width forms alike), no whitespace (PDF lines break anywhere), and
    ～ and 〜 alike (the font draws both with one glyph, which the PDF can name only one way), case
    folded (the theme prints some headings in capitals)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("〜", "~").casefold()


@functools.lru_cache(maxsize=None)
def page_texts(path: Path) -> list[str]:
    """Each page's text, without the page number the footer adds ("3 / 19")."""
    reader = pypdf.PdfReader(path)
    n = len(reader.pages)
    return [re.sub(rf"\b{i + 1} / {n}\b", "", p.extract_text()) for i, p in enumerate(reader.pages)]


@pytest.fixture(scope="module")
def texts(pdf_build):
    return {(doc, lang): norm("".join(page_texts(pdf_path(pdf_build["site"], doc, lang))))
            for doc in DOCS for lang in ("ja", "en")}


def load(pdf_build, doc: str):
    report = Reporter()
    document = load_document(pdf_build["src"] / doc, report, pdf_build["src"].parent)
    catalog = load_catalog(po_path(pdf_build["src"] / doc, "en"), "en.po", segments(document), report)
    return document, Language("en", {doc: catalog})


@pytest.mark.parametrize("doc", DOCS)
def test_the_japanese_pdf_holds_the_whole_document(pdf_build, texts, doc):
    document, _ = load(pdf_build, doc)
    text = texts[(doc, "ja")]
    missing = [s.anchor for s in document.walk() if isinstance(s, Section) and norm(plain_text(s.title)) not in text]
    assert missing == [], "section headings missing"
    notes = [n for n, note in document.footnotes.items()
             if norm("".join(plain_text(line) for line in note.lines)) not in text]
    assert notes == [], "note bodies missing"
    for table in (b for b in document.walk() if isinstance(b, MatrixTable)):
        for label in [table.caption] + table.columns + [row.label for row in table.rows]:
            assert norm(label.get("ja", "")) in text
    assert norm(document.meta.issuer) in text and norm("出典") in text


def test_the_seeds_have_notes_and_tables_to_check(pdf_build):
    document, _ = load(pdf_build, "leo-activity-2025")
    assert len(document.footnotes) > 5 and any(isinstance(b, MatrixTable) for b in document.walk())


@pytest.mark.parametrize("doc", DOCS)
def test_the_english_pdf_holds_the_translation_and_its_notice(pdf_build, texts, doc):
    document, lang = load(pdf_build, doc)
    text = texts[(doc, "en")]
    assert norm(lang.label("notice")) in text
    checked = 0
    for block in document.walk():
        if isinstance(block, Section):
            inlines, state = segment_inlines(document, lang, block.id, block.title)
            if state is SegmentState.TRANSLATED:
                assert norm(plain_text(inlines)) in text
                checked += 1
    for note in document.footnotes.values():
        translated, state = lang.text(doc, note.id, "\n".join(plain_text(line) for line in note.lines))
        if state is SegmentState.TRANSLATED:
            assert norm("".join(plain_text(parse_inlines([(0, t)], markers=False)) for t in translated.split("\n"))) in text
            checked += 1
    assert checked > 0


def fonts(path: Path):
    """Every font of the PDF: (subtype, its embedded program or glyphs, its ToUnicode map's text)."""
    found = {}
    for page in pypdf.PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            if font.indirect_reference in found:
                continue
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = (bool(font.get("/CharProcs")) if font["/Subtype"] == "/Type3" else
                        any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")))
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1") if "/ToUnicode" in font else ""
            found[font.indirect_reference] = (font["/Subtype"], embedded, cmap)
    return list(found.values())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_font_is_in_the_file_and_japanese_has_one(pdf_build, lang):
    used = fonts(pdf_path(pdf_build["site"], "leo-activity-2025", lang))
    assert used and [f[:2] for f in used if not f[1]] == []
    # the Japanese text in an embedded TrueType subset (IPAex Gothic); only synthetic bold, which IPAex has
    # no face for, is drawn as Type 3 glyphs (embedded too, with their map back to text)
    cjk = [f for f in used if re.search(r"<(?:4E|5[0-9A-F]|[6-9][0-9A-F])[0-9A-F]{2}>", f[2])]
    assert any(f[0] == "/Type0" for f in cjk) is (lang == "ja")


@pytest.mark.parametrize("doc", DOCS)
def test_no_japanese_line_begins_with_a_closing_bracket_or_a_stop(pdf_build, doc):
    lines = [line.strip() for text in page_texts(pdf_path(pdf_build["site"], doc, "ja"))
             for line in text.split("\n")]
    bad = [line[:20] for line in lines if line and line[0] in NO_LINE_START]
    assert len(lines) > 100 and bad == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_text_names_ideographs_not_the_radicals_sharing_their_glyphs(pdf_build, lang):
    text = "".join(page_texts(pdf_path(pdf_build["site"], "leo-activity-2025", lang)))
    assert re.findall("[\u2e80-\u2fdf\u2027]", text) == []
    assert text.count("・" if lang == "ja" else "the") > 10 and (lang == "en" or "方向性" in text)


def test_links_in_the_pdf_lead_to_the_site(pdf_build):
    uris = [a.get_object()["/A"]["/URI"] for page in pypdf.PdfReader(
                pdf_path(pdf_build["site"], "leo-activity-2025", "en")).pages
            for a in page.get("/Annots") or [] if "/URI" in a.get_object().get("/A", {})]
    assert uris and not [u for u in uris if u.startswith("file:")]
    assert any(u.startswith("https://space-policy.example.org/") for u in uris)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_cover_page_links_to_its_pdf(pdf_build, lang):
    from bs4 import BeautifulSoup
    cover = pdf_build["site"] / ("" if lang == "ja" else "en") / "leo-activity-2025" / "index.html"
    link = BeautifulSoup(cover.read_text(encoding="utf-8"), "lxml").select_one(".doc-pdf a")
    assert link.get_text() == Language(lang).label("pdf")
    assert (cover.parent / link["href"]).resolve() == pdf_path(pdf_build["site"], "leo-activity-2025", lang)
    assert pypdf.PdfReader(cover.parent / link["href"]).pages


def test_the_link_check_finds_a_missing_pdf(pdf_build, tmp_path):
    site = shutil.copytree(pdf_build["site"], tmp_path / "site")
    assert check_links(site, Reporter()) > 0
    pdf_path(site, "isecg-coordination", "en").unlink()
    report = Reporter()
    check_links(site, report)
    assert [d.code for d in report.diagnostics] == ["link-broken"]
    assert "isecg-coordination.en.pdf" in report.diagnostics[0].message


def test_a_second_build_reuses_every_pdf(pdf_build):
    assert len(pdf_build["first"]) == 2 * len(DOCS)
    assert pdf_build["second"] == pdf_build["first"]          # the same cache files, not written again
    assert pdf_build["again"] == pdf_build["pdfs"]


def test_an_edit_reprints_only_the_pdf_it_changes(pdf_build, texts):
    first, third = pdf_build["first"], pdf_build["third"]
    assert len(third) == len(first) and len(set(third) - set(first)) == 1     # one new, its old one gone
    assert {k: v for k, v in third.items() if k in first} == {k: v for k, v in first.items() if k in third}
    assert norm("(no date printed)") in texts[("isecg-coordination", "en")]


def test_the_cover_page_link_has_no_accessibility_violation(pdf_build, page, phone):
    from test_accessibility import violations
    server, url = serve(pdf_build["site"])
    try:
        for pg in (page, phone):
            for edition in ("", "en/"):
                pg.goto(f"{url}/{edition}leo-activity-2025/")
                assert pg.locator(".doc-pdf a").is_visible()
                assert violations(pg) == []
    finally:
        server.shutdown()


@pytest.mark.parametrize("pdf", [False, True])
def test_the_link_and_the_print_page_only_when_pdfs_are_built(seed_docs, pdf):
    pages = render_document(seed_docs[0]["leo-activity-2025"], Language("ja", pdf=pdf))
    assert ("doc-pdf" in pages[0].markdown) is pdf
    assert [p.path for p in pages if p.path.endswith("/print.md")] == (["leo-activity-2025/print.md"] if pdf else [])
