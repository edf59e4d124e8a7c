"""The search index of an edition: one entry per section, and one per glossary term.

In:  a document and a `Language` (its entries), or every document's entries and the glossary.
Out: entries (`u` URL, `t` title, `d` document, `x` text) with their postings (`SearchPart`, made
     per document), and the edition's sharded index (`search_files`): a query loads the shards of its
     characters and the texts of the results it shows, not the corpus.
"""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Document, Section, plain_text
from ..parse.inline import MARKER
from ..render.languages import Language
from ..render.pages import page_path
from ..render.writer import document_title
from ..translate.segments import segments


def section_segments(doc: Document) -> list[tuple[str, Section | None, list[str]]]:
    """(page path, section, ids of the segments that belong to the section itself), in reading
    order; the title block and preamble belong to the landing page (section None)."""
    head = [f.id for f in doc.title_block.fields] + [i for b in doc.preamble for i in _block_ids(b)]
    out = [(page_path(doc, None), None, head)]

    def visit(section: Section, page: str):
        out.append((page, section, _ids(section)))
        for sub in section.sections:
            visit(sub, page)
    for top in doc.sections:
        visit(top, page_path(doc, top))
    return out


def _ids(section: Section) -> list[str]:
    """Ids of the segments that belong to a section itself (not to its subsections)."""
    return [section.id] + [i for b in section.children if not isinstance(b, Section) for i in _block_ids(b)]


def _block_ids(block) -> list[str]:
    ids = [block.id]
    for item in getattr(block, "items", []):
        ids.append(item.id)
        for child in item.children:
            ids += _block_ids(child)
    for m in getattr(block, "members", []):
        ids += [m.id, f"{m.id}-name", f"{m.id}-affiliation"]
    return ids


def search_entries(doc: Document, lang: Language) -> list[dict]:
    """A document's entries in the edition's search index: one per section (and the landing page)."""
    entries = []
    texts = {seg.id: MARKER.sub("", lang.text(doc.meta.slug, seg.id, seg.source)[0]) for seg in segments(doc)}
    title = document_title(doc, lang)
    for page, section, ids in section_segments(doc):
        body = " ".join(texts[i] for i in ids if i in texts and (section is None or i != section.id))
        if section is None:
            head, anchor = title, "title"
        else:
            head, anchor = texts.get(section.id, plain_text(section.title)), section.anchor
        if body.strip() or section is not None:
            entries.append({"u": lang.urls.href("index.md", page, anchor), "t": head, "d": title, "x": body})
    return entries


# ------------------------------------------------------------------ the sharded index
# A query loads only what it needs: a manifest, the shards of its terms' character pairs (each pair's
# postings: the entries it occurs in, and where, so that a term is found exactly — every substring of
# two or more characters, after NFKC and lower-casing — and counted as the full scan counted it), and
# the texts of the results it shows. Every file is a script, so that it loads from file:// too.
SEARCH_DIR = "search"
CHUNK = 4                          # entries per text file (the results shown load theirs)
SHARD_BYTES = 8 * 1024             # the size a shard aims at (its count is a power of two)
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


@dataclass
class SearchPart:
    """One document's part of an edition's search: its entries, and its pairs' postings, encoded
    with the document's own entry numbers (so that the corpus step only joins them)."""
    entries: list[dict]                          # {"u", "t", "d", "x"}
    pairs: dict[str, str] = field(default_factory=dict)     # two characters → "n:title positions/text positions;…"
    chars: dict[str, str] = field(default_factory=dict)     # one character → "n:title count/text count;…"


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


def b36(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = DIGITS[r] + out
        if not n:
            return out


def _deltas(positions: list[int]) -> str:
    last, out = 0, []
    for p in positions:
        out.append(b36(p - last))
        last = p
    return ",".join(out)


def search_part(entries: list[dict]) -> SearchPart:
    """The postings of a document's entries: for every pair of characters (no space in it) the
    positions in each entry's folded title and text, and for every character its counts."""
    pairs: dict[str, list[str]] = defaultdict(list)
    chars: dict[str, list[str]] = defaultdict(list)
    last: dict[str, int] = {}
    last_char: dict[str, int] = {}
    for n, entry in enumerate(entries):
        title, text = fold_title(entry["t"]), fold_text(entry["x"])
        found: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for side, folded in ((0, title), (1, text)):
            for i in range(len(folded) - 1):
                found[folded[i:i + 2]][side].append(i)
        for pair, (in_title, in_text) in found.items():
            if pair[0].isspace() or pair[1].isspace():
                continue
            pairs[pair].append(f"{b36(n - last.get(pair, 0))}:{_deltas(in_title)}/{_deltas(in_text)}")
            last[pair] = n
        for c in sorted(set(title) | set(text)):
            if not c.isspace():
                chars[c].append(f"{b36(n - last_char.get(c, 0))}:{b36(title.count(c))}/{b36(text.count(c))}")
                last_char[c] = n
    return SearchPart(entries, {k: ";".join(v) for k, v in pairs.items()}, {k: ";".join(v) for k, v in chars.items()})


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
    numbered in one sequence — the manifest, the shards of pairs (`b/`) and of single characters
    (`u/`), the texts (`e/`)."""
    parts = [p for p in parts if p is not None] + [search_part(glossary_entries(lang))]
    offsets, total = [], 0
    for part in parts:
        offsets.append(total)
        total += len(part.entries)
    files: dict[str, str] = {}
    for name, kind in (("b", "pairs"), ("u", "chars")):
        size = sum(len(k) + len(v) for part in parts for k, v in getattr(part, kind).items())
        count = _shard_count(size)
        shards: list[dict[str, list[str]]] = [defaultdict(list) for _ in range(count)]
        for i, part in enumerate(parts):
            for key, postings in getattr(part, kind).items():
                shards[shard_of(key, count)][key].append(f"{b36(i)}={postings}")
        for n, shard in enumerate(shards):
            files[f"{SEARCH_DIR}/{name}/{n}.js"] = _script("__searchShard", name, n,
                                                           {k: "|".join(shard[k]) for k in sorted(shard)})
        files[f"_{name}"] = str(count)
    entries = [[e["u"], e["t"], e["d"], e["x"]] for part in parts for e in part.entries]
    for k in range(0, len(entries), CHUNK):
        files[f"{SEARCH_DIR}/e/{k // CHUNK}.js"] = _script("__searchEntries", k // CHUNK, entries[k:k + CHUNK])
    manifest = {"b": int(files.pop("_b")), "u": int(files.pop("_u")), "c": CHUNK, "n": len(entries),
                "g": offsets[-1], "o": offsets}
    files[f"{SEARCH_DIR}/manifest.js"] = "window.__searchManifest = " + json.dumps(manifest) + ";\n"
    return files
