// Shared by the dashboard pages: filters from the query string, JSON fetch, CSV links, charts (Chart.js from its WebJar).
// Sign-in: the page carries no data; the JSON it draws needs a bearer token (./hone token), taken from the
// address's fragment (#token=..., never sent to a server) or typed into the sign-in box, and kept for the tab only.
const Hone = {
  token() {
    const m = location.hash.match(/[#&]token=([^&]+)/);
    if (m) { sessionStorage.setItem('hone.token', decodeURIComponent(m[1])); history.replaceState(null, '', location.pathname + location.search); }
    return sessionStorage.getItem('hone.token');
  },
  signIn(message) {
    if (document.getElementById('signin')) return;
    const box = document.createElement('form'); box.id = 'signin';
    box.innerHTML = '<p></p><label>token <input name="token" size="60" autocomplete="off"></label> <button>sign in</button>';
    box.querySelector('p').textContent = message;
    box.onsubmit = e => { e.preventDefault(); sessionStorage.setItem('hone.token', box.elements.token.value.trim()); location.reload(); };
    document.body.prepend(box);
    box.elements.token.focus();
  },
  async fetch(url) {
    const token = Hone.token();
    if (!token) { Hone.signIn('Sign in with a token from ./hone token (coach, product or admin; a learner sees their own page).'); throw new Error('not signed in'); }
    const r = await fetch(url, {headers: {Authorization: 'Bearer ' + token}});
    if (r.status === 401) { sessionStorage.removeItem('hone.token'); Hone.signIn('Your token is missing, expired or not valid: sign in again.'); }
    if (r.status === 403) Hone.signIn('Your role does not allow this dashboard: sign in with another token.');
    if (!r.ok) throw new Error(url + ': ' + r.status);
    return r;
  },
  params() { return new URLSearchParams(location.search); },
  filterQuery(extra) {
    const p = new URLSearchParams();
    for (const k of ['cohort', 'track', 'from', 'to']) { const v = Hone.params().get(k); if (v) p.set(k, v); }
    if (extra) for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return s ? '?' + s : '';
  },
  async load(api) {
    return (await Hone.fetch(api + Hone.filterQuery())).json();
  },
  // a plain link cannot send the token: the click fetches the CSV with it and saves the file
  csvLink(id, api) {
    const a = document.getElementById(id);
    a.href = api + Hone.filterQuery({format: 'csv'});
    a.onclick = async e => {
      e.preventDefault();
      const blob = await (await Hone.fetch(a.href)).blob();
      const save = document.createElement('a'); save.href = URL.createObjectURL(blob);
      save.download = (a.href.split('?')[0].split('/').pop() || 'dashboard') + '.csv'; save.click(); URL.revokeObjectURL(save.href);
    };
  },
  fillFilters() {
    const form = document.getElementById('filters');
    for (const k of ['cohort', 'track', 'from', 'to']) { if (form.elements[k]) form.elements[k].value = Hone.params().get(k) || ''; }
  },
  pct(v) { return v == null ? '–' : Math.round(v * 100) + '%'; },
  chart(id, config) { return new Chart(document.getElementById(id), config); },
  cell(text) { const td = document.createElement('td'); td.textContent = text; return td; },
  heat(v) { return v == null ? '#eee' : `hsl(${Math.round(v * 120)}, 70%, 75%)`; }
};
