/*
 * Wijkkit: loads the session composer's scripts and styles, on the composer page only (/workshopkits/samenstellen/).
 *
 * Every page loads this small file (mkdocs.yml, extra_javascript); it does nothing unless the page holds the
 * composer. As bijdragen.js explains, a page cannot name its own scripts because MkDocs and Zensical treat paths in
 * page HTML differently; this file knows where it stands and loads its neighbours from there, in order. The
 * composer's data (gegevens.json) and print stylesheet (afdruk.css) stand beside the page itself.
 */
(function () {
  "use strict";

  if (!document.getElementById("wk-ss")) return;
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var base = here.replace(/[^/]*$/, "");

  [base + "../stylesheets/samenstellen.css", "afdruk.css"].forEach(function (href) {
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = href;
    document.head.appendChild(style);
  });

  var scripts = ["vendor/nunjucks.min.js", "bijdragen-yaml.js", "composer-plan.js", "composer-render.js",
                 "composer.js"];
  (function next(index) {
    if (index === scripts.length) return;
    var script = document.createElement("script");
    script.src = base + scripts[index];
    script.onload = function () { next(index + 1); };
    script.onerror = function () {
      var note = document.getElementById("wk-ss-zonder-js");
      if (note) note.textContent += " (De pagina kon " + scripts[index] + " niet laden.)";
    };
    document.body.appendChild(script);
  })(0);
})();
