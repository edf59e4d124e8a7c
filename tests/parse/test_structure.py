"""Structure: the document tree — sections, anchors, lists, titles, members, appendices."""
from generator.model import (BlockTitle, FlattenedTable, ItemList, MatrixTable, MemberList, Paragraph, RunInTitle,
                             Section, plain_text)
from generator.parse.structure import number_key

from helpers import parse, raw


def all_sections(sections):
    for s in sections:
        yield s
        yield from all_sections(s.sections)


def test_anchor_keys_come_from_the_printed_numbering():
    assert [number_key(n) for n in ("３", "12", "１２", "①", "⑳", "ア", "オ")] == ["3", "12", "12", "1", "20", "a", "e"]


def test_sections_nest_by_numbering_and_anchors_follow_it():
    doc = parse(raw("題名", "１．総論", "（１）意義", "①強化", "ア）機能", "・本文である。", "２．各論"))
    anchors = [s.anchor for s in all_sections(doc.sections)]
    assert anchors == ["1", "1-1", "1-1-1", "1-1-1-a", "2"]
    deepest = doc.sections[0].sections[0].sections[0].sections[0]
    assert deepest.level == 4 and isinstance(deepest.children[0], ItemList)


def test_anchors_do_not_depend_on_the_wording():
    a = parse(raw("題名", "３．旧い見出し", "（３）旧い小見出し", "①旧", "ア）旧"))
    b = parse(raw("題名", "３．新しい見出しの文言", "（３）書き換えた小見出し", "①新", "ア）新"))
    assert [s.anchor for s in all_sections(a.sections)] == [s.anchor for s in all_sections(b.sections)]
    assert "3-3-1-a" in [s.anchor for s in all_sections(a.sections)]


def test_duplicate_numbering_gets_a_distinct_anchor():
    doc = parse(raw("題名", "１．一", "①同じ番号", "①同じ番号"))
    assert [s.anchor for s in doc.sections[0].sections] == ["1-1", "1-1_2"]


def test_title_block_fields():
    doc = parse(raw(" 我が国の取組の方向性", "（第 12 期小委員会議論の整理）", " ", "令和７年２月 12 日",
                    "科学技術・学術審議会", " 本文の段落である。"))
    roles = [(f.role, f.text) for f in doc.title_block.fields]
    assert roles == [("title", "我が国の取組の方向性"), ("subtitle", "（第 12 期小委員会議論の整理）"),
                     ("date", "令和７年２月 12 日"), ("issuer", "科学技術・学術審議会")]
    assert isinstance(doc.preamble[0], Paragraph) and doc.preamble[0].indented


def test_lost_bullets_after_a_block_title_become_a_list():
    doc = parse(raw("題名", "１．成果", "【成果の例】", " 微小重力下での知見", " 創薬関連物質の構造解明", "（２）次"))
    blocks = doc.sections[0].children
    assert isinstance(blocks[0], BlockTitle)
    assert isinstance(blocks[1], ItemList) and blocks[1].style == "implicit"
    assert [plain_text(i.inlines) for i in blocks[1].items] == ["微小重力下での知見", "創薬関連物質の構造解明"]


def test_lost_bullets_after_a_bullet_become_its_sub_list():
    doc = parse(raw("題名", "１．課題", "・次の事項を検討する。", " 研究課題の検討", " 体制の検討"))
    bullet = doc.sections[0].children[0].items[0]
    assert [plain_text(i.inlines) for i in bullet.children[0].items] == ["研究課題の検討", "体制の検討"]


def test_indented_line_after_a_heading_is_an_indented_paragraph_not_an_item():
    doc = parse(raw("題名", "１．総論", " 本取組の方向性を踏まえて審議を行う。"))
    block = doc.sections[0].children[0]
    assert isinstance(block, Paragraph) and block.indented


def test_run_in_titles_and_notes():
    doc = parse(raw("題名", "１．総論", "【考えられる取組方策】", "（ＪＡＸＡラボ機能）", "・検討する。",
                    "※本小委員会で議論した。"))
    kinds = [type(b) for b in doc.sections[0].children]
    assert kinds == [BlockTitle, RunInTitle, ItemList, Paragraph]
    assert plain_text(doc.sections[0].children[3].inlines).startswith("※")


def test_bullet_glyph_is_a_classified_artifact():
    doc = parse(raw("題名", "１．総論", "・検討する。"))
    assert [(a.kind, a.text) for a in doc.artifacts] == [("list-marker", "・")]


