/*
 * The tools' fillable templates: print and nothing else.
 *
 * What is typed stays in the page: no storage, no cookies, no request. Each text field has a
 * print-only copy that this script keeps up to date, so a printout (or PDF) shows every word
 * of a long text, and an empty field prints as a line to write on. A page shown again from
 * the browser's back/forward cache, or refilled by the browser after a reload, is emptied.
 */
(function () {
  "use strict";
  var FIELDS = ".hv-felter input, .hv-felter textarea";

  function copy(field) {
    if (!field.id) {
      return;
    }
    var out = document.querySelector('[data-hv-speil="' + CSS.escape(field.id) + '"]');
    if (!out) {
      return;
    }
    var value = field.value;
    if (field.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      var parts = value.split("-");
      value = parts[2] + "." + parts[1] + "." + parts[0];
    }
    out.textContent = value;
  }

  function clear() {
    document.querySelectorAll(FIELDS).forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = false;
      } else {
        field.value = "";
      }
      copy(field);
    });
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches(FIELDS)) {
      copy(event.target);
    }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-hv-print]")) {
      window.print();
    }
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(FIELDS).forEach(copy);
  });
  window.addEventListener("pageshow", clear);
  document.addEventListener("DOMContentLoaded", clear);
})();
