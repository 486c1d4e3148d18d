/*
 * Wijkkit session composer: the kit documents rendered from the kit's own templates (generator/kits/templates/,
 * sent in gegevens.json) with Nunjucks, the Jinja-compatible engine vendored in vendor/nunjucks.min.js.
 *
 * The environment matches generator/kits/render.py's: autoescape, undefined values are errors, trim_blocks and
 * lstrip_blocks, and the same filters. `md` looks a text up among the Markdown the build rendered (gegevens.json,
 * `markdown` and `guides`), because the browser has no Python-Markdown; a guide text gets its clock times put into
 * the build's HTML. A text the facilitator typed herself is shown as plain paragraphs. `qr` looks up the QR codes
 * the build made. `min` and `max` are Jinja built-ins Nunjucks lacks.
 *
 * In the page (fragment: true) base.html.j2 is replaced by a fragment: one <div class="wk-doc …"> per document in
 * the print section, whose stylesheet is the kit's own (afdruk.css). tests/kits/test_composer_conformance.py renders
 * the real templates with both engines from one context and compares them.
 *
 * Works in the browser (window.WijkkitRender) and in Node (module.exports).
 */
(function (root) {
  "use strict";

  var FRAGMENT_BASE = '<div class="wk-doc doc-{{ document }}{% block body_class %}{% endblock %}" ' +
    'data-title="{{ title }}">\n{% block body %}{% endblock %}\n</div>\n';
  var compat = false;

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  /* A text without rendered Markdown (one the facilitator typed): paragraphs of plain text. */
  function paragraphs(text) {
    return String(text).split(/\n\s*\n/).map(function (p) { return p.trim(); }).filter(Boolean)
      .map(function (p) { return "<p>" + escapeHtml(p) + "</p>"; }).join("\n");
  }

  /* Jinja's truth: an empty list or mapping is false (in JavaScript an empty array is true). Nunjucks parses `if`,
     inline `if`, `not`, `and` and `or` as JavaScript tests; this rewrites them as they are parsed, so a template
     tests a value as Jinja2 does: `{% if slot.steps %}` is false for a block without steps. `a and b` and `a or b`
     keep Jinja's values (b or a, a or b), not true or false. Installed once, on the vendored Nunjucks only. */
  function truth(value) {
    if (value === null || value === undefined) return false;
    if (Array.isArray(value)) return value.length > 0;
    if (typeof value === "object") {
      return typeof value.length === "number" ? value.length > 0 : Object.keys(value).length > 0;
    }
    return Boolean(value);
  }

  function installJinjaTruth(nunjucks) {
    var nodes = nunjucks.nodes, parser = nunjucks.parser.Parser.prototype;
    function test(node) {
      return new nodes.Filter(node.lineno, node.colno, new nodes.Symbol(node.lineno, node.colno, "jinja_truth"),
                              new nodes.NodeList(node.lineno, node.colno, [node]));
    }
    function after(name, change) {
      var original = parser[name];
      parser[name] = function () { return change(original.apply(this, arguments)); };
    }
    function either(node, kind, pick) {  // a and b → b if a else a;  a or b → a if a else b
      if (!(node instanceof kind)) return node;
      var left = either(node.left, kind, pick);
      var sides = pick(left, node.right);
      return new nodes.InlineIf(node.lineno, node.colno, test(left), sides[0], sides[1]);
    }
    after("parseIf", function (node) { if (node instanceof nodes.If) node.cond = test(node.cond); return node; });
    after("parseInlineIf", function (node) {
      if (node instanceof nodes.InlineIf) node.cond = test(node.cond);
      return node;
    });
    after("parseNot", function (node) { if (node instanceof nodes.Not) node.target = test(node.target); return node; });
    after("parseAnd", function (node) { return either(node, nodes.And, function (a, b) { return [b, a]; }); });
    after("parseOr", function (node) { return either(node, nodes.Or, function (a, b) { return [a, b]; }); });
  }

  function Renderer(nunjucks, catalog, options) {
    options = options || {};
    var data = catalog.data;
    var templates = Object.assign({}, data.templates);
    if (options.fragment) templates["base.html.j2"] = FRAGMENT_BASE;
    if (!compat) {
      nunjucks.installJinjaCompat();  // slices (questions[1:]) and dict.get, as the templates use them
      installJinjaTruth(nunjucks);
      compat = true;
    }
    var Loader = nunjucks.Loader.extend({
      getSource: function (name) {
        if (!Object.prototype.hasOwnProperty.call(templates, name)) throw new Error("no template " + name);
        return { src: templates[name], path: name, noCache: false };
      }
    });
    var env = new nunjucks.Environment(new Loader(), {
      autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true
    });
    var markdown = Object.assign({}, data.markdown, options.markdown || {});
    var token = new RegExp(data.token, "g");

    function md(text) {
      if (text === null || text === undefined || text === "") return new nunjucks.runtime.SafeString("");
      var html = Object.prototype.hasOwnProperty.call(markdown, text) ? markdown[text] : paragraphs(text);
      return new nunjucks.runtime.SafeString(html);
    }
    env.addFilter("jinja_truth", truth);
    env.addFilter("md", md);
    env.addFilter("md_inline", function (text) {
      var html = String(md(text)).trim();
      if (html.indexOf("<p>") === 0 && html.slice(-4) === "</p>" && html.split("<p>").length === 2) {
        html = html.slice(3, -4);
      }
      return new nunjucks.runtime.SafeString(html);
    });
    env.addFilter("qr", function (url) {
      return data.qr[url] || data.qr[data.site_url.replace(/\/+$/, "") + "/" + data.sections.kit + "/"] || "";
    });
    env.addFilter("short_url", function (url) {
      var at = url.indexOf("://");
      return (at >= 0 ? url.slice(at + 3) : url).replace(/\/+$/, "");
    });
    env.addFilter("max", function (list) { return Math.max.apply(null, list); });
    env.addFilter("min", function (list) { return Math.min.apply(null, list); });

    /* The build's HTML of each block's guide, with this plan's clock times (the build resolves, then renders). */
    function learnGuides(plan) {
      var s = catalog.schedule, rules = catalog.rules;
      plan.agenda.items.forEach(function (item) {
        var known = data.guides[item.block.guide];
        if (!known || Object.prototype.hasOwnProperty.call(markdown, item.guide)) return;
        markdown[item.guide] = known.html.replace(token, function (_, n) {
          var offset = rules.offsetFull.exec(known.offsets[Number(n)]);
          return s.offsetTime(offset.groups, item.at, item.stepStarts, item.minutes);
        });
      });
    }

    this.render = function (template, context) {
      if (context.plan && context.plan.agenda && context.plan.agenda.items.length &&
          context.plan.agenda.items[0].stepStarts) {
        learnGuides(context.plan);
      }
      return env.render(template, context);
    };
    this.env = env;
  }

  var api = { Renderer: Renderer, paragraphs: paragraphs, escapeHtml: escapeHtml };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.WijkkitRender = api;
})(typeof window !== "undefined" ? window : this);
