/* The concordance (KWIC) page: every occurrence of a word or phrase in the documents, in a fixed
   window of context, beside its segment in the other language (known from the alignment, not
   guessed). The sections that contain the query come from the search index (search.js'
   __searchCore); their segments from search/s/ (generator/edition/search.py), loaded a few sections
   at a time. Matching folds as search does (NFKC, lower case, character by character); occurrences
   do not overlap. Every text is put in with textContent. Works from file://: data are scripts. */
(function () {
  "use strict";
  var form = document.querySelector("[data-kwic]");
  var core = window.__searchCore;
  if (!form || !core) return;
  var input = form.querySelector("[data-kwic-input]");
  var select = form.querySelector("[data-kwic-doc]");
  var status = document.querySelector("[data-kwic-status]");
  var table = document.querySelector("[data-kwic-table]");
  var body = table.querySelector("tbody");
  var more = document.querySelector("[data-kwic-more]");
  var ja = form.getAttribute("data-kwic-lang") === "ja";
  var WINDOW = ja ? 20 : 40;                           /* characters each side of a match */
  var LINES = 50;                                       /* lines shown at a time (at least) */
  var BATCH = 8;                                        /* sections loaded at once */
  var segs = {}, docs = null, asked = 0, run = null;
  window.__searchSegments = function (k, rows) { segs[k] = rows; };
  window.__searchDocs = function (titles) { docs = titles; };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function docOf(n, m) {                                /* the document an entry belongs to */
    for (var i = m.o.length - 2; i >= 0; i--) if (n >= m.o[i]) return i;
    return 0;
  }
  function folded(text) {                               /* the text folded, and each folded character's origin */
    var chars = Array.from(text), x = "", from = [];
    for (var i = 0; i < chars.length; i++) {
      var f = core.norm(chars[i]);
      x += f;
      for (var k = 0; k < f.length; k++) from.push(i);
    }
    from.push(chars.length);
    return {chars: chars, x: x, from: from};
  }
  function lines(seg, needle) {                         /* each occurrence in a segment: [left, match, right] */
    var f = folded(seg[1]), out = [], at = f.x.indexOf(needle);
    while (at >= 0 && needle.length) {
      var a = f.from[at], b = f.from[at + needle.length - 1] + 1;
      out.push([f.chars.slice(Math.max(0, a - WINDOW), a).join(""), f.chars.slice(a, b).join(""),
                f.chars.slice(b, b + WINDOW).join("")]);
      at = f.x.indexOf(needle, at + needle.length);
    }
    return out;
  }
  function row(url, seg, hit) {
    var tr = el("tr", "kwic-line"), left = el("td", "kwic-left"), mid = el("td", "kwic-hit");
    var link = el("a"), mark = el("mark", "", hit[1]), aligned = el("td", "kwic-aligned");
    left.appendChild(el("span", "", hit[0]));
    link.href = core.base + "/" + url.split("#")[0] + "#" + seg[0];
    link.appendChild(mark);
    mid.appendChild(link);
    aligned.lang = ja ? "en" : "ja";
    aligned.appendChild(el("span", "kwic-aligned-text", seg[2]));
    if (seg[3]) aligned.appendChild(el("span", "kwic-pending", ja ? "（英訳は準備中）" : " (translation pending)"));
    tr.append(left, mid, el("td", "kwic-right", hit[2]), aligned);
    return tr;
  }
  function heading(title) {
    var tr = el("tr", "kwic-doc"), th = el("th", "", title);
    th.colSpan = 4;
    th.scope = "colgroup";
    tr.appendChild(th);
    return tr;
  }
  function say(r) {
    var left = r.todo.length, docsSeen = Object.keys(r.seenDocs).length;
    status.textContent = !r.needle ? (ja ? "検索語を入力してください" : "Enter a word or phrase")
      : left ? (ja ? r.count + " 件を表示（未読込の候補 " + left + " 節）" : r.count + " occurrences shown (" + left + " more sections to read)")
      : (ja ? r.count + " 件（" + docsSeen + " 文書）" : r.count + " occurrence" + (r.count === 1 ? "" : "s") + " in " + docsSeen + " document" + (docsSeen === 1 ? "" : "s"));
    more.hidden = !left;
    if (left) more.textContent = ja ? "さらに表示" : "Show more";
  }
  function step(r, mine) {                              /* read the next sections until LINES more lines */
    var target = r.count + LINES;
    function next() {
      if (mine !== asked) return Promise.resolve();
      if (!r.todo.length || r.count >= target) { say(r); table.setAttribute("data-done", r.key); return Promise.resolve(); }
      var batch = r.todo.splice(0, BATCH), c = r.m.s;
      return Promise.all(batch.map(function (n) { return core.script("s/" + Math.floor(n / c) + ".js"); })).then(function () {
        if (mine !== asked) return;
        batch.forEach(function (n) {
          var entry = (segs[Math.floor(n / c)] || [])[n % c];
          if (!entry) return;
          var d = docOf(n, r.m);
          entry[1].forEach(function (seg) {
            lines(seg, r.needle).forEach(function (hit) {
              if (r.lastDoc !== d) { body.appendChild(heading(docs[d] || "")); r.lastDoc = d; }
              body.appendChild(row(entry[0], seg, hit));
              r.count++;
              r.seenDocs[d] = true;
            });
          });
        });
        return next();
      });
    }
    table.removeAttribute("data-done");
    more.hidden = true;
    return next();
  }
  function fill(r) {                                    /* the filter: documents with candidate sections */
    var chosen = select.value, per = {};
    r.all.forEach(function (n) { var d = docOf(n, r.m); per[d] = (per[d] || 0) + 1; });
    while (select.options.length > 1) select.remove(1);
    Object.keys(per).map(Number).sort(function (a, b) { return a - b; }).forEach(function (d) {
      var o = el("option", "", (docs[d] || "") + (ja ? "（" + per[d] + " 節）" : " (" + per[d] + " section" + (per[d] === 1 ? "" : "s") + ")"));
      o.value = String(d);
      select.appendChild(o);
    });
    select.value = per[chosen] ? chosen : "";
  }
  function query(q, doc) {
    var mine = ++asked, needle = core.norm(q).trim();
    body.textContent = "";
    table.removeAttribute("data-done");
    return Promise.all([core.manifest(), core.script("docs.js"), needle ? core.candidates(needle) : Promise.resolve([])]).then(function (got) {
      if (mine !== asked) return;
      var m = got[0], all = got[2];
      docs = docs || [];
      var r = {m: m, needle: needle, all: all, count: 0, lastDoc: -1, seenDocs: {}, key: needle + "|" + (doc || "")};
      select.value = doc || "";
      fill(r);
      var d = select.value;
      r.key = needle + "|" + d;
      r.todo = all.filter(function (n) { return d === "" || String(docOf(n, m)) === d; });
      run = r;
      return step(r, mine);
    });
  }
  function go() {
    var q = input.value, d = select.value;
    try {
      var url = new URL(location.href);
      url.searchParams.set("q", q);
      if (d) url.searchParams.set("doc", d); else url.searchParams.delete("doc");
      history.replaceState(null, "", url.href);
    } catch (e) { /* (a page from file:// may refuse) */ }
    return query(q, d);
  }
  form.addEventListener("submit", function (ev) { ev.preventDefault(); go(); });
  select.addEventListener("change", go);
  more.addEventListener("click", function () { if (run) step(run, asked); });
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  query(input.value, params.get("doc") || "");
})();
