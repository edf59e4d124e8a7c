"""One build at a time: a second build started while one runs stops at once, says which build is
running, and changes nothing; two builds started together leave a whole site."""
import os
import shutil
import subprocess
import sys

from generator.generate.lock import BuildLock, Busy

from helpers import ROOT, SRC, copy_docs, write_configs


def _build(src, out, configs):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    args = [a for path in configs.values() for a in ("-f", str(path))]
    return subprocess.Popen([sys.executable, "-m", "generator", "--src", str(src), "--out", str(out / "build"),
                             "build", *args], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)


def page_of(markdown: str) -> str:
    """The HTML file MkDocs builds from a Markdown page (directory URLs)."""
    stem = markdown[:-3]
    return stem + ".html" if stem == "index" or stem.endswith("/index") else stem + "/index.html"


def test_a_second_lock_on_the_same_folder_is_refused_naming_the_first(tmp_path):
    with BuildLock(tmp_path):
        try:
            with BuildLock(tmp_path):
                raise AssertionError("two locks at once")
        except Busy as e:
            assert f"process {os.getpid()}" in str(e) and "nothing was changed" in str(e)
    with BuildLock(tmp_path):                       # released: taken again
        pass


def test_a_build_started_while_another_runs_stops_with_a_message_and_changes_nothing(tmp_path):
    src = copy_docs(tmp_path / "src", ["isecg-coordination"])
    configs = write_configs(src, tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as last published")
    with BuildLock(tmp_path / "build"):             # another build, here
        second = _build(src, tmp_path, configs)
        _, err = second.communicate(timeout=120)
    assert second.returncode == 1
    assert "build: error: process" in err and "is building in" in err and "nothing was changed" in err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert not (tmp_path / "build" / "docs").exists()


def test_two_builds_started_together_leave_a_whole_site(tmp_path):
    src = copy_docs(tmp_path / "src")
    shutil.copy(SRC / "glossary.yml", src / "glossary.yml")
    configs = write_configs(src, tmp_path)
    first, second = _build(src, tmp_path, configs), _build(src, tmp_path, configs)
    results = [(p.wait(timeout=300), p.stderr.read()) for p in (first, second)]
    assert sorted(status for status, _ in results) in ([0, 0], [0, 1])
    for status, err in results:
        assert status == 0 or "is building in" in err, err
    site, docs = tmp_path / "site", tmp_path / "build" / "docs"
    expected = {page_of(p.relative_to(docs / "ja").as_posix()) for p in (docs / "ja").rglob("*.md")}
    expected |= {"en/" + page_of(p.relative_to(docs / "en").as_posix()) for p in (docs / "en").rglob("*.md")}
    assert len(expected) > 20
    assert {p.relative_to(site).as_posix() for p in site.rglob("index.html")} == expected
