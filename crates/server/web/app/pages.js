// The pages. Each reads its state from the URL (so a view can be shared) and writes it back.
import { h, api, post, url, enc, params, setParams, go, certainty, snippet, status, colourOf } from './app.js';
import { timeline, EventMap, network as drawNetwork } from './charts.js';

const FILTERS = ['since', 'until', 'type', 'admin1', 'place', 'actor', 'certainty', 'source'];
const pick = (p, keys) => Object.fromEntries(keys.filter((k) => p[k]).map((k) => [k, p[k]]));
const docLink = (doc, extra = {}) => url(`/document/${enc(doc)}`, extra);
const entityLink = (id) => `/entity/${enc(id)}`;
const actorName = (a) => (a ? a.name : '');

function table(headers, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))), h('tbody', {}, rows));
}

// ------------------------------------------------------------------ overview
export async function overview(main, _, live) {
  const d = await api('/api/overview', pick(params(), ['since', 'until']));
  if (!live()) return;
  const c = d.counts;
  const card = (n, label) => h('div', { class: 'card' }, h('b', {}, n), label);
  const period = `${d.period.since || '…'} to ${d.period.until || '…'}`;
  main.replaceChildren(
    h('h1', {}, 'Overview ', h('span', { class: 'count' }, period)),
    h('div', { class: 'cards' },
      card(c.events, 'events this period'), card(c.fatalities, 'reported killed'),
      card(c.alleged_events, 'alleged only'), card(c.events_all_time, 'events in all'),
      card(c.documents, 'reports'), card(c.claims, 'claims'), card(c.contradictions, 'contradictions')),
    h('div', { class: 'grid2' },
      h('div', { class: 'panel' }, h('h2', {}, 'Busiest places'),
        table(['Place', 'Events'], d.places.map((p) => h('tr', {}, h('td', {}, h('a', { href: url('/events', { place: p.name, since: d.period.since, until: d.period.until }) }, p.name)), h('td', {}, p.events))))),
      h('div', { class: 'panel' }, h('h2', {}, 'Most active actors'),
        table(['Actor', 'Events'], d.actors.map((a) => h('tr', {}, h('td', {}, h('a', { href: entityLink(a.id) }, a.name)), h('td', {}, a.events))))),
      h('div', { class: 'panel' }, h('h2', {}, 'Latest reports'),
        table(['Published', 'Report', 'Source'], d.latest_reports.map((r) => h('tr', {},
          h('td', {}, (r.published || '').slice(0, 10)), h('td', {}, h('a', { href: docLink(r.id) }, r.title || r.id)), h('td', {}, r.source || ''))))),
      h('div', { class: 'panel' }, h('h2', {}, 'Newest contested claims'),
        d.contested.length ? table(['Date', 'Event', 'Disputed', 'One side', 'Other side'], d.contested.map((x) => h('tr', {},
          h('td', {}, x.date || ''), h('td', {}, h('a', { href: url('/events', { sel: x.event_id }) }, x.event || x.event_id)),
          h('td', {}, x.field), h('td', {}, x.side_a), h('td', {}, x.side_b)))) : h('p', { class: 'muted' }, 'No contradictions.'))));
}

// ------------------------------------------------------------------ events
let facetCache = null;
async function facets() {
  if (!facetCache) facetCache = await api('/api/facets');
  return facetCache;
}

