"""MkDocs builds an edition while it is written: it starts from the navigation, reads each page as
soon as its document is written (the pages of an earlier build no longer planned are not built),
takes the files written last, and publishes nothing unless the whole generation succeeds."""
import shutil
import subprocess
import sys
from pathlib import Path

from generator.edition_stream import nav_pages
from generator.sitebuild import build

from conftest import ROOT, eventually

PROBE = '''
from pathlib import Path

def on_page_markdown(markdown, page, config, files):
    with open(Path(config.config_file_path).parent / "read.log", "a") as log:
        log.write(page.file.src_uri + "\\n")
'''


def project(root: Path) -> tuple[Path, Path]:
    """A MkDocs project (MkDocs' own theme) whose navigation names a home page and two documents'
    pages, none of them written yet; its docs folder holds a page of an earlier build. A hook logs
    each page MkDocs reads."""
    docs = root / "docs"
    (docs / "old").mkdir(parents=True)
    (docs / "old" / "index.md").write_text("# Old\n", encoding="utf-8")
    (root / "probe.py").write_text(PROBE, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: t\nstrict: true\nhooks: [probe.py]\n"
                      "nav:\n  - Home: index.md\n  - A: [a/index.md]\n  - B: [b/index.md, b/more.md]\n", encoding="utf-8")
    return config, docs


def read(root: Path) -> list[str]:
    log = root / "read.log"
    return log.read_text(encoding="utf-8").split() if log.exists() else []


def test_the_pages_of_a_navigation_in_order():
    nav = [{"Home": "index.md"}, {"A": [{"One": "a/index.md"}, {"Two": "a/2.md"}]}, "b/index.md"]
    assert nav_pages(nav) == ["index.md", "a/index.md", "a/2.md", "b/index.md"]


def test_mkdocs_reads_each_page_once_written_in_the_order_planned(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1739318400")
    config, docs = project(tmp_path)

    def generate(tell):
        tell("plan ja", "b a")                       # b's pages are written first
        (docs / "b").mkdir()
        (docs / "b" / "index.md").write_text("# B\n\n[A](../a/index.md)\n", encoding="utf-8")
        (docs / "b" / "more.md").write_text("# More\n", encoding="utf-8")
        tell("document ja b", "")
        if not eventually(lambda: "b/more.md" in read(tmp_path)):
            return 5                                 # MkDocs waited for more than b: it would never come
        (docs / "a").mkdir()
        (docs / "a" / "index.md").write_text("# A\n\n[table](table.csv)\n", encoding="utf-8")
        (docs / "a" / "table.csv").write_text("x,y\n", encoding="utf-8")       # not there when MkDocs started
        tell("document ja a", "")
        (docs / "index.md").write_text("# Home\n", encoding="utf-8")
        shutil.rmtree(docs / "old")                  # the generator removes what it no longer produces
        tell("edition ja", "")
        return 0
    status, timing = build(generate, [config], strict=True, docs_dirs={"ja": docs})
    assert status == 0
    assert read(tmp_path) == ["b/index.md", "b/more.md", "a/index.md", "index.md"]
    site = tmp_path / "site"
    assert (site / "a" / "table.csv").read_text() == "x,y\n" and not (site / "old").exists()
    # the same site as MkDocs makes of the finished folder (the sitemap lists the pages in its order)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp_path / "plain")],
                   check=True, cwd=ROOT, capture_output=True)
    plain = tmp_path / "plain"
    assert sorted(p.relative_to(plain) for p in plain.rglob("*")) == sorted(p.relative_to(site) for p in site.rglob("*"))
    assert (site / "sitemap.xml").read_text() == (plain / "sitemap.xml").read_text()
    assert (site / "b" / "index.html").read_text() == (plain / "b" / "index.html").read_text()


def test_a_generation_failing_while_mkdocs_reads_leaves_the_published_site_as_it_was(tmp_path, capfd):
    config, docs = project(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("the site as last published", encoding="utf-8")

    def generate(tell):
        tell("plan ja", "b a")
        (docs / "b").mkdir()
        (docs / "b" / "index.md").write_text("# B\n", encoding="utf-8")
        (docs / "b" / "more.md").write_text("# More\n", encoding="utf-8")
        tell("document ja b", "")
        eventually(lambda: "b/more.md" in read(tmp_path))
        print("docs_src/b/en.po:3: error: a broken translation", file=sys.stderr)
        return 1                                     # a's translation is broken, say: the build stops
    status, _ = build(generate, [config], strict=True, docs_dirs={"ja": docs})
    assert status == 1
    assert read(tmp_path) == ["b/index.md", "b/more.md"]          # MkDocs had begun
    assert "en.po:3: error" in capfd.readouterr().err
    assert (tmp_path / "site" / "index.html").read_text() == "the site as last published"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
