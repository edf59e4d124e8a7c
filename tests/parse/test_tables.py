"""Matrix tables: the decoder, the agreement check, rendering for people and machines."""
import csv
import io
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.diagnostics import Reporter
from generator.model import FlattenedTable, MatrixTable
from generator.parse.tables import check_table, decode_row, load_table, raw_rows

from helpers import ROOT, SRC

DATA = SRC / "leo-activity-2025" / "tables" / "user-challenges.yml"


def flattened(seed_docs, slug, anchor):
    """The flattened block of a section, as the structure stage made it (before curation)."""
    from generator.parse.documents import parse_text
    from generator.model import Meta
    text = (SRC / slug / "source.txt").read_text(encoding="utf-8")
    doc = parse_text(text, f"docs_src/{slug}/source.txt", Meta(slug=slug), Reporter())
    stack = list(doc.sections)
    while stack:
        s = stack.pop()
        if s.anchor == anchor:
            return next(b for b in s.children if isinstance(b, FlattenedTable))
        stack += s.sections


# ------------------------------------------------------------------ decoder
@pytest.mark.parametrize("cells_text, expected", [
    ("○ ○ ○ ○ △     ○     △ ", "○ ○ ○ ○ △ - - ○ - - △"),
    ("○       △ ○ ○ ○     △ ", "○ - - - △ ○ ○ ○ - - △"),
    ("○ ○ ○ ○       △     △ ", "○ ○ ○ ○ - - - △ - - △"),
    ("      ○ ○ ○     ○ △ ", None),          # one blank cell lost
    ("      ○ ○     ○ △   ", None),          # one blank cell lost
    ("○ ○ ○ ○ △ ○ △ △   △   ", "○ ○ ○ ○ △ ○ △ △ - △ -"),
    ("  ○ ○ ○     △   ○     ", "- ○ ○ ○ - - △ - ○ - -"),
])
def test_decoder_on_every_row_of_the_user_challenges_table(cells_text, expected):
    decoded = decode_row(cells_text, 11)
    assert decoded.symbols == [c for c in cells_text if c in "○△"]
    assert decoded.cells == (expected.split() if expected else None)
    if expected is None:
        assert "1 blank cell(s) were lost" in decoded.note


def test_decoder_on_every_row_of_the_technology_table(seed_docs):
    flat = flattened(seed_docs, "isecg-coordination", "3")
    rows = raw_rows(flat)
    assert len(rows) == 14
    decoded = [decode_row(r.cells_text, 5) for r in rows]
    assert [len(d.symbols) for d in decoded] == [2, 2, 4, 4, 3, 5, 5, 5, 3, 3, 4, 5, 5, 3]
    for d in decoded:
        if len(d.symbols) == 5:
            assert d.cells == ["○"] * 5
        else:
            assert d.cells is None and "lost in extraction" in d.note


def test_decoder_on_hand_made_rows():
    assert decode_row("○   △", 3).cells == ["○", "-", "△"]
    assert decode_row("  ○", 2).cells == ["-", "○"]
    assert decode_row("○ ○ ○ ○", 3).cells is None          # more cells than columns
    assert decode_row("○  △", 3).cells is None             # off the two-character grid
    assert decode_row("○ ○", 3).note.startswith("1 blank cell")


def test_raw_rows_find_labels_on_their_own_lines_and_before_symbols(seed_docs):
    rows = raw_rows(flattened(seed_docs, "leo-activity-2025", "annex-1"))
    assert [r.context[-8:] for r in rows][1:3] == ["手続・利便性", "機会・頻度"]
    assert rows[3].context.endswith("結果・事業成立性") and rows[3].cells_text.startswith("      ○")


# ------------------------------------------------------------------ agreement
def load(data: dict, tmp_path: Path):
    path = tmp_path / "t.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = Reporter()
    return load_table(path, "docs_src/x/tables/t.yml", report), report


def checked(seed_docs, tmp_path, mutate):
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    mutate(data)
    table, report = load(data, tmp_path)
    assert table is not None, report.diagnostics
    check_table(table, flattened(seed_docs, "leo-activity-2025", "annex-1"), report)
    return report