function filterForm(p, f, onChange, keys = FILTERS) {
  const select = (name, options, label) => h('label', {}, label,
    h('select', { name, 'data-filter': name }, h('option', { value: '' }, 'any'),
      options.map((o) => { const el = h('option', { value: o }, o); if (p[name] === o) el.selected = true; return el; })));
  const input = (name, label, type = 'text') => h('label', {}, label, h('input', { name, type, value: p[name] || '', 'data-filter': name }));
  const types = [...new Set(f.event_types.flatMap((t) => [t.event_type, t.sub_event_type]))].sort();
  const all = {
    since: input('since', 'From', 'date'), until: input('until', 'To', 'date'),
    type: select('type', types, 'Event type'), admin1: select('admin1', f.admin1, 'Province'),
    place: input('place', 'Place'), actor: input('actor', 'Actor'),
    certainty: select('certainty', f.certainty, 'Certainty'), source: select('source', f.sources, 'Source'),
  };
  const form = h('form', { class: 'filters' }, keys.map((k) => all[k]),
    h('button', { type: 'submit', class: 'primary' }, 'Apply'),
    h('button', { type: 'button', onclick: () => onChange({}) }, 'Clear'));
  const read = () => Object.fromEntries([...form.querySelectorAll('[data-filter]')].filter((x) => x.value).map((x) => [x.name, x.value]));
  form.addEventListener('submit', (e) => { e.preventDefault(); onChange(read()); });
  form.addEventListener('change', (e) => { if (e.target.tagName === 'SELECT' || e.target.type === 'date') onChange(read()); });
  return form;
}

export async function events(main, _, live) {
  const f = await facets();
  if (!live()) return;
  let p = params();
  const timelineEl = h('div', { id: 'timeline' });
  const mapEl = h('div', { id: 'map' });
  const tableEl = h('div', { id: 'event-table' });
  const detailEl = h('div', { id: 'event-detail' });
  const counts = { timeline: h('span', { class: 'count', 'data-testid': 'timeline-total' }), map: h('span', { class: 'count', 'data-testid': 'map-total' }), table: h('span', { class: 'count', 'data-testid': 'table-total' }) };
  const apply = (next) => { p = Object.assign(pick(next, FILTERS), p.sel && next.sel !== null ? {} : {}); setParams(p, true); refresh(); };
  main.replaceChildren(
    h('h1', {}, 'Events'),
    filterForm(p, f, (next) => apply(next)),
    h('div', { class: 'panel' }, h('h2', {}, 'Timeline', counts.timeline,
      h('button', { type: 'button', style: 'margin-left:1em', onclick: () => { delete p.since; delete p.until; apply(p); } }, 'Zoom out')),
      timelineEl),
    h('div', { class: 'views' },
      h('div', { class: 'panel' }, h('h2', {}, 'Events', counts.table), detailEl, tableEl),
      h('div', { class: 'panel' }, h('h2', {}, 'Map', counts.map), mapEl,
        h('p', { class: 'muted' }, 'Dashed, pale circles are located only to a province; click a cluster to zoom in, an event to select it.'))));
  const map = new EventMap(mapEl, (id) => select(id));

  async function select(id) {
    p.sel = id;
    setParams(p);
    for (const tr of tableEl.querySelectorAll('tr[data-id]')) tr.classList.toggle('selected', tr.dataset.id === id);
    const e = await api(`/api/events/${enc(id)}`);
    map.focus(e.location.latitude, e.location.longitude);
    detailEl.replaceChildren(eventDetail(e, () => refresh()));
  }

  async function loadTable(cursor, tbody) {
    const page = await api('/api/events', Object.assign(pick(p, FILTERS), { limit: 50, cursor }));
    counts.table.textContent = `${page.total} events`;
    counts.table.dataset.total = page.total;
    for (const e of page.items) {
      const tr = h('tr', { 'data-id': e.id, class: e.id === p.sel ? 'selected' : null, onclick: () => select(e.id) },
        h('td', {}, e.date.start || 'undated'),
        h('td', {}, h('span', { style: `color:${colourOf(e.event_type)}` }, e.sub_event_type)),
        h('td', {}, [e.location.name, e.location.admin1].filter(Boolean).join(', ')),
        h('td', {}, actorName(e.actor1), e.actor2 ? ` → ${e.actor2.name}` : ''),
        h('td', {}, e.fatalities ?? ''),
        h('td', {}, certainty(e.certainty)),
        h('td', {}, e.fusion.corroboration.independent_sources));
      tbody.append(tr);
    }
    const more = tableEl.querySelector('button.more');
    if (more) more.remove();
    if (page.next_cursor) {
      tableEl.append(h('button', { class: 'more', type: 'button', onclick: () => loadTable(page.next_cursor, tbody) }, 'More'));
    }
  }

  async function refresh() {
    status('Loading…');
    const filters = pick(p, FILTERS);
    const tbody = h('tbody');
    tableEl.replaceChildren(h('table', {}, h('thead', {}, h('tr', {}, ['Date', 'Type', 'Where', 'Actors', 'Killed', 'Certainty', 'Sources'].map((x) => h('th', {}, x)))), tbody));
    const [tl, m] = await Promise.all([
      timeline(timelineEl, filters, (since, until) => { p.since = since; p.until = until; apply(p); }),
      map.load(filters),
      loadTable(undefined, tbody),
    ]);
    counts.timeline.textContent = `${tl} events`;
    counts.timeline.dataset.total = tl;
    counts.map.textContent = `${m.total} events` + (m.unlocated ? ` (${m.unlocated} without coordinates)` : '');
    counts.map.dataset.total = m.total;
    status('');
    if (p.sel) select(p.sel).catch(() => {});
  }
  await refresh();
}

