// The endpoint's page: the query library, a parameters form, an editor and a results table.
// Everything the server or the user supplies is shown with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";
let library = [];
let prefixes = {};

// kgid:authority/E08000032 for https://w3id.org/kg-minutes/id/authority/E08000032
function compact(iri) {
  let best = "";
  for (const [p, ns] of Object.entries(prefixes)) {
    if (iri.startsWith(ns) && ns.length > (prefixes[best] || "").length) best = p;
  }
  return best ? best + ":" + iri.slice(prefixes[best].length) : iri;
}

function setStatus(text, error) {
  $("status").textContent = text;
  $("status").className = error ? "error" : "";
}

function cell(tag, text, cls) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (cls) el.className = cls;
  return el;
}

const LONG = 80; // a literal longer than this (a quote, a decision) is set as reading text
const LONG_IRI = 60; // an IRI longer than this may break anywhere; a shorter one stays whole

// An IRI of this graph (one under a namespace it uses) opens kg show's view of it in a new tab;
// any other IRI is shown as text and never followed.
function iriCell(iri) {
  const td = cell("td", "", iri.length > LONG_IRI ? "uri long-iri" : "uri");
  td.title = iri;
  const short = compact(iri);
  if (short === iri) {
    td.textContent = iri;
    return td;
  }
  const a = document.createElement("a");
  a.href = "/show?iri=" + encodeURIComponent(iri);
  a.target = "_blank";
  a.rel = "noopener";
  a.textContent = short;
  td.appendChild(a);
  return td;
}

function clearResults() {
  $("results").tHead.replaceChildren();
  $("results").tBodies[0].replaceChildren();
  $("results").hidden = false;
  $("graph").hidden = true;
  $("graph").textContent = "";
}

function showTable(data) {
  clearResults();
  const vars = data.head.vars || [];
  const head = document.createElement("tr");
  for (const v of vars) head.appendChild(cell("th", v));
  $("results").tHead.appendChild(head);
  const body = $("results").tBodies[0];
  // a column holding any long literal (quotes, decisions) is set as reading text throughout
  const long = new Set(vars.filter((v) => data.results.bindings.some(
    (b) => b[v] && b[v].type !== "uri" && b[v].value.length > LONG)));
  for (const b of data.results.bindings) {
    const tr = document.createElement("tr");
    for (const v of vars) {
      const t = b[v];
      const iri = t && t.type === "uri";
      const td = iri ? iriCell(t.value) : cell("td", t ? t.value : "", t ? t.type : "unbound");
      if (t && !iri && long.has(v)) td.classList.add("long");
      if (t && !iri && (t.datatype || t["xml:lang"])) td.title = t.datatype || "@" + t["xml:lang"];
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  $("results").dataset.rows = String(data.results.bindings.length);
  return data.results.bindings.length;
}

function params() {
  const out = {};
  for (const input of $("params").querySelectorAll("input")) {
    if (input.value.trim()) out[input.name] = input.value.trim();
  }
  return out;
}

function request(format) {
  const body = new URLSearchParams();
  body.set("query", $("query").value);
  for (const [k, v] of Object.entries(params())) body.set("$" + k, v);
  if (format) body.set("format", format);
  return body;
}

function updateLinks() {
  $("csv").href = "/sparql?" + request("csv").toString();
  $("json").href = "/sparql?" + request("json").toString();
}

async function run() {
  document.body.dataset.state = "running";
  setStatus("Running\u2026");
  const started = performance.now();
  let res, text;
  try {
    res = await fetch("/sparql", { method: "POST", body: request(), headers: { Accept: ACCEPT } });
    text = await res.text();
  } catch (err) {
    setStatus("The endpoint cannot be reached: " + err.message, true);
    document.body.dataset.state = "error";
    return;
  }
  const ms = Math.round(performance.now() - started);
  if (!res.ok) {
    clearResults();
    setStatus("Error " + res.status + ": " + text, true);
    document.body.dataset.state = "error";
    return;
  }
  const type = res.headers.get("Content-Type") || "";
  if (type.startsWith("text/turtle")) {
    clearResults();
    $("results").hidden = true;
    $("graph").hidden = false;
    $("graph").textContent = text;
    setStatus("A graph, in Turtle (" + ms + " ms)");
  } else {
    const data = JSON.parse(text);
    if ("boolean" in data) {
      clearResults();
      showTable({ head: { vars: ["answer"] }, results: { bindings: [
        { answer: { type: "literal", value: String(data.boolean) } }] } });
      setStatus("ASK: " + data.boolean + " (" + ms + " ms)");
    } else {
      const n = showTable(data);
      setStatus(n + (n === 1 ? " row" : " rows") + " (" + ms + " ms)");
    }
  }
  document.body.dataset.state = "done";
}

function choose(name, values) {
  const q = library.find((x) => x.name === name);
  if (!q) return false;
  for (const li of $("library").children) {
    li.setAttribute("aria-selected", String(li.dataset.name === name));
  }
  $("description").textContent = q.description;
  $("query").value = q.text;
  const form = $("params");
  form.replaceChildren();
  for (const p of q.params) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.name = p.name;
    input.placeholder = p.help;
    input.value = values[p.name] || "";
    input.addEventListener("input", updateLinks);
    label.append(cell("span", p.name), input);
    form.appendChild(label);
  }
  updateLinks();
  return true;
}

async function start() {
  $("endpoint").textContent = location.origin + "/sparql";
  try {
    library = await (await fetch("/queries")).json();
    prefixes = await (await fetch("/prefixes")).json();
  } catch (err) {
    setStatus("The query library cannot be loaded: " + err.message, true);
  }
  for (const q of library) {
    const li = document.createElement("li");
    li.role = "option";
    li.tabIndex = 0;
    li.dataset.name = q.name;
    li.setAttribute("aria-selected", "false");
    li.append(cell("span", q.title, "title"), cell("span", q.name, "name"));
    $("library").appendChild(li);
  }
  const pick = (li) => {
    if (!li || !li.dataset.name) return;
    choose(li.dataset.name, {});
    history.replaceState(null, "", "#query=" + encodeURIComponent(li.dataset.name));
  };
  $("library").addEventListener("click", (e) => pick(e.target.closest("li")));
  $("library").addEventListener("keydown", (e) => {
    const li = e.target.closest("li");
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(li); }
    else if (e.key === "ArrowDown" && li && li.nextElementSibling) { e.preventDefault(); li.nextElementSibling.focus(); }
    else if (e.key === "ArrowUp" && li && li.previousElementSibling) { e.preventDefault(); li.previousElementSibling.focus(); }
  });
  $("run").addEventListener("click", run);
  $("query").addEventListener("input", updateLinks);
  $("query").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  $("params").addEventListener("submit", (e) => { e.preventDefault(); run(); });
  // #query=NAME&param=value... picks a library query, fills its parameters and runs it;
  // #sparql=TEXT runs the given text.
  const hash = new URLSearchParams(location.hash.slice(1));
  const values = Object.fromEntries(hash.entries());
  if (hash.get("query") && choose(hash.get("query"), values)) return run();
  if (hash.get("sparql")) { $("query").value = hash.get("sparql"); updateLinks(); return run(); }
  updateLinks();
  document.body.dataset.state = "ready";
}

start();
