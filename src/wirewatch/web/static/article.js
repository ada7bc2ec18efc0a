// The article page: selecting a highlighted statement (click, Enter or Space) shows its
// speaker, role, cue and kind in the side panel. Without JavaScript the highlights and the
// side lists still work as links and anchors.
(function () {
  "use strict";
  var panel = document.getElementById("panel");
  if (!panel) return;
  var hint = document.getElementById("panel-hint");

  function select(id, scroll) {
    var details = panel.querySelectorAll(".detail");
    for (var i = 0; i < details.length; i++) details[i].hidden = details[i].dataset.statement !== id;
    var marks = document.querySelectorAll("mark.q");
    for (var j = 0; j < marks.length; j++) {
      var on = marks[j].dataset.statement === id;
      marks[j].classList.toggle("selected", on);
      marks[j].setAttribute("aria-pressed", on ? "true" : "false");
    }
    if (hint) hint.hidden = Boolean(document.getElementById("detail-" + id));
    if (scroll) {
      var first = document.getElementById("s" + id);
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest("mark.q");
    if (mark) {
      select(mark.dataset.statement, false);
      return;
    }
    var link = ev.target.closest("[data-select]");
    if (link) select(link.dataset.select, false);
  });
  document.addEventListener("keydown", function (ev) {
    var mark = ev.target.closest && ev.target.closest("mark.q");
    if (mark && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      select(mark.dataset.statement, false);
    }
  });
  function fromHash() {
    var m = /^#s(\d+)$/.exec(window.location.hash);
    if (m) select(m[1], true);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
