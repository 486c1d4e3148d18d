/*
 * Wijkkit contribution form: the parts without a page. A record as YAML text (the same rules and bytes as
 * generator/scaffold/emit.py, held together by tests/contrib/test_form_yaml.py), ids made from names (as
 * generator/scaffold/names.py), finding a municipality by what people type, and the answers for GitHub's issue form
 * (in the formats generator/fromissue/answers.py reads back).
 *
 * Plain ES2017, no dependencies; works in the browser (window.WijkkitYaml) and in Node (module.exports) for tests.
 */
(function (root) {
  "use strict";

  var PLAIN = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|[a-z]+(?:_[a-z]+)+|GM[0-9]{4})$/;
  var YAML_WORDS = /^(?:y|n|yes|no|on|off|true|false|null|0x[0-9a-f_]+|0b[01_]+|[0-9][0-9_]*|[0-9]+-[0-9]+(?:-[0-9]+)?)$/;
  var ESCAPE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
  var INDENT = "  ";

  /* A calendar date, written plain (2026-11-30) so YAML reads it as a date. */
  function Day(iso) { this.iso = iso; }

  function quoted(text) {
    return JSON.stringify(text).replace(ESCAPE, function (c) {
      return "\\u" + ("0000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function blockSafe(text) {
    ESCAPE.lastIndex = 0;
    return text.indexOf("\t") < 0 && text.charAt(0) !== " " && text.charAt(0) !== "\n" &&
      !ESCAPE.test(text) && text.indexOf("\r") < 0;
  }

  function scalar(value) {
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return String(value);
    if (value instanceof Day) return value.iso;
    var text = String(value);
    if (PLAIN.test(text) && !YAML_WORDS.test(text)) return text;
    return quoted(text);
  }

  function empty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object" && !(value instanceof Day)) return Object.keys(value).length === 0;
    return false;
  }

  function isMapping(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Day);
  }

  function lines(key, value, indent) {
    if (isMapping(value)) return [indent + key + ":"].concat(mapping(value, indent + INDENT));
    if (Array.isArray(value)) {
      var out = [indent + key + ":"];
      value.forEach(function (item) {
        if (isMapping(item)) {
          var inner = mapping(item, indent + INDENT + INDENT);
          out.push(indent + INDENT + "- " + inner[0].replace(/^\s+/, ""));
          out.push.apply(out, inner.slice(1));
        } else {
          out.push(indent + INDENT + "- " + scalar(item));
        }
      });
      return out;
    }
    if (typeof value === "string" && value.indexOf("\n") >= 0 && blockSafe(value)) {
      return [indent + key + ": |-"].concat(value.split("\n").map(function (line) {
        return line ? indent + INDENT + line : "";
      }));
    }
    return [indent + key + ": " + scalar(value)];
  }

  function mapping(data, indent) {
    var out = [];
    Object.keys(data).forEach(function (key) {
      if (!empty(data[key])) out.push.apply(out, lines(key, data[key], indent));
    });
    return out;
  }

  /* The YAML file for one record; `header` lines become comments at the top. */
  function recordYaml(data, header) {
    var comments = header ? header.split("\n").map(function (line) { return ("# " + line).replace(/\s+$/, ""); }) : [];
    return comments.concat(mapping(data, "")).join("\n") + "\n";
  }

  /* ------------------------------------------------------------------------------------------------------------
   * Names → ids and lookup keys */

  function fold(text) {
    return String(text).normalize("NFKD").replace(/\p{M}/gu, "").replace(/ß/g, "ss").toLowerCase();
  }

  function lookupKey(text) {
    return fold(text).replace(/[^a-z0-9]/g, "");
  }

  function slugify(parts, maxLength) {
    maxLength = maxLength || 60;
    var slug = "";
    parts.forEach(function (part) {
      var piece = fold(part || "").replace(/['’]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
      if (!piece) return;
      if (slug && (piece === slug || piece.indexOf(slug + "-") === 0)) slug = piece;
      else slug = slug ? slug + "-" + piece : piece;
    });
    if (slug.length > maxLength) {
      var cut = slug.slice(0, maxLength + 1);
      slug = cut.indexOf("-") >= 0 ? cut.slice(0, cut.lastIndexOf("-")) : slug.slice(0, maxLength);
    }
    return slug;
  }

  function freeId(base, taken) {
    var candidate = base, number = 1;
    while (taken.indexOf(candidate) >= 0) { number += 1; candidate = base + "-" + number; }
    return candidate;
  }

  /* ------------------------------------------------------------------------------------------------------------
   * Municipalities */

  function optionLabel(m) {
    if (m.merged) return m.name + " (opgegaan in " + m.merged.into_name + " in " + m.merged.year + ")";
    return m.name + " (" + m.province + ")";
  }

  /* What a typed text finds: {found} for one municipality, {several} when a name fits more, {close} when none. */
  function findMunicipality(register, typed) {
    var text = String(typed || "").trim();
    if (!text) return {};
    var exact = register.filter(function (m) { return optionLabel(m) === text; });
    if (exact.length === 1) return { found: exact[0] };
    var code = /^(?:gm)?\s*([0-9]{4})$/i.exec(text) || /\bGM\s?([0-9]{4})\b/i.exec(text);
    if (code) {
      var byCode = register.filter(function (m) { return m.code === "GM" + code[1]; });
      return byCode.length ? { found: byCode[0] } : { code: "GM" + code[1] };
    }
    var key = lookupKey(text.replace(/^gemeente\s+/i, ""));
    var named = register.filter(function (m) {
      return [m.name].concat(m.aliases || []).some(function (name) { return lookupKey(name) === key; });
    });
    if (named.length === 1) return { found: named[0] };
    if (named.length > 1) return { several: named };
    var starts = register.filter(function (m) { return key.length >= 3 && lookupKey(m.name).indexOf(key) === 0; });
    return { close: starts.slice(0, 3) };
  }

  function display(m) {
    return m.name + ", " + m.code;
  }

  /* ------------------------------------------------------------------------------------------------------------
   * Answers for the issue form: question id → text, in the formats `wijkkit from-issue` reads */

  function get(data, path) {
    return path.reduce(function (value, part) { return value == null ? undefined : value[part]; }, data);
  }

  function answer(kind, value, options) {
    var names = options.names || {};
    if (empty(value)) return "";
    switch (kind) {
      case "municipality": return names[value] ? names[value] + ", " + value : String(value);
      case "municipalities":
      case "choices":
      case "commas":
      case "tags": return value.join(", ");
      case "lines": return value.join("\n");
      case "bool": return value ? "ja" : "nee";
      case "principles":
        return value.map(function (use) { return use.how ? use.id + ": " + use.how : use.id; }).join("\n");
      case "sources":
        return value.map(function (ref) {
          // a new source has no id in the repository yet: `from-issue` knows it by its title
          var fresh = options.newSource && ref.source === options.newSource.id;
          var parts = [fresh ? options.newSource.title : ref.source];
          if (ref.note || (ref.supports && ref.supports.length)) parts.push(ref.note || "");
          if (ref.supports && ref.supports.length) parts.push(ref.supports.join(", "));
          return parts.join(" | ");
        }).join("\n");
      default: return value instanceof Day ? value.iso : String(value);
    }
  }

  /* The query of the issue-form link: template, title and one parameter per answered question. */
  function issueQuery(questions, example, source, options) {
    var params = [["template", options.template], ["title", options.titlePrefix + (example.title || "")]];
    questions.forEach(function (q) {
      var isSource = q.id.indexOf("source_") === 0;
      var data = isSource ? source : example;
      if (!data) return;
      var text = answer(q.answer, get(data, isSource ? q.path.slice(1) : q.path), options);
      if (text) params.push([q.id, text]);
    });
    return params.map(function (pair) {
      return encodeURIComponent(pair[0]) + "=" + encodeURIComponent(pair[1]);
    }).join("&");
  }

  var api = {
    Day: Day, quoted: quoted, scalar: scalar, recordYaml: recordYaml, fold: fold, lookupKey: lookupKey,
    slugify: slugify, freeId: freeId, optionLabel: optionLabel, findMunicipality: findMunicipality, display: display,
    answer: answer, issueQuery: issueQuery
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.WijkkitYaml = api;
})(typeof window !== "undefined" ? window : this);
