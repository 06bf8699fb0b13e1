/* Presentation deck (trainer mode): one slide at a time on a 1280×720 canvas scaled to
   the window, keys and buttons, overview, notes view, blank screen, and the slide number
   in the URL. Markup: presentation/document.py; looks: deck.css. Every word shown comes
   from the markup or from data-hv-words: this file holds no user-visible text. */
(function () {
  "use strict";

  const root = document.documentElement;
  root.classList.add("hv-js");

  const CANVAS_WIDTH = 1280;
  const CANVAS_HEIGHT = 720;
  const FIT_STEP = 0.05;
  const FIT_MIN = 0.6;
  const NOTES_SHARE = 0.62; /* part of the window the slide gets in the notes view */
  const SWIPE_MIN = 50;
  const MAX_DIGITS = 4;

  const deck = document.getElementById("hv-deck");
  const slides = deck ? Array.from(deck.querySelectorAll(".hv-slide")) : [];
  if (!slides.length) {
    return;
  }
  const words = readWords();
  const panel = document.getElementById("hv-notes-panel");
  const help = document.getElementById("hv-deck-help");
  const blank = deck.querySelector(".hv-deck-blank");
  const gotoBox = deck.querySelector(".hv-deck-goto");
  const status = document.getElementById("hv-deck-status");
  const counter = deck.querySelector(".hv-deck-count");

  const state = { index: 0, typed: "", overview: false, notes: false, selected: 0, helpReturn: null, swipe: null };

  /* ---------- Small helpers ---------- */

  function readWords() {
    try {
      return JSON.parse(deck.getAttribute("data-hv-words") || "{}");
    } catch (error) {
      return {};
    }
  }

  const word = (key) => (typeof words[key] === "string" ? words[key] : "");
  const titleOf = (index) => slides[index].getAttribute("data-hv-title") || "";
  const clamp = (index) => Math.max(0, Math.min(slides.length - 1, index));
  const slideLabel = (index) => [word("slide"), index + 1, word("of"), slides.length].join(" ").trim();
  const buttons = (action) => Array.from(deck.querySelectorAll('[data-hv-do="' + action + '"]'));
  const isControl = (element) =>
    Boolean(element && element.closest && element.closest("a, button, input, select, textarea, summary"));

  /* aria-pressed (toggle buttons) or aria-expanded (the help button), whichever it has */
  function setPressed(action, pressed) {
    buttons(action).forEach((button) => {
      ["aria-pressed", "aria-expanded"].forEach((attribute) => {
        if (button.hasAttribute(attribute)) {
          button.setAttribute(attribute, String(pressed));
        }
      });
    });
  }

  function replaceHash(index) {
    try {
      history.replaceState(null, "", "#" + (index + 1));
    } catch (error) {
      /* some file:// contexts refuse; the deck works without the number in the URL */
    }
  }

  /* ---------- Fit: shrink the type of a slide whose content does not fit its canvas ---------- */

  function overflows(slide) {
    const inner = slide.querySelector(".hv-slide-inner");
    if (!inner) {
      return false;
    }
    const boxes = [inner, ...inner.querySelectorAll(".hv-slide-text, .hv-slide-chart")];
    return boxes.some((box) => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1);
  }

  function fitSlide(slide) {
    const wasHidden = slide.hidden;
    slide.hidden = false;
    let fit = 1;
    slide.style.removeProperty("--hv-fit");
    while (overflows(slide) && fit > FIT_MIN + 0.001) {
      fit = Math.round((fit - FIT_STEP) * 100) / 100;
      slide.style.setProperty("--hv-fit", String(fit));
    }
    slide.hidden = wasHidden;
  }

  /* ---------- Layout: scale and place the canvas, choose stage or reading mode ---------- */

  function layout() {
    const width = window.innerWidth;
    const height = window.innerHeight;
    root.classList.toggle("hv-reading", width < 700 || (height > width && width < 900));
    const areaWidth = state.notes ? width * NOTES_SHARE : width;
    const margin = state.notes ? 16 : 0;
    const scale = Math.min((areaWidth - 2 * margin) / CANVAS_WIDTH, (height - 2 * margin) / CANVAS_HEIGHT);
    const columns = width < 700 ? 2 : 4;
    const thumb = Math.min(0.3, (width - 64 - 24 * (columns - 1)) / columns / CANVAS_WIDTH);
    const values = {
      "--hv-scale": String(scale),
      "--hv-x": (areaWidth - CANVAS_WIDTH * scale) / 2 + "px",
      "--hv-y": (height - CANVAS_HEIGHT * scale) / 2 + "px",
      "--hv-cols": String(columns),
      "--hv-thumb": String(Math.max(0.05, thumb)),
    };
    Object.keys(values).forEach((name) => root.style.setProperty(name, values[name]));
  }

  /* ---------- Showing a slide ---------- */

  function show(index) {
    if (state.overview) {
      closeOverview();
    }
    state.index = clamp(index);
    slides.forEach((slide, i) => {
      slide.hidden = i !== state.index;
    });
    replaceHash(state.index);
    announce();
    if (state.notes) {
      renderNotes();
    }
    if (root.classList.contains("hv-reading")) {
      window.scrollTo(0, 0);
    }
  }

  function announce() {
    if (counter) {
      counter.textContent = state.index + 1 + " / " + slides.length;
    }
    if (status) {
      status.textContent = slideLabel(state.index) + ": " + titleOf(state.index);
    }
  }

  const next = () => show(state.index + 1);
  const prev = () => show(state.index - 1);

  /* ---------- The URL: #5, or a slide's id (#n1-iverksett-tiltak) ---------- */

  function indexFromHash(hash) {
    let name = (hash || "").replace(/^#/, "");
    try {
      name = decodeURIComponent(name);
    } catch (error) {
      return null;
    }
    if (!name) {
      return null;
    }
    if (/^\d+$/.test(name)) {
      return clamp(parseInt(name, 10) - 1);
    }
    const target = document.getElementById(name);
    const slide = target && target.closest(".hv-slide");
    return slide ? slides.indexOf(slide) : indexOfTarget(name);
  }

  /* A link to a step or exit id that is no slide's id: the slide about it (data-hv-target),
     the next one from here when several are (an exit reached from two levels). */
  function indexOfTarget(name) {
    const about = slides
      .map((slide, i) => (slide.getAttribute("data-hv-target") === name ? i : -1))
      .filter((i) => i >= 0);
    if (!about.length) {
      return null;
    }
    const ahead = about.filter((i) => i >= state.index);
    return ahead.length ? ahead[0] : about[0];
  }

  function onHashChange() {
    const index = indexFromHash(location.hash);
    if (index === null) {
      replaceHash(state.index);
    } else {
      show(index);
    }
  }

  /* ---------- Number entry: digits, then Enter ---------- */

  function showTyped() {
    gotoBox.textContent = word("goto") + ": " + state.typed;
    gotoBox.hidden = state.typed === "";
  }

  function typeDigit(digit) {
    if (state.typed.length < MAX_DIGITS) {
      state.typed += digit;
    }
    showTyped();
  }

  function cancelTyped() {
    state.typed = "";
    showTyped();
  }

  function jumpTyped() {
    const number = parseInt(state.typed, 10);
    cancelTyped();
    show(clamp(number - 1));
  }

  /* ---------- Blank screen and full screen ---------- */

  function toggleBlank() {
    blank.hidden = !blank.hidden;
    root.classList.toggle("hv-blank", !blank.hidden);
    if (status) {
      status.textContent = blank.hidden ? slideLabel(state.index) + ": " + titleOf(state.index) : word("blank");
    }
  }

  const fullscreenPossible = () => Boolean(document.fullscreenEnabled && root.requestFullscreen);
  const syncFullscreen = () => setPressed("fullscreen", Boolean(document.fullscreenElement));

  function toggleFullscreen() {
    if (!fullscreenPossible()) {
      return;
    }
    const request = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen();
    if (request && request.catch) {
      request.catch(syncFullscreen); /* refused (no user gesture, policy): nothing changes */
    }
  }

  /* ---------- Help dialog ---------- */

  function toggleHelp() {
    if (!help.hidden) {
      closeHelp();
      return;
    }
    state.helpReturn = document.activeElement;
    help.hidden = false;
    help.setAttribute("tabindex", "-1");
    help.focus();
    setPressed("help", true);
  }

  function closeHelp() {
    const hadFocus = help.contains(document.activeElement);
    const back = state.helpReturn;
    help.hidden = true;
    state.helpReturn = null;
    setPressed("help", false);
    if (hadFocus && back && back.focus && document.contains(back)) {
      back.focus();
    }
  }

  /* ---------- Overview: all slides as thumbnails, arrows and Enter choose ---------- */

  function openOverview() {
    state.overview = true;
    root.classList.add("hv-overview");
    setPressed("overview", true);
    slides.forEach((slide) => {
      slide.hidden = false;
      slide.setAttribute("tabindex", "-1");
    });
    select(state.index);
  }

  function closeOverview() {
    state.overview = false;
    root.classList.remove("hv-overview");
    setPressed("overview", false);
    slides.forEach((slide, i) => {
      slide.classList.remove("hv-selected");
      slide.hidden = i !== state.index;
    });
  }

  const toggleOverview = () => (state.overview ? closeOverview() : openOverview());

  function select(index) {
    slides[state.selected].classList.remove("hv-selected");
    state.selected = clamp(index);
    const slide = slides[state.selected];
    slide.classList.add("hv-selected");
    slide.focus({ preventScroll: true });
    slide.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function overviewKey(key) {
    const columns = parseInt(root.style.getPropertyValue("--hv-cols"), 10) || 4;
    const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns };
    if (key in moves) {
      select(state.selected + moves[key]);
    } else if (key === "Home" || key === "End") {
      select(key === "Home" ? 0 : slides.length - 1);
    } else if (key === "Enter" || key === " ") {
      show(state.selected);
    } else {
      return false;
    }
    return true;
  }

  /* ---------- Notes view: the slide, its notes, what comes next ---------- */

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    made.textContent = text;
    return made;
  }

  function renderNotes() {
    const notes = slides[state.index].querySelector(".hv-notes");
    const body = element("div", "hv-notes-body", "");
    if (notes && notes.textContent.trim()) {
      const copy = notes.cloneNode(true);
      copy.querySelectorAll("[id]").forEach((node) => node.removeAttribute("id"));
      body.append(...copy.childNodes);
    } else {
      body.append(element("p", "hv-notes-none", word("no_notes")));
    }
    const nextLine = element("p", "hv-notes-next", "");
    if (state.index + 1 < slides.length) {
      nextLine.append(element("strong", "", word("next_up") + ":"), " " + titleOf(state.index + 1));
    } else {
      nextLine.textContent = word("last");
    }
    panel.replaceChildren(
      element("p", "hv-notes-count", slideLabel(state.index)),
      element("h2", "hv-notes-title", titleOf(state.index)),
      body,
      nextLine
    );
  }

  function toggleNotes() {
    state.notes = !state.notes;
    root.classList.toggle("hv-notes-view", state.notes);
    panel.hidden = !state.notes;
    setPressed("notes", state.notes);
    if (state.notes) {
      panel.setAttribute("tabindex", "0"); /* it may scroll: keyboard users can reach it */
      renderNotes();
    }
    layout();
  }

  /* ---------- Esc: close the topmost thing, else leave ---------- */

  function closeTopmost() {
    if (state.typed) {
      cancelTyped();
    } else if (!help.hidden) {
      closeHelp();
    } else if (state.overview) {
      closeOverview();
    } else if (state.notes) {
      toggleNotes();
    } else if (!blank.hidden) {
      toggleBlank();
    } else if (document.fullscreenElement) {
      toggleFullscreen();
    } else if (deck.hasAttribute("data-hv-leave")) {
      location.href = deck.getAttribute("data-hv-leave");
    }
  }

  /* ---------- Keys and buttons ---------- */

  const TOGGLES = {
    b: toggleBlank, B: toggleBlank, ".": toggleBlank,
    f: toggleFullscreen, F: toggleFullscreen,
    o: toggleOverview, O: toggleOverview,
    s: toggleNotes, S: toggleNotes,
    "?": toggleHelp, h: toggleHelp, H: toggleHelp,
  };

  const ACTIONS = {
    next: next, prev: prev, overview: toggleOverview, notes: toggleNotes,
    fullscreen: toggleFullscreen, help: toggleHelp, blank: toggleBlank,
  };

  /* The number being typed: Enter jumps, Backspace deletes a digit. */
  function typedKey(key) {
    if (key === "Enter") {
      jumpTyped();
    } else if (key === "Backspace") {
      state.typed = state.typed.slice(0, -1);
      showTyped();
    } else {
      return false;
    }
    return true;
  }

  function navigationKey(event) {
    const key = event.key;
    if (key === " " || key === "Enter") {
      if (isControl(event.target)) {
        return false; /* the focused button or link does its own thing */
      }
      if (key === " " && event.shiftKey) {
        prev();
      } else {
        next();
      }
    } else if (["ArrowRight", "ArrowDown", "PageDown", "n"].includes(key)) {
      next();
    } else if (["ArrowLeft", "ArrowUp", "PageUp", "p", "Backspace"].includes(key)) {
      prev();
    } else if (key === "Home" || key === "End") {
      show(key === "Home" ? 0 : slides.length - 1);
    } else {
      return false;
    }
    return true;
  }

  function onKeyDown(event) {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    const key = event.key;
    let handled = true;
    if (/^[0-9]$/.test(key)) {
      typeDigit(key);
    } else if (key === "Escape") {
      closeTopmost();
    } else if (state.typed && typedKey(key)) {
      /* handled by the number entry */
    } else if (Object.prototype.hasOwnProperty.call(TOGGLES, key)) {
      if (!event.repeat) {
        TOGGLES[key]();
      }
    } else {
      handled = state.overview ? overviewKey(key) : navigationKey(event);
    }
    if (handled) {
      event.preventDefault();
    }
  }

  function onClick(event) {
    const control = event.target.closest("[data-hv-do]");
    const action = control && ACTIONS[control.getAttribute("data-hv-do")];
    if (action) {
      action();
      return;
    }
    const slide = state.overview && event.target.closest(".hv-slide");
    if (slide) {
      show(slides.indexOf(slide));
    }
  }

  /* ---------- Touch: a horizontal swipe turns the slide ---------- */

  function onPointerDown(event) {
    const touch = event.pointerType !== "mouse" && !state.overview;
    state.swipe = touch ? { x: event.clientX, y: event.clientY } : null;
  }

  function onPointerUp(event) {
    const start = state.swipe;
    state.swipe = null;
    if (!start) {
      return;
    }
    const dx = event.clientX - start.x;
    if (Math.abs(dx) > SWIPE_MIN && Math.abs(dx) > Math.abs(event.clientY - start.y)) {
      if (dx < 0) {
        next();
      } else {
        prev();
      }
    }
  }

  /* ---------- Start ---------- */

  function start() {
    slides.forEach((slide) => {
      slide.hidden = true;
    });
    slides.forEach(fitSlide); /* measured on the stage canvas, before reading mode may apply */
    if (!fullscreenPossible()) {
      buttons("fullscreen").forEach((button) => {
        button.hidden = true;
      });
    }
    layout();
    const first = indexFromHash(location.hash);
    show(first === null ? 0 : first);

    document.addEventListener("keydown", onKeyDown);
    deck.addEventListener("click", onClick);
    window.addEventListener("hashchange", onHashChange);
    window.addEventListener("resize", layout);
    document.addEventListener("fullscreenchange", syncFullscreen);
    (document.getElementById("hv-slides") || deck).addEventListener("pointerdown", onPointerDown);
    window.addEventListener("pointerup", onPointerUp);
    window.addEventListener("pointercancel", () => {
      state.swipe = null;
    });

    window.hvDeck = {
      go: (number) => show(clamp(Number(number) - 1)),
      current: () => state.index + 1,
      count: () => slides.length,
    };
  }

  start();
})();
