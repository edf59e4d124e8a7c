"""Units: rejoining printed lines into headings, paragraphs and items."""
from generator.parse.ingest import ingest
from generator.parse.units import find_units

from helpers import raw


def units(text):
    return [(u.kind.value, u.text) for u in find_units(ingest(text)) if hasattr(u, "kind")]


def test_japanese_lines_join_without_space_and_split_words_come_out_whole():
    assert units(raw("・日本は、宇宙航空研究開発機構（ＪＡ", "ＸＡ）を中心に活動を実施し", "てきた。")) == [
        ("bullet", "・日本は、宇宙航空研究開発機構（ＪＡＸＡ）を中心に活動を実施してきた。")]


def test_spaces_inside_lines_are_kept_and_latin_words_keep_their_space_across_lines():
    got = units(raw("・2030 年頃に、OneWeb 社の Low Earth ", "Orbit 活動が、引き続き拡大する。"))
    assert got == [("bullet", "・2030 年頃に、OneWeb 社の Low Earth Orbit 活動が、引き続き拡大する。")]


def test_url_split_over_lines_is_rejoined():
    got = units(raw("・詳細は、https://www.example.go.jp/a/2024-final-goals-and-", "objectives.pdf を参照。"))
    assert got == [("bullet", "・詳細は、https://www.example.go.jp/a/2024-final-goals-and-objectives.pdf を参照。")]


def test_heading_levels_are_recognised():
    got = units(raw("１．背景", "（１）意義", "① 強化", "ア）ＪＡＸＡの機能【対象：JAXA", "（大学等）】"))
    assert [k for k, _ in got] == ["heading"] * 4
    assert got[3][1] == "ア）ＪＡＸＡの機能【対象：JAXA（大学等）】"


def test_heading_running_to_the_margin_continues_on_the_next_line():
    long = "ウ）多様な主体、民間による地球低軌道活動への参加のためのＪＡＸＡ"
    filler = ["・" + "あ" * 32] * 4          # sets the full line width of the sheet
    got = units(raw(*filler, long, "の助言機能強化【対象：企業】", "【考えられる取組方策】"))
    assert got[4] == ("heading", long + "の助言機能強化【対象：企業】")
    assert got[5] == ("bracket", "【考えられる取組方策】")


def test_bracketed_titles_and_run_in_titles():
    got = units(raw("【考えられる取組方策】", "（ＪＡＸＡラボ機能）", "・ＪＡＸＡは検討する。"))
    assert [k for k, _ in got] == ["bracket", "run-in", "bullet"]


def test_whole_line_in_parentheses_continues_an_open_sentence():
    got = units(raw("・これは地球低軌道利用に関する検討であり、", "（３．（３）②関係）"))
    assert got == [("bullet", "・これは地球低軌道利用に関する検討であり、（３．（３）②関係）")]


def test_indented_lines_open_units_and_sheet_starts_continue_open_sentences():
    text = raw("・一つ目の項目は、ここで改ページとなり") + "次のページへ続く文である。\n\n"
    text = "・一つ目の項目は、ここで改ページとなり\n 次のページへ続く文である。\n\n" + raw(" 字下げの段落。")
    got = units(text)
    assert got == [("bullet", "・一つ目の項目は、ここで改ページとなり次のページへ続く文である。"),
                   ("indented", "字下げの段落。")]


def test_a_sheet_start_after_a_sentence_end_opens_a_new_unit():
    got = units("前のページの最後の文である。\n 新しいページの見出し\n\n")
    assert [t for _, t in got] == ["前のページの最後の文である。", "新しいページの見出し"]


def test_slide_text_continues_across_an_empty_line_only_inside_a_sentence():
    got = units("ISECGでは、各機関の状況について情報収集\n\nするとともに分析している。\n\n探査広報活動\n\n地球の安全確保\n")
    assert [t for _, t in got] == ["ISECGでは、各機関の状況について情報収集するとともに分析している。",
                                   "探査広報活動", "地球の安全確保"]


