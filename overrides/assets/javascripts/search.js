/* Site search for Japanese and English: every substring of the query is found, full-width
   and half-width forms match (NFKC), each language edition has its own index
   (search-index.js at the root of the edition, loaded as a script so that it works from
   file://). Results link to the section. */
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
  var entries = null, loading = false;
  var norm = function (s) { return s.normalize("NFKC").toLowerCase(); };
  var esc = function (s) { return s.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); };

  function load(then) {
    if (entries) return then();
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = base + "/search-index.js";
    script.onload = function () {
      entries = (window.__searchIndex || []).map(function (e) {
        /* normalise character by character, remembering where each normalised character came from,
           so that snippets show the original text */
        var chars = Array.from(e.x), nx = "", from = [];
        for (var i = 0; i < chars.length; i++) {
          var n = norm(chars[i]);
          nx += n;
          for (var k = 0; k < n.length; k++) from.push(i);
        }
        return {u: e.u, t: e.t, d: e.d, g: e.g, o: chars, x: nx, from: from, nt: norm(e.t)};
      });
      then();
    };
    document.head.appendChild(script);
  }

  function count(hay, needle) {
    var n = 0, i = hay.indexOf(needle);
    while (i >= 0) { n++; i = hay.indexOf(needle, i + needle.length); }
    return n;
  }

  function snippet(e, term) {
    var i = e.x.indexOf(term);
    if (i < 0) return esc(e.o.slice(0, 100).join("")) + "…";
    var a = e.from[i], b = e.from[i + term.length - 1] + 1, start = Math.max(0, a - 30);
    return (start ? "…" : "") + esc(e.o.slice(start, a).join("")) + "<mark>" + esc(e.o.slice(a, b).join("")) +
      "</mark>" + esc(e.o.slice(b, b + 80).join("")) + "…";
  }

  function search(query) {
    var terms = norm(query).split(/\s+/).filter(function (t) { return t.length; });
    if (!terms.length || norm(query).replace(/\s+/g, "").length < 2) return null;
    var hits = [];
    entries.forEach(function (e) {
      var score = 0;
      for (var k = 0; k < terms.length; k++) {
        var inText = count(e.x, terms[k]), inTitle = count(e.nt, terms[k]);
        if (!inText && !inTitle) return;
        score += inText + 5 * inTitle;
      }
      hits.push({e: e, score: score});
    });
    hits.sort(function (a, b) { return (a.e.g - b.e.g) || (b.score - a.score); });
    return {hits: hits, terms: terms};
  }

  function render() {
    var result = search(input.value);
    if (!result) { list.innerHTML = ""; meta.textContent = ja ? "検索語を入力してください" : "Type to start searching"; return; }
    meta.textContent = ja ? result.hits.length + " 件" : result.hits.length + " matching sections";
    list.innerHTML = result.hits.slice(0, 50).map(function (h) {
      var e = h.e;
      return '<li class="md-search-result__item"><a href="' + base + "/" + e.u + '" class="md-search-result__link" tabindex="-1">' +
        '<article class="md-search-result__article md-typeset"><h1>' + esc(e.t) + "</h1>" +
        '<p class="search-doc">' + esc(e.d) + "</p><p>" + snippet(e, result.terms[0]) + "</p></article></a></li>";
    }).join("");
  }

  input.addEventListener("focus", function () { if (toggle) toggle.checked = true; load(render); });
  input.addEventListener("input", function () { load(render); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var first = list.querySelector("a");
      if (first) { toggle && (toggle.checked = false); location.href = first.href; }
    } else if (ev.key === "Escape") {
      if (toggle) toggle.checked = false;
      input.blur();
    }
  });
  list.addEventListener("click", function () { if (toggle) toggle.checked = false; });
  document.addEventListener("keydown", function (ev) {
    if ((ev.key === "/" || ev.key === "s") && document.activeElement === document.body) {
      ev.preventDefault();
      input.focus();
    }
  });
})();
