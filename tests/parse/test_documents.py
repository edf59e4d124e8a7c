"""New documents of the family, in shapes beyond the seeds (tests/documents/, each with the outline a
reader would expect, expected.yml): each parses with no code change into that outline — title block,
headings with their levels and anchors — keeps every character of its source (or classifies it as
an artifact: folios, running headers), and keeps its anchors when a section is inserted."""
import unicodedata
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.diagnostics import Reporter
from generator.model import Contents, FlattenedTable, ItemList, MatrixTable, MemberList, Section, SpeakerTurn, plain_text
from generator.parse.documents import load_document
from generator.parse.faithfulness import measure
from generator.parse.units import number_of
from generator.render.escape import MARKDOWN_EXTENSIONS
from generator.render.languages import Language
from generator.render.pages import render_document

from helpers import reading_text

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
SLUGS = sorted(p.name for p in DOCUMENTS.iterdir() if (p / "source.txt").is_file())
# what the parser does not recognise yet, by document (each xfail is strict: fixing it fails the test)
NOT_YET: dict[str, str] = {}


def expected(slug: str) -> dict:
    return yaml.safe_load((DOCUMENTS / slug / "expected.yml").read_text(encoding="utf-8"))


def parsed(slug: str):
    report = Reporter()
    return load_document(DOCUMENTS / slug, report, DOCUMENTS.parent), report


