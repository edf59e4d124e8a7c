#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, pinned below) with Debian's chromium, mobile preset, over every page
# type of both editions: home, section, table, slides, side-by-side, glossary, a term's list of where
# it appears, status, 404. Builds both editions with a local site_url (so that nothing is fetched
# from the real host), serves them gzip-compressed on 127.0.0.1 and prints the four category scores
# of each page, and every audit that lost points.
# Usage: scripts/lighthouse.sh [page path …]   (default: the page types above, in both editions)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8391}"
LIGHTHOUSE_VERSION=13.5.0
OUT=build/lighthouse
PAGES=("$@")
if [ ${#PAGES[@]} -eq 0 ]; then
  for edition in "" "en/"; do
    for page in "" leo-activity-2025/1/ leo-activity-2025/annex-1/ isecg-coordination/ \
                leo-activity-2025/parallel/ glossary/ glossary/uses/cld/ status/ 404.html; do
      PAGES+=("${edition}${page}")
    done
  done
fi
make --no-print-directory generate >/dev/null 2>&1 || { echo "lighthouse: make generate failed (run it to see why)" >&2; exit 1; }
[ -x .tools/node_modules/.bin/lighthouse ] || npm install --silent --no-save --no-audit --no-fund \
  --prefix .tools "lighthouse@${LIGHTHOUSE_VERSION}" >/dev/null
mkdir -p "$OUT"
cat > .lighthouse.yml <<YML
INHERIT: mkdocs.yml
site_url: http://127.0.0.1:${PORT}/
site_dir: ${OUT}/site
extra:
  site_root_url: http://127.0.0.1:${PORT}/
YML
cat > .lighthouse.en.yml <<YML
INHERIT: mkdocs.en.yml
site_url: http://127.0.0.1:${PORT}/en/
site_dir: ${OUT}/site/en
extra:
  site_root_url: http://127.0.0.1:${PORT}/
YML
trap 'kill ${SERVER:-} 2>/dev/null; rm -f .lighthouse.yml .lighthouse.en.yml' EXIT
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --quiet -f .lighthouse.yml
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --quiet -f .lighthouse.en.yml
# a static server that compresses text like GitHub Pages does (gzip)
.venv/bin/python scripts/serve_gzip.py "$PORT" "$OUT/site" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 100); do          # until it answers
  curl -fs -o /dev/null "http://127.0.0.1:${PORT}/" && break
  kill -0 "$SERVER" 2>/dev/null || { echo "lighthouse: the server did not start" >&2; exit 1; }
  sleep 0.1
done
n=0
for page in "${PAGES[@]}"; do
  n=$((n + 1))
  CHROME_PATH=/usr/bin/chromium .tools/node_modules/.bin/lighthouse "http://127.0.0.1:${PORT}/${page}" \
    --quiet --output=json --output-path="$OUT/$n.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --only-categories=performance,accessibility,best-practices,seo
done
.venv/bin/python - "$OUT" "$n" <<'PY'
import json, sys
out, count = sys.argv[1], int(sys.argv[2])
print(f"{'page (mobile preset)':<48} perf  a11y  best  seo")
lost = []
for n in range(1, count + 1):
    report = json.load(open(f"{out}/{n}.json"))
    url = report["finalDisplayedUrl"].split("/", 3)[3] or "(home)"
    scores = [round(report["categories"][k]["score"] * 100) for k in ("performance", "accessibility", "best-practices", "seo")]
    print(f"{url:<48} " + "  ".join(f"{s:>4}" for s in scores))
    for key, cat in report["categories"].items():
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"  - {url}: {cat['title']}: {audit['title']} ({audit.get('displayValue', audit['score'])})")
print(f"lighthouse {report['lighthouseVersion']}")
print("\n".join(lost))
PY
