/*
 * Wijkkit session composer (/workshopkits/samenstellen/): the form, the live agenda, printing, the link and the
 * download. The arithmetic is composer-plan.js (the build's rules), the documents composer-render.js (the build's
 * templates); this file only connects them to the page.
 *
 * The session lives in `state`, which is small: the kit it started from, the facts she typed, and for every block a
 * reference to where its texts come from (a block of a shipped kit, a werkvorm, or nothing) with its own title and
 * minutes. `kitOf(state)` makes the kit YAML's data from it; the agenda, the warnings, the printed documents and the
 * download all come from that one kit. The state is written into the page address (compressed), so the address is
 * the session: reload it, bookmark it or send it.
 */
(function () {
  "use strict";

  var Plan = window.WijkkitPlan, Render = window.WijkkitRender, Yaml = window.WijkkitYaml;
  var form = document.getElementById("wk-ss");
  if (!form || !Plan || !Render || !Yaml || !window.nunjucks) return;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (attrs[key] !== null && attrs[key] !== undefined && attrs[key] !== false) node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  var catalog, renderer, state, planned, problems = [], section;
  var EMPTY_GUIDE = "Vertel wat er in dit blok gebeurt en wat deelnemers doen.";
  var DEFAULT_EVALUATION = ["Wat neem je mee uit deze sessie?", "Wat kan de volgende keer beter?"];
  var DEFAULT_REFLECTION = ["Welk principe herken je in je eigen werk?", "Met welk principe heb je moeite, en waarom?"];
  var DEFAULT_MATERIALS = [
    { item: "programma voor deelnemers", per: "deelnemer", spare: 2, document: "programma" },
    { item: "werkblad", per: "deelnemer", spare: 2, document: "werkblad" },
    { item: "evaluatieformulier", per: "deelnemer", spare: 2, document: "evaluatie" },
    { item: "pen", per: "deelnemer", spare: 2 },
    { item: "set principekaarten", per: "groep", group_size: 3, document: "principekaarten" },
    { item: "set casuskaarten", per: "sessie", count: 2, document: "casuskaarten" },
    { item: "draaiboek", per: "sessie", document: "draaiboek" }
  ];
  var ALL_DOCUMENTS = ["draaiboek", "programma", "principekaarten", "casuskaarten", "werkvormkaarten", "werkblad",
                       "evaluatie", "presentatie"];

  // ---------------------------------------------------------------------------------------------------------------
  // where a block's texts come from

  /* "k:<kit>:<index>" a block of a shipped kit, "w:<werkvorm>" a new block with that werkvorm, "" an empty block. */
  function source(ref) {
    var parts = (ref || "").split(":");
    if (parts[0] === "k") {
      var kit = catalog.kitById[parts[1]];
      var block = kit && kit.blocks[Number(parts[2])];
      if (block) return block;
    }
    if (parts[0] === "w" && catalog.werkvormById[parts[1]]) return werkvormBlock(parts[1]);
    return { title: "Nieuw blok", minutes: 10, werkvorm: null, cases: [], guide: EMPTY_GUIDE, cue: null,
             shows_principles: false, questions: [], materials: [], for_participants: null };
  }

  /* A new block with a werkvorm: the texts of a shipped block that uses it, or the werkvorm's own. */
  function werkvormBlock(id) {
    var w = catalog.werkvormById[id];
    for (var i = 0; i < catalog.kits.length; i++) {
      var found = catalog.kits[i].blocks.filter(function (b) { return b.werkvorm === id; })[0];
      if (found) return Object.assign({}, found, { cases: [], title: w.title });
    }
    var own = Plan.normaliseKit({ blocks: [{ title: w.title, minutes: w.minutes.min, werkvorm: id, guide: "" }],
                                  participants: { min: 1, max: 1 }, documents: [] }).blocks[0];
    own.guide = "Zie de werkvormkaart ‘" + w.title + "’: daar staan de stappen, de ruimte en de materialen.";
    own.for_participants = w.purpose;
    return own;
  }

  function werkvormMinutes(id) {
    var w = catalog.werkvormById[id];
    var total = w.steps.reduce(function (a, s) { return a + s.minutes; }, 0);
    return Math.min(w.minutes.max, Math.max(w.minutes.min, total));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the session

  function fromKit(kit) {
    var caseBlock = kit.blocks.findIndex(function (b) { return b.cases.length; });
    return {
      base: kit.id, title: kit.title, date: kit.date || "", place: kit.place || "", organiser: kit.organiser || "",
      goal: kit.goal, audience: kit.audience, start: kit.start, end: kit.end,
      participants: { min: kit.participants.min, max: kit.participants.max },
      principles: catalog.kitPrinciples(kit).map(function (p) { return p.id; }),
      cases: caseBlock >= 0 ? kit.blocks[caseBlock].cases.slice() : [],
      caseBlock: caseBlock,
      blocks: kit.blocks.map(function (b, i) {
        return { ref: "k:" + kit.id + ":" + i, title: b.title, minutes: b.minutes, guide: null, forParticipants: null };
      }),
      layout: "fold"
    };
  }

  function emptyState() {
    return {
      base: "", title: "Mijn sessie", date: "", place: "", organiser: "",
      goal: "Deelnemers praten over de principes van wijkgericht werken en wat die betekenen voor hun eigen werk.",
      audience: "Medewerkers van het sociaal wijkteam en partners in de wijk.",
      start: "09:00", end: "10:00", participants: { min: 12, max: 12 },
      principles: catalog.principles.map(function (p) { return p.id; }), cases: [], caseBlock: -1,
      blocks: [{ ref: "", title: "Opening", minutes: 10, guide: "Heet iedereen welkom en vertel wat jullie gaan doen.",
                 forParticipants: "We beginnen en vertellen wat we gaan doen." }],
      layout: "fold"
    };
  }

  function baseKit() { return state.base ? catalog.kitById[state.base] : null; }

  /* A block of the kit, its fields in the model's order (generator/model.py, Block). */
  function blockOf(b, index) {
    var from = source(b.ref);
    return {
      title: b.title, minutes: b.minutes, werkvorm: from.werkvorm || null,
      cases: index === state.caseBlock ? state.cases.slice() : [],
      guide: b.guide !== null ? b.guide : from.guide, cue: from.cue || null,
      shows_principles: Boolean(from.shows_principles), questions: (from.questions || []).slice(),
      materials: (from.materials || []).slice(),
      for_participants: b.forParticipants !== null ? (b.forParticipants || null) : (from.for_participants || null)
    };
  }

  function materialOf(m) {
    return { item: m.item, per: m.per, count: m.count === undefined ? 1 : m.count,
             group_size: m.group_size === undefined ? null : m.group_size, spare: m.spare || 0,
             document: m.document || null };
  }

  function slug() {
    var id = Yaml.slugify([state.title || "sessie"], 60) || "sessie";
    return id === "samenstellen" || id === "index" ? id + "-1" : id;
  }

  /* The kit as its YAML file holds it, in the model's field order. */
  function kitOf() {
    var base = baseKit();
    var blocks = state.blocks.map(blockOf);
    var principles = state.principles.length === catalog.principles.length ? "all" : state.principles.slice();
    var documents = (base ? base.documents : ALL_DOCUMENTS).filter(function (d) {
      if (d === "casuskaarten") return blocks.some(function (b) { return b.cases.length; });
      if (d === "principekaarten") return state.principles.length > 0;
      if (d === "werkvormkaarten") return blocks.some(function (b) { return b.werkvorm; });
      return true;
    });
    var materials = (base ? base.materials : DEFAULT_MATERIALS).filter(function (m) {
      return !m.document || documents.indexOf(m.document) >= 0;
    }).map(materialOf);
    var kit = {
      id: slug(), title: state.title, subtitle: base ? base.subtitle : null, goal: state.goal,
      audience: state.audience, plain_language: base ? base.plain_language : false,
      start: state.start, end: state.end, date: state.date || null, place: state.place || null,
      organiser: state.organiser || null,
      participants: { min: state.participants.min, max: state.participants.max },
      principles: principles,
      card_questions: base && documents.indexOf("principekaarten") >= 0 ? base.card_questions : [],
      blocks: blocks, materials: materials,
      room: base ? base.room : null,
      preparation: base ? base.preparation : { week_before: [], day_before: [], on_the_day: [] },
      variants: base ? base.variants : { online: null, shorter: null },
      follow_up: base ? base.follow_up : [],
      reflection: base ? base.reflection : DEFAULT_REFLECTION,
      evaluation: base ? base.evaluation : DEFAULT_EVALUATION,
      documents: documents
    };
    return kit;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the address: the session compressed into the fragment (never sent to a server)

  function toBase64Url(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function fromBase64Url(text) {
    var raw = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }
  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
      .then(function (buffer) { return new Uint8Array(buffer); });
  }

  /* Only what differs from where the session started is written down, with short names. */
  function compact() {
    var base = baseKit() ? fromKit(baseKit()) : emptyState();
    var out = { v: 1, k: state.base };
    [["t", "title"], ["d", "date"], ["p", "place"], ["o", "organiser"], ["g", "goal"], ["a", "audience"],
     ["s", "start"], ["e", "end"]].forEach(function (pair) {
      if (state[pair[1]] !== base[pair[1]]) out[pair[0]] = state[pair[1]];
    });
    out.n = [state.participants.min, state.participants.max];
    out.pr = state.principles.length === catalog.principles.length ? "all"
      : state.principles.map(function (id) { return catalog.principleById[id].number; });
    out.c = state.cases;
    out.cb = state.caseBlock;
    out.b = state.blocks.map(function (b) {
      var from = source(b.ref), row = [b.ref, b.minutes];
      row.push(b.title !== from.title ? b.title : null, b.forParticipants, b.guide);
      while (row.length > 2 && row[row.length - 1] === null) row.pop();
      return row;
    });
    if (state.layout !== "fold") out.l = state.layout;
    return out;
  }

  function expand(c) {
    var s = c.k && catalog.kitById[c.k] ? fromKit(catalog.kitById[c.k]) : emptyState();
    [["t", "title"], ["d", "date"], ["p", "place"], ["o", "organiser"], ["g", "goal"], ["a", "audience"],
     ["s", "start"], ["e", "end"]].forEach(function (pair) {
      if (typeof c[pair[0]] === "string") s[pair[1]] = c[pair[0]];
    });
    if (Array.isArray(c.n) && c.n.length === 2) s.participants = { min: Number(c.n[0]), max: Number(c.n[1]) };
    if (c.pr === "all") s.principles = catalog.principles.map(function (p) { return p.id; });
    else if (Array.isArray(c.pr)) {
      var chosen = new Set(c.pr);
      s.principles = catalog.principles.filter(function (p) { return chosen.has(p.number); })
        .map(function (p) { return p.id; });
    }
    if (Array.isArray(c.c)) s.cases = c.c.filter(function (id) { return id in catalog.caseById; });
    if (Array.isArray(c.b)) {
      s.blocks = c.b.map(function (row) {
        var from = source(row[0]);
        return { ref: String(row[0] || ""), minutes: Number(row[1]) || from.minutes,
                 title: typeof row[2] === "string" ? row[2] : from.title,
                 forParticipants: typeof row[3] === "string" ? row[3] : null,
                 guide: typeof row[4] === "string" ? row[4] : null };
      });
    }
    s.caseBlock = typeof c.cb === "number" && c.cb < s.blocks.length ? c.cb : -1;
    s.layout = c.l === "duplex" ? "duplex" : "fold";
    return s;
  }

  var writing = null;
  function writeAddress() {
    clearTimeout(writing);
    writing = setTimeout(function () {
      var json = new TextEncoder().encode(JSON.stringify(compact()));
      var done = function (prefix, bytes) {
        var url = location.pathname + "#" + prefix + "=" + toBase64Url(bytes);
        history.replaceState(null, "", url);
        $("wk-ss-link").value = location.href;
      };
      if (typeof CompressionStream === "function") {
        pipe(json, new CompressionStream("deflate-raw")).then(function (b) { done("z", b); });
      } else {
        done("j", json);
      }
    }, 250);
  }

  function readAddress() {
    var hash = location.hash.replace(/^#/, "");
    var match = /^([zj])=([A-Za-z0-9_-]+)$/.exec(hash);
    if (!match) return Promise.resolve(null);
    var bytes = fromBase64Url(match[2]);
    var inflate = match[1] === "z" ? pipe(bytes, new DecompressionStream("deflate-raw")) : Promise.resolve(bytes);
    return inflate.then(function (b) { return expand(JSON.parse(new TextDecoder().decode(b))); })
      .catch(function () { return null; });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the form

  function fill() {
    $("wk-ss-basis").value = state.base;
    $("wk-ss-titel").value = state.title;
    $("wk-ss-datum").value = state.date;
    $("wk-ss-plaats").value = state.place;
    $("wk-ss-organisator").value = state.organiser;
    $("wk-ss-doel").value = state.goal;
    $("wk-ss-publiek").value = state.audience;
    $("wk-ss-begin-tijd").value = state.start;
    $("wk-ss-eind-tijd").value = state.end;
    $("wk-ss-aantal").value = state.participants.max;
    var chosen = new Set(state.principles);
    form.querySelectorAll("input[name=principe]").forEach(function (box) { box.checked = chosen.has(box.value); });
    var cases = new Set(state.cases);
    form.querySelectorAll("input[name=casus]").forEach(function (box) { box.checked = cases.has(box.value); });
    form.querySelectorAll("input[name=kaartvorm]").forEach(function (r) { r.checked = r.value === state.layout; });
    drawBlocks();
  }

  function blockField(index, name, label, input) {
    var id = "wk-ss-blok-" + index + "-" + name;
    input.id = id;
    return el("div", { class: "wk-ss__veld wk-ss__veld--" + name }, [
      el("label", { class: "wk-ss__label", for: id }, [document.createTextNode(label),
        el("span", { class: "wk-sr", text: " van blok " + (index + 1) })]),
      input
    ]);
  }

  function drawBlocks(focus) {
    var list = $("wk-ss-blokken");
    list.textContent = "";
    state.blocks.forEach(function (b, i) {
      var from = source(b.ref), w = from.werkvorm ? catalog.werkvormById[from.werkvorm] : null;
      var minutes = el("input", { type: "number", class: "wk-invoer wk-invoer--kort", inputmode: "numeric",
                                  min: w ? w.minutes.min : 1, max: w ? w.minutes.max : 240, step: 1,
                                  "aria-describedby": "wk-ss-blok-" + i + "-melding" });
      minutes.value = b.minutes;
      minutes.addEventListener("input", function () {
        var n = parseInt(minutes.value, 10);
        if (n >= 1 && n <= 240) { b.minutes = n; update(); }
      });
      var title = el("input", { type: "text", class: "wk-invoer", autocomplete: "off" });
      title.value = b.title;
      title.addEventListener("input", function () {
        b.title = title.value;
        title.closest("li").setAttribute("data-titel", b.title);
        update();
        drawCaseBlocks();
      });
      var participants = el("textarea", { class: "wk-invoer", rows: 2 });
      participants.value = b.forParticipants !== null ? b.forParticipants : (from.for_participants || "");
      participants.addEventListener("input", function () { b.forParticipants = participants.value; update(); });
      var guide = el("textarea", { class: "wk-invoer", rows: 5, "aria-describedby": "wk-ss-blok-" + i + "-uitleg" });
      guide.value = b.guide !== null ? b.guide : from.guide;
      guide.addEventListener("input", function () { b.guide = guide.value; update(); });
      var name = "blok " + (i + 1) + " (" + (b.title || "zonder titel") + ")";
      function button(text, label, action, disabled) {
        var node = el("button", { type: "button", class: "md-button wk-ss__klein", "aria-label": label,
                                  disabled: disabled ? "disabled" : null, text: text });
        node.addEventListener("click", action);
        return node;
      }
      var li = el("li", { class: "wk-ss__blok", "data-blok": i, "data-titel": b.title }, [
        el("p", { class: "wk-ss__blok-kop" }, [
          el("span", { class: "wk-ss__tijd", id: "wk-ss-blok-" + i + "-tijd" }),
          el("span", { class: "wk-ss__werkvorm", text: w ? "Werkvorm: " + w.title + ", " + w.minutes.min + "–" +
            w.minutes.max + " minuten" : "Zonder werkvorm" })
        ]),
        el("div", { class: "wk-ss__rij" }, [blockField(i, "titel", "Titel", title),
                                              blockField(i, "minuten", "Minuten", minutes)]),
        el("p", { class: "wk-ss__melding", id: "wk-ss-blok-" + i + "-melding", "aria-live": "polite" }),
        el("details", { class: "wk-ss__teksten" }, [
          el("summary", { text: "Teksten van dit blok" }),
          blockField(i, "deelnemers", "Voor deelnemers (programma en dia)", participants),
          blockField(i, "aanwijzingen", "Aanwijzingen voor de begeleider", guide),
          el("p", { class: "wk-ss__uitleg", id: "wk-ss-blok-" + i + "-uitleg",
                    text: "Schrijf een tijd als {+10} (tien minuten na het begin van het blok), {stap 2} (het begin " +
                          "van stap 2 van de werkvorm) of {einde}: de kloktijd rekent dan mee." })
        ]),
        el("p", { class: "wk-ss__knoppen" }, [
          button("Omhoog", name + " omhoog", function () { move(i, -1); }, i === 0),
          button("Omlaag", name + " omlaag", function () { move(i, 1); }, i === state.blocks.length - 1),
          button("Verwijder", name + " verwijderen", function () { remove(i); }, state.blocks.length === 1)
        ])
      ]);
      list.appendChild(li);
    });
    drawCaseBlocks();
    update();
    if (focus) {
      var target = list.querySelector(focus);
      if (target && !target.disabled) target.focus();
      else if (target) (target.closest("li").querySelector("button:not([disabled])") || list).focus();
    }
  }

  function drawCaseBlocks() {
    var select = $("wk-ss-casusblok");
    select.textContent = "";
    select.appendChild(el("option", { value: "-1", text: "Geen blok: kies er een" }));
    state.blocks.forEach(function (b, i) {
      var option = el("option", { value: String(i), text: "Blok " + (i + 1) + ": " + (b.title || "zonder titel") });
      select.appendChild(option);
    });
    select.value = String(state.caseBlock);
  }

  function say(id, text) { $(id).textContent = text; }

  function move(i, step) {
    var j = i + step, blocks = state.blocks;
    var moved = blocks.splice(i, 1)[0];
    blocks.splice(j, 0, moved);
    if (state.caseBlock === i) state.caseBlock = j;
    else if (state.caseBlock === j) state.caseBlock = i;
    drawBlocks("li[data-blok='" + j + "'] button[aria-label$='" + (step < 0 ? "omhoog" : "omlaag") + "']");
    say("wk-ss-blokken-melding", "‘" + moved.title + "’ is nu blok " + (j + 1) + ".");
  }

  function remove(i) {
    var gone = state.blocks.splice(i, 1)[0];
    if (state.caseBlock === i) state.caseBlock = -1;
    else if (state.caseBlock > i) state.caseBlock -= 1;
    drawBlocks("li[data-blok='" + Math.min(i, state.blocks.length - 1) + "'] input");
    say("wk-ss-blokken-melding", "‘" + gone.title + "’ is weggehaald.");
  }

  function add() {
    var id = $("wk-ss-nieuw").value;
    var ref = id ? "w:" + id : "";
    var from = source(ref);
    state.blocks.push({ ref: ref, title: from.title, minutes: id ? werkvormMinutes(id) : from.minutes,
                       guide: null, forParticipants: null });
    if (state.caseBlock < 0 && state.cases.length && id && /casus/.test(id)) state.caseBlock = state.blocks.length - 1;
    drawBlocks("li[data-blok='" + (state.blocks.length - 1) + "'] input");
    say("wk-ss-blokken-melding", "‘" + from.title + "’ is toegevoegd als blok " + state.blocks.length + ".");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // every change: plan, agenda, warnings, address

  function kitUrl() {
    return state.base ? catalog.pageUrl("kit", state.base)
      : catalog.data.site_url.replace(/\/+$/, "") + "/" + catalog.data.sections.kit + "/";
  }

  function validTime(text) { return /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(text); }

  function update() {
    var times = validTime(state.start) && validTime(state.end);
    var kit = kitOf();
    var s = catalog.schedule;
    if (!times) {
      say("wk-ss-eind-melding", "Vul de begintijd en de eindtijd in als UU:MM, bijvoorbeeld 08:30.");
      return;
    }
    if (document.activeElement !== $("wk-ss-duur")) $("wk-ss-duur").value = s.sessionMinutes(kit);
    planned = Plan.planKit(catalog, kit, kitUrl());
    problems = Plan.kitProblems(catalog, kit);
    drawAgenda(kit);
    drawProblems();
    drawPrintButtons(kit);
    writeAddress();
    download(kit);
  }

  function drawAgenda(kit) {
    var body = $("wk-ss-agenda"), agenda = planned.agenda;
    body.textContent = "";
    agenda.items.forEach(function (item) {
      body.appendChild(el("tr", {}, [
        el("td", { class: "wk-ss__tijden", text: item.start + "–" + item.end }),
        el("td", {}, [document.createTextNode(item.block.title || "zonder titel"),
                      item.werkvorm ? el("span", { class: "wk-ss__klein-tekst", text: item.werkvorm.title }) : null]),
        el("td", { class: "wk-ss__getal", text: String(item.minutes) })
      ]));
      var label = $("wk-ss-blok-" + item.index + "-tijd");
      if (label) label.textContent = "Blok " + (item.index + 1) + " · " + item.start + "–" + item.end;
    });
    var p = planned.principles.length, c = planned.cases.length;
    $("wk-ss-samenvatting").textContent = (planned.date ? planned.date + ", " : "") + agenda.start + " – " +
      agenda.end + " (" + agenda.duration + ") · " + planned.participants + " · " + p + " " +
      (p === 1 ? "principe" : "principes") + " · " + c + " " + (c === 1 ? "casus" : "casussen");
    $("wk-ss-principes-telling").textContent = "Kies de principes waar je over wilt praten. Het nummer staat op " +
      "de kaart. Gekozen: " + p + " van " + catalog.principles.length + ".";
  }

  function where(field) {
    if (field === "end") return "wk-ss-eind-melding";
    if (field === "participants" || field.indexOf("materials.") === 0) return "wk-ss-aantal-melding";
    var block = /^blocks\.(\d+)\./.exec(field);
    if (block) return "wk-ss-blok-" + block[1] + "-melding";
    if (field === "documents") return "wk-ss-casussen-melding";
    return "wk-ss-blokken-melding";
  }

  function drawProblems() {
    var by = {};
    problems.forEach(function (p) { (by[where(p.field)] = by[where(p.field)] || []).push(capital(p.message) + "."); });
    if (state.cases.length && state.caseBlock < 0) {
      (by["wk-ss-casussen-melding"] = by["wk-ss-casussen-melding"] || [])
        .push("Kies het blok waarin je de casussen bespreekt.");
    }
    ["wk-ss-eind-melding", "wk-ss-aantal-melding", "wk-ss-casussen-melding"].concat(
      state.blocks.map(function (_, i) { return "wk-ss-blok-" + i + "-melding"; })).forEach(function (id) {
      var node = $(id);
      if (node) node.textContent = (by[id] || []).join(" ");
    });
    var fit = $("wk-ss-passend");
    if (!fit) {
      fit = el("button", { type: "button", class: "md-button wk-ss__klein", id: "wk-ss-passend",
                           text: "Laat de blokken passen" });
      fit.addEventListener("click", fitBlocks);
      $("wk-ss-eind-melding").insertAdjacentElement("afterend", fit);
    }
    fit.hidden = !problems.some(function (p) { return p.field === "end"; });
    var list = $("wk-ss-meldingen");
    list.textContent = "";
    var all = [].concat.apply([], Object.keys(by).map(function (k) { return by[k]; }));
    if (all.length) {
      list.appendChild(el("p", { class: "wk-ss__meldingen-kop",
                                 text: all.length === 1 ? "Eén ding om na te kijken:" : all.length + " dingen om na te kijken:" }));
      list.appendChild(el("ul", {}, all.map(function (text) { return el("li", { text: text }); })));
    }
  }

  /* Shorter or longer blocks so that the programme ends at the end time, each within its werkvorm's limits. */
  function fitBlocks() {
    var s = catalog.schedule, kit = kitOf();
    var target = s.sessionMinutes(kit);
    var limits = state.blocks.map(function (b) {
      var w = source(b.ref).werkvorm ? catalog.werkvormById[source(b.ref).werkvorm] : null;
      return w ? [w.minutes.min, w.minutes.max] : [5, 240];
    });
    var minutes = state.blocks.map(function (b) { return b.minutes; });
    for (var round = 0; round < 20; round++) {
      var total = minutes.reduce(function (a, b) { return a + b; }, 0);
      var gap = target - total;
      if (!gap) break;
      var free = minutes.map(function (m, i) { return gap > 0 ? m < limits[i][1] : m > limits[i][0]; });
      var room = minutes.reduce(function (a, m, i) { return a + (free[i] ? m : 0); }, 0);
      if (!room) break;
      minutes = minutes.map(function (m, i) {
        if (!free[i]) return m;
        var wanted = Math.round(m + gap * m / room);
        return Math.min(limits[i][1], Math.max(limits[i][0], wanted));
      });
      total = minutes.reduce(function (a, b) { return a + b; }, 0);
      var rest = target - total;  // rounding: one minute at a time on the longest blocks that can take it
      var order = minutes.map(function (_, i) { return i; }).sort(function (a, b) { return minutes[b] - minutes[a]; });
      for (var k = 0; rest && k < order.length * 2; k++) {
        var j = order[k % order.length], step = rest > 0 ? 1 : -1;
        if (minutes[j] + step >= limits[j][0] && minutes[j] + step <= limits[j][1]) { minutes[j] += step; rest -= step; }
      }
    }
    state.blocks.forEach(function (b, i) { b.minutes = minutes[i]; });
    drawBlocks();
    var left = s.sessionMinutes(kit) - minutes.reduce(function (a, b) { return a + b; }, 0);
    say("wk-ss-blokken-melding", left ? "De blokken passen niet helemaal: haal een blok weg of voeg er een toe."
                                      : "De blokken zijn aangepast en passen nu precies.");
  }

  function drawPrintButtons(kit) {
    var has = {
      casuskaarten: planned.cases.length > 0, principekaarten: planned.principles.length > 0,
      werkvormkaarten: planned.werkvormen.length > 0
    };
    form.querySelectorAll("button[data-document]").forEach(function (button) {
      var d = button.getAttribute("data-document");
      button.disabled = d in has && !has[d];
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // printing: the documents rendered into the print section, then the browser's print dialog

  function printSection() {
    if (!section) {
      section = el("div", { class: "wk-print", id: "wk-afdruk", lang: "nl" });
      document.body.appendChild(section);
    }
    return section;
  }

  /* As the build does (generator/kits/build.py lay_out): a card side whose text runs past its edge gets a smaller
     step, up to fit-3. The print section is measured while it is laid out but not shown. */
  function fitCards(node) {
    node.classList.add("wk-print--meten");
    node.querySelectorAll("[data-fit]").forEach(function (side) {
      for (var step = 0; step < 3 && side.scrollHeight > side.clientHeight + 1; step++) {
        side.classList.remove("fit-" + step);
        side.classList.add("fit-" + (step + 1));
      }
    });
    node.classList.remove("wk-print--meten");
  }

  function render(which) {
    var kit = kitOf(), layout = state.layout;
    var files;
    if (which === "alles") files = Plan.printedParts(catalog, kit, layout);
    else if (which === "regiekaart") files = [{ document: "draaiboek", layout: null }];
    else files = [{ document: which, layout: catalog.documents[which].layouts.length ? layout : null }];
    var html = files.map(function (file) {
      var job = Plan.documentContext(catalog, planned, file);
      return renderer.render(job.template, job.context);
    }).join("\n");
    var node = printSection();
    node.className = "wk-print" + (kit.plain_language ? " plain" : "");
    node.innerHTML = html;
    if (which === "regiekaart") {
      node.querySelectorAll(".after-runsheet").forEach(function (part) { part.remove(); });
    }
    fitCards(node);
    var first = node.querySelector(".wk-doc");
    return which === "alles" ? "Alles in één – " + kit.title
      : which === "regiekaart" ? "Regiekaart – " + kit.title : (first ? first.getAttribute("data-title") : kit.title);
  }

  var pageTitle = document.title, rendered = false;
  function print(which) {
    if (!planned) return;
    try {
      document.title = render(which);
    } catch (error) {
      say("wk-ss-print-melding", "Dit document kon niet worden gemaakt: " + error.message);
      return;
    }
    rendered = true;
    say("wk-ss-print-melding", "Het printvenster opent. Kies A4 en ware grootte (100 %).");
    window.print();
  }
  window.addEventListener("beforeprint", function () {
    if (!rendered && planned) document.title = render("alles");  // Ctrl+P without a button: everything
  });
  window.addEventListener("afterprint", function () { document.title = pageTitle; rendered = false; });

  // ---------------------------------------------------------------------------------------------------------------
  // download as kit

  var blobUrl = null;
  /* Defaults left out (as a person writes the file), text without trailing blank lines. */
  function tidy(value) {
    if (typeof value === "string") return value.replace(/\s+$/, "");
    if (Array.isArray(value)) return value.map(tidy);
    if (value && typeof value === "object" && !(value instanceof Yaml.Day)) {
      var out = {};
      Object.keys(value).forEach(function (key) { out[key] = tidy(value[key]); });
      return out;
    }
    return value;
  }

  function download(kit) {
    var data = tidy(kit);
    data.materials = data.materials.map(function (m) {
      if (m.count === 1) delete m.count;
      if (!m.spare) delete m.spare;
      return m;
    });
    if (data.date) data.date = new Yaml.Day(data.date);
    data.blocks = data.blocks.map(function (b) {
      if (!b.shows_principles) delete b.shows_principles;
      return b;
    });
    if (!data.plain_language) delete data.plain_language;
    var text = Yaml.recordYaml(data, "Kit samengesteld op " + location.host + location.pathname + "\n" +
      "Zet dit bestand in de map kit/ van Wijkkit als " + kit.id + ".yaml en controleer het met: wijkkit check\n" +
      "De documenten maak je met: wijkkit kit " + kit.id);
    var link = $("wk-ss-download");
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    link.href = blobUrl;
    link.setAttribute("download", kit.id + ".yaml");
    link.setAttribute("data-yaml", "ok");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // wiring

  function bind(id, key, after) {
    $(id).addEventListener("input", function () {
      state[key] = $(id).value;
      if (after) after();
      update();
    });
  }

  function start(s) {
    state = s;
    fill();
  }

  function wire() {
    bind("wk-ss-titel", "title", function () {
      say("wk-ss-titel-melding", state.title.trim() ? "" : "Een sessie heeft een titel nodig.");
    });
    bind("wk-ss-datum", "date");
    bind("wk-ss-plaats", "place");
    bind("wk-ss-organisator", "organiser");
    bind("wk-ss-doel", "goal");
    bind("wk-ss-publiek", "audience");
    bind("wk-ss-begin-tijd", "start");
    bind("wk-ss-eind-tijd", "end");
    $("wk-ss-duur").addEventListener("input", function () {
      var n = parseInt($("wk-ss-duur").value, 10);
      if (!(n >= 1 && n <= 1440) || !validTime(state.start)) return;
      state.end = catalog.schedule.clock(Plan.minuteOfDay(state.start) + n);
      $("wk-ss-eind-tijd").value = state.end;
      update();
    });
    $("wk-ss-aantal").addEventListener("input", function () {
      var n = parseInt($("wk-ss-aantal").value, 10);
      if (!(n >= 1 && n <= 999)) {
        say("wk-ss-aantal-melding", "Vul een aantal van 1 tot 999 in.");
        return;
      }
      state.participants = { min: n, max: n };
      update();
    });
    form.addEventListener("change", function (event) {
      var t = event.target;
      if (t.name === "principe") {
        var chosen = new Set(Array.prototype.filter.call(form.querySelectorAll("input[name=principe]"),
          function (b) { return b.checked; }).map(function (b) { return b.value; }));
        state.principles = catalog.principles.filter(function (p) { return chosen.has(p.id); })
          .map(function (p) { return p.id; });
        update();
      } else if (t.name === "casus") {
        if (t.checked && state.cases.indexOf(t.value) < 0) state.cases.push(t.value);
        if (!t.checked) state.cases = state.cases.filter(function (id) { return id !== t.value; });
        update();
      } else if (t.name === "kaartvorm") {
        state.layout = t.value;
        update();
      } else if (t.id === "wk-ss-casusblok") {
        state.caseBlock = Number(t.value);
        update();
      }
    });
    function all(on) {
      state.principles = on ? catalog.principles.map(function (p) { return p.id; }) : [];
      form.querySelectorAll("input[name=principe]").forEach(function (box) { box.checked = on; });
      update();
    }
    $("wk-ss-alle-principes").addEventListener("click", function () { all(true); });
    $("wk-ss-geen-principes").addEventListener("click", function () { all(false); });
    $("wk-ss-toevoegen").addEventListener("click", add);
    $("wk-ss-begin").addEventListener("click", function () {
      var id = $("wk-ss-basis").value;
      start(id && catalog.kitById[id] ? fromKit(catalog.kitById[id]) : emptyState());
      say("wk-ss-blokken-melding", id ? "Je begint opnieuw met de kit ‘" + catalog.kitById[id].title + "’."
                                      : "Je begint opnieuw met een leeg programma.");
    });
    form.querySelectorAll("button[data-document]").forEach(function (button) {
      button.addEventListener("click", function () { print(button.getAttribute("data-document")); });
    });
    $("wk-ss-kopieer").addEventListener("click", function () {
      var field = $("wk-ss-link");
      var done = function () { say("wk-ss-delen-melding", "De link staat op het klembord."); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          field.select();
          say("wk-ss-delen-melding", "Kopiëren lukte niet: de link is geselecteerd, kopieer hem zelf.");
        });
      } else {
        field.select();
        say("wk-ss-delen-melding", "De link is geselecteerd: kopieer hem met Ctrl+C.");
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  fetch("gegevens.json").then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (data) {
    catalog = new Plan.Catalog(data);
    renderer = new Render.Renderer(window.nunjucks, catalog, { fragment: true });
    wire();
    return readAddress();
  }).then(function (fromAddress) {
    var wanted = new URLSearchParams(location.search).get("kit");
    var first = catalog.kitById.ontbijtsessie || catalog.kits[0];
    start(fromAddress || (wanted && catalog.kitById[wanted] ? fromKit(catalog.kitById[wanted])
                                                            : first ? fromKit(first) : emptyState()));
    form.hidden = false;
    var note = $("wk-ss-zonder-js");
    if (note) note.hidden = true;
  }).catch(function (error) {
    var note = $("wk-ss-zonder-js");
    if (!note) return;
    note.classList.add("wk-ss-fout");
    note.textContent = "De gegevens voor het samenstellen konden niet worden geladen (" + error.message +
      "). Laad de pagina opnieuw, of print een kant-en-klare kit.";
  });
})();