def test_the_shipped_table_agrees_with_its_source(seed_docs, tmp_path):
    report = checked(seed_docs, tmp_path, lambda d: None)
    assert [d for d in report.diagnostics if d.level != "notice"] == []


def test_a_moved_symbol_is_caught(seed_docs, tmp_path):
    def move(d):
        d["rows"][0]["cells"] = "○ ○ ○ ○ - △ - ○ - - △"
    [err] = checked(seed_docs, tmp_path, move).diagnostics
    assert err.code == "table-columns" and "row 1 (所要コスト・時間)" in err.message
    assert "○ ○ ○ ○ - △ - ○ - - △" in err.message and "○ ○ ○ ○ △ - - ○ - - △" in err.message
    assert err.file == "docs_src/x/tables/t.yml" and err.line > 1


def test_an_added_symbol_is_caught(seed_docs, tmp_path):
    def add(d):
        d["rows"][3]["cells"] = "- - - - ○ ○ ○ ○ - ○ △"
    [err] = checked(seed_docs, tmp_path, add).diagnostics
    assert err.code == "table-symbols" and "row 4 (結果・事業成立性)" in err.message


def test_a_missing_symbol_is_caught(seed_docs, tmp_path):
    def drop(d):
        d["rows"][6]["cells"] = "- ○ ○ - - - △ - ○ - -"
    [err] = checked(seed_docs, tmp_path, drop).diagnostics
    assert err.code == "table-symbols" and "row 7" in err.message


def test_a_wrong_label_and_a_missing_row_are_caught(seed_docs, tmp_path):
    def relabel(d):
        d["rows"][1]["label"]["ja"] = "手続・使い勝手"
    assert [d.code for d in checked(seed_docs, tmp_path, relabel).diagnostics] == ["table-label"]

    def drop_row(d):
        del d["rows"][2]
    codes = [d.code for d in checked(seed_docs, tmp_path, drop_row).diagnostics]
    assert codes[0] == "table-rows"


def test_an_ambiguous_row_without_a_recorded_decision_warns(seed_docs, tmp_path):
    def forget(d):
        del d["rows"][3]["decision"]
    [warn] = checked(seed_docs, tmp_path, forget).diagnostics
    assert warn.code == "table-ambiguous" and warn.level == "warning" and "decision" in warn.message


def test_bad_table_data_is_a_clear_error(tmp_path):
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    data["rows"][0]["cells"] = "○ ○ ○"
    del data["columns"][0]["en"]
    table, report = load(data, tmp_path)
    assert table is None
    assert {d.code for d in report.diagnostics} == {"table-cells", "table-language"}


# ------------------------------------------------------------------ rendering
def read_table(soup: BeautifulSoup):
    table = soup.select_one("figure.matrix-table table")
    groups = [(th.get_text(), int(th["colspan"])) for th in table.select("thead th[scope=colgroup]")]
    columns = [th.get_text() for th in table.select("thead th[scope=col]")]
    rows = []
    for tr in table.select("tbody tr"):
        label = tr.select_one("th[scope=row]").get_text()
        cells = [td.select_one(".symbol").get_text() if td.select_one(".symbol") else "-" for td in tr.select("td")]
        spoken = [td.select_one(".sr-only").get_text() for td in tr.select("td")]
        rows.append((label, cells, spoken))
    return groups, columns, rows


