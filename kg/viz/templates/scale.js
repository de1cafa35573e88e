/* Shared by the pages drawn at scale (overview, map, heat map), over common.js: the tooltip,
   camera fitting, sigma's programs and the ready flag the tests wait for. */
(function () {
  "use strict";
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
  /* Nodes as points and edges as lines: one draw call each. sigma's default circle and rectangle
     programs are instanced, and a software WebGL (SwiftShader, as in headless Chromium) draws
     every instance as a draw call of its own: 10,000 nodes and 17,000 links took 2 s a frame. */
  const PROGRAMS = typeof Sigma === "undefined" ? {} : {
    nodeProgramClasses: { circle: Sigma.rendering.NodePointProgram },
    edgeProgramClasses: { line: Sigma.rendering.EdgeLineProgram },
  };
  /* Ready once the first frame is drawn (after the next two animation frames, by which time
     the drawing has reached the screen). */
  function ready() {
    requestAnimationFrame(() => requestAnimationFrame(() => document.body.setAttribute("data-ready", "1")));
  }
  window.kgScale = Object.assign({}, window.kg, { tooltip, fit, ready, PROGRAMS });
})();
