/*
 * Wijkkit: the one script in the page head, before the first paint. It marks the page as having JavaScript
 * (class wk-js on <html>), so controls that only work with a script (the examples filter, sort buttons, compare
 * checkboxes, the selection download) are in the layout from the first paint instead of appearing later and
 * pushing the page down (layout shift). Without JavaScript the class never comes and the stylesheet hides them.
 */
document.documentElement.classList.add("wk-js");
