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

  const state = {
    index: 0,
    typed: "",
    overview: false,
    notes: false,
    selected: 0,
    helpReturn: null,
    swipe: null,
  };

  /* ---------- Small helpers ---------- */

  function readWords() {
    try {
      return JSON.parse(deck.getAttribute("data-hv-words") || "{}");
    } catch (error) {
      return {};
    }
  }

  function word(key) {
    return typeof words[key] === "string" ? words[key] : "";
  }

  function titleOf(index) {
    return slides[index].getAttribute("data-hv-title") || "";
  }

  function clamp(index) {
    return Math.max(0, Math.min(slides.length - 1, index));
  }

  function slideLabel(index) {
    return [word("slide"), index + 1, word("of"), slides.length].join(" ").trim();
  }

  function buttons(action) {
    return Array.from(deck.querySelectorAll('[data-hv-do="' + action + '"]'));
  }

  function setPressed(action, pressed) {
    buttons(action).forEach(function (button) {
      if (button.hasAttribute("aria-pressed")) {
        button.setAttribute("aria-pressed", String(pressed));
      }
      if (button.hasAttribute("aria-expanded")) {
        button.setAttribute("aria-expanded", String(pressed));
      }
    });
  }

  function isControl(element) {
    return Boolean(
      element && element.closest && element.closest("a, button, input, select, textarea, summary")
    );
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
    const boxes = [inner].concat(Array.from(inner.querySelectorAll(".hv-slide-text, .hv-slide-chart")));
    return boxes.some(function (box) {
      return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
    });
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

  function fitAll() {
    slides.forEach(fitSlide);
  }

  /* ---------- Layout: scale and place the canvas, choose stage or reading mode ---------- */

  function setVar(name, value) {
    root.style.setProperty(name, value);
  }

  function layout() {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const reading = width < 700 || (height > width && width < 900);
    root.classList.toggle("hv-reading", reading);
    const areaWidth = state.notes ? width * NOTES_SHARE : width;
    const margin = state.notes ? 16 : 0;
    const scale = Math.min((areaWidth - 2 * margin) / CANVAS_WIDTH, (height - 2 * margin) / CANVAS_HEIGHT);
    setVar("--hv-scale", String(scale));
    setVar("--hv-x", (areaWidth - CANVAS_WIDTH * scale) / 2 + "px");
    setVar("--hv-y", (height - CANVAS_HEIGHT * scale) / 2 + "px");
    const columns = width < 700 ? 2 : 4;
    const thumb = Math.min(0.3, (width - 48 - 24 * (columns - 1) - 16) / columns / CANVAS_WIDTH);
    setVar("--hv-cols", String(columns));
    setVar("--hv-thumb", String(Math.max(0.05, thumb)));
  }

  /* ---------- Showing a slide ---------- */

  function show(index) {
    if (state.overview) {
      closeOverview();
    }
    state.index = clamp(index);
    slides.forEach(function (slide, i) {
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
    const label = slideLabel(state.index);
    if (counter) {
      counter.textContent = state.index + 1 + " / " + slides.length;
    }
    if (status) {
      status.textContent = label + ": " + titleOf(state.index);
    }
  }

  function next() {
    show(state.index + 1);
  }

  function prev() {
    show(state.index - 1);
  }

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
    if (slide) {
      return slides.indexOf(slide);
    }
    return indexOfTarget(name);
  }

  /* A link to a step or exit id that is no slide's id: the slide about it (data-hv-target),
     the next one from here when several are (an exit reached from two levels). */
  function indexOfTarget(name) {
    const about = slides
      .map(function (slide, i) {
        return slide.getAttribute("data-hv-target") === name ? i : -1;
      })
      .filter(function (i) {
        return i >= 0;
      });
    if (!about.length) {
      return null;
    }
    const ahead = about.filter(function (i) {
      return i >= state.index;
    });
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

  function fullscreenPossible() {
    return Boolean(document.fullscreenEnabled && root.requestFullscreen);
  }

  function toggleFullscreen() {
    if (!fullscreenPossible()) {
      return;
    }
    const request = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen();
    if (request && request.catch) {
      request.catch(syncFullscreen); /* refused (no user gesture, policy): nothing changes */
    }
  }

  function syncFullscreen() {
    setPressed("fullscreen", Boolean(document.fullscreenElement));
  }

  /* ---------- Help dialog ---------- */

  function toggleHelp() {
    if (help.hidden) {
      state.helpReturn = document.activeElement;
      help.hidden = false;
      help.setAttribute("tabindex", "-1");
      help.focus();
    } else {
      closeHelp();
    }
    setPressed("help", !help.hidden);
  }

  function closeHelp() {
    const hadFocus = help.contains(document.activeElement);
    help.hidden = true;
    setPressed("help", false);
    const back = state.helpReturn;
    state.helpReturn = null;
    if (hadFocus && back && back.focus && document.contains(back)) {
      back.focus();
    }
  }

  /* ---------- Overview: all slides as thumbnails, arrows and Enter choose ---------- */

  function openOverview() {
    state.overview = true;
    root.classList.add("hv-overview");
    setPressed("overview", true);
    slides.forEach(function (slide) {
      slide.hidden = false;
      slide.setAttribute("tabindex", "-1");
    });
    select(state.index);
  }

  function closeOverview() {
    state.overview = false;
    root.classList.remove("hv-overview");
    setPressed("overview", false);
    slides.forEach(function (slide, i) {
      slide.classList.remove("hv-selected");
      slide.hidden = i !== state.index;
    });
  }

  function toggleOverview() {
    if (state.overview) {
      closeOverview();
    } else {
      openOverview();
    }
  }

  function select(index) {
    slides[state.selected].classList.remove("hv-selected");
    state.selected = clamp(index);
    const slide = slides[state.selected];
    slide.classList.add("hv-selected");
    slide.focus({ preventScroll: true });
    slide.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function overviewKey(key) {
    const columns = parseInt(getComputedStyle(root).getPropertyValue("--hv-cols"), 10) || 4;
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

  function paragraph(className, text) {
    const p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function renderNotes() {
    const slide = slides[state.index];
    const notes = slide.querySelector(".hv-notes");
    const heading = document.createElement("h2");
    heading.textContent = titleOf(state.index);
    const body = document.createElement("div");
    body.className = "hv-notes-body";
    if (notes && notes.textContent.trim()) {
      const copy = notes.cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (element) {
        element.removeAttribute("id");
      });
      body.append.apply(body, Array.from(copy.childNodes));
    } else {
      body.append(paragraph("hv-notes-none", word("no_notes")));
    }
    const following = state.index + 1 < slides.length;
    const nextLine = following
      ? paragraph("hv-notes-next", word("next_up") + ": " + titleOf(state.index + 1))
      : paragraph("hv-notes-next", word("last"));
    panel.replaceChildren(paragraph("hv-notes-count", slideLabel(state.index)), heading, body, nextLine);
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
    next: next,
    prev: prev,
    overview: toggleOverview,
    notes: toggleNotes,
    fullscreen: toggleFullscreen,
    help: toggleHelp,
    blank: toggleBlank,
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
    const onControl = isControl(event.target);
    if (key === " " || key === "Enter") {
      if (onControl) {
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
    } else if (state.overview) {
      handled = overviewKey(key);
    } else {
      handled = navigationKey(event);
    }
    if (handled) {
      event.preventDefault();
    }
  }

  function onClick(event) {
    const control = event.target.closest("[data-hv-do]");
    if (control && ACTIONS[control.getAttribute("data-hv-do")]) {
      ACTIONS[control.getAttribute("data-hv-do")]();
      return;
    }
    const slide = state.overview && event.target.closest(".hv-slide");
    if (slide) {
      show(slides.indexOf(slide));
    }
  }

  /* ---------- Touch: a horizontal swipe turns the slide ---------- */

  function onPointerDown(event) {
    state.swipe = event.pointerType === "mouse" || state.overview ? null : { x: event.clientX, y: event.clientY };
  }

  function onPointerUp(event) {
    const start = state.swipe;
    state.swipe = null;
    if (!start) {
      return;
    }
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) > SWIPE_MIN && Math.abs(dx) > Math.abs(dy)) {
      if (dx < 0) {
        next();
      } else {
        prev();
      }
    }
  }

  /* ---------- Start ---------- */

  function start() {
    slides.forEach(function (slide) {
      slide.hidden = true;
    });
    fitAll();
    if (!fullscreenPossible()) {
      buttons("fullscreen").forEach(function (button) {
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
    const stage = document.getElementById("hv-slides") || deck;
    stage.addEventListener("pointerdown", onPointerDown);
    window.addEventListener("pointerup", onPointerUp);
    window.addEventListener("pointercancel", function () {
      state.swipe = null;
    });

    window.hvDeck = {
      go: function (number) {
        show(clamp(Number(number) - 1));
      },
      current: function () {
        return state.index + 1;
      },
      count: function () {
        return slides.length;
      },
    };
  }

  start();
})();
