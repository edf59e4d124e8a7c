"""Incremental generation: nothing changed → nothing rewritten; one edit → only its pages."""
import os
import re
import subprocess
import sys

import polib

from conftest import ROOT, SRC, copy_docs


def generate(src, out, *extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "generator", "--src", str(src), "--out", str(out), "generate", *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return done.stderr


def snapshot(out):
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (out / "docs").rglob("*") if p.is_file()}


def test_no_op_and_one_file_change(tmp_path):
    src = copy_docs(tmp_path / "src")
    (src / "glossary.yml").write_bytes((SRC / "glossary.yml").read_bytes())
    out = tmp_path / "build"
    first = generate(src, out)
    assert int(re.search(r"(\d+) file\(s\) rewritten", first).group(1)) > 30
    before = snapshot(out)
    again = generate(src, out)
    assert "nothing changed, 0 file(s) rewritten" in again
    assert "table-uncurated" in again                      # diagnostics are replayed, not lost
    assert snapshot(out) == before

    po = polib.pofile(str(src / "isecg-coordination" / "en.po"), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == "6-p3")
    entry.msgstr = entry.msgstr.replace("In particular", "Specifically")
    po.save(str(src / "isecg-coordination" / "en.po"))
    generate(src, out)
    after = snapshot(out)
    changed = sorted(str(p.relative_to(out / "docs")) for p in after if before[p] != after[p])
    assert changed == ["en/isecg-coordination/index.md", "en/isecg-coordination/parallel.md", "en/search-index.js",
                       "ja/isecg-coordination/parallel.md"]


def test_cached_parses_replay_their_diagnostics_and_edits_are_reparsed(tmp_path):
    src = copy_docs(tmp_path / "src", ["isecg-coordination"])
    out = tmp_path / "build"
    cold = generate(src, out, "--force")
    warm = generate(src, out, "--force")
    assert cold.splitlines()[:-1] == warm.splitlines()[:-1]   # same diagnostics from the cache
    assert list((out / "cache").glob("*.pickle"))
    source = src / "isecg-coordination" / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("６．まとめ", "６．総括"), encoding="utf-8")
    generate(src, out)
    assert "６．総括" in (out / "docs" / "ja" / "isecg-coordination" / "index.md").read_text(encoding="utf-8")
