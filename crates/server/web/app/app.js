// Tessera web app: a small router and DOM helpers. Report text is untrusted, so every
// piece of data reaches the page through textContent (never innerHTML), and links are
// built only from our own paths.
import * as pages from './pages.js';

export const TYPE_COLOURS = {
  'Battles': '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  'Protests': '#2980b9',
  'Riots': '#16a085',
  'Strategic developments': '#7f8c8d',
};
export const colourOf = (t) => TYPE_COLOURS[t] || '#34495e';

/** Build an element: h('a', {href: '/x', class: 'c', onclick: f}, 'text', child…). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href') el.setAttribute('href', safeHref(v));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  if (tag === 'a' && attrs && attrs.href && String(attrs.href).startsWith('/')) {
    el.addEventListener('click', (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      go(el.getAttribute('href'));
    });
  }
  return el;
}

/** Only our own paths become links. */
function safeHref(v) {
  const s = String(v);
  return s.startsWith('/') && !s.startsWith('//') ? s : '#';
}

/** A path with query parameters (empty ones dropped). */
export function url(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '' && v !== false) q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const enc = encodeURIComponent;

export class ApiError extends Error {
  constructor(body, status) {
    super(body.message || `HTTP ${status}`);
    this.code = body.code;
    this.status = status;
  }
}

/** Call the API with the stored token (if any). */
export async function api(path, params = {}, init = {}) {
  const headers = Object.assign({}, init.headers || {});
  const token = localStorage.getItem('tessera_token');
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const res = await fetch(url(path, params), Object.assign({}, init, { headers }));
  const body = await res.json().catch(() => ({}));
  if (res.status === 401) {
    const t = window.prompt('This Tessera needs an access token:');
    if (t) { localStorage.setItem('tessera_token', t.trim()); return api(path, params, init); }
  }
  if (!res.ok) throw new ApiError(body, res.status);
  return body;
}

export function post(path, body, method = 'POST') {
  return api(path, {}, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function status(text) {
  document.getElementById('status').textContent = text || '';
}

export function params() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Replace the query string (a shareable view) without reloading. */
export function setParams(p, push = false) {
  const next = url(location.pathname, p);
  if (next !== location.pathname + location.search) {
    history[push ? 'pushState' : 'replaceState'](null, '', next);
  }
}

export function go(path) {
  history.pushState(null, '', path);
  render();
}

export function certainty(c) {
  return h('span', { class: `cert cert-${c}` }, c);
}

/** Snippet text with U+0002…U+0003 markers as <mark>, built as text nodes. */
export function snippet(s) {
  const out = [];
  const parts = String(s).split('\u0002');
  out.push(parts[0]);
  for (const p of parts.slice(1)) {
    const [m, rest] = p.split('\u0003');
    out.push(h('mark', {}, m), rest || '');
  }
  return h('span', {}, out);
}

const ROUTES = [
  [/^\/$/, pages.overview],
  [/^\/events$/, pages.events],
  [/^\/network$/, pages.network],
  [/^\/claims$/, pages.claims],
  [/^\/search$/, pages.search],
  [/^\/paste$/, pages.paste],
  [/^\/entity\/(.+)$/, pages.entity],
  [/^\/document\/(.+)$/, pages.reader],
];

let renderId = 0;
export function current() { return renderId; }

export async function render() {
  const id = ++renderId;
  const main = document.getElementById('main');
  for (const a of document.querySelectorAll('header nav a')) {
    const p = a.getAttribute('href');
    a.classList.toggle('active', p === '/' ? location.pathname === '/' : location.pathname.startsWith(p));
  }
  for (const [re, page] of ROUTES) {
    const m = location.pathname.match(re);
    if (!m) continue;
    main.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      await page(main, m[1] ? decodeURIComponent(m[1]) : undefined, () => id === renderId);
    } catch (e) {
      if (id === renderId) main.replaceChildren(h('p', { class: 'error' }, `Error: ${e.message}`));
    }
    return;
  }
  main.replaceChildren(h('p', { class: 'error' }, 'No such page.'));
}

window.addEventListener('popstate', render);
document.addEventListener('DOMContentLoaded', () => {
  for (const a of document.querySelectorAll('a[data-nav]')) {
    a.addEventListener('click', (e) => { e.preventDefault(); go(a.getAttribute('href')); });
  }
  const missing = ['L', 'topojson', 'cytoscape'].filter((g) => !(g in window));
  if (missing.length) status(`Front-end libraries missing from this build: ${missing.join(', ')}`);
  render();
});
