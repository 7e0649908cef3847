// Line charts drawn as SVG by the page (no library). Each series is one
// <path class="series" data-count="N">; series with `dots` also get one
// <circle class="point"> per point. Phase boundaries are dashed vertical lines.
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement(name, attributes, text) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function niceTicks(min, max, count) {
  if (!(max > min)) { max = min + 1; }
  const span = max - min, raw = span / Math.max(1, count);
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(s => span / s <= count) || raw;
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function formatTick(v) {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(0);
  return String(Number(v.toPrecision(4)));
}

// spec: {title, series: [{name, color, points: [[x, y]], dots}], boundaries: [{x, label}],
//        xMin, xMax, yMin, yMax, logY, xLabel}
function drawChart(holder, spec) {
  const width = 420, height = 232, left = 46, right = 10, top = 12, bottom = 48;
  let box = holder.querySelector(`.chart[data-chart="${spec.id}"]`);
  if (!box) {
    box = document.createElement('div');
    box.className = 'chart';
    box.dataset.chart = spec.id;
    holder.appendChild(box);
  }
  box.textContent = '';
  const h = document.createElement('h3');
  h.textContent = spec.title;
  box.appendChild(h);
  const svg = svgElement('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': spec.title});
  box.appendChild(svg);

  const transformY = v => spec.logY ? Math.log10(v) : v;
  const all = spec.series.flatMap(s => s.points).filter(p => Number.isFinite(p[1]) && (!spec.logY || p[1] > 0));
  let xMin = spec.xMin ?? Math.min(...all.map(p => p[0]), 0);
  let xMax = spec.xMax ?? Math.max(...all.map(p => p[0]), 1);
  if (!(xMax > xMin)) xMax = xMin + 1;
  let ys = all.map(p => transformY(p[1]));
  let yMin = spec.yMin ?? (ys.length ? Math.min(...ys) : 0);
  let yMax = spec.yMax ?? (ys.length ? Math.max(...ys) : 1);
  if (!(yMax > yMin)) { const pad = Math.abs(yMin) * 0.1 || 0.5; yMin -= pad; yMax += pad; }
  const px = x => left + (x - xMin) / (xMax - xMin) * (width - left - right);
  const py = y => top + (1 - (transformY(y) - yMin) / (yMax - yMin)) * (height - top - bottom);

  // Grid and axes.
  let yTicks = niceTicks(yMin, yMax, 5);
  if (spec.logY) { yTicks = []; for (let t = Math.ceil(yMin); t <= Math.floor(yMax); t++) yTicks.push(t); }
  for (const t of yTicks) {
    const y = top + (1 - (t - yMin) / (yMax - yMin)) * (height - top - bottom);
    svg.appendChild(svgElement('line', {class: 'grid', x1: left, x2: width - right, y1: y, y2: y}));
    svg.appendChild(svgElement('text', {x: left - 4, y: y + 3, 'text-anchor': 'end'}, spec.logY ? formatTick(Math.pow(10, t)) : formatTick(t)));
  }
  for (const t of niceTicks(xMin, xMax, 6)) {
    const x = px(t);
    svg.appendChild(svgElement('text', {x, y: height - bottom + 13, 'text-anchor': 'middle'}, formatTick(t)));
  }
  svg.appendChild(svgElement('line', {class: 'axis', x1: left, x2: left, y1: top, y2: height - bottom}));
  svg.appendChild(svgElement('line', {class: 'axis', x1: left, x2: width - right, y1: height - bottom, y2: height - bottom}));
  if (spec.xLabel) svg.appendChild(svgElement('text', {x: (left + width - right) / 2, y: height - bottom + 25, 'text-anchor': 'middle'}, spec.xLabel));

  // Phase boundaries.
  for (const b of spec.boundaries || []) {
    if (b.x <= xMin || b.x >= xMax) continue;
    const x = px(b.x);
    svg.appendChild(svgElement('line', {class: 'phase-boundary', x1: x, x2: x, y1: top, y2: height - bottom}));
    svg.appendChild(svgElement('text', {x: x + 3, y: top + 9}, b.label));
  }

  // Series.
  let legendX = left + 6;
  for (const s of spec.series) {
    const points = s.points.filter(p => Number.isFinite(p[1]) && (!spec.logY || p[1] > 0));
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join('');
    svg.appendChild(svgElement('path', {class: 'series', d: d || 'M0,0', stroke: s.color, 'data-count': points.length, 'data-series': s.name}));
    if (s.dots) {
      for (const p of points) {
        svg.appendChild(svgElement('circle', {class: 'point', cx: px(p[0]).toFixed(1), cy: py(p[1]).toFixed(1), r: 2.6, fill: s.color},));
      }
    }
    const label = svgElement('text', {class: 'legend', x: legendX + 12, y: height - 3, fill: s.color}, s.name);
    svg.appendChild(svgElement('line', {x1: legendX, x2: legendX + 9, y1: height - 7, y2: height - 7, stroke: s.color, 'stroke-width': 2}));
    svg.appendChild(label);
    legendX += 18 + 6.2 * s.name.length;
  }
  if (!all.length) {
    svg.appendChild(svgElement('text', {class: 'empty', x: (left + width) / 2, y: (top + height - bottom) / 2, 'text-anchor': 'middle'}, 'no data yet'));
  }
}
