"""Translation memory: PO files refreshed with msgmerge semantics, catalogs, coverage, checks."""
import polib

from generator.diagnostics import Reporter
from generator.render.languages import Language
from generator.render.pages import render_document
from generator.translate.segments import Segment, segments
from generator.translate.catalog import catalog_from, coverage, load_catalog, refresh

from helpers import parse, raw

SRC = "docs_src/x/source.txt"


def po_text(po):
    return str(po)


def refreshed(old_text, segs):
    po = polib.pofile(old_text, wrapwidth=0) if old_text else None
    return refresh(po, segs, SRC, "en", "x")


def test_new_segments_appear_empty_with_context_source_and_reference():
    po = refreshed(None, [Segment("1", "１．総論", 3), Segment("1-p1", "本文である。", 5)])
    entries = list(po)
    assert [(e.msgctxt, e.msgid, e.msgstr, e.occurrences) for e in entries] == [
        ("1", "１．総論", "", [(SRC, "3")]), ("1-p1", "本文である。", "", [(SRC, "5")])]


def test_translations_are_kept_and_refreshing_unchanged_sources_changes_no_byte():
    po = refreshed(None, [Segment("1", "１．総論", 3)])
    po[0].msgstr = "1. General"
    text = po_text(po)
    again = po_text(refreshed(text, [Segment("1", "１．総論", 3)]))
    assert again == text
    assert po_text(refreshed(again, [Segment("1", "１．総論", 3)])) == text


def test_changed_source_keeps_the_old_translation_marked_fuzzy_with_the_previous_msgid():
    po = refreshed(None, [Segment("1", "１．総論", 3)])
    po[0].msgstr = "1. General"
    new = refreshed(po_text(po), [Segment("1", "１．総論と背景", 3)])
    [e] = list(new)
    assert e.msgstr == "1. General" and "fuzzy" in e.flags and e.previous_msgid == "１．総論"
    assert "#| msgid \"１．総論\"" in po_text(new)


def test_removed_segments_become_obsolete():
    po = refreshed(None, [Segment("1", "１．総論", 3), Segment("2", "２．各論", 9)])
    po[1].msgstr = "2. Details"
    new = refreshed(po_text(po), [Segment("1", "１．総論", 3)])
    assert [(e.msgctxt, e.obsolete) for e in new] == [("1", 0), ("2", 1)]
    assert '#~ msgctxt "2"' in po_text(new)


def test_moved_segment_reuses_its_translation_as_fuzzy():
    po = refreshed(None, [Segment("1-p1", "本文である。", 5)])
    po[0].msgstr = "This is the text."
    new = refreshed(po_text(po), [Segment("1-p2", "本文である。", 7)])
    live = [e for e in new if not e.obsolete]
    assert live[0].msgctxt == "1-p2" and live[0].msgstr == "This is the text." and "fuzzy" in live[0].flags


def write_po(tmp_path, entries):
    po = polib.POFile(wrapwidth=0)
    for ctx, msgid, msgstr, flags in entries:
        po.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr, flags=flags))
    path = tmp_path / "en.po"
    path.write_text(str(po), encoding="utf-8")
    return path


def test_untranslated_fuzzy_and_broken_entries_are_reported_with_file_and_line(tmp_path):
    segs = [Segment("1", "１．総論", 3), Segment("1-p1", "本文[1]である。", 5), Segment("1-p2", "次の文。", 6),
            Segment("1-p3", "注の文。", 7)]
    path = write_po(tmp_path, [("1", "１．総論", "1. General", []), ("1-p1", "本文[1]である。", "Text.", []),
                               ("1-p2", "次の文。", "", []), ("1-p3", "注の文。", "Note.", ["fuzzy"])])
    report = Reporter()
    cat = load_catalog(path, "docs_src/x/en.po", segs, report)
    codes = sorted((d.code, d.file) for d in report.diagnostics)
    assert codes == [("translation-fuzzy", "docs_src/x/en.po"), ("translation-markers", "docs_src/x/en.po"),
                     ("translation-missing", "docs_src/x/en.po")]
    assert all(d.line > 1 for d in report.diagnostics)
    cov = coverage(segs, cat)
    assert (cov.translated, cov.fuzzy, cov.untranslated) == (2, 1, 1)


