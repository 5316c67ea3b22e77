// Navette portal page: starts a search through the JSON API, follows its server-sent events, and
// renders clusters, facets (filtered here, in the page) and one progress entry per catalogue.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const FACET_NAMES = { library: 'Library', materialType: 'Format', language: 'Language', target: 'Catalogue' };
  const state = {
    config: { borrow: false, slowAfterMs: 3000, targets: [] },
    search: null,         // the latest snapshot
    startedAt: 0,         // when the search began, by the page's clock (for "slow")
    events: null,         // the EventSource of the running search
    filters: {},          // facet field -> Set of values; yearRanges -> Set of "from-to"
    borrowed: {},         // cluster id -> the borrow answer, kept across re-renders
    details: {},          // cluster id -> full record, once asked for
    borrowing: null,      // the cluster the dialog is about
    ticker: null
  };

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function words(label) {
    return String(label).toLowerCase().replace(/[-_]/g, ' ');
  }

  function showMessage(text) {
    const m = $('message');
    m.textContent = text || '';
    m.hidden = !text;
  }

  async function api(path, options) {
    const r = await fetch(path, Object.assign({ headers: { 'Accept': 'application/json' } }, options || {}));
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      const err = new Error(body && body.error ? body.error : 'The portal answered ' + r.status);
      err.status = r.status;
      throw err;
    }
    return body;
  }

  // Re-rendering replaces nodes; remember what had the focus (by its data-key) and give it back.
  function keepingFocus(render) {
    const active = document.activeElement;
    const key = active && active.dataset ? active.dataset.key : null;
    render();
    if (key) {
      const again = document.querySelector('[data-key="' + CSS.escape(key) + '"]');
      if (again) again.focus();
    }
  }

  // ---- search ----
  async function startSearch(q) {
    stopEvents();
    showMessage('');
    state.filters = {};
    state.borrowed = {};
    state.details = {};
    $('search-button').disabled = true;
    try {
      const snap = await api('/api/search?q=' + encodeURIComponent(q));
      state.startedAt = Date.now() - (snap.elapsedMs || 0);
      apply(snap);
      $('results').hidden = false;
      $('progress-section').hidden = false;
      if (!snap.finished) follow(snap.id);
    } catch (e) {
      showMessage(e.message);
    } finally {
      $('search-button').disabled = false;
    }
  }

  function follow(id) {
    const es = new EventSource('/api/search/' + encodeURIComponent(id) + '/events');
    state.events = es;
    es.addEventListener('snapshot', (ev) => apply(JSON.parse(ev.data)));
    es.addEventListener('target', (ev) => {
      if (!state.search) return;
      const t = JSON.parse(ev.data);
      state.search.targets = state.search.targets.map((x) => (x.id === t.id ? t : x));
      renderProgress();
    });
    es.addEventListener('finished', (ev) => {
      stopEvents();
      apply(JSON.parse(ev.data));
    });
    es.onerror = () => {
      // no stream (the portal's streams are all taken: 503) or it broke before "finished": poll instead
      if (state.events === es) {
        stopEvents();
        poll(id);
      }
    };
    state.ticker = setInterval(renderProgress, 500);
  }

  // Asks for the snapshot, each answer waiting up to 2 s for the search to end, until it has ended.
  async function poll(id) {
    state.ticker = setInterval(renderProgress, 500);
    try {
      for (;;) {
        const asked = Date.now();
        const snap = await api('/api/search/' + encodeURIComponent(id) + '?wait=2000');
        if (!state.search || state.search.id !== id) return;  // a newer search replaced this one
        apply(snap);
        if (snap.finished) return;
        // a busy portal answers at once instead of waiting: then ask again a second later, not at once
        if (Date.now() - asked < 500) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } catch (e) {
      showMessage(e.message);
    } finally {
      if (state.search && state.search.id === id && !state.events) stopEvents();
    }
  }

  function stopEvents() {
    if (state.events) state.events.close();
    state.events = null;
    if (state.ticker) clearInterval(state.ticker);
    state.ticker = null;
  }

  function apply(snap) {
    if (state.search && state.search.id !== snap.id) return;  // a late event of an older search
    state.search = snap;
    keepingFocus(() => {
      renderProgress();
      renderFacets();
      renderClusters();
    });
  }

  // ---- progress strip ----
  function progressOf(t) {
    if (t.progress === 'waiting' && state.search && !state.search.finished
        && Date.now() - state.startedAt >= state.config.slowAfterMs) {
      return 'slow';
    }
    return t.progress;
  }

  function renderProgress() {
    const s = state.search;
    if (!s) return;
    const list = $('progress');
    list.replaceChildren(...s.targets.map((t) => {
      const p = progressOf(t);
      const hits = t.hits === null ? '' : ', ' + t.hits + (t.hits === 1 ? ' hit' : ' hits');
      const why = t.diagnostic ? el('span', { class: 'why', text: words(t.diagnostic.kind) + ': ' + t.diagnostic.message }) : null;
      return el('li', { class: p, 'data-target': t.id },
        el('span', { class: 'name', text: t.name }), ': ',
        el('span', { class: 'state', text: p === 'failed' ? 'failed (' + t.state + ')' : p }), hits, why);
    }));
    const counts = { answered: 0, slow: 0, failed: 0, waiting: 0 };
    s.targets.forEach((t) => { counts[progressOf(t)]++; });
    $('progress-summary').textContent = counts.answered + ' of ' + s.targets.length + ' catalogues answered'
      + (counts.failed ? ', ' + counts.failed + ' failed' : '') + (s.finished ? '; search finished.' : '; searching…');
  }

  // ---- facets (filtering happens here, over the clusters of the snapshot) ----
  function selected(field) {
    if (!state.filters[field]) state.filters[field] = new Set();
    return state.filters[field];
  }

  function matches(c) {
    for (const [field, values] of Object.entries(state.filters)) {
      if (values.size === 0) continue;
      if (field === 'yearRanges') {
        const ok = [...values].some((r) => {
          const [from, to] = r.split('-').map(Number);
          return c.year !== null && c.year >= from && c.year <= to;
        });
        if (!ok) return false;
      } else if (![...values].some((v) => (c.facets[field] || []).includes(v))) {
        return false;
      }
    }
    return true;
  }

  function checkbox(field, value, label, count) {
    const key = 'facet:' + field + ':' + value;
    const box = el('input', { type: 'checkbox', 'data-key': key, 'data-field': field, 'data-value': value,
      checked: selected(field).has(value) });
    box.addEventListener('change', () => {
      if (box.checked) selected(field).add(value); else selected(field).delete(value);
      keepingFocus(() => { renderFacets(); renderClusters(); });
    });
    return el('label', null, box, el('span', { text: label }), el('span', { class: 'count', text: '(' + count + ')' }));
  }

  function renderFacets() {
    const s = state.search;
    const groups = [];
    for (const [field, name] of Object.entries(FACET_NAMES)) {
      const values = (s.facets[field] || []).slice(0, 12);
      if (values.length === 0) continue;
      groups.push(el('fieldset', null, el('legend', { text: name }),
        ...values.map((v) => checkbox(field, v.value, field === 'materialType' ? words(v.value) : v.value, v.count))));
    }
    if ((s.facets.yearRanges || []).length > 0) {
      groups.push(el('fieldset', null, el('legend', { text: 'Year' }),
        ...s.facets.yearRanges.map((y) => checkbox('yearRanges', y.from + '-' + y.to,
          y.from === y.to ? String(y.from) : y.from + '–' + y.to, y.count))));
    }
    $('facets').replaceChildren(...groups);
    $('facets-section').hidden = groups.length === 0;
    $('clear-filters').hidden = !Object.values(state.filters).some((v) => v.size > 0);
  }

  // ---- clusters ----
  function renderClusters() {
    const s = state.search;
    const shown = s.clusters.filter(matches);
    const filtered = shown.length !== s.clusters.length;
    $('summary').textContent = s.clusters.length === 0
      ? (s.finished ? 'Nothing found.' : 'Searching…')
      : (filtered ? 'Showing ' + shown.length + ' of ' + s.clusters.length + ' works' : s.clusters.length + ' works')
        + ' from ' + s.records + ' records' + (s.finished ? '.' : ', more may come…');
    $('clusters').replaceChildren(...shown.map(cluster));
  }

  function cluster(c) {
    const meta = [];
    if (c.authors.length) meta.push(c.authors.join('; '));
    if (c.publisher) meta.push(c.publisher);
    if (c.year !== null) meta.push(String(c.year));
    meta.push(words(c.materialType));
    const holdings = el('ul', { class: 'holdings', 'aria-label': 'Held by' },
      ...c.libraries.map((l) => {
        const available = l.items.filter((i) => i.availability === 'available').length;
        const parts = l.items.map((i) => [i.branch, i.location, i.callNumber, i.status].filter(Boolean).join(' ')).filter(Boolean);
        return el('li', null, el('strong', { text: l.library }),
          ' — ' + l.items.length + (l.items.length === 1 ? ' copy' : ' copies'),
          available ? el('span', { class: 'available', text: ', ' + available + ' available' }) : null,
          parts.length ? ' (' + parts.join('; ') + ')' : null);
      }));
    const titleId = 'title-' + c.id.replace(/[^A-Za-z0-9_-]/g, '_');
    const borrow = el('button', { type: 'button', class: 'borrow', 'data-key': 'borrow:' + c.id,
      'aria-describedby': titleId, onclick: () => askToBorrow(c) }, 'Ask to borrow');
    const more = el('button', { type: 'button', class: 'secondary details-button', 'data-key': 'details:' + c.id,
      'aria-expanded': state.details[c.id] ? 'true' : 'false', 'aria-describedby': titleId,
      onclick: () => toggleDetails(c) }, 'Details');
    return el('li', { class: 'cluster', 'data-cluster': c.id },
      el('h3', { id: titleId, text: c.title || '[no title]' }),
      el('p', { class: 'meta', text: meta.join(' · ') }),
      c.libraries.length ? holdings : el('p', { class: 'meta', text: 'No holdings listed.' }),
      el('div', { class: 'actions' }, borrow, more),
      borrowResult(c.id), details(c.id));
  }

  function borrowResult(id) {
    const b = state.borrowed[id];
    if (!b) return null;
    if (b.error) return el('p', { class: 'borrow-result none', role: 'status', text: b.error });
    return el('div', { class: 'borrow-result' + (b.lenders.length ? '' : ' none'), role: 'status' },
      el('p', { text: b.summary }),
      b.lenders.length ? el('ol', { 'aria-label': 'Libraries asked, in order' },
        ...b.lenders.map((l) => el('li', { text: l.library + ' (' + l.agency + '): ' + l.reason }))) : null,
      b.exclusions.length ? el('p', { text: 'Not asked: ' + b.exclusions.map((x) => x.library + ' (' + x.reason + ')').join('; ') })
        : null);
  }

  function details(id) {
    const d = state.details[id];
    if (!d) return null;
    return el('div', { class: 'details' }, ...d.members.map((m) => el('p', null,
      el('strong', { text: m.target + ' ' + m.recordId + ': ' }),
      [m.title, m.responsibility, m.edition, m.place, m.publisher, m.year, m.extent].filter((x) => x).join(' · '),
      m.isbns.length ? ' · ISBN ' + m.isbns.join(', ') : '',
      m.subjects.length ? ' · ' + m.subjects.join('; ') : '')));
  }

  async function toggleDetails(c) {
    if (state.details[c.id]) {
      delete state.details[c.id];
    } else {
      try {
        state.details[c.id] = await api('/api/record/' + encodeURIComponent(c.id) + '?search='
          + encodeURIComponent(state.search.id));
      } catch (e) {
        showMessage(e.message);
        return;
      }
    }
    keepingFocus(renderClusters);
  }

  // ---- borrowing ----
  function askToBorrow(c) {
    if (!state.config.borrow) {
      state.borrowed[c.id] = { error: 'Interlending is not configured on this portal, so it cannot take requests.' };
      keepingFocus(renderClusters);
      return;
    }
    state.borrowing = c;
    $('borrow-what').textContent = c.title || '[no title]';
    $('borrow-error').hidden = true;
    $('borrow-requester').value = localStorage.getItem('navette.requester') || '';
    $('borrow-dialog').showModal();
    $('borrow-requester').focus();
  }

  async function sendBorrow(event) {
    event.preventDefault();
    const c = state.borrowing;
    const requester = $('borrow-requester').value.trim();
    if (!requester) {
      $('borrow-error').textContent = 'Give your library\'s interlending code.';
      $('borrow-error').hidden = false;
      $('borrow-requester').focus();
      return;
    }
    $('borrow-send').disabled = true;
    try {
      const answer = await api('/api/borrow', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ cluster: c.id, search: state.search.id, requester: requester,
          patron: $('borrow-patron').value, note: $('borrow-note').value })
      });
      localStorage.setItem('navette.requester', requester);
      state.borrowed[c.id] = answer;
      $('borrow-dialog').close();
      renderClusters();
      const again = document.querySelector('[data-key="' + CSS.escape('borrow:' + c.id) + '"]');
      if (again) again.focus();
    } catch (e) {
      $('borrow-error').textContent = e.message;
      $('borrow-error').hidden = false;
    } finally {
      $('borrow-send').disabled = false;
    }
  }

  // ---- wiring ----
  document.addEventListener('DOMContentLoaded', () => {
    api('/api/config').then((c) => { state.config = c; }).catch((e) => showMessage(e.message));
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const q = $('q').value.trim();
      if (!q) {
        showMessage('Type something to search for.');
        $('q').focus();
        return;
      }
      startSearch(q);
    });
    $('clear-filters').addEventListener('click', () => {
      state.filters = {};
      renderFacets();
      renderClusters();
      $('q').focus();
    });
    $('borrow-form').addEventListener('submit', sendBorrow);
    $('borrow-cancel').addEventListener('click', () => $('borrow-dialog').close());
    $('q').focus();
  });
})();
