"""Benchmark: wall time and peak memory of generation and of the full build, on the real
documents and on synthetic corpora of 10, 100 and 300 documents; no-op and one-file
regeneration; the plain-MkDocs baseline; output sizes; a profile of generation.

Usage: python bench/run.py [--sizes 10,100,300] [--write]   (make bench)
Prints a table; --write also records it in BENCHMARKS.md. Not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import workers  # noqa: E402

PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1739318400")


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float, str, float]:
    """(wall seconds, peak RSS in MiB of that process, stderr, CPU seconds of it and its workers).
    The disk is synced first, so that no step pays for writing out what the one before it wrote."""
    os.sync()
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:      # a pipe could fill up and block
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)       # usage includes the worker processes it waited for
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        err = log.read()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024, err, usage.ru_utime + usage.ru_stime


def configs(work: Path) -> list[Path]:
    """MkDocs configs building work/build/docs/<lang> into work/site (ja) and work/site/en."""
    from generator.siteconfig import write_configs
    return list(write_configs(work / "docs_src", work).values())


def generate(work: Path, *extra: str) -> tuple[float, float, str, float]:
    return run([PY, "-m", "generator", "--src", str(work / "docs_src"), "--out", str(work / "build"),
                "generate", *extra])


def repeated(work: Path, *extra: str, runs: int = 3) -> tuple[float, float, str, float]:
    """A regeneration that leaves everything as it was (nothing changed, or every document from
    the cache), the median of `runs`: a run right after a large MkDocs build is sometimes several
    times slower than the next, while the machine writes that build out."""
    results = [generate(work, *extra) for _ in range(runs)]
    return sorted(results, key=lambda r: r[0])[len(results) // 2]


def set_aside(work: Path, name: str) -> None:
    """An earlier run's output folder moved out of the way under a name of its own (not deleted:
    see `cold_generation`)."""
    if (work / name).exists():
        (work / name).rename(work / f"{name}.earlier-{time.monotonic_ns()}")


def cold_generation(work: Path, runs: int = 3) -> tuple[float, float, str, float]:
    """Generation from nothing (no earlier output, no cache), the median of `runs` runs: the
    machine's disk and CPU speed vary from run to run. An earlier run's output is moved aside,
    not deleted: on a file system without a journal (as here), ext4 does not reuse the inodes of
    files deleted in the last minutes and scans past them, which would charge the next run for
    this script's own deletions (MkDocs, building into a new folder, pays no such cost)."""
    results = []
    for _ in range(runs):
        set_aside(work, "build")
        results.append(generate(work))
    return sorted(results, key=lambda r: r[0])[len(results) // 2]


def mkdocs(work: Path, runs: int = 1) -> tuple[float, float]:
    """Both editions built by MkDocs (the median of `runs` builds), each into a new folder: an
    earlier build is moved aside, for the reason given in `cold_generation` (MkDocs would
    delete it first)."""
    results = []
    for _ in range(runs):
        set_aside(work, "site")
        total, peak = 0.0, 0.0
        for config in configs(work):
            t, m, _, _ = run([PY, "-m", "mkdocs", "build", "--quiet", "-f", str(config)], cwd=work)
            total, peak = total + t, max(peak, m)
        results.append((total, peak))
    return sorted(results)[len(results) // 2]


def full_build(work: Path, runs: int = 1) -> tuple[float, float, float, float, float]:
    """The full build from nothing, as `make site` runs it: `python -m generator build` (generation
    in a forked process while MkDocs and the configurations load, then MkDocs reading each edition
    while it is written), the median of `runs`, into new folders (see `cold_generation`). (wall seconds, peak MiB, and
    as the command measured them: the generator's own seconds, the seconds the build waited for
    it, MkDocs' seconds.)"""
    results = []
    for _ in range(runs):
        for name in ("build", "site"):
            set_aside(work, name)
        config_args = [arg for config in configs(work) for arg in ("-f", str(config))]
        t, m, err, _ = run([PY, "-m", "generator", "--src", str(work / "docs_src"), "--out", str(work / "build"),
                            "build", *config_args], cwd=work)
        parts = re.search(r"build: generation ([\d.]+) s \(the build waited ([\d.]+) s .*MkDocs ([\d.]+) s", err)
        results.append((t, m, *(float(x) for x in parts.groups())))
    return sorted(results)[len(results) // 2]


def full_build_row(row, what: str, build: tuple, baseline: float) -> None:
    f, fm, own, waited, mk = build
    row(what, f, fm, f"generator {own:.2f} s, of which the build waited {waited:.2f} s; MkDocs {mk:.2f} s. "
                     f"Generator share {100 * waited / f:.1f} % (its own time: {100 * own / f:.1f} %); "
                     f"full/baseline {f / baseline:.2f}")


def runs_for(n: int) -> int:
    """Runs of cold generation for a corpus of n documents: five for small ones, whose second or
    so is the most at the mercy of this machine's noise; three for the rest."""
    return 5 if n <= 10 else 3


def po_entry_edited(po_path: Path) -> tuple[polib.POFile, str]:
    """The PO file with one entry's "In particular" made "Specifically" (or back), not saved yet,
    and the words the entry now has."""
    po = polib.pofile(str(po_path), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == "6-p3")
    old, new = ("In particular", "Specifically") if "In particular" in entry.msgstr else ("Specifically", "In particular")
    entry.msgstr = entry.msgstr.replace(old, new)
    return po, new


def edit_one_po_entry(po_path: Path) -> None:
    po, _ = po_entry_edited(po_path)
    po.save(str(po_path))


def rewritten(err: str) -> int:
    m = re.search(r"(\d+) file\(s\) rewritten", err)
    return int(m.group(1)) if m else -1


def corpus(work: Path, n: int) -> None:
    """n documents made from the real ones: renamed, their titles numbered (metadata and the English
    title), an edition mark inserted into the body text, the PO files kept in step — so that the
    corpus is as clean as the real documents (no stale translations)."""
    import json
    from generator.diagnostics import Reporter
    from generator.documents import parse_text
    from generator.model import Meta
    from generator.segments import segments
    import yaml
    src = work / "docs_src"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    shutil.copy(ROOT / "docs_src" / "glossary.yml", src / "glossary.yml")
    real = sorted(p.parent for p in (ROOT / "docs_src").glob("*/source.txt"))
    for i in range(n):
        origin = real[i % len(real)]
        dest = src / f"{origin.name}-{i:03d}"
        shutil.copytree(origin, dest)
        mark_ja, mark_en = f"（第{i + 1}版）", f" (Edition {i + 1})"
        meta = yaml.safe_load((dest / "meta.yml").read_text(encoding="utf-8"))
        lines = [f"title: {json.dumps(meta['title'] + mark_ja, ensure_ascii=False)}" if l.startswith("title:") else
                 f"title_en: {json.dumps(meta['title_en'] + mark_en)}" if l.startswith("title_en:") else l
                 for l in (dest / "meta.yml").read_text(encoding="utf-8").splitlines()]
        (dest / "meta.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        # inside a line (not at its end), so that no line gets longer than the printed width
        text = (dest / "source.txt").read_text(encoding="utf-8")
        line = next(l for l in text.splitlines() if "。" in l.rstrip()[:-1])
        at = line.index("。") + 1
        changed = text.replace(line, line[:at] + mark_ja + line[at:], 1)
        (dest / "source.txt").write_text(changed, encoding="utf-8")
        before = {s.id: s.source for s in segments(parse_text(text, "x", Meta(slug="x"), Reporter()))}
        after = {s.id: s.source for s in segments(parse_text(changed, "x", Meta(slug="x"), Reporter()))}
        po = polib.pofile(str(dest / "en.po"), wrapwidth=0)
        for e in po:
            if e.msgctxt in after and after[e.msgctxt] != before.get(e.msgctxt):
                e.msgid, e.msgstr = after[e.msgctxt], e.msgstr + mark_en
            elif e.msgctxt == "title":
                e.msgstr += mark_en
        po.save(str(dest / "en.po"))


def serve_flags() -> list[str]:
    """The flags `make serve` gives `mkdocs serve`."""
    return re.search(r"^SERVE_FLAGS \?= ?(.*)$", (ROOT / "Makefile").read_text(), re.M).group(1).split()


def preview(work: Path, flags: list[str]) -> tuple[float, float, int]:
    """The edit-preview loop as `make serve` runs it (`mkdocs serve` with `flags`, the Japanese
    edition): (seconds until it serves, seconds from saving one PO entry to the served side-by-side
    page showing it, MkDocs builds the edit set off)."""
    import socket
    import urllib.request
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    slug = sorted(p.parent.name for p in (work / "docs_src").glob("isecg*/source.txt"))[0]
    url = f"http://127.0.0.1:{port}/{slug}/parallel/"

    def page() -> str:
        try:
            return urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
        except OSError:
            return ""
    with tempfile.NamedTemporaryFile("w+", encoding="utf-8", suffix=".log") as log:
        start = time.perf_counter()
        server = subprocess.Popen([PY, "-m", "mkdocs", "serve", *flags, "-f", str(configs(work)[0]),
                                   "-a", f"127.0.0.1:{port}"], cwd=work, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        try:
            while "Serving on" not in Path(log.name).read_text(encoding="utf-8"):
                time.sleep(0.05)
            started = time.perf_counter() - start
            po_path = work / "docs_src" / slug / "en.po"
            po, new = po_entry_edited(po_path)
            saved = time.perf_counter()
            po.save(str(po_path))
            while new not in page():
                time.sleep(0.02)
            shown = time.perf_counter() - saved
            time.sleep(2)                # a second build set off by the first would have begun by now
            builds = Path(log.name).read_text(encoding="utf-8").split("Serving on", 1)[1].count("Building documentation")
        finally:
            server.terminate()
            server.wait()
    return started, shown, builds


def site_sizes(site: Path) -> tuple[int, int]:
    """(bytes of the whole site, gzip bytes of one document page with the assets it loads, fonts excluded)."""
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    page = next(site.glob("leo-activity-2025*/3/index.html"))
    html = page.read_text(encoding="utf-8")
    assets = [page] + [(page.parent / ref).resolve() for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html)]
    return total, sum(len(gzip.compress(p.read_bytes(), mtime=0)) for p in assets if p.exists())


def search_timing(site: Path, queries=("地球低軌道", "クロスウェーバー", "調達", "ＩＳＳ")) -> str:
    """Index size, index load time and query time of the site search, in headless Chromium
    (skipped when Playwright or Debian's chromium is not installed)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "search: not measured (Playwright not installed: make test-deps)"
    if not Path("/usr/bin/chromium").exists():
        return "search: not measured (no /usr/bin/chromium)"
    size = (site / "search-index.js").stat().st_size
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto((site / "index.html").as_uri())
        start = time.perf_counter()
        page.focus("[data-search-input]")
        page.wait_for_function("window.__searchIndex !== undefined")
        load = time.perf_counter() - start
        times = []
        for q in queries:
            ms = page.evaluate("""q => { const i = document.querySelector('[data-search-input]');
                i.value = q; const t = performance.now(); i.dispatchEvent(new Event('input'));
                return performance.now() - t; }""", q)
            times.append(f"{q} {ms:.1f} ms")
        browser.close()
    return (f"search: index {size / 1024:.0f} KiB (Japanese edition), loaded and prepared in {1000 * load:.0f} ms; "
            f"query + rendering of results: {', '.join(times)}")


def _top(prof: cProfile.Profile, restriction: str, n: int) -> str:
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(restriction, n)
    lines = [l for l in out.getvalue().splitlines() if re.match(r"\s+\d+(/\d+)?\s+\d", l)]
    return "\n".join(l[:140] for l in lines[:n])


def profile_generation(work: Path) -> str:
    """Where generation spends its time (one process: --jobs 1, so that the profile sees everything)."""
    from generator.cli import main
    prof = cProfile.Profile()
    prof.enable()
    main(["--src", str(work / "docs_src"), "--out", str(work / "prof"), "generate", "--force", "--jobs", "1"])
    prof.disable()
    return _top(prof, r"generator/", 14)


def profile_mkdocs(work: Path) -> str:
    """Where MkDocs spends its time building the Japanese edition of the Markdown generated."""
    import logging
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(configs(work)[0]))
    prof = cProfile.Profile()
    prof.enable()
    build(config)
    prof.disable()
    return _top(prof, r"(mkdocs|markdown|jinja2|material|html/parser)", 14)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10,100,300")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    rows: list[tuple[str, str, str, str]] = []
    notes: list[str] = []
    # the generator's bytecode, as `make` compiles it (no run below should compile the modules again)
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)

    def row(what, seconds, mib="", extra=""):
        rows.append((what, f"{seconds:.2f}" if isinstance(seconds, float) else seconds, f"{mib:.0f}" if mib else "", extra))
        print(f"{what:<52} {rows[-1][1]:>8} s {rows[-1][2]:>6} MiB  {extra}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "real"
        work.mkdir()
        shutil.copytree(ROOT / "docs_src", work / "docs_src")
        g, gm, err, gc = cold_generation(work, runs_for(2))
        row("real documents (2): generation", g, gm, f"{rewritten(err)} files written; CPU {gc:.2f} s")
        b, bm = mkdocs(work, 3)
        row("real documents (2): MkDocs only, both editions (baseline)", b, bm)
        full_build_row(row, "real documents (2): full build (`make site`)", full_build(work, 3), b)
        noop, nm, err, _ = repeated(work)
        row("real documents (2): no-op regeneration", noop, nm, f"{rewritten(err)} files rewritten")
        warm, wm, err, _ = repeated(work, "--force")
        row("real documents (2): regeneration, documents cached", warm, wm,
            f"{rewritten(err)} files rewritten; {100 * warm / (warm + b):.1f} % of it + the baseline")
        before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (work / "build" / "docs").rglob("*") if p.is_file()}
        edit_one_po_entry(work / "docs_src" / "isecg-coordination" / "en.po")
        one, om, err, _ = generate(work)
        after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (work / "build" / "docs").rglob("*") if p.is_file()}
        changed = sorted(str(p.relative_to(work / "build" / "docs")) for p in after if before.get(p) != after[p])
        row("real documents (2): one PO entry edited", one, om,
            f"{rewritten(err)} files rewritten: {', '.join(changed)}")
        for flags, what in ((serve_flags(), "`make serve`"), ([], "`mkdocs serve` rebuilding every page")):
            started, shown, builds = preview(work, flags)
            row(f"real documents (2): edit shown by {what}", shown, "",
                f"one PO entry saved → the served page shows it; {builds} build(s); the server started in {started:.2f} s")
        notes.append(search_timing(work / "site"))
        total, page_gz = site_sizes(work / "site")
        notes.append(f"Output: whole site {total / 1e6:.2f} MB (both editions, all files); one document page "
                     f"(leo-activity-2025/3/) with the CSS and JS it loads: {page_gz / 1024:.0f} KiB gzip-compressed "
                     f"(no web fonts).")
        profile = profile_generation(work)
        mkdocs_profile = profile_mkdocs(work)
        timings, works = {}, {}
        for n in [int(x) for x in args.sizes.split(",") if x]:
            work = works[n] = Path(tmp) / f"corpus-{n}"
            work.mkdir()
            corpus(work, n)
            g, gm, err, gc = cold_generation(work, runs_for(n))
            b, bm = mkdocs(work, 3 if n <= 10 else 1)
            row(f"synthetic corpus ({n} documents): generation", g, gm,
                f"{1000 * g / n:.1f} ms/document; CPU {gc:.2f} s on {workers.cores()} cores")
            row(f"synthetic corpus ({n} documents): MkDocs only (baseline)", b, bm, f"{1000 * b / n:.1f} ms/document")
            full = full_build(work, 3)
            full_build_row(row, f"synthetic corpus ({n} documents): full build", full, b)
            timings[n] = (g, full[0], gm, gc)
            noop, nm, err, _ = repeated(work)
            row(f"synthetic corpus ({n} documents): no-op regeneration", noop, nm, f"{rewritten(err)} files rewritten")
            warm, wm, err, _ = repeated(work, "--force")
            row(f"synthetic corpus ({n} documents): regeneration, documents cached", warm, wm,
                f"{1000 * warm / n:.1f} ms/document; {100 * warm / (warm + b):.1f} % of it + the baseline")
            edit_one_po_entry(work / "docs_src" / "isecg-coordination-000" / "en.po")
            one, om, err, _ = generate(work)
            row(f"synthetic corpus ({n} documents): one PO entry edited", one, om, f"{rewritten(err)} files rewritten")
            for flags, what in ((serve_flags(), "`make serve`"), ([], "`mkdocs serve` rebuilding every page")):
                if flags or n <= 100:
                    started, shown, builds = preview(work, flags)
                    row(f"synthetic corpus ({n} documents): edit shown by {what}", shown, "",
                        f"{builds} build(s); the server started in {started:.2f} s")
            if n == max(int(x) for x in args.sizes.split(",") if x):
                notes.append(f"With {n} documents, " + search_timing(work / "site"))
            # kept until the end (not deleted now, for the reason in cold_generation)
        if 100 in timings and 300 in timings:
            # cold generation of the two corpora in turn, three times each: the machine's speed drifts
            # over the minutes between the measurements above
            turns = {100: [], 300: []}
            for _ in range(3):
                for n in turns:
                    turns[n].append(cold_generation(works[n], 1))
            g1, c1 = (sorted(r[i] for r in turns[100])[1] for i in (0, 3))
            g3, c3 = (sorted(r[i] for r in turns[300])[1] for i in (0, 3))
            _, f1, m1, _ = timings[100]
            _, f3, m3, _ = timings[300]
            notes.append(f"Growth: time(300)/time(100) = {g3 / g1:.2f} for generation ({c3 / c1:.2f} in CPU time; the "
                         f"medians of three cold generations of each corpus, measured in turn), {f3 / f1:.2f} for "
                         f"the full build (measured minutes apart: the machine's speed drifts) — 3.00 is linear; "
                         f"generation's peak "
                         f"memory {m1 / 100:.2f} MiB/document at 100, {m3 / 300:.2f} MiB/document at 300.")
    cpu = os.cpu_count()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    machine = f"{platform.machine()}, {cpu} cores, {mem:.0f} GiB memory, Python {platform.python_version()}"
    print("\n".join(notes))
    print("Profile of generation (real documents, cumulative seconds):\n" + profile)
    print("Profile of MkDocs (real documents, Japanese edition):\n" + mkdocs_profile)
    if args.write:
        old = (ROOT / "BENCHMARKS.md").read_text(encoding="utf-8") if (ROOT / "BENCHMARKS.md").exists() else ""
        kept = old[old.index("## Lighthouse"):] if "## Lighthouse" in old else ""     # written by hand
        table = "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)
        (ROOT / "BENCHMARKS.md").write_text(
            "# Benchmarks\n\n"
            f"Produced by `make bench` (`python bench/run.py --sizes {args.sizes} --write`) on {machine}.\n"
            "Wall time of each step as a separate process; peak memory is that process's maximum resident set;\n"
            "CPU is user + system time of the process and its worker processes. Cold generation (nothing\n"
            "generated, no cache) is the median of five runs (up to 10 documents) or three, MkDocs the median\n"
            "of three builds up to 10 documents (one above); no-op and cached regenerations the median of\n"
            "three; an earlier run's output is moved aside, not\n"
            "deleted (see `cold_generation`). The generator's bytecode is compiled first, as `make` does,\n"
            "and the disk is synced before each step.\n"
            "The baseline is plain `mkdocs build` (both editions, one process each) of the Markdown the generator\n"
            "wrote. The full build is `python -m generator build` (what `make site` runs): generation in a forked\n"
            "process while MkDocs and the two configurations load; MkDocs starts on the Japanese edition once\n"
            "every document is parsed and reads each page as soon as it is written, while the rest and the\n"
            "English edition are generated. It measures its parts itself; the generator share is the time the\n"
            "build waited for generation (before MkDocs could start, and for any page not yet written when\n"
            "MkDocs wanted it) over the build's\n"
            "wall time (what the generator adds to it), and in brackets the generator's own time over the\n"
            "same wall time. Full builds are the median of three.\n"
            "The edit-preview loop: `mkdocs serve` of the Japanese edition as `make serve` runs it, one PO entry\n"
            "saved, the time until the served side-by-side page shows it (one run; up to 100 documents also\n"
            "without `--dirty`, every page rebuilt at every change).\n\n"
            "| step | wall time (s) | peak memory (MiB) | notes |\n|---|---:|---:|---|\n" + table + "\n\n"
            + "\n\n".join(notes) + "\n\n## Where the time goes\n\n"
            "Generation of the real documents in one process (`--jobs 1`), cumulative seconds:\n\n```\n" + profile
            + "\n```\n\nMkDocs building the Japanese edition of the real documents, cumulative seconds:\n\n```\n"
            + mkdocs_profile + "\n```\n"
            + ("\n" + kept if kept else ""), encoding="utf-8")
        print("written: BENCHMARKS.md")


if __name__ == "__main__":
    main()
