// Shared by the dashboard pages: filters from the query string, JSON fetch, CSV links, charts (Chart.js from its WebJar).
const Hone = {
  params() { return new URLSearchParams(location.search); },
  filterQuery(extra) {
    const p = new URLSearchParams();
    for (const k of ['cohort', 'track', 'from', 'to']) { const v = Hone.params().get(k); if (v) p.set(k, v); }
    if (extra) for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return s ? '?' + s : '';
  },
  async load(api) {
    const r = await fetch(api + Hone.filterQuery());
    if (!r.ok) throw new Error(api + ': ' + r.status);
    return r.json();
  },
  csvLink(id, api) { document.getElementById(id).href = api + Hone.filterQuery({format: 'csv'}); },
  fillFilters() {
    const form = document.getElementById('filters');
    for (const k of ['cohort', 'track', 'from', 'to']) { if (form.elements[k]) form.elements[k].value = Hone.params().get(k) || ''; }
  },
  pct(v) { return v == null ? '–' : Math.round(v * 100) + '%'; },
  chart(id, config) { return new Chart(document.getElementById(id), config); },
  cell(text) { const td = document.createElement('td'); td.textContent = text; return td; },
  heat(v) { return v == null ? '#eee' : `hsl(${Math.round(v * 120)}, 70%, 75%)`; }
};
