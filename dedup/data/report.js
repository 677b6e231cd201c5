// dedup report: search, sortable tables, echo-graph hover/zoom. The only script in the page;
// its hash is in the Content-Security-Policy, so nothing else (injected or not) can run.
"use strict";
(function () {
  // Search: hide every .searchable item (cards, table rows) whose text lacks the query.
  var search = document.getElementById("search");
  var items = Array.prototype.slice.call(document.querySelectorAll(".searchable"));
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    items.forEach(function (el) {
      el.classList.toggle("hidden", q !== "" && el.textContent.toLowerCase().indexOf(q) < 0);
    });
  });

  // Sortable tables: click a header; numbers sort as numbers, blanks last.
  function key(cell) {
    var raw = cell.getAttribute("data-v");
    var text = raw === null ? cell.textContent.trim() : raw;
    var num = Number(text);
    return text === "" ? null : isNaN(num) ? text : num;
  }
  function compare(a, b) {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
    return typeof a === "number" ? -1 : 1;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, col) {
      th.addEventListener("click", function () {
        var down = th.getAttribute("aria-sort") === "ascending";
        table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r, s) {
          var c = compare(key(r.cells[col]), key(s.cells[col]));
          return down ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // Echo graph: hover a node to light up its neighbours; wheel zooms, drag pans.
  var svg = document.getElementById("graph");
  if (svg) {
    var nodes = {}, edges = svg.querySelectorAll("line");
    svg.querySelectorAll("g.node").forEach(function (g) { nodes[g.getAttribute("data-n")] = g; });
    var near = {};
    edges.forEach(function (e) {
      var s = e.getAttribute("data-s"), t = e.getAttribute("data-t");
      (near[s] = near[s] || []).push([t, e]);
      (near[t] = near[t] || []).push([s, e]);
    });
    function clear() {
      svg.classList.remove("focus");
      svg.querySelectorAll(".near").forEach(function (el) { el.classList.remove("near"); });
      svg.querySelectorAll(".hit").forEach(function (el) { el.classList.remove("hit"); });
    }
    Object.keys(nodes).forEach(function (n) {
      nodes[n].addEventListener("mouseenter", function () {
        clear();
        svg.classList.add("focus");
        nodes[n].classList.add("near", "hit");
        (near[n] || []).forEach(function (pair) {
          nodes[pair[0]].classList.add("near");
          pair[1].classList.add("near");
        });
      });
      nodes[n].addEventListener("mouseleave", clear);
    });
    var box = svg.viewBox.baseVal, drag = null;
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var r = svg.getBoundingClientRect(), f = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
      var x = box.x + ((ev.clientX - r.left) / r.width) * box.width;
      var y = box.y + ((ev.clientY - r.top) / r.height) * box.height;
      box.x = x - (x - box.x) * f; box.y = y - (y - box.y) * f;
      box.width *= f; box.height *= f;
    }, { passive: false });
    svg.addEventListener("mousedown", function (ev) { drag = [ev.clientX, ev.clientY]; });
    window.addEventListener("mouseup", function () { drag = null; });
    window.addEventListener("mousemove", function (ev) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      box.x -= ((ev.clientX - drag[0]) / r.width) * box.width;
      box.y -= ((ev.clientY - drag[1]) / r.height) * box.height;
      drag = [ev.clientX, ev.clientY];
    });
  }
  document.documentElement.setAttribute("data-ready", "1");
})();
