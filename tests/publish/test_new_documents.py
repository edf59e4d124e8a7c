"""The test documents of new shapes (tests/documents/) publish with no code change: a strict
build of them, untranslated, gives both editions, every internal link and anchor resolving, and every
note a real anchored note with its way back."""
import shutil

from bs4 import BeautifulSoup

from helpers import ROOT, build_site

DOCUMENTS = ROOT / "tests" / "documents"


def test_the_new_documents_build_in_strict_mode_with_their_notes_linked(tmp_path):
    src = tmp_path / "src"
    for folder in sorted(DOCUMENTS.iterdir()):
        shutil.copytree(folder, src / folder.name, ignore=shutil.ignore_patterns("expected.yml"))
    (src / "glossary.yml").write_text("terms: []\n", encoding="utf-8")      # (the seeds' terms are not theirs)
    site = build_site(src, tmp_path / "out", extra=("--strict",), jobs=2)     # (the link check is part of it)
    for folder in sorted(DOCUMENTS.iterdir()):
        page = BeautifulSoup((site / folder.name / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.select_one("article h1") is not None, folder.name
        assert (site / "en" / folder.name / "index.html").is_file()
    roadmap = site / "transport-roadmap-chapters"
    pages = [BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in roadmap.rglob("index.html")
             if p.parent.name != "parallel"]
    refs = [a for page in pages for a in page.select("sup[id^='fnref'] a.footnote-ref")]
    notes = [li for page in pages for li in page.select("div.footnote li[id^='fn:']:not([data-repeat])")]
    assert len(refs) >= 6 and len(notes) == 6
    assert all(li.select_one("a.footnote-backref") for li in notes)