function eventDetail(e, onChange) {
  const rows = [
    ['When', `${e.date.start || 'undated'} (${e.date.type})`],
    ['Where', [e.location.name, e.location.admin2, e.location.admin1, e.location.country].filter(Boolean).join(', ') + (e.location.geo_precision ? ` — precision ${e.location.geo_precision}` : '')],
    ['Who', `${actorName(e.actor1) || '?'}${e.actor2 ? ` → ${e.actor2.name}` : ''}`],
    ['Killed / injured', `${e.fatalities ?? '?'} / ${e.injured ?? '?'} (fused low–high: ${e.fusion.corroboration.fatalities.low ?? '?'}–${e.fusion.corroboration.fatalities.high ?? '?'})`],
    ['Certainty', certainty(e.certainty)],
    ['According to', e.attributed_to || '—'],
    ['Independent sources', `${e.fusion.corroboration.independent_sources} (support ${e.fusion.corroboration.weighted_support.toFixed(2)})`],
  ];
  const field = h('select', { name: 'field' }, ['event_type', 'sub_event_type', 'location', 'actor1', 'actor2'].map((x) => h('option', { value: x }, x)));
  const value = h('input', { name: 'value', placeholder: 'corrected value' });
  const msg = h('span', { class: 'muted' });
  const form = h('form', { class: 'filters' }, h('label', {}, 'Correct', field), h('label', {}, 'to', value),
    h('button', { type: 'submit' }, 'Save correction'), msg);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try { await post(`/api/events/${enc(e.id)}/corrections`, { field: field.value, value: value.value }); msg.textContent = 'Saved as your claim; the extracted value is kept.'; onChange(); }
    catch (err) { msg.textContent = err.message; }
  });
  return h('div', { class: 'panel detail', 'data-testid': 'event-detail' },
    h('h2', {}, `${e.event_type} — ${e.sub_event_type}`),
    h('table', {}, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v))))),
    e.corrections.length ? h('p', {}, 'Corrected: ', e.corrections.map((c) => h('span', { class: 'tag' }, `${c.field}: ${c.value} (extracted: ${JSON.stringify(c.extracted)})`))) : '',
    h('h2', {}, 'Evidence'),
    h('ul', {}, e.evidence_quotes.map((q) => {
      const r = e.reports.find((x) => x.document_id === q.document_id) || {};
      return h('li', {}, h('span', { class: 'quote' }, `“${q.quote}”`), ' — ',
        h('a', { href: docLink(q.document_id, { begin: q.begin, end: q.end, event: e.id }), 'data-testid': 'evidence-link' }, r.source || q.document_id),
        r.published ? ` (${r.published.slice(0, 10)})` : '');
    })),
    e.contradiction_details.length ? [h('h2', {}, 'Contradictions'), h('ul', {}, e.contradiction_details.map((c) =>
      h('li', {}, `${c.field}: ${c.side_a.value} vs ${c.side_b.value}`)))] : '',
    form);
}

