"""The search index of an edition: one entry per section, and one per glossary term.

In:  a document and a `Language` (its entries), or every document's entries and the glossary.
Out: entries (`u` URL, `t` title, `d` document, `x` text) with their postings (`SearchPart`, made
     per document), and the edition's sharded index (`search_files`): a query loads the shards of its
     characters and the texts of the results it shows, not the corpus.
"""
from __future__ import annotations

import json
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Document, plain_text
from ..parse.inline import MARKER
from ..render.languages import Language
from ..render.pages import section_segments
from ..render.writer import document_title
from ..translate.catalog import SegmentState
from ..translate.segments import segments


def search_entries(doc: Document, lang: Language) -> list[dict]:
    """A document's entries in the edition's search index: one per section (and the landing page),
    each with its segments for the concordance (`s`: anchor, text, the other language's, pending)."""
    entries = []
    texts = {seg.id: MARKER.sub("", lang.text(doc.meta.slug, seg.id, seg.source)[0]) for seg in segments(doc)}
    aligned = aligned_texts(doc, lang)
    title = document_title(doc, lang)
    for page, section, ids in section_segments(doc):
        body = " ".join(texts[i] for i in ids if i in texts and (section is None or i != section.id))
        if section is None:
            head, anchor = title, "title"
        else:
            head, anchor = texts.get(section.id, plain_text(section.title)), section.anchor
        if body.strip() or section is not None:
            rows = [[seg_anchor(i, section), texts[i], *aligned[i]] for i in ids if i in texts and texts[i]]
            entries.append({"u": lang.urls.href("index.md", page, anchor), "t": head, "d": title, "x": body,
                            "s": rows})
    return entries


def aligned_texts(doc: Document, lang: Language) -> dict[str, tuple[str, int]]:
    """Each segment's text in the other language (the Japanese beside the English, the English beside
    the Japanese), and 1 where its translation is pending (then the text is the Japanese, or "")."""
    out = {}
    for seg in segments(doc):
        if lang.is_source:
            catalog = lang.catalogs.get(doc.meta.slug)
            text, state = catalog.lookup(seg.id) if catalog is not None else (None, SegmentState.UNTRANSLATED)
            out[seg.id] = (MARKER.sub("", text or "") if state is SegmentState.TRANSLATED else "",
                           int(state is not SegmentState.TRANSLATED))
        else:
            state = lang.text(doc.meta.slug, seg.id, seg.source)[1]
            out[seg.id] = (MARKER.sub("", seg.source), int(state is not SegmentState.TRANSLATED))
    return out


def seg_anchor(seg_id: str, section) -> str:
    """The id of the element a segment is printed in: a heading's anchor, a member's row, a turn's paragraph."""
    if section is not None and seg_id == section.id:
        return section.anchor
    for suffix in ("-name", "-affiliation", "-speaker"):
        if seg_id.endswith(suffix):
            return seg_id[:-len(suffix)]
    return seg_id


# ------------------------------------------------------------------ the sharded index
# A query loads only what it needs: a manifest, the shards of its terms' keys, and the texts of the
# results it shows. A term of one character is counted from the characters' shards (`u`), one of two
# from the pairs' (`b`: each pair's counts per entry), a longer one from the trigrams that cover it
# (`t`: each trigram's positions per entry, so that the term is found exactly — every substring of two
# or more characters, after NFKC and lower-casing — and counted as the full scan counts it). Numbers
# are variable-length (`varint`), so postings need no separators. Every file is a script, so that it
# loads from file:// too.
SEARCH_DIR = "search"
CHUNK = 2                          # entries per text file (the results shown load theirs)
SEG_CHUNK = 4                      # entries per segments file (the concordance loads its results')
SHARD_BYTES = 8 * 1024             # the size a shard aims at (its count is a power of two)
LAST = "0123456789abcdefghijklmnopqrstuv"       # a number's last five bits
MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-"       # its earlier ones, five at a time


