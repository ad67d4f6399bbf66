// A search box above long lists (facilities, courts). Without this script the <select> still
// works: browsers jump to an option as you type its first letters.
(function () {
  "use strict";
  document.querySelectorAll("select[data-filter]").forEach(function (select) {
    var options = Array.prototype.slice.call(select.querySelectorAll("option"));
    var box = document.createElement("input");
    box.type = "search";
    box.id = select.id + "_search";
    box.className = "filter-box";
    box.setAttribute("autocomplete", "off");
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.className = "filter-label";
    label.textContent = select.getAttribute("data-filter");
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(status, select);
    box.addEventListener("input", function () {
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      options.forEach(function (option) {
        var text = option.textContent.toLowerCase();
        var keep = !option.value || option.value === "other" || option.selected ||
          words.every(function (w) { return text.indexOf(w) !== -1; });
        option.hidden = !keep;
        option.disabled = !keep;
        if (keep && option.value && option.value !== "other") { shown += 1; }
      });
      status.textContent = shown + (shown === 1 ? " match" : " matches") + " in the list below";
    });
  });
})();
