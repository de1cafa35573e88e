/* kg network pages. Text from minutes only ever reaches the page through textContent. */
(function () {
  "use strict";
  const K = window.kg, $ = K.$, el = K.el, body = document.body;
  const D = K.data();
  const classes = D.classes;
  const auths = D.authorities;
  const byId = new Map(D.nodes.map((n) => [n.i, n]));
  const edgeList = D.edges.map((e, i) => Object.assign({ id: i }, e));
  const adjacent = new Map(D.nodes.map((n) => [n.i, []]));
  edgeList.forEach((e) => { adjacent.get(e.f).push(e); adjacent.get(e.t).push(e); });
  const big = !D.physics;
  const dense = D.edges.length > 600;  // arrowheads would pile up into blots

  const nodes = new vis.DataSet(D.nodes.map((n) => {
    const c = classes[n.c];
    const label = n.l.length > 48 ? n.l.slice(0, 47) + "\u2026" : n.l;
    return { id: n.i, label: label, x: n.x, y: n.y, value: n.s, shape: c.shape,
      color: { background: c.color, border: "#33393e",
        highlight: { background: c.color, border: "#000" }, hover: { background: c.color, border: "#000" } } };
  }));
  const edges = new vis.DataSet(edgeList.map((e) => ({ id: e.id, from: e.f, to: e.t, width: e.v })));
  const shown = new Set(D.nodes.map((n) => n.i));
  const nodeView = new vis.DataView(nodes, { filter: (n) => shown.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => shown.has(e.from) && shown.has(e.to) });

  const options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: false },
    physics: D.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 90, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: 300, updateInterval: 50, fit: true },
    } : { enabled: false },
    interaction: { hover: true, tooltipDelay: 3600000, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
      keyboard: false, multiselect: false },
    nodes: { borderWidth: 1, font: { size: 13, face: "system-ui, sans-serif", color: "#1d2327",
      strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 8, max: 40, label: { enabled: true, min: 11, max: 22, maxVisible: 26,
        drawThreshold: big ? 9 : 5 } } },
    edges: { arrows: { to: { enabled: !dense, scaleFactor: 0.45 } }, selectionWidth: 1.5,
      color: { color: "#a4adb5", highlight: "#1d2327", hover: "#4a545c", inherit: false,
        opacity: dense ? 0.35 : 1 },
      smooth: big ? false : { type: "continuous" } },
  };
  const network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, options);

  // --- search and filters ----------------------------------------------------------------
  let isReady = false;
  const state = { classes: new Set(classes.map((_, i) => i)), authority: "", search: "" };
  function passes(i) {
    const n = D.nodes[i];
    return state.classes.has(n.c) && (state.authority === "" || n.a.includes(Number(state.authority)));
  }
  function match(i, term) { const n = D.nodes[i]; return K.matches(term, n.l, n.k, n.q); }
  function neighbours(i) { return adjacent.get(i).map((e) => (e.f === i ? e.t : e.f)); }
  function apply() {  // node ids are their index in D.nodes
    const picked = K.select(D.nodes.length, state.search.trim().toLowerCase(), passes, match, neighbours);
    shown.clear();
    picked.forEach((i) => shown.add(i));
    nodeView.refresh();
    edgeView.refresh();
    const ne = edgeView.length;
    $("kg-status").textContent = `Showing ${shown.size} of ${D.nodes.length} nodes, ${ne} of ${D.edges.length} links`;
    body.setAttribute("data-shown", String(shown.size));
    body.setAttribute("data-shown-edges", String(ne));
    if (isReady && shown.size) network.fit({ nodes: Array.from(shown), animation: false });
  }
  K.onSearch($("kg-search"), (v) => { state.search = v; apply(); }, big ? 250 : 60);
  const sel = $("kg-authority");
  if (sel) sel.addEventListener("change", () => { state.authority = sel.value; apply(); });
  K.onClassBoxes((c, on) => { if (on) state.classes.add(c); else state.classes.delete(c); apply(); });

  // --- tooltip and details ---------------------------------------------------------------
  function quotes(parent, qs, total) {
    qs.forEach((q) => {
      const b = el("blockquote", q[1]);
      b.appendChild(el("cite", q[0] || "(no file name)"));
      parent.appendChild(b);
    });
    if (total > qs.length) parent.appendChild(el("p", `and ${total - qs.length} more quotes`, "hint"));
  }
  function authorityNames(n) { return n.a.map((i) => auths[i].l).join(", "); }
  function nodeTip(n) {
    const box = document.createDocumentFragment();
    box.appendChild(el("strong", n.l));
    box.appendChild(el("span", classes[n.c].l + (n.a.length ? " · " + authorityNames(n) : ""), "type"));
    quotes(box, n.q.slice(0, 2), n.n);
    return box;
  }
  function edgeTip(e) {
    const box = document.createDocumentFragment();
    box.appendChild(el("strong", `${byId.get(e.f).l} → ${byId.get(e.t).l}`));
    box.appendChild(el("span", e.l, "type"));
    quotes(box, e.q.slice(0, 2), e.q.length);
    return box;
  }
  const tip = $("kg-tip");
  const mouse = { x: 0, y: 0 };
  $("kg-network").addEventListener("mousemove", (ev) => {
    mouse.x = ev.clientX; mouse.y = ev.clientY;
    if (!tip.hidden) place();
  });
  function place() {  // inside the network's box, so it never covers the panels beside it
    const w = tip.offsetWidth, h = tip.offsetHeight;
    const r = $("kg-network").getBoundingClientRect();
    let x = mouse.x + 14, y = mouse.y + 14;
    if (x + w > r.right - 4) x = mouse.x - w - 14;
    if (y + h > r.bottom - 4) y = mouse.y - h - 14;
    tip.style.left = Math.max(r.left + 4, Math.min(x, r.right - w - 4)) + "px";
    tip.style.top = Math.max(r.top + 4, Math.min(y, r.bottom - h - 4)) + "px";
  }
  function showTip(content) { tip.replaceChildren(content); tip.hidden = false; place(); }
  network.on("hoverNode", (p) => showTip(nodeTip(byId.get(p.node))));
  network.on("hoverEdge", (p) => showTip(edgeTip(edgeList[p.edge])));
  network.on("blurNode", () => { tip.hidden = true; });
  network.on("blurEdge", () => { tip.hidden = true; });
  network.on("dragStart", () => { tip.hidden = true; });

  const details = $("kg-details");
  function showNode(n) {
    const out = [el("h2", n.l), el("p", classes[n.c].l, "type")];
    const dl = el("dl");
    const rows = n.t.concat([["Identifier", n.k], ["Importance (degree centrality)", n.d]]);
    rows.forEach((r) => { dl.appendChild(el("dt", r[0])); dl.appendChild(el("dd", r[1])); });
    out.push(dl);
    if (n.a.length) {
      out.push(el("h3", "Authorities"));
      const ul = el("ul");
      n.a.forEach((i) => { const li = el("li"); li.appendChild(K.link(auths[i].p, auths[i].l)); ul.appendChild(li); });
      out.push(ul);
    }
    out.push(el("h3", n.n ? `Evidence (${n.n} quote${n.n === 1 ? "" : "s"})` : "Evidence"));
    if (!n.n) out.push(el("p", "No quote: this comes from reference data.", "hint"));
    const ev = el("div"); quotes(ev, n.q, n.n); out.push(ev);
    const links = adjacent.get(n.i);
    if (links.length) {
      out.push(el("h3", `Links (${links.length})`));
      const ul = el("ul");
      links.slice(0, 60).forEach((e) => {
        const other = byId.get(e.f === n.i ? e.t : e.f);
        const li = el("li", (e.f === n.i ? "→ " : "← ") + e.l + ": ");
        const b = el("button", other.l, "link");
        b.type = "button";
        b.addEventListener("click", () => select(other.i));
        li.appendChild(b); ul.appendChild(li);
      });
      out.push(ul);
      if (links.length > 60) out.push(el("p", `and ${links.length - 60} more`, "hint"));
    }
    details.replaceChildren(...out);
    body.setAttribute("data-selected", String(n.i));
  }
  function showEdge(e) {
    const out = [el("h2", `${byId.get(e.f).l} → ${byId.get(e.t).l}`), el("p", e.l, "type")];
    const ev = el("div"); quotes(ev, e.q, e.q.length); out.push(ev);
    details.replaceChildren(...out);
  }
  function select(i) {
    if (!shown.has(i)) return;
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 0.8), animation: false });
    showNode(byId.get(i));
  }
  network.on("click", (p) => {
    if (p.nodes.length) showNode(byId.get(p.nodes[0]));
    else if (p.edges.length) showEdge(edgeList[p.edges[0]]);
  });
  network.on("doubleClick", (p) => {
    const n = p.nodes.length ? byId.get(p.nodes[0]) : null;
    if (n && n.p && classes[n.c].k === "Authority") K.go(n.p);
  });

  // --- ready -------------------------------------------------------------------------------
  function keepPositions(ids) {  // so that nodes a filter hides come back where they were
    const pos = network.getPositions(ids || undefined);
    nodes.update(Object.keys(pos).map((k) => ({ id: Number(k), x: pos[k].x, y: pos[k].y })));
  }
  network.on("dragEnd", (p) => { if (p.nodes.length) keepPositions(p.nodes); });
  function legible() {  // labels of 12 to 20 screen pixels at the fitted zoom, not 12 * scale
    const s = network.getScale();
    if (!(s > 0) || s >= 1 || big) return;
    network.setOptions({ nodes: { scaling: { label: { enabled: true, min: 12 / s, max: 20 / s,
      maxVisible: 40 / s, drawThreshold: 8 } } } });
    nodes.update(nodes.get({ fields: ["id", "value"] }));  // recomputes each label's size
  }
  function ready() {
    if (isReady) return;
    isReady = true;
    if (D.physics) {
      network.setOptions({ physics: { enabled: false } });
      keepPositions(null);
    }
    network.fit({ animation: false });
    legible();
    body.setAttribute("data-ready", "1");
  }
  if (D.physics && D.nodes.length > 1) network.once("stabilizationIterationsDone", ready);
  else network.once("afterDrawing", ready);
  setTimeout(ready, 20000);
  apply();
  window.kgViz = { network, nodes, edges, nodeView, edgeView, apply, state, select, data: D, legible };
})();
