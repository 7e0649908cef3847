// The BreastAI page: a window on the workspace's runs, through the JSON API and its
// Server-Sent Events. Everything shown comes from the server; nothing is fetched elsewhere.
'use strict';

const $ = s => document.querySelector(s);
const view = {
  run: null, runs: [], active: null, state: 'idle', detail: null, progress: null, stats: null,
  steps: [], epochs: [], checkpoints: [], log: [], events: null, jobsSeen: {}, pendingReport: null,
};
const LIVE = ['starting', 'running', 'stopping'];

// ---- requests --------------------------------------------------------------------------------

async function api(path, options = {}) {
  const init = Object.assign({headers: {}}, options);
  if (init.method === 'POST') init.headers['X-BreastAI'] = '1';
  if (init.json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(init.json);
  }
  const response = await fetch(path, init);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) throw new Error((body && body.error) || `${response.status} ${response.statusText} (${path})`);
  return body;
}

function showError(message) { $('#error').textContent = message || ''; }

async function action(work) {
  try { showError(''); await work(); } catch (e) { showError(e.message); }
}

// ---- formatting ------------------------------------------------------------------------------

const num = (v, digits = 3) => (typeof v === 'number' && Number.isFinite(v)) ? v.toFixed(digits) : '–';
function duration(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60, r = s % 60;
  return (h ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + ':' + String(r).padStart(2, '0');
}
function bytes(n) {
  if (typeof n !== 'number') return '–';
  return n >= 1 << 30 ? (n / (1 << 30)).toFixed(2) + ' GB' : (n / (1 << 20)).toFixed(0) + ' MB';
}
function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

// ---- the run being shown ---------------------------------------------------------------------

async function loadStatus() {
  const status = await api('/api/status');
  $('#workspace').textContent = 'workspace ' + status.workspace;
  view.runs = status.runs;
  view.active = status.active;
  const select = $('#run-select');
  const wanted = view.run || (status.active && status.active.name) || (status.runs.length ? status.runs[status.runs.length - 1].name : null);
  select.textContent = '';
  for (const r of status.runs.slice().reverse()) {
    const o = document.createElement('option');
    o.value = r.name; o.textContent = `${r.name} (${r.state})`;
    select.appendChild(o);
  }
  if (wanted) select.value = wanted;
  handleJobs(status.jobs || []);
  if (wanted && wanted !== view.run) await selectRun(wanted);
  renderButtons();
}

async function selectRun(name) {
  view.run = name;
  view.steps = []; view.epochs = []; view.checkpoints = []; view.log = []; view.progress = null; view.stats = null;
  if (view.events) { view.events.close(); view.events = null; }
  $('#run-name').textContent = name;
  const [detail, metrics, steps, log, checkpoints] = await Promise.all([
    api(`/api/runs/${name}`), api(`/api/runs/${name}/metrics`), api(`/api/runs/${name}/steps`),
    api(`/api/runs/${name}/log?lines=300`), api(`/api/runs/${name}/checkpoints`)]);
  if (view.run !== name) return;
  view.detail = detail;
  view.progress = detail.progress || null;
  view.stats = detail.stats || null;
  setState(detail);
  for (const r of metrics.records) addEpoch(r);
  view.steps = steps.records;
  view.log = log.lines;
  view.checkpoints = checkpoints.checkpoints;
  renderAll();
  await loadReports();
  openEvents(name);
}

function openEvents(name) {
  const es = new EventSource(`/api/events?run=${encodeURIComponent(name)}`);
  view.events = es;
  const on = (event, handler) => es.addEventListener(event, e => {
    if (view.run !== name) return;
    try { handler(JSON.parse(e.data)); } catch (err) { console.error(err); }
  });
  on('state', s => { const was = view.state; setState(s); if (LIVE.includes(was) !== LIVE.includes(s.state)) refreshAfterStateChange(); renderStatus(); renderButtons(); });
  on('progress', p => { view.progress = p; renderStatus(); });
  on('stats', s => { view.stats = s; renderStatus(); });
  on('steps', s => {
    const last = view.steps.length ? view.steps[view.steps.length - 1].step : 0;
    view.steps = s.reset ? s.records : view.steps.concat(s.records.filter(r => r.step > last));
    renderCharts();
  });
  on('epoch', r => { addEpoch(r); renderCharts(); });
  on('log', l => { view.log = view.log.concat(l.lines).slice(-500); renderLog(); });
  on('checkpoints', c => { view.checkpoints = c.checkpoints; renderCheckpoints(); renderButtons(); });
  on('jobs', j => handleJobs(j.jobs));
}

async function refreshAfterStateChange() {
  try { await loadStatus(); } catch (e) { /* the next event retries */ }
}

function setState(s) {
  view.state = s.state;
  const el = $('#run-state');
  el.textContent = s.state;
  el.className = s.state;
  const holder = [];
  if (s.pid) holder.push(`PID ${s.pid}`);
  if (s.since) holder.push((LIVE.includes(s.state) ? 'since ' : 'at ') + s.since);
  if (s.exit_code !== undefined && s.exit_code !== null) holder.push(`exit status ${s.exit_code}`);
  $('#run-holder').textContent = holder.length ? '(' + holder.join(', ') + ')' : '';
  if (s.state === 'failed' && s.error) showError(`run ${view.run} failed: ${s.error}`);
}

function addEpoch(record) {
  const key = r => `${r.split}:${r.epoch}`;
  const i = view.epochs.findIndex(r => key(r) === key(record));
  if (i >= 0) view.epochs[i] = record; else view.epochs.push(record);
  view.epochs.sort((a, b) => a.epoch - b.epoch);
}

// ---- rendering -------------------------------------------------------------------------------

function renderAll() { renderStatus(); renderCharts(); renderLog(); renderCheckpoints(); renderButtons(); }

function renderStatus() {
  const p = view.progress || {};
  const cfg = (view.detail && view.detail.config) || {};
  const epochs = p.epochs || cfg.epochs;
  const parts = [];
  if (p.epoch) parts.push(`Epoch ${p.epoch}/${epochs || '?'}`);
  else if (view.epochs.length) parts.push(`Epoch ${view.epochs[view.epochs.length - 1].epoch}/${epochs || '?'}`);
  const lastEpoch = view.epochs.length ? view.epochs[view.epochs.length - 1] : null;
  if (p.phase) parts.push(`Phase ${p.phase}`); else if (lastEpoch && lastEpoch.phase) parts.push(`Phase ${lastEpoch.phase}`);
  if (p.batch !== undefined && p.batch !== null) parts.push(`batch ${p.batch}/${p.batches_per_epoch || '?'}`);
  if (typeof p.images_per_second === 'number') parts.push(`${p.images_per_second.toFixed(1)} images/s`);
  if (LIVE.includes(view.state)) {
    if (typeof p.epoch_eta_seconds === 'number') parts.push(`ETA epoch ${duration(p.epoch_eta_seconds)}`);
    if (typeof p.run_eta_seconds === 'number') parts.push(`ETA run ${duration(p.run_eta_seconds)}`);
  }
  if (typeof p.lr === 'number') parts.push(`LR ${p.lr.toExponential(2)}`);
  if (typeof p.train_loss === 'number') parts.push(`loss ${p.train_loss.toFixed(4)}`);
  if (p.activity && view.state === 'starting') parts.push(p.activity);
  $('#progress').textContent = parts.join(' · ');
  const done = (p.epochs_done || 0) + (p.batch && p.batches_per_epoch ? p.batch / p.batches_per_epoch : 0);
  const fraction = view.state === 'finished' ? 1 : epochs ? Math.min(1, done / epochs) : 0;
  $('#progress-bar').style.width = `${(100 * fraction).toFixed(1)}%`;
  const s = view.stats || {};
  $('#resources').textContent = LIVE.includes(view.state)
    ? `Memory (RSS) ${bytes(s.rss_bytes)} · CPU ${typeof s.cpu_percent === 'number' ? s.cpu_percent.toFixed(0) + '%' : '–'}` : '';
  const c = cfg;
  $('#run-config').textContent = c.architecture
    ? `${c.architecture} · ${c.epochs} epochs · batch ${c.batch_size} x${c.accumulation} · LR ${c.lr} · WD ${c.weight_decay} · CBAM ${c.cbam ? 'on' : 'off'} · ${c.image_size}px · data ${c.data_dir}` : '';
}

function phaseEnds() {
  const u = view.detail && view.detail.config && view.detail.config.phase_ends;
  if (!u || u.enabled === false) return [];
  return [u.phase1_epochs, u.phase2_epochs, u.phase3_epochs].filter(x => typeof x === 'number');
}

function renderCharts() {
  const holder = $('#charts');
  const steps = view.steps, val = view.epochs.filter(r => r.split === 'val');
  const stepBoundaries = [];
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].phase !== steps[i - 1].phase) stepBoundaries.push({x: steps[i].step - 0.5, label: `P${steps[i].phase}`});
  }
  const epochBoundaries = phaseEnds().map((e, i) => ({x: e + 0.5, label: `P${i + 2}`}));
  const total = (view.detail && view.detail.config && view.detail.config.epochs) || undefined;
  const epochX = {xMin: 0.5, xMax: Math.max(total || 0, ...val.map(r => r.epoch), 1) + 0.5, xLabel: 'epoch', boundaries: epochBoundaries};
  const ep = (f) => val.map(r => [r.epoch, f(r)]).filter(p => typeof p[1] === 'number');
  const m = name => r => r.metrics ? r.metrics[name] : undefined;
  const stepSeries = [];
  if (steps.some(s => typeof s.step_loss === 'number')) {
    stepSeries.push({name: 'step loss', color: '#9bb8e8', points: steps.filter(s => typeof s.step_loss === 'number').map(s => [s.step, s.step_loss])});
  }
  stepSeries.push({name: 'mean of the epoch so far', color: '#2a6fdb', points: steps.map(s => [s.step, s.loss])});
  drawChart(holder, {id: 'step-loss', title: 'Training loss per optimizer step', xLabel: 'optimizer step', boundaries: stepBoundaries,
    series: stepSeries});
  drawChart(holder, Object.assign({id: 'epoch-loss', title: 'Loss per epoch', series: [
    {name: 'train loss', color: '#2a6fdb', dots: true, points: ep(r => r.train_loss)},
    {name: 'validation NLL', color: '#d35400', dots: true, points: ep(r => r.nll)}]}, epochX));
  drawChart(holder, Object.assign({id: 'auc', title: 'Validation AUC-ROC and AUC-PR (malignant vs rest)', yMin: 0, yMax: 1, series: [
    {name: 'AUC-ROC', color: '#1e8449', dots: true, points: ep(m('auc_roc'))},
    {name: 'AUC-PR', color: '#8e44ad', dots: true, points: ep(m('auc_pr'))}]}, epochX));
  drawChart(holder, Object.assign({id: 'sens-spec', title: 'Sensitivity and specificity at the threshold', yMin: 0, yMax: 1, series: [
    {name: 'sensitivity', color: '#c0392b', dots: true, points: ep(m('sensitivity'))},
    {name: 'specificity', color: '#2980b9', dots: true, points: ep(m('specificity'))}]}, epochX));
  drawChart(holder, Object.assign({id: 'f1', title: 'F1 at the threshold', yMin: 0, yMax: 1, series: [
    {name: 'F1 macro', color: '#16a085', dots: true, points: ep(m('f1_macro'))},
    {name: 'F1 weighted', color: '#7f8c8d', dots: true, points: ep(m('f1_weighted'))}]}, epochX));
  drawChart(holder, {id: 'lr', title: 'Learning rate per step', xLabel: 'optimizer step', logY: true, boundaries: stepBoundaries,
    series: [{name: 'LR', color: '#e67e22', points: steps.map(s => [s.step, s.lr])}]});
}

