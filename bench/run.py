"""Benchmark: wall time, CPU and peak memory of the steps of a build, on the real documents and on
synthetic corpora of 10, 100 and 300 documents, against plain `mkdocs build`; no-op and one-file
regeneration; the edit-preview loop; output sizes; profiles.

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
import threading
import time
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.generate.tasks import cores  # noqa: E402

PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1739318400")


def _children() -> dict[int, list[int]]:
    """Every process's children (from /proc)."""
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(entry))
    return kids


def _tree_rss(pid: int) -> int:
    """The resident memory of a process and all its descendants, in bytes."""
    kids, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        todo += kids.get(p, [])
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float, str, float]:
    """(wall seconds, peak memory in MiB of the process and its children together — sampled every
    20 ms — stderr, CPU seconds of it and its children). The disk is synced first, so that no step
    pays for writing out what the one before it wrote."""
    os.sync()
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:      # a pipe could fill up and block
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=log)
        peak, done = [0], threading.Event()

        def sample():
            while not done.wait(0.02):
                peak[0] = max(peak[0], _tree_rss(proc.pid))
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)       # usage includes the children it waited for
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        err = log.read()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return time.perf_counter() - start, max(peak[0], usage.ru_maxrss * 1024) / 2 ** 20, err, \
        usage.ru_utime + usage.ru_stime


def configs(work: Path, stash: bool = False) -> list[Path]:
    """MkDocs configs building work/build/docs/<lang> into work/site (ja) and work/site/en; with
    `stash`, Python-Markdown sets the generator's raw HTML aside as `generator build` does."""
    from generator.publish.siteconfig import write_configs
    paths = list(write_configs(work / "docs_src", work).values())
    if not stash:
        return paths
    import yaml
    stashed = []
    for path in paths:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
        config["markdown_extensions"] = config["markdown_extensions"] + ["generator.publish.rawhtml:GeneratedHtmlExtension"]
        stashed.append(path.with_name(path.stem + ".stash.yml"))
        stashed[-1].write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return stashed


def generate(work: Path, *extra: str) -> tuple[float, float, str, float]:
    return run([PY, "-m", "generator", "--src", str(work / "docs_src"), "--out", str(work / "build"),
                "generate", *extra])


