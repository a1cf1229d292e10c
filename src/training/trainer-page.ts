import { escapeHtml } from '../core/escape-html.js';
import { lifecycleMermaid, lifecycleSvg } from './lifecycle-svg.js';

const STYLES = `
:root { --ink:#1d2433; --muted:#5b6478; --line:#dde2ec; --bg:#f4f6fa; --card:#fff; --accent:#2f5fd0;
  --ok:#1f8a4c; --ok-bg:#e7f6ed; --bad:#c23a2b; --bad-bg:#fdecea; --lift:#8a5a00; --lift-bg:#fff5e0; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
header { display:flex; align-items:center; gap:16px; padding:12px 24px; background:#1d2433; color:#fff; }
header h1 { font-size:18px; margin:0; font-weight:600; letter-spacing:.2px; }
header .session { color:#b9c3d8; font-size:13px; }
header .trainee { margin-left:auto; font-size:13px; color:#b9c3d8; }
header .trainee input { font:inherit; margin-left:6px; padding:4px 8px; border-radius:6px; border:1px solid #3c4864; }
.export { margin:12px 0; }
header .score { background:#2c3650; padding:6px 14px; border-radius:999px; font-weight:600; }
main { display:grid; grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr); gap:20px; padding:20px 24px; max-width:1320px; margin:0 auto; }
section.panel { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:18px 20px; }
h2 { font-size:15px; margin:0 0 12px; color:var(--muted); font-weight:600; text-transform:uppercase; letter-spacing:.6px; }
.progress { color:var(--muted); font-size:13px; float:right; text-transform:none; letter-spacing:0; }
dl.card { display:grid; grid-template-columns: 128px 1fr; gap:6px 14px; margin:0; }
dl.card dt { color:var(--muted); font-weight:600; font-size:13px; padding-top:1px; }
dl.card dd { margin:0; }
.question { margin-top:18px; padding-top:16px; border-top:1px dashed var(--line); }
.question p { margin:0 0 10px; font-weight:600; }
.buttons { display:flex; gap:10px; flex-wrap:wrap; }
button { font:inherit; border-radius:8px; border:1px solid var(--line); background:#fff; padding:9px 18px; cursor:pointer; }
button:disabled { opacity:.5; cursor:default; }
button.dial { background:var(--ok); color:#fff; border-color:var(--ok); font-weight:600; }
button.nodial { background:var(--bad); color:#fff; border-color:var(--bad); font-weight:600; }
button.primary { background:var(--accent); color:#fff; border-color:var(--accent); font-weight:600; }
.rules { display:none; margin-top:12px; }
.rules.open { display:block; }
.rules label { display:flex; gap:10px; align-items:baseline; padding:6px 8px; border-radius:6px; cursor:pointer; }
.rules label:hover { background:var(--bg); }
.rules code { font-weight:600; min-width:230px; display:inline-block; }
.rules .title { color:var(--muted); font-size:13px; }
.feedback { margin-top:16px; display:none; }
.feedback.shown { display:block; }
.verdict { padding:10px 14px; border-radius:8px; font-weight:600; margin-bottom:10px; }
.verdict.right { background:var(--ok-bg); color:var(--ok); }
.verdict.wrong { background:var(--bad-bg); color:var(--bad); }
.rule { border-left:4px solid var(--bad); background:#fbfbfd; padding:8px 12px; margin:8px 0; border-radius:0 6px 6px 0; }
.rule.lifted { border-color:#e0a100; }
.rule.chosen { border-color:#7a7a7a; border-style:dashed; }
.rule .head { font-weight:600; }
.rule .cite { color:var(--muted); font-size:13px; }
.rule .why { margin-top:3px; }
.rule a { font-size:13px; color:var(--accent); }
.contrast { color:var(--muted); font-size:13px; margin-top:8px; }
.next { margin-top:12px; }
svg.lifecycle { width:100%; height:auto; }
svg.lifecycle .edge { fill:none; stroke:#b4bccb; stroke-width:1.2; marker-end:url(#arrow); }
svg.lifecycle marker path { fill:#b4bccb; }
svg.lifecycle .state rect { fill:#fff; stroke:#9aa5ba; stroke-width:1.2; }
svg.lifecycle .state.final rect { fill:#f1f3f8; }
svg.lifecycle .state text { font:12px system-ui, sans-serif; text-anchor:middle; fill:var(--ink); }
svg.lifecycle .state.on rect { fill:#e5edff; stroke:var(--accent); stroke-width:2; }
svg.lifecycle .state.on.stop rect { fill:var(--bad-bg); stroke:var(--bad); }
svg.lifecycle .state.on.go rect { fill:var(--ok-bg); stroke:var(--ok); }
svg.lifecycle .edge.on { stroke:var(--accent); stroke-width:2.2; }
details { margin-top:10px; font-size:13px; }
details pre { background:#f6f8fb; border:1px solid var(--line); padding:10px; border-radius:6px; overflow:auto; max-height:260px; }
.hint { color:var(--muted); font-size:13px; margin-top:8px; }
.done { text-align:center; padding:20px 0; }
.done .big { font-size:28px; font-weight:700; }
.review { text-align:left; margin-top:12px; }
.review h3 { font-size:15px; margin:0 0 8px; }
.review .mistake { border-top:1px solid var(--line); padding:12px 0; }
.review .mistake > .head { font-weight:600; margin-bottom:8px; }
.roundbar { display:flex; flex-wrap:wrap; align-items:center; gap:10px 16px; padding:10px 24px; background:#fff; border-bottom:1px solid var(--line); font-size:14px; }
.roundbar label { color:var(--muted); font-weight:600; font-size:13px; }
.roundbar select, .roundbar input { font:inherit; margin-left:6px; padding:4px 8px; border-radius:6px; border:1px solid var(--line); }
.roundbar input { width:110px; }
.roundbar button { padding:5px 14px; }
.roundbar .error { color:var(--bad); font-weight:600; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
`;

