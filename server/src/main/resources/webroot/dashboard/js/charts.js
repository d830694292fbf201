// Small bar charts as SVG, built element by element (no library, nothing parsed from text): a
// labelled value axis, groups of bars per category, a legend, and a <title> on every bar.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 560;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 12, bottom: 58, left: 62 };

export function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/** A round axis maximum ≥ max with steps of 1, 2 or 5 × 10^n; returns {top, step}. */
export function niceScale(max, ticks = 4) {
  if (!(max > 0)) return { top: 1, step: 1 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough);
  return { top: Math.ceil(max / step) * step, step };
}

function shorten(text, length) {
  return text.length > length ? text.slice(0, length - 1) + '…' : text;
}

/**
 * A grouped bar chart. `categories`: names along the bottom; `series`: [{label, className,
 * values}] with one value (or null) per category; `formatValue` writes a value for labels and
 * titles, `formatTick` for the axis; `valueAxis` and `categoryAxis` are the axis captions.
 */
export function barChart({ title, categories, series, valueAxis, categoryAxis, formatValue = String, formatTick = String, noData = '–' }) {
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'bar-chart', role: 'img' });
  chart.append(svg('title', {}, title));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v) => v != null)));
  const { top, step } = niceScale(max);
  const y = (value) => MARGIN.top + plotH - (value / top) * plotH;

  const grid = svg('g', { class: 'grid' });
  for (let tick = 0; tick <= top + step / 2; tick += step) {
    grid.append(svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(tick), y2: y(tick) }));
    grid.append(svg('text', { x: MARGIN.left - 6, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, formatTick(tick)));
  }
  chart.append(grid);

  const groupW = plotW / Math.max(1, categories.length);
  const barW = Math.min(40, (groupW * 0.75) / series.length);
  const bars = svg('g', { class: 'bars' });
  categories.forEach((category, i) => {
    const groupX = MARGIN.left + i * groupW + (groupW - barW * series.length) / 2;
    series.forEach((s, j) => {
      const value = s.values[i];
      const x = groupX + j * barW;
      if (value == null) {
        bars.append(svg('text', { x: x + barW / 2, y: y(0) - 4, class: 'value none', 'text-anchor': 'middle' }, noData));
        return;
      }
      const barY = y(value);
      const bar = svg('rect', { x: x + 1, y: barY, width: Math.max(1, barW - 2), height: Math.max(0, y(0) - barY), class: 'bar ' + s.className });
      bar.append(svg('title', {}, `${category} · ${s.label}: ${formatValue(value)}`));
      bars.append(bar);
      bars.append(svg('text', { x: x + barW / 2, y: barY - 4, class: 'value', 'text-anchor': 'middle' }, formatValue(value)));
    });
    bars.append(svg('text', { x: MARGIN.left + i * groupW + groupW / 2, y: y(0) + 16, class: 'category', 'text-anchor': 'middle' },
      shorten(category, Math.max(6, Math.floor(groupW / 7.5)))));
  });
  chart.append(bars);

  const axes = svg('g', { class: 'axis' });
  axes.append(svg('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: y(0) }));
  axes.append(svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(0), y2: y(0) }));
  const middle = MARGIN.top + plotH / 2;
  axes.append(svg('text', { x: 14, y: middle, class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 14 ${middle})` }, valueAxis));
  axes.append(svg('text', { x: MARGIN.left + plotW / 2, y: HEIGHT - 24, class: 'axis-label', 'text-anchor': 'middle' }, categoryAxis));
  chart.append(axes);

  // the legend, along the bottom edge
  const legend = svg('g', { class: 'legend' });
  let x = MARGIN.left;
  for (const s of series) {
    legend.append(svg('rect', { x, y: HEIGHT - 12, width: 10, height: 10, class: 'bar ' + s.className }));
    legend.append(svg('text', { x: x + 14, y: HEIGHT - 3 }, s.label));
    x += 24 + s.label.length * 7;
  }
  chart.append(legend);
  return chart;
}
