/*
 * Wijkkit contribution form (/bijdragen/voorbeeld/): checks every answer in the browser against the same JSON
 * Schema as `wijkkit check` (schema/example.json, with the vendored Ajv and its Dutch messages), shows the page and
 * the YAML as they will be, and offers three ways in: GitHub's new-file page, the issue form with the answers
 * filled in, or a download. Without this script the form still opens the issue form (see contribute.md.j2).
 *
 * The page holds every control; gegevens.json (next to the page) holds the register of municipalities, the
 * sources and where GitHub is. Nothing is sent anywhere until the contributor follows a link to GitHub.
 */
(function () {
  "use strict";

  var Y = window.WijkkitYaml;
  var form = document.getElementById("wk-formulier");
  if (!form || !Y) return;

  var $ = function (id) { return document.getElementById(id); };
  var all = function (selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); };

  var state = { data: null, example: null, source: null, showAll: false, touched: {}, yaml: "", sourceYaml: "" };
  var TODAY = (function () {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  })();

  /* ------------------------------------------------------------------------------------------------------------
   * Loading */

  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function start() {
    $("wk-zonder-js").hidden = true;
    json("gegevens.json").then(function (data) {
      state.data = data;
      return Promise.all([json(data.schemas.example), json(data.schemas.source)]);
    }).then(function (schemas) {
      var Ajv = window.ajv2020;
      var ajv = new Ajv({ allErrors: true, strict: true });
      ajv.addKeyword("x-wijkkit");
      ajv.addFormat("date", /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/);
      state.schema = schemas[0];
      state.sourceSchema = schemas[1];
      state.validate = ajv.compile(schemas[0]);
      state.validateSource = ajv.compile(schemas[1]);
      ready();
    }).catch(function (error) {
      $("wk-zonder-js").hidden = false;
      $("wk-zonder-js").textContent = "Het formulier kan je antwoorden nu niet controleren (" + error.message +
        "). Je kunt het wel invullen: de knop onderaan opent het issueformulier op GitHub met je antwoorden.";
    });
  }

  function ready() {
    var data = state.data;
    state.names = {};
    var list = $("wk-gemeenten");
    data.municipalities.forEach(function (m) {
      state.names[m.code] = m.name;
      var option = document.createElement("option");
      option.value = Y.optionLabel(m);
      list.appendChild(option);
    });
    $("wk-verstuur").hidden = true;
    $("wk-uitvoer").hidden = false;
    $("wk-voorbeeldblok").hidden = false;
    $("wk-bron-erbij").hidden = false;
    var reviewed = form.querySelector('[data-path="last_reviewed"]');
    if (reviewed && !reviewed.value) reviewed.value = TODAY;
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    form.addEventListener("focusout", function (event) {
      var field = event.target.closest("[data-field]");
      // later, not now: a message appearing above the pointer would move what the contributor is clicking
      if (field) { state.touched[field.dataset.field] = true; clearTimeout(timer); timer = setTimeout(update, 400); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); attempt(event); });
    $("wk-bron-erbij").addEventListener("click", addSourceRow);
    $("wk-bronnen").addEventListener("click", function (event) {
      if (event.target.matches("[data-source-remove]")) {
        event.target.closest("[data-source-row]").remove();
        renumberSources();
        update();
      }
    });
    $("wk-kopieer").addEventListener("click", copy);
    ["wk-issue", "wk-download"].forEach(function (id) { $(id).addEventListener("click", attempt); });
    $("wk-github-links").addEventListener("click", attempt);
    update();
  }

  var timer = null;
  function onInput(event) {
    if (event.target.matches('[data-path="id"]')) event.target.dataset.edited = event.target.value ? "1" : "";
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  }

  /* ------------------------------------------------------------------------------------------------------------
   * Reading the answers */

  function text(value) {
    return String(value || "").replace(/\r\n?/g, "\n").replace(/^\s*\n|\s+$/g, "").replace(/^[ \t]+(?=\S)/, function (s) {
      return s.indexOf("\n") < 0 ? "" : s;
    });
  }

  function put(target, path, value) {
    var parts = path.split(".");
    var node = target;
    parts.slice(0, -1).forEach(function (part) { node = node[part] = node[part] || {}; });
    node[parts[parts.length - 1]] = value;
  }

  function municipalityCode(typed) {
    var found = Y.findMunicipality(state.data.municipalities, typed);
    return found.found ? found.found.code : (String(typed || "").trim() || undefined);
  }

  function value(field) {
    var widget = field.className.match(/wk-veld--([a-z]+)/)[1];
    var input = field.querySelector(".wk-invoer");
    switch (widget) {
      case "text": case "textarea": case "id": case "date": case "select": {
        var v = text(input.value);
        return v === "" ? undefined : (widget === "date" ? new Y.Day(v) : v);
      }
      case "int": {
        var raw = input.value.trim();
        return raw === "" ? undefined : (/^[0-9]+$/.test(raw) ? Number(raw) : raw);
      }
      case "lines":
        return text(input.value).split("\n").map(function (line) { return line.trim(); }).filter(Boolean);
      case "checkboxes": case "tags":
        return all("input:checked", field).map(function (box) { return box.value; });
      case "bool": {
        var picked = field.querySelector("input:checked");
        return picked && picked.value ? picked.value === "ja" : undefined;
      }
      case "municipality":
        return municipalityCode(input.value);
      case "municipalities":
        return input.value.split(",").map(function (part) { return part.trim(); }).filter(Boolean).map(municipalityCode);
      case "principles":
        return all("input[data-principle]:checked", field).map(function (box) {
          var how = text(field.querySelector('[data-principle-how="' + box.value + '"]').value);
          return how ? { id: box.value, how: how } : { id: box.value };
        });
      case "sources":
        return all("[data-source-row]", field).map(function (row) {
          var chosen = row.querySelector("[data-source-id]").value;
          var ref = { source: chosen };
          var note = text(row.querySelector("[data-source-note]").value);
          if (note) ref.note = note;
          var supports = all("[data-source-supports] input:checked", row).map(function (box) { return box.value; });
          if (supports.length) ref.supports = supports;
          return ref;
        }).filter(function (ref) { return ref.source; });
    }
    return undefined;
  }

  /* The record in the schema's order (so the YAML reads like the template), and a new source when one is described. */
  function collect() {
    var answers = {}, source = {};
    all(".wk-formulier > [data-field], #wk-nieuwe-bron [data-field]").forEach(function (field) {
      var path = field.dataset.field;
      var v = value(field);
      if (v === undefined || (Array.isArray(v) && !v.length)) return;
      if (path.indexOf("source.") === 0) put(source, path.slice(7), v);
      else put(answers, path, v);
    });
    var hasSource = Object.keys(source).length > 0;
    if (hasSource) {
      var taken = state.data.sources.map(function (s) { return s.id; });
      source.id = Y.freeId(Y.slugify([source.title || "bron", String(source.date || "").slice(0, 4)]) || "bron", taken);
      if (source.url) source.accessed = new Y.Day(TODAY);
      var refs = answers.sources || [];
      if (!refs.some(function (ref) { return ref.source === "__nieuw"; })) refs.unshift({ source: "__nieuw" });
      refs.forEach(function (ref) { if (ref.source === "__nieuw") ref.source = source.id; });
      answers.sources = refs;
    }
    // the id: made from municipality and title until the contributor types one
    var idInput = form.querySelector('[data-path="id"]');
    if (!idInput.dataset.edited) {
      var base = Y.slugify([state.names[answers.municipality] || "", answers.title || ""]);
      idInput.value = base ? Y.freeId(base, state.data.example_ids) : "";
      if (idInput.value) answers.id = idInput.value; else delete answers.id;
    }
    return { example: ordered(answers, state.schema), source: hasSource ? ordered(source, state.sourceSchema) : null };
  }

  function ordered(data, schema) {
    var out = {};
    Object.keys(schema.properties).forEach(function (key) {
      if (data[key] === undefined) return;
      var node = schema.properties[key];
      var ref = node.$ref || (node.anyOf || []).map(function (o) { return o.$ref; }).filter(Boolean)[0];
      var def = ref ? schema.$defs[ref.split("/").pop()] : null;
      out[key] = def && def.properties && !Array.isArray(data[key]) ? ordered(data[key], def) : data[key];
    });
    return out;
  }

  function plainData(record) {  // what the validator sees: dates as text, no form-only keys
    return JSON.parse(JSON.stringify(record, function (key, v) {
      return v instanceof Y.Day ? v.iso : v;
    }));
  }

  /* ------------------------------------------------------------------------------------------------------------
   * Checking */

  function labelOf(path) {
    var field = form.querySelector('[data-field="' + path + '"]');
    var label = field && field.querySelector("legend, label");
    return label ? label.textContent.replace(/\s*\*\s*\(verplicht\)\s*$/, "").replace(/\s*\*$/, "").trim() : path;
  }

  function schemaErrors(errors, prefix) {
    var out = [];
    if (!errors) return out;
    window.ajvLocalizeNl(errors);
    var failed = {};
    errors.forEach(function (e) { failed[e.instancePath] = (failed[e.instancePath] || 0) + 1; });
    errors.forEach(function (e) {
      if (e.keyword === "anyOf") return;  // 'Optional' fields: the first alternative says what is wrong
      if (e.keyword === "type" && e.params.type === "null") return;
      var parts = e.instancePath.split("/").slice(1);
      if (e.keyword === "required") parts.push(e.params.missingProperty);
      var message = e.message;
      if (e.keyword === "required") message = "is verplicht: vul dit in";
      if (e.keyword === "pattern") {
        message = e.params.pattern === "^[^\\r\\n]+$" ? "moet op één regel staan" : "heeft niet de goede vorm";
      }
      if (e.keyword === "enum") message += ": " + e.params.allowedValues.join(", ");
      if (e.keyword === "minLength" && e.params.limit === 1) message = "is nog leeg";
      out.push({ parts: prefix.concat(parts), message: message, keyword: e.keyword });
    });
    return out;
  }

  function crossErrors(example, source) {
    var out = [];
    var add = function (path, message) { out.push({ parts: path.split("."), message: message }); };
    var data = state.data;
    var year = Number(TODAY.slice(0, 4));
    [["municipality", example.municipality]].concat((example.other_municipalities || []).map(function (code, i) {
      return ["other_municipalities." + i, code];
    })).forEach(function (pair) {
      var code = pair[1];
      if (code && !state.names[code]) add(pair[0], municipalityMessage(code));
    });
    if (example.period && example.period.start > year) {
      add("period.start", "ligt in de toekomst: schrijf het jaar waarin de aanpak begon (uiterlijk " + year + ")");
    }
    if (example.period && example.period.end && example.period.start && example.period.end < example.period.start) {
      add("period.end", "ligt voor het begin: verwissel de jaren, of laat het einde leeg als de aanpak nog loopt");
    }
    if (example.as_of > year) add("as_of", "ligt in de toekomst: schrijf een jaar tot en met " + year);
    if (example.last_reviewed && example.last_reviewed.iso > TODAY) add("last_reviewed", "ligt in de toekomst");
    if (example.id && data.example_ids.indexOf(example.id) >= 0) {
      add("id", "is al in gebruik door een ander voorbeeld: kies een andere");
    }
    var refs = example.sources || [];
    refs.forEach(function (ref, i) {
      if (ref.source === "__nieuw") add("sources." + i, "beschrijf de nieuwe bron hieronder, of kies een bron uit de lijst");
    });
    var known = {};
    data.sources.forEach(function (s) { known[s.id] = s; });
    var weak = refs.length > 0 && refs.every(function (ref) {
      if (source && ref.source === source.id) return data.weak_kinds.indexOf(source.kind) >= 0 || !source.date;
      return known[ref.source] ? known[ref.source].weak : false;
    });
    if (weak) {
      add("sources", "steunt alleen op zwakke bronnen (een opinie, blog of bron zonder datum): voeg een onderzoek, " +
        "evaluatie, beleidsdocument, jaarverslag of nieuwsbericht toe");
    }
    if (refs.length > 1 || (refs.length === 1 && refs[0].supports)) {
      var covered = {};
      refs.forEach(function (ref) { (ref.supports || []).forEach(function (name) { covered[name] = true; }); });
      var open = data.facts.filter(function (name) {
        var v = example[name];
        return v !== undefined && v !== "onbekend" && !(Array.isArray(v) && !v.length) && !covered[name];
      });
      if (open.length) {
        add("sources", "zet bij de bronnen welke gegevens erin staan (onder 'Welke gegevens staan in deze bron?'); " +
          "nog bij geen bron: " + open.map(labelOf).join(", "));
      }
    }
    if (source && !source.url && !source.obtain) {
      add("source.url", "zet het webadres, of schrijf bij 'verkrijgbaar' waar je de publicatie kunt krijgen");
    }
    return out;
  }

  function municipalityMessage(typed) {
    var found = Y.findMunicipality(state.data.municipalities, typed);
    if (found.several) {
      return "er zijn meer gemeenten met deze naam; kies er één uit de lijst: " +
        found.several.map(Y.optionLabel).join("; ");
    }
    if (found.code) return "er is geen gemeente met code " + found.code;
    if (found.close && found.close.length) return "niet gevonden. Bedoel je: " + found.close.map(Y.optionLabel).join("; ") + "?";
    return "niet gevonden: kies de gemeente uit de lijst die verschijnt als je typt";
  }

  /* The field an error belongs to: the deepest [data-field] on its path ('sources.1.note' → the sources list). */
  function fieldFor(parts) {
    for (var n = parts.length; n > 0; n -= 1) {
      var field = form.querySelector('[data-field="' + parts.slice(0, n).join(".") + '"]');
      if (field) return { field: field, rest: parts.slice(n) };
    }
    return { field: null, rest: parts };
  }

  function where(rest, field) {
    if (!rest.length || !/^[0-9]+$/.test(rest[0])) return "";
    var number = Number(rest[0]) + 1;
    if (field.dataset.field === "sources") return "bron " + number + ": ";
    if (field.dataset.field === "principles") return "principe " + number + ": ";
    if (/wk-veld--(lines)/.test(field.className)) return "regel " + number + ": ";
    return "";
  }

  /* ------------------------------------------------------------------------------------------------------------
   * Showing */

  function update() {
    if (!state.data) return;
    var made = collect();
    state.example = made.example;
    state.source = made.source;
    var example = plainData(made.example), source = made.source && plainData(made.source);
    state.validate(example);
    var errors = schemaErrors(state.validate.errors, []);
    if (source) {
      state.validateSource(source);
      errors = errors.concat(schemaErrors(state.validateSource.errors, ["source"]));
    }
    // a municipality the register does not know gets the register's answer, not also 'heeft niet de goede vorm'
    errors = errors.filter(function (e) {
      return !(e.keyword === "pattern" && /^(municipality|other_municipalities)$/.test(e.parts[0]));
    }).concat(crossErrors(made.example, made.source));
    state.errors = errors;
    showErrors(errors);
    state.yaml = Y.recordYaml(made.example, "yaml-language-server: $schema=../../schema/example.json");
    state.sourceYaml = made.source ? Y.recordYaml(made.source, "yaml-language-server: $schema=../../schema/source.json") : "";
    $("wk-yaml").textContent = state.yaml;
    $("wk-bron-yaml").textContent = state.sourceYaml;
    $("wk-bron-yaml").hidden = !state.sourceYaml;
    showMunicipality("municipality");
    preview(made.example, made.source);
    outputs(errors.length === 0);
  }

  function showErrors(errors) {
    var byField = new Map();
    errors.forEach(function (error) {
      var found = fieldFor(error.parts);
      if (!found.field) return;
      var list = byField.get(found.field) || [];
      list.push(where(found.rest, found.field) + error.message);
      byField.set(found.field, list);
    });
    all("[data-field]", form).forEach(function (field) {
      var messages = byField.get(field) || [];
      var visible = messages.length > 0 && (state.showAll || state.touched[field.dataset.field]);
      var box = $(field.id + "-fout");
      if (!box) return;
      box.hidden = !visible;
      box.textContent = visible ? labelOf(field.dataset.field) + ": " + unique(messages).join("; ") + "." : "";
      all("input, select, textarea", field).forEach(function (control) {
        if (visible) control.setAttribute("aria-invalid", "true"); else control.removeAttribute("aria-invalid");
      });
    });
    var summary = $("wk-fouten");
    summary.textContent = "";
    state.todo = byField.size;
    if (state.showAll && errors.length) {
      var heading = document.createElement("p");
      heading.textContent = byField.size === 1 ? "Nog één ding te doen:" : "Nog " + byField.size + " dingen te doen:";
      var list = document.createElement("ul");
      var fields = Array.from(byField.keys()).sort(function (a, b) {  // in the order of the form
        return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
      fields.forEach(function (field) {
        var messages = byField.get(field);
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#" + field.id;
        link.textContent = labelOf(field.dataset.field) + ": " + unique(messages).join("; ");
        item.appendChild(link);
        list.appendChild(item);
      });
      summary.appendChild(heading);
      summary.appendChild(list);
    }
    summary.hidden = !(state.showAll && errors.length);
  }

  function unique(items) {
    return items.filter(function (item, index) { return items.indexOf(item) === index; });
  }

  function showMunicipality(path) {
    var field = form.querySelector('[data-field="' + path + '"]');
    var input = field.querySelector(".wk-invoer");
    var found = Y.findMunicipality(state.data.municipalities, input.value);
    var note = $(field.id + "-gevonden");
    if (!found.found) { note.textContent = ""; return; }
    var m = found.found;
    note.textContent = m.merged
      ? Y.display(m) + ". Let op: " + m.name + " is in " + m.merged.year + " opgegaan in " + m.merged.into_name +
        ". Gaat je voorbeeld over de tijd daarna? Kies dan " + m.merged.into_name + "."
      : "Gevonden: " + Y.display(m) + " (" + m.province + ").";
  }

  function element(tag, content, className) {
    var node = document.createElement(tag);
    if (content) node.textContent = content;
    if (className) node.className = className;
    return node;
  }

  function paragraphs(target, value) {
    String(value).split(/\n\s*\n/).forEach(function (part) { target.appendChild(element("p", part)); });
  }

  /* The example page as it will look, in outline: the same order of parts as the example page on the site. */
  function preview(example, source) {
    var box = $("wk-voorbeeld");
    box.textContent = "";
    if (!example.title && !example.municipality) {
      box.appendChild(element("p", "Vul de gemeente en de titel in; dan verschijnt hier je voorbeeld.", "wk-voorbeeld__leeg"));
      return;
    }
    var name = state.names[example.municipality] || "";
    box.appendChild(element("p", [name, example.status].filter(Boolean).join(" · "), "wk-kicker"));
    box.appendChild(element("h3", example.title || "(nog zonder titel)"));
    if (example.summary) box.appendChild(element("p", example.summary, "wk-lead"));
    var facts = element("dl", "", "wk-voorbeeld__feiten");
    ["as_of", "period", "teams", "area", "lead", "access", "evidence"].forEach(function (key) {
      var v = example[key];
      if (v === undefined) return;
      if (key === "period") v = v.start + (v.end ? "–" + v.end : " tot nu");
      if (Array.isArray(v)) v = v.join(", ");
      facts.appendChild(element("dt", labelOf(key === "period" ? "period.start" : key).replace(/: begin$/, "")));
      facts.appendChild(element("dd", String(v)));
    });
    if (facts.childNodes.length) box.appendChild(facts);
    ["goal", "target_group", "approach", "results"].forEach(function (key) {
      if (!example[key]) return;
      box.appendChild(element("h4", labelOf(key)));
      paragraphs(box, example[key]);
    });
    ["team", "working_elements", "lessons"].forEach(function (key) {
      if (!example[key]) return;
      box.appendChild(element("h4", labelOf(key)));
      var list = element("ul");
      example[key].forEach(function (item) { list.appendChild(element("li", item)); });
      box.appendChild(list);
    });
    if (example.sources) {
      box.appendChild(element("h4", labelOf("sources")));
      var sources = element("ul");
      var titles = {};
      state.data.sources.forEach(function (s) { titles[s.id] = s.title; });
      if (source) titles[source.id] = source.title;
      example.sources.forEach(function (ref) {
        sources.appendChild(element("li", (titles[ref.source] || ref.source) + (ref.note ? " — " + ref.note : "")));
      });
      box.appendChild(sources);
    }
    box.appendChild(element("p", "Opmaak zoals **vet** en lijstjes zie je op de site zelf.", "wk-voorbeeld__noot"));
  }

  /* ------------------------------------------------------------------------------------------------------------
   * The ways in */

  function folder(kind) { return state.data.folders[kind]; }

  function newFileUrl(kind, id, yaml) {
    var base = state.data.repository + "/new/" + state.data.branch;
    return base + "?filename=" + encodeURIComponent(folder(kind) + "/" + id + ".yaml") + "&value=" + encodeURIComponent(yaml);
  }

  function link(href, label, className) {
    var a = element("a", label, className || "md-button");
    a.href = href;
    return a;
  }

  function outputs(valid) {
    var data = state.data;
    var example = state.example, source = state.source;
    var status = $("wk-status");
    var tooLong = [];
    status.textContent = valid
      ? "Alles is ingevuld zoals het moet. Kies hieronder hoe je het instuurt."
      : (state.todo === 1 ? "Nog één ding te doen" : "Nog " + state.todo + " dingen te doen") +
        " voordat je kunt insturen." + (state.showAll ? " Zie de lijst bovenaan het formulier." : "");
    var github = $("wk-github-links");
    github.textContent = "";
    if (data.repository && example.id) {
      var files = [];
      if (source) files.push(["source", source.id, state.sourceYaml, "1. Eerst de nieuwe bron"]);
      files.push(["example", example.id, state.yaml, source ? "2. Dan het voorbeeld" : "Open in GitHub"]);
      files.forEach(function (file) {
        var url = newFileUrl(file[0], file[1], file[2]);
        if (url.length > data.max_url) { tooLong.push("GitHub"); return; }
        github.appendChild(link(url, file[3], "md-button md-button--primary"));
        github.appendChild(document.createTextNode(" "));
      });
      if (source) {
        github.appendChild(element("span", "Je bijdrage heeft twee bestanden; met 'Als issue versturen' komen ze in één voorstel.",
          "wk-route__noot"));
      }
    }
    var issue = $("wk-issue");
    var query = Y.issueQuery(data.questions, example, source, {
      template: data.issue.template, titlePrefix: data.issue.title_prefix, names: state.names,
      newSource: source ? { id: source.id, title: source.title } : null });
    var issueUrl = data.repository ? data.repository + "/issues/new?" + query : "";
    issue.hidden = !issueUrl || issueUrl.length > data.max_url;
    if (issueUrl.length > data.max_url) tooLong.push("issue");
    issue.href = issueUrl || "#wk-insturen";
    var download = $("wk-download");
    if (download.dataset.url) URL.revokeObjectURL(download.dataset.url);
    download.dataset.url = URL.createObjectURL(new Blob([state.yaml], { type: "application/yaml" }));
    download.href = download.dataset.url;
    download.setAttribute("download", (example.id || "voorbeeld") + ".yaml");
    var sourceDownload = $("wk-download-bron");
    if (source) {
      if (!sourceDownload) {
        sourceDownload = link("#", "Download de bron");
        sourceDownload.id = "wk-download-bron";
        download.parentNode.insertBefore(sourceDownload, download.nextSibling);
        download.parentNode.insertBefore(document.createTextNode(" "), sourceDownload);
      }
      sourceDownload.href = URL.createObjectURL(new Blob([state.sourceYaml], { type: "application/yaml" }));
      sourceDownload.setAttribute("download", source.id + ".yaml");
    } else if (sourceDownload) {
      sourceDownload.remove();
    }
    if (tooLong.length) {
      var note = element("p", "Je voorbeeld is te lang om in een link mee te geven. Download het bestand of kopieer de " +
        "tekst, en plak die op GitHub in een nieuw bestand in de map " + folder("example") + "/.", "wk-route__noot");
      note.id = "wk-te-lang";
      github.appendChild(note);
      if (data.repository) github.appendChild(link(data.repository + "/new/" + data.branch + "/" + folder("example"), "Nieuw bestand op GitHub"));
    }
  }

  /* A way in chosen while something is still wrong: show every problem, and go to the list instead. */
  function attempt(event) {
    if (!state.errors || state.errors.length === 0) {
      if (event.type === "submit") window.location.href = $("wk-issue").href;
      return;
    }
    event.preventDefault();
    state.showAll = true;
    update();
    $("wk-fouten").focus();
  }

  function copy(event) {
    if (state.errors && state.errors.length) { attempt(event); return; }
    var done = function () { $("wk-status").textContent = "De tekst staat op het klembord."; };
    var text = state.sourceYaml ? state.sourceYaml + "\n---\n\n" + state.yaml : state.yaml;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { select(text); });
    } else {
      select(text);
    }
  }

  function select(_text) {
    var code = $("wk-yaml");
    code.closest("details").open = true;
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    $("wk-status").textContent = "De tekst is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C op een Mac).";
  }

  /* ------------------------------------------------------------------------------------------------------------
   * More than one source */

  function renumberSources() {
    all("[data-source-row]").forEach(function (row, index) {
      var n = index + 1;
      var select = row.querySelector("[data-source-id]"), note = row.querySelector("[data-source-note]");
      select.id = "wk-bron-" + n;
      note.id = "wk-bron-" + n + "-vindplaats";
      row.querySelector('label[for^="wk-bron-"]').htmlFor = select.id;
      row.querySelectorAll("label")[1].htmlFor = note.id;
      if (index > 0) select.removeAttribute("name");
      row.querySelector("[data-source-remove]").hidden = all("[data-source-row]").length === 1;
    });
  }

  function addSourceRow() {
    var rows = all("[data-source-row]");
    var copy = rows[0].cloneNode(true);
    copy.querySelector("[data-source-id]").value = "";
    copy.querySelector("[data-source-note]").value = "";
    all("input[type=checkbox]", copy).forEach(function (box) { box.checked = false; });
    copy.querySelector("details").open = false;
    $("wk-bronnen").appendChild(copy);
    renumberSources();
    copy.querySelector("[data-source-id]").focus();
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
