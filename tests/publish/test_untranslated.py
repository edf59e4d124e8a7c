"""A document whose translation is not done yet publishes, in strict mode: the Japanese edition is
complete, its English pages say at the top that the translation is in preparation and show the
Japanese, marked; work not yet done stops a build only under --require-translation, and
`check` lists it."""
import os
import subprocess
import sys

from bs4 import BeautifulSoup

from helpers import ROOT, build_site, copy_docs, write_configs


def untranslated(tmp_path):
    src = copy_docs(tmp_path / "src", ["isecg-coordination"])
    (src / "isecg-coordination" / "en.po").unlink()
    return src


def generator(src, out, *args):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(out), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def test_a_document_without_a_translation_publishes_in_strict_mode(tmp_path):
    src = untranslated(tmp_path)
    site = build_site(src, tmp_path / "out", extra=("--strict",))
    ja = BeautifulSoup((site / "isecg-coordination" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert ja.select_one(".translation-pending") is None and ja.select_one("[data-state]") is None
    en = BeautifulSoup((site / "en" / "isecg-coordination" / "index.html").read_text(encoding="utf-8"), "html.parser")
    notice = en.select_one("article .translation-pending")
    assert notice is not None and notice.get_text().startswith("Translation in preparation: 0 of the ")
    first = en.select_one("article").find(class_="translation-pending")
    assert first.find_previous("h1") is None                             # at the top of the page
    blocks = en.select("article p[data-seg], article li[data-seg], article h2, article h3")
    assert len(blocks) > 20
    assert all(b.get("lang") == "ja" and b.get("data-state") == "untranslated" for b in blocks)
    assert en.select_one("article figure[id='3-p1'] table")["lang"] == "ja"        # the table, in Japanese
    for page in ("parallel", ):
        assert "Translation in preparation" in (site / "en" / "isecg-coordination" / page / "index.html").read_text()


def test_work_not_yet_done_stops_a_build_only_when_translation_is_required(tmp_path):
    src = untranslated(tmp_path)
    configs = [a for path in write_configs(src, tmp_path).values() for a in ("-f", str(path))]
    done = generator(src, tmp_path / "build", "build", "--strict", *configs)
    assert done.returncode == 0, done.stderr
    assert "isecg-coordination/en.po: notice: no translation yet" in done.stderr
    required = generator(src, tmp_path / "build", "build", "--strict", "--require-translation", *configs)
    assert required.returncode == 1
    assert "isecg-coordination/en.po:1: notice: no translation file; run `make po` to create it" in required.stderr
    assert "nothing is published" in required.stderr
    check = generator(src, tmp_path / "build", "check", "--strict")
    assert check.returncode == 0 and "[po-missing]" in check.stderr and "coverage: isecg-coordination en: 0/" in check.stderr
    assert generator(src, tmp_path / "build", "check", "--strict", "--require-translation").returncode == 1
