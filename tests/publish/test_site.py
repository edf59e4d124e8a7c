"""Publishing the site: both editions built at the same time, the same bytes as `mkdocs build` of
each; MkDocs' warnings, broken configurations, failed editions and broken links stop the build with
the file named, and leave the published site as it was."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.publish.site import publish

from helpers import ROOT, SRC, build_site, copy_docs


def small_project(root: Path, page: str, strict: bool, extra: str = "") -> Path:
    """A MkDocs project of one page (MkDocs' own theme: nothing of ours involved)."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(page, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(f"site_name: t\nstrict: {'true' if strict else 'false'}\n{extra}", encoding="utf-8")
    return config


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_build_writes_the_site_mkdocs_build_writes_per_edition(tmp_path):
    src = copy_docs(tmp_path / "src")
    shutil.copy(SRC / "glossary.yml", src / "glossary.yml")
    env = {"SOURCE_DATE_EPOCH": "1739318400"}
    ours = build_site(src, tmp_path / "out", env=env, jobs=2)         # (the pool, and the editions side by side)
    theirs = tmp_path / "mkdocs-site"
    for lang, site_dir in (("ja", theirs), ("en", theirs / "en")):
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tmp_path / "out" / f"mkdocs.{lang}.yml"),
                        "-d", str(site_dir)], check=True, cwd=ROOT, capture_output=True,
                       env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env))
    expected = files(theirs)
    assert len(expected) > 60 and "en/index.html" in expected and "leo-activity-2025/3/index.html" in expected
    assert files(ours) == expected                       # (so setting the raw HTML aside changed no byte)
    assert not (tmp_path / "out" / "build" / "staging").exists()


def test_the_editions_are_built_at_the_same_time_in_two_processes(tmp_path):
    """Each edition's hook waits (polling) until the other edition's build has begun: built one after
    the other, the first would wait in vain and fail."""
    hook = tmp_path / "meet.py"
    hook.write_text(
        "import os, sys, time\nfrom pathlib import Path\n"
        "def on_pre_build(config, **kwargs):\n"
        "    here = Path(config.config_file_path).parent\n"
        "    (here / 'started').write_text(str(os.getpid()))\n"
        "    other = here.parent / ('en' if here.name == 'ja' else 'ja') / 'started'\n"
        "    deadline = time.monotonic() + 30\n"
        "    while not other.exists() and time.monotonic() < deadline:\n"
        "        time.sleep(0.01)\n"
        "    assert other.exists(), 'the other edition is not being built'\n")
    configs = [small_project(tmp_path / lang, f"# {lang}\n", strict=True, extra=f"hooks: [{hook}]\n")
               for lang in ("ja", "en")]
    status, timing = publish(configs, strict=True, jobs=2, scratch=tmp_path / "staging")
    assert status == 0
    pids = {(tmp_path / lang / "started").read_text() for lang in ("ja", "en")}
    assert len(pids) == 2 and str(os.getpid()) not in pids
    assert (tmp_path / "ja" / "site" / "index.html").exists() and (tmp_path / "en" / "site" / "index.html").exists()
    assert timing.mkdocs > 0


def warning_project(root: Path) -> Path:
    """A project whose build warns: a page left out of the navigation."""
    config = small_project(root, "# A\n", strict=False,
                           extra="nav: [index.md]\nvalidation: {nav: {omitted_files: warn}}\n")
    (root / "docs" / "other.md").write_text("# B\n", encoding="utf-8")
    return config


def test_a_mkdocs_warning_stops_a_strict_build_naming_the_config(tmp_path, capfd):
    config = warning_project(tmp_path)
    status, _ = publish([config], strict=True, jobs=1, scratch=tmp_path / "staging")
    err = capfd.readouterr().err
    assert status == 1
    assert "WARNING" in err and "other.md" in err                   # what and where
    assert f"{config}: error: MkDocs stopped" in err
    assert not (tmp_path / "site").exists()


def test_without_strict_the_warning_is_shown_and_the_site_built(tmp_path, capfd):
    config = warning_project(tmp_path)
    status, _ = publish([config], strict=False, jobs=1, scratch=tmp_path / "staging")
    assert status == 0
    assert "WARNING" in (err := capfd.readouterr().err) and "other.md" in err
    assert (tmp_path / "site" / "index.html").exists()


def test_a_broken_config_is_reported_with_its_file_and_nothing_is_published(tmp_path, capfd):
    bad = tmp_path / "bad" / "mkdocs.yml"
    bad.parent.mkdir()
    bad.write_text("site_name: t\nnav: [x\n", encoding="utf-8")
    good = small_project(tmp_path / "good", "# A\n", strict=True)
    status, _ = publish([good, bad], strict=True, jobs=2, scratch=tmp_path / "staging")
    err = capfd.readouterr().err
    assert status == 1
    assert f"{bad}: error:" in err and "line 3" in err
    assert not (tmp_path / "good" / "site").exists()                 # the other edition is not published alone


def test_a_failed_edition_leaves_the_published_site_as_it_was(tmp_path):
    ja = small_project(tmp_path / "ja", "# ja\n", strict=True)
    en = small_project(tmp_path / "en", "# en\n\n[x](missing.md)\n", strict=True)
    site = tmp_path / "ja" / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as last published")
    status, _ = publish([ja, en], strict=True, jobs=2, scratch=tmp_path / "staging")
    assert status == 1
    assert files(site) == {"index.html": b"the site as last published"}
    assert not (tmp_path / "staging").exists()


def test_a_broken_link_stops_the_build_before_the_site_is_replaced(tmp_path, capfd):
    config = small_project(tmp_path, '# A\n\n<p><a href="gone/">raw HTML: MkDocs does not check it</a></p>\n',
                           strict=True)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as last published")
    status, _ = publish([config], strict=True, jobs=1, scratch=tmp_path / "staging")
    err = capfd.readouterr().err
    assert status == 1
    assert 'error: link "gone/" leads to no page or file [link-broken]' in err
    assert "the site was not published" in err
    assert files(site) == {"index.html": b"the site as last published"}


def test_the_english_edition_lands_inside_the_japanese_site(tmp_path):
    ja = small_project(tmp_path / "ja", "# ja\n", strict=True)
    en = small_project(tmp_path / "en", "# en\n", strict=True,
                       extra=f"site_dir: {tmp_path / 'ja' / 'site' / 'en'}\n")
    for jobs in (1, 2):
        status, _ = publish([ja, en], strict=True, jobs=jobs, scratch=tmp_path / "staging")
        assert status == 0
        built = files(tmp_path / "ja" / "site")
        assert "index.html" in built and "en/index.html" in built
        assert b"<h1" in built["en/index.html"] and b"en</h1>" in built["en/index.html"].replace(b"\n", b"")