// ------------------------------------------------------------------ network
export async function network(main, _, live) {
  let p = params();
  const el = h('div', { id: 'network' });
  const info = h('p', { class: 'muted' });
  const f = await facets();
  if (!live()) return;
  main.replaceChildren(h('h1', {}, 'Network'),
    filterForm(p, f, (next) => { p = pick(next, FILTERS); setParams(p, true); draw(); }, ['since', 'until', 'type', 'admin1', 'certainty']),
    h('p', { class: 'legend' }, h('span', { class: 'hostile' }, '■ hostile (Goldstein < 0)'), h('span', { class: 'cooperative' }, '■ cooperative (> 0)'), h('span', {}, '■ neutral')),
    info, el);
  async function draw() {
    const d = await drawNetwork(el, pick(p, FILTERS), (id) => go(entityLink(id)));
    info.textContent = `${d.nodes.length} actors, ${d.edges.length} dyads from ${d.total} events. Click an actor to open it.`;
  }
  await draw();
}

// ------------------------------------------------------------------ entity
export async function entity(main, id, live) {
  const e = await api(`/api/entities/${enc(id)}`);
  if (!live()) return;
  const maxM = Math.max(1, ...e.events_by_month.map((m) => m.events));
  main.replaceChildren(
    h('h1', {}, e.name, h('span', { class: 'count' }, `${e.kind}${e.detail ? ` · ${e.detail}` : ''}`)),
    h('div', { class: 'grid2' },
      h('div', { class: 'panel' }, h('h2', {}, 'Names and listings'),
        h('p', {}, 'Aliases: ', e.aliases.length ? e.aliases.map((a) => h('span', { class: 'tag' }, a.name)) : h('span', { class: 'muted' }, 'none recorded')),
        h('p', {}, 'Designations: ', e.designations.length ? e.designations.map((d) => h('span', { class: 'tag' }, d)) : h('span', { class: 'muted' }, 'none matched')),
        h('p', {}, h('a', { href: url('/events', e.kind === 'place' ? { place: e.name } : { actor: e.name }) }, `All ${e.events_total} events on the events page`))),
      h('div', { class: 'panel' }, h('h2', {}, 'Events over time'),
        h('table', {}, h('tbody', {}, e.events_by_month.map((m) => h('tr', {}, h('td', {}, m.month),
          h('td', { style: 'width:80%' }, h('div', { style: `background:#1f5fbf;height:.8em;width:${(100 * m.events) / maxM}%` })), h('td', {}, m.events))))))),
    h('div', { class: 'panel' }, h('h2', {}, 'Events'),
      table(['Date', 'Type', 'Where', 'Actors', 'Killed', 'Certainty', 'Sources'], e.events.map((x) => h('tr', { onclick: () => go(url('/events', { sel: x.id })) },
        h('td', {}, x.date || ''), h('td', {}, x.sub_event_type), h('td', {}, [x.location, x.admin1].filter(Boolean).join(', ')),
        h('td', {}, `${x.actor1 || ''}${x.actor2 ? ` → ${x.actor2}` : ''}`), h('td', {}, x.fatalities ?? ''), h('td', {}, certainty(x.certainty)), h('td', {}, x.independent_sources))))),
    h('div', { class: 'grid2' },
      h('div', { class: 'panel' }, h('h2', {}, 'Claims about it'), claimList(e.claims)),
      h('div', { class: 'panel' }, h('h2', {}, 'Sources'),
        table(['Source', 'Events', 'Claims'], e.sources.map((s) => h('tr', {}, h('td', {}, s.source), h('td', {}, s.events), h('td', {}, s.claims)))))));
}

