// Webhooks pages: what needs attention first (a secret shown once, or the form's errors) gets
// the focus, so a keyboard or screen-reader user lands on it.
(function () {
  "use strict";
  var target = document.querySelector("[data-focus]");
  if (target) {
    target.focus();
  }
})();
