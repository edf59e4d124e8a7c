/* Tooltips of the glossary terms in running text (a.term[data-tip]): one element, placed under
   (or above) the term and kept inside the viewport, so it never widens the page. Shown on hover and
   keyboard focus; on touch, a first tap shows it and a second tap on the same term follows the link.
   Escape, or a tap elsewhere, hides it. Screen readers get the same text from the page's hidden
   tips (aria-describedby), so this element is aria-hidden. No network: works from file:// too.
   Material's content.tooltips is not used: it needs a title attribute (read as the link's description
   besides ours), replaces aria-describedby with its own and has no first-tap behaviour. */
(function () {
  "use strict";
  var MARGIN = 8, GAP = 4;
  var tip = document.createElement("div");
  tip.className = "term-tooltip";
  tip.id = "term-tooltip";
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  document.body.appendChild(tip);

  var current = null;      // the term whose tooltip is shown
  var armed = null;        // a term tapped once: the next tap on it follows the link
  var touchAt = -1e9;      // when the last touch began
  var hovered = null;      // the term or the tooltip under the pointer
  var hideTimer = 0;

  function termOf(node) {
    return node && node.closest ? node.closest("a.term[data-tip]") : null;
  }

  function boxOf(term, x, y) {
    /* Under the whole term (it may wrap), from the left of its line box under the pointer, else its first. */
    var rects = term.getClientRects(), all = term.getBoundingClientRect(), left = rects.length ? rects[0].left : all.left;
    for (var i = 0; i < rects.length; i++) {
      var r = rects[i];
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) left = r.left;
    }
    return { left: left, top: all.top, bottom: all.bottom };
  }

  function place(box) {
    var width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var origin = tip.getBoundingClientRect();          // where (0, 0) lands, in viewport coordinates
    var w = origin.width, h = origin.height;
    var x = Math.max(MARGIN, Math.min(box.left, width - MARGIN - w));
    var y = box.bottom + GAP;
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (y + h > height && box.top - GAP - h >= top) y = box.top - GAP - h;
    tip.style.left = (x - origin.left) + "px";
    tip.style.top = (y - origin.top) + "px";
  }

  function show(term, event) {
    clearTimeout(hideTimer);
    if (current !== term) armed = null;
    current = term;
    tip.textContent = term.getAttribute("data-tip");
    tip.hidden = false;
    place(boxOf(term, event && event.clientX, event && event.clientY));
  }

  function hide() {
    clearTimeout(hideTimer);
    tip.hidden = true;
    current = armed = null;
  }

  function hideSoon() {
    /* A moment to move the pointer from the term onto the tooltip (WCAG 1.4.13: hoverable). */
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (!current || armed === current || current === document.activeElement) return;
      if (hovered === current || hovered === tip) return;
      hide();
    }, 150);
  }

  document.addEventListener("mouseover", function (event) {
    var term = termOf(event.target);
    hovered = term || (event.target === tip ? tip : null);
    if (term && term !== current) show(term, event);
  });
  document.addEventListener("mouseout", function (event) {
    var from = termOf(event.target) || (event.target === tip ? tip : null);
    if (from && !(event.relatedTarget && from.contains(event.relatedTarget))) {
      hovered = null;
      hideSoon();
    }
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term);
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event.target) === current) hideSoon();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !tip.hidden) hide();
  });
  document.addEventListener("touchstart", function (event) {
    touchAt = Date.now();
    if (!termOf(event.target) && event.target !== tip && !tip.hidden) hide();
  }, { passive: true });
  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    var touch = event.pointerType === "touch" || event.pointerType === "pen" || Date.now() - touchAt < 1000;
    if (!term) {
      if (armed && event.target !== tip) hide();
      return;
    }
    if (!touch || armed === term) return;              // mouse, keyboard, a second tap: follow the link
    event.preventDefault();
    show(term, event);
    armed = term;
  });
  window.addEventListener("resize", function () {
    if (current && !tip.hidden) place(boxOf(current));
  });
})();