@dataclass
class SearchPart:
    """One document's part of an edition's search: its entries, and its keys' postings, encoded
    with the document's own entry numbers (so that the corpus step only joins them)."""
    entries: list[dict]                                      # {"u", "t", "d", "x"}
    chars: dict[str, str] = field(default_factory=dict)      # one character → counts (title, text) per entry
    pairs: dict[str, str] = field(default_factory=dict)      # two characters → counts per entry
    trigrams: dict[str, str] = field(default_factory=dict)   # three characters → positions per entry


class _Fold(dict):
    """`str.translate` table: each character to its NFKC form, lower-cased (as the page's script folds
    a text: character by character)."""
    def __missing__(self, code: int) -> str:
        folded = self[code] = unicodedata.normalize("NFKC", chr(code)).lower()
        return folded


FOLD = _Fold()


def fold_text(text: str) -> str:
    return text.translate(FOLD)


def fold_title(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def varint(n: int) -> str:
    """A number as base-32 digits, the last from `LAST` and the others from `MORE` (search.js reads it)."""
    if n < 1024:
        return SMALL[n]
    out = LAST[n & 31]
    n >>= 5
    while n:
        out = MORE[n & 31] + out
        n >>= 5
    return out


SMALL = [LAST[n] if n < 32 else MORE[n >> 5] + LAST[n & 31] for n in range(1024)]    # (most numbers)
SPACE = re.compile(r"\s")


def _positions(positions) -> str:
    """Their count, then each one's distance from the one before."""
    out, last = [varint(len(positions))], 0
    for p in positions:
        out.append(varint(p - last))
        last = p
    return "".join(out)


def _counts(folded: str, width: int) -> dict[str, int]:
    """Every key of one or two characters with no space in it: its occurrences, not overlapping (as a
    scan counts them: `str.count`)."""
    keys = Counter(folded if width == 1 else map(operator.add, folded, folded[1:]))
    return {k: (v if width == 1 or k[0] != k[1] else folded.count(k)) for k, v in keys.items() if not SPACE.search(k)}


def _trigrams(folded: str) -> dict[str, list[int]]:
    """Every key of three characters with no space in it: its positions."""
    found: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(map(operator.add, folded, map(operator.add, folded[1:], folded[2:]))):
        found[key].append(i)
    return {k: v for k, v in found.items() if not SPACE.search(k)}


def search_part(entries: list[dict]) -> SearchPart:
    """The postings of a document's entries: for each entry (its number a distance from the last one
    the key occurs in), the counts of every character and pair, the positions of every trigram, in its
    folded title and text."""
    postings: dict[str, dict[str, list[str]]] = {"chars": defaultdict(list), "pairs": defaultdict(list),
                                                 "trigrams": defaultdict(list)}
    last: dict[str, dict[str, int]] = {kind: {} for kind in postings}
    for n, entry in enumerate(entries):
        title, text = fold_title(entry["t"]), fold_text(entry["x"])
        for kind, width in (("chars", 1), ("pairs", 2)):
            in_title, in_text = _counts(title, width), _counts(text, width)
            seen, out = last[kind], postings[kind]
            for key in in_title.keys() | in_text.keys():
                out[key].append(varint(n - seen.get(key, 0)) + varint(in_title.get(key, 0)) + varint(in_text.get(key, 0)))
                seen[key] = n
        in_title, in_text = _trigrams(title), _trigrams(text)
        seen, out = last["trigrams"], postings["trigrams"]
        for key in in_title.keys() | in_text.keys():
            out[key].append(varint(n - seen.get(key, 0)) + _positions(in_title.get(key, ())) + _positions(in_text.get(key, ())))
            seen[key] = n
    return SearchPart(entries, **{kind: {k: "".join(v) for k, v in keys.items()} for kind, keys in postings.items()})


def shard_of(key: str, count: int) -> int:
    """FNV-1a over the key's code points, modulo the shard count (search.js computes the same)."""
    h = 2166136261
    for c in key:
        h = ((h ^ ord(c)) * 16777619) & 0xFFFFFFFF
    return h % count


def _shard_count(total: int) -> int:
    count = 16
    while count * SHARD_BYTES < total:
        count *= 2
    return count


def _script(call: str, *args) -> str:
    """A script that hands its data to search.js; `<` written \\u003c, so no text can close a script."""
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"{call}({body});\n".replace("<", "\\u003c")


def glossary_entries(lang: Language) -> list[dict]:
    terms = []
    if lang.glossary is not None:
        for t in lang.glossary.terms:
            head = f"{t.ja}（{t.en}）" if lang.is_source else f"{t.en} ({t.ja})"
            text = " ".join([t.ja, t.reading, t.en, t.abbr, t.expansion, *t.forms, *t.en_forms,
                             t.definition.get(lang.code, "")])
            terms.append({"u": lang.urls.href("index.md", "glossary.md", t.id), "t": head,
                          "d": lang.label("glossary"), "x": text})
    return terms


def search_files(parts: list[SearchPart], lang: Language) -> dict[str, str]:
    """The edition's search files by path below its root: each document's part, then the glossary's,
    numbered in one sequence — the manifest, the shards of characters (`u/`), pairs (`b/`) and
    trigrams (`t/`), the texts (`e/`). A key's postings are joined part by part, each part's after its
    number, the parts apart by `|`."""
    parts = [p for p in parts if p is not None] + [search_part(glossary_entries(lang))]
    offsets, total = [], 0
    for part in parts:
        offsets.append(total)
        total += len(part.entries)
    files: dict[str, str] = {}
    manifest: dict = {}
    for name, kind in (("u", "chars"), ("b", "pairs"), ("t", "trigrams")):
        size = sum(len(k) + len(v) for part in parts for k, v in getattr(part, kind).items())
        count = manifest[name] = _shard_count(size)
        shards: list[dict[str, list[str]]] = [defaultdict(list) for _ in range(count)]
        for i, part in enumerate(parts):
            for key, postings in getattr(part, kind).items():
                shards[shard_of(key, count)][key].append(varint(i) + postings)
        for n, shard in enumerate(shards):
            files[f"{SEARCH_DIR}/{name}/{n}.js"] = _script("__searchShard", name, n,
                                                           {k: "|".join(shard[k]) for k in sorted(shard)})
    entries = [[e["u"], e["t"], e["d"], e["x"]] for part in parts for e in part.entries]
    for k in range(0, len(entries), CHUNK):
        files[f"{SEARCH_DIR}/e/{k // CHUNK}.js"] = _script("__searchEntries", k // CHUNK, entries[k:k + CHUNK])
    files.update(concordance_files(parts[:-1]))
    manifest.update({"c": CHUNK, "n": len(entries), "g": offsets[-1], "o": offsets, "s": SEG_CHUNK})
    files[f"{SEARCH_DIR}/manifest.js"] = "window.__searchManifest = " + json.dumps(manifest) + ";\n"
    return files


def concordance_files(parts: list[SearchPart]) -> dict[str, str]:
    """The concordance's files (the documents' entries, numbered as the index numbers them): each
    entry's segments (`s/`: [URL, [anchor, text, aligned text, pending] …]), `SEG_CHUNK` entries a
    file; the documents' titles in order (`docs.js`)."""
    rows = [[e["u"], e.get("s", [])] for part in parts for e in part.entries]
    files = {f"{SEARCH_DIR}/s/{k // SEG_CHUNK}.js": _script("__searchSegments", k // SEG_CHUNK, rows[k:k + SEG_CHUNK])
             for k in range(0, len(rows), SEG_CHUNK)}
    files[f"{SEARCH_DIR}/docs.js"] = _script("__searchDocs", [p.entries[0]["d"] if p.entries else "" for p in parts])
    return files
