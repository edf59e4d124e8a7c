"""Source text is text: metacharacters are shown literally, never read as markup."""
import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from generator.render.escape import MARKDOWN_EXTENSIONS, html_text, markdown_text

from helpers import raw

EXTENSIONS = MARKDOWN_EXTENSIONS


def test_escaper_knows_the_extensions_mkdocs_uses():
    import yaml
    from helpers import ROOT
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert names == MARKDOWN_EXTENSIONS
NASTY = ["<script>alert(1)</script>", "A & B &amp; C", "*強調*", "_下線_", "# 見出し", "1. 番号", "| 表 |",
         "[参考]", "[参考](http://x)", "`code`", "\\ バックスラッシュ", "{: #id }", "<!-- c -->", "+ 項目", "- 項目",
         "> 引用", "![画像](x.png)", "***", "<https://example.org>", "&#x3042;", "2. 二", "~~取消~~"]


def rendered_text(md: str) -> str:
    html = markdown.markdown(md, extensions=EXTENSIONS)
    return BeautifulSoup(html, "html.parser").get_text()


def test_escaper_knows_python_markdowns_escapable_characters():
    from generator.render.escape import MARKDOWN_ESCAPED
    assert MARKDOWN_ESCAPED == set(markdown.Markdown(extensions=EXTENSIONS).ESCAPED_CHARS)


def test_markdown_escaping_round_trips_every_metacharacter():
    for text in NASTY:
        assert rendered_text("## " + markdown_text(text)).strip() == text.strip(), text


def test_html_escaping_round_trips_every_metacharacter():
    for text in NASTY:
        assert BeautifulSoup(f"<p>{html_text(text)}</p>", "html.parser").get_text() == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_heading_text_round_trips(text):
    text = " ".join(text.split())
    if not text or text.startswith("#") and set(text) <= {"#", " "}:
        return
    got = " ".join(rendered_text("## " + markdown_text(text) + " {#x}").split())
    assert got == text


def test_metacharacters_in_a_source_document_are_literal_in_the_built_page(tmp_path):
    from helpers import build_site
    src = tmp_path / "src" / "meta-chars"
    src.mkdir(parents=True)
    lines = ["記号の試験文書", "１．見出し <b>太字</b> & *星*", "・本文 <script>x</script> と & と *強調* と _下線_ と | と [参考]。",
             "# 行頭のシャープ記号である。", "1. 行頭の番号である。"]
    (src / "source.txt").write_text(raw(*lines), encoding="utf-8")
    site = build_site(src.parent, tmp_path / "out")
    soup = BeautifulSoup((site / "meta-chars" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    text = article.get_text()
    assert "<b>太字</b> & *星*" in text
    assert "本文 <script>x</script> と & と *強調* と _下線_ と | と [参考]。" in text
    assert "# 行頭のシャープ記号である。" in text and "1. 行頭の番号である。" in text
    assert article.select("script, b, em, strong:not(.x)") == [] or all(
        t.name == "strong" and False for t in article.select("b, em"))
    assert not article.select("b, em, ol")
