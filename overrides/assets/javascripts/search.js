/* Site search for Japanese and English: every substring of two or more characters of the query is
   found, full-width and half-width forms match (NFKC, lower case), each language edition has its
   own index. The index is sharded (generator/edition/search.py): a query loads the manifest, the
   shards of its terms' keys — a character's or a pair's counts per entry, or the positions of the
   trigrams that cover a longer term, so that it is matched exactly and counted as a full scan counts
   it — and then only the texts of the results it shows. Every file is a script, so that search works from file:// too. Results link
   to the section; the arrow keys move through them, Enter opens one, Escape and Tab close the panel. */
(function () {
  "use strict";
  var box = document.querySelector("[data-search-base]");
  if (!box) return;
  var input = box.querySelector("[data-search-input]");
  var list = box.querySelector("[data-search-results]");
  var meta = box.querySelector("[data-search-meta]");
  var toggle = document.getElementById("__search");
  var base = box.getAttribute("data-search-base").replace(/\/$/, "");
  var ja = box.getAttribute("data-search-lang") === "ja";
  var PAGE = 10;                                        /* results shown at a time */
  var norm = function (s) { return s.normalize("NFKC").toLowerCase(); };
  var esc = function (s) { return s.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); };

  var DIGIT = new Int8Array(128);                       /* what search.py's varint writes */
  "0123456789abcdefghijklmnopqrstuv".split("").forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = i; });
  "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-".split("").forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = i; });
  var loading = {}, shards = {u: {}, b: {}, t: {}}, chunks = {}, manifest = null, asked = 0;
  window.__searchShard = function (kind, n, data) { shards[kind][n] = data; };
  window.__searchEntries = function (k, rows) { chunks[k] = rows; };

  function script(path) {                               /* once per file; a missing file is empty */
    if (!loading[path]) loading[path] = new Promise(function (resolve) {
      var s = document.createElement("script");
      s.src = base + "/search/" + path;
      s.onload = s.onerror = function () { resolve(); };
      document.head.appendChild(s);
    });
    return loading[path];
  }
  function ready() {
    return script("manifest.js").then(function () { manifest = window.__searchManifest; });
  }
  function shardOf(key, count) {                       /* FNV-1a over code points, as the generator */
    var h = 2166136261;
    for (var ch of key) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    return h % count;
  }
  function reader(text) {                              /* the numbers of a posting string, in order */
    var at = 0;
    function read() {                                   /* base 32, the last digit from 0-9a-v */
      for (var n = 0; ;) {
        var c = text.charCodeAt(at++);
        n = n * 32 + DIGIT[c];
        if ((c >= 48 && c <= 57) || (c >= 97 && c <= 118)) return n;
      }
    }
    read.more = function () { return at < text.length; };
    return read;
  }
  function postings(kind, key, each) {                  /* each(entry number, read) for a key's entries */
    var data = shards[kind][shardOf(key, manifest[kind])];
    var text = data && Object.prototype.hasOwnProperty.call(data, key) ? data[key] : "";
    if (!text) return;
    text.split("|").forEach(function (group) {
      var read = reader(group), offset = manifest.o[read()], n = 0;
      while (read.more()) { n += read(); each(offset + n, read); }
    });
  }
  function positions(read) {                            /* [title positions, text positions] */
    return [0, 1].map(function () {
      var count = read(), out = new Array(count), last = 0;
      for (var i = 0; i < count; i++) out[i] = (last += read());
      return out;
    });
  }
  function cover(term) {                                /* the trigrams that cover a term, and where */
    var cps = Array.from(term), offsets = [];
    for (var o = 0; o + 3 <= cps.length; o += 3) offsets.push(o);
    if (offsets[offsets.length - 1] !== cps.length - 3) offsets.push(cps.length - 3);
    return {length: cps.length, offsets: offsets, keys: offsets.map(function (o) { return cps.slice(o, o + 3).join(""); })};
  }
  function files(term) {
    var length = Array.from(term).length;
    if (length < 3) { var kind = length === 1 ? "u" : "b"; return [kind + "/" + shardOf(term, manifest[kind]) + ".js"]; }
    return cover(term).keys.map(function (k) { return "t/" + shardOf(k, manifest.t) + ".js"; });
  }
  function counts(term) {                               /* entry number → [in text, in title], as a scan counts */
    var out = new Map(), length = Array.from(term).length;
    if (length < 3) {
      postings(length === 1 ? "u" : "b", term, function (n, read) { var title = read(); out.set(n, [read(), title]); });
      return out;
    }
    var p = cover(term), lists = p.keys.map(function (k) {
      var list = new Map();
      postings("t", k, function (n, read) { list.set(n, positions(read)); });
      return list;
    });
    lists[0].forEach(function (first, n) {
      var rest = [];
      for (var k = 1; k < lists.length; k++) { var r = lists[k].get(n); if (!r) return; rest.push(r); }
      var found = [0, 1].map(function (side) {
        var sets = rest.map(function (r) { return new Set(r[side]); }), hits = 0, next = -1;
        first[side].forEach(function (at) {
          if (at < next) return;                        /* occurrences do not overlap */
          for (var k = 0; k < sets.length; k++) if (!sets[k].has(at + p.offsets[k + 1])) return;
          hits++;
          next = at + length;
        });
        return hits;
      });
      if (found[0] || found[1]) out.set(n, [found[1], found[0]]);
    });
    return out;
  }

  function search(query) {                              /* → {hits: [{n, score}], terms} or null */
    var terms = norm(query).split(/\s+/).filter(function (t) { return t.length; });
    if (!terms.length || norm(query).replace(/\s+/g, "").length < 2) return Promise.resolve(null);
    return ready().then(function () {
      return Promise.all([].concat.apply([], terms.map(files)).map(script));
    }).then(function () {
      var per = terms.map(counts), hits = [];
      per[0].forEach(function (c, n) {
        var score = 0;
        for (var k = 0; k < per.length; k++) { var ck = per[k].get(n); if (!ck) return; score += ck[0] + 5 * ck[1]; }
        hits.push({n: n, score: score});
      });
      var g = manifest.g;                               /* documents first, then the glossary's terms */
      hits.sort(function (a, b) { return ((a.n >= g) - (b.n >= g)) || (b.score - a.score) || (a.n - b.n); });
      return {hits: hits, terms: terms, query: query};
    });
  }
  function entries(numbers) {                           /* the texts of these results, loaded */
    var c = manifest.c;
    return Promise.all(numbers.map(function (n) { return script("e/" + Math.floor(n / c) + ".js"); })).then(function () {
      return numbers.map(function (n) { var row = (chunks[Math.floor(n / c)] || [])[n % c] || ["", "", "", ""];
        return {u: row[0], t: row[1], d: row[2], x: row[3]}; });
    });
  }
  function candidates(query) {                         /* the documents' entries with every term of a query */
    var terms = norm(query).split(/\s+/).filter(function (t) { return t.length; });
    if (!terms.length) return Promise.resolve([]);
    return ready().then(function () {
      return Promise.all([].concat.apply([], terms.map(files)).map(script));
    }).then(function () {
      var per = terms.map(counts), out = [];
      per[0].forEach(function (c, n) {
        if (n < manifest.g && per.every(function (m) { return m.has(n); })) out.push(n);
      });
      return out.sort(function (a, b) { return a - b; });
    });
  }
  window.__searchCore = {base: base, norm: norm, script: script, candidates: candidates,   /* for the concordance */
                         manifest: function () { return ready().then(function () { return manifest; }); }};
  window.__siteSearch = function (query) {              /* for tests and tools: what a query finds */
    return search(query).then(function (r) { return r && r.hits.map(function (h) { return [h.n, h.score]; }); });
  };

  function snippet(e, term) {
    var chars = Array.from(e.x), x = "", from = [];
    for (var i = 0; i < chars.length; i++) {            /* normalised character by character, each */
      var n = norm(chars[i]);                           /* remembering the character it came from */
      x += n;
      for (var k = 0; k < n.length; k++) from.push(i);
    }
    var at = x.indexOf(term);
    if (at < 0) return esc(chars.slice(0, 100).join("")) + "…";
    var a = from[at], b = from[at + term.length - 1] + 1, start = Math.max(0, a - 30);
    return (start ? "…" : "") + esc(chars.slice(start, a).join("")) + "<mark>" + esc(chars.slice(a, b).join("")) +
      "</mark>" + esc(chars.slice(b, b + 80).join("")) + "…";
  }
  function item(e, term) {
    return '<li class="md-search-result__item"><a href="' + esc(base + "/" + e.u) + '" class="md-search-result__link">' +
      '<article class="md-search-result__article md-typeset"><h1>' + esc(e.t) + "</h1>" +
      '<p class="search-doc">' + esc(e.d) + "</p><p>" + snippet(e, term) + "</p></article></a></li>";
  }
  function more(result, shown, mine) {                  /* the next page of results */
    var next = result.hits.slice(shown, shown + PAGE).map(function (h) { return h.n; });
    return entries(next).then(function (es) {
      if (mine !== asked) return;
      var old = list.querySelector(".search-more");
      if (old) old.parentNode.removeChild(old);
      list.insertAdjacentHTML("beforeend", es.map(function (e) { return item(e, result.terms[0]); }).join(""));
      list.setAttribute("data-done", result.query);     /* (what the list shows: for tests and tools) */
      var left = result.hits.length - shown - next.length;
      if (left > 0) {
        list.insertAdjacentHTML("beforeend", '<li class="search-more"><button type="button" class="md-button">' +
          (ja ? "さらに表示（残り " + left + " 件）" : "Show more (" + left + " more)") + "</button></li>");
        list.querySelector(".search-more button").addEventListener("click", function () {
          more(result, shown + next.length, mine);
        });
      }
    });
  }
  function render() {
    var mine = ++asked;
    search(input.value).then(function (result) {
      if (mine !== asked) return;                       /* a later query is under way */
      list.innerHTML = "";
      if (!result) {
        meta.textContent = ja ? "検索語を入力してください" : "Type to start searching";
        list.setAttribute("data-done", input.value);
        return;
      }
      meta.textContent = ja ? result.hits.length + " 件" : result.hits.length + " matching sections";
      return more(result, 0, mine);
    });
  }

  function close() {
    if (toggle) toggle.checked = false;
  }
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link")); }
  input.addEventListener("focus", function () { if (toggle) toggle.checked = true; render(); });
  input.addEventListener("input", render);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = links()[0];
      if (first) { close(); location.href = first.href; }
    } else if (ev.key === "ArrowDown" && links().length) {
      ev.preventDefault();
      links()[0].focus();
    }
  });
  list.addEventListener("keydown", function (ev) {      /* the arrow keys move through the results */
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    var all = links(), at = all.indexOf(document.activeElement);
    if (at < 0) return;
    ev.preventDefault();
    if (ev.key === "ArrowUp" && at === 0) input.focus();
    else (all[at + (ev.key === "ArrowDown" ? 1 : -1)] || all[at]).focus();
  });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { close(); input.blur(); document.body.focus(); }
  });
  box.addEventListener("focusout", function (ev) {      /* Tab out of the panel closes it */
    if (ev.relatedTarget && !box.contains(ev.relatedTarget)) close();
  });
  list.addEventListener("click", function (ev) { if (ev.target.closest("a")) close(); });
  document.addEventListener("keydown", function (ev) {
    if ((ev.key === "/" || ev.key === "s") && document.activeElement === document.body) {
      ev.preventDefault();
      input.focus();
    }
  });
})();
