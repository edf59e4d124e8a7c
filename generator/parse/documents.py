"""Documents in `docs_src/`: discovery, metadata, and the parse, stage by stage.

In:  a folder `docs_src/<slug>/` holding `source.txt` (UTF-8 PDF extraction) and
     optionally `meta.yml` and `tables/*.yml`.
Out: `Document`s (the model), with a `Reporter` holding what editors must fix.

The stages, one module each: ingest → units → structure (+ footnotes, tables).
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path

from ..diagnostics import Reporter
from ..model import Document, Meta, plain_text
from . import schemas, yamlfiles
from .footnotes import Numbering, check_references, collect_footnotes, note_style, notice_far_bodies
from .ingest import ingest, raw_lines
from .structure import build_tree
from .tables import apply_tables, load_tables
from .units import LINE_MARKERS, UnitKind, find_units, line_marker

SOURCE_NAME = "source.txt"
META_NAME = "meta.yml"
VERSIONS_NAME = "versions"        # docs_src/<doc>/versions/<YYYY-MM-DD>/source.txt: its earlier versions
VERSION_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
META_FIELDS = set(Meta.__dataclass_fields__) - {"slug", "stated"}
ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
ERA_DATE = re.compile(r"^(令和|平成|昭和)\s*([0-9０-９元]+)\s*年\s*([0-9０-９]+)\s*月\s*([0-9０-９]+)\s*日$")
WESTERN_DATE = re.compile(r"^([0-9０-９]{4})\s*年\s*([0-9０-９]+)\s*月\s*([0-9０-９]+)\s*日$")
ENGLISH_FIELDS = ("issuer", "date_note", "description")      # each with its `<field>_en`


# the names the site itself uses at its root (and the language folders): no document may take one
RESERVED_NAMES = frozenset({"en", "ja", "glossary", "assets", "status", "search", "404", "index", "sitemap",
                            "tables", "offline", "exports", "concordance"})
DOCUMENT_FILES = (SOURCE_NAME, META_NAME, "en.po")


def folder_problem(folder: Path) -> str | None:
    """Why a document folder cannot be published as it is (its name becomes a URL and a path), or None."""
    name = folder.name
    if not re.match(schemas.NAME_PATTERN, name):
        return (f"the folder name '{name}' cannot be a web address; rename the folder with lower-case letters "
                f"a–z, digits and hyphens, starting with a letter or digit")
    if name in RESERVED_NAMES:
        return f"the folder name '{name}' is one the site uses for its own pages; choose another name"
    versions = sorted((folder / VERSIONS_NAME).glob("*"))
    links = [p.name for p in [folder, *(folder / n for n in DOCUMENT_FILES), folder / "tables",
                              *sorted((folder / "tables").glob("*")), folder / VERSIONS_NAME, *versions,
                              *(v / n for v in versions for n in (SOURCE_NAME, "en.po"))] if p.is_symlink()]
    if links:
        return (f"{', '.join(links)} {'is a symbolic link' if len(links) == 1 else 'are symbolic links'}; "
                f"commit the files themselves")
    return None


def discover(src: Path, report: Reporter | None = None) -> list[Path]:
    """Document folders in name order; those whose name or files cannot be published left out, each
    with an error in `report`."""
    found = []
    for folder in sorted(p.parent for p in src.glob(f"*/{SOURCE_NAME}")):
        problem = folder_problem(folder)
        if problem is None:
            found.append(folder)
        elif report is not None:
            report.error(str((folder / SOURCE_NAME).relative_to(src.parent)), 1, "document-folder", problem)
    return found


def load_meta(folder: Path, report: Reporter, root: Path | None = None) -> Meta:
    """A document's metadata from its `meta.yml` (the defaults where there is none, or where it is
    malformed: then with errors at their lines)."""
    meta = Meta(slug=folder.name)
    path = folder / META_NAME
    if not path.exists() and not path.is_symlink():
        return meta
    shown = str(path.relative_to(root)) if root else str(path)
    read = yamlfiles.read(path, shown, report, "meta-yaml", schemas.META)
    if read is None:
        return meta
    data, tree = read
    data = data or {}
    text = path.read_text(encoding="utf-8")
    meta.stated = tuple(key for key in data if key in META_FIELDS)
    for key, value in data.items():
        if key == "split_pages":
            value = {"true": True, "false": False}.get(value)
        setattr(meta, key, value)
    if meta.heading_levels is not None:
        meta.heading_levels = _heading_levels(meta.heading_levels, shown, text, report)
    for field in ENGLISH_FIELDS:
        shown = getattr(meta, field) and not (field == "date_note" and meta.date)   # a date is shown instead
        if shown and not getattr(meta, f"{field}_en"):
            line = yamlfiles.line_of(yamlfiles.nodes_by_key(yamlfiles.compose(text)).get(field))
            report.warn(shown, line, "meta-no-english",
                        f"{field} has no English, so the English edition shows it in Japanese; add {field}_en")
    return meta


def is_heading(text: str) -> bool:
    """Whether a line opens a heading (notes at the end of a section end there)."""
    marker = line_marker(text)
    return marker is not None and marker[0] is UnitKind.HEADING


def _heading_levels(value, path: str, text: str, report: Reporter) -> list[str] | None:
    """`heading_levels` of a meta.yml: a list of heading scheme names (level 1 first), or None."""
    schemes = [name for name, marker in LINE_MARKERS.items() if marker.kind is UnitKind.HEADING and not marker.rank]
    line = yamlfiles.line_of(yamlfiles.nodes_by_key(yamlfiles.compose(text)).get("heading_levels"))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        report.error(path, line, "meta-heading-levels",
                     f"heading_levels must be a list of heading schemes, level 1 first; known: {', '.join(schemes)}")
        return None
    unknown = [v for v in value if v not in schemes]
    if unknown:
        report.error(path, line, "meta-heading-levels",
                     f"heading_levels: {', '.join(unknown)} is no heading scheme; known: {', '.join(schemes)}")
        return None
    return value


def parse_text(text: str, path: str, meta: Meta, report: Reporter) -> Document:
    """The document model of a source text (`path`: the name messages give it)."""
    style = note_style(raw_lines(text))
    ingested = ingest(text, path, style, is_heading)
    for line, code, message in ingested.guesses:
        report.notice(path, line, code, message)
    artifacts = list(ingested.artifacts)
    head, preamble, sections, decisions = build_tree(find_units(ingested, report), path, artifacts, report,
                                                     meta.heading_levels, ingested.double_spaced, style.marker,
                                                     Numbering(style).marker)
    notes = collect_footnotes(ingested.note_areas, path, artifacts, report, style)
    doc = Document(meta=meta, source_path=path, title_block=head, preamble=preamble,
                   sections=sections, footnotes=notes, artifacts=artifacts, decisions=decisions)
    check_references(notes, doc.footnote_refs(), path, report)
    sheet_of = {line.no: line.sheet for line in ingested.lines}
    sheet_of |= {line.no: line.sheet for area in ingested.note_areas for line in area}
    notice_far_bodies(notes, doc.footnote_refs(), sheet_of, path, report)
    if not meta.title:
        meta.title = " ".join(doc.title_block.get("title")) or meta.slug
    _fill_from_title_block(meta, doc)
    return doc


def iso_date(printed: str) -> str:
    """A date as printed (令和７年３月１４日, 2025年3月14日) in ISO form, or "" if it is none."""
    m = ERA_DATE.match(printed)
    if m:
        era, year, month, day = m.groups()
        year = "1" if year == "元" else year
        numbers = [int(unicodedata.normalize("NFKC", x)) for x in (year, month, day)]
        numbers[0] += ERAS[era]
    else:
        m = WESTERN_DATE.match(printed)
        if not m:
            return ""
        numbers = [int(unicodedata.normalize("NFKC", x)) for x in m.groups()]
    try:
        return datetime.date(*numbers).isoformat()
    except ValueError:
        return ""


def _fill_from_title_block(meta: Meta, doc: Document) -> None:
    """The date and issuer the title block prints, where meta.yml does not state them."""
    dates, issuers = doc.title_block.get("date"), doc.title_block.get("issuer")
    if dates and "date_note" not in meta.stated and "date" not in meta.stated:
        meta.date_note = dates[0]
        meta.date = iso_date(dates[0])
    if issuers and "issuer" not in meta.stated:
        meta.issuer = " ".join(issuers)


def input_files(folder: Path) -> list[Path]:
    """The files a document's parse reads (those that exist), its earlier versions' included."""
    files = [folder / SOURCE_NAME, folder / META_NAME] + sorted((folder / "tables").glob("*.yml"))
    files += [v / name for v in sorted((folder / VERSIONS_NAME).glob("*")) for name in (SOURCE_NAME, "en.po")]
    return [path for path in files if path.exists()]


def load_document(folder: Path, report: Reporter, root: Path | None = None) -> Document:
    """Parse a document folder (`root`: the folder that messages name files from)."""
    source = folder / SOURCE_NAME
    shown = str(source.relative_to(root)) if root else str(source)
    meta = load_meta(folder, report, root)
    doc = parse_text(_read_source(source, shown, report), shown, meta, report)
    apply_tables(doc, load_tables(folder, root or folder.parent.parent, report), report)
    return doc



def version_folders(folder: Path, meta: Meta, report: Reporter, root: Path | None = None) -> list[tuple[str, Path]]:
    """A document's earlier versions, (date, folder), oldest first; a folder that is no version is an error."""
    out = []
    for sub in sorted((folder / VERSIONS_NAME).glob("*")):
        shown = str((sub / SOURCE_NAME).relative_to(root)) if root else str(sub / SOURCE_NAME)
        if not sub.is_dir():
            report.error(shown.removesuffix("/" + SOURCE_NAME), 1, "version-folder",
                         f"{VERSIONS_NAME}/ holds one folder per earlier version, named by its date (YYYY-MM-DD); "
                         f"move this file into such a folder")
            continue
        date = iso_date_of(sub.name)
        if not date:
            report.error(shown, 1, "version-folder",
                         f"the folder name '{sub.name}' is not a date; name each earlier version's folder by the "
                         f"date it was issued, as YYYY-MM-DD")
        elif not (sub / SOURCE_NAME).is_file():
            report.error(shown, 1, "version-source", f"this earlier version has no {SOURCE_NAME}; add its text")
        elif meta.date and date >= meta.date:
            report.error(shown, 1, "version-date",
                         f"an earlier version dated {date} is not earlier than the document's date {meta.date} "
                         f"(meta.yml or its title page); correct the folder's date, or make this text the current "
                         f"source.txt")
        else:
            out.append((date, sub))
    return out


