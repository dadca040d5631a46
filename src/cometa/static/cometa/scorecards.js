// Assessment pages, progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // The reason for an agreed rating is asked only when it differs from the computed one.
  function toggleReason(form) {
    var select = form.querySelector("select[name=agreed_level]");
    var reason = form.querySelector("[data-reason]");
    if (!select || !reason) {
      return;
    }
    var computed = form.getAttribute("data-computed") || "";
    var differs = select.value !== "" && select.value !== computed;
    reason.hidden = !differs && !reason.querySelector(".has-error");
  }

  function init() {
    document.querySelectorAll("form.indicator-form").forEach(function (form) {
      toggleReason(form);
      form.addEventListener("change", function (event) {
        if (event.target.name === "agreed_level") {
          toggleReason(form);
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
