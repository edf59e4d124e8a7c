"""Render: the model to Markdown pages — printed footnote numbers, back-links, page splitting,
anchors from the numbering, blocks as escaped HTML (each page rendered from the model and
converted by Python-Markdown with the site's extensions, without MkDocs)."""
import markdown
from bs4 import BeautifulSoup

from generator.render.escape import MARKDOWN_EXTENSIONS
from generator.render.languages import Language
from generator.render.pages import is_split, render_document

from helpers import parse, raw


def page_html(seed_docs, path):
    """The HTML of one Japanese page of a seed document (`path`: as on the site, without index.md)."""
    docs, _ = seed_docs
    slug = path.split("/")[0]
    [page] = [p for p in render_document(docs[slug], Language("ja"))
              if p.path in (f"{path}.md", f"{path}/index.md")]
    return BeautifulSoup(markdown.markdown(page.markdown, extensions=MARKDOWN_EXTENSIONS), "html.parser")


def test_long_documents_are_split_at_top_level_sections(seed_docs):
    docs, _ = seed_docs
    pages = render_document(docs["leo-activity-2025"], Language("ja"))
    assert [p.path for p in pages] == ["leo-activity-2025/index.md"] + [
        f"leo-activity-2025/{a}.md" for a in ("1", "2", "3", "4", "annex-1", "annex-2", "appendix-1", "appendix-2",
                                              "parallel")]
    assert is_split(docs["leo-activity-2025"]) and not is_split(docs["isecg-coordination"])


def test_notes_show_their_printed_number_on_whatever_page(seed_docs):
    soup = page_html(seed_docs, "leo-activity-2025/2")
    notes = soup.select("div.footnote li")
    assert [li["id"] for li in notes] == ["fn:12"]
    assert notes[0]["value"] == "12"
    refs = soup.select("sup[id^='fnref']")
    assert [r["id"] for r in refs] == ["fnref:12", "fnref2:12"]
    assert [r.a.get_text() for r in refs] == ["12", "12"]
    assert all(r.a["href"] == "#fn:12" for r in refs)


def test_every_note_links_back_to_every_reference(seed_docs):
    soup = page_html(seed_docs, "leo-activity-2025/2")
    backs = [a["href"] for a in soup.select("li#fn\\:12 a.footnote-backref")]
    assert backs == ["#fnref:12", "#fnref2:12"]


def test_each_reference_and_note_has_its_own_anchor(seed_docs):
    for page in ("leo-activity-2025/1", "leo-activity-2025/3"):
        soup = page_html(seed_docs, page)
        ids = [t["id"] for t in soup.select("[id]")]
        assert len(ids) == len(set(ids)), page
        for ref in soup.select("a.footnote-ref"):
            assert soup.select_one(f"[id='{ref['href'][1:]}']") is not None


def test_urls_become_links(seed_docs):
    soup = page_html(seed_docs, "leo-activity-2025/1")
    hrefs = [a["href"] for a in soup.select("div.footnote a[href^='http']")]
    assert "https://www.nasa.gov/wp-content/uploads/2024/12/2024-12-lms-final-goals-and-objectives.pdf" in hrefs


def test_headings_carry_numbering_anchors(seed_docs):
    soup = page_html(seed_docs, "leo-activity-2025/3")
    for anchor in ("3", "3-3", "3-3-1", "3-3-1-a", "3-3-3-e"):
        h = soup.select_one(f"[id='{anchor}']")
        assert h is not None and h.name in ("h1", "h2", "h3", "h4"), anchor
    assert soup.select_one("[id='3-3-1-a']").get_text().startswith("ア）ＪＡＸＡの科学研究")


def test_a_table_whose_rows_lack_marks_is_a_table_with_those_rows_noted(seed_docs):
    soup = page_html(seed_docs, "isecg-coordination")
    fig = soup.select_one("figure[id='3-p1'].partial-table")
    assert fig is not None and fig.pre is None
    assert [th.get_text() for th in fig.select("thead th[scope=col]")] == ["米国", "ロシア", "欧州", "中国", "日本"]
    rows = {tr.th.get_text(): tr.find_all("td") for tr in fig.select("tbody tr")}
    assert len(rows) == 14
    full = rows["重力天体への高精度着陸、危険回避"]
    assert [td.get_text() for td in full] == ["○"] * 5 and all("cell-mark" in td["class"] for td in full)
    [lost] = rows["掘削"]                                  # three marks for five columns: not placed
    assert lost["colspan"] == "5" and lost.get_text().startswith("○ ○ ○ ")
    assert lost.select_one(".unplaced-note[data-generated]").get_text() == "（列の位置は抽出テキストから復元できません）"
    assert sum(len(tds) == 1 for tds in rows.values()) == 9               # the other five have five marks
    assert fig.table.caption.has_attr("data-generated")
    assert [p.get_text() for p in fig.figcaption.find_all("p")] == [
        "ISECG GERに掲載された表にJAXAで加筆・再構成したもの。", "日本の欄の○は優先項目、△は準優先項目。"]


