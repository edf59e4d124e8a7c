"""Earlier versions, specified: each is paired with the next segment by segment, a passage keeps its
anchor on every version, and each earlier passage's fate says where a citation of it goes."""
import shutil
from pathlib import Path

from helpers import ROOT, raw

from generator.diagnostics import Reporter
from generator.generate.pipeline import load_catalog_of, load_versions_of
from generator.parse.documents import load_document
from generator.translate.segments import Segment
from generator.versions.align import Change, pair
from generator.versions.marks import Op, marks

DOCS = Path(__file__).parent / "documents"
SLUG = "debris-guidelines"


def load(src: Path = DOCS, slug: str = SLUG):
    report = Reporter()
    doc = load_document(src / slug, report, src.parent)
    catalog = load_catalog_of(doc, src, report)
    return doc, load_versions_of(doc, catalog, src / slug, src, report, report), report


def segs(*texts):
    return [Segment(f"s{i}", t, i) for i, t in enumerate(texts)]


def test_identical_segments_pair_and_an_inserted_one_is_added():
    assert pair(segs("甲", "乙", "丙"), segs("甲", "乙", "新しい段落", "丙")) == [(0, 0), (1, 1), (None, 2), (2, 3)]


def test_a_reworded_segment_is_one_change_and_a_dropped_one_removed():
    old = segs("宇宙活動の持続可能性を確保する。", "この段落は削除される予定の全く別の文章である。", "結び")
    new = segs("宇宙活動の持続可能性を確実に確保する。", "結び")
    assert pair(old, new) == [(0, 0), (1, None), (2, 1)]


def test_marks_give_back_both_texts_and_mark_only_what_changed():
    for old, new, words in [("令和６年１２月２０日", "令和７年６月３０日", False),
                            ("held a total of five meetings.", "held a total of eight meetings.", True),
                            ("", "全部新しい", False), ("全部古い", "", False)]:
        runs = marks(old, new, words)
        assert "".join(m.text for m in runs if m.op is not Op.ADDED) == old
        assert "".join(m.text for m in runs if m.op is not Op.REMOVED) == new
    assert [m.text for m in marks("five meetings", "eight meetings", True) if m.op is not Op.SAME] == ["five", "eight"]


def test_the_interim_report_against_the_final_one():
    doc, [version], report = load()
    assert not [d for d in report.diagnostics if d.is_error()]
    assert (version.date, version.until) == ("2024-12-20", "2025-06-30")
    rows = {(r.old.id if r.old else None, r.new.id if r.new else None): r for r in version.rows}
    assert rows[("1-p2", "1-p2")].change is Change.CHANGED                   # 計５回 → 計８回
    assert rows[("2-p1", "2-p1")].change is Change.UNCHANGED
    assert rows[(None, "2-p3")].change is Change.ADDED
    assert rows[("3-p1", None)].change is Change.REMOVED                     # 当面の検討課題, dropped
    assert rows[("4-p1", "3-p1")].change is Change.UNCHANGED                 # renumbered: 4 → 3
    assert rows[("4-p2", "3-p2")].change is Change.CHANGED
    assert rows[("1-p2", "1-p2")].old_en.endswith("five meetings.")
    assert rows[("1-p2", "1-p2")].new_en.endswith("eight meetings.")


def test_a_passage_keeps_the_current_anchor_and_a_removed_one_gets_a_free_one():
    _, [version], _ = load()
    anchors = {r.old.id: r.anchor for r in version.rows if r.old}
    assert anchors["4-p1"] == "3-p1"                    # where the passage is now
    assert anchors["3-p1"] == "3-p1-was"                # its own id, taken by the passage above
    assert anchors["5-p1"] == "5-p1"
    assert len({r.anchor for r in version.rows}) == len(version.rows)


def test_each_earlier_passage_says_where_a_citation_of_it_goes():
    _, [version], _ = load()
    assert version.places["4-p1"] == ("debris-guidelines/4.md", "4-p1")       # as it was published
    kept, gone = version.fates["4-p1"], version.fates["5-p1"]
    assert (kept.page, kept.anchor, kept.is_removed()) == ("debris-guidelines/3.md", "3-p1", False)
    assert (gone.page, gone.anchor, gone.removed_by) == ("debris-guidelines/versions/2024-12-20.md", "5-p1", "2025-06-30")
    assert gone.is_removed()