def iso_date_of(name: str) -> str:
    """A folder name that is a real ISO date, else ""."""
    if not VERSION_DATE.match(name):
        return ""
    try:
        return datetime.date.fromisoformat(name).isoformat()
    except ValueError:
        return ""


def load_versions(folder: Path, meta: Meta, report: Reporter, root: Path | None = None) -> list[tuple[str, Document]]:
    """A document's earlier versions parsed (its metadata, dated by each folder), oldest first."""
    out = []
    for date, sub in version_folders(folder, meta, report, root):
        vmeta = load_meta(folder, Reporter(), root)          # (its problems are the current document's)
        vmeta.date, vmeta.date_note = date, ""
        vmeta.stated = tuple({*vmeta.stated, "date", "date_note"})
        source = sub / SOURCE_NAME
        shown = str(source.relative_to(root)) if root else str(source)
        out.append((date, parse_text(_read_source(source, shown, report), shown, vmeta, report)))
    return out


def _read_source(source: Path, shown: str, report: Reporter) -> str:
    """A source text; one that is not UTF-8 is an error at its first bad line (and read with replacements)."""
    try:
        return source.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        line = source.read_bytes()[: e.start].count(b"\n") + 1
        report.error(shown, line, "source-encoding", "the source text is not UTF-8; save it as UTF-8")
        return source.read_bytes().decode("utf-8", errors="replace")
