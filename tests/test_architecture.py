"""The shape of the code: packages that read as the pipeline, each saying what goes in and what
comes out; no import cycles between modules or packages; every kind of block recognised is
rendered; the cache sees a change in any package."""
import ast
import shutil
from pathlib import Path

from generator.generate.cache import CODE, code_files, digest_of
from generator.model import Block, Section
from generator.parse.structure import BLOCK_RULES
from generator.render.blocks import BLOCK_RENDERERS

PIPELINE = ["parse", "translate", "glossary", "versions", "render", "edition", "generate", "publish"]


def modules() -> dict[str, Path]:
    """Every module of the generator by its dotted name."""
    out = {}
    for path in code_files():
        parts = list(path.relative_to(CODE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports(name: str, path: Path) -> set[str]:
    """The generator modules a module imports (anywhere in it, functions included)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: {m for m in imports(name, path) if m in mods and m != name} for name, path in mods.items()}


def cycle(edges: dict[str, set[str]]) -> list[str]:
    """A cycle of the graph, or []."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node):
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []
    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_packages_are_the_stages_of_the_pipeline_and_say_what_goes_in_and_out():
    packages = sorted(p.parent.name for p in CODE.glob("*/__init__.py"))
    assert packages == sorted(PIPELINE)
    for name in PIPELINE:
        doc = ast.get_docstring(ast.parse((CODE / name / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "In:" in doc and "Out:" in doc, name


def test_every_module_says_what_it_does():
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), name
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and len(node.body) > 3:
                assert ast.get_docstring(node), f"{name}.{node.name}"


def test_no_module_imports_itself_through_others():
    assert cycle(graph()) == []


def test_the_packages_depend_on_each_other_one_way():
    edges: dict[str, set[str]] = {}
    for name, targets in graph().items():
        here = name.split(".")[1] if name.count(".") >= 1 else name
        edges.setdefault(here, set()).update(t.split(".")[1] for t in targets
                                             if t.count(".") >= 1 and t.split(".")[1] in PIPELINE
                                             and t.split(".")[1] != here)
    assert cycle({k: v for k, v in edges.items() if k in PIPELINE}) == []
    assert "publish" not in edges["generate"] and "generate" not in edges["render"]


def test_the_cycle_finder_finds_a_cycle():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) == []


def test_every_kind_of_block_a_rule_builds_has_one_renderer():
    built = {kind for rule in BLOCK_RULES for kind in rule.produces}
    rendered = [r.kind for r in BLOCK_RENDERERS]
    assert len(rendered) == len(set(rendered))
    assert built <= set(rendered) and Section in built
    blocks = {c for c in vars(__import__("generator.model", fromlist=["x"])).values()
              if isinstance(c, type) and issubclass(c, Block) and c is not Block}
    containers = {c for c in blocks if c.__name__ in ("ListItem", "Member", "Footnote", "TitleField", "TitleBlock",
                                                                  "ContentsEntry")}
    assert set(rendered) == blocks - containers        # the rest are rendered by their containers


def test_the_cache_sees_a_change_in_any_package(tmp_path):
    copy = tmp_path / "generator"
    shutil.copytree(CODE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = digest_of(copy)
    assert {p.parent.name for p in code_files(copy)} >= set(PIPELINE)
    for package in PIPELINE:
        module = sorted((copy / package).glob("*.py"))[-1]
        text = module.read_text(encoding="utf-8")
        module.write_text(text + "\n# changed\n", encoding="utf-8")
        assert digest_of(copy) != before, package
        module.write_text(text, encoding="utf-8")
        assert digest_of(copy) == before
