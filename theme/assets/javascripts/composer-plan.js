/*
 * Wijkkit session composer: the kit's arithmetic and plan, the same rules as the build.
 *
 * Each function here has a namesake in generator/schedule.py, generator/kits/plan.py, generator/kits/imposition.py,
 * generator/kitfiles.py or generator/kits/build.py (render_html's context), and returns what that one returns, as
 * the JSON generator/composer.py's `jsonable` makes of it. The regular expressions and constants come from the
 * build's data file (gegevens.json, `rules`), so they are written once, in Python.
 * tests/kits/test_composer_conformance.py runs every shipped kit and the edge cases in tests/kits/conformance/
 * through both and compares the results field by field: change a rule in one place and that test says where.
 *
 * The validator's kit rules (generator/validate.py, check_kit) are here too, with its Dutch messages, for the
 * warnings beside the fields.
 *
 * Plain ES2018, no dependencies; works in the browser (window.WijkkitPlan) and in Node (module.exports).
 */
(function (root) {
  "use strict";

  function regex(rule, extra) {
    return new RegExp(rule.source, rule.flags + (extra || ""));
  }

  /* The rules of one data file, compiled once. */
  function Rules(data) {
    var r = data.rules;
    this.day = r.day;
    this.offset = regex(r.offset, "g");
    this.offsetFull = new RegExp("^(?:" + r.offset.source + ")$", r.offset.flags);
    this.placeholder = regex(r.placeholder, "g");
    this.clockInText = regex(r.clock_in_text, "g");
    this.durationInText = regex(r.duration_in_text, "g");
    this.sentence = regex(r.sentence);
    this.perPrincipleSlide = r.per_principle_slide;
    this.weekdays = r.weekdays;
    this.months = r.months;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function mod(a, b) { return ((a % b) + b) % b; }
  function sum(list) { return list.reduce(function (a, b) { return a + b; }, 0); }
  function unique(list) {
    var seen = new Set();
    return list.filter(function (x) { if (seen.has(x)) return false; seen.add(x); return true; });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // generator/schedule.py

  function minuteOfDay(text) { return parseInt(text.slice(0, 2), 10) * 60 + parseInt(text.slice(3, 5), 10); }

  function makeSchedule(rules) {
    var DAY = rules.day;

    function clock(minute) {
      var m = mod(minute, DAY);
      return pad(Math.floor(m / 60)) + ":" + pad(m % 60);
    }

    function duration(minutes) {
      var hours = Math.floor(minutes / 60), rest = minutes % 60;
      if (!hours) return minutes + " minuten";
      return rest ? hours + " uur en " + rest + " minuten" : hours + " uur";
    }

    function sessionMinutes(kit) {
      return mod(minuteOfDay(kit.end) - minuteOfDay(kit.start), DAY) || DAY;
    }

    function blocksEnd(kit) {
      return clock(minuteOfDay(kit.start) + sum(kit.blocks.map(function (b) { return b.minutes; })));
    }

    function people(low, high) {
      return low === high ? high + " " + (high === 1 ? "mens" : "mensen") : low + " tot " + high + " mensen";
    }

    function groupCount(participants, size) {
      return Math.max(1, Math.floor(participants / Math.max(size, 1)));
    }

    function groupSizes(participants, size) {
      var count = groupCount(participants, size);
      var base = Math.floor(participants / count), extra = participants % count, sizes = [], i;
      for (i = 0; i < count - extra; i++) sizes.push(base);
      for (i = 0; i < extra; i++) sizes.push(base + 1);
      return sizes;
    }

    function groupsText(participants, size) {
      var sizes = groupSizes(participants, size), count = sizes.length;
      var noun = count === 1 ? "groep" : "groepen";
      if (new Set(sizes).size === 1) return count + " " + noun + " van " + sizes[0];
      if (count <= 4) return count + " " + noun + " (" + sizes.join(" + ") + ")";
      var small = sizes[0], large = sizes[sizes.length - 1];
      var nSmall = sizes.filter(function (s) { return s === small; }).length;
      return count + " " + noun + ": " + nSmall + " van " + small + " en " + (count - nSmall) + " van " + large;
    }

    function quantity(material, participants) {
      var base;
      if (material.per === "deelnemer") base = participants * material.count;
      else if (material.per === "groep") base = groupCount(participants, material.group_size || 1) * material.count;
      else base = material.count;
      return base + material.spare;
    }

    function basis(material, participants) {
      var spare = material.spare ? " + " + material.spare + " extra" : "";
      var each = material.count === 1 ? "" : material.count + " × ";
      if (material.per === "deelnemer") return each + participants + " deelnemers" + spare;
      if (material.per === "groep") return each + groupsText(participants, material.group_size || 1) + spare;
      return material.count + " per sessie" + spare;
    }

    function materials(kit) {
      var most = kit.participants.max;
      return kit.materials.map(function (m, i) {
        return { index: i, material: m, quantity: quantity(m, most), basis: basis(m, most) };
      });
    }

    /* Python's round(x, 6), which only settles float noise before a comparison. */
    function round6(x) { return Number(x.toFixed(6)); }

    function fitMinutes(minutes, total) {
      var given = sum(minutes);
      if (given === total || !minutes.length || total < minutes.length) return minutes.slice();
      var exact = minutes.map(function (m) { return m * total / given; });
      var fitted = exact.map(function (x) { return Math.max(1, Math.trunc(x)); });
      var idx = minutes.map(function (_, i) { return i; });
      var order = idx.slice().sort(function (a, b) {
        return round6(fitted[a] - exact[a]) - round6(fitted[b] - exact[b]) || minutes[b] - minutes[a];
      });
      var i = 0;
      while (sum(fitted) < total) { fitted[order[i % order.length]] += 1; i += 1; }
      order = idx.slice().sort(function (a, b) {
        return round6(exact[a] - fitted[a]) - round6(exact[b] - fitted[b]) || minutes[a] - minutes[b];
      });
      i = 0;
      while (sum(fitted) > total) {
        var j = order[i % order.length];
        if (fitted[j] > 1) fitted[j] -= 1;
        i += 1;
      }
      return fitted;
    }

    function matches(re, text) {
      re.lastIndex = 0;
      var found = [], m;
      while ((m = re.exec(text)) !== null) {
        found.push(m);
        if (m[0] === "") re.lastIndex += 1;
      }
      return found;
    }

    function offsetProblems(text, minutes, steps) {
      var found = [];
      matches(rules.placeholder, text).forEach(function (match) {
        var offset = rules.offsetFull.exec(match[0]);
        if (offset === null) {
          found.push("'" + match[0] + "' is geen tijd die Wijkkit kent");
        } else if (offset.groups.plus !== undefined && !(parseInt(offset.groups.plus, 10) <= minutes)) {
          found.push("'" + match[0] + "' valt buiten dit blok van " + minutes + " minuten");
        } else if (offset.groups.step !== undefined &&
                   !(1 <= parseInt(offset.groups.step, 10) && parseInt(offset.groups.step, 10) <= steps)) {
          found.push(steps ? "'" + match[0] + "': de werkvorm van dit blok heeft " + steps + " stappen"
                           : "'" + match[0] + "': dit blok heeft geen werkvorm met stappen");
        }
      });
      rules.placeholder.lastIndex = 0;
      var bare = text.replace(rules.placeholder, " ");
      matches(rules.clockInText, bare).forEach(function (m) { found.push("'" + m[0] + "' is een kloktijd"); });
      rules.clockInText.lastIndex = 0;
      bare = bare.replace(rules.clockInText, " ");  // '08.20 uur' is one clock time, not also a duration '20 uur'
      matches(rules.durationInText, bare).forEach(function (m) { found.push("'" + m[0] + "' is een duur"); });
      return found;
    }

    /* The clock time one offset ('{stap 2}') stands for. */
    function offsetTime(groups, start, stepStarts, minutes) {
      if (groups.end !== undefined) return clock(start + minutes);
      if (groups.plus !== undefined) return clock(start + parseInt(groups.plus, 10));
      return clock(stepStarts[parseInt(groups.step, 10) - 1]);
    }

    function resolveTimes(text, start, stepStarts, minutes) {
      rules.offset.lastIndex = 0;
      return text.replace(rules.offset, function () {
        var groups = arguments[arguments.length - 1];
        return offsetTime(groups, start, stepStarts, minutes || 0);
      });
    }

    function firstSentence(markdown) {
      var flat = markdown.split(/\s+/).filter(Boolean).join(" ");
      var match = rules.sentence.exec(flat);
      return match ? match[1] : flat;
    }

    function invitation(kit, block, werkvorm) {
      if (!werkvorm) return [null, ""];
      if (kit.plain_language && block.questions.length) return [block.questions[0], "block"];
      return [werkvorm.invitation, "werkvorm"];
    }

    function agenda(kit, werkvormen, cases) {
      var start = minuteOfDay(kit.start), now = start;
      var items = kit.blocks.map(function (block, index) {
        var werkvorm = block.werkvorm ? werkvormen[block.werkvorm] || null : null;
        var own = werkvorm ? werkvorm.steps : [];
        var fitted = fitMinutes(own.map(function (s) { return s.minutes; }), block.minutes);
        var steps = [], stepStarts = [], at = now;
        own.forEach(function (step, i) {
          if (i >= fitted.length) return;
          steps.push({ start: clock(at), minutes: fitted[i], title: step.title, do: step.do });
          stepStarts.push(at);
          at += fitted[i];
        });
        var guide = resolveTimes(block.guide, now, stepStarts, block.minutes);
        var inv = invitation(kit, block, werkvorm);
        var werkvormMinutes = sum(own.map(function (s) { return s.minutes; }));
        var item = {
          index: index,
          start: clock(now),
          end: clock(now + block.minutes),
          minutes: block.minutes,
          block: block,
          werkvorm: werkvorm,
          cases: block.cases.filter(function (cid) { return cid in cases; }).map(function (cid) { return cases[cid]; }),
          steps: steps,
          guide: guide,
          cue: block.cue ? resolveTimes(block.cue, now, stepStarts, block.minutes) : firstSentence(guide),
          materials: unique(block.materials.concat(werkvorm ? werkvorm.materials : [])),
          werkvorm_minutes: werkvormMinutes,
          invitation: inv[0],
          invitation_field: inv[1],
          steps_fitted: steps.length > 0 && werkvormMinutes !== block.minutes
        };
        // for the browser's Markdown (composer-render.js); not one of the build's fields, so not in its JSON
        Object.defineProperty(item, "stepStarts", { value: stepStarts, enumerable: false });
        Object.defineProperty(item, "at", { value: now, enumerable: false });
        now += block.minutes;
        return item;
      });
      return { start: clock(start), end: clock(now), minutes: now - start, duration: duration(now - start),
               items: items };
    }

    return {
      clock: clock, duration: duration, sessionMinutes: sessionMinutes, blocksEnd: blocksEnd, people: people,
      groupCount: groupCount, groupSizes: groupSizes, groupsText: groupsText, quantity: quantity, basis: basis,
      materials: materials, fitMinutes: fitMinutes, offsetProblems: offsetProblems, offsetTime: offsetTime,
      resolveTimes: resolveTimes, firstSentence: firstSentence, agenda: agenda
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the Kit model's defaults (generator/model.py): a kit as `Kit.model_dump()` gives it

  function or(value, fallback) { return value === undefined ? fallback : value; }

  function normaliseKit(kit) {
    var prep = kit.preparation || {}, variants = kit.variants || {};
    return {
      id: kit.id, title: kit.title, subtitle: or(kit.subtitle, null), goal: kit.goal, audience: kit.audience,
      plain_language: or(kit.plain_language, false), start: kit.start, end: kit.end, date: or(kit.date, null),
      place: or(kit.place, null), organiser: or(kit.organiser, null),
      participants: { min: kit.participants.min, max: kit.participants.max },
      principles: or(kit.principles, "all"), card_questions: or(kit.card_questions, []).slice(),
      blocks: kit.blocks.map(function (b) {
        return {
          title: b.title, minutes: b.minutes, werkvorm: or(b.werkvorm, null), cases: or(b.cases, []).slice(),
          guide: b.guide, cue: or(b.cue, null), shows_principles: or(b.shows_principles, false),
          questions: or(b.questions, []).slice(), materials: or(b.materials, []).slice(),
          for_participants: or(b.for_participants, null)
        };
      }),
      materials: or(kit.materials, []).map(function (m) {
        return { item: m.item, per: m.per, count: or(m.count, 1), group_size: or(m.group_size, null),
                 spare: or(m.spare, 0), document: or(m.document, null) };
      }),
      room: or(kit.room, null),
      preparation: { week_before: or(prep.week_before, []).slice(), day_before: or(prep.day_before, []).slice(),
                     on_the_day: or(prep.on_the_day, []).slice() },
      variants: { online: or(variants.online, null), shorter: or(variants.shorter, null) },
      follow_up: or(kit.follow_up, []).slice(), reflection: or(kit.reflection, []).slice(),
      evaluation: or(kit.evaluation, []).slice(), documents: kit.documents.slice()
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the catalog's lookups (generator/catalog.py) and the kit plan (generator/kits/plan.py)

  function Catalog(data) {
    var self = this;
    this.data = data;
    this.rules = new Rules(data);
    this.schedule = makeSchedule(this.rules);
    this.principles = data.principles;  // card-number order
    this.cases = data.cases;
    this.werkvormen = data.werkvormen;
    this.kits = data.kits;
    function index(list, key) {
      var out = {};
      list.forEach(function (x) { out[x[key]] = x; });
      return out;
    }
    this.principleById = index(data.principles, "id");
    this.principleByNumber = index(data.principles, "number");
    this.caseById = index(data.cases, "id");
    this.werkvormById = index(data.werkvormen, "id");
    this.kitById = index(data.kits, "id");
    this.documents = index(data.documents, "document");
    this.layouts = data.layouts;
    this.pageUrl = function (kind, id) {
      return data.site_url.replace(/\/+$/, "") + "/" + data.sections[kind] + "/" + id.toLowerCase() + "/";
    };
    this.kitPrinciples = function (kit) {
      var selection = kit.principles;
      if (selection === "all") return self.principles.slice();
      if (selection && !Array.isArray(selection)) {
        var wanted = new Set(selection.tags);
        return self.principles.filter(function (p) { return p.tags.some(function (t) { return wanted.has(t); }); });
      }
      var chosen = new Set();
      selection.forEach(function (key) {
        var p = typeof key === "number" ? self.principleByNumber[key] : self.principleById[key];
        if (p) chosen.add(p.id);
      });
      return self.principles.filter(function (p) { return chosen.has(p.id); });
    };
    this.kitCases = function (kit) {
      var ids = unique([].concat.apply([], kit.blocks.map(function (b) { return b.cases; })));
      return ids.filter(function (id) { return id in self.caseById; }).map(function (id) { return self.caseById[id]; });
    };
  }

  function longDate(rules, iso) {
    if (!iso) return "";
    var parts = iso.split("-").map(Number);
    var day = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return rules.weekdays[(day.getUTCDay() + 6) % 7] + " " + parts[2] + " " + rules.months[parts[1] - 1] + " " +
      parts[0];
  }

  function slideOrder(rules, items, principles) {
    var count = Math.max(1, Math.ceil(principles.length / rules.perPrincipleSlide));
    var per = Math.max(1, Math.ceil(principles.length / count));
    var batches = [];
    for (var i = 0; i < principles.length; i += per) batches.push(principles.slice(i, i + per));
    var shows = items.filter(function (item) { return item.block.shows_principles; });
    var home = shows.length ? shows[0].index : 0;
    var slides = [];
    function slide(kind, item, extra) {
      return Object.assign({ kind: kind, item: item || null, principles: [], part: 0, parts: 0, case: null },
                           extra || {});
    }
    items.forEach(function (item) {
      slides.push(slide("block", item));
      if (item.index === home) {
        batches.forEach(function (batch, n) {
          slides.push(slide("principles", item, { principles: batch, part: n + 1, parts: batches.length }));
        });
      }
      item.cases.forEach(function (c) { slides.push(slide("case", item, { case: c })); });
    });
    slides.push(slide("closing"));
    return slides;
  }

  /* plan_kit: `kitUrl` replaces the kit's own page for a composed session, whose page is not on the site. */
  function planKit(catalog, rawKit, kitUrl) {
    var kit = normaliseKit(rawKit), s = catalog.schedule;
    var agenda = s.agenda(kit, catalog.werkvormById, catalog.caseById);
    var principles = catalog.kitPrinciples(kit);
    var cases = catalog.kitCases(kit);
    var werkvormIds = unique(agenda.items.filter(function (i) { return i.werkvorm; })
      .map(function (i) { return i.werkvorm.id; }));
    var werkvormen = werkvormIds.map(function (id) { return catalog.werkvormById[id]; });
    var principleIds = new Set(principles.map(function (p) { return p.id; }));
    var caseNumbers = {}, casePrinciples = {}, principleUrls = {}, caseUrls = {}, werkvormUrls = {};
    cases.forEach(function (c, n) {
      caseNumbers[c.id] = n + 1;
      casePrinciples[c.id] = principles.filter(function (p) { return c.principles.indexOf(p.id) >= 0; })
        .map(function (p) { return p.number; });
      caseUrls[c.id] = catalog.pageUrl("case", c.id);
    });
    principles.forEach(function (p) { principleUrls[p.id] = catalog.pageUrl("principle", p.id); });
    werkvormen.forEach(function (w) { werkvormUrls[w.id] = catalog.pageUrl("werkvorm", w.id); });
    return {
      kit: kit,
      agenda: agenda,
      participants: s.people(kit.participants.min, kit.participants.max),
      date: longDate(catalog.rules, kit.date),
      principles: principles,
      cases: cases,
      case_numbers: caseNumbers,
      case_principles: casePrinciples,
      werkvormen: werkvormen,
      materials: s.materials(kit),
      slides: slideOrder(catalog.rules, agenda.items, principles),
      kit_url: kitUrl || catalog.pageUrl("kit", kit.id),
      principle_urls: principleUrls,
      case_urls: caseUrls,
      werkvorm_urls: werkvormUrls,
      slots: agenda.items,
      start: agenda.start,
      end: agenda.end,
      duration: agenda.duration
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // generator/kits/imposition.py and generator/kitfiles.py

  var FACE_LABELS = { front: "voorkant", back: "achterkant" };

  function impose(records, layout) {
    var per = layout.per_sheet, pages = [];
    for (var start = 0; start < records.length; start += per) {
      var group = records.slice(start, start + per), number = start / per + 1, slots;
      if (!layout.duplex) {
        slots = [];
        group.forEach(function (record, row) {
          slots.push({ record: record, side: "front", col: 0, row: row });
          slots.push({ record: record, side: "back", col: 1, row: row });
        });
        pages.push({ number: number, face: "both", slots: slots, face_label: "" });
      } else {
        pages.push({ number: number, face: "front", face_label: FACE_LABELS.front, slots: group.map(function (r, i) {
          return { record: r, side: "front", col: i % 2, row: Math.floor(i / 2) };
        }) });
        pages.push({ number: number, face: "back", face_label: FACE_LABELS.back, slots: group.map(function (r, i) {
          return { record: r, side: "back", col: 1 - i % 2, row: Math.floor(i / 2) };
        }) });
      }
    }
    return pages;
  }

  function sheetCount(records, layout) { return Math.ceil(records.length / layout.per_sheet); }

  var ALIGNMENT = "uitlijntest";

  /* The printed documents of a kit in reading order, card decks in one layout, as combined_parts gives them. */
  function printedParts(catalog, kit, layoutName) {
    var files = [];
    kit.documents.forEach(function (document) {
      var spec = catalog.documents[document];
      if (!spec || spec.copies === "scherm") return;
      files.push({ document: document, layout: spec.layouts.length ? layoutName : null });
    });
    var layout = catalog.layouts[layoutName];
    if (files.some(function (f) { return f.layout; }) && layout.duplex && !layout.bleed) {
      files.push({ document: ALIGNMENT, layout: null });
    }
    return files;
  }

  function fileLabel(catalog, file) {
    var spec = catalog.documents[file.document];
    return file.layout ? spec.label + " " + catalog.layouts[file.layout].label : spec.label;
  }

  /* generator/kits/build.py render_html: the template and the context it gets. */
  function documentContext(catalog, plan, file, fit, loose) {
    var title = (file.document === ALIGNMENT ? "Uitlijntest voor dubbelzijdig printen" : fileLabel(catalog, file)) +
      " – " + plan.kit.title;
    var context = { plan: plan, title: title, fit: fit || {}, document: file.document, loose: loose || [] };
    if (file.document === ALIGNMENT) {
      context.description = "Testvel om te zien of je printer voor- en achterkant goed op elkaar legt.";
      context.layout = catalog.layouts.duplex;
      context.sheets = impose([1, 2, 3, 4], catalog.layouts.duplex);
      return { template: "uitlijntest.html.j2", context: context };
    }
    var spec = catalog.documents[file.document];
    context.description = spec.description;
    if (spec.renderer === "deck") {
      var records = spec.records === "principles" ? plan.principles : plan.cases;
      var layout = catalog.layouts[file.layout || "fold"];
      context.kind = spec.records === "principles" ? "principle" : "case";
      context.layout = layout;
      context.deck_title = spec.label;
      context.sheets = impose(records, layout);
      context.sheet_count = sheetCount(records, layout);
    }
    return { template: spec.template, context: context };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // generator/validate.py check_kit: the rules a composed kit can break, with the validator's words

  function kitProblems(catalog, rawKit) {
    var kit = normaliseKit(rawKit), s = catalog.schedule, found = [];
    function add(field, message, hint) { found.push({ field: field, message: message, hint: hint || "" }); }
    if (kit.participants.min > kit.participants.max) {
      add("participants", "aantal deelnemers: min (" + kit.participants.min + ") is groter dan max (" +
          kit.participants.max + ")", "Verwissel de twee getallen.");
    }
    var total = sum(kit.blocks.map(function (b) { return b.minutes; }));
    var session = s.sessionMinutes(kit);
    if (total !== session) {
      var ends = s.blocksEnd(kit);
      var change = total > session ? (total - session) + " minuten korter" : (session - total) + " minuten langer";
      add("end", "de blokken duren samen " + total + " minuten, maar van " + kit.start + " tot " + kit.end + " is " +
          session + " minuten: de sessie zou om " + ends + " eindigen",
          "Maak de blokken samen " + change + ", of zet 'end: \"" + ends + "\"' als de sessie later mag eindigen.");
    }
    kit.blocks.forEach(function (block, index) {
      var werkvorm = block.werkvorm ? catalog.werkvormById[block.werkvorm] : null;
      block.cases.forEach(function (cid) {
        if (!(cid in catalog.caseById)) add("blocks." + index + ".cases", "casus '" + cid + "' bestaat niet");
      });
      if (block.werkvorm && !werkvorm) {
        add("blocks." + index + ".werkvorm", "werkvorm '" + block.werkvorm + "' bestaat niet");
      } else if (werkvorm && !(werkvorm.minutes.min <= block.minutes && block.minutes <= werkvorm.minutes.max)) {
        add("blocks." + index + ".minutes", "blok '" + block.title + "' duurt " + block.minutes + " minuten, werkvorm '" +
            werkvorm.id + "' " + werkvorm.minutes.min + "–" + werkvorm.minutes.max,
            "Kies een duur binnen die van de werkvorm of een andere werkvorm.");
      }
      var steps = werkvorm ? werkvorm.steps.length : 0;
      [["guide", block.guide, "de aanwijzingen"], ["cue", block.cue || "", "de regie"]].forEach(function (t) {
        s.offsetProblems(t[1], block.minutes, steps).forEach(function (problem) {
          add("blocks." + index + "." + t[0], "blok '" + block.title + "': " + problem + " in " + t[2]);
        });
      });
      // not a rule of the validator: a group the werkvorm needs that this many people cannot make
      if (werkvorm && kit.participants.max < werkvorm.group_size.min) {
        add("blocks." + index + ".group",
            "blok '" + block.title + "': werkvorm '" + werkvorm.id + "' werkt in groepen van " +
            (werkvorm.group_size.min === werkvorm.group_size.max ? werkvorm.group_size.min
              : werkvorm.group_size.min + " tot " + werkvorm.group_size.max) +
            " mensen, en er zijn er maar " + kit.participants.max,
            "Kies meer deelnemers of een andere werkvorm.");
      }
    });
    var documents = new Set(kit.documents);
    kit.materials.forEach(function (material, index) {
      if (material.per === "groep" && material.group_size === null) {
        add("materials." + index, "materiaal '" + material.item + "' is per groep, maar de groepsgrootte ontbreekt");
      }
      if (material.document !== null && !documents.has(material.document)) {
        add("materials." + index + ".document", "materiaal '" + material.item + "' is het document '" +
            material.document + "', maar dat zit niet in de kit");
      }
      if (material.per === "groep" && material.group_size && kit.participants.max < material.group_size) {
        add("materials." + index + ".group", "materiaal '" + material.item + "' is per groep van " +
            material.group_size + ", en er zijn maar " + kit.participants.max + " deelnemers: dat is één groep");
      }
    });
    if (documents.has("casuskaarten") && !kit.blocks.some(function (b) { return b.cases.length; })) {
      add("documents", "de kit heeft casuskaarten maar geen blok met casussen",
          "Zet casussen onder 'cases:' bij het blok dat ze bespreekt, of haal 'casuskaarten' uit de documenten.");
    }
    if (kit.card_questions.length && !documents.has("principekaarten")) {
      add("card_questions", "de kit heeft vragen voor principekaarten maar geen principekaarten");
    }
    if (Array.isArray(kit.principles)) {
      var seen = {};
      kit.principles.forEach(function (key, index) {
        var p = typeof key === "number" ? catalog.principleByNumber[key] : catalog.principleById[key];
        if (!p) {
          add("principles." + index, "principe " + (typeof key === "number" ? "kaartnummer " + key : "'" + key + "'") +
              " bestaat niet");
        } else if (p.id in seen) {
          add("principles." + index, "principe " + key + " staat er al in de lijst (" + p.number + " " + p.id + ")");
        } else {
          seen[p.id] = index;
        }
      });
    }
    return found;
  }

  var api = {
    Catalog: Catalog, minuteOfDay: minuteOfDay, normaliseKit: normaliseKit, planKit: planKit, impose: impose,
    sheetCount: sheetCount, printedParts: printedParts, documentContext: documentContext, kitProblems: kitProblems,
    longDate: longDate, ALIGNMENT: ALIGNMENT
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.WijkkitPlan = api;
})(typeof window !== "undefined" ? window : this);
