// The practice page: plain JS on ingest's public API (no build step). State lives in this tab only.
const $ = id => document.getElementById(id);
const P = {token: null, learner: null, question: null, item: null, shownAt: 0, recent: [], topics: new Map(), answered: 0, focus: null};
const enc = encodeURIComponent;
const pct = x => (x * 100).toFixed(1) + '%';
const pct0 = x => Math.round(x * 100) + '%';

function claims(token) {
  const part = token.split('.')[1] || '';
  return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')));
}

// The bank writes inline code in backticks: shown as <code>, built from text nodes (never as HTML).
function rich(el, text) {
  el.replaceChildren(...String(text || '').split('`').map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement('code'); code.textContent = part; return code;
  }));
  return el;
}

function setState(state) { document.body.dataset.state = state; }

function eventId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16)); b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function api(method, path, body) {
  const headers = {Authorization: 'Bearer ' + P.token};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const json = (r.headers.get('Content-Type') || '').includes('json') ? await r.json() : null;
  if (r.status === 401) { signOut('Your token is missing, expired or not valid: sign in again.'); throw new Error('signed out'); }
  if (!r.ok) {
    const e = new Error(json && json.detail ? json.detail : method + ' ' + path + ': ' + r.status);
    e.status = r.status; e.retryAfter = Number(r.headers.get('Retry-After') || 0);
    throw e;
  }
  return json;
}

function signIn(token) {
  let c;
  try { c = claims(token); } catch (e) { $('signin-error').textContent = 'That is not a token (three dot-separated parts).'; return false; }
  const roles = Array.isArray(c.roles) ? c.roles : String(c.roles || '').split(/\s+/);
  if (!roles.includes('learner')) { $('signin-error').textContent = 'This page is for learners: use a token made with --role learner.'; return false; }
  P.token = token; P.learner = c.learner || c.sub;
  sessionStorage.setItem('hone.practice.token', token);
  $('who').textContent = 'signed in as ' + P.learner; $('signout').hidden = false;
  $('signin').hidden = true; $('practice').hidden = false;
  $('track').value = localStorage.getItem('hone.practice.track.' + P.learner) || 'general';
  P.focus = new URLSearchParams(location.search).get('topic'); // a readiness panel's "practise" link
  start();
  return true;
}

function signOut(message) {
  sessionStorage.removeItem('hone.practice.token');
  P.token = null; $('practice').hidden = true; $('signin').hidden = false; $('signout').hidden = true; $('who').textContent = '';
  $('signin-error').textContent = message || ''; setState('signed-out'); $('token').value = ''; $('token').focus();
}

async function start() {
  try {
    const topics = await api('GET', '/api/v1/topics');
    topics.forEach(t => P.topics.set(t.id, t.name));
  } catch (e) { /* names are a nicety: ids still show */ }
  showFocus();
  await Promise.all([next(), mastery(), readiness(), trend()]);
}

async function next() {
  setState('loading'); $('message').textContent = '';
  $('feedback').hidden = true; $('answer').hidden = false;
  const track = $('track').value;
  const topic = P.focus ? '&topic=' + enc(P.focus) : '';
  let queue;
  for (let attempt = 0; ; attempt++) {
    try {
      queue = await api('GET', `/api/v1/learners/${enc(P.learner)}/queue?n=5&track=${enc(track)}${topic}`);
      break;
    } catch (e) {
      if (e.status === 400 && P.focus) { // a topic from an old link that no longer exists: back to the full queue
        focusOn(null); await next(); $('message').textContent = 'That topic cannot be practised here: ' + e.message; return;
      }
      if (e.status !== 503 || attempt >= 20) { $('message').textContent = 'Could not get your next question: ' + e.message; setState('error'); return; }
      $('message').textContent = 'The recommender is getting ready; trying again…';
      await new Promise(res => setTimeout(res, Math.max(1, e.retryAfter) * 1000));
    }
  }
  // the queue may not have seen the last answer yet: skip what was just answered
  const item = queue.items.find(i => !P.recent.includes(i.questionId)) || queue.items[0];
  if (!item) { $('message').textContent = P.focus ? 'No questions for this topic.' : 'No questions for this track.'; setState('error'); return; }
  P.item = item;
  P.question = await api('GET', '/api/v1/questions/' + encodeURIComponent(item.questionId));
  show(P.question, item);
}