function renderLog() {
  const pre = $('#log-tail');
  const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
  pre.textContent = view.log.join('\n');
  if (atBottom) pre.scrollTop = pre.scrollHeight;
}

function renderCheckpoints() {
  const body = $('#checkpoints tbody');
  body.textContent = '';
  for (const c of view.checkpoints.slice().reverse()) {
    const tr = document.createElement('tr');
    tr.dataset.name = c.name;
    if (c.best) tr.className = 'best';
    const m = c.metrics || {};
    const cells = [c.name, c.epoch ?? '–', c.phase ?? '–', num(m.auc_roc), num(m.auc_pr), num(m.sensitivity), num(m.specificity), num(m.f1_weighted), num(c.threshold)];
    for (const v of cells) { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); }
    const td = document.createElement('td');
    const evalButton = document.createElement('button');
    evalButton.className = 'eval'; evalButton.type = 'button'; evalButton.textContent = 'Evaluate';
    evalButton.addEventListener('click', () => evaluate(c.name));
    const exportButton = document.createElement('button');
    exportButton.className = 'export'; exportButton.type = 'button'; exportButton.textContent = 'Export';
    exportButton.addEventListener('click', () => exportCheckpoint(c.name));
    td.append(evalButton, exportButton);
    tr.appendChild(td);
    body.appendChild(tr);
  }
  // Resume and predict choices: latest, best, then every name.
  for (const [id, first] of [['#resume-from', ['latest', 'best']], ['#predict-checkpoint', ['best', 'latest']]]) {
    const select = $(id), keep = select.value;
    select.textContent = '';
    const names = view.checkpoints.length ? first.concat(view.checkpoints.map(c => c.name).reverse()) : [];
    for (const n of names) { const o = document.createElement('option'); o.value = n; o.textContent = n; select.appendChild(o); }
    if (names.includes(keep)) select.value = keep;
  }
}