def test_seed_report_structure(seed_docs):
    docs, _ = seed_docs
    doc = docs["leo-activity-2025"]
    top = [s.anchor for s in doc.sections]
    assert top == ["1", "2", "3", "4", "annex-1", "annex-2", "appendix-1", "appendix-2"]
    anchors = {s.anchor: s for s in all_sections(doc.sections)}
    assert plain_text(anchors["3-3-1-a"].title) == "ア）ＪＡＸＡの科学研究・イノベーション創出機能の強化【対象：JAXA（大学等）】"
    assert plain_text(anchors["3-3-2-c"].title).endswith("の助言機能強化・民間連携の推進【対象：企業、大学等】")
    assert isinstance(anchors["annex-1"].children[0], MatrixTable)      # curated: tables/user-challenges.yml
    meetings = [s.anchor for s in anchors["appendix-1"].sections]
    assert meetings == ["appendix-1-64", "appendix-1-65", "appendix-1-66", "appendix-1-67", "appendix-1-68"]
    members = anchors["appendix-2"].children[0]
    assert isinstance(members, MemberList) and len(members.members) == 11
    chair = [m for m in members.members if m.mark == "◎"]
    assert [m.name for m in chair] == ["中須賀 真 一"]
    assert members.members[0].affiliation == "防衛大学校 人文社会科学群 准教授"


def test_seed_report_lists_whose_bullets_were_lost(seed_docs):
    docs, _ = seed_docs
    anchors = {s.anchor: s for s in all_sections(docs["leo-activity-2025"].sections)}
    examples = anchors["2-1"].children[2]
    assert isinstance(examples, ItemList) and examples.style == "implicit" and len(examples.items) == 10
    assert plain_text(examples.items[8].inlines) == "大学・新興国の超小型衛星の軌道投入（民間事業者へ移管）"
    issues = anchors["4-6"].children[0].items[0].children[0]
    assert len(issues.items) == 7
    assert plain_text(issues.items[1].inlines) == "ＪＡＸＡラボ機能で推進する研究課題・事業活動とその体制に関する検討（３．（３）①関係）"


def test_seed_slides_structure(seed_docs):
    docs, _ = seed_docs
    doc = docs["isecg-coordination"]
    assert doc.title_block.get("title") == ["付録１：国際宇宙探査協働グループ（ISECG）での調整状況"]
    assert [s.anchor for s in doc.sections] == ["1", "2", "3", "4", "5", "6"]
    assert [s.anchor for s in doc.sections[1].sections] == ["2-1", "2-2", "2-3", "2-4", "2-5", "2-5_2"]
    assert isinstance(doc.sections[2].children[0], FlattenedTable)
    assert len(doc.sections[2].children[0].lines) >= 14


def test_every_block_has_a_unique_id_and_a_source_range(seed_docs):
    docs, _ = seed_docs
    for doc in docs.values():
        ids = [b.id for b in doc.walk()]
        assert len(ids) == len(set(ids)), doc.meta.slug
        assert all(b.first_line >= 1 and b.last_line >= b.first_line for b in doc.walk()
                   if not isinstance(b, Section) or b.first_line)


def test_bullet_glyphs_nest_filled_above_white_above_arrows_and_keep_their_style():
    doc = parse("題名\n\n１．総論\n■ 一つ目\n□ その下\n➢ さらに下\n□ 戻る\n■ 二つ目\n◆ まとめ\n")
    [top] = [b for b in doc.sections[0].children if isinstance(b, ItemList)][:1]
    assert top.style == "square" and [plain_text(i.inlines) for i in top.items] == ["一つ目", "二つ目"]
    [white] = top.items[0].children
    assert white.style == "white-square" and [plain_text(i.inlines) for i in white.items] == ["その下", "戻る"]
    assert white.items[0].children[0].style == "arrow"
    assert [b.style for b in doc.sections[0].children if isinstance(b, ItemList)] == ["square", "diamond"]
    assert sorted(a.text.strip() for a in doc.artifacts if a.kind == "list-marker") == sorted("■□➢□■◆")


def test_a_short_line_alone_before_its_paragraph_and_the_first_numbered_heading_is_a_guessed_heading():
    from generator.diagnostics import Reporter
    report = Reporter()
    text = "題名\n令和７年３月１日\n小委員会\n\n検討の経緯\n  本小委員会は、計６回にわたり審議を行った。\n本報告の位置付け\n  本報告は、方針を示す。\n１．総論\n本文。\n"
    doc = parse(text, report)
    assert [(s.anchor, plain_text(s.title)) for s in doc.sections] == [
        ("heading-1", "検討の経緯"), ("heading-2", "本報告の位置付け"), ("1", "１．総論")]
    assert [d.code for d in report.diagnostics] == ["heading-guessed"] * 2
    # its paragraph on the next sheet (a slide's title at the foot of the one before): text, as before
    apart = parse("題名\n令和７年３月１日\n小委員会\n\n本資料の位置づけ\n 国際協働による有人宇宙探査に向けて検討を行っている。\n１．総論\n本文。\n")
    assert [s.anchor for s in apart.sections] == ["1"]