function show(q, item) {
  $('message').textContent = '';
  $('reason').textContent = item.reason;
  rich($('stem'), q.stem);
  $('code').hidden = !q.code; $('code').textContent = q.code || '';
  $('card').dataset.kind = q.kind; $('card').dataset.questionId = q.id;
  for (const id of ['choices', 'output-box', 'self-box', 'rubric']) $(id).hidden = true;
  $('options').replaceChildren(); $('points').replaceChildren(); $('output').value = ''; $('draft').value = '';
  let focus = $('submit');
  if (q.kind === 'single_choice' || q.kind === 'multi_choice') {
    $('choices').hidden = false;
    $('choices-legend').textContent = q.kind === 'single_choice' ? 'Choose one' : 'Choose every right option';
    q.options.forEach((o, i) => $('options').appendChild(choice(q.kind === 'single_choice' ? 'radio' : 'checkbox', 'option', o, i)));
    focus = $('options').querySelector('input');
  } else if (q.kind === 'code_output') {
    $('output-box').hidden = false; focus = $('output');
  } else {
    $('self-box').hidden = false; focus = $('draft');
    (q.rubric || []).forEach((r, i) => $('points').appendChild(choice('checkbox', 'point', r, i)));
  }
  P.shownAt = performance.now();
  setState('question');
  focus.focus();
}

function choice(type, name, option, i) {
  const label = document.createElement('label');
  const input = document.createElement('input'); input.type = type; input.name = name; input.value = option.id;
  const text = rich(document.createElement('span'), option.text);
  label.append(input, ` ${i + 1}. `, text);
  return label;
}

function response(q) {
  const picked = sel => [...document.querySelectorAll(sel + ':checked')].map(x => x.value);
  if (q.kind === 'single_choice') return picked('#options input')[0];
  if (q.kind === 'multi_choice') return picked('#options input');
  if (q.kind === 'code_output') return $('output').value.trim();
  return picked('#points input');
}

async function answer() {
  const q = P.question;
  if (q.kind === 'self_assessed' && $('rubric').hidden) { reveal(); return; }
  const r = response(q);
  if (r === undefined || r === '' || (Array.isArray(r) && r.length === 0 && q.kind === 'multi_choice')) {
    $('message').textContent = q.kind === 'code_output' ? 'Type what it prints first.' : 'Pick an option first.'; return;
  }
  setState('sending');
  const body = {eventId: eventId(), learnerId: P.learner, questionId: q.id, response: r,
    responseMs: Math.min(86400000, Math.round(performance.now() - P.shownAt))};
  let reply;
  try { reply = await api('POST', '/api/v1/answers', body); }
  catch (e) { $('message').textContent = 'Your answer was not stored: ' + e.message; setState('question'); return; }
  P.recent = [q.id, ...P.recent].slice(0, 5);
  P.answered++;
  feedback(q, reply);
  refreshMastery();
}

function reveal() { $('rubric').hidden = false; const first = $('points').querySelector('input'); (first || $('submit')).focus(); }

function feedback(q, reply) {
  $('answer').hidden = true; $('feedback').hidden = false;
  const result = $('result');
  const partial = !reply.correct && reply.score > 0;
  result.className = reply.correct ? 'right' : partial ? 'partial' : 'wrong';
  result.textContent = reply.correct ? 'Right.' : partial ? `Partly right (score ${Math.round(reply.score * 100)}%).` : 'Not right.';
  const f = reply.feedback || {};
  rich($('key'), keyText(q, f.answer));
  rich($('explanation'), f.explanation);
  $('notes').replaceChildren(...(f.options || []).filter(o => o.why).map(o => {
    const li = document.createElement('li'); const text = (q.options.find(x => x.id === o.id) || {}).text || o.id;
    return rich(li, `${o.key ? '✓' : '✗'} ${text}: ${o.why}`);
  }));
  $('answered').textContent = `${P.answered} answered in this session`;
  setState('feedback');
  $('next').focus();
}