const SCRIPT = `
const state = { drills: [], rules: [], index: 0, correct: 0, answered: 0, graded: false, results: [], round: null, settings: null };
const $ = (id) => document.getElementById(id);
function el(tag, cls, text) { const node = document.createElement(tag); if (cls) node.className = cls; if (text !== undefined) node.textContent = text; return node; }
function showScore() { $('score').textContent = 'Score ' + state.correct + ' / ' + state.answered; }
function lightPath(verdict) {
  document.querySelectorAll('svg.lifecycle .on').forEach((node) => node.classList.remove('on', 'stop', 'go'));
  if (!verdict) return;
  const last = verdict === 'allow' ? 'dialing' : 'blocked';
  for (const name of ['queued', 'screening', last]) {
    const node = document.getElementById('state-' + name);
    if (node) node.classList.add('on', name === last ? (verdict === 'allow' ? 'go' : 'stop') : 'x');
  }
  for (const [from, to] of [['queued', 'screening'], ['screening', last]]) {
    const edge = document.querySelector('svg.lifecycle .edge[data-from="' + from + '"][data-to="' + to + '"]');
    if (edge) edge.classList.add('on');
  }
}
function renderDrill() {
  const drill = state.drills[state.index];
  state.graded = false;
  $('feedback').className = 'feedback';
  $('feedback').replaceChildren();
  $('rules').className = 'rules';
  lightPath(null);
  if (!drill) {
    const done = el('div', 'done');
    done.append(el('div', 'big', state.correct + ' of ' + state.answered + ' right'), el('p', '', 'Round complete. Choose a level and a number of drills above and start a new round.'));
    // The next seed, so "Start round" hands out drills this trainee has not seen.
    if ($('round-seed').value !== '' && /^-?\\d+$/.test($('round-seed').value)) $('round-seed').value = String(Number($('round-seed').value) + 1);
    $('card').replaceChildren(done, exportForm(), reviewOf(state.results));
    $('question').style.display = 'none';
    $('progress').textContent = '';
    return;
  }
  $('progress').textContent = 'Drill ' + (state.index + 1) + ' of ' + state.drills.length + ' · ' + drill.id;
  const list = el('dl', 'card');
  for (const line of drill.card.lines) list.append(el('dt', '', line.label), el('dd', '', line.text));
  $('card').replaceChildren(list);
  $('question').style.display = '';
  for (const button of document.querySelectorAll('.question button')) button.disabled = false;
  for (const input of document.querySelectorAll('input[name=rule]')) input.checked = false;
}
function answerText(answer) { return answer.kind === 'dial' ? 'dial' : "don't dial (" + answer.rule + ')'; }
// The mistakes of the session, each with its card and feedback, as the terminal trainer's review prints them.
function reviewOf(results) {
  const review = el('div', 'review'); review.id = 'review';
  const mistakes = results.filter((result) => !result.grade.correct);
  if (mistakes.length === 0) { review.append(el('p', '', 'No mistakes to review.')); return review; }
  review.append(el('h3', '', 'Review of ' + mistakes.length + ' mistake' + (mistakes.length === 1 ? '' : 's')));
  for (const { drill, grade } of mistakes) {
    const item = el('div', 'mistake');
    const expected = grade.verdict === 'allow' ? 'dial' : "don't dial (" + grade.violations.map((v) => v.rule).join(' or ') + ')';
    item.append(el('div', 'head', drill.id + ': you said ' + answerText(grade.answer) + '; the answer is ' + expected + '.'));
    const list = el('dl', 'card');
    for (const line of drill.card.lines) list.append(el('dt', '', line.label), el('dd', '', line.text));
    item.append(list);
    if (grade.chosen) item.append(ruleBlock(grade.chosen, false, true));
    for (const rule of grade.violations) item.append(ruleBlock(rule, false));
    for (const rule of grade.exemptions) item.append(ruleBlock(rule, true));
    review.append(item);
  }
  return review;
}
// A form the server answers with a download, so the export needs no script-made URL and no request elsewhere.
function exportForm() {
  const form = el('form', 'export'); form.method = 'post'; form.action = '/api/results'; form.id = 'export';
  const hidden = (name, value) => { const input = el('input'); input.type = 'hidden'; input.name = name; input.value = value; form.append(input); return input; };
  const format = hidden('format', 'json');
  const name = hidden('name', '');
  hidden('answers', JSON.stringify(state.results.map(({ drill, grade }) => ({ drillId: drill.id, answer: grade.answer }))));
  // A round started in the page: the server reports its settings, not the session's.
  if (state.round) for (const key of ['level', 'count', 'seed']) hidden(key, String(state.round[key]));
  form.append(el('span', '', 'Export the results: '));
  for (const kind of ['json', 'csv']) {
    const button = el('button', 'primary', kind.toUpperCase()); button.type = 'button'; button.id = 'export-' + kind;
    button.addEventListener('click', () => { format.value = kind; name.value = $('trainee').value.trim(); form.submit(); });
    form.append(button, document.createTextNode(' '));
  }
  return form;
}
function ruleBlock(rule, lifted, chosen) {
  const box = el('div', chosen ? 'rule chosen' : lifted ? 'rule lifted' : 'rule');
  box.append(el('div', 'head', (chosen ? 'Your answer, which does not block this call: ' : lifted ? 'Lifted: ' : '') + rule.rule + ' · ' + rule.title));
  box.append(el('div', 'cite', rule.citation));
  box.append(el('div', 'why', (chosen ? 'Why not: ' : 'Why: ') + rule.why));
  const link = el('a', 'rule-page', 'Rule page'); link.href = '/rules/' + encodeURIComponent(rule.rule); link.target = '_blank';
  box.append(link, el('span', 'read', ' · in a terminal: ' + rule.read));
  return box;
}
async function answer(body) {
  if (state.graded) return;
  const drill = state.drills[state.index];
  for (const button of document.querySelectorAll('.question button')) button.disabled = true;
  const response = await fetch('/api/grade', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ drillId: drill.id, answer: body }) });
  const grade = await response.json();
  if (!response.ok) { $('feedback').replaceChildren(el('div', 'verdict wrong', grade.error)); $('feedback').className = 'feedback shown'; return; }
  state.graded = true;
  state.answered += 1;
  state.results.push({ drill, grade });
  if (grade.correct) state.correct += 1;
  showScore();
  lightPath(grade.verdict);
  const box = $('feedback');
  const rules = grade.violations.map((v) => v.rule);
  let headline;
  if (grade.correct) headline = grade.verdict === 'allow' ? 'Right: this call may be dialed.' : 'Right: do not dial. ' + body.rule + ' blocks this call.';
  else if (!grade.verdictCorrect) headline = grade.verdict === 'allow' ? 'Wrong: this call may be dialed; no rule blocks it' + (body.kind === 'block' ? ', ' + body.rule + ' included.' : '.') : 'Wrong: do not dial this call. Blocked by ' + rules.join(', ') + '.';
  else headline = 'Wrong rule: the call is blocked, but not by ' + body.rule + '. Blocked by ' + rules.join(', ') + '.';
  box.replaceChildren(el('div', 'verdict ' + (grade.correct ? 'right' : 'wrong'), headline));
  if (grade.chosen) box.append(ruleBlock(grade.chosen, false, true));
  for (const rule of grade.violations) box.append(ruleBlock(rule, false));
  for (const rule of grade.exemptions) box.append(ruleBlock(rule, true));
  if (grade.contrast) box.append(el('div', 'contrast', 'Edge: with ' + grade.contrast.text + ', the engine would ' + (grade.contrast.verdict === 'allow' ? 'allow the call.' : 'block it (' + grade.contrast.rules.join(', ') + ').')));
  const next = el('button', 'primary next', state.index + 1 < state.drills.length ? 'Next drill →' : 'See the score');
  next.id = 'next';
  next.addEventListener('click', () => { state.index += 1; renderDrill(); });
  box.append(next);
  box.className = 'feedback shown';
}
// A round's drills replace the current ones; the score starts again.
function beginRound(data) {
  state.drills = data.drills; state.index = 0; state.correct = 0; state.answered = 0; state.results = [];
  $('session').textContent = data.description;
  showScore();
  renderDrill();
}
function fillRoundForm(settings, limits) {
  const level = $('round-level');
  if (level.options.length === 0) for (const name of limits.levels) { const option = el('option', '', name); option.value = name; level.append(option); }
  level.value = settings.level ?? 'single';
  $('round-count').value = String(settings.count);
  $('round-count').min = String(limits.count.min); $('round-count').max = String(limits.count.max);
  $('round-seed').value = String(settings.seed ?? 1);
  $('round-seed').min = String(limits.seed.min); $('round-seed').max = String(limits.seed.max);
}
async function startRound(event) {
  event.preventDefault();
  const query = new URLSearchParams({ level: $('round-level').value, count: $('round-count').value.trim(), seed: $('round-seed').value.trim() });
  $('round-start').disabled = true;
  try {
    const response = await fetch('/api/drills?' + query.toString());
    const data = await response.json();
    if (!response.ok) { $('round-error').textContent = data.error; return; }
    $('round-error').textContent = '';
    state.round = data.settings;
    beginRound(data);
  } finally { $('round-start').disabled = false; }
}
async function start() {
  const response = await fetch('/api/drills');
  const data = await response.json();
  state.rules = data.rules;
  const rules = $('rule-list');
  data.rules.forEach((rule, index) => {
    const label = el('label');
    const input = el('input'); input.type = 'radio'; input.name = 'rule'; input.value = rule.id; input.id = 'rule-' + rule.id;
    label.append(input, el('code', '', (index + 1) + '. ' + rule.id), el('span', 'title', rule.title));
    rules.append(label);
  });
  $('dial').addEventListener('click', () => answer({ kind: 'dial' }));
  $('nodial').addEventListener('click', () => { $('rules').className = 'rules open'; });
  $('submit-rule').addEventListener('click', () => {
    const chosen = document.querySelector('input[name=rule]:checked');
    if (!chosen) { $('rule-hint').textContent = 'Pick the rule that blocks the call.'; return; }
    $('rule-hint').textContent = '';
    answer({ kind: 'block', rule: chosen.value });
  });
  fillRoundForm(data.settings, data.limits);
  $('round').addEventListener('submit', startRound);
  beginRound(data);
}
start();
`;

