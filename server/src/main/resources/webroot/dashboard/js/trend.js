// A report's trend per day: small line charts as SVG built element by element (no library,
// nothing parsed from text), one per figure, with a table of the same numbers beside them for
// screen readers and keyboards; and the report's CSV download.

import { $, el, show } from './dom.js';
import { t } from './strings.js';
import { niceScale, svg } from './charts.js';
import { durationText } from './dates.js';
import { dateText, decimal, integer, locale, number } from './format.js';
import { fetchFile, saveBlob } from './download.js';

const WIDTH = 360;
const HEIGHT = 180;
const MARGIN = { top: 12, right: 10, bottom: 30, left: 44 };

/** Seconds shown in the unit that suits the largest: s, min or h. */
function secondsUnit(values) {
  const max = Math.max(0, ...values.filter((v) => v != null));
  if (max >= 2 * 3600) return { divisor: 3600, name: 'h' };
  if (max >= 120) return { divisor: 60, name: 'min' };
  return { divisor: 1, name: 's' };
}

/** "1.12." / "12/1": a day as the agent's language writes it, short. */
function dayLabel(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' }).format(new Date(y, m - 1, d));
}

/**
 * One line chart over the days: `values` one per day (null: none that day, a gap in the line);
 * a point with a <title> per value, the first and last day and every seventh labelled.
 */
export function lineChart({ title, days, values, formatValue, formatTick = number, valueAxis = '' }) {
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'line-chart', role: 'img' });
  chart.append(svg('title', {}, title));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { top, step } = niceScale(Math.max(0, ...values.filter((v) => v != null)));
  const x = (i) => MARGIN.left + (days.length < 2 ? plotW / 2 : (i / (days.length - 1)) * plotW);
  const y = (v) => MARGIN.top + plotH - (v / top) * plotH;
  const grid = svg('g', { class: 'grid' });
  for (let tick = 0; tick <= top + step / 2; tick += step) {
    grid.append(svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(tick), y2: y(tick) }));
    grid.append(svg('text', { x: MARGIN.left - 5, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, formatTick(tick)));
  }
  chart.append(grid);
  let path = '';
  values.forEach((v, i) => {
    if (v == null) return;
    path += `${i > 0 && values[i - 1] != null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  chart.append(svg('path', { d: path, class: 'trend-line' }));
  const points = svg('g', { class: 'points' });
  values.forEach((v, i) => {
    if (v == null) return;
    const point = svg('circle', { cx: x(i), cy: y(v), r: 3, class: 'trend-point' });
    point.append(svg('title', {}, `${dayLabel(days[i])}: ${formatValue(v)}`));
    points.append(point);
  });
  chart.append(points);
  const labels = svg('g', { class: 'axis' });
  labels.append(svg('line', { x1: MARGIN.left, x2: MARGIN.left + plotW, y1: y(0), y2: y(0) }));
  days.forEach((day, i) => {
    if (i === 0 || i === days.length - 1 || (i % 7 === 0 && days.length - 1 - i > 3)) {
      // the first and last label lean inwards, so that neither is cut off at the edge
      const anchor = days.length > 1 && i === 0 ? 'start' : days.length > 1 && i === days.length - 1 ? 'end' : 'middle';
      labels.append(svg('text', { x: x(i), y: HEIGHT - 12, class: 'category', 'text-anchor': anchor }, dayLabel(day)));
    }
  });
  if (valueAxis) labels.append(svg('text', { x: 4, y: MARGIN.top - 2, class: 'axis-label' }, valueAxis));
  chart.append(labels);
  return chart;
}

/** The four figures of the trend: [string key, the day's field, how a value reads, is it seconds]. */
const TREND = [
  ['trendChats', 'chats', integer, false],
  ['firstResponseMedian', 'firstResponseMedianSeconds', durationText, true],
  ['resolutionMedian', 'resolutionMedianSeconds', durationText, true],
  ['ratingAverage', 'ratingAverage', decimal, false],
];

/** Draws the trend charts into #trend-charts and the same figures into the table #trend-days. */
export function renderTrend(days) {
  const dates = days.map((d) => d.date);
  const figures = [];
  for (const [label, field, format, seconds] of TREND) {
    const raw = days.map((d) => d[field]);
    const unit = seconds ? secondsUnit(raw) : { divisor: 1, name: '' };
    const figure = el('figure', 'trend-figure');
    figure.dataset.figure = field;
    figure.append(el('figcaption', null, t(label)), lineChart({
      title: t(label),
      days: dates,
      values: raw.map((v) => (v == null ? null : v / unit.divisor)),
      formatValue: (v) => format(v * unit.divisor),
      formatTick: number,
      valueAxis: unit.name,
    }));
    figures.push(figure);
  }
  $('trend-charts').replaceChildren(...figures);
  $('trend-days').replaceChildren(...days.map((day) => {
    const row = el('tr');
    row.append(el('th', null, dayLabel(day.date)));
    for (const [, field, format] of TREND) row.append(el('td', 'number', day[field] == null ? '–' : format(day[field])));
    return row;
  }));
}

/** The CSV buttons: the report of the chosen range as CSV, with a byte-order mark for Excel on the second. */
export function wireReportDownloads(range, session, onError) {
  const download = async (bom) => {
    const chosen = range();
    if (!chosen) return;
    const params = new URLSearchParams({ format: 'csv', from: chosen.from.toISOString(), to: chosen.to.toISOString() });
    if (bom) params.set('bom', '1');
    try {
      const { blob, name } = await fetchFile('/api/v1/reports?' + params, session.token, 'report.csv');
      saveBlob(blob, name);
    } catch (e) {
      onError(e);
    }
  };
  $('report-csv').addEventListener('click', () => download(false));
  $('report-csv-excel').addEventListener('click', () => download(true));
}

/** Tables per channel and per tag, and the visitors' rating comments (as text). */
export function renderWrapUpFigures(report) {
  $('report-channels').replaceChildren(...(report.channels || []).map((c) => {
    const row = el('tr');
    row.dataset.channel = c.channel;
    row.append(el('th', null, c.channel === 'email' ? t('channelEmail') : c.channel === 'chat' ? t('channelChat') : c.channel),
      el('td', 'number', integer(c.conversations)));
    for (const key of ['firstResponseMedianSeconds', 'firstResponseP90Seconds', 'resolutionMedianSeconds', 'resolutionP90Seconds']) {
      row.append(el('td', 'number', durationText(c[key])));
    }
    return row;
  }));
  const tags = report.tags || [];
  $('report-tags').replaceChildren(...tags.map((entry) => {
    const row = el('tr');
    row.append(el('th', null, entry.tag), el('td', 'number', integer(entry.conversations)));
    return row;
  }));
  show($('report-tags-table'), tags.length > 0);
  show($('report-no-tags'), tags.length === 0);
  const comments = report.ratingComments || [];
  $('report-comments').replaceChildren(...comments.map((c) => {
    const item = el('li', 'report-comment');
    item.append(el('span', 'report-comment-head muted', [t('rating', { n: c.rating }), c.agentName, dateText(new Date(c.createdAt))]
      .filter(Boolean).join(' · ')), el('span', 'report-comment-text', c.comment));
    return item;
  }));
  show($('report-no-comments'), comments.length === 0);
}