function keyText(q, key) {
  if (key == null) return '';
  const text = id => (q.options.find(o => o.id === id) || {}).text || id;
  if (q.kind === 'single_choice') return 'Answer: ' + text(key);
  if (q.kind === 'multi_choice') return 'Answer: ' + key.map(text).join('; ');
  if (q.kind === 'code_output') return 'It prints: ' + key;
  return 'Rubric: ' + key.map(p => p.text || p.id).join('; ');
}

async function mastery() {
  const m = await api('GET', `/api/v1/learners/${encodeURIComponent(P.learner)}/mastery`).catch(() => null);
  if (!m) return 0;
  const rows = m.topics.map(t => {
    const tr = document.createElement('tr'); tr.dataset.topic = t.topicId;
    const name = document.createElement('td'); name.textContent = P.topics.get(t.topicId) || t.topicId;
    const bar = document.createElement('td'); bar.innerHTML = '<div class="bar"><span></span></div>';
    bar.querySelector('span').style.width = Math.round(t.mastery * 100) + '%';
    const value = document.createElement('td'); value.textContent = `${Math.round(t.mastery * 100)}% (${t.answers})`;
    tr.append(name, bar, value); return tr;
  });
  $('mastery').tBodies[0].replaceChildren(...rows);
  return m.topics.reduce((s, t) => s + t.answers, 0);
}

// the recommender updates mastery a moment after the answer is stored: look again a few times,
// then read the readiness that the new mastery gives (and the trend, once analytics has the row)
async function refreshMastery() {
  const before = $('mastery').dataset.total ? Number($('mastery').dataset.total) : -1;
  for (let i = 0; i < 6; i++) {
    await new Promise(res => setTimeout(res, 500));
    const total = await mastery();
    if (total > before) { $('mastery').dataset.total = total; break; }
  }
  await Promise.all([readiness(), trend()]);
}

// The readiness panel: score, interval and best topics from the recommender's readiness (through ingest).
async function readiness() {
  const track = $('track').value;
  let r;
  try { r = await api('GET', `/api/v1/learners/${enc(P.learner)}/readiness?track=${enc(track)}`); }
  catch (e) { $('readiness-note').textContent = 'Readiness is not available right now: ' + e.message; return; }
  if (track !== $('track').value) return; // the track changed while this was on its way
  const panel = $('readiness');
  panel.dataset.track = r.track; panel.dataset.score = r.score;
  $('readiness-track').textContent = '(' + $('track').selectedOptions[0].textContent + ')';
  $('readiness-score').textContent = pct(r.score);
  $('readiness-interval').textContent = `95% interval ${pct0(r.low)} to ${pct0(r.high)}`;
  $('readiness-note').textContent = `The share of a typical ${r.track} interview you would answer right, as the model sees you now.`;
  $('readiness-best').replaceChildren(...r.bestTopics.map(t => {
    const li = document.createElement('li'); const a = document.createElement('a');
    a.href = t.practice || '/practice/?topic=' + enc(t.topicId); a.dataset.topic = t.topicId; a.textContent = 'Practise ' + t.name;
    li.append(a, ` (mastery ${pct0(t.mastery)}, +${(t.gainPerHour * 100).toFixed(1)} points per hour)`);
    return li;
  }));
}

// The trend per week comes from analytics (ingest relays it); it is the score's approximation from the mastery history.
async function trend() {
  const track = $('track').value;
  let t;
  try { t = await api('GET', `/api/v1/learners/${enc(P.learner)}/readiness/weeks?track=${enc(track)}`); }
  catch (e) { $('readiness-trend').textContent = 'The trend per week is not available right now.'; return; }
  if (track !== $('track').value) return;
  drawTrend(t.weeks || []);
}