def test_rows_of_symbols_make_a_flattened_table_with_its_header_and_notes():
    got = units("３．技術と開発状況\n米国 ロシア 欧州\n\n宇宙船 ○ ○\n\n掘削 ○ ○ ○\n\n宇宙服 ○ △\n\n注記。\n")
    assert [k for k, _ in got] == ["heading", "table"]


def test_a_table_in_the_middle_of_a_page_leaves_the_prose_around_it_alone():
    text = ("１．成果\n　成果は次のとおりである。\n表１ 成果の分野\n天文 惑星 工学\n衛星Ａ ○ ○ ○\n衛星Ｂ ○ ○\n"
            "衛星Ｃ ○ △ ○\n（注）○は主たる成果。\n　いずれも目標を達成した。\n２．課題\n")
    got = units(text)
    assert [k for k, _ in got] == ["heading", "indented", "plain", "table", "indented", "heading"]
    assert got[3][1].startswith("天文 惑星 工学") and got[3][1].endswith("（注）○は主たる成果。")


def test_a_header_broken_over_lines_keeps_the_table_from_the_sheets_first_line():
    got = units("別添　課題と取組\n研究\n支援 基盤\n整備 人材\n\n費用 ○ ○ △\n\n手続 ○   △\n\n機会 ○ ○\n\n○：直接\n")
    assert [k for k, _ in got] == ["plain", "table"] and got[1][1].startswith("研究")


def test_an_unclosed_bracket_never_swallows_the_next_heading_or_item_and_is_a_warning_at_its_line():
    from generator.diagnostics import Reporter
    report = Reporter()
    text = raw("１．総論", "・宇宙輸送（再使用型の開発を含む", "・二つ目の項目である。", "（１）次の見出し", "本文が続く。")
    got = [(u.kind.value, u.text) for u in find_units(ingest(text, "x.txt"), report) if hasattr(u, "kind")]
    assert got == [("heading", "１．総論"), ("bullet", "・宇宙輸送（再使用型の開発を含む"), ("bullet", "・二つ目の項目である。"),
                   ("heading", "（１）次の見出し"), ("plain", "本文が続く。")]
    assert [(d.file, d.line, d.code) for d in report.diagnostics] == [("x.txt", 3, "bracket-unclosed")]


def test_an_open_bracket_still_joins_the_lines_of_its_own_paragraph():
    from generator.diagnostics import Reporter
    report = Reporter()
    got = units(raw("ア）ＪＡＸＡの機能【対象：JAXA", "（大学等）】"))
    assert got == [("heading", "ア）ＪＡＸＡの機能【対象：JAXA（大学等）】")]
    find_units(ingest("(4人乗り、閉鎖型ECLSS、放\n\n射線防御)\n", "y.txt"), report)     # single-spaced, over an empty line
    assert report.diagnostics == []


def test_layout_mode_lines_at_their_blocks_depth_join_into_one_paragraph():
    text = ("  （１）アルテミス計画の進展\n    ⅰ) 有人月面着陸に向けた動き\n      米国は、有人月面着陸の実現に向けて、有人宇宙船、大型ロケッ\n"
            "    ト及び着陸機の開発を進めている。着陸機については、民間事業者から輸送サービスを\n"
            "    調達する方式が採られている。\n      次の段落である。\n")
    got = units(text)
    assert [k for k, _ in got] == ["heading", "heading", "indented", "indented"]
    assert got[2][1] == "米国は、有人月面着陸の実現に向けて、有人宇宙船、大型ロケット及び着陸機の開発を進めている。" \
                        "着陸機については、民間事業者から輸送サービスを調達する方式が採られている。"


def test_lines_of_words_under_a_header_of_as_many_make_a_table_but_spaced_names_do_not():
    table = "ミッション 打上げ時期 分担\nSLIM 令和５年度 ＪＡＸＡ\nLUPEX 令和10年度頃 日印協力\nHTV-XG 令和10年度頃 ＪＡＸＡ\n"
    assert [k for k, _ in units("別紙１\n" + table)] == ["heading", "table"]
    members = "委員\n石 井 由梨佳\n防衛大学校 人文社会科学群 准教授\n植 木 千可子\n早稲田大学 アジア太平洋研究科 教授\n"
    assert "table" not in [k for k, _ in units(members)]
