"""Ingest: sheet breaks, folios (printed page numbers), sheet labels and footnote areas."""
from generator.parse.ingest import SheetBreak, ingest

from helpers import raw


def test_double_spaced_reports_are_recognised():
    assert ingest(raw("一行目の文", "二行目の文")).double_spaced
    assert not ingest("一行目\n二行目\n三行目\n").double_spaced


def test_a_line_followed_directly_by_an_indented_line_ends_the_sheet():
    text = raw("ページ１の本文") + "ページ１の最終行\n ページ２の先頭行\n\n"
    doc = ingest(text)
    kinds = [type(x).__name__ for x in doc.body]
    assert kinds == ["Line", "Line", "SheetBreak", "Line"]
    first = doc.lines[2]
    assert first.sheet_start and first.sheet == 1 and not first.indent
    assert first.text == "ページ２の先頭行"


def test_sheet_start_space_is_removed_but_a_second_space_is_indentation():
    doc = ingest(raw("一行目", "二行目", "三行目", "四行目") + "最終行\n  字下げされた段落\n\n")
    line = doc.lines[5]
    assert doc.double_spaced and line.sheet_start and line.indent and line.text == "字下げされた段落"


def test_in_single_spaced_text_only_the_extractors_one_space_opens_a_sheet():
    doc = ingest("最終行\n 次のページ\n　字下げされた段落\n        中央に置かれた行\n")
    assert [(l.text, l.sheet_start, l.indent) for l in doc.lines] == [
        ("最終行", False, False), ("次のページ", True, False), ("字下げされた段落", False, True),
        ("中央に置かれた行", False, True)]


def test_a_form_feed_ends_a_sheet_and_folios_of_every_common_form_are_artifacts():
    text = "一枚目の本文\n－ 1 －\n\f二枚目の本文\n- 2 -\n\f三枚目\n3/12\n\f四枚目\np.4\n\f五枚目\n(5)\n"
    doc = ingest(text)
    assert [a.text for a in doc.artifacts if a.kind == "folio"] == ["－ 1 －", "- 2 -", "3/12", "p.4", "(5)"]
    assert len({l.sheet for l in doc.lines}) == 5


def test_a_line_that_opens_most_sheets_is_a_running_header():
    bodies = ["衛星の整備を進める。", "打上げを計画する。", "運用を開始する。", "評価を行う。"]
    doc = ingest("".join(f"資料２－１\n{body}\n{n}\n" for n, body in enumerate(bodies, 1)))
    assert [a.text for a in doc.artifacts if a.kind == "running-header"] == ["資料２－１"] * 4
    assert [l.text for l in doc.lines] == bodies
    assert all(l.first_on_sheet for l in doc.lines[1:])


def test_standalone_folios_and_trailing_folios_are_artifacts():
    report = ingest(raw("本文の行", "16", "続きの行"))
    assert [(a.kind, a.text) for a in report.artifacts] == [("folio", "16")]
    assert [l.text for l in report.lines] == ["本文の行", "続きの行"]
    slides = ingest("見出し\n破線とした。 7\n次のスライド\n")
    assert [(a.kind, a.text) for a in slides.artifacts] == [("folio", "7")]
    assert slides.lines[1].text == "破線とした。"


def test_a_label_at_a_sheet_end_is_an_artifact_that_labels_the_sheet():
    doc = ingest(raw("検討の経緯", "付録１") + " 次のページ\n\n")
    assert [(a.kind, a.text) for a in doc.artifacts] == [("sheet-label", "付録１")]
    assert any(isinstance(x, SheetBreak) and x.label == "付録１" for x in doc.body)


def test_a_sheet_label_inside_text_is_not_an_artifact():
    doc = ingest(raw("付録１", "本文が続く"))
    assert doc.artifacts == []


def test_footnote_area_runs_from_spacer_and_label_to_the_sheet_end():
    text = (raw("本文の途中で", "ページが終わる") + " \n[1] 注の本文 \n\n[2] 二つ目の\n\n注 \n"
            " 次のページの本文\n\n")
    doc = ingest(text)
    assert [[l.text for l in area] for area in doc.note_areas] == [["[1] 注の本文", "[2] 二つ目の", "注"]]
    assert [l.text for l in doc.lines] == ["本文の途中で", "ページが終わる", "次のページの本文"]


def test_seed_report_sheets_and_notes(seed_docs):
    from helpers import SRC
    doc = ingest((SRC / "leo-activity-2025" / "source.txt").read_text(encoding="utf-8"))
    assert doc.double_spaced
    assert len(doc.note_areas) == 10
    assert [(a.kind, a.text) for a in doc.artifacts] == [
        ("folio", "16"), ("sheet-label", "付録１"), ("sheet-label", "付録２")]


def test_seed_slides_folios():
    from helpers import SRC
    doc = ingest((SRC / "isecg-coordination" / "source.txt").read_text(encoding="utf-8"))
    assert not doc.double_spaced
    assert [a.text for a in doc.artifacts if a.kind == "folio"] == ["4", "7", "7", "11"]
