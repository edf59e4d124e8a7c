"""Translate: the document model and its PO files to the catalog of each translation.

In:  a `model.Document` and `docs_src/<slug>/<lang>.po`.
Out: the document's translatable `segments.Segment`s (one per heading, paragraph, item, note…,
     keyed by the block's stable id), its `catalog.Catalog` (each segment's translation and
     `SegmentState`), coverage, the problems a translator must fix, and (`make po`) the PO file
     refreshed from the source, its empty entries filled from the translation memory (`memory`).
"""
