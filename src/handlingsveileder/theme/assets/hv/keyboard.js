/*
 * Keyboard use: nothing hidden takes focus, and what does is visible (WCAG 2.1.1, 2.4.3,
 * 2.4.7).
 *
 * - The navigation drawer (the primary sidebar, a drawer below Material's breakpoint
 *   76.1875em) is `inert` while it is closed: Tab no longer walks through links that are
 *   off screen. Its menu button (a <label> in Material's header, which takes no focus) is
 *   replaced by a real button, so the keyboard can open the drawer; Escape closes it
 *   again and puts focus back on the button.
 * - The search results' scroll box (`tabindex="0"` in Material's template) is a Tab stop
 *   only while the search is open and shows results.
 * - The light/dark toggle (a radio whose visible control is the label after it) switches
 *   with Space as well as Enter (Material's), and keyboard.css draws its focus on the label.
 *
 * Runs on every page, also after Material's instant navigation (which replaces the
 * sidebars). Nothing is stored.
 */
(function () {
  "use strict";
  var DRAWER_LAYOUT = window.matchMedia("(max-width: 76.1875em)");
  var MENU_LABEL = 'label.md-header__button[for="__drawer"]';
  var MENU_NAME = "Meny"; // the same word in bokmål and nynorsk

  function byId(id) {
    return document.getElementById(id);
  }

  function menuButton() {
    return document.querySelector("button[data-hv-knapp]");
  }

  /* The drawer: inert while closed in the drawer layout; the menu button tells its state. */
  function updateDrawer() {
    var toggle = byId("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!toggle) {
      return;
    }
    var closed = DRAWER_LAYOUT.matches && !toggle.checked;
    if (sidebar) {
      if (closed) {
        sidebar.setAttribute("inert", "");
      } else {
        sidebar.removeAttribute("inert");
      }
    }
    var menu = menuButton();
    if (menu) {
      menu.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
  }

  /* Material's menu button is a bare <label>, which takes no focus (and may not be given
     the role of a button): put a real button in its place, which toggles the drawer as the
     label did (a click on the checkbox, so Material's own listeners run). */
  function setUpMenuButton() {
    var label = document.querySelector(MENU_LABEL);
    if (!label || menuButton()) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-hv-knapp", "");
    button.setAttribute("aria-label", MENU_NAME);
    button.setAttribute("aria-expanded", "false");
    button.innerHTML = label.innerHTML; // Material's menu icon
    button.addEventListener("click", function () {
      var toggle = byId("__drawer");
      if (toggle) {
        toggle.click();
      }
    });
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
  }

  /* The results' scroll box is a stop only while results are shown. */
  function updateSearch() {
    var wrap = document.querySelector(".md-search__scrollwrap");
    if (!wrap) {
      return;
    }
    var toggle = byId("__search");
    var list = document.querySelector(".md-search-result__list");
    var shown = Boolean(toggle && toggle.checked && list && list.children.length > 0);
    wrap.setAttribute("tabindex", shown ? "0" : "-1");
  }

  var watched = null;

  function watchResults() {
    var result = document.querySelector(".md-search-result");
    if (!result || result === watched || typeof MutationObserver !== "function") {
      return;
    }
    watched = result;
    new MutationObserver(updateSearch).observe(result, { childList: true, subtree: true });
  }

  function setUp() {
    setUpMenuButton();
    updateDrawer();
    watchResults();
    updateSearch();
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target || !target.id) {
      return;
    }
    if (target.id === "__drawer") {
      updateDrawer();
    } else if (target.id === "__search") {
      updateSearch();
    }
  });

  if (typeof DRAWER_LAYOUT.addEventListener === "function") {
    DRAWER_LAYOUT.addEventListener("change", updateDrawer);
  } else if (typeof DRAWER_LAYOUT.addListener === "function") {
    DRAWER_LAYOUT.addListener(updateDrawer);
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var target = event.target;
    var space = event.key === " " || event.key === "Spacebar";
    // The light/dark toggle: Space on the checked radio does nothing natively; switch as
    // Material does on Enter (choose the next scheme and keep focus on the toggle).
    if (space && target instanceof HTMLInputElement && target.classList.contains("md-option")) {
      var options = Array.prototype.slice.call(document.querySelectorAll("input.md-option"));
      var next = options[(options.indexOf(target) + 1) % options.length];
      if (next && next !== target) {
        event.preventDefault();
        next.click();
        next.focus();
      }
      return;
    }
    if (event.key === "Escape" || event.key === "Esc") {
      var toggle = byId("__drawer");
      if (toggle && toggle.checked && DRAWER_LAYOUT.matches) {
        event.preventDefault();
        toggle.click(); // as Material toggles it: a click, so its own change listeners run
        var menu = menuButton();
        if (menu) {
          menu.focus();
        }
      }
    }
  });

  /* A flowchart node reached with Tab is shown whole. Chromium scrolls the page to a
     focused SVG link but not always the chart's sideways-scrolling box (.hv-diagram), so a
     node could take focus while clipped by the box. Only keyboard focus moves the box. */
  function reveal(box, link) {
    var outer = box.getBoundingClientRect();
    var node = link.getBoundingClientRect();
    var left = outer.left + box.clientLeft;
    var right = left + box.clientWidth;
    if (node.left >= left && node.right <= right) {
      return;
    }
    box.scrollLeft += (node.left + node.right) / 2 - (left + right) / 2; // centred
  }

  function focusVisible(element) {
    try {
      return element.matches(":focus-visible");
    } catch (error) {
      return true; // a browser without :focus-visible
    }
  }

  document.addEventListener("focusin", function (event) {
    var link = typeof event.composedPath === "function" ? event.composedPath()[0] : event.target;
    var host = event.target; // the chart's host element when it is drawn in a shadow root
    if (!(link instanceof SVGElement) || !(host instanceof Element)) {
      return;
    }
    var box = host.closest(".hv-diagram");
    if (!box || box.scrollWidth <= box.clientWidth || !focusVisible(link)) {
      return; // a node clicked with the mouse stays under the pointer
    }
    reveal(box, link);
    window.requestAnimationFrame(function () {
      if (link.getRootNode().activeElement === link) {
        reveal(box, link); // after the browser's own scrolling to the focused link
      }
    });
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp); // every page, also after instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
