#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, pinned below) with Debian's chromium on a document page, mobile preset.
# Builds the Japanese edition with a local site_url (so that nothing is fetched from the real
# host), serves it on 127.0.0.1 and prints the four category scores.
# Usage: scripts/lighthouse.sh [page path, default leo-activity-2025/3/]
set -euo pipefail
cd "$(dirname "$0")/.."
PAGE="${1:-leo-activity-2025/3/}"
PORT="${PORT:-8391}"
LIGHTHOUSE_VERSION=13.5.0
make --no-print-directory generate >/dev/null
[ -x .tools/node_modules/.bin/lighthouse ] || npm install --silent --no-save --no-audit --no-fund \
  --prefix .tools "lighthouse@${LIGHTHOUSE_VERSION}" >/dev/null
cat > .lighthouse.yml <<YML
INHERIT: mkdocs.yml
site_url: http://127.0.0.1:${PORT}/
site_dir: build/lighthouse-site
extra:
  site_root_url: http://127.0.0.1:${PORT}/
YML
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --quiet -f .lighthouse.yml
# a static server that compresses text like GitHub Pages does (gzip)
.venv/bin/python scripts/serve_gzip.py "$PORT" build/lighthouse-site >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -f .lighthouse.yml' EXIT
sleep 1
CHROME_PATH=/usr/bin/chromium .tools/node_modules/.bin/lighthouse "http://127.0.0.1:${PORT}/${PAGE}" \
  --quiet --output=json --output-path=build/lighthouse.json \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
  --only-categories=performance,accessibility,best-practices,seo
.venv/bin/python - <<'PY'
import json
report = json.load(open("build/lighthouse.json"))
print(f"lighthouse {report['lighthouseVersion']} (mobile preset) on {report['finalDisplayedUrl']}")
for key, cat in report["categories"].items():
    print(f"  {cat['title']:<16} {round(cat['score'] * 100)}")
for key, cat in report["categories"].items():
    for ref in cat["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
            print(f"  - {cat['title']}: {audit['title']} ({audit.get('displayValue', audit['score'])})")
PY
