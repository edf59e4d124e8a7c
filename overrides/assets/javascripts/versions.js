/* Citations of earlier versions: when the address names an id that an earlier version printed on this
   page, and that passage is now elsewhere or was removed, say so beside it (or at the top of the page),
   with a link to where it is. The page's #earlier-ids script holds the notices, written by the generator
   (render/versions.py); the text is set as text, never as markup. */
(function () {
  "use strict";
  var data = null;

  function notices() {
    if (data === null) {
      var el = document.getElementById("earlier-ids");
      try { data = el ? JSON.parse(el.textContent) : {}; } catch (e) { data = {}; }
    }
    return data;
  }

  function show() {
    var old = document.querySelector(".version-notice");
    if (old) old.remove();
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var entries = id && Object.prototype.hasOwnProperty.call(notices(), id) ? notices()[id] : null;
    if (!entries) return;
    var box = document.createElement("div");
    box.className = "version-notice";
    box.setAttribute("role", "status");
    entries.forEach(function (n) {
      var p = document.createElement("p");
      p.appendChild(document.createTextNode(n.text + " "));
      var a = document.createElement("a");
      a.href = n.href;
      a.textContent = n.link;
      p.appendChild(a);
      box.appendChild(p);
    });
    var target = document.getElementById(id);
    var article = document.querySelector("article") || document.body;
    if (target) target.parentNode.insertBefore(box, target);
    else article.insertBefore(box, article.firstChild);
    box.scrollIntoView({ block: "start" });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
  window.addEventListener("hashchange", show);
})();
