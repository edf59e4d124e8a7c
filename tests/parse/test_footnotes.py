"""Footnotes: bodies moved from page bottoms to their notes, markers to references."""
import pytest

from generator.diagnostics import Reporter
from generator.model import FootnoteRef, plain_text

from helpers import parse, raw

PAGE = (raw("題名", "１．総論", "・参加極による計画の枠組みを定める国際条約[1]の締結を経て、日米欧加露の５極")
        + " \n[1] 「民生用国際宇宙基地のための協力に関する協定」。通\n\n称「宇宙基地協力協定」。 \n"
        + " [2]による国際宇宙ステーションの建設が始まった。\n\n"
        + " \n" + raw("[2] 日本、米国、欧州、カナダ、ロシア。", "  https://www.example.go.jp/content/2024-final-goals-and-",
                       "objectives.pdf "))


def test_note_bodies_leave_the_text_and_the_interrupted_paragraph_is_stitched():
    doc = parse(PAGE)
    item = doc.sections[0].children[0].items[0]
    assert plain_text(item.inlines, refs=True) == (
        "参加極による計画の枠組みを定める国際条約[1]の締結を経て、日米欧加露の５極[2]による国際宇宙ステーションの建設が始まった。")


def test_markers_become_references_with_the_printed_number():
    doc = parse(PAGE)
    refs = [n.number for n in doc.sections[0].children[0].items[0].inlines if isinstance(n, FootnoteRef)]
    assert refs == [1, 2]   # the second marker opens a page


def test_note_bodies_join_their_lines_and_keep_urls_whole_on_their_own_line():
    doc = parse(PAGE)
    assert [plain_text(line) for line in doc.footnotes[1].lines] == [
        "「民生用国際宇宙基地のための協力に関する協定」。通称「宇宙基地協力協定」。"]
    assert [plain_text(line) for line in doc.footnotes[2].lines] == [
        "日本、米国、欧州、カナダ、ロシア。", "https://www.example.go.jp/content/2024-final-goals-and-objectives.pdf"]


def test_marker_without_body_warns_with_file_and_line_and_fails_under_strict():
    report = Reporter()
    parse(raw("題名", "１．総論", "・本文[7]である。"), report, path="docs_src/x/source.txt")
    [d] = report.diagnostics
    assert (d.file, d.line, d.level, d.code) == ("docs_src/x/source.txt", 5, "warning", "footnote-no-body")
    assert "[7]" in d.message and "add" in d.message
    assert report.failing(strict=True) == [d] and report.failing(strict=False) == []


def test_body_without_marker_warns():
    report = Reporter()
    parse(raw("題名", "１．総論", "・本文である。") + " \n[3] 宙に浮いた注\n\n", report)
    assert [(d.code, d.line) for d in report.diagnostics] == [("footnote-no-marker", 8)]


def test_duplicate_body_warns_and_keeps_both_texts():
    report = Reporter()
    doc = parse(raw("題名", "１．総論", "・本文[1]である。") + " \n[1] 最初の注\n\n[1] 二つ目の注\n\n", report)
    assert [(d.code, d.line) for d in report.diagnostics] == [("footnote-duplicate", 10)]
    assert [plain_text(l) for l in doc.footnotes[1].lines] == ["最初の注", "二つ目の注"]


def test_seed_report_notes(seed_docs):
    docs, report = seed_docs
    doc = docs["leo-activity-2025"]
    assert sorted(doc.footnotes) == list(range(1, 21))
    assert [plain_text(l) for l in doc.footnotes[8].lines][1] == (
        "https://www.nasa.gov/wp-content/uploads/2024/12/2024-12-lms-final-goals-and-objectives.pdf")
    refs = [n.number for b in doc.walk() for n in getattr(b, "inlines", []) + getattr(b, "title", [])
            if isinstance(n, FootnoteRef)]
    assert refs.count(12) == 2 and sorted(set(refs)) == list(range(1, 21))
    assert [d for d in report.diagnostics if d.code.startswith("footnote")] == []


def test_every_common_note_style_is_linked_wherever_its_bodies_stand():
    styles = {
        "※1": ("本文の途中で※1、文は続く。", "※1 注の本文"),
        "（注1）": ("本文の途中で（注1）、文は続く。", "注1 注の本文"),
        "*1": ("本文の途中で*1、文は続く。", "*1：注の本文"),
        "[1]": ("本文の途中で[1]、文は続く。", "[1] 注の本文"),
        "※": ("本文の途中で※、文は続く。", "※ 注の本文"),              # unnumbered: markers and bodies pair in order
    }
    for marker, (line, body) in styles.items():
        for area in ("{body}\n\n", "――――――――\n{body}\n", "（注）\n{body}\n"):      # after the text, a rule, a heading
            report = Reporter()
            doc = parse(raw("題名", "１．総論", line) + area.format(body=body) + " ２．次の節\n\n本文。\n", report)
            assert [r.number for r in doc.footnote_refs()] == [1], (marker, area)
            assert [plain_text(l) for l in doc.footnotes[1].lines] == ["注の本文"], (marker, area)
            assert [d.code for d in report.diagnostics if d.code.startswith("footnote")] == [], (marker, area)
            assert doc.sections[1].anchor == "2"                     # the next section is not swallowed


def test_a_note_body_that_interrupts_a_paragraph_is_cut_out_and_the_paragraph_stitched_back():
    report = Reporter()
    text = raw("題名", "１．総論", "衛星測位[1]の整備は、今後の我が国の社会基盤としての役割を一層") + "[1] 準天頂衛星システム\n" \
        + " 高めるものである。\n\n"
    doc = parse(text, report)
    [paragraph] = [b for b in doc.sections[0].children]
    assert plain_text(paragraph.inlines) == "衛星測位の整備は、今後の我が国の社会基盤としての役割を一層高めるものである。"
    assert [plain_text(l) for l in doc.footnotes[1].lines] == ["準天頂衛星システム"]
    assert [d.code for d in report.diagnostics] == ["note-area-unmarked"]         # a guess, noticed


def test_unnumbered_notes_pair_with_their_bodies_in_order():
    report = Reporter()
    text = raw("題名", "１．総論", "一つ目の論点※がある。二つ目※もある。") + " \n※ 最初の注\n\n※ 次の注\n\n" + " ２．次\n\n本文。\n"
    doc = parse(text, report)
    assert [r.number for r in doc.footnote_refs()] == [1, 2]
    assert {n: plain_text(f.lines[0]) for n, f in doc.footnotes.items()} == {1: "最初の注", 2: "次の注"}
    assert [d.code for d in report.diagnostics if d.code.startswith("footnote")] == []


def test_a_note_body_on_another_page_than_its_reference_is_a_notice_at_the_body(seed_docs):
    from generator.parse.documents import load_document
    from helpers import ROOT
    report = Reporter()
    load_document(ROOT / "tests" / "documents" / "smallsat-decision-endnotes", report, ROOT / "tests")
    far = [(d.line, d.message.split("(line ")[1].split(")")[0]) for d in report.diagnostics if d.code == "note-far"]
    assert far == [(111, "6"), (113, "49"), (115, "55"), (117, "57")]     # *5 stands on its reference's page
    _, seeds = seed_docs
    assert not [d for d in seeds.diagnostics if d.code == "note-far"]     # page-bottom notes: no guess