function renderButtons() {
  const live = LIVE.includes(view.state);
  const busy = view.active && view.active.name !== view.run;
  $('#start').disabled = live || !!busy;
  $('#start').title = busy ? `run ${view.active.name} (PID ${view.active.pid}) holds the workspace's training` : '';
  $('#stop').disabled = !(view.state === 'starting' || view.state === 'running');
  // A finished run has nothing left to train; a stopped or failed one continues from a checkpoint.
  $('#resume').disabled = live || !!busy || !view.checkpoints.length || view.state === 'finished';
}

// ---- actions ---------------------------------------------------------------------------------

function formValues() {
  const f = $('#start-form'), out = {};
  for (const name of ['model', 'data_dir', 'config', 'weights']) { const v = f.elements[name].value.trim(); if (v) out[name] = v; }
  for (const name of ['epochs', 'batch_size', 'accumulation', 'image_size']) { const v = f.elements[name].value.trim(); if (v) out[name] = parseInt(v, 10); }
  for (const name of ['lr', 'weight_decay']) { const v = f.elements[name].value.trim(); if (v) out[name] = parseFloat(v); }
  out.cbam = f.elements.cbam.checked;
  out.random_init = f.elements.random_init.checked;
  return out;
}

async function start(event) {
  event.preventDefault();
  await action(async () => {
    const result = await api('/api/start', {method: 'POST', json: formValues()});
    view.run = null;
    await selectRunAndStatus(result.run);
  });
}

