"use strict";
// The review page of summarizer.report. Every string from a document reaches the page through
// textContent or a text node, never through innerHTML.
(function () {
  const META = JSON.parse(document.getElementById("report-data").textContent);
  const DOCS = META.documents;
  const FILES = META.files;
  const KINDS = ["goal", "target", "task"];
  const LISTS = { goal: "goals", target: "targets", task: "tasks" };
  const KIND_LABEL = { goal: "Goals 目标", target: "Targets 指标", task: "Tasks 任务" };
  const CHANGE = { growth: "增长 growth", decline: "下降 decline", level: "水平 level" };
  const CHANGE_MARK = { growth: "↑", decline: "↓", level: "" };
  const QUALIFIER = { approx: "左右 approx", at_least: "以上 at least", at_most: "以内 at most" };
  const QUALIFIER_MARK = { approx: "≈", at_least: "≥", at_most: "≤" };
  const FLASH_MS = 1800;

  const filters = { goal: true, target: true, task: true, "kind-target": true, "kind-result": true };
  const state = { doc: -1, items: [], byId: new Map(), segs: new Map(), segItems: new WeakMap(), selected: null, pinned: false, flashTimer: 0, sort: { key: null, dir: 1 } };
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function num(value) {
    return value === null || value === undefined ? "XX" : String(value);
  }

  function valueText(t) {
    const range = t.value_high === null || t.value_high === undefined ? num(t.value) : num(t.value) + "–" + num(t.value_high);
    const mark = (CHANGE_MARK[t.change] || "") + (QUALIFIER_MARK[t.qualifier] || "");
    return (mark ? mark + " " : "") + range + (t.unit || "");
  }

  function itemsOf(doc) {
    const items = [];
    for (const kind of KINDS) {
      doc[LISTS[kind]].forEach((data, n) => {
        const tkind = kind === "target" ? data.kind : null;
        items.push({ id: kind[0] + n, kind, tkind, data, start: data.start, end: data.end });
      });
    }
    items.sort((a, b) => a.start - b.start || b.end - a.end);
    return items;
  }

  function visible(item) {
    return filters[item.kind] && (item.kind !== "target" || filters["kind-" + item.tkind]);
  }

  function label(item) {
    const d = item.data;
    if (item.kind === "goal") return d.text;
    if (item.kind === "task") return d.title;
    return d.indicator;
  }

  // --- The document picker.

  function fillPicker() {
    const picker = $("doc-picker");
    FILES.forEach((file, f) => {
      const group = el("optgroup", { label: file.source });
      const name = file.source.split(/[\\/]/).pop();
      DOCS.forEach((doc, k) => {
        if (doc.file !== f) return;
        const counts = `${doc.goals.length} goals · ${doc.targets.length} targets · ${doc.tasks.length} tasks`;
        const text = `${k + 1}/${DOCS.length}  ${name} #${doc.index}  ${doc.title || "(untitled)"}  —  ${counts}`;
        group.append(el("option", { value: k }, text));
      });
      picker.append(group);
    });
    picker.addEventListener("change", () => show(Number(picker.value)));
    $("prev-doc").addEventListener("click", () => step(-1));
    $("next-doc").addEventListener("click", () => step(1));
  }

  function step(delta) {
    const k = state.doc + delta;
    if (k >= 0 && k < DOCS.length) show(k);
  }

  // --- One document: its head, its text with the items painted in, the side panes.

  function show(k, itemId) {
    state.doc = k;
    state.items = itemsOf(DOCS[k]);
    state.byId = new Map(state.items.map((item) => [item.id, item]));
    state.selected = null;
    $("doc-picker").value = String(k);
    $("prev-doc").disabled = k === 0;
    $("next-doc").disabled = k === DOCS.length - 1;
    renderHead(DOCS[k]);
    renderAll();
    $("reader").scrollTop = 0;
    history.replaceState(null, "", "#doc=" + k);
    if (itemId && state.byId.has(itemId)) select(itemId, true);
  }

  function renderAll() {
    const doc = DOCS[state.doc];
    const items = state.items.filter(visible);
    renderText(doc, items);
    renderList(items);
    renderTable(items.filter((item) => item.kind === "target"));
    renderDropped(FILES[doc.file]);
  }

  function renderHead(doc) {
    const file = FILES[doc.file];
    const siblings = DOCS.filter((d) => d.file === doc.file).length;
    const years = doc.review_year || doc.plan_year ? `review ${doc.review_year ?? "–"} → plan ${doc.plan_year ?? "–"}` : null;
    const facts = [`document ${doc.index + 1} of ${siblings}`, doc.jurisdiction && `level ${doc.jurisdiction}`, years, `chars ${doc.start}–${doc.end}`];
    const p = file.provenance;
    const prov = [`backend ${p.backend}`, p.model && `model ${p.model}`, p.prompt_version && `prompt ${p.prompt_version}`, `${p.chunks} chunks`, `${p.llm_calls} calls`, `${p.cache_hits} cache hits`, `tokens ${p.prompt_tokens} in / ${p.completion_tokens} out`, `${p.seconds} s`];
    const head = $("doc-head");
    head.replaceChildren(
      el("h1", {}, doc.title || "(untitled document)"),
      el("div", { class: "source", title: "sha256 " + file.sha256 }, file.source),
      el("div", { class: "facts" }, facts.filter(Boolean).join(" · ")),
      doc.overview ? el("p", { class: "overview" }, doc.overview) : null,
      el("div", { class: "prov" }, "provenance: " + prov.filter(Boolean).join(" · ")),
      legend(doc),
    );
    for (const warning of warnings(doc, file)) head.append(el("div", { class: "warn" }, warning));
  }

  function legend(doc) {
    return el("div", { class: "legend" },
      el("span", { class: "hl h-goal" }, `goal ${doc.goals.length}`),
      el("span", { class: "hl h-target" }, `target ${doc.targets.filter((t) => t.kind === "target").length}`),
      el("span", { class: "hl h-result" }, `result ${doc.targets.filter((t) => t.kind === "result").length}`),
      el("span", { class: "hl h-task" }, `task ${doc.tasks.length}`));
  }

  function warnings(doc, file) {
    const out = [];
    if (!doc.has_text) out.push(file.note || "The source text is not available: items are shown without it.");
    if (doc.misplaced) out.push(`${doc.misplaced} item(s) quote text that is not at their offsets.`);
    const failed = file.provenance.failed_chunks.length;
    if (failed) out.push(`Partial result: ${failed} chunk(s) could not be processed (see Dropped).`);
    return out;
  }

  function documentText(k) {
    const node = $("text-" + k);
    return node ? JSON.parse(node.textContent) : null;
  }

  function renderText(doc, items) {
    const text = doc.has_text ? documentText(state.doc) : null;
    const article = $("doc-text");
    state.segs = new Map();
    state.segItems = new WeakMap();
    if (text === null) {
      article.replaceChildren(el("p", { class: "no-text" }, "No source text to show. The quotes are in the list on the right."));
      return;
    }
    article.replaceChildren(paint(text, items, doc.start));
  }

  // Cut the text at every item's start and end; each piece covered by items becomes one span.
  function paint(text, items, base) {
    const events = [];
    for (const item of items) {
      const s = item.start - base, e = item.end - base;
      if (s < 0 || e > text.length || s >= e) continue;
      events.push([s, 1, item], [e, 0, item]);
      state.segs.set(item.id, []);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const fragment = document.createDocumentFragment();
    const active = new Set();
    let pos = 0;
    for (let i = 0; i < events.length;) {
      const at = events[i][0];
      if (at > pos) fragment.append(piece(text.slice(pos, at), active));
      pos = Math.max(pos, at);
      for (; i < events.length && events[i][0] === at; i++) {
        if (events[i][1]) active.add(events[i][2]);
        else active.delete(events[i][2]);
      }
    }
    if (pos < text.length) fragment.append(text.slice(pos));
    return fragment;
  }

  function piece(str, active) {
    if (!active.size) return document.createTextNode(str);
    const covering = [...active];
    const classes = new Set(["hl"]);
    for (const item of covering) classes.add(item.kind === "target" ? "h-" + item.tkind : "h-" + item.kind);
    const span = el("span", { class: [...classes].join(" ") }, str);
    state.segItems.set(span, covering);
    for (const item of covering) state.segs.get(item.id).push(span);
    return span;
  }

  // --- The side panes.

  function renderList(items) {
    const pane = $("pane-items");
    pane.replaceChildren();
    const noText = !DOCS[state.doc].has_text;
    for (const kind of KINDS) {
      if (!filters[kind]) continue;
      const ofKind = items.filter((item) => item.kind === kind);
      const section = el("section", { class: "group g-" + kind }, el("h2", {}, `${KIND_LABEL[kind]} (${ofKind.length})`));
      const list = el("ol", { class: "items" });
      for (const item of ofKind) list.append(listEntry(item, noText));
      section.append(list);
      pane.append(section);
    }
  }

  function listEntry(item, showQuote) {
    const d = item.data;
    const entry = el("li", { class: "item k-" + (item.tkind || item.kind), dataset: { id: item.id }, tabindex: 0, title: d.quote },
      el("span", { class: "badge" }, item.tkind || item.kind),
      el("span", { class: "label" }, label(item)));
    if (item.kind === "target") {
      entry.append(el("span", { class: "val" }, valueText(d)), d.year ? el("span", { class: "year" }, d.year) : null);
    } else if (item.kind === "task") {
      entry.append(el("span", { class: "area" }, d.area + (d.subtasks.length ? ` · ${d.subtasks.length} sub` : "")));
    }
    if (showQuote) entry.append(el("div", { class: "quote" }, d.quote));
    return entry;
  }

  const COLUMNS = [
    ["indicator", "indicator 指标", (t) => t.indicator],
    ["value", "value", (t) => t.value],
    ["unit", "unit", (t) => t.unit],
    ["change", "change", (t) => t.change],
    ["qualifier", "qualifier", (t) => t.qualifier],
    ["kind", "kind", (t) => t.kind],
    ["year", "year", (t) => t.year],
  ];

  function renderTable(items) {
    const rows = items.slice();
    const { key, dir } = state.sort;
    if (key) {
      const get = COLUMNS.find((c) => c[0] === key)[2];
      rows.sort((a, b) => compare(get(a.data), get(b.data)) * dir);
    }
    const head = el("tr", {}, ...COLUMNS.map(([name, title]) =>
      el("th", { dataset: { sort: name }, class: key === name ? (dir > 0 ? "asc" : "desc") : null }, title)));
    const body = el("tbody", {}, ...rows.map((item) => {
      const t = item.data;
      const value = t.value_high === null ? num(t.value) : `${num(t.value)}–${num(t.value_high)}`;
      return el("tr", { dataset: { id: item.id }, class: "k-" + t.kind, title: t.quote },
        el("td", {}, t.indicator), el("td", { class: "num" }, value), el("td", {}, t.unit ?? ""),
        el("td", {}, t.change), el("td", {}, t.qualifier ?? ""), el("td", {}, t.kind), el("td", {}, t.year ?? ""));
    }));
    const table = el("table", { class: "targets" }, el("thead", {}, head), body);
    $("pane-table").replaceChildren(rows.length ? table : el("p", { class: "empty" }, "No target shown (check the filters)."));
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "zh");
  }

  function renderDropped(file) {
    const p = file.provenance;
    const pane = $("pane-dropped");
    const tab = document.querySelector('[data-tab="dropped"]');
    const count = p.dropped.length + p.failed_chunks.length;
    tab.textContent = `Dropped (${count})`;
    tab.classList.toggle("alert", count > 0);
    pane.replaceChildren(el("p", { class: "explain" },
      "Items the backend returned that were not kept: a quote that could not be placed in the text, or a number that is not in its quote. For the whole file ",
      el("code", {}, file.source), "."));
    if (!count) {
      pane.append(el("p", { class: "empty" }, "Nothing was dropped: every item returned was placed in the text."));
      return;
    }
    const list = el("ol", { class: "dropped" });
    for (const d of p.dropped) {
      list.append(el("li", {}, el("span", { class: "badge k-" + d.kind }, d.kind), el("span", { class: "reason" }, d.reason), el("div", { class: "quote" }, d.quote)));
    }
    for (const c of p.failed_chunks) {
      list.append(el("li", {}, el("span", { class: "badge k-failed" }, "chunk"), el("span", { class: "reason" }, c.error || "failed"), el("div", { class: "quote" }, `characters ${c.start}–${c.end} were not processed`)));
    }
    pane.append(list);
  }

  // --- Selecting an item: scroll its span into view and flash it.

  function select(id, scroll) {
    const item = state.byId.get(id);
    if (!item) return;
    for (const span of document.querySelectorAll("#doc-text .sel")) span.classList.remove("sel", "flash");
    for (const node of document.querySelectorAll("#side .cur")) node.classList.remove("cur");
    state.selected = id;
    const spans = state.segs.get(id) || [];
    for (const span of spans) {
      span.classList.add("sel");
      void span.offsetWidth;
      span.classList.add("flash");
    }
    clearTimeout(state.flashTimer);
    state.flashTimer = setTimeout(() => spans.forEach((span) => span.classList.remove("flash")), FLASH_MS);
    if (scroll && spans.length) spans[0].scrollIntoView({ block: "center", behavior: "auto" });
    for (const node of document.querySelectorAll(`#side [data-id="${id}"]`)) {
      node.classList.add("cur");
      if (!scroll) node.scrollIntoView({ block: "nearest" });
    }
    history.replaceState(null, "", `#doc=${state.doc}&item=${id}`);
  }

  function stepItem(delta) {
    const ids = [...document.querySelectorAll("#pane-items [data-id]")].map((node) => node.dataset.id);
    if (!ids.length) return;
    const at = ids.indexOf(state.selected);
    const next = at < 0 ? (delta > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, at + delta));
    select(ids[next], true);
  }

  // --- The tooltip of a highlighted span: every item it belongs to, a target with its normalized fields.

  function tipFor(items) {
    const box = el("div");
    for (const item of items) {
      const d = item.data;
      const card = el("div", { class: "card k-" + (item.tkind || item.kind) }, el("div", { class: "card-head" }, el("span", { class: "badge" }, item.tkind || item.kind), " ", label(item)));
      if (item.kind === "target") {
        const rows = [["value", d.value_high === null ? num(d.value) : `${num(d.value)} – ${num(d.value_high)}`], ["unit", d.unit ?? "–"], ["change", CHANGE[d.change] || d.change], ["qualifier", QUALIFIER[d.qualifier] || "exact"], ["kind", d.kind === "target" ? "target 预期目标" : "result 实绩"], ["year", d.year ?? "–"]];
        card.append(el("dl", {}, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
      } else if (item.kind === "task") {
        card.append(el("div", { class: "meta" }, "area " + d.area), ...d.subtasks.slice(0, 8).map((s) => el("div", { class: "sub" }, "· " + s)));
      }
      box.append(card);
    }
    return box;
  }

  function showTip(span) {
    const items = state.segItems.get(span);
    if (!items) return;
    const tip = $("tip");
    tip.replaceChildren(tipFor(items));
    tip.hidden = false;
    const rect = span.getBoundingClientRect();
    const width = tip.offsetWidth, height = tip.offsetHeight;
    const left = Math.min(window.innerWidth - width - 8, Math.max(8, rect.left));
    const top = rect.bottom + 6 + height < window.innerHeight ? rect.bottom + 6 : Math.max(8, rect.top - height - 6);
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function hideTip() {
    state.pinned = false;
    $("tip").hidden = true;
  }

  // --- Wiring.

  function wire() {
    const text = $("doc-text");
    text.addEventListener("mouseover", (event) => {
      const span = event.target.closest("span.hl");
      if (span && !state.pinned) showTip(span);
    });
    text.addEventListener("mouseout", (event) => {
      if (!state.pinned && event.target.closest("span.hl")) $("tip").hidden = true;
    });
    text.addEventListener("click", (event) => {
      const span = event.target.closest("span.hl");
      if (!span) return hideTip();
      showTip(span);
      state.pinned = true;
      const items = state.segItems.get(span);
      select(items[items.length - 1].id, false);
    });
    $("reader").addEventListener("scroll", () => { if (!state.pinned) $("tip").hidden = true; });
    $("side").addEventListener("click", (event) => {
      const row = event.target.closest("[data-id]");
      if (row) { hideTip(); select(row.dataset.id, true); return; }
      const th = event.target.closest("th[data-sort]");
      if (th) sortBy(th.dataset.sort);
    });
    $("side").addEventListener("keydown", (event) => {
      const row = event.target.closest("[data-id]");
      if (row && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); select(row.dataset.id, true); }
    });
    $("tabs").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-tab]");
      if (button) openTab(button.dataset.tab);
    });
    $("filters").addEventListener("change", (event) => {
      filters[event.target.dataset.filter] = event.target.checked;
      const selected = state.selected;
      renderAll();
      if (selected && state.segs.has(selected)) select(selected, false);
    });
    document.addEventListener("keydown", onKey);
  }

  function onKey(event) {
    if (event.target.closest("select, input, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
    const actions = { n: () => step(1), p: () => step(-1), j: () => stepItem(1), k: () => stepItem(-1), Escape: hideTip };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  }

  function openTab(name) {
    for (const button of document.querySelectorAll("#tabs button")) button.classList.toggle("on", button.dataset.tab === name);
    for (const pane of document.querySelectorAll("#side .pane")) pane.classList.toggle("on", pane.id === "pane-" + name);
  }

  function sortBy(key) {
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
    renderTable(state.items.filter((item) => item.kind === "target" && visible(item)));
  }

  function start() {
    if (!DOCS.length) {
      $("doc-text").replaceChildren(el("p", { class: "no-text" }, "No document in this report."));
      return;
    }
    fillPicker();
    wire();
    const wanted = new URLSearchParams(location.hash.slice(1));
    const k = Number(wanted.get("doc"));
    show(Number.isInteger(k) && k >= 0 && k < DOCS.length ? k : 0, wanted.get("item"));
  }

  start();
})();