function claimList(items) {
  if (!items.length) return h('p', { class: 'muted' }, 'None.');
  return h('ul', { class: 'side' }, items.slice(0, 50).map((c) => h('li', {},
    certainty(c.certainty), ' ', c.attributed_to ? `${c.attributed_to}: ` : '',
    h('a', { href: docLink(c.document_id, { begin: c.evidence[0]?.begin, end: c.evidence[0]?.end, claim: c.id }) }, `“${c.quote}”`),
    c.source ? h('span', { class: 'muted' }, ` — ${c.source}`) : '')));
}

// ------------------------------------------------------------------ document reader
/** Mentions by name: pronouns and descriptions ("they", "the camp") are exported but not lit. */
const named = (mentions) => mentions.filter((m) => m.stage !== 'nominals');

/** The text with mentions, event triggers and claim cues marked; [begin, end) lit. */
export function markedText(text, layers, lit) {
  const chars = Array.from(text); // offsets are code points
  const cuts = new Set([0, chars.length]);
  const spans = [];
  for (const [cls, list] of layers) {
    for (const s of list) {
      if (s.end <= s.begin) continue;
      spans.push({ cls, begin: s.begin, end: s.end, title: s.title });
      cuts.add(s.begin); cuts.add(s.end);
    }
  }
  if (lit) { cuts.add(lit.begin); cuts.add(lit.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= chars.length).sort((a, b) => a - b);
  const out = h('div', { class: 'doctext', 'data-testid': 'doctext' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join('');
    const on = spans.filter((s) => s.begin <= a && s.end >= b);
    const isLit = lit && lit.begin <= a && lit.end >= b;
    if (!on.length && !isLit) { out.append(piece); continue; }
    const el = h('span', { class: [...new Set(on.map((s) => s.cls)), isLit ? 'lit' : ''].join(' ').trim(), title: on.map((s) => s.title).filter(Boolean).join('; ') }, piece);
    out.append(el);
  }
  return out;
}

export async function reader(main, id, live) {
  const p = params();
  const d = await api(`/api/documents/${enc(id)}`);
  if (!live()) return;
  const lit = p.begin !== undefined && p.end !== undefined ? { begin: +p.begin, end: +p.end } : null;
  const layers = [
    ['m', named(d.mentions).map((m) => ({ begin: m.span.begin, end: m.span.end, title: `${m.type}${m.entity_id ? ` ${m.entity_id}` : ''}` }))],
    ['trigger', d.events.flatMap((e) => e.evidence.map((s) => ({ begin: s.begin, end: s.end, title: `${e.sub_event_type} (${e.certainty})` })))],
    ['claim', d.claims.flatMap((c) => c.evidence.map((s) => ({ begin: s.begin, end: s.end, title: `claim: ${c.certainty}${c.cue ? `, cue “${c.cue}”` : ''}` })))],
  ];
  // Mentions get a per-type class too.
  const text = markedText(d.text, layers, lit);
  for (const el of text.querySelectorAll('span.m')) {
    const t = (el.title || '').split(' ')[0];
    if (t) el.classList.add(`m-${t}`);
  }
  const light = (params) => { setParams(Object.assign({}, params)); reader(main, id, () => true); };
  main.replaceChildren(
    h('h1', {}, d.meta.title || d.id),
    h('p', { class: 'muted' }, [d.meta.source, (d.meta.published || '').slice(0, 10), `version ${d.version} of ${d.versions.length}`].filter(Boolean).join(' · '),
      d.meta.url ? [' · ', h('span', {}, d.meta.url)] : ''),
    h('p', { class: 'legend' }, h('span', {}, h('i', { style: 'background:#fff0b3' }), 'event evidence'), h('span', {}, h('i', { style: 'background:#e3ecfb' }), 'claim'), h('span', {}, h('i', { style: 'background:#9bb8e0' }), 'mention (underlined)'), h('span', {}, h('i', { style: 'background:#ffc94d' }), 'selected')),
    h('div', { class: 'reader' }, text,
      h('div', {},
        h('div', { class: 'panel' }, h('h2', {}, `Events (${d.events.length})`), h('ul', { class: 'side' }, d.events.map((e) => h('li', {},
          h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); light({ begin: e.evidence[0]?.begin, end: e.evidence[0]?.end, event: e.id }); } }, `${e.sub_event_type}`),
          ` ${e.date || ''} ${e.location || ''} `, certainty(e.certainty), ' ',
          e.fused_id ? h('a', { href: url('/events', { sel: e.fused_id }) }, 'incident') : '')))),
        h('div', { class: 'panel' }, h('h2', {}, `Claims (${d.claims.length})`), h('ul', { class: 'side' }, d.claims.map((c) => h('li', {},
          certainty(c.certainty), ' ', h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); light({ begin: c.evidence[0]?.begin, end: c.evidence[0]?.end, claim: c.id }); } }, `${c.attributed_to ? `${c.attributed_to}: ` : ''}${c.predicate} ${c.object}`)))))),
    ));
  const el = main.querySelector('.lit');
  if (el) el.scrollIntoView({ block: 'center' });
}