@pytest.mark.parametrize("lang, prefix", [("ja", ""), ("en", "en/")])
def test_rendered_table_reproduces_the_data_cell_by_cell(built_site, lang, prefix):
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    soup = BeautifulSoup((built_site / prefix / "leo-activity-2025" / "annex-1" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    groups, columns, rows = read_table(soup)
    assert groups == [(g[lang], g["span"]) for g in data["groups"]]
    assert columns == [data["row_header"][lang]] + [c[lang] for c in data["columns"]]
    assert [(label, cells) for label, cells, _ in rows] == [(r["label"][lang], r["cells"].split()) for r in data["rows"]]
    words = {sym: v[lang] for sym, v in data["symbols"].items()}
    assert all(spoken == [words[c] for c in cells] for _, cells, spoken in rows)
    assert soup.select_one("figure.matrix-table caption").get_text() == data["caption"][lang]
    assert [li.get_text() for li in soup.select("figure.matrix-table .legend li")] == [x[lang] for x in data["legend"]]
    assert soup.select("figure.matrix-table th[scope=row]") and not soup.select("figure.flattened-table")


@pytest.mark.parametrize("prefix, lang", [("", "ja"), ("en/", "en")])
def test_tables_download_as_csv(built_site, prefix, lang):
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    page = built_site / prefix / "leo-activity-2025" / "annex-1" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    href = soup.select_one("figure.matrix-table a[download]")["href"]
    path = (page.parent / href).resolve()
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0] == [data["row_header"][lang]] + [c[lang] for c in data["columns"]]
    assert rows[1:] == [[r["label"][lang]] + ["" if c == "-" else c for c in r["cells"].split()] for r in data["rows"]]


@pytest.mark.browser
def test_table_on_a_phone_is_a_card_per_row_within_the_screen(phone, site_url):
    phone.goto(f"{site_url}/leo-activity-2025/annex-1/")         # (the cards: tests/publish/test_tables_browser.py)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    box = phone.locator("figure.matrix-table .table-scroll")
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth")       # nothing to scroll sideways
    assert phone.locator("figure.matrix-table thead").bounding_box()["height"] <= 1   # its names are in the cards


def test_a_table_read_only_in_part_is_listed_by_check(tmp_path):
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=ROOT, capture_output=True, text=True)
    line = [l for l in out.stderr.splitlines() if l.startswith("docs_src/isecg-coordination/source.txt:139: notice:")]
    assert line and line[0].endswith("[table-partial]") and "14 rows and 5 columns" in line[0]
    assert "the columns of 9 row(s) cannot be recovered" in line[0] and out.returncode == 0


def test_rows_with_fewer_marks_than_columns_are_kept_with_their_marks_unplaced():
    from generator.parse.tables import read_layout
    lines = ["JAXA 防衛省 欧州", "レーダー観測 ○ ○ △", "光学観測 ○ ○", "事務局作成。"]
    flat = FlattenedTable(id="4-p1", lines=lines, numbers=list(range(10, 14)))
    layout = read_layout(flat)
    assert layout.columns == 3 and layout.notes_from() == 3
    placed, lost = layout.rows
    assert placed.is_placed() and placed.cells == ["○", "○", "△"]
    assert not lost.is_placed() and lost.marks == ["○", "○"]


def test_spacing_places_a_short_row_where_it_keeps_two_characters_per_cell():
    from generator.parse.tables import read_layout
    lines = ["A B C", "観測 ○ ○ △", "予報 ○   △ "]                  # the blank middle cell kept as spaces
    layout = read_layout(FlattenedTable(id="x", lines=lines, numbers=[1, 2, 3]))
    assert layout.rows[1].cells == ["○", "-", "△"]


def test_no_layout_without_a_header_naming_as_many_columns_as_the_fullest_row():
    from generator.parse.tables import read_layout
    for lines in (["観測 ○ ○", "予報 ○"],                           # no header line
                  ["A B C D", "観測 ○ ○", "予報 ○"],                 # no row fills the header
                  ["A B", "観測 ○ ○ ○", "予報 ○"],                   # a row wider than the header
                  ["A B", "観測 ○ ○"]):                              # one row is not a table
        assert read_layout(FlattenedTable(id="x", lines=lines, numbers=list(range(len(lines))))) is None, lines


