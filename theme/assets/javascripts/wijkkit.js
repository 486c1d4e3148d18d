/*
 * Wijkkit: small additions on every page. Each works on its own and every page works without them. Loaded just
 * before the theme's own script (partials/wijkkit/page.html), at the end of the body.
 *
 * 1. The search index is fetched when search is first used, not on every page load. The theme (Material for
 *    MkDocs, and Zensical alike) asks for its index (search/search_index.json, or search.json) as soon as the page
 *    is ready; this script holds that one request back until the reader moves to the search field (focus, a tap on
 *    the search icon, the keyboard shortcut, or a pointer over the search box, which gives a head start). The
 *    request is the theme's own (XMLHttpRequest or fetch, whichever it uses), sent a little later: results,
 *    ranking and Dutch stemming stay exactly as they were.
 * 2. The tags under each search result are plain words, not navigation landmarks (axe-core: landmark-unique).
 * 3. 'Citeer deze pagina' gets a button that copies the reference.
 */
(function () {
  "use strict";

  /* 1. The search index, on first use -------------------------------------------------------------------------- */
  var INDEX = /\/(?:search\/search_index\.json|search\.json)$/;
  var realFetch = window.fetch;
  var wanted = false;
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.forEach(function (go) { go(); });
    waiting = [];
  }

  function isIndex(input) {
    try {
      var url = new URL(typeof input === "string" ? input : (input && input.url) || String(input), window.location.href);
      return url.origin === window.location.origin && INDEX.test(url.pathname);
    } catch (error) {
      return false;
    }
  }

  if (window.location.protocol !== "file:") {
    /* Material asks with XMLHttpRequest, others may use fetch: hold back either. */
    var open = XMLHttpRequest.prototype.open;
    var send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.wijkkitIndex = isIndex(url);
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var request = this;
      var args = arguments;
      if (request.wijkkitIndex && !wanted) {
        waiting.push(function () { send.apply(request, args); });
        return undefined;
      }
      return send.apply(request, args);
    };
  }
  if (realFetch && window.location.protocol !== "file:") {
    window.fetch = function (input, init) {
      var self = this;
      if (!wanted && isIndex(input)) {
        return new Promise(function (go) { waiting.push(go); }).then(function () {
          return realFetch.call(self, input, init);
        });
      }
      return realFetch.call(self, input, init);
    };
    var search = function (target) {
      return target instanceof Element && !!target.closest(".md-search, label[for='__search']");
    };
    document.addEventListener("focusin", function (event) { if (search(event.target)) want(); });
    document.addEventListener("pointerover", function (event) { if (search(event.target)) want(); });
    document.addEventListener("pointerdown", function (event) { if (search(event.target)) want(); });
    document.addEventListener("change", function (event) {
      if (event.target && event.target.id === "__search") want();
    });
    /* A shared search address (?q=…) opens the search at once. */
    if (new URLSearchParams(window.location.search).has("q")) want();
  }

  /* 2. Tags in search results are words, not landmarks --------------------------------------------------------- */
  var list = document.querySelector(".md-search-result__list");
  if (list && window.MutationObserver) {
    new MutationObserver(function () {
      Array.prototype.forEach.call(list.querySelectorAll("nav.md-tags:not([role])"), function (nav) {
        nav.setAttribute("role", "none");
      });
    }).observe(list, { childList: true, subtree: true });
  }

  /* 3. Copy a citation ------------------------------------------------------------------------------------------ */
  Array.prototype.forEach.call(document.querySelectorAll(".wk-cite__text"), function (reference) {
    var line = document.createElement("p");
    var button = document.createElement("button");
    var done = document.createElement("span");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Kopieer de verwijzing";
    done.className = "wk-cite__done";
    done.setAttribute("role", "status");
    line.appendChild(button);
    line.appendChild(done);
    reference.parentNode.insertBefore(line, reference.nextSibling);
    button.addEventListener("click", function () {
      var text = reference.textContent.replace(/\s+/g, " ").trim();
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard"));
      copied.then(function () {
        done.textContent = "De verwijzing is gekopieerd.";
      }).catch(function () {
        var range = document.createRange();
        range.selectNodeContents(reference);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        done.textContent = "De verwijzing is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).";
      });
    });
  });
})();
