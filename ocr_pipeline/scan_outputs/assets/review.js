// Review page: choosing a correction, field, measure row or warning marks its place on the page.
// Every choosable row carries data-page and data-boxes ("x0 y0 x1 y1|..." in the page's OCR
// pixels); each page's <g class="marks"> shares the transform that maps those pixels onto the scan.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var selected = null;

  function clearMarks() {
    document.querySelectorAll("rect.mark").forEach(function (r) { r.remove(); });
    if (selected) { selected.classList.remove("selected"); selected.removeAttribute("aria-selected"); }
    selected = null;
  }

  function mark(row) {
    clearMarks();
    selected = row;
    row.classList.add("selected");
    row.setAttribute("aria-selected", "true");
    var page = document.getElementById("page-" + row.dataset.page);
    if (!page) { return; }
    var group = page.querySelector("g.marks");
    var boxes = (row.dataset.boxes || "").split("|").filter(Boolean);
    boxes.forEach(function (box) {
      var v = box.split(" ").map(Number);
      var pad = 6;
      var r = document.createElementNS(SVG, "rect");
      r.setAttribute("class", "mark");
      r.setAttribute("x", v[0] - pad);
      r.setAttribute("y", v[1] - pad);
      r.setAttribute("width", v[2] - v[0] + 2 * pad);
      r.setAttribute("height", v[3] - v[1] + 2 * pad);
      group.appendChild(r);
    });
    var first = group && group.querySelector("rect.mark");
    (first || page).scrollIntoView({ block: "center", behavior: "smooth" });
  }

  document.addEventListener("click", function (event) {
    var row = event.target.closest(".pick");
    if (row) { mark(row); }
  });
  document.addEventListener("keydown", function (event) {
    var row = event.target.closest && event.target.closest(".pick");
    if (row && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      mark(row);
    } else if (event.key === "Escape") {
      clearMarks();
    }
  });
  document.querySelectorAll("input[data-hide]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.hide, !box.checked);
    });
  });
})();
