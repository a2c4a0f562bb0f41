// The API documentation: Swagger UI draws a parameter's list of values as a <select> without a
// label; it is named after its parameter (axe-core: select-name). No inline script: the CSP forbids it.
(function () {
  "use strict";
  function nameSelects() {
    document.querySelectorAll("tr[data-param-name] select:not([aria-label])").forEach(function (select) {
      select.setAttribute("aria-label", select.closest("tr").getAttribute("data-param-name"));
    });
  }
  new MutationObserver(nameSelects).observe(document.documentElement, { childList: true, subtree: true });
})();
