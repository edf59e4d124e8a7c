"""The registry of named entries: highest priority first, ties in the order registered, an entry
replaced by registering its name again, found and removed by name."""
from generator.registry import Registry


def test_entries_come_highest_priority_first_and_ties_as_registered():
    r = Registry()
    r.register("paragraph", "paragraph", 0)
    r.register("heading", "heading", 80)
    r.register("bullet", "bullet", 40)
    r.register("note", "note", 40)
    assert list(r) == ["heading", "bullet", "note", "paragraph"]
    assert r.names() == ["heading", "bullet", "note", "paragraph"]


def test_an_entry_is_found_replaced_and_removed_by_name():
    r = Registry()
    r.register("old", "x", 10)
    r.register("other", "y", 5)
    r.register("new", "x", 1)                      # the same name: replaced, at its new priority
    assert list(r) == ["other", "new"] and r["x"] == "new" and "x" in r and len(r) == 2
    r.deregister("y")
    assert list(r) == ["new"] and "y" not in r
