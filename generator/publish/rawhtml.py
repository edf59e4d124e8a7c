"""Python-Markdown: the generator's raw HTML blocks set aside as they are, without parsing them.

In:  a page's Markdown lines (after Python-Markdown has normalised the whitespace).
Out: the same lines with each raw HTML block that is one whole element — as the generator
     writes every block: one element, its text escaped, blank lines around it — replaced by a
     placeholder in Python-Markdown's HTML stash, exactly as its own `html_block` preprocessor
     would stash it. Any other block is left to that preprocessor.

Why: Python-Markdown finds raw HTML with `html.parser`, character by character, and MkDocs
parses the whole page once more to collect its ids; for pages that are nearly all raw HTML that
was half of MkDocs' time (BENCHMARKS.md). The output is byte for byte the same (a test builds
the real documents both ways). What MkDocs no longer collects are the ids inside these blocks,
which it uses only to check Markdown links to them (the generator writes none; the site's own
link check, `linkcheck`, checks every link).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# a start or end tag whose attributes are all name="value" without < or > (as html.parser reads it)
TAG = re.compile(r'</?[a-zA-Z][a-zA-Z0-9]*(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*\s*/?>')
START = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)[\s>]")
SPECIAL = ("<!", "<?", "</>", "<script", "<style")      # comments, CDATA, processing instructions, CDATA content


@lru_cache(maxsize=64)
def _element_tags(name: str) -> tuple[re.Pattern, re.Pattern]:
    return re.compile(rf"<{name}[\s/>]"), re.compile(rf"</{name}\s*>")


def one_element(chunk: str, block_level: set[str]) -> bool:
    """Whether `chunk` is one block-level element that ends where the chunk ends, its every `<`
    opening a well-formed tag: what `html_block` would stash whole, as it is."""
    start = START.match(chunk)
    if start is None or start.group(1).lower() not in block_level or any(s in chunk for s in SPECIAL):
        return False
    if chunk.count("<") != len(TAG.findall(chunk)):
        return False
    name = start.group(1)
    opens, closes = _element_tags(name)
    ends = [m.end() for m in closes.finditer(chunk)]
    if not ends or ends[-1] != len(chunk):
        return False
    starts = [m.start() for m in opens.finditer(chunk)]
    for k, end in enumerate(ends[:-1], 1):          # the element must not close before the chunk's end:
        if bisect_left(starts, end) <= k:           # after its k-th end tag, more than k such elements opened
            return False
    return True


class GeneratedHtml(Preprocessor):
    """Stashes each blank-line-separated chunk that is one whole block-level element."""

    def run(self, lines: list[str]) -> list[str]:
        """The lines, each whole-element chunk replaced by its placeholder."""
        block_level = set(self.md.block_level_elements)
        out, i, n = [], 0, len(lines)
        while i < n:
            line = lines[i]
            if line.startswith("<") and (i == 0 or lines[i - 1] == ""):
                j = i + 1
                while j < n and lines[j] != "":
                    j += 1
                chunk = "\n".join(lines[i:j]) if j > i + 1 else line
                if j < n and one_element(chunk, block_level):    # (a blank line follows: it always does)
                    out.append(self.md.htmlStash.store(chunk + "\n"))
                    i = j
                    continue
            out.append(line)
            i += 1
        return out


class GeneratedHtmlExtension(Extension):
    """The Markdown extension that registers `GeneratedHtml`."""
    def extendMarkdown(self, md) -> None:
        # after 'normalize_whitespace' (30), before MkDocs' 'mkdocs_raw_html' (21) and 'html_block' (20)
        md.preprocessors.register(GeneratedHtml(md), "generated_html", 25)