def test_three_versions_chain_one_anchor_per_passage(tmp_path):
    shutil.copytree(DOCS / SLUG, tmp_path / SLUG)
    older = tmp_path / SLUG / "versions" / "2024-06-01"
    older.mkdir()
    text = (DOCS / SLUG / "versions" / "2024-12-20" / "source.txt").read_text(encoding="utf-8")
    (older / "source.txt").write_text(text.replace("令和６年１２月２０日", "令和６年６月１日")
                                      .replace("計５回", "計２回"), encoding="utf-8")
    _, (first, second), report = load(tmp_path)
    assert (first.until, second.date) == ("2024-12-20", "2024-12-20")
    first_rows = {r.old.id: r for r in first.rows if r.old}
    second_rows = {r.old.id: r for r in second.rows if r.old}
    for seg_id in first_rows:
        assert first_rows[seg_id].anchor == second_rows[seg_id].anchor      # the same passage, one anchor
    assert first_rows["1-p2"].change is Change.CHANGED and first_rows["4-p1"].anchor == "3-p1"
    assert first.fates["5-p1"].removed_by == "2025-06-30"                     # removed by the current text


def test_a_document_without_versions_has_none():
    src = ROOT / "docs_src"
    _, versions, _ = load(src, "isecg-coordination")
    assert versions == []


def test_mistakes_in_the_versions_folder_are_errors_at_their_file(tmp_path):
    shutil.copytree(DOCS / SLUG, tmp_path / SLUG)
    versions = tmp_path / SLUG / "versions"
    (versions / "2024-13-01").mkdir()
    (versions / "2024-13-01" / "source.txt").write_text(raw("本文"), encoding="utf-8")
    (versions / "2026-01-01").mkdir()
    (versions / "2026-01-01" / "source.txt").write_text(raw("本文"), encoding="utf-8")
    (versions / "2024-01-01").mkdir()
    _, found, report = load(tmp_path)
    errors = {d.code: str(d) for d in report.diagnostics if d.is_error()}
    assert errors["version-folder"].startswith(f"{tmp_path.name}/{SLUG}/versions/2024-13-01/source.txt:1: error:")
    assert "not earlier than the document's date 2025-06-30" in errors["version-date"]
    assert errors["version-source"].startswith(f"{tmp_path.name}/{SLUG}/versions/2024-01-01/source.txt:1: error:")
    assert [v.date for v in found] == ["2024-12-20"]


def test_make_po_fills_an_earlier_versions_new_po_file_from_the_current_translation(tmp_path):
    import polib
    from generator.cli import main
    shutil.copytree(DOCS / SLUG, tmp_path / SLUG)
    (tmp_path / "glossary.yml").write_text("terms: []\n", encoding="utf-8")
    po = tmp_path / SLUG / "versions" / "2024-12-20" / "en.po"
    po.write_text("", encoding="utf-8")             # (an editor starts the translation of an earlier version)
    assert main(["--src", str(tmp_path), "po", "--lang", "en"]) == 0
    entries = {e.msgctxt: e for e in polib.pofile(str(po))}
    assert entries["4-p1"].msgstr.startswith("Satellites are to include") and entries["4-p1"].fuzzy   # exact match
    assert entries["5-p1"].msgstr == ""                                     # nothing like it in the current text


def test_an_earlier_versions_text_is_shown_literally_wherever_it_lands(tmp_path):
    from generator.render.languages import Language
    from generator.render.pages import render_document
    shutil.copytree(DOCS / SLUG, tmp_path / SLUG)
    old = tmp_path / SLUG / "versions" / "2024-12-20" / "source.txt"
    hostile = '</script><script>alert(1)</script>"\u2028<b>'
    old.write_text(old.read_text(encoding="utf-8").replace("計５回", "計５回" + hostile)
                   .replace("当面の検討課題", "当面の" + hostile), encoding="utf-8")
    doc, versions, _ = load(tmp_path)
    pages = {p.path: p.markdown for p in render_document(doc, Language("en"), versions)}
    everything = "".join(pages.values())
    assert "<script>alert" not in everything and "<b>" not in everything
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in pages[f"{SLUG}/versions/2024-12-20.md"]
    assert '<script type="application/json" id="earlier-ids">' in pages[f"{SLUG}/3.md"]
