"""The translation memory of `make po`: an empty entry is filled from the reviewed translations of the
corpus (identical Japanese: an exact match; similar: a close match with its score), always fuzzy with a
`# TM:` comment saying where it came from; what a translator wrote is never touched."""
import os
import re
import shutil
import subprocess
import sys

import polib
import pytest

from generator.diagnostics import Reporter
from generator.translate.catalog import SegmentState, load_catalog, refresh
from generator.translate.memory import Memory, fill
from generator.translate.segments import Segment

from helpers import ROOT, copy_docs

SEED = "leo-activity-2025"
REVISION = {"民間事業者": "民間企業", "令和７年": "令和８年"}       # a new edition's wording


def po_run(src):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(src.parent / "build"),
                           "po"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def entries(path):
    return {e.msgctxt: e for e in polib.pofile(str(path), wrapwidth=0) if not e.obsolete}


@pytest.fixture(scope="module")
def revised_copy(tmp_path_factory):
    """The seeds, with a copy of one document as a second document `leo-copy` whose PO file is gone and
    whose text is revised (so the copy is not all exact matches), after one `po` run."""
    src = copy_docs(tmp_path_factory.mktemp("tm") / "docs_src")
    shutil.copytree(src / SEED, src / "leo-copy")
    (src / "leo-copy" / "en.po").unlink()
    text = (src / "leo-copy" / "source.txt").read_text(encoding="utf-8")
    for old, new in REVISION.items():
        text = text.replace(old, new)
    (src / "leo-copy" / "source.txt").write_text(text, encoding="utf-8")
    before = (src / SEED / "en.po").read_bytes()
    done = po_run(src)
    assert done.returncode == 0, done.stderr
    return src, done, before


def test_a_copied_document_without_its_po_file_comes_back_at_least_90_percent_filled_all_fuzzy(revised_copy):
    src, done, before = revised_copy
    original, copy = entries(src / SEED / "en.po"), entries(src / "leo-copy" / "en.po")
    filled = [e for e in copy.values() if e.msgstr]
    assert len(filled) / len(copy) >= 0.9, f"{len(filled)} of {len(copy)}"
    assert all("fuzzy" in e.flags and e.tcomment.startswith("TM: ") for e in filled)
    exact = [e for e in filled if e.tcomment.startswith("TM: exact match from ")]
    close = [e for e in filled if e not in exact]
    assert len(exact) > 150 and len(close) > 10            # the revision's sentences are close matches
    for e in exact:
        assert e.tcomment == f"TM: exact match from {SEED} {e.msgctxt}"
        assert (e.msgid, e.msgstr) == (original[e.msgctxt].msgid, original[e.msgctxt].msgstr)
    for e in close:
        score = int(re.fullmatch(rf"TM: (\d+)% match from {SEED} \S+", e.tcomment).group(1))
        assert 75 <= score < 100 and e.msgid != original[e.msgctxt].msgid
    assert (src / SEED / "en.po").read_bytes() == before                  # the source of the memory is untouched
    assert (f"po: docs_src/leo-copy/en.po: {len(filled)} empty entries filled from the translation memory "
            f"({len(exact)} exact, {len(close)} close matches)") in done.stderr


def test_running_po_twice_changes_no_byte(revised_copy):
    src, _, _ = revised_copy
    files = {p: p.read_bytes() for p in src.glob("*/en.po")}
    again = po_run(src)
    assert again.returncode == 0 and "0 PO file(s) updated" in again.stderr
    assert {p: p.read_bytes() for p in src.glob("*/en.po")} == files


def memory_of(*pos):
    memory = Memory()
    for slug, rows in pos:
        po = polib.POFile(wrapwidth=0)
        for ctx, msgid, msgstr, *flags in rows:
            po.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr, flags=list(flags)))
        memory.add(po, slug)
    return memory


def filled(segs, memory, old=None, slug="new"):
    po = refresh(polib.pofile(old, wrapwidth=0) if old else None, segs, "docs_src/new/source.txt", "en", slug)
    counts = fill(po, memory, slug)
    return {e.msgctxt: e for e in po if not e.obsolete}, counts


def test_a_changed_sentence_is_a_fuzzy_close_match_whose_comment_carries_its_score():
    memory = memory_of(("old", [("1-p1", "国は地球低軌道における民間事業者の活動を支援する。",
                                 "The Government supports the activities of private operators in low Earth orbit.")]))
    got, counts = filled([Segment("2-p4", "国は地球低軌道における民間企業の活動を支援する。", 5)], memory)
    e = got["2-p4"]
    assert e.msgstr == "The Government supports the activities of private operators in low Earth orbit."
    assert "fuzzy" in e.flags and (counts.exact, counts.close) == (0, 1)
    score = int(re.fullmatch(r"TM: (\d+)% match from old 1-p1", e.tcomment).group(1))
    assert score >= 75


def test_a_dissimilar_sentence_gets_no_suggestion():
    memory = memory_of(("old", [("1-p1", "国は地球低軌道における民間事業者の活動を支援する。", "The Government supports.")]))
    got, counts = filled([Segment("1-p1", "宇宙飛行士の健康管理は重要な課題である。", 5)], memory)
    assert got["1-p1"].msgstr == "" and got["1-p1"].flags == [] and counts.total == 0


