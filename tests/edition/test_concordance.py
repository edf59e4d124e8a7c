"""The concordance's files and page: each section entry's segments with the aligned text of the other
language (pending ones marked), numbered as the index numbers its entries; the page's form and table."""
import json

from generator.diagnostics import Reporter
from generator.edition.concordance import concordance_page
from generator.edition.search import concordance_files, search_entries, search_part, seg_anchor
from generator.generate.pipeline import load_catalog_of
from generator.parse.documents import RESERVED_NAMES
from generator.render.languages import Language

from helpers import SRC


def calls(text: str):
    return json.loads("[" + text[text.index("(") + 1:text.rindex(")")] + "]")


def test_each_segment_stands_beside_its_translation_and_a_pending_one_is_marked(seed_docs):
    docs, _ = seed_docs
    doc = docs["leo-activity-2025"]
    catalog = load_catalog_of(doc, SRC, Reporter())
    rows = [row for e in search_entries(doc, Language("ja", {doc.meta.slug: catalog})) for row in e["s"]]
    assert rows
    translated = pending = 0
    for anchor, text, aligned, flag in rows:
        assert text and anchor
        if flag:
            pending += 1
            assert aligned == ""
        else:
            translated += 1
            assert aligned
    assert translated
    en = [row for e in search_entries(doc, Language("en", {doc.meta.slug: catalog})) for row in e["s"]]
    assert len(en) == len(rows) and all(r[2] == j[1] for r, j in zip(en, rows))


def test_segment_files_follow_the_entries_numbers(seed_docs):
    docs, _ = seed_docs
    parts = [search_part(search_entries(d, Language("ja", {}))) for d in docs.values()]
    files = concordance_files(parts)
    entries = [e for p in parts for e in p.entries]
    got = {}
    for path, text in files.items():
        if path.startswith("search/s/"):
            k, rows = calls(text)
            got.update({k * 4 + i: row for i, row in enumerate(rows)})
    assert [got[n][0] for n in range(len(entries))] == [e["u"] for e in entries]
    assert calls(files["search/docs.js"])[0] == [p.entries[0]["d"] for p in parts]
    assert all("<" not in text for text in files.values())


def test_anchors_are_the_elements_ids():
    assert seg_anchor("p-1-2", None) == "p-1-2"
    assert seg_anchor("m-3-name", None) == seg_anchor("m-3-affiliation", None) == "m-3"
    assert seg_anchor("t-4-speaker", None) == "t-4"


def test_the_page_is_labelled_in_its_language_and_its_folder_reserved():
    ja, en = concordance_page(Language("ja")), concordance_page(Language("en"))
    assert 'for="kwic-q"' in ja and "検索語" in ja and "Word or phrase" in en
    assert 'role="status"' in ja and "<caption>" in en
    assert "concordance" in RESERVED_NAMES