def test_there_are_eight_documents_of_new_shapes_each_with_its_outline():
    assert len(SLUGS) >= 9 and all((DOCUMENTS / slug / "expected.yml").is_file() for slug in SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_title_block_fills_what_the_metadata_leaves_out(slug):
    doc, _ = parsed(slug)
    want = expected(slug)
    assert (doc.meta.title, doc.meta.date_note, doc.meta.issuer) == (want["title"], want["date"], want["issuer"])


@pytest.mark.parametrize("slug", [pytest.param(s, marks=pytest.mark.xfail(reason=NOT_YET[s], strict=True))
                                  if s in NOT_YET else s for s in SLUGS])
def test_every_heading_is_found_with_its_level_and_anchor(slug):
    doc, _ = parsed(slug)
    got = [(s.level, s.anchor, plain_text(s.title).replace(" ", "").replace("\u3000", ""))
           for s in doc.walk() if isinstance(s, Section)]
    want = [(level, str(anchor), str(text).replace(" ", "").replace("\u3000", "")) for level, anchor, text in
            expected(slug)["headings"]]
    assert [(level, anchor) for level, anchor, _ in got] == [(level, anchor) for level, anchor, _ in want]
    assert all(title.startswith(text[:6]) for (_, _, title), (_, _, text) in zip(got, want))


def test_a_table_of_contents_is_a_contents_block_not_headings():
    doc, _ = parsed("fund-policy-toc-notes")
    [contents] = [b for b in doc.walk() if isinstance(b, Contents)]
    assert contents.heading == "目次" and len(contents.entries) == expected("fund-policy-toc-notes")["contents"]
    assert (contents.entries[0].text, contents.entries[0].page) == ("第１　総論", "2")
    assert sum(1 for a in doc.artifacts if a.kind == "contents-leader") == len(contents.entries)


def test_minutes_have_their_speaker_turns_and_their_attendance_list():
    doc, _ = parsed("transport-minutes-speakers")
    want = expected("transport-minutes-speakers")
    turns = [b for b in doc.walk() if isinstance(b, SpeakerTurn)]
    assert len(turns) == want["speakers"]
    assert (turns[0].speaker, plain_text(turns[0].inlines)[:7]) == ("【事務局】", "定刻となりまし")
    assert ("○高村主査", "ありがとうござ") in {(t.speaker, plain_text(t.inlines)[:7]) for t in turns}
    members = [m for b in doc.walk() if isinstance(b, MemberList) for m in b.members]
    assert len(members) == want["members"]
    spaced, unspaced = members[:7], members[7:]
    assert [m.name for m in spaced[:2]] == ["高 村 雅 彦 （主査）", "青 山 紀 子 （主査代理）"]   # (one line each)
    assert all(m.affiliation == "" for m in spaced)
    assert (unspaced[0].affiliation, unspaced[0].name) == ("文部科学省研究開発局宇宙開発利用課長", "北川智之")


@pytest.mark.parametrize("slug", SLUGS)
def test_matrices_and_tables_of_figures_become_real_tables_without_curation(slug):
    doc, _ = parsed(slug)
    got = [("numbers" if b.numeric else "words" if b.textual else "matrix", len(b.rows), len(b.columns))
           for b in doc.walk() if isinstance(b, MatrixTable) and b.decoded]
    want = [(t["kind"], t["rows"], t["columns"]) for t in expected(slug).get("tables") or []
            if t["kind"] in ("matrix", "numbers", "words")]
    assert got == want


@pytest.mark.parametrize("slug", SLUGS)
def test_a_table_whose_rows_lost_cells_is_still_a_table_of_its_rows(slug):
    doc, _ = parsed(slug)
    got = [(len(b.layout.rows), b.layout.columns, sum(not r.is_placed() for r in b.layout.rows))
           for b in doc.walk() if isinstance(b, FlattenedTable) and b.layout is not None]
    want = [(t["rows"], t["columns"], t["unplaced"]) for t in expected(slug).get("tables") or []
            if t["kind"] == "partial"]
    assert got == want
    assert not [b for b in doc.walk() if isinstance(b, FlattenedTable) and b.layout is None]    # none left as text


NOTES_NOT_YET: dict[str, str] = {}


@pytest.mark.parametrize("slug", [pytest.param(s, marks=pytest.mark.xfail(reason=NOTES_NOT_YET[s], strict=True))
                                  if s in NOTES_NOT_YET else s for s in SLUGS])
def test_every_note_is_linked_from_its_marker_to_its_body(slug):
    doc, report = parsed(slug)
    want = expected(slug).get("notes") or []
    refs = {ref.number for ref in doc.footnote_refs()}
    bodies = {n: plain_text(note.lines[0]).replace(" ", "") for n, note in doc.footnotes.items() if note.lines}
    assert sorted(bodies) == sorted(refs) == list(range(1, len(want) + 1))
    assert all(bodies[i].startswith(str(body).replace(" ", "")[:4]) for i, (_, body) in enumerate(want, 1))
    assert not [d for d in report.diagnostics if d.code.startswith("footnote-")]


GLYPHS = {"・": "bullet", "･": "middle-dot", "-": "dash", "–": "dash", "●": "disc", "○": "white-circle",
          "■": "square", "□": "white-square", "➢": "arrow", "◆": "diamond"}


def list_styles(blocks, depth=1, found=None) -> set:
    """(style, depth) of every list in the blocks."""
    found = set() if found is None else found
    for block in blocks:
        if isinstance(block, ItemList):
            found.add((block.style, depth))
            for item in block.items:
                list_styles(item.children, depth + 1, found)
        elif isinstance(block, Section):
            list_styles(block.children, 1, found)
    return found


@pytest.mark.parametrize("slug", SLUGS)
def test_bullet_lists_keep_their_glyphs_and_nest_by_them(slug):
    doc, _ = parsed(slug)
    want = {(GLYPHS[entry["glyph"]], entry["depth"]) for entry in expected(slug).get("lists") or []}
    assert want <= list_styles(doc.preamble) | list_styles(doc.sections)


def rendered(doc) -> tuple[str, dict[int, str]]:
    """The running text of the document's Japanese pages in reading order, and each note's text."""
    return reading_text(BeautifulSoup(markdown.markdown(page.markdown, extensions=MARKDOWN_EXTENSIONS), "html.parser")
                        for page in render_document(doc, Language("ja")) if page.anchor != "parallel")


@pytest.mark.parametrize("slug", SLUGS)
def test_nothing_of_the_source_is_lost(slug):
    doc, _ = parsed(slug)
    text = (DOCUMENTS / slug / "source.txt").read_text(encoding="utf-8-sig")
    report = measure(text, doc, *rendered(doc))
    assert (report.missing, report.extra) == ([], [])
    assert report.share == 1.0


def test_running_headers_and_folios_are_artifacts_not_text():
    doc, _ = parsed("positioning-interim-crlf")
    kinds = {(str(a.kind), a.text) for a in doc.artifacts}
    assert ("running-header", "資料２－１") in kinds and ("folio", "－ 2 －") in kinds
    assert "資料２－１" not in "".join(plain_text(getattr(b, "inlines", [])) for b in doc.walk())


@pytest.mark.parametrize("slug", ["transport-roadmap-chapters", "positioning-interim-crlf", "smallsat-decision-endnotes"])
def test_inserting_a_section_changes_no_other_sections_anchor(slug, tmp_path):
    """A new last section of the first part, numbered on from the one before it, printed like it."""
    doc, _ = parsed(slug)
    before = {s.anchor for s in doc.walk() if isinstance(s, Section)}
    parts = [s for s in doc.sections if s.scheme != "known-title"]
    first = next((s for s in parts if s.sections), parts[0])
    last = (first.sections or parts)[-1]
    rest = doc.sections[doc.sections.index(first) + 1:]
    following = rest[0] if first.sections and rest else None
    full = last.number != unicodedata.normalize("NFKC", last.number)
    number = str(number_of(last.number) + 1).translate(FULL_WIDTH if full else {})
    lines = (DOCUMENTS / slug / "source.txt").read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    heading = lines[last.first_line - 1].strip().replace(last.number, number, 1)[:8] + "挿入された節"
    at = following.first_line - 1 if following else len(lines)
    lines[at:at] = [heading, "", "挿入された本文である。", ""]
    (tmp_path / slug).mkdir()
    (tmp_path / slug / "source.txt").write_text("\n".join(lines), encoding="utf-8")
    after = {s.anchor for s in load_document(tmp_path / slug, Reporter(), tmp_path).walk() if isinstance(s, Section)}
    assert before < after and len(after - before) == 1


def test_text_extracted_in_layout_mode_gives_whole_paragraphs():
    doc, _ = parsed("lunar-policy-annexes")
    paragraphs = [plain_text(b.inlines) for b in doc.walk() if type(b).__name__ == "Paragraph"]
    sentences = [p for p in paragraphs if "、" in p]             # (not the title lines)
    assert len(sentences) >= 10 and all(p.endswith("。") for p in sentences), \
        [p for p in sentences if not p.endswith("。")]


@pytest.mark.parametrize("slug", SLUGS)
def test_member_lists_have_every_member(slug):
    doc, _ = parsed(slug)
    assert sum(len(b.members) for b in doc.walk() if isinstance(b, MemberList)) == expected(slug)["members"]


def test_a_member_printed_with_the_affiliation_on_the_same_line_is_split_at_the_gap():
    doc, _ = parsed("lunar-policy-annexes")
    [members] = [b for b in doc.walk() if isinstance(b, MemberList)]
    assert [(m.mark, m.name, m.affiliation) for m in members.members[:3]] == [
        ("◎", "中 村 和 夫", "東京大学大学院理学系研究科 教授"),
        ("○", "平 田 恵 子", "宇宙航空研究開発機構 宇宙科学研究所 教授"),
        ("", "岡 本 　 亮", "株式会社月面開発研究所 代表取締役")]      # (the wide gap inside a short name kept)