def test_each_cell_names_its_column_and_a_rows_first_mark_in_a_group_names_the_group(seed_docs):
    soup = page_html(seed_docs, "leo-activity-2025/annex-1")
    table = soup.select_one("figure[id='annex-1-p1'] table[role=table]")
    head = [th.get_text() for th in table.select("thead tr:last-child th[scope=col]")][1:]
    for tr in table.select("tbody tr[role=row]"):
        assert [td["data-col"] for td in tr.select("td[role=cell]")] == head
    row = table.select_one("tr[id='annex-1-p1-r4']")          # no mark under ①; ② and ③ from their 2nd, 3rd column
    assert [(td["data-col"], td["data-group"]) for td in row.select("td[data-group]")] == [
        ("利用要求・過去実験・事例の提供", "②多様な主体の参加拡大と商業活動"), ("人材育成", "③総合的基盤の整備・強化")]


def test_a_table_whose_lines_do_not_read_as_rows_is_kept_as_extracted():
    from generator.model import FlattenedTable
    from generator.render.blocks import render_block
    from generator.render.writer import PageWriter
    doc = parse(raw("文書", "１．総論", "・本文である。"))
    w = PageWriter(doc, Language("ja"), "test/index.md")
    render_block(w, FlattenedTable(id="1-p2", lines=["○ ○", "観測 ○"], numbers=[5, 6]), 2)
    fig = BeautifulSoup(w.parts[-1], "html.parser").figure
    assert "flattened-table" in fig["class"] and fig.pre.get_text() == "○ ○\n観測 ○"
    assert fig.figcaption.has_attr("data-generated")


def test_short_documents_are_one_page_with_sections_below_the_title():
    doc = parse(raw("短い文書", "１．総論", "・本文である。"))
    page, parallel = render_document(doc, Language("ja"))
    assert parallel.anchor == "parallel"
    assert page.markdown.startswith("# 短い文書 {#title}")
    assert "## １．総論 {#1}" in page.markdown


def test_a_section_too_long_for_one_page_gives_each_of_its_subsections_a_page(monkeypatch):
    from generator.render import pages as module
    monkeypatch.setattr(module, "SPLIT_THRESHOLD", 1000)
    monkeypatch.setattr(module, "PAGE_THRESHOLD", 3000)
    sentence = "関係機関が連携して地球低軌道の利用を進めることが重要である。"
    lines = ["試験の文書", "１．総論", "この章の概要を述べる。"]
    for k in range(1, 6):
        lines += [f"（{k}）第{k}の論点", sentence * 30]
    lines += ["２．おわりに", "以上のとおり整理した。"]
    doc = parse(raw(*lines))
    rendered = render_document(doc, Language("ja"))
    normal = [p for p in rendered if p.anchor != "parallel" and p.path != "test/index.md"]
    assert [p.path for p in normal] == ["test/1.md"] + [f"test/1-{k}.md" for k in range(1, 6)] + ["test/2.md"]
    printed = {}
    for p in normal:
        soup = BeautifulSoup(markdown.markdown(p.markdown, extensions=MARKDOWN_EXTENSIONS), "html.parser")
        for el in soup.select("[id]:not(script)"):         # (not the page's cite-data)
            assert el["id"] not in printed, (el["id"], p.path, printed.get(el["id"]))   # each block on one page
            printed[el["id"]] = p.path
    assert printed["1-p1"] == "test/1.md" and printed["1-3"] == printed["1-3-p1"] == "test/1-3.md"
    sections = [s for s in doc.sections[0].sections]
    assert [module.page_path(doc, s) for s in sections] == [f"test/1-{k}.md" for k in range(1, 6)]
    assert all(printed.get(i, page) == page for page, _, ids in module.section_segments(doc) for i in ids if i in printed)
    landing = next(p for p in rendered if p.path == "test/index.md").markdown
    assert all(landing.count(f'href="../1-{k}/"') + landing.count(f'href="1-{k}/"') == 1 for k in range(1, 6))


def test_a_sections_list_items_count_towards_its_length(monkeypatch):
    from generator.render import pages as module
    monkeypatch.setattr(module, "SPLIT_THRESHOLD", 1000)
    monkeypatch.setattr(module, "PAGE_THRESHOLD", 3000)
    item = "・関係機関が連携して地球低軌道の利用を進めることが重要である。" * 1
    lines = ["試験の文書", "１．総論"]
    for k in range(1, 6):
        lines += [f"（{k}）第{k}の論点"] + [item] * 30
    lines += ["２．おわりに", "以上のとおり整理した。"]
    doc = parse(raw(*lines))
    assert any(b.__class__.__name__ == "ItemList" for b in doc.sections[0].sections[0].children)
    paths = [p.path for p in render_document(doc, Language("ja"))]
    assert "test/1-1.md" in paths and "test/1-5.md" in paths
