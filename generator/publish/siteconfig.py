"""MkDocs configurations for building a documents folder somewhere else than the project's own
build/ and site/ (tests, the benchmark): the project's mkdocs.yml and mkdocs.en.yml, merged,
with absolute paths.

In:  a documents folder, an output folder, the languages.
Out: {language: path of a complete MkDocs config} building out/build/docs/<lang> into
     out/site (Japanese) and out/site/en (English).
"""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent          # the project


def _merge(base: dict, child: dict) -> dict:
    out = dict(base)
    for k, v in child.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def write_configs(src: Path, out: Path, langs=("ja", "en")) -> dict[str, Path]:
    """Write the configuration of each edition for `src` built into `out`; their paths by language."""
    base = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    english = yaml.safe_load((ROOT / "mkdocs.en.yml").read_text(encoding="utf-8"))
    english.pop("INHERIT")
    paths = {}
    for lang in langs:
        config = base if lang == "ja" else _merge(base, english)
        config = dict(config, docs_dir=str(out / "build" / "docs" / lang),
                      site_dir=str(out / "site") + ("" if lang == "ja" else "/" + lang),
                      hooks=[str(ROOT / h) for h in base.get("hooks", [])], watch=[str(src)])
        config["theme"] = dict(config["theme"], custom_dir=str(ROOT / base["theme"]["custom_dir"]))
        out.mkdir(parents=True, exist_ok=True)
        paths[lang] = out / f"mkdocs.{lang}.yml"
        paths[lang].write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return paths
