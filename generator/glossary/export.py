"""The termbase for other tools: CSV and TBX-Basic (ISO 30042), each term's `source` (where its
English comes from) as a column and as TBX-Basic's `<admin type="source">` on the English term.

In:  the `Glossary`.
Out: the text of each download (UTF-8; the CSV with a BOM, for spreadsheet programs, no cell read as a
     formula: `csv_text`, also for the tables' CSV).
"""
from __future__ import annotations

import csv
import io

from .termbase import Glossary


def csv_text(text: str) -> str:
    """A cell that a spreadsheet shows as text, never runs as a formula (= + - @ first): quoted by a
    leading apostrophe, as OWASP advises; figures such as -3 stay figures."""
    if text[:1] in ("=", "@", "\t", "\r") or (text[:1] in "+-" and not text[1:2].isdigit() and text[1:]):
        return "'" + text
    return text


def to_csv(glossary: Glossary) -> str:
    """The termbase as CSV: one row per term, its forms joined with |."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["id", "ja", "reading", "en", "abbreviation", "expansion", "definition_ja", "definition_en",
                "forms_ja", "forms_en", "related", "source"])
    for t in glossary.terms:
        w.writerow([csv_text(x) for x in (t.id, t.ja, t.reading, t.en, t.abbr, t.expansion, t.definition.get("ja", ""),
                                          t.definition.get("en", ""), "|".join(t.forms), "|".join(t.en_forms),
                                          "|".join(t.related), t.source)])
    return "\ufeff" + out.getvalue()


def to_tbx(glossary: Glossary) -> str:
    """TBX-Basic (ISO 30042): one conceptEntry per term, a langSec per language."""
    e = _xml
    entries = []
    for t in glossary.terms:
        ja_terms = "".join(f'<termSec><term>{e(f)}</term><termNote type="termType">'
                           f'{"fullForm" if i == 0 else "variant"}</termNote></termSec>'
                           for i, f in enumerate(dict.fromkeys([t.ja] + t.forms)))
        en_list = list(dict.fromkeys([t.en] + ([t.abbr] if t.abbr else []) + t.en_forms))
        source = f'<admin type="source">{e(t.source)}</admin>' if t.source else ""     # (after the termNotes)
        en_terms = "".join(f'<termSec><term>{e(f)}</term><termNote type="termType">'
                           f'{"fullForm" if i == 0 else ("abbreviation" if f == t.abbr else "variant")}</termNote>'
                           f'{source if i == 0 else ""}</termSec>'
                           for i, f in enumerate(en_list))
        related = "".join(f'<ref type="crossReference" target="{e(r)}">{e(r)}</ref>' for r in t.related)
        entries.append(
            f'<conceptEntry id="{e(t.id)}">{related}'
            f'<langSec xml:lang="ja"><descrip type="definition">{e(t.definition.get("ja", ""))}</descrip>{ja_terms}</langSec>'
            f'<langSec xml:lang="en"><descrip type="definition">{e(t.definition.get("en", ""))}</descrip>{en_terms}</langSec>'
            f'</conceptEntry>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tbx style="dca" type="TBX-Basic" xml:lang="ja" xmlns="urn:iso:std:iso:30042:ed-2">\n'
            '<tbxHeader><fileDesc><sourceDesc><p>Japanese space-policy documents: bilingual termbase</p>'
            '</sourceDesc></fileDesc></tbxHeader>\n<text><body>\n' + "".join(entries) + '</body></text>\n</tbx>\n')


def _xml(text: str) -> str:
    """Text or a double-quoted attribute value in XML."""
    from xml.sax.saxutils import escape       # here, not above: xml.sax loads urllib and http (10 ms of every build)
    return escape(text, {'"': "&quot;"})
