// Under a box whose text goes into the motion, a line showing how it will read there:
// 'In the motion: "…"' (data-label on the line, in the page's language). Without this script
// the notice above the line still says whose words the text becomes.
(function () {
  "use strict";

  var MAX = 160;

  document.querySelectorAll("textarea[data-voice]").forEach(function (box) {
    var line = document.getElementById(box.id + "_preview");
    if (!line) {
      return;
    }
    function update() {
      var text = box.value.replace(/\s+/g, " ").trim();
      if (Array.from(text).length > MAX) {
        text = Array.from(text).slice(0, MAX).join("") + "…";
      }
      line.textContent = line.getAttribute("data-label") + " \u201c" + text + "\u201d";
      line.hidden = text === "";
    }
    box.addEventListener("input", update);
    update();
  });
})();
