// A live count under each box of several lines that has a limit (data-limit on the
// <textarea>, the words in data-count and data-over on the hint under it, in the page's
// language). Without this script the hint still says the limit, and the server refuses text
// over it with a message, keeping every word typed.
(function () {
  "use strict";

  var lang = document.documentElement.lang || undefined;

  function number(n) {
    return n.toLocaleString(lang);
  }

  document.querySelectorAll("textarea[data-limit]").forEach(function (box) {
    var hint = document.getElementById(box.id + "_count");
    if (!hint) {
      return;
    }
    var limit = parseInt(box.getAttribute("data-limit"), 10);
    function update() {
      // As the server counts: characters, not UTF-16 units, and a new line sent as two.
      var count = Array.from(box.value).length + (box.value.match(/\n/g) || []).length;
      var over = count > limit;
      var words = over ? hint.getAttribute("data-over") : hint.getAttribute("data-count");
      hint.textContent = words
        .replace("{count}", number(count))
        .replace("{limit}", number(limit))
        .replace("{over}", number(count - limit));
      hint.classList.toggle("text-count-over", over);
    }
    box.addEventListener("input", update);
    update();
  });
})();
