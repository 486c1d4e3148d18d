/*
 * Wijkkit: filter and sort the examples table. The table is complete without this script (every row is in the
 * HTML); the script only adds ways to narrow it down and reorder it. The filter form is in the page, hidden until
 * this script shows it, so visitors without JavaScript never see controls that do nothing.
 */
(function () {
  "use strict";

  var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

  /* What a cell holds: the texts of its links (a cell may name several principles), else its text. */
  function values(cell) {
    var links = cell.querySelectorAll("a");
    if (links.length) {
      return Array.prototype.map.call(links, function (a) { return a.textContent.trim(); });
    }
    return [cell.textContent.trim()];
  }

  function filter(form, table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-column]"));
    var count = form.querySelector(".wk-filter__count");

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var match = selects.every(function (select) {
          return !select.value || values(row.cells[Number(select.dataset.column)]).indexOf(select.value) >= 0;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (count) {
        count.textContent = shown === rows.length
          ? "Alle " + rows.length + " voorbeelden worden getoond."
          : shown + " van de " + rows.length + " voorbeelden worden getoond.";
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function sortable(table) {
    var body = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
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
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = collator.compare(values(a.cells[column])[0] || "", values(b.cells[column])[0] || "");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  /*
   * On a phone the stylesheet shows each row as a card: the example's title, then "label: value" lines. The labels
   * come from the column headers. Changing how table parts display makes some browsers forget they are a table, so
   * the roles are stated outright and screen readers still get rows, cells and column headers.
   */
  function cards(box, table) {
    var labels = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (group) {
      group.setAttribute("role", "rowgroup");
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell, column) {
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

  Array.prototype.forEach.call(document.querySelectorAll("form[data-wk-filter]"), function (form) {
    var box = document.getElementById(form.dataset.wkFilter);
    var table = box && box.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) return;
    cards(box, table);
    filter(form, table);
    sortable(table);
  });
})();