/** The trainer's one page: inline styles and script, no external request; drills and grades come from /api. */
export function trainerPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dialsim trainer</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body>
<header><h1>dialsim trainer</h1><span class="session" id="session"></span><label class="trainee">Your name <input id="trainee" autocomplete="name" maxlength="200"></label><span class="score" id="score">Score 0 / 0</span></header>
<form class="roundbar" id="round" novalidate>
  <label>Level <select id="round-level" name="level"></select></label>
  <label>Drills <input id="round-count" name="count" type="number" inputmode="numeric" required></label>
  <label>Seed <input id="round-seed" name="seed" type="number" inputmode="numeric" required></label>
  <button class="primary" id="round-start" type="submit">Start round</button>
  <span class="hint">The same level, count and seed give the same drills, as <code>dialsim train --level L --count N --seed S</code> does.</span>
  <span class="error" id="round-error" role="alert"></span>
</form>
<main>
  <section class="panel">
    <h2>The call <span class="progress" id="progress"></span></h2>
    <div id="card"></div>
    <div class="question" id="question">
      <p>Dial or not? If not, which rule stops you?</p>
      <div class="buttons"><button class="dial" id="dial">Dial</button><button class="nodial" id="nodial">Don't dial…</button></div>
      <div class="rules" id="rules">
        <div id="rule-list"></div>
        <div class="buttons" style="margin-top:8px"><button class="primary" id="submit-rule">Don't dial: this rule</button></div>
        <div class="hint" id="rule-hint"></div>
      </div>
    </div>
    <div class="feedback" id="feedback" aria-live="polite"></div>
  </section>
  <section class="panel">
    <h2>Call lifecycle</h2>
    ${lifecycleSvg()}
    <div class="hint">Every call passes screening first: only an allowed call reaches <b>dialing</b>. After you answer, the drill's path lights up.</div>
    <details><summary>Mermaid source (docs/lifecycle.md)</summary><pre>${escapeHtml(lifecycleMermaid())}</pre></details>
  </section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
