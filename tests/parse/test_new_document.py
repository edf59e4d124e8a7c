"""A new document builds without code changes: drop its text (and optional meta.yml) into docs_src/."""
from bs4 import BeautifulSoup

from helpers import build_site, raw

NEW_DOC = (raw(" 月面活動に関する検討状況について", "（第１回ワーキンググループ資料）", " ",
               "令和８年４月１日", "宇宙開発利用部会 月面活動ワーキンググループ",
               " 本資料は、月面における持続的な活動に向けた課題を整理するものである。",
               "１．背景", "・アルテミス計画[1]の進展に伴い、月面での活動が具体化しつつある。各国の宇宙機関",
               "は、それぞれの計画を提示している。")
           + " \n[1] 米国主導の国際宇宙探査計画。\n"
           + " ２．課題\n\n" + raw("【主な課題】", " 通信・測位基盤の整備", " 電力の確保", "（１）技術面", "・着陸技術の高度化が必要である。",
                                   "4"))


def test_a_document_the_generator_has_never_seen_builds(tmp_path):
    folder = tmp_path / "src" / "lunar-wg-2026"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(NEW_DOC, encoding="utf-8")
    site = build_site(tmp_path / "src", tmp_path / "out")
    soup = BeautifulSoup((site / "lunar-wg-2026" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("h1").get_text().startswith("月面活動に関する検討状況について")
    assert soup.select_one("[id='2-1']").get_text().startswith("（１）技術面")
    item = soup.select_one("ul.list-bullet li").get_text()
    assert "各国の宇宙機関は、それぞれの計画を提示している。" in item
    assert soup.select_one("li[id='fn:1']").get_text().startswith("米国主導の国際宇宙探査計画。")
    assert [li.get_text() for li in soup.select("ul.list-implicit li")] == ["通信・測位基盤の整備", "電力の確保"]
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("a[href='lunar-wg-2026/']") is not None


def test_metadata_is_optional_and_used_when_present(tmp_path):
    folder = tmp_path / "src" / "lunar-wg-2026"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(NEW_DOC, encoding="utf-8")
    (folder / "meta.yml").write_text("title: 月面活動ＷＧ資料\nissuer: 月面活動ワーキンググループ\n"
                                     "source_url: https://www.example.go.jp/wg1.pdf\n", encoding="utf-8")
    site = build_site(tmp_path / "src", tmp_path / "out")
    soup = BeautifulSoup((site / "lunar-wg-2026" / "index.html").read_text(encoding="utf-8"), "html.parser")
    prov = soup.select_one("aside.provenance")
    assert "月面活動ワーキンググループ" in prov.get_text()
    assert prov.select_one("a[href='https://www.example.go.jp/wg1.pdf']") is not None


def test_metadata_without_its_english_is_a_warning_at_its_line_and_the_english_is_shown_where_given(tmp_path):
    from generator.diagnostics import Reporter
    from generator.parse.documents import load_meta
    folder = tmp_path / "src" / "lunar-wg-2026"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(NEW_DOC, encoding="utf-8")
    (folder / "meta.yml").write_text("title: 月面活動ＷＧ資料\nissuer: 月面活動ワーキンググループ\n"
                                     "date_note: 令和８年春（日付の記載なし）\ndate_note_en: Spring 2026 (undated)\n",
                                     encoding="utf-8")
    report = Reporter()
    load_meta(folder, report)
    [warning] = report.diagnostics
    assert (warning.code, warning.level, warning.line) == ("meta-no-english", "warning", 2)
    assert "issuer_en" in warning.message
    site = build_site(tmp_path / "src", tmp_path / "out")
    for page, shown in (("lunar-wg-2026", "令和８年春（日付の記載なし）"), ("en/lunar-wg-2026", "Spring 2026 (undated)")):
        soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert shown in soup.select_one("aside.provenance").get_text()
    home = BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Spring 2026 (undated)" in home.select_one(".doc-facts").get_text()
