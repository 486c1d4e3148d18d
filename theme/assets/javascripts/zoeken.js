/*
 * Wijkkit: the theme shows the tags of each search result in a <nav> of its own. A list of results then holds
 * many navigation landmarks without a name (axe-core: landmark-unique), noise for screen reader users, while the
 * tags are just words. This gives those <nav> elements no role; the tags stay visible.
 */
(function () {
  "use strict";

  var list = document.querySelector(".md-search-result__list");
  if (!list || !window.MutationObserver) return;

  new MutationObserver(function () {
    Array.prototype.forEach.call(list.querySelectorAll("nav.md-tags:not([role])"), function (nav) {
      nav.setAttribute("role", "none");
    });
  }).observe(list, { childList: true, subtree: true });
})();
