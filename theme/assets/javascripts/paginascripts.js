/*
 * Wijkkit: gives the pages that need them their own scripts and styles: the contribution form
 * (/bijdragen/voorbeeld/) and the session composer (/workshopkits/samenstellen/).
 *
 * Every page loads this small file (mkdocs.yml, extra_javascript); it does nothing unless the page holds one of the
 * elements below. A page cannot name its scripts itself: MkDocs leaves paths in a page's HTML as they are while
 * Zensical rewrites them, so no one relative path works for both engines. This file knows where it stands and
 * loads its neighbours from there, in order. Files "beside" the page (the composer's print CSS) are relative to it.
 */
(function () {
  "use strict";

  var PAGES = {
    "wk-formulier": {
      styles: ["../stylesheets/bijdragen.css"], beside: [],
      scripts: ["vendor/ajv2020.min.js", "vendor/ajv-i18n-nl.js", "bijdragen-yaml.js", "bijdragen-formulier.js"],
      note: "wk-zonder-js", what: "Het formulier"
    },
    "wk-ss": {
      styles: ["../stylesheets/samenstellen.css"], beside: ["afdruk.css"],
      scripts: ["vendor/nunjucks.min.js", "bijdragen-yaml.js", "composer-plan.js", "composer-render.js", "composer.js"],
      note: "wk-ss-zonder-js", what: "De pagina"
    }
  };
  var page = null;
  Object.keys(PAGES).forEach(function (id) { if (!page && document.getElementById(id)) page = PAGES[id]; });
  if (!page) return;
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var base = here.replace(/[^/]*$/, "");

  page.styles.map(function (href) { return base + href; }).concat(page.beside).forEach(function (href) {
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = href;
    document.head.appendChild(style);
  });

  (function next(index) {
    if (index === page.scripts.length) return;
    var script = document.createElement("script");
    script.src = base + page.scripts[index];
    script.onload = function () { next(index + 1); };
    script.onerror = function () {
      var note = document.getElementById(page.note);
      if (note) note.textContent += " (" + page.what + " kon " + page.scripts[index] + " niet laden.)";
    };
    document.body.appendChild(script);
  })(0);
})();