def test_a_broken_po_file_is_a_clear_error(tmp_path):
    path = tmp_path / "en.po"
    path.write_text('msgctxt "1"\nmsgid "a"\nmsgstr "b\n', encoding="utf-8")
    report = Reporter()
    load_catalog(path, "docs_src/x/en.po", [Segment("1", "a", 1)], report)
    [d] = [d for d in report.diagnostics if d.code == "po-syntax"]
    assert d.level == "error" and d.file == "docs_src/x/en.po" and "PO" in d.message


def test_untranslated_segments_show_the_japanese_marked_on_english_pages():
    doc = parse(raw("題名", "１．総論", "・本文である。", "・次の文である。"))
    segs = segments(doc)
    po = refresh(None, segs, SRC, "en", "test")
    for e in po:
        if e.msgctxt != "1-p1-i2":
            e.msgstr = {"title": "Title", "1": "1. General", "1-p1-i1": "This is the text."}.get(e.msgctxt, "")
    lang = Language("en", {"test": catalog_from(po, "en.po")})
    md = render_document(doc, lang)[0].markdown
    assert '<li id="1-p1-i1" data-seg="1-p1-i1">This is the text.</li>' in md
    assert ('<li id="1-p1-i2" data-seg="1-p1-i2" lang="ja" data-state="untranslated">'
            '<span class="tr-state" data-generated lang="en">Not yet translated</span> 次の文である。</li>') in md


def test_shipped_translations_are_complete(seed_docs, tmp_path):
    from helpers import SRC as DOCS
    docs, _ = seed_docs
    for slug, doc in docs.items():
        report = Reporter()
        cat = load_catalog(DOCS / slug / "en.po", f"docs_src/{slug}/en.po", segments(doc), report)
        cov = coverage(segments(doc), cat)
        assert (cov.percent, cov.fuzzy) == (100.0, 0), slug
        assert report.diagnostics == [], slug


def test_the_english_edition_shows_no_japanese_outside_what_is_marked_japanese(built_site):
    """Every text of the English edition is English, except what is marked lang="ja" (the
    side-by-side column, the Japanese of glossary terms): the glossary's bilingual headings (and
    the table of contents made from them) and the bilingual 404 page aside."""
    import re
    from bs4 import BeautifulSoup
    japanese = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    leaks = []
    for page in sorted((built_site / "en").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        glossary = page.parent.name == "glossary"
        for text in soup.find_all(string=japanese):
            element = text.parent
            if element.name in ("script", "style", "title") or page.name == "404.html":
                continue
            if any(a.get("lang", "").startswith("ja") for a in text.parents if hasattr(a, "get")):
                continue
            if glossary and (element.name == "h2" or element.find_parent(class_="md-nav")):
                continue                                   # "anchor tenancy (アンカーテナンシー)"
            leaks.append((str(page.relative_to(built_site)), element.name, text.strip()[:50]))
    assert len(list((built_site / "en").rglob("*.html"))) > 10
    assert leaks == []


def test_a_tables_translation_that_loses_its_columns_is_a_warning_at_its_entry(tmp_path):
    from generator.model import FlattenedTable
    from generator.parse.tables import read_layout
    lines = ["米国 欧州 日本", "着陸 ○ ○ ○", "掘削 ○ ○", "JAXA作成。"]
    layout = read_layout(FlattenedTable(id="3-p1", lines=lines, numbers=[1, 2, 3, 4]))
    seg = Segment("3-p1", "\n".join(lines), 1, layout)
    for msgstr, warned in (("USA | Europe | Japan\nLanding ○ ○ ○\nExcavation ○ ○\nBy JAXA.", False),
                           ("United States Europe Japan\nLanding ○ ○ ○\nExcavation ○ ○\nBy JAXA.", True),
                           ("USA Europe Japan\nLanding ○ ○\nExcavation ○ ○ ○\nBy JAXA.", True)):
        po = refreshed(None, [seg])
        po[0].msgstr = msgstr
        (tmp_path / "en.po").write_text(po_text(po), encoding="utf-8")
        report = Reporter()
        load_catalog(tmp_path / "en.po", "docs_src/x/en.po", [seg], report)
        found = [d for d in report.diagnostics if d.code == "translation-table"]
        assert bool(found) == warned, msgstr
        if warned:
            text = po_text(po).splitlines()
            assert text[found[0].line] == 'msgctxt "3-p1"'                 # the entry's first line
            assert "a table of 3 columns" in found[0].message