async function selectRunAndStatus(name) {
  view.run = name;
  await selectRun(name);
  await loadStatus();
}

async function stop() {
  await action(async () => {
    await api(`/api/runs/${view.run}/stop`, {method: 'POST', json: {}});
    setState(Object.assign({}, view.detail || {}, {state: 'stopping'}));
    renderButtons();
  });
}

async function resume() {
  await action(async () => {
    await api(`/api/runs/${view.run}/resume`, {method: 'POST', json: {from: $('#resume-from').value || 'latest'}});
    setState({state: 'starting'});
    renderButtons();
    await loadStatus();
  });
}

async function evaluate(checkpoint) {
  await action(async () => {
    const job = await api(`/api/runs/${view.run}/eval`, {method: 'POST', json: {checkpoint, split: $('#eval-split').value}});
    view.pendingReport = job.id;
    handleJobs([job]);
  });
}

async function exportCheckpoint(checkpoint) {
  await action(async () => {
    const job = await api(`/api/runs/${view.run}/export`, {method: 'POST', json: {checkpoint, format: $('#export-format').value}});
    handleJobs([job]);
  });
}

async function predict(event) {
  event.preventDefault();
  await action(async () => {
    const file = $('#predict-file').files[0];
    if (!file) throw new Error('choose an image first');
    const q = new URLSearchParams({name: file.name, checkpoint: $('#predict-checkpoint').value || 'best', tta: $('#predict-tta').checked ? '1' : '0', explain: $('#predict-explain').checked ? '1' : '0'});
    const job = await api(`/api/runs/${view.run}/predict?${q}`, {method: 'POST', body: file});
    $('#predict-result').textContent = 'predicting…';
    handleJobs([job]);
  });
}

