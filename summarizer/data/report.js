"use strict";
// The review page of summarizer.report. Every string from a document reaches the page through
// textContent or a text node, never through innerHTML.
(function () {
  const META = JSON.parse(document.getElementById("report-data").textContent);
  const DOCS = META.documents;
  const FILES = META.files;
  const KINDS = ["goal", "target", "task"];
  const LISTS = { goal: "goals", target: "targets", task: "tasks" };
  const ID_PREFIX = { goal: "g", target: "t", task: "k" };
  const KIND_LABEL = { goal: "Goals 目标", target: "Targets 指标", task: "Tasks 任务" };
  const CHANGE = { growth: "增长 growth", decline: "下降 decline", level: "水平 level" };
  const CHANGE_MARK = { growth: "↑", decline: "↓", level: "" };
  const QUALIFIER = { approx: "左右 approx", at_least: "以上 at least", at_most: "以内 at most" };
  const QUALIFIER_MARK = { approx: "≈", at_least: "≥", at_most: "≤" };
  const FLASH_MS = 1800;
  const PANEL = META.panel || { years: [], places: [], unplaced: 0 };
  const STATUS_LABEL = { met: "met 达成", missed: "missed 未达成", "no result yet": "no result yet 待报", "no target": "no target 无目标", unclear: "unclear 存疑" };
  const MEASURE_LABEL = { growth: "growth 增速", level: "level 总量", rate: "rate 比率", points: "points 百分点", change: "change 增减" };
  const SEARCH_LIMIT = 200;
  const SVG = "http://www.w3.org/2000/svg";

  const filters = { goal: true, target: true, task: true, "kind-target": true, "kind-result": true };
  const state = { view: "docs", order: [], place: -1, row: 0, doc: -1, items: [], byId: new Map(), segs: new Map(), segItems: new WeakMap(), selected: null, pinned: false, flashTimer: 0, sort: { key: null, dir: 1 } };
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

  // Node.append and replaceChildren print null as "null": leave the missing ones out first.
  function present(...nodes) {
    return nodes.filter((node) => node !== null && node !== undefined && node !== false);
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
        items.push({ id: ID_PREFIX[kind] + n, kind, tkind, data, start: data.start, end: data.end });
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
    const order = $("doc-order");
    const placed = DOCS.some((doc) => doc.place);
    order.value = placed ? "place" : "given";
    order.addEventListener("change", () => { listDocuments(); show(state.doc); });
    listDocuments();
    picker.addEventListener("change", () => show(Number(picker.value)));
    $("prev-doc").addEventListener("click", () => step(-1));
    $("next-doc").addEventListener("click", () => step(1));
  }

  // The picker lists the documents as given (the order of the inputs and of a batch's lines) or by
  // place and year; prev/next follow the list.
  function listDocuments() {
    const picker = $("doc-picker");
    const byPlace = $("doc-order").value === "place";
    state.order = byPlace ? META.by_place.slice() : DOCS.map((_, k) => k);
    picker.replaceChildren();
    let group = null, groupName = null;
    state.order.forEach((k, position) => {
      const doc = DOCS[k];
      const file = FILES[doc.file];
      const name = byPlace ? (doc.place || "(no place)") : file.source;
      if (name !== groupName) {
        group = el("optgroup", { label: name });
        picker.append(group);
        groupName = name;
      }
      const counts = `${doc.goals.length} goals · ${doc.targets.length} targets · ${doc.tasks.length} tasks`;
      const year = doc.plan_year ?? (doc.review_year !== null && doc.review_year !== undefined ? doc.review_year + 1 : null);
      const head = byPlace && year !== null ? `${year}  ` : "";
      const text = `${position + 1}/${DOCS.length}  ${head}${file.source.split(/[\\/]/).pop()} #${doc.index}  ${doc.title || "(untitled)"}  —  ${counts}`;
      group.append(el("option", { value: k }, text));
    });
  }

  function step(delta) {
    const position = state.order.indexOf(state.doc) + delta;
    if (position >= 0 && position < state.order.length) show(state.order[position]);
  }

  // --- One document: its head, its text with the items painted in, the side panes.

  function show(k, itemId) {
    state.doc = k;
    state.items = itemsOf(DOCS[k]);
    state.byId = new Map(state.items.map((item) => [item.id, item]));
    state.selected = null;
    $("doc-picker").value = String(k);
    const position = state.order.indexOf(k);
    $("prev-doc").disabled = position <= 0;
    $("next-doc").disabled = position === state.order.length - 1;
    renderHead(DOCS[k]);
    renderAll();
    resetScroll();
    history.replaceState(null, "", "#doc=" + k);
    if (itemId && state.byId.has(itemId)) select(itemId, true);
  }

  // A new document starts at its top: the text, every pane, and the page itself (on a phone the page scrolls).
  function resetScroll() {
    $("reader").scrollTop = 0;
    for (const pane of document.querySelectorAll("#side .pane")) pane.scrollTop = 0;
    window.scrollTo(0, 0);
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
    const facts = [`document ${doc.index + 1} of ${siblings}`, doc.place && `place ${doc.place}`, doc.jurisdiction && `level ${doc.jurisdiction}`, years, `chars ${doc.start}–${doc.end}`];
    const p = file.provenance;
    const prov = [`backend ${p.backend}`, p.model && `model ${p.model}`, p.prompt_version && `prompt ${p.prompt_version}`, `${p.chunks} chunks`, `${p.llm_calls} calls`, `${p.cache_hits} cache hits`, `tokens ${p.prompt_tokens} in / ${p.completion_tokens} out`, `${p.seconds} s`];
    const head = $("doc-head");
    head.replaceChildren(...present(
      el("h1", {}, doc.title || "(untitled document)"),
      el("div", { class: "source", title: "sha256 " + file.sha256 }, file.source),
      el("div", { class: "facts" }, facts.filter(Boolean).join(" · ")),
      doc.overview ? el("p", { class: "overview" }, doc.overview) : null,
      el("div", { class: "prov" }, "provenance: " + prov.filter(Boolean).join(" · ")),
      legend(doc),
    ));
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
      entry.append(el("span", { class: "val" }, valueText(d)));
      if (d.year !== null && d.year !== undefined) entry.append(el("span", { class: "year" }, d.year));
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
    const actions = { n: () => step(1), p: () => step(-1), j: () => stepItem(1), k: () => stepItem(-1), Escape: () => { hideTip(); closeSearch(); }, "/": () => $("search").focus() };
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
    wireCorpus();
    wireSearch();
    const wanted = new URLSearchParams(location.hash.slice(1));
    const k = wanted.has("doc") ? Number(wanted.get("doc")) : -1;
    show(Number.isInteger(k) && k >= 0 && k < DOCS.length ? k : state.order[0], wanted.get("item"));
    if (wanted.has("corpus")) {
      showView("corpus");
      const p = Number(wanted.get("corpus")), row = Number(wanted.get("row") || 0);
      if (Number.isInteger(p) && p >= 0 && p < PANEL.places.length) drawPlace(p, row);
    }
  }

  // --- The views: one document at a time, or the corpus (the panel of every place).

  function showView(name) {
    state.view = name;
    for (const button of document.querySelectorAll("#views button")) button.classList.toggle("on", button.dataset.view === name);
    $("layout").hidden = name !== "docs";
    $("corpus").hidden = name !== "corpus";
    document.body.classList.toggle("corpus-view", name === "corpus");
    if (name === "corpus") {
      if (state.place < 0) drawPlace(0, 0);
      else history.replaceState(null, "", `#corpus=${state.place}&row=${state.row}`);
    } else {
      history.replaceState(null, "", "#doc=" + state.doc);
    }
    window.scrollTo(0, 0);
  }

  function wireCorpus() {
    $("views").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-view]");
      if (button) showView(button.dataset.view);
    });
    const picker = $("place-picker");
    PANEL.places.forEach((place, p) => {
      const cells = place.rows.reduce((n, row) => n + Object.keys(row.cells).length, 0);
      picker.append(el("option", { value: p }, `${place.name} — ${place.rows.length} indicators, ${cells} cells`));
    });
    picker.addEventListener("change", () => drawPlace(Number(picker.value), 0));
    $("targets-only").addEventListener("change", () => drawPlace(state.place, 0));
    $("corpus-table").addEventListener("click", (event) => {
      const link = event.target.closest("[data-doc]");
      if (link) { goTo(Number(link.dataset.doc), link.dataset.item || null); return; }
      const line = event.target.closest("tr[data-row]");
      if (line) drawPlace(state.place, Number(line.dataset.row));
    });
  }

  function goTo(k, itemId) {
    closeSearch();
    if (state.view !== "docs") showView("docs");
    show(k, itemId);
  }

  function drawPlace(p, rowIndex) {
    const head = $("corpus-note");
    if (!PANEL.places.length) {
      head.textContent = "No document here has a place, so there is no panel to show." + (PANEL.unplaced ? ` (${PANEL.unplaced} document(s) without a place.)` : "");
      $("corpus-table").replaceChildren();
      $("corpus-chart").replaceChildren();
      return;
    }
    const place = PANEL.places[p];
    const targetsOnly = $("targets-only").checked;
    const shown = place.rows.map((row, i) => [row, i]).filter(([row]) => !targetsOnly || Object.values(row.cells).some((c) => c.tl.length));
    state.place = p;
    state.row = shown.some(([, i]) => i === rowIndex) ? rowIndex : (shown.length ? shown[0][1] : 0);
    $("place-picker").value = String(p);
    const years = [...new Set(shown.flatMap(([row]) => Object.keys(row.cells)))].map(Number).sort((a, b) => a - b);
    head.textContent = `${place.name}: each indicator's target for a year against the result a later document reported for it. Click a row for its chart, a value for its place in the text.` + (PANEL.unplaced ? ` ${PANEL.unplaced} document(s) without a place are not in the panel.` : "");
    const header = el("tr", {}, el("th", { class: "ind" }, "indicator 指标"), ...years.map((y) => el("th", { class: "yr" }, y)));
    const body = el("tbody", {}, ...shown.map(([row, i]) => el("tr", { dataset: { row: i }, class: i === state.row ? "chosen" : null },
      el("th", { class: "ind", scope: "row", title: row.id },
        el("span", { class: "name" }, row.name),
        el("span", { class: "measure" }, (MEASURE_LABEL[row.measure] || row.measure) + (row.unit ? " · " + row.unit : ""))),
      ...years.map((y) => cellOf(row.cells[String(y)], row)))));
    const table = $("corpus-table");
    table.replaceChildren(shown.length
      ? el("table", { class: "panel" }, el("thead", {}, header), body)
      : el("p", { class: "empty" }, "No indicator of this place has a target (untick “only rows with a target” to see its results)."));
    table.scrollLeft = table.scrollWidth;  // the latest years first in view
    if (shown.length) drawChart(place.rows[state.row], years);
    else $("corpus-chart").replaceChildren();
    if (state.view === "corpus") history.replaceState(null, "", `#corpus=${p}&row=${state.row}`);
  }

  function cellOf(cell, row) {
    if (!cell) return el("td", { class: "cell empty" });
    const status = "s-" + cell.s.replace(/ /g, "-");
    const target = cell.t === null ? null : (QUALIFIER_MARK[cell.q] || "") + (cell.th === null ? cell.t : `${cell.t}–${cell.th}`);
    const td = el("td", { class: `cell ${status}`, title: cell.n || null });
    const links = (list, text, cls) => {
      const link = list.find((l) => l.doc !== null);
      return link ? el("button", { type: "button", class: cls, dataset: { doc: link.doc, item: link.item || "" }, title: link.quote + " — " + link.source }, text) : el("span", { class: cls }, text);
    };
    if (target !== null) td.append(links(cell.tl, "T " + target, "tv"));
    else if (cell.tl.length > 1) td.append(links(cell.tl, "T ?", "tv"));
    if (cell.r !== null) td.append(links(cell.rl, "R " + cell.r, "rv"));
    else if (cell.rl.length > 1) td.append(links(cell.rl, "R ?", "rv"));
    td.append(el("span", { class: "status" }, STATUS_LABEL[cell.s] || cell.s));
    return td;
  }

  // A small chart of one row: the target (dashed) and the result (solid) over the years.
  function drawChart(row, years) {
    const box = $("corpus-chart");
    const points = years.map((y) => ({ y, c: row.cells[String(y)] })).filter((p) => p.c && (p.c.t !== null || p.c.r !== null));
    const title = el("h3", {}, `${row.name} · ${MEASURE_LABEL[row.measure] || row.measure}${row.unit ? " · " + row.unit : ""}`);
    if (!points.length) {
      box.replaceChildren(title, el("p", { class: "empty" }, "No value to draw: the cells of this row are conflicts or placeholders."));
      return;
    }
    const values = points.flatMap((p) => [p.c.t, p.c.th, p.c.r]).filter((v) => v !== null && v !== undefined);
    let low = Math.min(...values), high = Math.max(...values);
    if (low === high) { low -= 1; high += 1; }
    const pad = (high - low) * 0.12;
    low -= pad; high += pad;
    const W = 640, H = 230, L = 56, R = 16, T = 14, B = 30;
    const first = points[0].y, last = points[points.length - 1].y;
    const x = (year) => L + (last === first ? (W - L - R) / 2 : ((year - first) / (last - first)) * (W - L - R));
    const y = (v) => T + (1 - (v - low) / (high - low)) * (H - T - B);
    const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": `${row.name}: target and result by year` });
    for (const v of [low + pad, (low + high) / 2, high - pad]) {
      svg.append(svgEl("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "grid" }));
      svg.append(svgText(L - 6, y(v) + 4, round(v), "ylab"));
    }
    const every = Math.max(1, Math.ceil(points.length / 10));
    points.forEach((p, i) => { if (i % every === 0 || i === points.length - 1) svg.append(svgText(x(p.y), H - 10, String(p.y), "xlab")); });
    for (const [key, cls, label] of [["t", "target", "target 目标"], ["r", "result", "result 实绩"]]) {
      const series = points.filter((p) => p.c[key] !== null);
      if (series.length > 1) svg.append(svgEl("polyline", { points: series.map((p) => `${x(p.y)},${y(p.c[key])}`).join(" "), class: "line " + cls }));
      for (const p of series) {
        const dot = svgEl("circle", { cx: x(p.y), cy: y(p.c[key]), r: 4, class: "dot " + cls });
        dot.append(svgEl("title", {}, `${p.y} ${label}: ${p.c[key]}${row.unit || ""}${key === "r" ? " (" + (STATUS_LABEL[p.c.s] || p.c.s) + ")" : ""}`));
        svg.append(dot);
      }
    }
    const legend = el("div", { class: "chart-legend" }, el("span", { class: "lg target" }, "- - target 目标"), el("span", { class: "lg result" }, "—— result 实绩"));
    box.replaceChildren(title, svg, legend);
  }

  function round(v) {
    const a = Math.abs(v);
    return String(a >= 100 ? Math.round(v) : a >= 10 ? Math.round(v * 10) / 10 : Math.round(v * 100) / 100);
  }

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgText(px, py, text, cls) {
    return svgEl("text", { x: px, y: py, class: cls }, text);
  }

  // --- Search over every document and item; a result opens the document at the item.

  function wireSearch() {
    const input = $("search");
    let timer = 0;
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => runSearch(input.value), 120); });
    input.addEventListener("keydown", (event) => { if (event.key === "Escape") { closeSearch(); input.blur(); } });
    $("search-results").addEventListener("click", (event) => {
      const hit = event.target.closest("[data-doc]");
      if (hit) goTo(Number(hit.dataset.doc), hit.dataset.item || null);
    });
  }

  function runSearch(query) {
    const q = query.trim().toLowerCase();
    const box = $("search-results");
    if (!q) { closeSearch(); return; }
    const hits = [];
    let total = 0;
    const found = (k, item, kind, text) => {
      total += 1;
      if (hits.length < SEARCH_LIMIT) hits.push({ k, item, kind, text });
    };
    for (const k of state.order) {
      const doc = DOCS[k];
      const file = FILES[doc.file];
      const about = [doc.title, doc.place, file.source].filter(Boolean).join(" ");
      if (about.toLowerCase().includes(q)) found(k, null, "document", about);
      doc.goals.forEach((g, n) => { if ((g.text + g.quote).toLowerCase().includes(q)) found(k, "g" + n, "goal", g.text); });
      doc.targets.forEach((t, n) => { if ((t.indicator + t.quote).toLowerCase().includes(q)) found(k, "t" + n, t.kind, `${t.indicator} ${valueText(t)}${t.year ? " · " + t.year : ""}`); });
      doc.tasks.forEach((t, n) => { if ((t.title + t.quote).toLowerCase().includes(q)) found(k, "k" + n, "task", t.title); });
    }
    const list = el("ol", {}, ...hits.map((hit) => {
      const doc = DOCS[hit.k];
      const where = `${doc.place || FILES[doc.file].source.split(/[\\/]/).pop()} ${doc.plan_year ?? ""}`.trim();
      return el("li", {}, el("button", { type: "button", class: "hit k-" + hit.kind, dataset: { doc: hit.k, item: hit.item || "" } },
        el("span", { class: "badge" }, hit.kind), el("span", { class: "where" }, where), el("span", { class: "what" }, hit.text)));
    }));
    const count = total > hits.length ? `${total} matches (the first ${hits.length} shown)` : `${total} match${total === 1 ? "" : "es"}`;
    box.replaceChildren(el("div", { class: "count" }, `${count} for “${query.trim()}”`), list);
    box.hidden = false;
  }

  function closeSearch() {
    $("search-results").hidden = true;
  }

  start();
})();
