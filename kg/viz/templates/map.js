/* kg map: authorities at their coordinates (sigma.js), coloured by the latest judgement up to
   the slider's year, sized by documents; filters by concern and name. textContent only. */
(function () {
  "use strict";
  const K = window.kgScale, $ = K.$, body = document.body;
  const D = K.data();
  const J = new Map(D.judgements.map((j) => [j.k, j]));
  const NONE = "#8f989f", OUT = "#d3d8dc", FADE = "#edf0f2";
  const graph = new graphology.Graph({ type: "undirected" });
  const maxDocs = D.points.reduce((m, p) => Math.max(m, p.d || 0), 1);
  D.points.forEach((p, i) => {
    const inGraph = p.p !== undefined;
    graph.addNode(String(i), { x: p.x, y: p.y, label: p.l, color: inGraph ? NONE : OUT,
      size: inGraph ? 3 + 11 * Math.sqrt((p.d || 0) / maxDocs) : 2, zIndex: inGraph ? 1 : 0 });
  });
  const state = { year: Number($("kg-year").value), source: "", concern: "", search: "", hover: null };
  const look = new Map();  // node index -> {j: judgement row or null, on: passes filters}

  function latest(p) {
    let best = null;
    (p.j || []).forEach((j) => {
      if (Number(j[0].slice(0, 4)) <= state.year && (!state.source || j[2] === state.source)) best = j;
    });
    return best;
  }
  function concernCount(p) {
    if (state.concern === "") return null;
    const hit = (p.m || []).find((x) => x[0] === Number(state.concern));
    return hit ? hit[1] : 0;
  }
  const renderer = new Sigma(graph, $("kg-network"), Object.assign({}, K.PROGRAMS, {
    labelFont: "system-ui, sans-serif", labelSize: 12, labelWeight: "600", labelColor: { color: "#1d2327" },
    labelDensity: 0.6, labelGridCellSize: 80, labelRenderedSizeThreshold: 8, zIndex: true,
    minCameraRatio: 0.05, maxCameraRatio: 3,
    nodeReducer: (key, attrs) => {
      const i = Number(key), p = D.points[i], s = look.get(i);
      if (!s) return attrs;
      const res = Object.assign({}, attrs);
      if (p.p !== undefined) res.color = s.j ? J.get(s.j[1]).color : NONE;
      if (!s.on) { res.color = p.p !== undefined ? FADE : OUT; res.label = ""; res.zIndex = 0; }
      else if (state.search || state.concern !== "") res.forceLabel = state.search !== "";
      if (state.hover === i) { res.highlighted = true; res.forceLabel = true; res.zIndex = 3; }
      return res;
    },
  }));

  /* The nations' outline (Natural Earth, public domain), in the points' projection, on a canvas
     under sigma's layers, redrawn with every frame; the camera's box fits the outline. */
  const O = D.outline || { nations: [], border: [], near: [] };
  const shape = renderer.createCanvas("outline", { beforeLayer: "edges" });
  function extent() {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    O.nations.forEach((l) => { for (let k = 0; k < l.length; k += 2) {
      x0 = Math.min(x0, l[k]); x1 = Math.max(x1, l[k]); y0 = Math.min(y0, l[k + 1]); y1 = Math.max(y1, l[k + 1]);
    } });
    return isFinite(x0) ? { x: [x0, x1], y: [y0, y1] } : null;
  }
  function drawOutline() {
    const r = window.devicePixelRatio || 1, { width: w, height: h } = renderer.getDimensions();
    if (shape.width !== Math.round(w * r) || shape.height !== Math.round(h * r)) {
      shape.width = Math.round(w * r); shape.height = Math.round(h * r);
      shape.style.width = w + "px"; shape.style.height = h + "px";
    }
    const ctx = shape.getContext("2d");
    ctx.setTransform(r, 0, 0, r, 0, 0);
    ctx.clearRect(0, 0, w, h);
    [["near", "#dfe3e6", 1], ["nations", "#9aa4ac", 1.2], ["border", "#b9c1c7", 1]].forEach(([k, colour, width]) => {
      ctx.beginPath();
      O[k].forEach((l) => {
        for (let j = 0; j < l.length; j += 2) {
          const p = renderer.graphToViewport({ x: l[j], y: l[j + 1] });
          if (j) ctx.lineTo(p.x, p.y); else ctx.moveTo(p.x, p.y);
        }
      });
      ctx.strokeStyle = colour; ctx.lineWidth = width; ctx.lineJoin = "round"; ctx.stroke();
    });
  }
  const box = extent();
  if (box) renderer.setCustomBBox(box);
  renderer.on("afterRender", drawOutline);
  renderer.refresh();

  function apply() {
    $("kg-year-out").textContent = String(state.year);
    const term = state.search.trim().toLowerCase();
    const counts = new Map();
    let on = 0;
    D.points.forEach((p, i) => {
      const j = p.p !== undefined ? latest(p) : null;
      const c = concernCount(p);
      const pass = (!term || p.l.toLowerCase().includes(term) || p.r.toLowerCase().includes(term)) &&
        (c === null || c > 0);
      look.set(i, { j, on: pass });
      if (pass && p.p !== undefined) {
        on += 1;
        const k = j ? j[1] : "";
        counts.set(k, (counts.get(k) || 0) + 1);
      }
    });
    document.querySelectorAll("#kg-legend .count[data-k]").forEach((x) => { x.textContent = String(counts.get(x.dataset.k) || 0); });
    const inGraph = D.points.filter((p) => p.p !== undefined).length;
    $("kg-status").textContent = `${on} of ${inGraph} authorities with minutes shown; judgements up to ${state.year}`;
    body.setAttribute("data-shown", String(on));
    body.setAttribute("data-year", String(state.year));
    renderer.refresh({ skipIndexation: true });
  }
  function card(i) {
    const p = D.points[i], s = look.get(i);
    const out = [K.el("strong", p.l), K.el("span", p.r, "type")];
    if (p.p === undefined) { out.push(K.el("p", "No minutes about this authority in the graph.", "hint")); return out; }
    out.push(K.el("p", `${p.d} document${p.d === 1 ? "" : "s"} about it`));
    if (s.j) {
      const src = s.j[2] === "record" ? "Ofsted's published record" : `minutes (${s.j[3] || "no file name"})`;
      out.push(K.el("p", `${J.get(s.j[1]).l} (${s.j[0]}), from ${src}`));
    } else out.push(K.el("p", `No judgement known up to ${state.year}` + (state.source ? " from this source" : ""), "hint"));
    const c = concernCount(p);
    if (c !== null) out.push(K.el("p", `${D.concerns[Number(state.concern)]}: ${c} mention${c === 1 ? "" : "s"}`));
    const top = (p.m || []).slice().sort((a, b) => b[1] - a[1]).slice(0, 3);
    if (top.length) out.push(K.el("p", "Most raised: " + top.map((x) => `${D.concerns[x[0]]} (${x[1]})`).join(", "), "hint"));
    return out;
  }
  const tip = K.tooltip($("kg-network"), $("kg-tip"));
  renderer.on("enterNode", ({ node }) => {
    const i = Number(node);
    state.hover = i;
    renderer.refresh({ skipIndexation: true });
    tip.show(card(i), renderer.graphToViewport(graph.getNodeAttributes(node)));
    const p = D.points[i];
    $("kg-details").replaceChildren(...card(i), K.el("p", p.p ? "Click to open its page." : "", "hint"));
    body.setAttribute("data-hovered", String(i));
  });
  renderer.on("leaveNode", () => { state.hover = null; tip.hide(); renderer.refresh({ skipIndexation: true }); });
  renderer.on("clickNode", ({ node }) => K.go(D.points[Number(node)].p));
  $("kg-year").addEventListener("input", (ev) => { state.year = Number(ev.target.value); apply(); });
  $("kg-source").addEventListener("change", (ev) => { state.source = ev.target.value; apply(); });
  $("kg-concern").addEventListener("change", (ev) => { state.concern = ev.target.value; apply(); });
  K.onSearch($("kg-search"), (v) => { state.search = v; apply(); });
  apply();
  K.ready();
  window.kgViz = { renderer, graph, apply, state, data: D };
})();
