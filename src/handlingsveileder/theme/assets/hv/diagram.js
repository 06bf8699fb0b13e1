/*
 * Flowcharts readable on a phone (issue 11); see diagram.css.
 *
 * A chart is never drawn smaller than the width at which its labels are 12 CSS px; where
 * its column is narrower, its box scrolls sideways. This script shows the hint above a
 * chart while the chart is wider than its box, and keeps the box in the keyboard's tab
 * order only then (a box that needs no scrolling is no stop of its own). Such a chart
 * first shows its start (its topmost node) in the middle of the box. It follows
 * Material's instant navigation (`document$`) and every change of the box's size.
 *
 * Charts drawn in the reader's browser (the fallback without a build-time renderer) get
 * the same floor here: each SVG that Mermaid returns gets a screen-only `min-width` from
 * its viewBox and font size, in its own stylesheet (it is drawn into a shadow root that
 * the page's CSS does not reach).
 *
 * Nothing is stored or fetched. Without this script the box is always a tab stop, the
 * hint stays hidden, and a chart drawn at build time still keeps its labels readable.
 */
(function () {
  "use strict";
  var MIN_LABEL_PX = 12; // as svg_render.MIN_LABEL_PX
  var DEFAULT_FONT_PX = 16;

  var placed = typeof WeakSet === "function" ? new WeakSet() : null;

  /* A chart wider than its box first shows where it begins: its topmost node (the start)
     is put in the middle of the box, once, and only if the reader has not scrolled yet.
     (Not for charts drawn in the browser: their SVG is in a closed shadow root.) */
  function place(box) {
    var svg = box.querySelector(":scope > svg");
    if (!placed || placed.has(box) || !svg || box.clientWidth === 0) {
      return;
    }
    placed.add(box);
    var first = null;
    svg.querySelectorAll("g.node").forEach(function (node) {
      var rect = node.getBoundingClientRect();
      if (rect.height > 0 && (first === null || rect.top < first.top)) {
        first = rect;
      }
    });
    if (first !== null && box.scrollLeft === 0) {
      var left = box.getBoundingClientRect().left + box.clientLeft;
      box.scrollLeft = first.left + first.width / 2 - left - box.clientWidth / 2;
    }
  }

  function update(box) {
    var overflows = box.scrollWidth > box.clientWidth + 1;
    var hint = box.previousElementSibling;
    if (hint && hint.classList.contains("hv-diagram-hint")) {
      hint.hidden = !overflows;
    }
    if (overflows) {
      box.setAttribute("tabindex", "0");
      place(box);
    } else if (document.activeElement !== box) {
      box.removeAttribute("tabindex");
    }
  }

  var observer =
    typeof ResizeObserver === "function"
      ? new ResizeObserver(function (entries) {
          entries.forEach(function (entry) {
            update(entry.target);
          });
        })
      : null;

  function boxes() {
    return document.querySelectorAll(".hv-diagram");
  }

  function setup() {
    if (observer) {
      observer.disconnect();
    }
    boxes().forEach(function (box) {
      update(box);
      if (observer) {
        // Also called on a change of height: a chart drawn in the browser arrives later.
        observer.observe(box);
      }
    });
  }

  if (!observer) {
    window.addEventListener("resize", function () {
      boxes().forEach(update);
    });
  }

  /* The fallback: Mermaid's SVG text, with the label floor for screens added. */
  function withLabelFloor(id, svg) {
    var box = /<svg\b[^>]*\sviewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+(\d+(?:\.\d+)?)[ ,]/.exec(svg);
    var font = /<style>#[\w-]+\{[^}]*?font-size:\s*(\d+(?:\.\d+)?)px/.exec(svg);
    if (!box || svg.indexOf("</style>") < 0) {
      return svg;
    }
    var fontPx = font && parseFloat(font[1]) > 0 ? parseFloat(font[1]) : DEFAULT_FONT_PX;
    var floor = Math.ceil((parseFloat(box[1]) * MIN_LABEL_PX) / fontPx) + 1;
    // On paper the chart is scaled to the sheet: the page's print CSS cannot reach into the
    // shadow root where the browser draws it.
    var rule =
      "@media screen{#" + CSS.escape(id) + "{min-width:" + floor + "px}}" +
      "@media print{#" + CSS.escape(id) +
      "{max-width:100%!important;max-height:200mm;width:auto;height:auto}}";
    return svg.replace("</style>", rule + "</style>");
  }

  /* The fallback, held to a reader's own text spacing (WCAG 1.4.12) and dark mode: as
     svg_render.fit_labels. Mermaid measured each label with spacing (diagram.css), so each
     label now fills its box and sits in its middle, whole words, never cut off; and a
     report's red border becomes --hv-report-stroke (lighter in dark mode, diagram.css).
     Mermaid's "neo" look strokes circles with a pale gradient and subgraphs in pale
     colours: circles get the node colour, subgraphs the grey of the charts drawn at build
     time (svg_render.THEME_CSS), with 3:1 contrast to the page (WCAG 1.4.11). */
  var REPORT_STROKE = "stroke:#b3261e !important"; // as mermaid.CLASSES["hvReport"]

  function fitLabels(id, svg) {
    if (svg.indexOf("</style>") < 0) {
      return svg;
    }
    var scope = "#" + CSS.escape(id);
    var rules =
      scope + " foreignObject{overflow:visible}" +
      scope + " foreignObject>div{display:flex!important;flex-direction:column;" +
      "justify-content:center;box-sizing:border-box;width:100%!important;" +
      "max-width:none!important;height:100%;overflow-wrap:normal}" +
      scope + " .node[data-look] rect," + scope + " .node[data-look] circle," +
      scope + " .node[data-look] polygon," + scope + " .node[data-look] path" +
      "{stroke:var(--md-mermaid-node-fg-color)}" +
      // !important: Mermaid gives each subgraph a pale colour of its own, by a long selector.
      scope + " .cluster rect{fill:var(--md-default-fg-color--lightest)!important;" +
      "stroke:var(--md-default-fg-color--light)!important}";
    return svg
      .split(REPORT_STROKE)
      .join("stroke:var(--hv-report-stroke, #b3261e) !important")
      .replace("</style>", rules + "</style>");
  }

  // mermaid-loader.js stands in window.mermaid's place; Material calls its render.
  var mermaid = window.mermaid;
  if (mermaid && typeof mermaid.render === "function" && !mermaid.hvLabelFloor) {
    var render = mermaid.render;
    mermaid.render = function (id, text) {
      return Promise.resolve(render.apply(mermaid, arguments)).then(function (result) {
        if (result && typeof result.svg === "string") {
          var svg = fitLabels(id, withLabelFloor(id, result.svg));
          return Object.assign({}, result, { svg: svg });
        }
        return result;
      });
    };
    mermaid.hvLabelFloor = true;
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
