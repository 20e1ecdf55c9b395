"use strict";
// The review page of summarizer.report. Every string from a document reaches the page through
// textContent or a text node, never through innerHTML.
//
// Views, each an address (hash) of its own, so that Back and an edited address work:
//   #overview                      the first screen: the headline indicator across places, met rates, the documents
//   #ind=gdp&m=growth[&year=2025&sort=status&dir=1&level=省&from=2015&to=2026]   one indicator across places and years
//   #place=河北省[&all=1]           one place: its indicators by year, a chart per indicator
//   #doc=3[&item=t5]                one document with its items in its text
(function () {
  performance.mark("report:script");  // the benchmark reads these marks
  const META = JSON.parse(document.getElementById("report-data").textContent);
  const FILES = META.files;
  const PLACES = META.places || [];
  const INDICATORS = META.indicators || {};
  const OVERRIDES = META.overrides || [];
  const KINDS = ["goal", "target", "task"];
  const LISTS = { goal: "goals", target: "targets", task: "tasks" };
  const LABEL_FIELD = { goals: "text", targets: "indicator", tasks: "title" };
  const ID_PREFIX = { goal: "g", target: "t", task: "k" };
  const KIND_LABEL = { goal: "Goals 目标", target: "Targets 指标", task: "Tasks 任务" };
  const CHANGE = { growth: "增长 growth", decline: "下降 decline", level: "水平 level" };
  const CHANGE_MARK = { growth: "↑", decline: "↓", level: "" };
  const QUALIFIER = { approx: "左右 approx", at_least: "以上 at least", at_most: "以内 at most" };
  const QUALIFIER_MARK = { approx: "≈", at_least: "≥", at_most: "≤" };
  const FLASH_MS = 1800;
  // The status vocabulary, in the order the views sort it; each has a colour (report.css) and its word.
  const STATUSES = ["met", "reached", "missed", "not reached", "unclear", "no result yet", "not reported", "no target"];
  const STATUS_LABEL = { met: "met 达成", reached: "reached 达到", missed: "missed 未达成", "not reached": "not reached 未达到", unclear: "unclear 存疑", "no result yet": "no result yet 待报", "not reported": "not reported 未报告", "no target": "no target 无目标" };
  const JUDGED = new Set(["met", "reached", "missed", "not reached"]);
  const DELIVERED = new Set(["met", "reached"]);
  const MEASURE_LABEL = { growth: "growth 增速", level: "level 总量", rate: "rate 比率", points: "points 百分点", change: "change 增减", rank: "rank 位次", multiple: "multiple 倍数" };
  // Levels rank the places: the nation, the provinces (and municipalities), the cities, the counties and districts.
  const LEVEL_RANK = {
    "国家": 0, national: 0, nation: 0,
    "省": 1, "直辖市": 1, "自治区": 1, "特别行政区": 1, province: 1, municipality: 1,
    "市": 2, "地级市": 2, "州": 2, "自治州": 2, "地区": 2, "盟": 2, city: 2, prefecture: 2,
    "县": 3, "区": 3, "县级市": 3, "旗": 3, "自治县": 3, county: 3, district: 3,
  };
  const LEVEL_NAME = ["国家 nation", "省 provinces", "市 cities", "县/区 counties"];
  const LEVEL_KEY = ["国家", "省", "市", "县"];  // a level in an address: #ind=gdp&m=growth&level=省
  // Place names in pinyin order (ICU's collation for Chinese); levels first.
  const COLLATOR = new Intl.Collator("zh-CN-u-co-pinyin");
  // Panel columns the cells show in their own way; any other column is listed in the cell's details.
  const SHOWN = new Set(["place", "indicator_id", "indicator", "measure", "year", "unit", "tl", "rl"]);
  const COLUMN_LABEL = { target: "target 目标", target_high: "target upper end", target_qualifier: "qualifier", stretch: "stretch 力争", result: "result 实绩", gap: "gap 差距", status: "status", note: "note", horizon: "horizon", set_in: "set in", level: "level", parent: "parent", target_source: "target source", target_document: "target document", result_source: "result source", result_document: "result document" };
  const SEARCH_LIMIT = 200;
  const YEARS_SHOWN = 12;
  const SVG = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);
  const phone = () => window.matchMedia("(max-width: 820px)").matches;

  // --- The data: columns decoded into rows (summarizer.report.encode_table), items per document.

  function decodeColumn(column, n) {
    if ("c" in column) return new Array(n).fill(column.c);
    if ("d" in column) return column.i.map((k) => column.d[k]);
    if ("s" in column) { let total = 0; return column.s.map((step) => (total += step)); }
    if ("z" in column) {
      const values = new Array(n).fill(column.z);
      let at = -1;
      column.p.forEach((gap, j) => { at += gap; values[at] = column.v[j]; });
      return values;
    }
    return column.v.slice();
  }

  function decodeTable(table) {
    const rows = Array.from({ length: table.n }, () => ({}));
    for (const group of table.groups || []) {
      group.i.forEach((k, r) => { const combo = group.d[k]; group.names.forEach((name, j) => { rows[r][name] = combo[j]; }); });
    }
    for (const [name, column] of Object.entries(table.cols)) {
      decodeColumn(column, table.n).forEach((value, r) => { rows[r][name] = value; });
    }
    return rows;
  }

  function baseYear(doc) {
    if (doc.plan_year !== null && doc.plan_year !== undefined) return doc.plan_year;
    if (doc.review_year !== null && doc.review_year !== undefined) return doc.review_year + 1;
    return 0;
  }

  // The items are in a block of their own after this script, read with the texts.
  const DOCS = META.documents;
  let itemsRead = false;
  function readItems() {
    if (itemsRead) return;
    itemsRead = true;
    const encoded = JSON.parse($("report-items").textContent);
    const tables = {};
    for (const list of Object.values(LISTS)) tables[list] = decodeTable(encoded[list]);
    const at = { goals: 0, targets: 0, tasks: 0 };
    for (const doc of DOCS) {
      Object.values(LISTS).forEach((list, position) => {
        const count = doc.n[position];
        doc[list] = tables[list].slice(at[list], at[list] + count);
        at[list] += count;
        for (const item of doc[list]) {
          item.end += item.start;
          if (list === "targets" && Number.isInteger(item.year)) item.year += baseYear(doc);
        }
      });
      doc.complete = false;
    }
  }

  // The texts follow this script in the page: the first screen is drawn while they are still being
  // read. A document waits for its own text, whole once the next block has begun; search waits for all.
  const TEXTS = new Map();
  const textsRead = () => document.readyState !== "loading";
  function afterTexts(then) {
    if (textsRead()) then();
    else document.addEventListener("DOMContentLoaded", then, { once: true });
  }

  function textReady(k) {
    if (textsRead()) return true;
    const node = $("text-" + k);
    return Boolean(node && node.nextElementSibling);
  }

  function whenTextReady(k, then) {
    if (textReady(k)) then();
    else setTimeout(() => whenTextReady(k, then), 40);
  }

  function documentText(k) {
    if (!TEXTS.has(k)) {
      const node = $("text-" + k);
      TEXTS.set(k, node ? JSON.parse(node.textContent) : null);
    }
    return TEXTS.get(k);
  }

  // An item's quote is the document's text at its offsets unless the data gives it; a label that
  // starts the quote is given as its length. Both need the text, read when the document is first used.
  function complete(k) {
    const doc = DOCS[k];
    if (doc.complete || !textReady(k)) return doc;
    readItems();
    const text = doc.has_text ? documentText(k) : null;
    for (const [list, field] of Object.entries(LABEL_FIELD)) {
      for (const item of doc[list]) {
        if (item.quote === null && text !== null) item.quote = text.slice(item.start - doc.start, item.end - doc.start);
        if (typeof item[field] === "number") item[field] = (item.quote || "").slice(0, item[field]);
      }
    }
    doc.complete = true;
    return doc;
  }

  const PANEL = decodeTable((META.panel || {}).rows || { n: 0, cols: {} });
  const UNPLACED = (META.panel || {}).unplaced || 0;
  const PLACE_INDEX = new Map(PLACES.map((place, p) => [place.name, p]));
  PANEL.forEach((row, k) => {
    row.k = k;
    row.series = row.indicator_id + "|" + row.measure;
    row.p = PLACE_INDEX.has(row.place) ? PLACE_INDEX.get(row.place) : -1;
  });
  // Units: the cells of one indicator may come in different units (亿元, 万亿元); charts and sorting
  // put them on one scale where the units convert (META.units: base and multiplier of each).
  const UNITS = META.units || {};
  function factor(from, to) {
    if ((from || "") === (to || "")) return 1;
    const a = UNITS[from], b = UNITS[to];
    return a && b && a[0] === b[0] ? a[1] / b[1] : null;
  }

  // A row's figures in ``unit``; null where they do not convert.
  function scaled(row, unit) {
    const f = factor(row.unit, unit);
    if (f === 1) return row;
    const by = (v) => (typeof v === "number" && f !== null ? Math.round(v * f * 1e6) / 1e6 : null);
    return Object.assign({}, row, { target: by(row.target), target_high: by(row.target_high), result: by(row.result), gap: by(row.gap), unit });
  }

  function commonUnit(rows) {
    const counts = new Map();
    for (const row of rows) counts.set(row.unit, (counts.get(row.unit) || 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }

  // The series: one indicator in one measure, across places and years.
  const SERIES = new Map();
  for (const row of PANEL) {
    let series = SERIES.get(row.series);
    if (!series) {
      // Named by the registry's standard name: a row's own may be a place's (国内生产总值 for the nation).
      const name = (INDICATORS[row.indicator_id] && INDICATORS[row.indicator_id].zh) || row.indicator;
      series = { key: row.series, id: row.indicator_id, measure: row.measure, name, unit: row.unit, rows: [], places: new Set(), judged: 0, targets: 0 };
      SERIES.set(row.series, series);
    }
    series.rows.push(row);
    series.places.add(row.place);
    if (JUDGED.has(row.status)) series.judged += 1;
    if (row.target !== null || (row.tl || []).length) series.targets += 1;
  }
  for (const series of SERIES.values()) series.unit = commonUnit(series.rows);

  function levelRank(place) {
    const rank = LEVEL_RANK[place.level];
    return rank === undefined ? 4 : rank;
  }

  function comparePlaces(a, b) {
    return levelRank(a) - levelRank(b) || COLLATOR.compare(a.name, b.name);
  }
  const PLACE_ORDER = PLACES.map((_, p) => p).sort((a, b) => comparePlaces(PLACES[a], PLACES[b]));
  const PLACE_RANK = new Map(PLACE_ORDER.map((p, position) => [p, position]));

  // --- Small helpers.

  const filters = { goal: true, target: true, task: true, "kind-target": true, "kind-result": true };
  const state = { view: null, order: [], doc: -1, items: [], byId: new Map(), segs: new Map(), segItems: new WeakMap(), selected: null, pinned: false, flashTimer: 0, sort: { key: null, dir: 1 }, route: {} };

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

  const isNull = (value) => value === null || value === undefined;

  function num(value) {
    return isNull(value) ? "XX" : String(value);
  }

  function valueText(t) {
    const range = isNull(t.value_high) ? num(t.value) : num(t.value) + "–" + num(t.value_high);
    const mark = (CHANGE_MARK[t.change] || "") + (QUALIFIER_MARK[t.qualifier] || "");
    return (mark ? mark + " " : "") + range + (t.unit || "");
  }

  function fmt(value) {
    if (isNull(value)) return "";
    if (typeof value === "number") return String(Math.round(value * 1000) / 1000);
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  function rate(rows) {
    const judged = rows.filter((row) => JUDGED.has(row.status));
    const met = judged.filter((row) => DELIVERED.has(row.status)).length;
    return { judged: judged.length, met, share: judged.length ? met / judged.length : null };
  }

  function rateText(r) {
    return r.judged ? `${Math.round(r.share * 100)}% (${r.met}/${r.judged})` : "–";
  }

  function statusClass(status) {
    return "s-" + String(status || "").replace(/ /g, "-");
  }

  function statusWord(status) {
    return STATUS_LABEL[status] || String(status || "");
  }

  function seriesTitle(series) {
    return `${series.name} · ${MEASURE_LABEL[series.measure] || series.measure}${series.unit ? " · " + series.unit : ""}`;
  }

  function fileStem(doc) {
    return FILES[doc.file].source.split(/[\\/]/).pop().replace(/\.[^.]*$/, "");
  }

  function docYear(doc) {
    if (!isNull(doc.plan_year)) return doc.plan_year;
    return isNull(doc.review_year) ? null : doc.review_year + 1;
  }

  // A readable name: the place and year it was given in, and its title without spaced-out letters
  // (政 府 工 作 报 告); a title that names both is enough (2025年江西省政府工作报告).
  function docLabel(doc) {
    if (doc.label) return doc.label;
    const title = (doc.title || "").replace(/(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])/g, "").trim();
    const year = docYear(doc);
    const place = doc.place || (title ? null : fileStem(doc));
    const parts = [place && !title.includes(place) ? place : null, !isNull(year) && !title.includes(String(year)) ? year : null, title || null];
    return parts.filter((part) => !isNull(part)).join(" ") || fileStem(doc);
  }

  // What the overrides changed: ``[{field, from, to}]``, or the panel's own words for each change.
  function overriddenNote(list) {
    return (list || []).map((o) => (typeof o === "object" && o !== null ? (o.field ? `${o.field}: ${fmt(o.from) || "–"} → ${fmt(o.to) || "–"}` : entryText(o)) : String(o))).join("; ");
  }

  // The marks of a document, item or panel row: ``overridden`` as agreed, or the panel's ``overrides``.
  function marksOf(thing) {
    const more = Array.isArray(thing.overrides) ? thing.overrides : typeof thing.overrides === "string" && thing.overrides ? [thing.overrides] : [];
    const marks = [].concat(thing.overridden || [], more);
    return marks.length ? marks : null;
  }

  // One entry of the overrides file as the page lists it: where, what, of which source; or its fields.
  function entryText(o) {
    if (o.action) {
      const where = o.file ? `${String(o.file).split(/[\\/]/).pop()}${o.line ? ":" + o.line : ""} ` : "";
      const what = `${o.action}${o.field ? " " + o.field : ""}${isNull(o.value) ? "" : " = " + fmt(o.value)}`;
      const span = isNull(o.start) ? "" : ` ${o.start}–${o.end}`;
      return `${where}${what} — ${o.source || ""}${span}${o.matched === 0 || o.matched === false ? " (matched nothing)" : ""}`;
    }
    return Object.entries(o).filter(([, v]) => !isNull(v)).map(([k, v]) => `${k}: ${fmt(v)}`).join(" · ");
  }


  // --- Routing: the address is the state; links push an entry, changes inside a view replace it.

  function params(route) {
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries(route)) if (!isNull(value) && value !== "") out.set(key, String(value));
    return out.toString().replace(/%7C/g, "|");
  }

  function go(route, replace) {
    const hash = "#" + params(route);
    if (replace) {
      history.replaceState(history.state, "", hash);
      render(route);
    } else if (hash === location.hash) {
      render(route);
    } else {
      history.replaceState({ scroll: window.scrollY }, "", location.hash || "#");
      location.hash = hash;  // hashchange renders it
    }
  }

  // Record the address of the view as it is now (an item picked, a sort changed) without a new entry.
  function note(route) {
    state.route = route;
    history.replaceState(history.state, "", "#" + params(route));
  }

  function parseHash() {
    const found = new URLSearchParams(location.hash.slice(1));
    const route = {};
    for (const [key, value] of found) route[key] = value;
    return route;
  }

  function onHashChange() {
    render(parseHash());
    if (state.view !== "doc") window.scrollTo(0, (history.state && history.state.scroll) || 0);
  }

  function render(route) {
    closeSearch();
    hideTip();
    const single = !("ind" in route) && !("place" in route) && !("overview" in route) && DOCS.length === 1;
    const wanted = "doc" in route ? Number(route.doc) : single ? 0 : null;
    const k = Number.isInteger(wanted) && wanted >= 0 && wanted < DOCS.length ? wanted : state.order[0];
    if (("doc" in route || single) && DOCS.length && !textReady(k)) {
      showView("doc");
      $("doc-head").replaceChildren(el("p", { class: "empty" }, "Reading the text…"));
      whenTextReady(k, () => render(parseHash()));
      return;
    }
    drawn();
    if ("doc" in route) return showDocView(route);
    if ("ind" in route) return showIndicator(route);
    if ("place" in route) return showPlace(route);
    if ("overview" in route || DOCS.length !== 1) return showOverview(route);
    return showDocView({ doc: 0 });
  }

  // The page says it is ready (data-ready, for tests and the benchmark) once its first view is drawn.
  function drawn() {
    if (!document.body.dataset.ready) requestAnimationFrame(() => { document.body.dataset.ready = "1"; performance.mark("report:ready"); });
  }

  function showView(name) {
    state.view = name;
    for (const button of document.querySelectorAll("#views button")) button.classList.toggle("on", button.dataset.view === name);
    for (const id of ["overview", "indicator", "place", "layout", "doc-bar"]) $(id).hidden = true;
    $(name === "doc" ? "layout" : name).hidden = false;
    $("doc-bar").hidden = name !== "doc";
    document.body.dataset.view = name;
  }

  // --- The document view: one document, its head, its text with the items painted in, the side panes.

  function fillPicker() {
    const order = $("doc-order");
    order.value = DOCS.some((doc) => doc.place) ? "place" : "given";
    order.addEventListener("change", () => { listDocuments(); $("doc-picker").value = String(state.doc); });
    listDocuments();
    $("doc-picker").addEventListener("change", () => go({ doc: Number($("doc-picker").value) }));
    $("prev-doc").addEventListener("click", () => step(-1));
    $("next-doc").addEventListener("click", () => step(1));
  }

  function byPlaceAndYear() {
    const rank = (doc) => (isNull(doc.p) ? PLACES.length : PLACE_RANK.get(doc.p));
    return DOCS.map((_, k) => k).sort((a, b) => rank(DOCS[a]) - rank(DOCS[b]) || (docYear(DOCS[a]) || 0) - (docYear(DOCS[b]) || 0) || COLLATOR.compare(FILES[DOCS[a].file].source, FILES[DOCS[b].file].source) || a - b);
  }

  // The picker lists the documents as given (the order of the inputs and of a batch's lines) or by
  // place (level, then name) and year; prev/next follow the list.
  function listDocuments() {
    const picker = $("doc-picker");
    const byPlace = $("doc-order").value === "place";
    state.order = byPlace ? byPlaceAndYear() : DOCS.map((_, k) => k);
    picker.replaceChildren();
    let group = null, groupName = null;
    state.order.forEach((k, position) => {
      const doc = DOCS[k];
      const name = byPlace ? (isNull(doc.p) ? "(no place)" : PLACES[doc.p].name) : FILES[doc.file].source;
      if (name !== groupName) {
        group = el("optgroup", { label: name });
        picker.append(group);
        groupName = name;
      }
      const counts = `${doc.n[1]} targets · ${doc.n[2]} tasks`;
      group.append(el("option", { value: k, title: FILES[doc.file].source }, `${position + 1}/${DOCS.length}  ${docLabel(doc)}${doc.index ? " (#" + (doc.index + 1) + ")" : ""}  —  ${counts}`));
    });
  }

  function step(delta) {
    const position = state.order.indexOf(state.doc) + delta;
    if (position >= 0 && position < state.order.length) go({ doc: state.order[position] });
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

  function showDocView(route) {
    if (!DOCS.length) {
      showView("doc");
      $("doc-text").replaceChildren(el("p", { class: "no-text" }, "No document in this report."));
      return;
    }
    let k = Number(route.doc);
    if (!Number.isInteger(k) || k < 0 || k >= DOCS.length) k = state.order[0];
    const fresh = state.view !== "doc" || k !== state.doc;
    showView("doc");
    if (fresh) {
      openDocument(k);
      requestAnimationFrame(() => performance.mark("report:doc"));
    }
    if (route.item && state.byId.has(route.item)) select(route.item, true);
    state.route = { doc: k, item: route.item && state.byId.has(route.item) ? route.item : undefined };
    document.title = `${docLabel(DOCS[k])} — ${META.title}`;
  }

  function openDocument(k) {
    state.doc = k;
    complete(k);
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
    const place = isNull(doc.p) ? null : PLACES[doc.p];
    const facts = [`document ${doc.index + 1} of ${siblings}`, doc.jurisdiction && `level ${doc.jurisdiction}`, years, `chars ${doc.start}–${doc.end}`];
    const p = file.provenance;
    const prov = [`backend ${p.backend}`, p.model && `model ${p.model}`, p.prompt_version && `prompt ${p.prompt_version}`, `${p.chunks} chunks`, `${p.llm_calls} calls`, `${p.cache_hits} cache hits`, `tokens ${p.prompt_tokens} in / ${p.completion_tokens} out`, `${p.seconds} s`];
    const head = $("doc-head");
    head.replaceChildren(...present(
      el("h1", {}, docLabel(doc)),
      doc.title && docLabel(doc).indexOf(doc.title) < 0 ? el("div", { class: "doc-title" }, doc.title) : null,
      el("div", { class: "source", title: "sha256 " + file.sha256 }, file.source),
      el("div", { class: "facts" },
        place ? el("a", { href: "#" + params({ place: place.name }), class: "place-link" }, "place " + doc.place) : null,
        place ? " · " : null,
        facts.filter(Boolean).join(" · ")),
      marksOf(doc) ? el("div", { class: "ovr-note" }, "✎ corrected by the overrides: " + overriddenNote(marksOf(doc))) : null,
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

  function renderText(doc, items) {
    const text = doc.has_text ? documentText(state.doc) : null;
    const article = $("doc-text");
    state.segs = new Map();
    state.segItems = new WeakMap();
    if (text === null) {
      article.replaceChildren(el("p", { class: "no-text" }, "No source text to show. The quotes are in the list of items."));
      return;
    }
    article.replaceChildren(paint(text, items, doc.start));
  }

  // Cut the text at every item's start and end; each piece covered by items becomes one span. The
  // text goes in blocks of some 1,500 characters, cut after a line, that the browser lays out only
  // when they come into view (content-visibility), so that a long report opens at once.
  const CHUNK = 1500;
  function paint(text, items, base) {
    const events = [];
    for (const item of items) {
      const s = item.start - base, e = item.end - base;
      if (s < 0 || e > text.length || s >= e) continue;
      events.push([s, 1, item], [e, 0, item]);
      state.segs.set(item.id, []);
    }
    for (let at = text.indexOf("\n", CHUNK); at >= 0 && at < text.length - 1; at = text.indexOf("\n", at + CHUNK)) events.push([at + 1, 2, null]);
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const article = $("doc-text");
    const fontPx = parseFloat(getComputedStyle(article).fontSize) || 16;
    const perLine = Math.max(12, Math.floor((article.clientWidth || 736) / fontPx));
    const lineHeight = fontPx * 1.95;
    const fragment = document.createDocumentFragment();
    const block = (from, to) => {
      const part = text.slice(from, to);
      const lines = part.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
      const node = el("div", { class: "chunk", style: `contain-intrinsic-height: auto ${Math.round(lines * lineHeight)}px` });
      fragment.append(node);
      return node;
    };
    const cuts = events.filter((event) => event[1] === 2).map((event) => event[0]);
    const cutAt = new Set(cuts);
    let from = 0;
    let chunk = block(0, cuts.length ? cuts[0] : text.length);
    const active = new Set();
    let pos = 0;
    for (let i = 0; i < events.length;) {
      const at = events[i][0];
      // A block ends a line: the line's own \n is left out, so that copying the text gives it back.
      const end = cutAt.has(at) ? at - 1 : at;
      if (end > pos) chunk.append(piece(text.slice(pos, end), active));
      pos = Math.max(pos, at);
      for (; i < events.length && events[i][0] === at; i++) {
        const [, type, item] = events[i];
        if (type === 2) {
          from = at;
          const next = cuts.find((cut) => cut > at);
          chunk = block(from, next === undefined ? text.length : next);
        } else if (type === 1) active.add(item);
        else active.delete(item);
      }
    }
    if (pos < text.length) chunk.append(text.slice(pos));
    return fragment;
  }

  function piece(str, active) {
    if (!active.size) return document.createTextNode(str);
    const covering = [...active];
    const classes = new Set(["hl"]);
    for (const item of covering) {
      classes.add(item.kind === "target" ? "h-" + item.tkind : "h-" + item.kind);
      if (marksOf(item.data)) classes.add("ovr");
    }
    const span = el("span", { class: [...classes].join(" ") }, str);
    state.segItems.set(span, covering);
    for (const item of covering) state.segs.get(item.id).push(span);
    return span;
  }

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
    const corrected = marksOf(d);
    const entry = el("li", { class: "item k-" + (item.tkind || item.kind) + (corrected ? " ovr" : ""), dataset: { id: item.id }, tabindex: 0, title: d.quote },
      el("span", { class: "badge" }, item.tkind || item.kind),
      el("span", { class: "label" }, label(item)));
    if (item.kind === "target") {
      entry.append(el("span", { class: "val" }, valueText(d)));
      if (!isNull(d.year)) entry.append(el("span", { class: "year" }, d.year));
    } else if (item.kind === "task") {
      entry.append(el("span", { class: "area" }, d.area + (d.subtasks.length ? ` · ${d.subtasks.length} sub` : "")));
    }
    if (corrected) entry.append(el("span", { class: "ovr-mark", title: "corrected by the overrides" }, "✎ " + overriddenNote(corrected)));
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
      const value = isNull(t.value_high) ? num(t.value) : `${num(t.value)}–${num(t.value_high)}`;
      return el("tr", { dataset: { id: item.id }, class: "k-" + t.kind, title: t.quote },
        el("td", {}, t.indicator), el("td", { class: "num" }, value), el("td", {}, t.unit ?? ""),
        el("td", {}, t.change), el("td", {}, t.qualifier ?? ""), el("td", {}, t.kind), el("td", {}, t.year ?? ""));
    }));
    const table = el("div", { class: "scroll-x" }, el("table", { class: "targets" }, el("thead", {}, head), body));
    $("pane-table").replaceChildren(rows.length ? table : el("p", { class: "empty" }, "No target shown (check the filters)."));
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (isNull(a)) return 1;
    if (isNull(b)) return -1;
    return typeof a === "number" && typeof b === "number" ? a - b : COLLATOR.compare(String(a), String(b));
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

  // Selecting an item: scroll its span into view and flash it.
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
    note({ doc: state.doc, item: id });
  }

  function stepItem(delta) {
    const ids = [...document.querySelectorAll("#pane-items [data-id]")].map((node) => node.dataset.id);
    if (!ids.length) return;
    const at = ids.indexOf(state.selected);
    const next = at < 0 ? (delta > 0 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, at + delta));
    select(ids[next], true);
  }

  // The tooltip of a highlighted span: every item it belongs to, a target with its normalized fields.
  function tipFor(items) {
    const box = el("div");
    for (const item of items) {
      const d = item.data;
      const card = el("div", { class: "card k-" + (item.tkind || item.kind) }, el("div", { class: "card-head" }, el("span", { class: "badge" }, item.tkind || item.kind), " ", label(item)));
      if (item.kind === "target") {
        const rows = [["value", isNull(d.value_high) ? num(d.value) : `${num(d.value)} – ${num(d.value_high)}`], ["unit", d.unit ?? "–"], ["change", CHANGE[d.change] || d.change], ["qualifier", QUALIFIER[d.qualifier] || "exact"], ["kind", d.kind === "target" ? "target 预期目标" : "result 实绩"], ["year", d.year ?? "–"]];
        if (!isNull(d.stretch)) rows.push(["stretch", "力争 " + d.stretch]);
        if (d.indicator_id) rows.push(["indicator id", d.indicator_id + (INDICATORS[d.indicator_id] ? " · " + INDICATORS[d.indicator_id].zh : "")]);
        card.append(el("dl", {}, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
      } else if (item.kind === "task") {
        card.append(el("div", { class: "meta" }, "area " + d.area), ...d.subtasks.slice(0, 8).map((s) => el("div", { class: "sub" }, "· " + s)));
      }
      if (marksOf(d)) card.append(el("div", { class: "ovr-note" }, "✎ corrected: " + overriddenNote(marksOf(d))));
      box.append(card);
    }
    return box;
  }

  function placeTip(anchor, content) {
    const tip = $("tip");
    tip.replaceChildren(content);
    tip.hidden = false;
    const rect = anchor.getBoundingClientRect();
    const width = tip.offsetWidth, height = tip.offsetHeight;
    const left = Math.min(window.innerWidth - width - 8, Math.max(8, rect.left));
    const top = rect.bottom + 6 + height < window.innerHeight ? rect.bottom + 6 : Math.max(8, rect.top - height - 6);
    tip.style.left = left + "px";
    tip.style.top = top + "px";
  }

  function showTip(span) {
    const items = state.segItems.get(span);
    if (items) placeTip(span, tipFor(items));
  }

  function hideTip() {
    state.pinned = false;
    $("tip").hidden = true;
  }

  function wireDocView() {
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
  }

  function openTab(name) {
    for (const button of document.querySelectorAll("#tabs button")) button.classList.toggle("on", button.dataset.tab === name);
    for (const pane of document.querySelectorAll("#side .pane")) pane.classList.toggle("on", pane.id === "pane-" + name);
  }

  function sortBy(key) {
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
    renderTable(state.items.filter((item) => item.kind === "target" && visible(item)));
  }

  // --- Panel cells: target, result, status in a colour and a word; each value a link to its quote.

  function linkOf(list) {
    for (const link of list || []) if (Array.isArray(link)) return link;
    return null;
  }

  function linkQuote(link) {
    if (!Array.isArray(link)) return `${link.quote} — ${link.source}`;
    if (!textReady(link[0])) return docLabel(DOCS[link[0]]);
    const doc = complete(link[0]);
    const target = doc.targets[link[1]];
    return `${target ? target.quote : ""} — ${docLabel(doc)}`;
  }

  function valueLink(list, text, cls) {
    const link = linkOf(list);
    if (!link) return el("span", { class: cls, title: (list || []).length ? linkQuote(list[0]) : null }, text);
    return el("button", { type: "button", class: cls, dataset: { doc: link[0], item: "t" + link[1] } }, text);
  }

  function targetText(row) {
    if (isNull(row.target)) return null;
    const range = isNull(row.target_high) ? fmt(row.target) : `${fmt(row.target)}–${fmt(row.target_high)}`;
    return (QUALIFIER_MARK[row.target_qualifier] || "") + range;
  }

  function gapText(gap) {
    return typeof gap === "number" ? (gap > 0 ? "+" : "") + fmt(gap) : fmt(gap);
  }

  function ownUnit(row, unit) {
    return unit !== undefined && (row.unit || "") !== (unit || "") ? row.unit || "" : "";
  }

  // A cell in the unit of its row or column; a figure in another unit says which.
  function cellNode(row, unit) {
    if (!row) return el("td", { class: "cell empty" });
    const own = ownUnit(row, unit);
    const corrected = marksOf(row);
    const td = el("td", { class: `cell ${statusClass(row.status)}${corrected ? " ovr" : ""}`, dataset: { cell: row.k }, tabindex: 0 });
    const target = targetText(row);
    if (target !== null) {
      const t = valueLink(row.tl, "T " + target + own, "tv");
      if (!isNull(row.stretch)) t.append(el("span", { class: "stretch" }, " 力争" + fmt(row.stretch)));
      td.append(t);
    } else if ((row.tl || []).length > 1) td.append(valueLink(row.tl, "T ?", "tv"));
    if (!isNull(row.result)) td.append(valueLink(row.rl, "R " + fmt(row.result) + own, "rv"));
    else if ((row.rl || []).length > 1) td.append(valueLink(row.rl, "R ?", "rv"));
    if (!isNull(row.gap) && row.gap !== "") td.append(el("span", { class: "gap" }, "gap " + gapText(row.gap)));
    td.append(el("span", { class: "status" }, (corrected ? "✎ " : "") + statusWord(row.status) + (row.horizon && row.horizon !== "annual" ? " · " + row.horizon : "")));
    return td;
  }

  // Every column of a cell's row, the ones the panel adds later included.
  function cellDetails(row) {
    const rows = [["place", row.place], ["indicator", `${row.indicator} (${row.indicator_id}) · ${MEASURE_LABEL[row.measure] || row.measure}`], ["year", row.year], ["unit", row.unit]];
    for (const [key, value] of Object.entries(row)) {
      if (SHOWN.has(key) || key === "series" || key === "p" || key === "k" || key === "overridden" || key === "overrides" || isNull(value) || value === "") continue;
      rows.push([COLUMN_LABEL[key] || key.replace(/_/g, " "), key === "status" ? statusWord(value) : fmt(value)]);
    }
    const box = el("div", { class: "card" }, el("dl", {}, ...rows.filter(([, v]) => !isNull(v) && v !== "").flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
    if (marksOf(row)) box.append(el("div", { class: "ovr-note" }, "✎ corrected: " + overriddenNote(marksOf(row))));
    for (const [name, list] of [["target", row.tl], ["result", row.rl]]) {
      for (const link of list || []) box.append(el("div", { class: "quote" }, name + ": " + linkQuote(link)));
    }
    return box;
  }

  function wireCells(container) {
    container.addEventListener("click", (event) => {
      const link = event.target.closest("[data-doc]");
      if (link) { event.preventDefault(); go({ doc: Number(link.dataset.doc), item: link.dataset.item || undefined }); }
    });
    const show = (event) => {
      const cell = event.target.closest("td[data-cell]");
      if (cell) placeTip(cell, cellDetails(PANEL[Number(cell.dataset.cell)]));
    };
    container.addEventListener("mouseover", show);
    container.addEventListener("focusin", show);
    container.addEventListener("mouseout", (event) => { if (event.target.closest("td[data-cell]")) $("tip").hidden = true; });
  }

  function statusLegend() {
    return el("div", { class: "status-legend" }, ...STATUSES.map((status) => el("span", { class: "cell " + statusClass(status) }, statusWord(status))));
  }

  // --- Charts, drawn at the size they are shown, so that 11 px is 11 px on any screen.

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function round(v) {
    const a = Math.abs(v);
    return String(a >= 100 ? Math.round(v) : a >= 10 ? Math.round(v * 10) / 10 : Math.round(v * 100) / 100);
  }

  // A step between year labels wide enough that they never overlap.
  function yearStep(pxPerYear, labelWidth) {
    for (const s of [1, 2, 5, 10, 20, 25, 50, 100]) if (s * pxPerYear >= labelWidth) return s;
    return 200;
  }

  // Target (dashed) and result (solid) over the years; a line joins only consecutive years, so a
  // missing year breaks it (never a line from 2004 to 2021).
  function lineChart(rows, width, compact, domain) {
    const H = compact ? 150 : 220, R = 20, T = 10, B = 26;
    const font = phone() ? 12 : 11;
    let L = 44;
    const byYear = new Map(rows.map((row) => [row.year, row]));
    const years = rows.map((row) => row.year).sort((a, b) => a - b);
    const values = rows.flatMap((row) => [row.target, row.target_high, row.result]).filter((v) => typeof v === "number");
    const svg = svgEl("svg", { width, height: H, viewBox: `0 0 ${width} ${H}`, class: "chart" });
    if (!years.length || !values.length) {
      svg.append(svgEl("text", { x: width / 2, y: H / 2, class: "xlab" }, "no value to draw"));
      return svg;
    }
    let low = Math.min(...values), high = Math.max(...values);
    if (low === high) { low -= 1; high += 1; }
    const pad = (high - low) * 0.12;
    low -= pad; high += pad;
    const ticks = [low + pad, (low + high) / 2, high - pad];
    L = Math.max(28, 8 + Math.max(...ticks.map((v) => round(v).length)) * font * 0.62);  // room for the widest value
    const first = domain ? domain[0] : years[0], last = domain ? domain[1] : years[years.length - 1];
    const plot = width - L - R;
    const x = (year) => L + (last === first ? plot / 2 : ((year - first) / (last - first)) * plot);
    const y = (v) => T + (1 - (v - low) / (high - low)) * (H - T - B);
    for (const v of ticks) {
      svg.append(svgEl("line", { x1: L, x2: width - R, y1: y(v), y2: y(v), class: "grid" }));
      svg.append(svgEl("text", { x: L - 4, y: y(v) + font / 3, class: "ylab" }, round(v)));
    }
    const stepYears = yearStep(last === first ? plot : plot / (last - first), font * 0.62 * 4 + 8);
    for (let year = Math.ceil(first / stepYears) * stepYears; year <= last; year += stepYears) {
      svg.append(svgEl("text", { x: x(year), y: H - 8, class: "xlab" }, String(year)));
    }
    if (first % stepYears && last - first < stepYears) svg.append(svgEl("text", { x: x(first), y: H - 8, class: "xlab" }, String(first)));
    for (const [key, cls, name] of [["target", "target", "target 目标"], ["result", "result", "result 实绩"]]) {
      let run = [];
      const flush = () => {
        if (run.length > 1) svg.append(svgEl("polyline", { points: run.map((year) => `${x(year)},${y(byYear.get(year)[key])}`).join(" "), class: "line " + cls, "data-from": run[0], "data-to": run[run.length - 1] }));
        run = [];
      };
      for (const year of years) {
        const row = byYear.get(year);
        if (typeof row[key] !== "number") { flush(); continue; }
        if (run.length && run[run.length - 1] !== year - 1) flush();
        run.push(year);
        const dot = svgEl("circle", { cx: x(year), cy: y(row[key]), r: compact ? 3 : 4, class: `dot ${cls} ${key === "result" ? statusClass(row.status) : ""}` });
        dot.append(svgEl("title", {}, `${year} ${name}: ${fmt(row[key])}${row.unit || ""}${key === "result" ? " (" + statusWord(row.status) + ")" : ""}`));
        svg.append(dot);
      }
      flush();
    }
    return svg;
  }

  // One year of one indicator, place by place: the target (a ring, a bar for a range) and the result (a dot in its status colour).
  // ``centers``: the height of each row's line, to stand beside a table's rows (then without names).
  function dotPlot(rows, width, centers) {
    const font = phone() ? 12 : 11, lineH = 22, R = 16, T = 8, B = 24;
    const L = centers ? 12 : Math.min(120, Math.round(width * 0.3));
    const middle = (i) => (centers ? centers[i] : T + i * lineH + lineH / 2);
    const H = (rows.length ? middle(rows.length - 1) + lineH / 2 : T) + B;
    const values = rows.flatMap((row) => [row.target, row.target_high, row.result]).filter((v) => typeof v === "number");
    const svg = svgEl("svg", { width, height: H, viewBox: `0 0 ${width} ${H}`, class: "chart dots" });
    if (!values.length) return svg;
    let low = Math.min(...values), high = Math.max(...values);
    if (low === high) { low -= 1; high += 1; }
    const pad = (high - low) * 0.08;
    low -= pad; high += pad;
    const x = (v) => L + ((v - low) / (high - low)) * (width - L - R);
    for (const v of [low + pad, (low + high) / 2, high - pad]) {
      svg.append(svgEl("line", { x1: x(v), x2: x(v), y1: T, y2: H - B, class: "grid" }));
      svg.append(svgEl("text", { x: x(v), y: H - 8, class: "xlab" }, round(v)));
    }
    rows.forEach((row, i) => {
      const cy = middle(i);
      if (!centers) svg.append(svgEl("text", { x: L - 6, y: cy + font / 3, class: "ylab" }, row.place));
      if (typeof row.target === "number") {
        if (typeof row.target_high === "number") svg.append(svgEl("line", { x1: x(row.target), x2: x(row.target_high), y1: cy, y2: cy, class: "range" }));
        const ring = svgEl("circle", { cx: x(row.target), cy, r: 5, class: "dot target" });
        ring.append(svgEl("title", {}, `${row.place} target ${targetText(row)}`));
        svg.append(ring);
      }
      if (typeof row.result === "number") {
        const dot = svgEl("circle", { cx: x(row.result), cy, r: 4, class: "dot result " + statusClass(row.status) });
        dot.append(svgEl("title", {}, `${row.place} result ${fmt(row.result)} (${statusWord(row.status)})`));
        svg.append(dot);
      }
    });
    return svg;
  }

  function dotLegend() {
    return el("div", { class: "chart-legend" }, el("span", { class: "lg target" }, "○ target 目标 (a bar: a range)"), el("span", { class: "lg result" }, "● result 实绩, in its status colour"));
  }

  function widthOf(node, fallback) {
    return Math.max(160, Math.floor(node.clientWidth || fallback));
  }

  // --- The indicator view: one indicator's target, result and status for every place and year.

  function seriesList() {
    return [...SERIES.values()].sort((a, b) => b.judged - a.judged || b.places.size - a.places.size || COLLATOR.compare(a.name, b.name));
  }

  // The headline: GDP growth where the panel has it, else the series with the most judged cells.
  function headlineSeries() {
    return SERIES.get("gdp|growth") || seriesList()[0] || null;
  }

  function defaultYear(rows) {
    const judged = rows.filter((row) => JUDGED.has(row.status)).map((row) => row.year);
    if (judged.length) return Math.max(...judged);
    const targets = rows.filter((row) => !isNull(row.target)).map((row) => row.year);
    return targets.length ? Math.max(...targets) : Math.max(...rows.map((row) => row.year));
  }

  const SORTS = { place: "place 地区", target: "target 目标", result: "result 实绩", gap: "gap 差距", status: "status 状态" };

  function sortPlaces(places, cellAt, key, dir, unit) {
    const rank = (p) => PLACE_RANK.get(p) ?? PLACES.length;
    const statusRank = (row) => (row ? STATUSES.indexOf(row.status) : STATUSES.length);
    const value = (cell) => {
      if (!cell) return null;
      const row = scaled(cell, unit);
      if (key === "gap") return typeof row.gap === "number" ? row.gap : (typeof row.result === "number" && typeof row.target === "number" ? row.result - row.target : null);
      return typeof row[key] === "number" ? row[key] : null;
    };
    return places.slice().sort((a, b) => {
      if (key === "place") return (rank(a) - rank(b)) * dir;
      if (key === "status") {
        const s = statusRank(cellAt(a)) - statusRank(cellAt(b));
        return (cellAt(a) && cellAt(b) ? s * dir : s) || rank(a) - rank(b);
      }
      const va = value(cellAt(a)), vb = value(cellAt(b));
      if (va === null || vb === null) return (va === null) - (vb === null) || rank(a) - rank(b);
      return (va - vb) * dir || rank(a) - rank(b);
    });
  }

  function showIndicator(route) {
    showView("indicator");
    const box = $("indicator");
    const series = SERIES.get(`${route.ind}|${route.m}`) || (route.m ? null : seriesList().find((s) => s.id === route.ind)) || null;
    if (!series) {
      box.replaceChildren(el("p", { class: "empty" }, SERIES.size ? `No indicator “${route.ind || ""}” ${route.m || ""} in the panel. Pick one:` : "No document here has a place and a target with an indicator id, so there is no panel to show."), indicatorPicker(null));
      return;
    }
    const levels = [...new Set(series.rows.map((row) => (row.p >= 0 ? levelRank(PLACES[row.p]) : 4)))].sort();
    const level = route.level === undefined || route.level === "" ? null : LEVEL_KEY.includes(route.level) ? LEVEL_KEY.indexOf(route.level) : LEVEL_RANK[route.level] ?? null;
    const rows = series.rows.filter((row) => level === null || (row.p >= 0 ? levelRank(PLACES[row.p]) : 4) === level);
    const allYears = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
    const year = route.year !== undefined && allYears.includes(Number(route.year)) ? Number(route.year) : defaultYear(rows.length ? rows : series.rows);
    const to = route.to !== undefined ? Number(route.to) : Math.max(allYears[allYears.length - 1] ?? year, year);
    const from = route.from !== undefined ? Number(route.from) : Math.min(year, allYears.filter((y) => y <= to).slice(-YEARS_SHOWN)[0] ?? year);
    const years = allYears.filter((y) => y >= from && y <= to);
    const key = SORTS[route.sort] ? route.sort : "status";
    const dir = String(route.dir) === "-1" ? -1 : 1;
    const here = { ind: series.id, m: series.measure, year, sort: key, dir: dir === 1 ? undefined : -1, level: level === null ? undefined : LEVEL_KEY[level], from: route.from, to: route.to };
    state.route = here;
    const cells = new Map(rows.map((row) => [row.p + ":" + row.year, row]));
    const places = [...new Set(rows.filter((row) => row.year >= from && row.year <= to).map((row) => row.p))];
    const ordered = sortPlaces(places, (p) => cells.get(p + ":" + year), key, dir, series.unit);
    const info = INDICATORS[series.id];
    const r = rate(rows.filter((row) => row.year === year));
    box.replaceChildren(
      el("div", { class: "view-head" },
        el("h1", {}, seriesTitle(series)),
        el("div", { class: "sub" }, `${series.id}${info ? " · " + info.en : ""}${info && info.better ? " · better " + info.better : ""} · ${series.places.size} places · ${year}: ${rate(rows.filter((row) => row.year === year)).judged} judged, met rate ${rateText(r)}`)),
      el("div", { class: "toolbar" },
        indicatorPicker(series),
        el("label", {}, "year ", selectBox("ind-year", allYears.map((y) => [y, String(y)]), year)),
        el("label", {}, "level ", selectBox("ind-level", [["", "all levels"], ...levels.filter((l) => l < LEVEL_KEY.length).map((l) => [LEVEL_KEY[l], LEVEL_NAME[l]])], level === null ? "" : LEVEL_KEY[level])),
        el("label", {}, "from ", selectBox("ind-from", allYears.map((y) => [y, String(y)]), from)),
        el("label", {}, "to ", selectBox("ind-to", allYears.map((y) => [y, String(y)]), to)),
        el("span", { class: "sorts", id: "ind-sort" }, "sort ", ...Object.entries(SORTS).map(([name, text]) => el("button", { type: "button", class: name === key ? "on" : null, dataset: { sort: name }, title: name === key ? "again to reverse" : `by ${name} in ${year}` }, text + (name === key ? (dir > 0 ? " ▲" : " ▼") : ""))))),
      statusLegend(),
      el("p", { class: "explain" }, `Each place's target for a year against the result a later report gave for it; sorted by the ${key} of ${year} (the column marked). Click a year to sort by it, a value for its place in the text; hover a cell for all its columns.` + (allYears.length > years.length ? ` Years ${from}–${to} of ${allYears[0]}–${allYears[allYears.length - 1]} shown.` : "")),
      indicatorTable(ordered, years, year, cells, series.unit),
      el("h2", {}, `${year}: target and result by place`),
      el("div", { id: "ind-dots", class: "chart-box" }));
    const focusRows = ordered.map((p) => cells.get(p + ":" + year)).filter(Boolean).map((row) => scaled(row, series.unit));
    $("ind-dots").replaceChildren(dotPlot(focusRows, widthOf($("ind-dots"), 600)), dotLegend());
    const scroller = box.querySelector(".scroll-x");
    const focus = box.querySelector("th.focus");
    if (scroller && focus) scroller.scrollLeft = Math.max(0, focus.offsetLeft - scroller.clientWidth / 2);
    document.title = `${seriesTitle(series)} — ${META.title}`;
  }

  function selectBox(id, options, value) {
    const node = el("select", { id }, ...options.map(([v, text]) => el("option", { value: v }, text)));
    node.value = String(value);
    return node;
  }

  function indicatorPicker(current) {
    const node = el("select", { id: "ind-picker", "aria-label": "indicator" });
    for (const series of seriesList()) {
      node.append(el("option", { value: series.key }, `${series.name} · ${MEASURE_LABEL[series.measure] || series.measure} — ${series.places.size} places, ${series.judged} judged`));
    }
    if (current) node.value = current.key;
    return node;
  }

  function indicatorTable(places, years, year, cells, unit) {
    if (!places.length) return el("p", { class: "empty" }, "No place has a figure of this indicator in these years.");
    const head = el("tr", {},
      el("th", { class: "ind sortable", dataset: { sort: "place" } }, "place 地区"),
      ...years.map((y) => el("th", { class: "yr" + (y === year ? " focus" : ""), dataset: { year: y }, title: `sort by ${y}` }, y)),
      el("th", { class: "rate" }, "met rate"));
    const body = el("tbody", {}, ...places.map((p) => {
      const place = p >= 0 ? PLACES[p] : { name: "?" };
      const own = years.map((y) => cells.get(p + ":" + y)).filter(Boolean);
      return el("tr", { dataset: { place: place.name } },
        el("th", { class: "ind", scope: "row" }, el("a", { href: "#" + params({ place: place.name }) }, place.name), el("span", { class: "measure" }, place.level || "")),
        ...years.map((y) => cellNode(cells.get(p + ":" + y), unit)),
        el("td", { class: "rate" }, rateText(rate(own))));
    }));
    const all = [...cells.values()].filter((row) => places.includes(row.p));
    const foot = el("tfoot", {}, el("tr", {}, el("th", { class: "ind" }, "met rate"),
      ...years.map((y) => el("td", { class: "rate" + (y === year ? " focus" : "") }, rateText(rate(all.filter((row) => row.year === y))))),
      el("td", { class: "rate" }, rateText(rate(all.filter((row) => years.includes(row.year)))))));
    return el("div", { class: "scroll-x" }, el("table", { class: "panel across", id: "ind-table" }, el("thead", {}, head), body, foot));
  }

  function wireIndicator() {
    const box = $("indicator");
    wireCells(box);
    box.addEventListener("change", (event) => {
      const route = Object.assign({}, state.route);
      const id = event.target.id;
      if (id === "ind-picker") {
        const [ind, m] = event.target.value.split("|");
        return go({ ind, m, level: route.level });
      }
      if (id === "ind-year") route.year = event.target.value;
      if (id === "ind-level") { route.level = event.target.value; route.year = undefined; route.from = undefined; route.to = undefined; }
      if (id === "ind-from") route.from = event.target.value;
      if (id === "ind-to") route.to = event.target.value;
      go(route, true);
    });
    box.addEventListener("click", (event) => {
      const sort = event.target.closest("[data-sort]");
      const year = event.target.closest("th[data-year]");
      const route = Object.assign({}, state.route);
      if (sort) {
        const same = route.sort === sort.dataset.sort;
        route.dir = same && route.dir !== -1 ? -1 : undefined;
        route.sort = sort.dataset.sort;
        go(route, true);
      } else if (year) {
        route.year = year.dataset.year;
        if (route.sort === "place") route.sort = "status";
        go(route, true);
      }
    });
  }

  // --- The place view: one place's indicators by year, and a small chart for each.

  function showPlace(route) {
    showView("place");
    const box = $("place");
    if (!PLACES.length) {
      box.replaceChildren(el("p", { class: "empty" }, "No document here has a place, so there is no panel to show." + (UNPLACED ? ` (${UNPLACED} document(s) without a place.)` : "")));
      return;
    }
    const p = PLACE_INDEX.has(route.place) ? PLACE_INDEX.get(route.place) : PLACE_ORDER[0];
    const place = PLACES[p];
    const all = route.all === "1";
    state.route = { place: place.name, all: all ? 1 : undefined };
    const rows = PANEL.filter((row) => row.p === p);
    const bySeries = new Map();
    for (const row of rows) {
      if (!bySeries.has(row.series)) bySeries.set(row.series, []);
      bySeries.get(row.series).push(row);
    }
    const order = [...bySeries.keys()].sort((a, b) => bySeries.get(a)[0].k - bySeries.get(b)[0].k);
    const shown = order.filter((key) => all || bySeries.get(key).some((row) => !isNull(row.target) || (row.tl || []).length));
    const years = [...new Set(shown.flatMap((key) => bySeries.get(key).map((row) => row.year)))].sort((a, b) => a - b);
    const yearsRated = years.filter((y) => rate(rows.filter((row) => row.year === y)).judged);
    box.replaceChildren(
      el("div", { class: "view-head" },
        el("h1", {}, place.name),
        el("div", { class: "sub" }, [place.level, place.parent && "in " + place.parent, `${place.docs.length} document(s)`, `${bySeries.size} indicators`, `met rate ${rateText(rate(rows))}`].filter(Boolean).join(" · "))),
      el("div", { class: "toolbar" },
        placePicker(p),
        el("label", {}, el("input", { type: "checkbox", id: "targets-only", checked: !all }), " only indicators with a target")),
      statusLegend(),
      yearsRated.length ? el("div", { class: "scroll-x" }, el("table", { class: "rates" },
        el("tr", {}, el("th", {}, "year"), ...yearsRated.map((y) => el("th", {}, y))),
        el("tr", {}, el("th", {}, "met rate"), ...yearsRated.map((y) => el("td", {}, rateText(rate(rows.filter((row) => row.year === y)))))))) : null,
      el("p", { class: "explain" }, `Each indicator's target for a year against the result a later report gave for it. Click an indicator's name for it across places, a value for its place in the text.` + (UNPLACED ? ` ${UNPLACED} document(s) without a place are not in the panel.` : "")),
      el("div", { class: "multiples", id: "place-charts" }),
      shown.length ? placeTable(shown.map((key) => bySeries.get(key)), years)
        : el("p", { class: "empty" }, "No indicator of this place has a target (untick “only indicators with a target” to see its results)."));
    const charts = $("place-charts");
    const room = widthOf(charts, 1000), columns = Math.max(1, Math.floor((room + 12) / (phone() ? 172 : 312)));
    const chartWidth = Math.floor((room - 12 * (columns - 1)) / columns);
    for (const key of shown) {
      const series = SERIES.get(key), rows = bySeries.get(key), unit = commonUnit(rows);
      const title = `${series.name} · ${MEASURE_LABEL[series.measure] || series.measure}${unit ? " · " + unit : ""}`;
      charts.append(el("figure", { class: "small", style: `width: ${chartWidth}px` },
        el("figcaption", {}, el("a", { href: "#" + params({ ind: series.id, m: series.measure, level: LEVEL_KEY[levelRank(place)] }) }, title)),
        lineChart(rows.map((row) => scaled(row, unit)), chartWidth, true, [years[0], years[years.length - 1]])));
    }
    if (shown.length) charts.append(el("div", { class: "chart-legend" }, el("span", { class: "lg target" }, "- - target 目标"), el("span", { class: "lg result" }, "—— result 实绩 (a gap: a year without a figure)")));
    const scroller = box.querySelector("#place-table-box");
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
    document.title = `${place.name} — ${META.title}`;
  }

  function placePicker(current) {
    const node = el("select", { id: "place-picker", "aria-label": "place" });
    let group = null, groupRank = null;
    for (const p of PLACE_ORDER) {
      const place = PLACES[p];
      if (levelRank(place) !== groupRank) {
        groupRank = levelRank(place);
        group = el("optgroup", { label: LEVEL_NAME[groupRank] || "other" });
        node.append(group);
      }
      const cells = PANEL.filter((row) => row.p === p).length;
      group.append(el("option", { value: place.name }, `${place.name} — ${place.docs.length} document(s), ${cells} cells`));
    }
    node.value = PLACES[current].name;
    return node;
  }

  function placeTable(seriesRows, years) {
    const head = el("tr", {}, el("th", { class: "ind" }, "indicator 指标"), ...years.map((y) => el("th", { class: "yr" }, y)));
    const body = el("tbody", {}, ...seriesRows.map((rows) => {
      const first = rows[0];
      const unit = commonUnit(rows);
      const byYear = new Map(rows.map((row) => [row.year, row]));
      return el("tr", { dataset: { series: first.series } },
        el("th", { class: "ind", scope: "row", title: first.indicator_id },
          el("a", { class: "name", href: "#" + params({ ind: first.indicator_id, m: first.measure }) }, first.indicator),
          el("span", { class: "measure" }, (MEASURE_LABEL[first.measure] || first.measure) + (unit ? " · " + unit : ""))),
        ...years.map((y) => cellNode(byYear.get(y), unit)));
    }));
    return el("div", { class: "scroll-x", id: "place-table-box" }, el("table", { class: "panel", id: "place-table" }, el("thead", {}, head), body));
  }

  function wirePlace() {
    const box = $("place");
    wireCells(box);
    box.addEventListener("change", (event) => {
      if (event.target.id === "place-picker") go({ place: event.target.value, all: state.route.all });
      if (event.target.id === "targets-only") go({ place: state.route.place, all: event.target.checked ? undefined : 1 }, true);
    });
  }

  // --- The overview: the first screen.

  function showOverview() {
    showView("overview");
    state.route = { overview: 1 };
    const box = $("overview");
    const years = DOCS.map(docYear).filter((y) => !isNull(y));
    const levels = LEVEL_NAME.map((name, rank) => [name, PLACES.filter((place) => levelRank(place) === rank).length]).filter(([, n]) => n);
    const items = DOCS.reduce((n, doc) => n + doc.n[0] + doc.n[1] + doc.n[2], 0);
    const summary = [`${DOCS.length} document(s) from ${FILES.length} file(s)`, years.length ? `${Math.min(...years)}–${Math.max(...years)}` : null, PLACES.length ? `${PLACES.length} places (${levels.map(([name, n]) => `${n} ${name.split(" ")[0]}`).join(", ")})` : null, `${items} items`, PANEL.length ? `${PANEL.length} panel cells, met rate ${rateText(rate(PANEL))}` : null];
    const main = el("div", { class: "ov-main" });
    const side = el("div", { class: "ov-side" }, el("h2", {}, `Documents (${DOCS.length})`), documentList());
    box.replaceChildren(
      el("div", { class: "view-head" }, el("h1", {}, META.title), el("div", { class: "sub" }, summary.filter(Boolean).join(" · ") + ` · made ${META.generated} by summarizer ${META.version}`)),
      el("div", { class: "ov-grid" }, main, side));
    const headline = headlineSeries();
    if (headline) {
      main.append(headlineBlock(headline));
      headlineDots(headline);
    }
    if (PANEL.length) main.append(ratesByYear(), ratesByPlace());
    else main.append(el("p", { class: "empty" }, "No document here has a place and a target with an indicator id, so there is no panel across places." + (UNPLACED ? ` (${UNPLACED} document(s) without a place.)` : "")));
    if (OVERRIDES.length) main.append(overridesBlock());
    document.title = META.title;
  }

  // The headline indicator in its latest judged year, place by place: target, result, gap, status.
  function headlineBlock(series) {
    const year = defaultYear(series.rows);
    const rows = series.rows.filter((row) => row.year === year).sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || (PLACE_RANK.get(a.p) ?? 0) - (PLACE_RANK.get(b.p) ?? 0));
    const counts = STATUSES.map((status) => [status, rows.filter((row) => row.status === status).length]).filter(([, n]) => n);
    const table = el("table", { class: "panel list", id: "headline-table" },
      el("thead", {}, el("tr", {}, ...["place 地区", "target 目标", "result 实绩", "gap 差距", "status 状态"].map((name, i) => el("th", { class: i ? null : "ind" }, name)))),
      el("tbody", {}, ...rows.map((row) => el("tr", { dataset: { place: row.place } },
        el("th", { class: "ind" }, el("a", { href: "#" + params({ place: row.place }) }, row.place)),
        el("td", { class: "num" }, targetText(row) === null ? "" : valueLink(row.tl, targetText(row) + ownUnit(row, series.unit), "tv")),
        el("td", { class: "num" }, isNull(row.result) ? "" : valueLink(row.rl, fmt(row.result) + ownUnit(row, series.unit), "rv")),
        el("td", { class: "num" }, isNull(row.gap) ? (typeof row.result === "number" && typeof row.target === "number" ? gapText(Math.round((row.result - row.target) * 1000) / 1000) : "") : gapText(row.gap)),
        el("td", { class: "cell " + statusClass(row.status), dataset: { cell: row.k }, tabindex: 0 }, el("span", { class: "status" }, statusWord(row.status)))))));
    return el("section", { class: "ov-block", id: "headline" },
      el("h2", {}, `${seriesTitle(series)} · ${year}`),
      el("p", { class: "sub" }, counts.map(([status, n]) => `${n} ${status}`).join(" · ") + ` · met rate ${rateText(rate(rows))} · `,
        el("a", { href: "#" + params({ ind: series.id, m: series.measure, year }), id: "headline-link" }, "all places and years →")),
      el("div", { class: "headline-row" }, el("div", { class: "scroll-x" }, table), el("div", { id: "headline-dots", class: "chart-box" })));
  }

  // Beside the headline table, on a wide screen: each place's target and result on one scale, row by row.
  function headlineDots(series) {
    const box = $("headline-dots"), table = $("headline-table");
    if (!box || !table || phone()) return;
    const top = table.getBoundingClientRect().top;
    const trs = [...table.tBodies[0].rows];
    const centers = trs.map((tr) => { const r = tr.getBoundingClientRect(); return r.top - top + r.height / 2; });
    const rows = trs.map((tr) => PANEL[Number(tr.querySelector("td[data-cell]").dataset.cell)]).map((row) => scaled(row, series.unit));
    box.replaceChildren(dotPlot(rows, Math.min(420, widthOf(box, 360)), centers), dotLegend());
  }

  function rateBar(r) {
    const bar = el("span", { class: "bar" });
    if (r.share !== null) bar.append(el("span", { class: "fill", style: `width: ${Math.round(r.share * 100)}%` }));
    return bar;
  }

  function ratesByYear() {
    const years = [...new Set(PANEL.filter((row) => JUDGED.has(row.status)).map((row) => row.year))].sort((a, b) => b - a);
    return el("section", { class: "ov-block", id: "rates-year" },
      el("h2", {}, "Met rate by year (all places and indicators)"),
      el("p", { class: "sub" }, "met rate: met or reached, of the targets with a result (met, reached, missed, not reached)."),
      el("div", { class: "scroll-x" }, el("table", { class: "rates" },
        el("thead", {}, el("tr", {}, el("th", {}, "year"), el("th", {}, "judged"), el("th", {}, "met rate"), el("th", {}, ""))),
        el("tbody", {}, ...years.slice(0, 24).map((y) => { const r = rate(PANEL.filter((row) => row.year === y)); return el("tr", {}, el("th", {}, y), el("td", {}, r.judged), el("td", {}, rateText(r)), el("td", {}, rateBar(r))); })))));
  }

  function ratesByPlace() {
    return el("section", { class: "ov-block", id: "rates-place" },
      el("h2", {}, "Met rate by place (all years and indicators)"),
      el("div", { class: "scroll-x" }, el("table", { class: "rates" },
        el("thead", {}, el("tr", {}, el("th", {}, "place"), el("th", {}, "level"), el("th", {}, "judged"), el("th", {}, "met rate"), el("th", {}, ""))),
        el("tbody", {}, ...PLACE_ORDER.map((p) => {
          const r = rate(PANEL.filter((row) => row.p === p));
          return el("tr", {}, el("th", {}, el("a", { href: "#" + params({ place: PLACES[p].name }) }, PLACES[p].name)), el("td", {}, PLACES[p].level || ""), el("td", {}, r.judged), el("td", {}, rateText(r)), el("td", {}, rateBar(r)));
        })))));
  }

  function overridesBlock() {
    return el("section", { class: "ov-block", id: "overrides" },
      el("h2", {}, `✎ Overrides: ${OVERRIDES.filter((o) => !(o && (o.matched === 0 || o.matched === false))).length} of ${OVERRIDES.length} applied`),
      el("ol", { class: "overrides" }, ...OVERRIDES.map((o) => el("li", {}, typeof o === "object" && o !== null ? entryText(o) : String(o)))));
  }

  function documentList() {
    const list = el("ol", { class: "doc-list", id: "overview-docs" });
    let groupName = null;
    for (const k of byPlaceAndYear()) {
      const doc = DOCS[k];
      const name = isNull(doc.p) ? "(no place)" : PLACES[doc.p].name;
      if (name !== groupName) {
        groupName = name;
        list.append(el("li", { class: "group" }, isNull(doc.p) ? name : el("a", { href: "#" + params({ place: name }) }, name), isNull(doc.p) ? null : el("span", { class: "level" }, PLACES[doc.p].level || "")));
      }
      const corrected = marksOf(doc);
      list.append(el("li", {}, el("a", { href: "#" + params({ doc: k }), dataset: { doc: k }, class: corrected ? "ovr" : null, title: FILES[doc.file].source },
        el("span", { class: "year" }, docYear(doc) ?? "–"),
        el("span", { class: "name" }, (corrected ? "✎ " : "") + docLabel(doc)),
        el("span", { class: "counts" }, `${doc.n[1]} targets · ${doc.n[2]} tasks`))));
    }
    return list;
  }

  // --- Search: indicators (by id, standard and written names), places, documents and items.

  let searchReady = false;
  function readyForSearch() {
    if (!searchReady) { DOCS.forEach((_, k) => complete(k)); searchReady = true; }
  }

  function wireSearch() {
    const input = $("search");
    let timer = 0;
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => runSearch(input.value), 120); });
    input.addEventListener("keydown", (event) => { if (event.key === "Escape") { closeSearch(); input.blur(); } });
    $("search-results").addEventListener("click", (event) => {
      const hit = event.target.closest("button[data-route]");
      if (hit) { closeSearch(); go(JSON.parse(hit.dataset.route)); }
    });
  }

  function indicatorMatches(id, q) {
    if (!id) return false;
    const info = INDICATORS[id];
    return id.toLowerCase().includes(q) || (info && (info.zh.toLowerCase().includes(q) || (info.en || "").toLowerCase().includes(q)));
  }

  function runSearch(query) {
    const q = query.trim().toLowerCase();
    const box = $("search-results");
    if (!q) { closeSearch(); return; }
    if (!textsRead()) {
      box.replaceChildren(el("div", { class: "count" }, "Reading the texts…"));
      box.hidden = false;
      afterTexts(() => runSearch($("search").value));
      return;
    }
    readyForSearch();
    const hits = [];
    let total = 0;
    const found = (kind, where, text, route) => {
      total += 1;
      if (hits.length < SEARCH_LIMIT) hits.push({ kind, where, text, route });
    };
    for (const series of seriesList()) {
      if (indicatorMatches(series.id, q) || series.name.toLowerCase().includes(q)) {
        found("indicator", series.id, `${seriesTitle(series)} — ${series.places.size} places`, { ind: series.id, m: series.measure });
      }
    }
    for (const p of PLACE_ORDER) {
      const place = PLACES[p];
      if (place.name.toLowerCase().includes(q) || (place.parent || "").toLowerCase().includes(q)) found("place", place.level || "", `${place.name} — ${place.docs.length} document(s)`, { place: place.name });
    }
    for (const k of state.order) {
      const doc = DOCS[k];
      const where = `${doc.place || fileStem(doc)} ${docYear(doc) ?? ""}`.trim();
      const about = [docLabel(doc), doc.title, doc.place, FILES[doc.file].source].filter(Boolean).join(" ");
      if (about.toLowerCase().includes(q)) found("document", where, docLabel(doc), { doc: k });
      doc.goals.forEach((g, n) => { if ((g.text + g.quote).toLowerCase().includes(q)) found("goal", where, g.text, { doc: k, item: "g" + n }); });
      doc.targets.forEach((t, n) => {
        if ((t.indicator + t.quote).toLowerCase().includes(q) || indicatorMatches(t.indicator_id, q)) {
          found(t.kind, where, `${t.indicator} ${valueText(t)}${t.year ? " · " + t.year : ""}${t.indicator_id ? " · " + t.indicator_id : ""}`, { doc: k, item: "t" + n });
        }
      });
      doc.tasks.forEach((t, n) => { if ((t.title + t.quote).toLowerCase().includes(q)) found("task", where, t.title, { doc: k, item: "k" + n }); });
    }
    const list = el("ol", {}, ...hits.map((hit) => el("li", {}, el("button", { type: "button", class: "hit k-" + hit.kind.replace(/ /g, "-"), dataset: { route: JSON.stringify(hit.route) } },
      el("span", { class: "badge" }, hit.kind), el("span", { class: "where" }, hit.where), el("span", { class: "what" }, hit.text)))));
    const count = total > hits.length ? `${total} matches (the first ${hits.length} shown)` : `${total} match${total === 1 ? "" : "es"}`;
    box.replaceChildren(el("div", { class: "count" }, `${count} for “${query.trim()}”`), list);
    box.hidden = false;
  }

  function closeSearch() {
    $("search-results").hidden = true;
  }

  // --- Wiring and the first screen.

  function onKey(event) {
    if (event.target.closest("select, input, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
    const inDoc = state.view === "doc";
    const actions = { n: () => inDoc && step(1), p: () => inDoc && step(-1), j: () => inDoc && stepItem(1), k: () => inDoc && stepItem(-1), Escape: () => { hideTip(); closeSearch(); }, "/": () => $("search").focus() };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  }

  function wireViews() {
    $("views").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-view]");
      if (!button) return;
      const view = button.dataset.view;
      if (view === "overview") go({ overview: 1 });
      if (view === "indicator") { const s = headlineSeries(); go(s ? { ind: s.id, m: s.measure } : { ind: "" }); }
      if (view === "place") go({ place: PLACES.length ? PLACES[PLACE_ORDER[0]].name : "" });
      if (view === "doc") go({ doc: state.doc >= 0 ? state.doc : state.order[0] });
    });
    let width = window.innerWidth, timer = 0;
    window.addEventListener("resize", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (window.innerWidth !== width && (state.view === "indicator" || state.view === "place")) render(Object.assign({}, state.route));
        width = window.innerWidth;
      }, 200);
    });
  }

  function start() {
    performance.mark("report:decoded");
    fillPicker();
    wireDocView();
    wireIndicator();
    wirePlace();
    wireCells($("overview"));
    wireSearch();
    wireViews();
    document.addEventListener("keydown", onKey);
    window.addEventListener("hashchange", onHashChange);
    render(parseHash());
  }

  start();
})();