// ------------------------------------------------------------------ claims ledger
export async function claims(main, _, live) {
  let p = params();
  const body = h('div');
  const f = await facets();
  if (!live()) return;
  const only = h('input', { type: 'checkbox', name: 'allegations_only' });
  only.checked = p.allegations_only === 'true';
  const q = h('input', { name: 'q', value: p.q || '', placeholder: 'words' });
  const cert = h('select', { name: 'certainty' }, h('option', { value: '' }, 'any'), f.certainty.map((c) => { const o = h('option', { value: c }, c); if (p.certainty === c) o.selected = true; return o; }));
  const form = h('form', { class: 'filters' }, h('label', {}, 'Contains', q), h('label', {}, 'Certainty', cert),
    h('label', {}, 'Allegations only', only), h('button', { class: 'primary', type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (e) => { e.preventDefault(); p = { q: q.value, certainty: cert.value, allegations_only: only.checked ? 'true' : '' }; setParams(p, true); load(); });
  only.addEventListener('change', () => form.requestSubmit());
  cert.addEventListener('change', () => form.requestSubmit());
  main.replaceChildren(h('h1', {}, 'Claims ledger'), form, body);
  async function load(cursor) {
    const d = await api('/api/claims', Object.assign(pick(p, ['q', 'certainty', 'allegations_only', 'source']), { limit: 50, cursor }));
    const rows = d.items.map((c) => {
      const st = h('span', {}, c.review ? h('span', { class: 'tag' }, c.review.status) : '');
      const review = (status) => async (ev) => { ev.stopPropagation(); const r = await post(`/api/claims/${enc(c.id)}/review`, { status }); st.replaceChildren(h('span', { class: 'tag' }, r.claim.review.status)); };
      return h('tr', {},
        h('td', {}, certainty(c.certainty)), h('td', {}, c.attributed_to || '—', c.cue ? h('div', { class: 'muted' }, `cue: ${c.cue}`) : ''),
        h('td', {}, h('a', { href: docLink(c.document_id, { begin: c.evidence[0]?.begin, end: c.evidence[0]?.end, claim: c.id }) }, h('span', { class: 'quote' }, `“${c.quote}”`))),
        h('td', {}, c.source || ''), h('td', {}, (c.published || '').slice(0, 10)), h('td', {}, c.independent_sources),
        h('td', {}, st, h('button', { type: 'button', onclick: review('confirmed') }, 'Confirm'), h('button', { type: 'button', onclick: review('disputed') }, 'Dispute')));
    });
    const t = table(['Certainty', 'According to', 'Claim (evidence)', 'Source', 'Published', 'Independent sources', 'Review'], rows);
    body.replaceChildren(h('p', { class: 'muted', 'data-testid': 'claims-total' }, `${d.total} claims`), t,
      d.next_cursor ? h('button', { type: 'button', onclick: () => load(d.next_cursor) }, 'Next page') : '');
  }
  await load();
}

// ------------------------------------------------------------------ search
export async function search(main, _, live) {
  const p = params();
  const q = h('input', { name: 'q', value: p.q || '', placeholder: 'words, e.g. suicide quetta', size: 40 });
  const out = h('div');
  const form = h('form', { class: 'filters' }, h('label', {}, 'Search reports', q), h('button', { class: 'primary', type: 'submit' }, 'Search'));
  form.addEventListener('submit', (e) => { e.preventDefault(); setParams({ q: q.value }, true); run(); });
  main.replaceChildren(h('h1', {}, 'Search'), form, out);
  async function run() {
    const query = params().q;
    if (!query) return;
    const d = await api('/api/search', { q: query, limit: 50 });
    if (!live()) return;
    out.replaceChildren(h('p', { class: 'muted' }, `${d.items.length} reports`), h('ul', {}, d.items.map((x) => h('li', {},
      h('a', { href: docLink(x.id) }, x.title || x.id), ' ', h('span', { class: 'muted' }, [x.source, (x.published || '').slice(0, 10)].filter(Boolean).join(' · ')),
      h('div', {}, snippet(x.snippet))))));
  }
  await run();
}

// ------------------------------------------------------------------ paste
export async function paste(main) {
  const text = h('textarea', { name: 'text', placeholder: 'Paste a report…' });
  const title = h('input', { name: 'title', placeholder: 'title' });
  const source = h('input', { name: 'source', placeholder: 'source' });
  const published = h('input', { name: 'published', type: 'date' });
  const out = h('div', { 'data-testid': 'paste-result' });
  const send = async (save) => {
    const body = { text: text.value, title: title.value || null, source: source.value || null, published: published.value || null, save };
    try {
      const d = await post('/api/ingest', body);
      const layers = [
        ['m', named(d.mentions).map((m) => ({ begin: m.span.begin, end: m.span.end, title: m.type }))],
        ['trigger', d.events.flatMap((e) => e.evidence.map((s) => ({ begin: s.begin, end: s.end, title: e.sub_event_type })))],
        ['claim', d.claims.flatMap((c) => c.evidence.map((s) => ({ begin: s.begin, end: s.end, title: c.certainty })))],
      ];
      out.replaceChildren(
        h('p', {}, d.saved ? ['Saved as ', h('a', { href: docLink(d.document.id) }, d.document.id), '.'] : 'Not saved (preview).'),
        h('div', { class: 'reader' }, markedText(d.document.text, layers, null),
          h('div', {},
            h('div', { class: 'panel' }, h('h2', {}, `Events (${d.events.length})`), h('ul', { class: 'side' }, d.events.map((e) => h('li', {},
              `${e.sub_event_type} — ${e.date.start || 'undated'} — ${e.location.name || '?'} — ${actorName(e.actor1)}${e.actor2 ? ` → ${e.actor2.name}` : ''} `, certainty(e.certainty))))),
            h('div', { class: 'panel' }, h('h2', {}, `Claims (${d.claims.length})`), h('ul', { class: 'side' }, d.claims.map((c) => h('li', {},
              certainty(c.certainty), ` ${c.attributed_to || ''} ${c.predicate} ${c.object}`)))))));
    } catch (e) {
      out.replaceChildren(h('p', { class: 'error' }, e.message));
    }
  };
  main.replaceChildren(h('h1', {}, 'Paste a report'),
    h('div', { class: 'filters' }, title, source, published), text,
    h('p', {}, h('button', { class: 'primary', type: 'button', onclick: () => send(false) }, 'Extract'), ' ',
      h('button', { type: 'button', onclick: () => send(true) }, 'Extract and save')),
    out);
}