def test_a_source_identical_after_nfkc_and_whitespace_folding_is_a_100_percent_close_match():
    memory = memory_of(("old", [("1", "１．総論　と　背景", "1. General Remarks and Background")]))
    got, _ = filled([Segment("1", "1.総論 と 背景", 3)], memory)
    assert got["1"].tcomment == "TM: 100% match from old 1" and "fuzzy" in got["1"].flags


def test_a_multi_line_source_is_offered_only_a_translation_of_as_many_lines():
    memory = memory_of(("old", [("n1", "注の一行目\n注の二行目", "First line\nSecond line"),
                                ("n2", "注の一行目\n注の二行目である", "All in one line")]))  # breaks the rule: no source
    got, _ = filled([Segment("n9", "注の一行目\n注の二行目だ", 9), Segment("n8", "注の一行目注の二行目だ", 8)], memory)
    assert got["n9"].msgstr == "First line\nSecond line"
    assert got["n8"].msgstr == ""                          # one line: the two-line translations are not offered


def test_a_translation_is_never_overwritten_and_a_translators_comment_is_kept():
    memory = memory_of(("old", [("1", "１．総論", "1. General Remarks"), ("2", "２．各論", "2. Specific Remarks")]))
    old = ('msgctxt "1"\nmsgid "１．総論"\nmsgstr "1. Overview"\n\n'
           '# ask the ministry about this heading\nmsgctxt "2"\nmsgid "２．各論"\nmsgstr ""\n')
    got, counts = filled([Segment("1", "１．総論", 3), Segment("2", "２．各論", 9)], memory, old)
    assert (got["1"].msgstr, got["1"].flags, got["1"].tcomment) == ("1. Overview", [], "")
    assert got["2"].msgstr == "2. Specific Remarks" and "fuzzy" in got["2"].flags
    assert got["2"].tcomment == "ask the ministry about this heading\nTM: exact match from old 2"
    assert (counts.exact, counts.close) == (1, 0)


def test_fuzzy_and_empty_translations_are_no_source_of_the_memory():
    memory = memory_of(("old", [("1", "１．総論", "1. General?", "fuzzy"), ("2", "２．各論", "")]))
    got, counts = filled([Segment("1", "１．総論", 3), Segment("2", "２．各論", 9)], memory)
    assert got["1"].msgstr == got["2"].msgstr == "" and counts.total == 0


def test_the_documents_own_obsolete_entry_fills_a_segment_that_came_back():
    old = ('msgctxt "1"\nmsgid "１．総論"\nmsgstr "1. General Remarks"\n\n'
           '#~ msgctxt "2"\n#~ msgid "２．各論"\n#~ msgstr "2. Specific Remarks"\n')
    memory = Memory()
    memory.add(polib.pofile(old, wrapwidth=0), "new")
    got, _ = filled([Segment("1", "１．総論", 3), Segment("2", "２．各論", 9)], memory, old)
    assert got["2"].msgstr == "2. Specific Remarks" and "fuzzy" in got["2"].flags
    assert got["2"].tcomment == "TM: exact match from new 2 (obsolete)"


def test_an_exact_match_prefers_the_documents_own_translation():
    memory = memory_of(("a", [("9", "２．各論", "2. Details")]), ("new", [("7", "２．各論", "2. Specific Remarks")]))
    got, _ = filled([Segment("2", "２．各論", 9)], memory)
    assert got["2"].msgstr == "2. Specific Remarks" and got["2"].tcomment == "TM: exact match from new 7"


def test_an_editors_segment_id_reaches_the_comment_as_one_short_line():
    memory = memory_of(("old", [("1\nmsgstr \"x\"\x07" + "z" * 200, "１．総論", "1. General Remarks")]))
    got, _ = filled([Segment("1", "１．総論", 3)], memory)
    [line] = got["1"].tcomment.split("\n")
    assert line.startswith('TM: exact match from old 1 msgstr "x" zzz') and len(line) < 120


def test_a_suggestion_is_listed_by_check_as_one_to_review(tmp_path):
    path = tmp_path / "en.po"
    path.write_text('msgid ""\nmsgstr ""\n\n# TM: 91% match from old 1\n#, fuzzy\nmsgctxt "1"\nmsgid "１．総論"\nmsgstr "1. General"\n',
                    encoding="utf-8")
    report = Reporter()
    cat = load_catalog(path, "docs_src/x/en.po", [Segment("1", "１．総論", 3)], report)
    assert cat.lookup("1") == ("1. General", SegmentState.FUZZY)
    [d] = report.diagnostics
    assert d.code == "translation-fuzzy" and "suggestion of the translation memory" in d.message


def test_a_broken_po_file_elsewhere_is_reported_and_left_out_of_the_memory(tmp_path):
    src = copy_docs(tmp_path / "docs_src", [SEED])
    shutil.copytree(src / SEED, src / "leo-copy")
    (src / "leo-copy" / "en.po").unlink()
    broken = (src / SEED / "en.po").read_text(encoding="utf-8") + 'msgctxt "x\nmsgid\n'
    (src / SEED / "en.po").write_text(broken, encoding="utf-8")
    done = po_run(src)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"docs_src/{SEED}/en.po:" in done.stderr and "[po-syntax]" in done.stderr
    assert (src / SEED / "en.po").read_text(encoding="utf-8") == broken                   # left as it was
    assert all(not e.msgstr for e in entries(src / "leo-copy" / "en.po").values())       # created, nothing from it
