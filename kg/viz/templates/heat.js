/* kg concerns heat map: concerns as rows, regions or authorities as columns, shade by mentions
   (or mentions per 10 documents). Every cell opens its quotes. Text only through textContent. */
(function () {
  "use strict";
  const K = window.kgScale, $ = K.$, body = document.body;
  const D = K.data();
  const table = $("kg-heat");
  const state = { columns: "region", shade: "per", search: "" };
  const byCell = new Map();  // "concern,authority" -> [n, quotes]
  D.cells.forEach((c) => byCell.set(c[0] + "," + c[1], [c[2], c[3]]));
  const regions = Array.from(new Set(D.authorities.map((a) => a.r))).sort();

  function columns() {  // [{l, members: [authority index], docs, page}]
    if (state.columns === "region") {
      return regions.map((r) => {
        const members = D.authorities.map((a, i) => [a, i]).filter((x) => x[0].r === r).map((x) => x[1]);
        return { l: r, members, docs: members.reduce((s, i) => s + D.authorities[i].d, 0), page: "" };
      });
    }
    return D.authorities.map((a, i) => ({ l: a.l, members: [i], docs: a.d, page: a.p, r: a.r }));
  }
  function value(n, docs) { return state.shade === "per" ? (docs ? 10 * n / docs : 0) : n; }
  function shade(t) {  // light to dark magenta, perceptually ordered
    const l = 97 - 72 * t;
    return `hsl(330, ${35 + 30 * t}%, ${l}%)`;
  }
  function fmt(v) { return state.shade === "per" ? v.toFixed(1) : String(v); }

  let cols = [];
  let grid = [];  // grid[row][col] = mentions
  function draw() {
    cols = columns();
    const term = state.search.trim().toLowerCase();
    const colMatch = cols.map((c) => !term || c.l.toLowerCase().includes(term));
    const anyCol = term && colMatch.some((x) => x) && colMatch.some((x) => !x);
    const rows = D.concerns.map((c, ci) => [c, ci]).filter((x) => !term || anyCol || x[0].l.toLowerCase().includes(term));
    const shownCols = cols.map((c, i) => [c, i]).filter((x) => !anyCol || colMatch[x[1]]);
    grid = D.concerns.map((_, ci) => cols.map((c) => c.members.reduce((s, a) => s + ((byCell.get(ci + "," + a) || [0])[0]), 0)));
    let max = 0;
    rows.forEach(([, ci]) => shownCols.forEach(([c, j]) => { max = Math.max(max, value(grid[ci][j], c.docs)); }));
    const head = K.el("thead"), hr = K.el("tr");
    hr.appendChild(K.el("th", state.columns === "region" ? "Concern \u2193 / region \u2192" : "Concern", "corner"));
    shownCols.forEach(([c]) => {
      const th = K.el("th", null, "col");
      th.appendChild(c.page ? K.link(c.page, c.l) : K.el("span", c.l));
      th.setAttribute("scope", "col");
      hr.appendChild(th);
    });
    head.appendChild(hr);
    const tb = K.el("tbody");
    rows.forEach(([c, ci]) => {
      const tr = K.el("tr");
      const th = K.el("th", c.l, "row");
      th.id = c.id; th.setAttribute("scope", "row");
      tr.appendChild(th);
      shownCols.forEach(([col, j]) => {
        const n = grid[ci][j], v = value(n, col.docs), t = max ? Math.sqrt(v / max) : 0;
        const td = K.el("td");
        const b = K.el("button", state.columns === "region" && n ? fmt(v) : "", "cell");
        b.type = "button";
        b.dataset.r = String(ci); b.dataset.c = String(j);
        b.style.background = n ? shade(t) : "#fff";
        if (t > 0.6) b.style.color = "#fff";
        b.setAttribute("aria-label", `${c.l}, ${col.l}: ${n} mentions`);
        td.appendChild(b); tr.appendChild(td);
      });
      tb.appendChild(tr);
    });
    table.replaceChildren(head, tb);
    table.className = state.columns;
    $("kg-status").textContent = `${rows.length} of ${D.concerns.length} concerns \u00d7 ${shownCols.length} ${state.columns === "region" ? "regions" : "authorities"}`;
    $("kg-scale").replaceChildren(K.el("span", "0"), K.el("span", null, "ramp"), K.el("span", fmt(max) + (state.shade === "per" ? " per 10 docs" : " mentions")));
    body.setAttribute("data-shown", String(rows.length));
    body.setAttribute("data-columns", String(shownCols.length));
  }

  function quotesOf(ci, j) {
    const col = cols[j];
    const out = [K.el("h2", `${D.concerns[ci].l} \u2014 ${col.l}`),
      K.el("p", `${grid[ci][j]} mentions in ${col.docs} documents`, "type")];
    const who = col.members.map((a) => [a, byCell.get(ci + "," + a)]).filter((x) => x[1]).sort((x, y) => y[1][0] - x[1][0]);
    if (!who.length) out.push(K.el("p", "No mention.", "hint"));
    who.slice(0, 15).forEach(([a, cell]) => {
      const h = K.el("h3");
      h.appendChild(K.link(D.authorities[a].p, D.authorities[a].l));
      h.appendChild(K.el("span", ` ${cell[0]} mention${cell[0] === 1 ? "" : "s"}`, "count"));
      out.push(h);
      cell[1].forEach((q) => { const bq = K.el("blockquote", q[1]); bq.appendChild(K.el("cite", q[0])); out.push(bq); });
    });
    if (who.length > 15) out.push(K.el("p", `and ${who.length - 15} more authorities`, "hint"));
    return out;
  }
  table.addEventListener("click", (ev) => {
    const b = ev.target.closest("button.cell");
    if (!b) return;
    $("kg-details").replaceChildren(...quotesOf(Number(b.dataset.r), Number(b.dataset.c)));
    body.setAttribute("data-selected", b.dataset.r + "," + b.dataset.c);
  });
  const tip = K.tooltip($("kg-network"), $("kg-tip"));
  const wrap = $("kg-network");
  table.addEventListener("mouseover", (ev) => {
    const b = ev.target.closest("button.cell");
    if (!b) { tip.hide(); return; }
    const ci = Number(b.dataset.r), j = Number(b.dataset.c), n = grid[ci][j];
    const r = b.getBoundingClientRect(), w = wrap.getBoundingClientRect();
    tip.show([K.el("strong", D.concerns[ci].l), K.el("span", cols[j].l, "type"),
      K.el("p", `${n} mention${n === 1 ? "" : "s"}; ${fmt(value(n, cols[j].docs))}${state.shade === "per" ? " per 10 documents" : ""}`)],
    { x: r.right - w.left, y: r.bottom - w.top });
    body.setAttribute("data-hovered", ci + "," + j);
  });
  wrap.addEventListener("mouseleave", () => tip.hide());
  K.onSearch($("kg-search"), (v) => { state.search = v; draw(); });
  $("kg-columns").addEventListener("change", (ev) => { state.columns = ev.target.value; draw(); });
  $("kg-shade").addEventListener("change", (ev) => { state.shade = ev.target.value; draw(); });
  draw();
  const hash = window.location.hash.slice(1);
  const row = D.concerns.findIndex((c) => c.id === hash);
  if (row >= 0) {
    let best = 0;
    cols.forEach((_, j) => { if (grid[row][j] > grid[row][best]) best = j; });
    $("kg-details").replaceChildren(...quotesOf(row, best));
    document.getElementById(hash).classList.add("target");
  }
  body.setAttribute("data-ready", "1");
  window.kgViz = { draw, state, data: D };
})();
