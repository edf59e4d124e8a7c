"""The live preview (`make serve`): a real `mkdocs serve` with the Makefile's flags; an edit in
docs_src/ (a translation, a source text) shows in the served pages after one rebuild, of the
pages the edit changed only."""
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.request

import polib

from helpers import ROOT, SRC, copy_docs, eventually, write_configs


def serve_flags() -> list[str]:
    """The flags `make serve` gives `mkdocs serve`."""
    return re.search(r"^SERVE_FLAGS \?= ?(.*)$", (ROOT / "Makefile").read_text(), re.M).group(1).split()


def wait_for(condition, what: str, seconds: float = 90) -> None:
    assert eventually(condition, seconds, 0.05), f"gave up waiting: {what}"


def fetch(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    except OSError:
        return ""


def test_each_edit_shows_after_one_rebuild_of_the_pages_it_changed(tmp_path):
    assert "--dirty" in serve_flags()
    src = copy_docs(tmp_path / "src")
    shutil.copy(SRC / "glossary.yml", src / "glossary.yml")
    config = write_configs(src, tmp_path)["ja"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), TMPDIR=str(tmp_path / "tmp"))
    subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(tmp_path / "build"), "generate"],
                   check=True, env=env, cwd=ROOT, capture_output=True)          # MkDocs needs the docs_dir
    (tmp_path / "tmp").mkdir()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", *serve_flags(), "-f", str(config),
                                   "-a", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:
        wait_for(lambda: "Serving on" in log.read_text(), "the first build")
        # only docs_src/ is watched, not the docs_dir the generator writes: its writes set off no build
        watched = re.search(r"Watching paths for changes: (.*)", log.read_text()).group(1)
        assert set(re.findall(r"'([^']*)'", watched)) == {str(config), str(src)}, watched
        [site] = (tmp_path / "tmp").glob("mkdocs_*")                       # where mkdocs serve builds
        untouched = site / "leo-activity-2025" / "index.html"
        before = untouched.stat().st_mtime_ns
        url = f"http://127.0.0.1:{port}/isecg-coordination/parallel/"
        assert "In particular" in fetch(url)
        po_path = src / "isecg-coordination" / "en.po"
        po = polib.pofile(str(po_path), wrapwidth=0)
        entry = next(e for e in po if e.msgctxt == "6-p3")
        entry.msgstr = entry.msgstr.replace("In particular", "Specifically")
        po.save(str(po_path))
        wait_for(lambda: "Specifically" in fetch(url), "the translation edit in the served page")
        wait_for(lambda: log.read_text().count("Reloading browsers") == 1, "the end of the rebuild")
        after_start = log.read_text().split("Serving on", 1)[1]
        assert after_start.count("Building documentation") == 1, after_start
        assert untouched.stat().st_mtime_ns == before                      # a page the edit did not change
        source = src / "isecg-coordination" / "source.txt"
        source.write_text(source.read_text(encoding="utf-8").replace("６．まとめ", "６．まとめ（改訂）"), encoding="utf-8")
        wait_for(lambda: "まとめ（改訂）" in fetch(f"http://127.0.0.1:{port}/isecg-coordination/"),
                 "the source edit in the served page")
        wait_for(lambda: log.read_text().count("Reloading browsers") == 2, "the end of the second rebuild")
        after_start = log.read_text().split("Serving on", 1)[1]
        assert after_start.count("Building documentation") == 2, after_start
        assert "WARNING" not in after_start and "ERROR" not in after_start and "Aborted" not in after_start, after_start
        assert untouched.stat().st_mtime_ns == before
    finally:
        server.terminate()
        server.wait(timeout=30)
