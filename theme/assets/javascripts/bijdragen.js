/*
 * Wijkkit: loads the contribution form's scripts and styles, on the form page only (/bijdragen/voorbeeld/).
 *
 * Every page loads this small file (mkdocs.yml, extra_javascript); it does nothing unless the page holds the form.
 * The form page cannot name its scripts itself: MkDocs leaves paths in a page's HTML as they are while Zensical
 * rewrites them, so no one relative path works for both engines. This file knows where it stands and loads its
 * neighbours from there, in order: the validator, its Dutch messages, the YAML writer, the form.
 */
(function () {
  "use strict";

  if (!document.getElementById("wk-formulier")) return;
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var base = here.replace(/[^/]*$/, "");

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = base + "../stylesheets/bijdragen.css";
  document.head.appendChild(style);

  var scripts = ["vendor/ajv2020.min.js", "vendor/ajv-i18n-nl.js", "bijdragen-yaml.js", "bijdragen-formulier.js"];
  (function next(index) {
    if (index === scripts.length) return;
    var script = document.createElement("script");
    script.src = base + scripts[index];
    script.onload = function () { next(index + 1); };
    script.onerror = function () {
      var note = document.getElementById("wk-zonder-js");
      if (note) note.textContent += " (Het formulier kon " + scripts[index] + " niet laden.)";
    };
    document.body.appendChild(script);
  })(0);
})();