def test_a_complete_matrix_is_read_from_its_text_and_an_incomplete_one_is_not():
    from generator.parse.tables import decode_matrix
    lines = ["JAXA 防衛省 欧州", "レーダー観測 ○ ○ △", "光学観測 ○ － ○", "○：保有 △：計画中 －：なし", "事務局作成。"]
    flat = FlattenedTable(id="4-p1", lines=lines, numbers=list(range(10, 15)), first_line=10, last_line=14)
    table = decode_matrix(flat, "４．能力の比較")
    assert [c["ja"] for c in table.columns] == ["JAXA", "防衛省", "欧州"]
    assert [(r.label["ja"], r.cells) for r in table.rows] == [("レーダー観測", ["○", "○", "△"]), ("光学観測", ["○", "－", "○"])]
    assert table.symbols == {"○": {"ja": "保有"}, "△": {"ja": "計画中"}, "－": {"ja": "なし"}}
    assert table.notes == [{"ja": "事務局作成。"}] and table.decoded and table.id == "4-p1"
    short = FlattenedTable(id="3-p1", lines=lines[:2] + ["光学観測 ○ ○"], numbers=[1, 2, 3])    # a mark lost
    assert decode_matrix(short, "") is None


def test_the_slides_matrix_is_a_real_table_and_the_leo_tables_stay_curated():
    from helpers import ROOT
    from generator.parse.documents import load_document
    doc = load_document(ROOT / "tests" / "documents" / "ssa-slides-formfeed", Reporter(), ROOT / "tests")
    table, figures = [b for b in doc.walk() if isinstance(b, MatrixTable)]
    assert table.decoded and (len(table.rows), len(table.columns)) == (7, 5) and "○" in table.symbols
    assert figures.numeric and figures.rows[-1].label == {"ja": "合計"}
    assert [r.number for r in table.refs] == [3]                      # the note referenced from its notes


def test_a_table_of_figures_is_read_with_its_units_line_and_its_header():
    from generator.parse.tables import decode_numbers
    lines = ["（単位：億円）", "2020 年 2021 年 2022 年", "米国 44 51 87", "中国 39 55 64", "合計 83 106 151"]
    flat = FlattenedTable(id="1-p2", lines=lines, numbers=list(range(5)))
    table = decode_numbers(flat, "")
    assert table.numeric and table.caption_printed and table.caption == {"ja": "（単位：億円）"}
    assert [c["ja"] for c in table.columns] == ["2020 年", "2021 年", "2022 年"]
    assert [(r.label["ja"], r.cells) for r in table.rows][0] == ("米国", ["44", "51", "87"])
    assert decode_numbers(FlattenedTable(id="x", lines=["A B", "米国 44 51 87", "中国 39 55"], numbers=[1, 2, 3]),
                          "") is None


def test_table_draft_writes_the_skeleton_of_every_table_left_to_curate():
    import os
    import subprocess
    import sys
    import yaml
    from helpers import ROOT
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "generator", "table-draft", "isecg-coordination"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("# Draft of the tables of docs_src/isecg-coordination")
    draft = yaml.safe_load(done.stdout)
    assert draft["section"] == "3" and [c["ja"] for c in draft["columns"]] == ["米国", "ロシア", "欧州", "中国", "日本"]
    assert draft["rows"][0]["label"]["ja"] == "有人探査用宇宙船・大型有人ロケット"
    assert any(row.get("decision", "").startswith("TODO: ") for row in draft["rows"])
    assert all(row["label"]["en"] == "" for row in draft["rows"])          # the English is the editor's
    leo = subprocess.run([sys.executable, "-m", "generator", "table-draft", "leo-activity-2025"], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert leo.stdout.strip() == "# leo-activity-2025 has no table left to curate"


def test_a_table_of_words_is_read_with_its_first_column_naming_the_rows():
    from generator.parse.tables import decode_words
    lines = ["ミッション 打上げ時期 分担", "SLIM 令和５年度 ＪＡＸＡ", "LUPEX 令和10年度頃 日印協力", "HTV-XG 令和10年度頃 ＪＡＸＡ"]
    table = decode_words(FlattenedTable(id="x", lines=lines, numbers=[1, 2, 3, 4]), "別紙１")
    assert table.textual and table.row_header == {"ja": "ミッション"}
    assert [c["ja"] for c in table.columns] == ["打上げ時期", "分担"]
    assert [(r.label["ja"], r.cells) for r in table.rows][1] == ("LUPEX", ["令和10年度頃", "日印協力"])
    assert decode_words(FlattenedTable(id="x", lines=lines[:3] + ["HTV-XG ＪＡＸＡ"], numbers=[1, 2, 3, 4]), "") is None