def median(results: list[tuple]) -> tuple:
    return sorted(results, key=lambda r: r[0])[len(results) // 2]


def repeated(work: Path, *extra: str, runs: int = 3) -> tuple[float, float, str, float]:
    """A regeneration that leaves everything as it was (nothing changed, or every document from
    the cache), the median of `runs`."""
    return median([generate(work, *extra) for _ in range(runs)])


def set_aside(work: Path, name: str) -> None:
    """An earlier run's output folder moved out of the way under a name of its own (not deleted:
    on a file system without a journal, as here, ext4 does not reuse the inodes of files deleted
    in the last minutes and scans past them, which would charge the next run for this script's own
    deletions)."""
    if (work / name).exists():
        (work / name).rename(work / f"{name}.earlier-{time.monotonic_ns()}")


def cold_generation(work: Path, runs: int = 3) -> tuple[float, float, str, float]:
    """Generation from nothing (no earlier output, no cache), the median of `runs` runs."""
    results = []
    for _ in range(runs):
        set_aside(work, "build")
        results.append(generate(work))
    return median(results)


def plain_mkdocs(work: Path, stash: bool = False) -> tuple[float, float, float]:
    """Both editions built by plain `mkdocs build`, one after the other, into a new folder:
    (wall seconds, peak MiB, CPU seconds). With `stash`, with the generator's raw HTML set aside."""
    set_aside(work, "site")
    total, peak, cpu = 0.0, 0.0, 0.0
    for config in configs(work, stash):
        t, m, _, c = run([PY, "-m", "mkdocs", "build", "--quiet", "-f", str(config)], cwd=work)
        total, peak, cpu = total + t, max(peak, m), cpu + c
    return total, peak, cpu


def full_build(work: Path) -> tuple[float, float, str, float]:
    """The full build from nothing, as `make site` runs it (`python -m generator build --strict`:
    generation, both editions side by side, the link check, then the site published), into new
    folders."""
    for name in ("build", "site"):
        set_aside(work, name)
    args = [arg for config in configs(work) for arg in ("-f", str(config))]
    return run([PY, "-m", "generator", "--src", str(work / "docs_src"), "--out", str(work / "build"),
                "build", "--strict", *args], cwd=work)


def parts(err: str) -> str:
    """The parts of a full build as it reports them."""
    m = re.search(r"build: generation ([\d.]+) s, MkDocs ([\d.]+) s .*link check ([\d.]+) s \((\d+) internal", err)
    assert m, err
    return f"generation {m[1]} s, MkDocs {m[2]} s (both editions side by side), link check {m[3]} s ({m[4]} links)"


def alternating(work: Path, pairs: int) -> tuple[list[tuple], list[tuple]]:
    """Full builds and plain-MkDocs baselines measured in turn (`pairs` of each), so that the
    machine's drift weighs on both alike."""
    builds, baselines = [], []
    for _ in range(pairs):
        builds.append(full_build(work))
        baselines.append(plain_mkdocs(work))
    return builds, baselines


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
    from generator.model import Meta
    from generator.parse.documents import parse_text
    from generator.translate.segments import segments
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
        for e in po:                     # (the English mark before the final full stop, as the checks expect)
            if e.msgctxt in after and after[e.msgctxt] != before.get(e.msgctxt):
                end = "." if e.msgstr.endswith(".") else ""
                e.msgid, e.msgstr = after[e.msgctxt], e.msgstr.removesuffix(end) + mark_en + end
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
            while "Reloading browsers" not in Path(log.name).read_text(encoding="utf-8"):
                time.sleep(0.02)         # (the rebuild's end; the docs_dir is not watched, so no other follows)
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


def search_timing(site: Path, queries=("地球低軌道", "クロスウェーバー", "宇宙", "ＩＳＳ", "調達")) -> str:
    """What each query of a fresh page loads of the sharded search index (bytes of the files it
    requests, from file://) and how long it takes to its results shown, in headless Chromium
    (skipped when Playwright or Debian's chromium is not installed); the largest pages."""
    pages = sorted(((p.stat().st_size, p) for p in site.rglob("*.html")), reverse=True)
    glossary = (site / "glossary" / "index.html").stat().st_size
    sizes = (f"glossary page {glossary / 1024:.0f} KiB; largest page {pages[0][0] / 1024:.0f} KiB "
             f"({pages[0][1].relative_to(site)})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return f"search: not measured (Playwright not installed: make test-deps); {sizes}"
    if not Path("/usr/bin/chromium").exists():
        return f"search: not measured (no /usr/bin/chromium); {sizes}"
    everything = sum(p.stat().st_size for p in (site / "search").rglob("*.js"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        loaded: list[str] = []
        page.on("requestfinished", lambda r: loaded.append(r.url) if "/search/" in r.url else None)
        page.goto((site / "index.html").as_uri())
        times = []
        for q in queries:
            before = len(loaded)
            start = time.perf_counter()
            page.fill("[data-search-input]", q)
            page.wait_for_function("q => document.querySelector('[data-search-results]').dataset.done === q", arg=q)
            ms = 1000 * (time.perf_counter() - start)
            files = loaded[before:]
            size = sum(Path(u.removeprefix("file://")).stat().st_size for u in files)
            times.append(f"{q} {size / 1024:.0f} KiB in {len(files)} files, {ms:.0f} ms")
        warm = [page.evaluate("""q => { const t = performance.now();
                    return window.__siteSearch(q).then(() => performance.now() - t); }""", q) for q in queries]
        browser.close()
    return (f"search (index {everything / 1024:.0f} KiB in all, Japanese edition), what each query of one page "
            f"loads and the time to its results shown: {'; '.join(times)}; the same queries again, their shards "
            f"loaded: {', '.join(f'{ms:.0f}' for ms in warm)} ms; {sizes}")


def long_document(work: Path, text: str, what: str) -> str:
    """One long document (untranslated): its build, the site's size and its largest page (navigation
    grouped, long sections in pages by subsection, the side-by-side view in parts)."""
    src = work / "docs_src"
    (src / "long").mkdir(parents=True)
    (src / "long" / "source.txt").write_text(text, encoding="utf-8")
    args = [arg for config in configs(work) for arg in ("-f", str(config))]
    t, peak, err, _ = run([PY, "-m", "generator", "--src", str(src), "--out", str(work / "build"), "build", *args],
                          cwd=work)
    pages = sorted(((p.stat().st_size, p) for p in (work / "site").rglob("*.html")), reverse=True)
    total = sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file())
    source = (src / "long" / "source.txt").stat().st_size
    return (f"One long document, {what} ({source / 1024:.0f} KiB of source, {len(pages)} pages in both editions): "
            f"built in {t:.1f} s, peak {peak:.0f} MiB; site {total / 1e6:.1f} MB; largest page "
            f"{pages[0][0] / 1024:.0f} KiB ({pages[0][1].relative_to(work / 'site')}).")


def long_texts() -> list[tuple[str, str]]:
    """Two shapes of long document: the longest seed 16 times, and one chapter of 40 long subsections."""
    longest = max((ROOT / "docs_src").glob("*/source.txt"), key=lambda p: p.stat().st_size)
    sentence = "地球低軌道における活動の継続的な実施に向けて、関係機関が連携して取組を進めることが重要である。"
    lines = ["長大な章を含む文書", "１．総論", "この章は全体の概要を述べる。"]
    for k in range(1, 41):
        lines += [f"（{k}）第{k}の論点"] + [sentence * 6] * 6
    lines += ["２．おわりに", "以上のとおり整理した。"]
    return [(longest.read_text(encoding="utf-8") * 16, "the longest seed 16 times"),
            ("".join(line + "\n\n" for line in lines), "one chapter of 40 long subsections")]


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
    """Where MkDocs spends its time building the Japanese edition of the Markdown generated, as
    `generator build` runs it (the raw HTML set aside)."""
    import logging
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.publish.rawhtml import GeneratedHtmlExtension
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(str(configs(work)[0]))
    config.site_dir = str(work / "profiled-site")
    config.markdown_extensions.append(GeneratedHtmlExtension())
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
    sizes = [int(x) for x in args.sizes.split(",") if x]
    rows: list[tuple[str, str, str, str]] = []
    notes: list[str] = []
    # the generator's bytecode, as `make` compiles it (no run below should compile the modules again)
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)

    def row(what, seconds, mib="", extra=""):
        rows.append((what, f"{seconds:.2f}" if isinstance(seconds, float) else seconds, f"{mib:.0f}" if mib else "", extra))
        print(f"{what:<60} {rows[-1][1]:>8} s {rows[-1][2]:>6} MiB  {extra}", flush=True)

    def measure(work: Path, what: str, n: int) -> tuple[float, float]:
        """Every row for one corpus; (full build seconds, its ratio to plain MkDocs)."""
        g, gm, err, gc = cold_generation(work, 5 if n <= 10 else 3)
        row(f"{what}: generation", g, gm, f"{1000 * g / n:.1f} ms/document; CPU {gc:.2f} s on {cores()} cores")
        pairs = 3 if n <= 100 else 2
        builds, baselines = alternating(work, pairs)
        f, fm, err, fc = median(builds)
        b, bm, bc = median(baselines)
        sb, sbm, sbc = plain_mkdocs(work, stash=True)
        row(f"{what}: plain `mkdocs build`, both editions in turn (baseline)", b, bm,
            f"CPU {bc:.2f} s; {1000 * b / n:.1f} ms/document")
        row(f"{what}: the same with the raw HTML set aside (`publish.rawhtml`)", sb, sbm,
            f"CPU {sbc:.2f} s; {sb / b:.2f} of the baseline")
        row(f"{what}: full build (`make site`, cold)", f, fm,
            f"{parts(err)}; CPU {fc:.2f} s; **{f / b:.2f} of the baseline** (medians of {pairs}, "
            f"alternating with it: builds {', '.join(f'{x[0]:.1f}' for x in builds)} s, baselines "
            f"{', '.join(f'{x[0]:.1f}' for x in baselines)} s)")
        noop, nm, err, _ = repeated(work)
        row(f"{what}: no-op regeneration", noop, nm, f"{rewritten(err)} files rewritten")
        warm, wm, err, _ = repeated(work, "--force")
        row(f"{what}: regeneration, documents cached", warm, wm, f"{rewritten(err)} files rewritten; "
            f"{1000 * warm / n:.1f} ms/document")
        slug = sorted(p.parent.name for p in (work / "docs_src").glob("isecg*/source.txt"))[0]
        before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (work / "build" / "docs").rglob("*") if p.is_file()}
        edit_one_po_entry(work / "docs_src" / slug / "en.po")
        one, om, err, _ = generate(work)
        after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (work / "build" / "docs").rglob("*") if p.is_file()}
        changed = sorted(str(p.relative_to(work / "build" / "docs")) for p in after if before.get(p) != after[p])
        row(f"{what}: one PO entry edited", one, om, f"{rewritten(err)} files rewritten"
            + (f": {', '.join(changed)}" if n <= 2 else ""))
        started, shown, builds_set_off = preview(work, serve_flags())
        row(f"{what}: edit shown by `make serve`", shown, "",
            f"one PO entry saved → the served page shows it; {builds_set_off} build(s); the server started in "
            f"{started:.2f} s")
        return f, f / b

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "real"
        work.mkdir()
        shutil.copytree(ROOT / "docs_src", work / "docs_src")
        measure(work, "real documents (2)", 2)
        notes.append(search_timing(work / "site"))
        total, page_gz = site_sizes(work / "site")
        notes.append(f"Output: whole site {total / 1e6:.2f} MB (both editions, all files); one document page "
                     f"(leo-activity-2025/3/) with the CSS and JS it loads: {page_gz / 1024:.0f} KiB gzip-compressed "
                     f"(no web fonts).")
        profile = profile_generation(work)
        full: dict[int, float] = {}
        profile_corpus = ""
        for n in sizes:
            work = Path(tmp) / f"corpus-{n}"
            work.mkdir()
            corpus(work, n)
            full[n], _ = measure(work, f"synthetic corpus ({n} documents)", n)
            notes.append(f"With {n} documents, " + search_timing(work / "site"))
            if n == 100:
                profile_corpus = profile_mkdocs(work)
        if 100 in full and 300 in full:
            notes.append(f"Growth of the full build from 100 to 300 documents: ×{full[300] / full[100]:.2f} "
                         f"(3.00 is linear).")
        for k, (text, what) in enumerate(long_texts()):
            notes.append(long_document(Path(tmp) / f"long-{k}", text, what))
    cpu = os.cpu_count()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    machine = f"{platform.machine()}, {cpu} cores, {mem:.0f} GiB memory, Python {platform.python_version()}"
    print("\n".join(notes))
    print("Profile of generation (real documents, cumulative seconds):\n" + profile)
    if profile_corpus:
        print("Profile of MkDocs (100 documents, Japanese edition):\n" + profile_corpus)
    if args.write:
        old = (ROOT / "BENCHMARKS.md").read_text(encoding="utf-8") if (ROOT / "BENCHMARKS.md").exists() else ""
        kept = old[old.index("## Lighthouse"):] if "## Lighthouse" in old else ""     # written by hand
        table = "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)
        (ROOT / "BENCHMARKS.md").write_text(
            "# Benchmarks\n\n"
            f"Produced by `make bench` (`python bench/run.py --sizes {args.sizes} --write`) on {machine}.\n"
            "Wall time of each step as a separate process; peak memory is the largest resident memory of the\n"
            "process and its children together (sampled every 20 ms: the two MkDocs editions of a full build\n"
            "run at the same time); CPU is user + system time of the process and its children. Cold generation\n"
            "(nothing generated, no cache) is the median of five runs (up to 10 documents) or three; no-op and\n"
            "cached regenerations the median of three. The full build and the baseline are measured in turn\n"
            "(three pairs, two at 300 documents), and each figure is the median of its runs. An earlier run's\n"
            "output is moved aside, not deleted (see `set_aside`); the disk is synced before each step.\n"
            "The baseline is plain `mkdocs build` (both editions, one process each, one after the other) of the\n"
            "Markdown the generator wrote. The full build is `python -m generator build --strict`, what `make site`\n"
            "runs: generation (every document on a process pool), both editions built by MkDocs at the same time\n"
            "in two processes (the generator's raw HTML set aside for Python-Markdown: the row before it shows\n"
            "plain MkDocs with that alone), the link check of the whole site, then the site published.\n"
            "The edit-preview loop: `mkdocs serve` of the Japanese edition as `make serve` runs it, one PO entry\n"
            "saved, the time until the served side-by-side page shows it.\n\n"
            "| step | wall time (s) | peak memory (MiB) | notes |\n|---|---:|---:|---|\n" + table + "\n\n"
            + "\n\n".join(notes) + "\n\n## Where the time goes\n\n"
            "Generation of the real documents in one process (`--jobs 1`), cumulative seconds:\n\n```\n" + profile
            + "\n```\n\nMkDocs building the Japanese edition of 100 documents as the full build runs it (raw HTML\n"
            "set aside), cumulative seconds:\n\n```\n" + profile_corpus + "\n```\n"
            + ("\n" + kept if kept else ""), encoding="utf-8")
        print("written: BENCHMARKS.md")


if __name__ == "__main__":
    main()
