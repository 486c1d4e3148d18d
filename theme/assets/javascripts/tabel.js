/*
 * Wijkkit: the examples table (praktijkvoorbeelden/) and the comparison page (vergelijken/).
 *
 * The table is complete without this script: every row is in the HTML and the full CSV is a plain link. The script
 * adds, in this order:
 * - filters (the form is in the page, shown when the page has JavaScript: see vroeg.js), each choice with how many examples it
 *   would leave given the other filters; choices that leave none are disabled;
 * - the filter state in the page address (?province=Overijssel&lead=gemeente), so a selection can be shared and
 *   survives a reload;
 * - a helpful empty state: which choice to take away;
 * - "Download deze selectie als CSV": the rows of the open-data CSV (data/praktijkvoorbeelden.csv) whose id is in
 *   the selection, byte for byte as the build wrote them, so the selection has the same columns, quoting and
 *   formula protection as the full file;
 * - sorting by a column, and cards instead of a table on a phone;
 * - a choice of two to four examples to compare side by side on vergelijken/, which fetches their pages and lines
 *   up the fields they name (data-wk-field).
 */
(function () {
  "use strict";

  var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var toArray = function (list) { return Array.prototype.slice.call(list); };
  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var COMPARE_MIN = 2;
  var COMPARE_MAX = 4;

  /* ------------------------------------------------------------------------------------------------------------
   * CSV: split the open-data file into records without changing a byte of them (RFC 4180: a quoted field may
   * hold commas, doubled quotes and line breaks). Exposed for the conformance test (tests/site).
   */
  function csvRecords(text) {
    var records = [];
    var start = 0;
    var quoted = false;
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charAt(i);
      if (c === "\"") {
        quoted = !quoted;
      } else if (!quoted && c === "\r" && text.charAt(i + 1) === "\n") {
        records.push(text.slice(start, i + 2));
        start = i + 2;
        i += 1;
      } else if (!quoted && c === "\n") {
        records.push(text.slice(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length) records.push(text.slice(start));
    return records;
  }

  /* The first field of a record: the example's id (ids are slugs: never quoted). */
  function csvId(record) {
    var end = record.search(/[,\r\n]/);
    return end < 0 ? record : record.slice(0, end);
  }

  /* The header and the records whose id is in `ids`, in the file's order. */
  function csvSelection(text, ids) {
    var wanted = {};
    ids.forEach(function (id) { wanted[id] = true; });
    var records = csvRecords(text);
    return records.slice(0, 1).concat(records.slice(1).filter(function (record) {
      return wanted[csvId(record)] === true;
    })).join("");
  }

  window.wijkkitCsv = { records: csvRecords, selection: csvSelection };

  /* ------------------------------------------------------------------------------------------------------------
   * The examples table
   */
  function examplesTable(form) {
    var box = document.getElementById(form.dataset.wkTable);
    var table = box && box.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) return;
    var rows = toArray(table.tBodies[0].rows);
    var selects = toArray(form.querySelectorAll("select[name]"));
    var count = form.querySelector(".wk-filter__count");
    var empty = form.querySelector(".wk-empty");
    var actions = document.querySelector(".wk-table-actions");
    var download = actions && actions.querySelector(".wk-download-selection");
    var csvLink = actions && actions.querySelector("a.wk-download");
    var compare = actions && actions.querySelector(".wk-compare");
    var chosen = [];

    function rowValues(row, key) {
      var value = row.getAttribute("data-" + key);
      return value ? value.split("|") : [];
    }

    function matches(row, state, except) {
      return selects.every(function (select) {
        var key = select.name;
        return key === except || !state[key] || rowValues(row, key).indexOf(state[key]) >= 0;
      });
    }

    function currentState() {
      var state = {};
      selects.forEach(function (select) { if (select.value) state[select.name] = select.value; });
      return state;
    }

    /* The address holds the filters and the examples chosen for comparison; other parameters are kept. */
    function writeAddress(state) {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (state[select.name]) params.set(select.name, state[select.name]); else params.delete(select.name);
      });
      if (chosen.length) params.set("vergelijk", chosen.join(",")); else params.delete("vergelijk");
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(null, "", address);
      }
    }

    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var known = toArray(select.options).some(function (option) { return option.value === wanted; });
        select.value = known ? wanted : "";
      });
      var ids = (params.get("vergelijk") || "").split(",").filter(function (id) {
        return SLUG.test(id) && rows.some(function (row) { return row.dataset.id === id; });
      });
      chosen = ids.slice(0, COMPARE_MAX);
    }

    function describe(select) {
      var label = form.querySelector("label[for='" + select.id + "']");
      var option = select.options[select.selectedIndex];
      return (label ? label.textContent.trim() + ": " : "") + (option.dataset.label || option.textContent);
    }

    function apply() {
      var state = currentState();
      var shown = 0;
      rows.forEach(function (row) {
        var match = matches(row, state);
        row.hidden = !match;
        if (match) shown += 1;
      });
      /* Each choice: how many rows it would leave, given the other filters. */
      selects.forEach(function (select) {
        each(select.options, function (option) {
          if (!option.value) return;
          var n = rows.filter(function (row) {
            return matches(row, state, select.name) && rowValues(row, select.name).indexOf(option.value) >= 0;
          }).length;
          option.textContent = option.dataset.label + " (" + n + ")";
          option.disabled = n === 0 && option.value !== select.value;
        });
      });
      if (count) {
        count.textContent = shown === rows.length
          ? "Alle " + rows.length + " voorbeelden worden getoond."
          : shown + " van de " + rows.length + " voorbeelden worden getoond.";
      }
      showEmpty(shown === 0);
      if (download) download.disabled = shown === 0;
      box.classList.toggle("wk-table--empty", shown === 0);
      writeAddress(state);
    }

    function showEmpty(on) {
      if (!empty) return;
      empty.hidden = !on;
      var list = empty.querySelector(".wk-empty__choices");
      list.textContent = "";
      if (!on) return;
      selects.filter(function (select) { return select.value; }).forEach(function (select) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = "Haal weg: " + describe(select);
        button.addEventListener("click", function () {
          select.value = "";
          apply();
          select.focus();
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    }

    function selectionCsv() {
      var ids = rows.filter(function (row) { return !row.hidden; }).map(function (row) { return row.dataset.id; });
      return fetch(csvLink.href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (text) { return csvSelection(text, ids); });
    }

    if (download && csvLink) {
      download.hidden = false;
      download.addEventListener("click", function () {
        selectionCsv().then(function (text) {
          var url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
          var a = document.createElement("a");
          a.href = url;
          a.download = "praktijkvoorbeelden-selectie.csv";
          document.body.appendChild(a);
          a.click();
          a.remove();
          window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
        }).catch(function () {
          if (count) count.textContent = "Het downloaden lukte niet. Probeer het nog eens, of download alle voorbeelden.";
        });
      });
    }

    /* Choosing examples to compare: a checkbox in each row's first cell. */
    function compareChoice() {
      if (!compare) return;
      var go = compare.querySelector(".wk-compare__go");
      var text = compare.querySelector(".wk-compare__text");
      var base = go.getAttribute("href");
      /* The checkboxes are in the page (shown when it has JavaScript); make one where a page lacks it. */
      rows.forEach(function (row) {
        var cell = row.cells[0];
        var box_ = cell.querySelector("input.wk-choose");
        if (!box_) {
          var link = cell.querySelector("a");
          box_ = document.createElement("input");
          box_.type = "checkbox";
          box_.className = "wk-choose";
          box_.value = row.dataset.id;
          box_.setAttribute("aria-label", "Vergelijk: " + (link ? link.textContent.trim() : row.dataset.id));
          cell.insertBefore(box_, cell.firstChild);
        }
        box_.checked = chosen.indexOf(row.dataset.id) >= 0;
      });
      function update() {
        var n = chosen.length;
        var ready = n >= COMPARE_MIN;
        go.setAttribute("aria-disabled", ready ? "false" : "true");
        go.href = ready ? base + "?v=" + chosen.join(",") : base;
        go.textContent = ready ? "Vergelijk " + n + " voorbeelden" : "Vergelijk";
        text.textContent = n === 0 ? "Vink twee tot vier voorbeelden aan om ze naast elkaar te zien."
          : n === 1 ? "Je hebt 1 voorbeeld gekozen; kies er nog minstens één."
          : "Je hebt " + n + " voorbeelden gekozen" + (n === COMPARE_MAX ? " (het maximum)." : ".");
        each(table.querySelectorAll("input.wk-choose"), function (input) {
          input.disabled = !input.checked && n >= COMPARE_MAX;
        });
      }
      table.addEventListener("change", function (event) {
        var input = event.target;
        if (!input.classList || !input.classList.contains("wk-choose")) return;
        var at = chosen.indexOf(input.value);
        if (input.checked && at < 0) chosen.push(input.value);
        if (!input.checked && at >= 0) chosen.splice(at, 1);
        update();
        writeAddress(currentState());
      });
      go.addEventListener("click", function (event) {
        if (chosen.length < COMPARE_MIN) event.preventDefault();
      });
      compare.hidden = false;
      update();
    }

    readAddress();
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", function () { readAddress(); apply(); });
    form.hidden = false;
    compareChoice();
    cards(box, table);
    sortable(table);
    apply();
  }

  /* What a cell sorts by: its data-sort value, else its text. */
  function sortKey(cell) {
    return cell.dataset.sort || cell.textContent.trim();
  }

  function sortable(table) {
    var body = table.tBodies[0];
    var headers = toArray(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "wk-sort";
      button.textContent = header.textContent.trim();
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var sorted = toArray(body.rows);
        sorted.sort(function (a, b) {
          var order = collator.compare(sortKey(a.cells[column]), sortKey(b.cells[column]));
          return ascending ? order : -order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  /*
   * On a phone the stylesheet shows each row as a card: the example's title, then "label: value" lines. The labels
   * come from the column headers. Changing how table parts display makes some browsers forget they are a table, so
   * the roles are stated outright and screen readers still get rows, cells and column headers.
   */
  function cards(box, table) {
    var labels = toArray(table.tHead.rows[0].cells).map(function (th) { return th.textContent.trim(); });
    table.setAttribute("role", "table");
    each(table.querySelectorAll("thead, tbody"), function (group) { group.setAttribute("role", "rowgroup"); });
    each(table.rows, function (row) {
      row.setAttribute("role", "row");
      each(row.cells, function (cell, column) {
        if (cell.tagName === "TH") {
          cell.setAttribute("role", "columnheader");
        } else {
          cell.setAttribute("role", "cell");
          cell.dataset.label = labels[column] || "";
        }
      });
    });
    box.classList.add("wk-table--cards");
  }

  /* Other tables (werkvormen, a kit's agenda): cards on a phone too, without filters or sorting. */
  each(document.querySelectorAll(".wk-cardtable"), function (box) {
    var table = box.querySelector("table");
    if (table && table.tHead && table.tBodies.length) cards(box, table);
  });

  /* ------------------------------------------------------------------------------------------------------------
   * The comparison page: ?v=a,b,c → the example pages, fetched, and their fields side by side.
   */
  function comparison(box) {
    var status = box.querySelector(".wk-comparison__status");
    var ids = (new URLSearchParams(window.location.search).get("v") || "").split(",").filter(function (id) {
      return SLUG.test(id);
    }).filter(function (id, index, all) { return all.indexOf(id) === index; }).slice(0, COMPARE_MAX);
    if (ids.length < COMPARE_MIN) {
      status.textContent = "Kies eerst twee tot vier voorbeelden in de tabel met praktijkvoorbeelden.";
      return;
    }
    status.textContent = "De voorbeelden worden geladen…";
    var base = box.dataset.wkPages;
    Promise.all(ids.map(function (id) {
      var url = base + id + "/";
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(id);
        return response.text();
      }).then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var heading = page.querySelector("article h1");
        var fields = {};
        var order = [];
        each(page.querySelectorAll("article [data-wk-field]"), function (element) {
          var name = element.dataset.wkField;
          var value = element.querySelector("dd") || element;
          var parts = toArray(value.childNodes).filter(function (node) {
            return !(node.nodeType === 1 && /^H[1-6]$/.test(node.tagName));
          });
          fields[name] = { label: element.dataset.wkLabel, nodes: parts };
          order.push(name);
        });
        return { id: id, url: url, title: heading ? heading.textContent.replace("¶", "").trim() : id,
                 fields: fields, order: order };
      });
    })).then(function (examples) {
      var names = [];
      examples.forEach(function (example) {
        example.order.forEach(function (name) { if (names.indexOf(name) < 0) names.push(name); });
      });
      var wrap = document.createElement("div");
      wrap.className = "wk-comparison__scroll";
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Vergelijking, onderdeel voor onderdeel");
      var table = document.createElement("table");
      table.className = "wk-comparison__table";
      var caption = document.createElement("caption");
      caption.textContent = examples.length + " praktijkvoorbeelden naast elkaar";
      table.appendChild(caption);
      var head = table.createTHead().insertRow();
      var corner = document.createElement("td");
      head.appendChild(corner);
      examples.forEach(function (example) {
        var th = document.createElement("th");
        th.scope = "col";
        var a = document.createElement("a");
        a.href = example.url;
        a.textContent = example.title;
        th.appendChild(a);
        head.appendChild(th);
      });
      var body = table.createTBody();
      names.forEach(function (name) {
        var row = body.insertRow();
        var th = document.createElement("th");
        th.scope = "row";
        var label = examples.map(function (e) { return e.fields[name] && e.fields[name].label; }).filter(Boolean)[0];
        th.textContent = label || name;
        row.appendChild(th);
        examples.forEach(function (example) {
          var cell = row.insertCell();
          var field = example.fields[name];
          if (!field) {
            var gap = document.createElement("span");
            gap.className = "wk-unknown";
            gap.textContent = "niet beschreven";
            cell.appendChild(gap);
            return;
          }
          field.nodes.forEach(function (node) { cell.appendChild(document.importNode(node, true)); });
          /* Links in the fetched page are relative to that page: make them absolute. */
          each(cell.querySelectorAll("a[href]"), function (a) {
            a.href = new URL(a.getAttribute("href"), new URL(example.url, window.location.href)).href;
          });
          each(cell.querySelectorAll("[id]"), function (element) { element.removeAttribute("id"); });
        });
      });
      wrap.appendChild(table);
      status.textContent = "";
      box.appendChild(wrap);
    }).catch(function (error) {
      status.textContent = "Een van de gekozen voorbeelden bestaat niet (meer): " + error.message +
        ". Kies opnieuw in de tabel met praktijkvoorbeelden.";
    });
  }

  each(document.querySelectorAll("form.wk-filter[data-wk-table]"), examplesTable);
  each(document.querySelectorAll("[data-wk-compare]"), comparison);
})();
