/* kg overview at scale: sigma.js (WebGL) over a graphology graph, positions from Python.
   The data comes as columns (D.nodes.l[i] is node i's label) and the links as one flat list
   [source, target, weight, ...]. Text from minutes only ever reaches the page through textContent. */
(function () {
  "use strict";
  const K = window.kgScale, $ = K.$, body = document.body;
  const D = K.data(), C = D.nodes, N = C.l.length, E = D.edges.length / 3;
  const graph = new graphology.Graph({ type: "directed", multi: false, allowSelfLoops: false });
  const neighbours = Array.from({ length: N }, () => []);
  for (let i = 0; i < N; i += 1) {
    const l = C.l[i];
    graph.addNode(String(i), { x: C.x[i], y: C.y[i], size: C.s[i], label: l.length > 40 ? l.slice(0, 39) + "\u2026" : l,
      color: D.classes[C.c[i]].color, zIndex: C.s[i] > 6 ? 1 : 0 });
  }
  /* Links are thin lines, darker the more mentions they carry. With many links, only the
     strong ones (the top tenth by weight, and at least two mentions) are drawn at first; all
     are drawn for a hovered node, among the nodes a search or filter leaves, or on asking. */
  let top = 1;
  const weights = [];
  for (let j = 0; j < D.edges.length; j += 3) {
    const s = D.edges[j], t = D.edges[j + 1], w = D.edges[j + 2];
    neighbours[s].push(t); neighbours[t].push(s);
    top = Math.max(top, w); weights.push(w);
  }
  weights.sort((a, b) => b - a);
  const cut = Math.max(2, weights[Math.floor(weights.length / 10)] || 1);
  let strong = 0;
  for (let j = 0; j < D.edges.length; j += 3) {
    const s = D.edges[j], t = D.edges[j + 1], w = D.edges[j + 2], f = Math.sqrt((w - 1) / Math.max(1, top - 1));
    strong += w >= cut ? 1 : 0;
    graph.addEdge(String(s), String(t), { s, t, strong: w >= cut, color: `rgba(110,122,132,${(0.22 + 0.6 * f).toFixed(2)})` });
  }
  const links = $("kg-links");
  const state = { classes: new Set(D.classes.map((_, i) => i)), authority: "", search: "", hover: null,
    links: links ? links.value : "all" };
  let shown = new Set();
  let near = new Set();

  function passes(i) {
    return state.classes.has(C.c[i]) && (state.authority === "" || C.a[i].includes(Number(state.authority)));
  }
  function match(i, term) { return K.matches(term, C.l[i], C.k[i], C.q[i]); }
  function page(i) { return D.pages[i] || (C.a[i].length ? D.authorities[C.a[i][0]].p : ""); }
  function select() {
    shown = K.select(N, state.search.trim().toLowerCase(), passes, match, (i) => neighbours[i]);
    let ne = 0;
    for (let j = 0; j < D.edges.length; j += 3) if (shown.has(D.edges[j]) && shown.has(D.edges[j + 1])) ne += 1;
    const few = shown.size < N ? "" : state.links === "strong" ? `; ${strong} strongest drawn, the rest on hover` : "";
    $("kg-status").textContent = `Showing ${shown.size} of ${N} nodes, ${ne} of ${E} links${few}`;
    body.setAttribute("data-shown", String(shown.size));
  }
  select();

  const renderer = new Sigma(graph, $("kg-network"), Object.assign({}, K.PROGRAMS, {
    labelFont: "system-ui, sans-serif", labelSize: 13, labelWeight: "600", labelColor: { color: "#1d2327" },
    labelDensity: 0.35, labelGridCellSize: 130, labelRenderedSizeThreshold: 6, zIndex: true,
    hideEdgesOnMove: E > 5000, minCameraRatio: 0.02, maxCameraRatio: 4,
    nodeReducer: (key, attrs) => {
      const i = Number(key);
      if (!shown.has(i)) return Object.assign({}, attrs, { hidden: true });
      if (state.hover !== null) {
        if (i === state.hover) return Object.assign({}, attrs, { highlighted: true, forceLabel: true, zIndex: 2 });
        if (!near.has(i)) return Object.assign({}, attrs, { color: "#e3e7ea", label: "", zIndex: 0 });
        return Object.assign({}, attrs, { forceLabel: true, zIndex: 1 });
      }
      return attrs;
    },
    edgeReducer: (key, attrs) => {
      if (!shown.has(attrs.s) || !shown.has(attrs.t)) return Object.assign({}, attrs, { hidden: true });
      if (state.hover !== null) {
        if (attrs.s === state.hover || attrs.t === state.hover) return Object.assign({}, attrs, { color: "#2b3137" });
        return Object.assign({}, attrs, { hidden: true });
      }
      if (!attrs.strong && state.links === "strong" && shown.size === N) return Object.assign({}, attrs, { hidden: true });
      return attrs;
    },
  }));

  function apply() {
    select();
    renderer.refresh();
    K.fit(renderer, Array.from(shown).map(String), shown.size < N);
  }
  K.onSearch($("kg-search"), (v) => { state.search = v; apply(); });
  const sel = $("kg-authority");
  sel.addEventListener("change", () => { state.authority = sel.value; apply(); });
  K.onClassBoxes((c, on) => { if (on) state.classes.add(c); else state.classes.delete(c); apply(); });
  if (links) links.addEventListener("change", () => { state.links = links.value; select(); renderer.refresh(); });

  function card(i) {
    const a = C.a[i], q = C.q[i], n = C.n[i];
    const out = [K.el("strong", C.l[i]), K.el("span", D.classes[C.c[i]].l +
      (a.length ? " \u00b7 " + a.slice(0, 4).map((x) => D.authorities[x].l).join(", ") : ""), "type")];
    q.forEach((x) => { const b = K.el("blockquote", x[1]); b.appendChild(K.el("cite", x[0] || "(no file name)")); out.push(b); });
    if (n > q.length) out.push(K.el("p", `and ${n - q.length} more quotes on its page`, "hint"));
    if (!n) out.push(K.el("p", "No quote: counted from its links.", "hint"));
    return out;
  }
  const tip = K.tooltip($("kg-network"), $("kg-tip"));
  renderer.on("enterNode", ({ node }) => {
    const i = Number(node);
    state.hover = i; near = new Set(neighbours[i]);
    renderer.refresh({ skipIndexation: true });
    tip.show(card(i), renderer.graphToViewport(graph.getNodeAttributes(node)));
    $("kg-details").replaceChildren(...card(i), K.el("p", page(i) ? "Click to open its page." : "", "hint"));
    body.setAttribute("data-hovered", String(i));
  });
  renderer.on("leaveNode", () => { state.hover = null; renderer.refresh({ skipIndexation: true }); tip.hide(); });
  renderer.on("clickNode", ({ node }) => K.go(page(Number(node))));
  K.ready();
  window.kgViz = { renderer, graph, apply, state, data: D, page };
})();
