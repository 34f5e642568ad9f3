// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Print buttons (no inline handlers: the Content-Security-Policy forbids them).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
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
