// The filing packet's progress page: asks every few seconds how far the packet is and shows
// it. Without this script the page still works: its link checks again and downloads the
// packet once it is ready.
(function () {
  "use strict";
  var box = document.getElementById("packet-status");
  if (!box || !window.fetch) { return; }
  var bar = document.getElementById("packet-progress");
  var message = document.getElementById("packet-message");
  var link = document.getElementById("packet-link");
  function check() {
    fetch(box.getAttribute("data-status-url"), {
      credentials: "same-origin", headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    }).then(function (state) {
      if (state.can_retry) { window.location.reload(); return; }
      bar.value = state.percent;
      bar.textContent = state.percent + "%";
      message.textContent = state.message;
      if (state.ready) {
        link.textContent = link.getAttribute("data-ready") || link.textContent;
        return;
      }
      window.setTimeout(check, 3000);
    }).catch(function () { window.setTimeout(check, 10000); });
  }
  window.setTimeout(check, 2000);
}());
