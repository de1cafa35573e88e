/* Shared by every page with a network, map or heat map: the page data, DOM helpers, links to
   our own pages only, the search box, and which nodes a search and the filters leave shown.
   Text from minutes only ever reaches the page through textContent. */
(function () {
  "use strict";
  const PAGE = /^[A-Za-z0-9._-]+\.html(#[A-Za-z0-9-]+)?$/;
  function $(id) { return document.getElementById(id); }
  function data() { return JSON.parse($("kg-data").textContent); }
  function el(tag, text, cls) {
    const x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function link(page, text) {
    if (!PAGE.test(page || "")) return el("span", text);
    const a = el("a", text);
    a.setAttribute("href", page);
    return a;
  }
  function go(page) { if (PAGE.test(page || "")) window.location.href = page; }
  function onSearch(input, fn, ms) {
    let timer = 0;
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => fn(input.value), ms || 150); });
  }
  /* Does a node's label, identifier, quotes or their file names hold the (lower-case) term? */
  function matches(term, label, key, quotes) {
    if (label.toLowerCase().includes(term) || key.toLowerCase().includes(term)) return true;
    return quotes.some((q) => q[1].toLowerCase().includes(term) || q[0].toLowerCase().includes(term));
  }
  /* Nodes 0..count-1 that pass the filters and match the term; with a term, their neighbours
     that pass the filters too, so that a match is seen in its context. */
  function select(count, term, passes, match, neighbours) {
    const shown = new Set();
    for (let i = 0; i < count; i += 1) if (passes(i) && (!term || match(i, term))) shown.add(i);
    if (term) Array.from(shown).forEach((i) => neighbours(i).forEach((o) => { if (passes(o)) shown.add(o); }));
    return shown;
  }
  /* The class tick boxes of the legend: fn(class index, checked). */
  function onClassBoxes(fn) {
    $("kg-legend").querySelectorAll("input[type=checkbox]").forEach((box) => {
      box.addEventListener("change", () => fn(Number(box.value), box.checked));
    });
  }
  window.kg = { PAGE, $, data, el, link, go, onSearch, matches, select, onClassBoxes };
})();
