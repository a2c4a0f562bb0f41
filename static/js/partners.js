// Partners: the "Define partner" dialog and its search list (ARIA combobox + listbox).
// Loaded by the partners templates; no inline script anywhere (the CSP forbids it).
(function () {
  "use strict";
  if (window.rainbowPartners) {
    return;
  }
  window.rainbowPartners = true;

  var searchTimer = null;
  var searchSerial = 0;

  function parts(input) {
    var root = input.closest("form") || document;
    return {
      input: input,
      listbox: document.getElementById(input.getAttribute("aria-controls")),
      status: root.querySelector("[role=status]"),
      choice: document.querySelector(input.getAttribute("data-choice")),
      kindBox: root.querySelector("[data-directory-kind]")
    };
  }

  function options(p) {
    return Array.prototype.slice.call(p.listbox.querySelectorAll("[role=option]"));
  }

  function openList(p, open) {
    p.listbox.hidden = !open;
    p.input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) {
      p.input.removeAttribute("aria-activedescendant");
    }
  }

  function setActive(p, option) {
    options(p).forEach(function (item) {
      item.setAttribute("aria-selected", item === option ? "true" : "false");
      item.classList.toggle("active", item === option);
    });
    if (option) {
      p.input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      p.input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(p, option) {
    p.input.value = option.getAttribute("data-label");
    p.choice.value = option.getAttribute("data-value");
    p.input.setAttribute("data-chosen", option.getAttribute("data-label"));
    openList(p, false);
  }

  function search(p) {
    var text = p.input.value.trim();
    var serial = ++searchSerial;
    if (!text) {
      p.listbox.replaceChildren();
      p.status.textContent = "";
      openList(p, false);
      return;
    }
    var kind = p.kindBox && p.kindBox.checked ? "distributor" : "reseller";
    var url = p.input.getAttribute("data-directory-url") +
      "?kind=" + kind + "&q=" + encodeURIComponent(text);
    fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        if (serial !== searchSerial) {
          return; // an answer to an older query
        }
        var holder = document.createElement("template");
        holder.innerHTML = html;
        var list = holder.content.querySelector("ul");
        var note = holder.content.querySelector("p");
        p.listbox.replaceChildren.apply(p.listbox, list ? Array.prototype.slice.call(list.children) : []);
        p.status.textContent = note ? note.textContent.trim() : "";
        openList(p, options(p).length > 0);
        setActive(p, null);
      });
  }

  document.addEventListener("input", function (event) {
    var input = event.target.closest("[role=combobox][data-directory-url]");
    if (!input) {
      return;
    }
    var p = parts(input);
    if (input.value !== input.getAttribute("data-chosen")) {
      p.choice.value = ""; // typing again forgets the previous pick
    }
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(function () { search(p); }, 150);
  });

  document.addEventListener("change", function (event) {
    var box = event.target.closest("[data-directory-kind]");
    if (!box) {
      return;
    }
    var input = box.form && box.form.querySelector("[role=combobox][data-directory-url]");
    if (input) {
      var p = parts(input);
      p.choice.value = "";
      search(p);
    }
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target.closest("[role=combobox][data-directory-url]");
    if (!input) {
      return;
    }
    var p = parts(input);
    var items = options(p);
    var current = items.indexOf(document.getElementById(input.getAttribute("aria-activedescendant")));
    var open = input.getAttribute("aria-expanded") === "true";
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!items.length) {
        return;
      }
      openList(p, true);
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = current < 0 ? (step > 0 ? 0 : items.length - 1) : (current + step + items.length) % items.length;
      setActive(p, items[next]);
    } else if (event.key === "Enter" && open) {
      event.preventDefault(); // pick, do not submit
      if (current >= 0) {
        choose(p, items[current]);
      } else if (items.length === 1) {
        choose(p, items[0]);
      }
    } else if (event.key === "Escape" && open) {
      event.preventDefault(); // close the list, not the dialog
      event.stopPropagation();
      openList(p, false);
    }
  });

  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest("[role=listbox] [role=option]");
    if (!option) {
      return;
    }
    event.preventDefault(); // keep the focus in the search box
    var input = document.querySelector("[aria-controls='" + option.parentNode.id + "']");
    if (input) {
      choose(parts(input), option);
    }
  });

  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-dialog-open]");
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute("data-dialog-open"));
      if (dialog && dialog.showModal) {
        event.preventDefault();
        dialog.showModal();
        var first = dialog.querySelector("[role=combobox]");
        if (first) {
          first.focus();
        }
      }
      return;
    }
    var closer = event.target.closest("[data-dialog-close]");
    if (closer) {
      var owner = closer.closest("dialog");
      if (owner) {
        owner.close();
      }
      if (closer.hasAttribute("data-reload") || !owner) {
        window.location.assign(closer.getAttribute("data-href") || "/dashboard/");
      }
    }
  });
})();
