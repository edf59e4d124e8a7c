"""The open exports: each document's model as JSON, valid against the published JSON Schema, with
its segments in both languages, headings with their anchors and pages, notes and tables; its aligned
pairs as TMX 1.4b that translate-toolkit's reader reads back pair for pair; both linked from the
status pages of both editions."""
import json

import jsonschema
import pytest
from bs4 import BeautifulSoup
from translate.storage import tmx

from generator.diagnostics import Reporter
from generator.generate.pipeline import load_catalog_of
from generator.translate.catalog import SegmentState
from generator.translate.segments import segments

from helpers import SRC


def blocks_of(blocks):
    """Every block of a model's body, depth first."""
    for b in blocks:
        yield b
        yield from blocks_of(b.get("children", []))


@pytest.mark.parametrize("slug", ["leo-activity-2025", "isecg-coordination"])
def test_each_documents_model_is_valid_json_against_the_published_schema(built_site, seed_docs, slug):
    schema = json.loads((built_site / "exports" / "document.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    model = json.loads((built_site / "exports" / f"{slug}.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(model)
    doc = seed_docs[0][slug]
    catalog = load_catalog_of(doc, SRC, Reporter())
    assert [s["id"] for s in model["segments"]] == [s.id for s in segments(doc)]
    for seg in model["segments"]:
        text, state = catalog.lookup(seg["id"])
        assert seg.get("en") == text and (seg["state"] == "translated") == (state is SegmentState.TRANSLATED)
    headings = [b["heading"] for b in blocks_of(model["body"]) if "heading" in b]
    assert [h["anchor"] for h in headings] == [s.anchor for s in doc.walk() if hasattr(s, "anchor") and s.anchor]
    for h in headings:                                   # each heading's anchor is on the page it names
        page = built_site / h["page"].removesuffix(".md").removesuffix("/index") / "index.html"
        assert BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(f"[id='{h['anchor']}']"), h
    assert [n["number"] for n in model["notes"]] == sorted(doc.footnotes)


def test_a_curated_table_is_in_the_model_with_its_columns_and_rows(built_site, seed_docs):
    model = json.loads((built_site / "exports" / "leo-activity-2025.json").read_text(encoding="utf-8"))
    [table] = [b["table"] for b in blocks_of(model["body"]) if b.get("table", {}).get("id") == "user-challenges"]
    [curated] = [b for b in seed_docs[0]["leo-activity-2025"].walk() if getattr(b, "table_id", "") == "user-challenges"]
    assert [c["en"] for c in table["columns"]] == [c["en"] for c in curated.columns]
    assert [r["cells"] for r in table["rows"]] == [r.cells for r in curated.rows] and table["symbols"]


def test_the_tmx_holds_every_translated_pair_and_reads_back_with_translate_toolkit(built_site, seed_docs):
    for slug, doc in seed_docs[0].items():
        catalog = load_catalog_of(doc, SRC, Reporter())
        store = tmx.tmxfile((built_site / "exports" / f"{slug}.tmx").read_bytes())
        assert store.sourcelanguage == "ja"
        pairs = [(u.source, u.target) for u in store.units]
        expected = [(s.source, catalog.lookup(s.id)[0]) for s in segments(doc)
                    if catalog.lookup(s.id)[1] is SegmentState.TRANSLATED]
        assert pairs == expected and len(pairs) > 50
        ids = [u.xmlelement.get("tuid") for u in store.units]
        assert ids[0] == f"{slug}/title" and len(set(ids)) == len(ids)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_status_page_links_every_documents_exports(built_site, prefix):
    page = built_site / prefix / "status" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in soup.select("ul.exports a")]
    assert len(links) == 4
    for href in links + [soup.select_one("a[href$='document.schema.json']")["href"]]:
        assert (page.parent / href).resolve().is_file(), href