// ---- jobs, reports, predictions --------------------------------------------------------------

function handleJobs(jobs) {
  for (const job of jobs) {
    const before = view.jobsSeen[job.id];
    view.jobsSeen[job.id] = job;
    if (before && before.state === job.state) continue;
    if (job.state === 'failed') showError(`${job.kind} failed: ${job.error || 'exit status ' + job.exit_code}`);
    if (job.state === 'done' && job.run === view.run) {
      if (job.kind === 'eval' && typeof job.result === 'string') loadReports(job.result);
      if (job.kind === 'predict') renderPrediction(job.result || []);
    }
  }
  const list = $('#jobs');
  list.textContent = '';
  for (const job of Object.values(view.jobsSeen).slice(-6)) {
    const div = document.createElement('div');
    div.className = 'job ' + job.state;
    div.textContent = `${job.kind} (${job.run}): ${job.state}` + (job.error ? ` — ${job.error}` : '');
    if (job.kind === 'export' && job.state === 'done' && typeof job.result === 'string') {
      const a = document.createElement('a');
      a.href = `/api/runs/${job.run}/exports/${encodeURIComponent(job.result)}`;
      a.textContent = ` download ${job.result}`;
      div.appendChild(a);
    }
    list.appendChild(div);
  }
}

function renderPrediction(lines) {
  const out = $('#predict-result');
  if (!lines.length) { out.textContent = 'no prediction (the image was not readable)'; return; }
  const names = Object.keys(lines[0].probabilities || {});
  let html = '<table><thead><tr><th>Image</th>' + names.map(n => `<th>P(${escapeHTML(n)})</th>`).join('') + '<th>Decision</th><th>Threshold</th><th>TTA</th></tr></thead><tbody>';
  for (const l of lines) {
    html += `<tr><td>${escapeHTML(l.file)}</td>` + names.map(n => `<td>${num(l.probabilities[n])}</td>`).join('')
      + `<td class="decision-${escapeHTML(l.prediction)}">${escapeHTML(l.prediction)}</td><td>${num(l.threshold)}</td><td>${l.tta ? 'on' : 'off'}</td></tr>`;
  }
  html += '</tbody></table><p class="muted small">Decision: malignant when P(malignant) ≥ the threshold, else the most probable other class.</p>';
  for (const l of lines) {
    if (typeof l.gradcam !== 'string' || !l.gradcam.startsWith('/api/uploads/')) continue;
    html += `<figure class="gradcam"><img src="${escapeHTML(l.gradcam)}" alt="Grad-CAM overlay of ${escapeHTML(l.file)}">`
      + `<figcaption class="muted small">Grad-CAM of the malignant logit at the last convolutional stage (viridis: purple 0, yellow 1). `
      + `It shows where the network looked, not a diagnosis.</figcaption></figure>`;
  }
  out.innerHTML = html;
}

