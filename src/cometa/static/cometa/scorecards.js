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

  // A page answered with form errors: the summary at its top takes the focus (the
  // autofocus attribute does it too; this covers browsers that skip it on a div).
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary && document.activeElement !== summary) {
      summary.focus();
    }
  }

  // The assessment page shows one section at a time; a link to an anchor of the old long
  // page (#evidence, #team...) opens the section that holds it.
  function openSectionOfAnchor() {
    var tabs = document.querySelector("nav.tabs[data-sections]");
    var anchor = window.location.hash.slice(1);
    if (!tabs || !anchor || document.getElementById(anchor)) {
      return;
    }
    var sections = JSON.parse(tabs.getAttribute("data-sections"));
    var section = anchor.indexOf("action-") === 0 ? "actions" : sections[anchor];
    if (section) {
      window.location.replace("?section=" + section + "#" + anchor);
    }
  }

  function init() {
    focusErrorSummary();
    openSectionOfAnchor();
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