function drawTrend(weeks) {
  const box = $('readiness-trend');
  if (!weeks.length) { box.textContent = 'Your trend per week starts with your first answers.'; return; }
  const W = 260, H = 64, pad = 6, ns = 'http://www.w3.org/2000/svg';
  const x = i => weeks.length === 1 ? W / 2 : pad + i * (W - 2 * pad) / (weeks.length - 1);
  const y = v => pad + (1 - v) * (H - 2 * pad);
  const el = (name, attrs) => { const e = document.createElementNS(ns, name); for (const k in attrs) e.setAttribute(k, attrs[k]); return e; };
  const summary = weeks.map(w => `week of ${w.week}: ${pct0(w.readiness)}`).join(', ');
  const svg = el('svg', {viewBox: `0 0 ${W} ${H + 14}`, width: W, height: H + 14, role: 'img', 'aria-label': 'readiness per week: ' + summary});
  svg.append(el('line', {class: 'axis', x1: 0, x2: W, y1: y(0.5), y2: y(0.5)}),
    el('polyline', {class: 'line', points: weeks.map((w, i) => `${x(i)},${y(w.readiness)}`).join(' ')}),
    ...weeks.map((w, i) => el('circle', {cx: x(i), cy: y(w.readiness), r: 3})));
  const first = el('text', {x: 0, y: H + 12}); first.textContent = weeks[0].week;
  const last = el('text', {x: W, y: H + 12, 'text-anchor': 'end'}); last.textContent = pct0(weeks[weeks.length - 1].readiness) + ' this week';
  svg.append(first, last);
  const note = document.createElement('p'); note.className = 'hint';
  note.textContent = 'per week, from your mastery history (topics not practised count at 50%; no interval)';
  box.replaceChildren(svg, note);
}

// "Practise" from the panel: the queue serves that topic (GET /queue?topic=) until the learner goes back.
function focusOn(topicId) {
  P.focus = topicId;
  history.replaceState(null, '', location.pathname + (topicId ? '?topic=' + enc(topicId) : ''));
  showFocus();
}

function showFocus() {
  $('focus').hidden = !P.focus;
  $('focus-name').textContent = P.focus ? P.topics.get(P.focus) || P.focus : '';
}

document.addEventListener('keydown', e => {
  const state = document.body.dataset.state;
  const typing = e.target.tagName === 'TEXTAREA' || (e.target.tagName === 'INPUT' && e.target.type === 'text');
  if (state === 'question' && !typing && /^[1-9]$/.test(e.key)) {
    const inputs = [...document.querySelectorAll(!$('rubric').hidden ? '#points input' : '#options input')];
    const input = inputs[Number(e.key) - 1];
    if (input) { input.checked = input.type === 'radio' ? true : !input.checked; input.focus(); e.preventDefault(); }
  } else if (e.key === 'Enter' && state === 'question' && (e.target.tagName !== 'TEXTAREA' || e.ctrlKey)) {
    if (ownsEnter(e.target) && e.target.id !== 'submit') return; // a focused button or link answers its own Enter
    e.preventDefault(); answer();
  } else if (e.key === 'Enter' && state === 'feedback' && !(ownsEnter(e.target) && e.target.id !== 'next')) {
    e.preventDefault(); next();
  }
});
function ownsEnter(target) { return target.tagName === 'BUTTON' || target.tagName === 'A'; }

$('readiness-best').addEventListener('click', e => {
  const a = e.target.closest('a[data-topic]');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // a new tab opens the link itself
  e.preventDefault(); focusOn(a.dataset.topic); next();
});
$('focus-clear').addEventListener('click', () => { focusOn(null); next(); });
$('answer').addEventListener('submit', e => { e.preventDefault(); answer(); });
$('reveal').addEventListener('click', reveal);
$('next').addEventListener('click', () => next());
$('track').addEventListener('change', () => {
  localStorage.setItem('hone.practice.track.' + P.learner, $('track').value);
  next(); readiness(); trend();
});
$('signin').addEventListener('submit', e => { e.preventDefault(); signIn($('token').value.trim()); });
$('signout').addEventListener('click', () => signOut());

(() => {
  const m = location.hash.match(/[#&]token=([^&]+)/);
  if (m) history.replaceState(null, '', location.pathname + location.search);
  const token = m ? decodeURIComponent(m[1]) : sessionStorage.getItem('hone.practice.token');
  if (!token || !signIn(token)) $('token').focus();
})();
