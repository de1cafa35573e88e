/* Shared by the pages drawn at scale (overview, map, heat map): DOM helpers, the tooltip,
   navigation to our own pages only, camera fitting and the ready flag the tests wait for. */
(function () {
  "use strict";
  const PAGE = /^[A-Za-z0-9._-]+\.html(#[A-Za-z0-9-]+)?$/;
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
  function onSearch(input, fn) {
    let timer = 0;
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => fn(input.value), 150); });
  }
  /* A tooltip inside its container (position: absolute), so it never covers the panels beside it;
     `at` is relative to the container's visible box. */
  function tooltip(box, tip) {
    return {
      show(children, at) {
        tip.replaceChildren(...children);
        tip.hidden = false;
        const w = tip.offsetWidth, h = tip.offsetHeight, W = box.clientWidth, H = box.clientHeight;
        let x = at.x + 14, y = at.y + 14;
        if (x + w > W - 4) x = at.x - w - 14;
        if (y + h > H - 4) y = at.y - h - 14;
        tip.style.left = box.scrollLeft + Math.max(4, Math.min(x, W - w - 4)) + "px";
        tip.style.top = box.scrollTop + Math.max(4, Math.min(y, H - h - 4)) + "px";
      },
      hide() { tip.hidden = true; },
    };
  }
  /* Frame the camera on some nodes (all of them: reset). */
  function fit(renderer, keys, partial) {
    const cam = renderer.getCamera();
    if (!partial || !keys.length) { cam.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }); return; }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    keys.forEach((k) => {
      const d = renderer.getNodeDisplayData(k);
      if (!d) return;
      x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
    });
    if (!isFinite(x0)) return;
    const ratio = Math.min(1, Math.max(0.04, 1.25 * Math.max(x1 - x0, y1 - y0)));
    cam.setState({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio: ratio, angle: 0 });
  }
  function ready(renderer) {
    let done = false;
    const mark = () => { if (!done) { done = true; document.body.setAttribute("data-ready", "1"); } };
    renderer.once("afterRender", mark);
    requestAnimationFrame(() => requestAnimationFrame(mark));
  }
  window.kgScale = { el, link, go, onSearch, tooltip, fit, ready, PAGE };
})();
