/*
 * A local stand-in for `window.mermaid`.
 *
 * Material for MkDocs fetches Mermaid from a CDN whenever `window.mermaid` is missing,
 * also after instant navigation. This stub is defined before Material looks, so that never
 * happens: the first `render` call imports the vendored ESM build from this site, which
 * therefore loads only on pages that actually have a diagram.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var url = new URL("../vendor/mermaid/mermaid.esm.min.mjs", script.src).href;
  var settings = {};
  var loading = null;

  function load() {
    if (loading === null) {
      loading = import(url).then(function (module) {
        var mermaid = module.default;
        mermaid.initialize(
          Object.assign({}, settings, {
            startOnLoad: false,
            securityLevel: "strict",
            // Mermaid 12 lays flowcharts out with ELK by default, a 1.6 MB download;
            // the classic dagre layout draws these charts as well at a third of the size.
            layout: "dagre",
            flowchart: { htmlLabels: true, useMaxWidth: true }
          })
        );
        return mermaid;
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (config) {
      settings = Object.assign({}, settings, config);
    },
    render: function (id, text) {
      return load().then(function (mermaid) {
        return mermaid.render(id, text);
      });
    }
  };
})();
