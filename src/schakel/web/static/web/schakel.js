// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // A wide table scrolls inside its frame (on a phone, most do): make the frame reachable
  // and scrollable with the keyboard, and name it after the table's caption or heading.
  // Every table gets such a frame, so a narrow screen never scrolls the whole page sideways.
  document.querySelectorAll("main table").forEach(function (table) {
    if (table.closest(".table-wrap")) { return; }
    var frame = document.createElement("div");
    frame.className = "table-wrap table-wrap--plain";
    table.parentNode.insertBefore(frame, table);
    frame.appendChild(table);
  });
  function markScrollableTables() {
    document.querySelectorAll(".table-wrap").forEach(function (frame) {
      var scrolls = frame.scrollWidth > frame.clientWidth + 1;
      if (scrolls && !frame.hasAttribute("tabindex")) {
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("role", "region");
        var caption = frame.querySelector("caption");
        var section = frame.closest("section");
        var heading = section && section.querySelector("h2, h3");
        var name = (caption || heading || {}).textContent;
        if (name) { frame.setAttribute("aria-label", name.trim()); }
      } else if (!scrolls && frame.getAttribute("role") === "region") {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }
  markScrollableTables();
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  window.addEventListener("resize", markScrollableTables);

  // Move focus to the error summary, so keyboard and screen-reader users hear it first.
  var summary = document.querySelector(".error-summary") || document.getElementById("duplicates");
  if (summary) { summary.focus(); return; }
  // Open the step a link points to (#action-...), e.g. "next step" in the caseload.
  function openTarget() {
    var id = window.location.hash.slice(1);
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
});
