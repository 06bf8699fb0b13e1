/*
 * The veiviser: one screen at a time, the walk in the URL fragment.
 *
 * The page (generated from the model's graph) holds every screen as a section and every
 * choice as a link to the screen it leads to; without this script it reads as linked text.
 * With it, one screen shows at a time and the walk lives in the fragment:
 *   #vei=<screen>:<choice>,<screen>:<choice>,…,<current screen>
 * so a link can be shared and a reload shows the same place. «Tilbake» goes back one choice
 * in the walk (not in the browser's history), «Endre» drops an answer and everything after
 * it. Nothing is stored anywhere: no cookies, no storage, no request.
 */
(function () {
  "use strict";
  var PREFIX = "#vei=";
  var HERE = "hv-vv-her";

  function Wizard(root) {
    this.root = root;
    this.first = root.getAttribute("data-hv-veiviser");
    this.screens = {};
    var screens = this.screens;
    root.querySelectorAll("[data-hv-skjerm]").forEach(function (section) {
      screens[section.getAttribute("data-hv-skjerm")] = section;
    });
    this.made = [];
    this.here = this.first;
  }

  Wizard.prototype.link = function (screen, number) {
    var section = this.screens[screen];
    if (!section) {
      return null;
    }
    return section.querySelector('.hv-vv-valg a[data-hv-nr="' + number + '"]');
  };

  /* The walk written in `hash`; as much of it as the page's graph allows. */
  Wizard.prototype.read = function (hash) {
    this.made = [];
    this.here = this.first;
    if (hash.indexOf("#vv-") === 0) {
      var id = decodeURIComponent(hash.slice(4)).replace(/-tittel$/, "");
      if (this.screens[id]) {
        this.here = id;
      }
      return;
    }
    if (hash.indexOf(PREFIX) !== 0) {
      return;
    }
    var parts = decodeURIComponent(hash.slice(PREFIX.length)).split(",");
    var made = [];
    var here = null;
    for (var i = 0; i < parts.length; i++) {
      var cut = parts[i].lastIndexOf(":");
      var screen = cut < 0 ? parts[i] : parts[i].slice(0, cut);
      if (here === null ? !this.screens[screen] : screen !== here) {
        break;
      }
      here = screen;
      if (cut < 0) {
        break;
      }
      var number = parts[i].slice(cut + 1);
      var link = this.link(screen, number);
      if (!/^\d+$/.test(number) || !link) {
        break;
      }
      made.push({ screen: screen, number: Number(number) });
      here = link.getAttribute("data-hv-til");
    }
    if (here !== null && this.screens[here]) {
      this.made = made;
      this.here = here;
    }
  };

  Wizard.prototype.write = function () {
    var parts = this.made.map(function (step) {
      return step.screen + ":" + step.number;
    });
    parts.push(this.here);
    var url = location.pathname + location.search + PREFIX + parts.join(",");
    history.replaceState(history.state, "", url);
  };

  Wizard.prototype.name = function (screen) {
    return this.screens[screen].getAttribute("data-hv-navn");
  };

  Wizard.prototype.text = function (key, screen) {
    return this.root.getAttribute("data-hv-tekst-" + key).replace("{step}", this.name(screen));
  };

  Wizard.prototype.show = function (focus) {
    var self = this;
    Object.keys(this.screens).forEach(function (screen) {
      self.screens[screen].hidden = screen !== self.here;
    });
    var steering = this.root.querySelector("[data-hv-styring]");
    steering.hidden = false;
    var back = steering.querySelector("[data-hv-tilbake]");
    var last = this.made[this.made.length - 1];
    back.hidden = !last;
    back.textContent = last ? this.text("tilbake", last.screen) : "";
    this.root.querySelectorAll("[data-hv-utfall]").forEach(function (box) {
      box.hidden = !last || box.getAttribute("data-hv-utfall") !== last.screen + ":" + last.number;
    });
    this.answers();
    this.mark();
    if (focus) {
      // The controls and what was chosen come into view; the screen's heading gets the
      // focus, so a screen reader reads the new screen and Tab goes on from there.
      this.root.scrollIntoView({ block: "start" });
      var heading = document.getElementById("vv-" + this.here + "-tittel");
      if (heading) {
        heading.focus({ preventScroll: true });
      }
    }
  };

  /* «Dine valg»: every answer given on the way, each with «Endre». */
  Wizard.prototype.answers = function () {
    var self = this;
    var box = this.root.querySelector("[data-hv-dine]");
    var list = box.querySelector("[data-hv-liste]");
    list.textContent = "";
    this.made.forEach(function (step, index) {
      var link = self.link(step.screen, step.number);
      if (!link.classList.contains("hv-vv-svar")) {
        return;
      }
      var item = document.createElement("li");
      var where = document.createElement("strong");
      where.textContent = self.name(step.screen) + ": ";
      item.appendChild(where);
      var answer = link.cloneNode(true);
      answer.querySelectorAll(".hv-sr, .hv-vv-frist").forEach(function (part) {
        part.remove();
      });
      item.appendChild(document.createTextNode(answer.textContent + " "));
      var change = document.createElement("button");
      change.type = "button";
      change.className = "md-button hv-vv-endre";
      change.textContent = self.root.getAttribute("data-hv-tekst-endre-kort");
      change.setAttribute("aria-label", self.text("endre", step.screen));
      change.setAttribute("data-hv-endre", String(index));
      item.appendChild(change);
      list.appendChild(item);
    });
    box.querySelector("[data-hv-ingen]").hidden = list.children.length > 0;
    box.hidden = false;
  };

  /* The current place, marked in the level's flowchart and in its text version. */
  Wizard.prototype.mark = function () {
    var section = this.screens[this.here];
    var level = section.getAttribute("data-hv-niva");
    var node = this.here.split("~")[0];
    for (var i = this.made.length - 1; !level && i >= 0; i--) {
      level = this.screens[this.made[i].screen].getAttribute("data-hv-niva");
    }
    document.querySelectorAll(".hv-vv-kart[data-hv-niva]").forEach(function (chart) {
      chart.hidden = level !== null && chart.getAttribute("data-hv-niva") !== level;
    });
    document.querySelectorAll("." + HERE).forEach(function (element) {
      element.classList.remove(HERE);
      element.removeAttribute("aria-current");
    });
    var chart = level && document.querySelector('.hv-vv-kart[data-hv-niva="' + level + '"]');
    if (!chart) {
      return;
    }
    chart.querySelectorAll('[data-hv-node="' + node + '"]').forEach(function (element) {
      element.classList.add(HERE);
    });
    chart.querySelectorAll("details a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href.slice(href.lastIndexOf("#") + 1) === node) {
        link.classList.add(HERE);
        link.setAttribute("aria-current", "step");
      }
    });
  };

  Wizard.prototype.go = function (focus) {
    this.write();
    this.show(focus);
  };

  Wizard.prototype.click = function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var choice = target.closest(".hv-vv-valg a[data-hv-nr]");
    if (choice) {
      event.preventDefault();
      event.stopPropagation(); // not an instant navigation: the page stays
      var screen = choice.closest("[data-hv-skjerm]").getAttribute("data-hv-skjerm");
      this.made.push({ screen: screen, number: Number(choice.getAttribute("data-hv-nr")) });
      this.here = choice.getAttribute("data-hv-til");
      this.go(true);
      return;
    }
    if (target.closest("[data-hv-tilbake]") && this.made.length) {
      this.here = this.made.pop().screen;
      this.go(true);
    } else if (target.closest("[data-hv-omstart]")) {
      this.made = [];
      this.here = this.first;
      this.go(true);
    } else if (target.closest("[data-hv-endre]")) {
      var index = Number(target.closest("[data-hv-endre]").getAttribute("data-hv-endre"));
      this.here = this.made[index].screen;
      this.made = this.made.slice(0, index);
      this.go(true);
    }
  };

  /* Each level's heading, flowchart and text version in one box that can be hidden. */
  function group() {
    document.querySelectorAll("h3[data-hv-niva]").forEach(function (heading) {
      var box = document.createElement("div");
      box.className = "hv-vv-kart";
      box.setAttribute("data-hv-niva", heading.getAttribute("data-hv-niva"));
      heading.parentNode.insertBefore(box, heading);
      var next = heading;
      while (next && (next === heading || !/^H[1-3]$/.test(next.tagName))) {
        var after = next.nextElementSibling;
        box.appendChild(next);
        next = after;
      }
    });
  }

  function start() {
    var root = document.querySelector("[data-hv-veiviser]");
    if (!root || root.hvWizard) {
      return;
    }
    group();
    var wizard = new Wizard(root);
    root.hvWizard = wizard;
    root.classList.add("hv-vv-aktiv");
    root.addEventListener("click", function (event) {
      wizard.click(event);
    });
    wizard.read(location.hash);
    wizard.show(false);
  }

  /* A fragment typed or followed by hand (a heading's permalink, an old link). */
  window.addEventListener("hashchange", function () {
    var root = document.querySelector("[data-hv-veiviser]");
    if (root && root.hvWizard) {
      root.hvWizard.read(location.hash);
      root.hvWizard.go(true);
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start); // every page, also after instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
