// Small behaviours shared by every page. No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";

  // The menu folds behind a button on phones; without JavaScript the "Menu" link opens it (#menu).
  document.documentElement.classList.add("js");
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".menu-toggle");
    if (!toggle) {
      return;
    }
    var shell = document.querySelector(".shell");
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    shell.classList.toggle("menu-open", open);
    if (open) {
      var first = document.querySelector("#menu a");
      if (first) {
        first.focus();
      }
    }
  });

  // Kind-dependent fields: shown only while their controlling field has one of their values.
  function showDependentFields() {
    document.querySelectorAll("[data-shown-when-field]").forEach(function (wrapper) {
      var controller = document.getElementById(wrapper.getAttribute("data-shown-when-field"));
      if (controller) {
        var values = wrapper.getAttribute("data-shown-when").split(" ");
        wrapper.hidden = values.indexOf(controller.value) === -1;
      }
    });
  }
  document.addEventListener("DOMContentLoaded", showDependentFields);
  document.addEventListener("change", showDependentFields);

  document.addEventListener("change", function (event) {
    var select = event.target.closest("select[data-autosubmit]");
    if (select && select.form) {
      select.form.requestSubmit();
    }
  });

  document.addEventListener("click", function (event) {
    var confirmButton = event.target.closest("[data-confirm]");
    var dialog = document.getElementById("confirm-dialog");
    if (confirmButton && dialog && confirmButton.form) {
      // In-page confirmation: the question, what else goes, and the action's own name.
      event.preventDefault();
      dialog.querySelector("#confirm-question").textContent = confirmButton.getAttribute("data-confirm");
      var details = dialog.querySelector("#confirm-details");
      details.replaceChildren();
      var source = confirmButton.getAttribute("data-confirm-details");
      var list = source ? document.querySelector(source) : null;
      if (list) {
        var copy = list.cloneNode(true);
        copy.removeAttribute("id");
        copy.hidden = false;
        details.appendChild(copy);
      }
      // The buttons say what they do: the action's own name (or ``data-confirm-action`` where
      // that name alone would read like "dismiss", as Cancel of a request does), and the
      // dismissal ``data-confirm-dismiss`` (by default the dialog's Cancel).
      var ok = dialog.querySelector("[data-confirm-ok]");
      ok.textContent = confirmButton.getAttribute("data-confirm-action") || confirmButton.textContent.trim();
      var dismiss = dialog.querySelector("[data-confirm-cancel]");
      if (!dismiss.hasAttribute("data-default-text")) {
        dismiss.setAttribute("data-default-text", dismiss.textContent);
      }
      dismiss.textContent = confirmButton.getAttribute("data-confirm-dismiss") || dismiss.getAttribute("data-default-text");
      ok.onclick = function () {
        dialog.close();
        confirmButton.form.requestSubmit(confirmButton);
      };
      dialog.showModal();
      dialog.querySelector("[data-confirm-cancel]").focus();
      return;
    }
    if (event.target.closest("[data-confirm-cancel]")) {
      event.target.closest("dialog").close();
      return;
    }
    var copyButton = event.target.closest("[data-copy]");
    if (copyButton) {
      var source = document.querySelector(copyButton.getAttribute("data-copy"));
      if (source && navigator.clipboard) {
        var text = source.value !== undefined ? source.value : source.textContent;
        navigator.clipboard.writeText(text.trim()).then(function () {
          copyButton.setAttribute("data-copied", "true");
          var said = copyButton.parentNode.querySelector(".copied");
          if (said) {
            said.textContent = copyButton.getAttribute("data-copied-text") || "✓";
          }
        });
      }
    }
  });
})();
