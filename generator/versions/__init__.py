"""Earlier versions of a document, each compared with the version that replaced it.

In:  the current `Document` with its catalog, and its earlier versions (`docs_src/<doc>/versions/<date>/`:
     date, `Document`, catalog), oldest first.
Out: `Version`s (`align`): each one's dates, its segments paired with the next version's in reading
     order (unchanged, changed, removed, or added by the next), the anchor every passage keeps on all
     versions (the current text's where it survives), and where each of its passages went (`Fate`),
     so that a citation of it can be followed; the changed characters of a pair (`marks`).
"""