async function loadReports(show) {
  if (!view.run) return;
  const run = view.run;
  const list = await api(`/api/runs/${run}/reports`);
  if (view.run !== run) return;
  const select = $('#report-select');
  select.textContent = '';
  for (const name of list.reports.slice().reverse()) { const o = document.createElement('option'); o.value = name; o.textContent = name; select.appendChild(o); }
  if (show) { select.value = show; await showReport(show); }
  else if (!list.reports.length) $('#report').textContent = '';
}

async function showReport(name) {
  if (!name) return;
  await action(async () => {
    const report = await api(`/api/runs/${view.run}/reports/${encodeURIComponent(name)}`);
    const base = `/api/runs/${view.run}/reports/${encodeURIComponent(name)}/`;
    const holder = $('#report');
    holder.innerHTML = renderMarkdown(report.markdown, base);
    const shown = new Set([...holder.querySelectorAll('img')].map(i => i.getAttribute('src')));
    for (const src of report.figures) {
      if (shown.has(src)) continue;
      const img = document.createElement('img'); img.src = src; img.alt = src.split('/').pop(); holder.appendChild(img);
    }
  });
}

// A small Markdown subset: headings, tables, lists, code blocks, images, bold and code spans.
function renderMarkdown(text, base) {
  const inline = s => escapeHTML(s)
    .replace(/!\[([^\]]*)\]\(([\w.-]+)\)/g, (_, alt, file) => `<img alt="${alt}" src="${base}${file}">`)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
  const lines = text.split('\n'), out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      out.push(`<pre>${escapeHTML(code.join('\n'))}</pre>`);
    } else if (/^#{1,4} /.test(line)) {
      const level = line.match(/^#+/)[0].length;
      out.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`);
    } else if (line.trim().startsWith('|')) {
      const rows = [];
      for (; i < lines.length && lines[i].trim().startsWith('|'); i++) rows.push(lines[i]);
      i--;
      const cells = r => r.trim().replace(/^\||\|$/g, '').split('|').map(c => c.trim());
      let html = '<table>';
      rows.forEach((r, k) => {
        if (/^\s*\|?\s*:?-{2,}/.test(r)) return;
        const tag = k === 0 ? 'th' : 'td';
        html += '<tr>' + cells(r).map(c => `<${tag}>${inline(c)}</${tag}>`).join('') + '</tr>';
      });
      out.push(html + '</table>');
    } else if (/^\s*[-*] /.test(line)) {
      const items = [];
      for (; i < lines.length && /^\s*[-*] /.test(lines[i]); i++) items.push(`<li>${inline(lines[i].replace(/^\s*[-*] /, ''))}</li>`);
      i--;
      out.push(`<ul>${items.join('')}</ul>`);
    } else if (line.trim()) {
      out.push(`<p>${inline(line)}</p>`);
    }
  }
  return out.join('\n');
}

// ---- wiring ----------------------------------------------------------------------------------

window.addEventListener('DOMContentLoaded', () => {
  $('#start-form').addEventListener('submit', start);
  $('#stop').addEventListener('click', stop);
  $('#resume').addEventListener('click', resume);
  $('#predict-form').addEventListener('submit', predict);
  $('#run-select').addEventListener('change', e => action(() => selectRun(e.target.value)));
  $('#report-select').addEventListener('change', e => showReport(e.target.value));
  $('#start-form').elements.random_init.addEventListener('change', e => { if (e.target.checked) $('#start-form').elements.weights.value = ''; });
  renderAll();
  action(loadStatus);
  // The workspace's runs (a run started elsewhere, another server) are looked at every 5 s.
  setInterval(() => { loadStatus().catch(() => {}); }, 5000);
});
