"""MkDocs hook: the navigation written by the generator (`build/nav/<lang>.json`).

In:  the MkDocs config of one language build.
Out: the same config with `nav` set, so that pages appear in document order.
"""
from __future__ import annotations

import json
from pathlib import Path


def on_config(config, **kwargs):
    lang = config.theme.get("language", "ja")
    nav = Path(config.config_file_path).parent / "build" / "nav" / f"{lang}.json"
    if nav.exists():
        config.nav = json.loads(nav.read_text(encoding="utf-8"))
    return config
