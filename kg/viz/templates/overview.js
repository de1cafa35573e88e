/* kg overview at scale: sigma.js (WebGL) over a graphology graph, positions from Python.
   Text from minutes only ever reaches the page through textContent. */
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("kg-data").textContent);
  const K = window.kgScale;
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const graph = new graphology.Graph({ type: "directed", multi: false, allowSelfLoops: false });
  const neighbours = new Map(D.nodes.map((n) => [n.i, []]));
  D.nodes.forEach((n) => {
    graph.addNode(String(n.i), { x: n.x, y: n.y, size: n.s, label: n.l.length > 40 ? n.l.slice(0, 39) + "\u2026" : n.l,
      color: D.classes[n.c].color, zIndex: n.s > 6 ? 1 : 0 });
  });
  const top = D.edges.reduce((m, e) => Math.max(m, e[2]), 1);
  D.edges.forEach((e) => {
    graph.addEdge(String(e[0]), String(e[1]), { size: 0.3 + 2.2 * Math.sqrt((e[2] - 1) / Math.max(1, top - 1)),
      color: "#c5ccd2" });
    neighbours.get(e[0]).push(e[1]); neighbours.get(e[1]).push(e[0]);
  });
  const state = { classes: new Set(D.classes.map((_, i) => i)), authority: "", search: "", hover: null };
  const shown = new Set(D.nodes.map((n) => n.i));
  const byId = D.nodes;
  let near = new Set();

  const renderer = new Sigma(graph, $("kg-network"), {
    labelFont: "system-ui, sans-serif", labelSize: 13, labelWeight: "600", labelColor: { color: "#1d2327" },
    labelDensity: 0.35, labelGridCellSize: 130, labelRenderedSizeThreshold: 6, zIndex: true,
    defaultEdgeColor: "#c5ccd2", hideEdgesOnMove: D.edges.length > 20000, minCameraRatio: 0.02, maxCameraRatio: 4,
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
      const s = Number(graph.source(key)), t = Number(graph.target(key));
      if (!shown.has(s) || !shown.has(t)) return Object.assign({}, attrs, { hidden: true });
      if (state.hover !== null) {
        if (s === state.hover || t === state.hover) return Object.assign({}, attrs, { color: "#4a545c", size: attrs.size + 0.6 });
        return Object.assign({}, attrs, { hidden: true });
      }
      return attrs;
    },
  });

  function passes(n) {
    return state.classes.has(n.c) && (state.authority === "" || n.a.includes(Number(state.authority)));
  }
  function matches(n, term) {
    if (n.l.toLowerCase().includes(term) || n.k.toLowerCase().includes(term)) return true;
    return n.q.some((q) => q[1].toLowerCase().includes(term) || q[0].toLowerCase().includes(term));
  }
  function apply() {
    shown.clear();
    const term = state.search.trim().toLowerCase();
    D.nodes.forEach((n) => { if (passes(n) && (!term || matches(n, term))) shown.add(n.i); });
    if (term) {  // matches and their neighbours, so a match is seen in its context
      Array.from(shown).forEach((i) => neighbours.get(i).forEach((o) => { if (passes(byId[o])) shown.add(o); }));
    }
    let ne = 0;
    D.edges.forEach((e) => { if (shown.has(e[0]) && shown.has(e[1])) ne += 1; });
    $("kg-status").textContent = `Showing ${shown.size} of ${D.nodes.length} nodes, ${ne} of ${D.edges.length} links`;
    body.setAttribute("data-shown", String(shown.size));
    renderer.refresh();
    K.fit(renderer, Array.from(shown).map(String), shown.size < D.nodes.length);
  }
  K.onSearch($("kg-search"), (v) => { state.search = v; apply(); });
  const sel = $("kg-authority");
  sel.addEventListener("change", () => { state.authority = sel.value; apply(); });
  $("kg-legend").querySelectorAll("input[type=checkbox]").forEach((box) => {
    box.addEventListener("change", () => {
      const c = Number(box.value);
      if (box.checked) state.classes.add(c); else state.classes.delete(c);
      apply();
    });
  });

  function card(n) {
    const out = [K.el("strong", n.l), K.el("span", D.classes[n.c].l +
      (n.a.length ? " \u00b7 " + n.a.slice(0, 4).map((i) => D.authorities[i].l).join(", ") : ""), "type")];
    n.q.forEach((q) => { const b = K.el("blockquote", q[1]); b.appendChild(K.el("cite", q[0] || "(no file name)")); out.push(b); });
    if (n.n > n.q.length) out.push(K.el("p", `and ${n.n - n.q.length} more quotes on its page`, "hint"));
    if (!n.n) out.push(K.el("p", "No quote: counted from its links.", "hint"));
    return out;
  }
  const tip = K.tooltip($("kg-network"), $("kg-tip"));
  renderer.on("enterNode", ({ node }) => {
    const n = byId[Number(node)];
    state.hover = n.i; near = new Set(neighbours.get(n.i));
    renderer.refresh({ skipIndexation: true });
    tip.show(card(n), renderer.graphToViewport(graph.getNodeAttributes(node)));
    $("kg-details").replaceChildren(...card(n), K.el("p", n.p ? "Click to open its page." : "", "hint"));
    body.setAttribute("data-hovered", String(n.i));
  });
  renderer.on("leaveNode", () => { state.hover = null; renderer.refresh({ skipIndexation: true }); tip.hide(); });
  renderer.on("clickNode", ({ node }) => K.go(byId[Number(node)].p));
  apply();
  K.ready(renderer);
  window.kgViz = { renderer, graph, apply, state, data: D };
})();
