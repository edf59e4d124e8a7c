/* "Cite this passage": a Cite button on each passage and heading the page's cite-data labels; it opens
   a dialog with the citation (the edition's title, issuer, date, section number as printed, URL with the
   anchor) and a Copy button. The URL is the page's canonical address over http(s), its own location
   offline (file://). Re-run on each page (Material's document$ where present). */
(function () {
  "use strict";
  function pageUrl() {
    var canon = document.querySelector('link[rel="canonical"]');
    if (canon && location.protocol !== "file:" && canon.href) return canon.href.split("#")[0];
    return location.href.split("#")[0];
  }
  function citation(data, id) {
    var where = data.labels[id];
    var text = data.format.replace("{issuer}", data.issuer || "").replace("{title}", data.title || "")
      .replace("{date}", data.date || "").replace("{where}", where).replace("{url}", pageUrl() + "#" + id);
    return text.replace(/^, /, "").replace("（）", "").replace(" ()", "");
  }
  function dialog(data) {
    var d = document.getElementById("cite-dialog");
    if (d) return d;
    d = document.createElement("dialog");
    d.id = "cite-dialog";
    d.className = "cite-dialog";
    d.setAttribute("aria-labelledby", "cite-dialog-title");
    var h = document.createElement("h2"); h.id = "cite-dialog-title"; h.textContent = data.ui.cite_title;
    var t = document.createElement("p"); t.className = "cite-text"; t.id = "cite-text";
    var row = document.createElement("div"); row.className = "cite-actions";
    var copy = document.createElement("button"); copy.type = "button"; copy.className = "cite-copy";
    copy.textContent = data.ui.cite_copy;
    var close = document.createElement("button"); close.type = "button"; close.className = "cite-close";
    close.textContent = data.ui.cite_close;
    var live = document.createElement("p"); live.className = "cite-status"; live.setAttribute("role", "status");
    row.append(copy, close);
    d.append(h, t, row, live);
    close.addEventListener("click", function () { d.close(); });
    copy.addEventListener("click", function () {
      var text = t.textContent;
      function selected() {
        var r = document.createRange(); r.selectNodeContents(t);
        var s = getSelection(); s.removeAllRanges(); s.addRange(r);
        live.textContent = d.dataset.select;
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { live.textContent = d.dataset.copied; }, selected);
      } else selected();
    });
    d.addEventListener("close", function () {
      var opener = d._opener; live.textContent = "";
      if (opener && document.contains(opener)) opener.focus();
    });
    d.addEventListener("click", function (e) { if (e.target === d) d.close(); });   // (the backdrop)
    document.body.appendChild(d);
    return d;
  }
  function open(data, id, button) {
    var d = dialog(data);
    d.dataset.copied = data.ui.cite_copied; d.dataset.select = data.ui.cite_select;
    d.querySelector(".cite-text").textContent = citation(data, id);
    d.querySelector(".cite-status").textContent = "";
    d._opener = button;
    d.showModal();
    d.querySelector(".cite-copy").focus();
  }
  function init() {
    var node = document.getElementById("cite-data");
    if (!node) return;
    var data = JSON.parse(node.textContent);
    var old = document.getElementById("cite-dialog"); if (old) old.remove();
    Object.keys(data.labels).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el || el.querySelector(":scope > .cite-button")) return;
      var b = document.createElement("button");
      b.type = "button"; b.className = "cite-button";
      b.dataset.label = data.ui.cite_button;     // (shown by CSS: the passage's text stays its own)
      b.setAttribute("aria-label", data.ui.cite_button + ": " + data.labels[id]);
      b.addEventListener("click", function () { open(data, id, b); });
      el.appendChild(b);
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
