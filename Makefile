# The two commands of the README:
#   make site   — set everything up (Chromium included: it prints the PDFs) and build the site into site/
#   make test   — set everything up (Chromium included) and run all tests (.ci/run runs exactly this)
# Others: make generate (Markdown only), make serve (live preview), make check, make po (refresh PO files).

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
MKDOCS  = $(VENV)/bin/mkdocs
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Reproducible builds: MkDocs dates the sitemap with SOURCE_DATE_EPOCH (the last commit's time).
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export NO_MKDOCS_2_WARNING = 1

.PHONY: site test generate serve check po offline bench deps test-deps chromium clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.deps: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

deps: $(VENV)/.deps
test-deps: $(VENV)/.test-deps

# The generator's bytecode, compiled again only when its code changes (as pip compiles an installed
# package): every run would otherwise compile the modules anew (about 50 ms) wherever Python does not
# keep bytecode itself (PYTHONDONTWRITEBYTECODE, a read-only checkout).
BYTECODE = generator/__pycache__/.compiled
$(BYTECODE): $(shell find generator -name '*.py') | $(PY)
	$(PY) -m compileall -q generator
	touch $@

# Debian's chromium (the tests' browser, and the PDFs' printer), Noto Sans CJK (Japanese on screen) and
# IPAex Gothic (Japanese in the PDFs: a TrueType font, so Chromium embeds it as a font subset)
IPAEX = /usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf
chromium:
	@{ command -v chromium && test -f $(IPAEX); } >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium fonts-noto-cjk fonts-ipaexfont-gothic; }

generate: deps $(BYTECODE)
	$(PY) -m generator generate --strict

# Generation, both MkDocs editions side by side, the link check of the whole site, then site/ replaced
# (`generator build`: a failure at any step leaves site/ as it was); --pdf: each document's PDF in
# each language, printed by Chromium (only those whose print page changed: build/cache/pdf/).
site: deps chromium $(BYTECODE)
	$(PY) -m generator build --strict --pdf
	@echo "site: built into site/ (Japanese) and site/en/ (English)"

# Live preview of one edition (SERVE_LANG=en for English); edits in docs_src/ regenerate the pages,
# and MkDocs rebuilds only those whose Markdown changed (--dirty). SERVE_FLAGS= rebuilds every
# page at every change (theme work in overrides/).
SERVE_LANG ?= ja
SERVE_FLAGS ?= --dirty
serve: generate
	$(MKDOCS) serve $(SERVE_FLAGS) -f $(if $(filter en,$(SERVE_LANG)),mkdocs.en.yml,mkdocs.yml)

# The offline bundle: the whole bilingual site with .html links, zipped; works unzipped from disk.
offline: deps chromium $(BYTECODE)
	$(PY) -m generator --out build-offline build --strict --pdf --urls files \
	  -f mkdocs.offline.yml -f mkdocs.offline.en.yml
	mkdir -p offline && rm -f offline/space-policy-docs.zip
	$(PY) -c "import shutil; shutil.make_archive('offline/space-policy-docs', 'zip', 'build-offline/site')"
	@echo "offline: offline/space-policy-docs.zip (unzip, open index.html)"

# Everything editors touch: sources, footnotes, tables, translations, glossary (one line per
# problem, file:line: level: message), then the site built, with its internal links and anchors.
check: deps $(BYTECODE)
	$(PY) -m generator check --strict
	$(MAKE) --no-print-directory site

po: deps
	$(PY) -m generator po --lang en

test: test-deps chromium $(BYTECODE)
	$(PY) -m pytest

# Speed and memory figures (not a test): real documents, synthetic corpora of 10/100/300 documents.
bench: deps $(BYTECODE)
	$(PY) bench/run.py --write

clean:
	rm -rf build site build-offline offline
