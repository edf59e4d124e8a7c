"""The glossary against the documents: forms found nowhere, translations that do not use a term.

In:  the `Glossary`, each document's segments and catalog.
Out: diagnostics (`glossary-unused-form` at the term, `glossary-consistency` and
     `glossary-expanded-again` at the PO entry).
"""
from __future__ import annotations

import re

from ..diagnostics import Reporter
from ..translate.catalog import SegmentState
from .termbase import Glossary


def forms_in(glossary: Glossary, segs: list) -> set[str]:
    """The glossary's Japanese forms that occur in these segments (one document's)."""
    text = "\n".join(seg.source for seg in segs)
    return {form for term in glossary.terms for form in term.forms if form in text}


def check_unused_forms(glossary: Glossary, used: set[str], report: Reporter) -> None:
    """Forms that occur in no document (`used`: the union of every document's `forms_in`)."""
    for term in glossary.terms:
        for form in term.forms:
            if form not in used:
                report.warn(glossary.path, term.line, "glossary-unused-form",
                            f"form '{form}' of term '{term.id}' occurs in no document; correct or remove it")


def check_translation_terms(glossary: Glossary, segs: list, catalog, report: Reporter) -> None:
    """Translated segments of one document that do not use the English of the terms their source uses."""
    ja = glossary.matcher("ja")
    for seg in segs:
        text, state = catalog.lookup(seg.id) if catalog is not None else (None, SegmentState.UNTRANSLATED)
        if state is not SegmentState.TRANSLATED:
            continue
        folded = text.lower()
        for term_id in dict.fromkeys(t for _, _, t in ja.find(seg.source)):
            term = glossary.by_id[term_id]
            allowed = term.english_forms()
            if not any(f.lower() in folded for f in allowed):
                entry = catalog.entries.get(seg.id)
                report.warn(catalog.path, entry.line if entry else 1, "glossary-consistency",
                            f"segment {seg.id}: the source uses 「{term.ja}」 but the translation has none of "
                            f"{allowed}; use the glossary's English")


def check_corpus(glossary: Glossary, docs_segments: list[tuple], catalogs: dict, report: Reporter) -> None:
    """Forms that never occur, translations that do not use the term's English, and abbreviations
    expanded again on a page, over a corpus (`docs_segments`: each document, its segments and, where
    given, the segment ids of each of its pages); the pipeline checks each document with the same
    functions and the unused forms once: the same result."""
    check_unused_forms(glossary, set().union(*(forms_in(glossary, segs) for _, segs, *_ in docs_segments)), report)
    for doc, segs, *pages in docs_segments:
        check_translation_terms(glossary, segs, catalogs.get(doc.meta.slug), report)
        if pages:
            check_expansions(glossary, pages[0], catalogs.get(doc.meta.slug), report)


def check_expansions(glossary: Glossary, pages: list[list[str]], catalog, report: Reporter) -> None:
    """An abbreviation spelled out again after its first expansion on a page — "low Earth orbit (LEO)"
    twice — in the translations of each page's segments (`pages`: their ids in reading order)."""
    if catalog is None:
        return
    patterns = []
    for term in glossary.terms:
        if term.abbr:
            spelled = [f for f in [term.en, term.expansion, *term.en_forms] if f and f != term.abbr and term.abbr not in f]
            alternatives = "|".join(re.escape(f) for f in sorted(set(spelled), key=len, reverse=True))
            if alternatives:
                patterns.append((term, re.compile(rf"(?<!\w)(?:{alternatives})\s*\({re.escape(term.abbr)}\)", re.IGNORECASE)))
    for ids in pages:
        first: dict[str, str] = {}
        for seg_id in ids:
            text, state = catalog.lookup(seg_id)
            if state is not SegmentState.TRANSLATED:
                continue
            for term, pattern in patterns:
                for _ in pattern.finditer(text):
                    if term.id not in first:
                        first[term.id] = seg_id
                        continue
                    report.warn(catalog.path, catalog.entries[seg_id].line, "glossary-expanded-again",
                                f"segment {seg_id}: '{term.abbr}' is spelled out again, after its first expansion "
                                f"on this page (segment {first[term.id]}); write '{term.abbr}' alone")
                    break
