// The reports view (admins): the site's figures for a period, per agent, two bar charts, the trend
// per day, times per channel, tags, rating comments, and the report as CSV (trend.js).

import { $, el, show, dateText } from './dom.js';
import { t } from './strings.js';
import { api } from './api.js';
import { dateField, lastDays, periodOf, durationText } from './dates.js';
import { barChart } from './charts.js';
import { decimal, integer, number } from './format.js';
import { renderBotArticles } from './botreport.js';
import { renderTrend, renderWrapUpFigures, wireReportDownloads } from './trend.js';

const FIGURES = [
  ['chats', 'chats', integer],
  ['missed', 'missed', integer],
  ['offlineMessages', 'offlineCount', integer],
  ['waitMedianSeconds', 'waitMedian', durationText],
  ['waitP90Seconds', 'waitP90', durationText],
  ['firstResponseMedianSeconds', 'firstResponseMedian', durationText],
  ['firstResponseP90Seconds', 'firstResponseP90', durationText],
  ['durationMedianSeconds', 'durationMedian', durationText],
  ['ratingAverage', 'ratingAverage', (v) => (v == null ? '–' : decimal(v))],
  // proactive offers and invitations: counted for the site only
  ['offersShown', 'offersShown', integer],
  ['offersAccepted', 'offersAccepted', integer],
  ['offersDismissed', 'offersDismissed', integer],
  // the FAQ bot's first answers: counted for the site only
  ['botAnswered', 'botAnswered', integer],
  ['selfServed', 'selfServed', integer],
  ['handedOver', 'handedOver', integer],
];

const AGENT_COLUMNS = ['chats', 'missed', 'waitMedianSeconds', 'waitP90Seconds', 'firstResponseMedianSeconds',
  'firstResponseP90Seconds', 'durationMedianSeconds', 'ratingAverage'];

/** Seconds on an axis in the unit that suits the largest value: s, min or h. */
function timeUnit(maxSeconds) {
  if (maxSeconds >= 2 * 3600) return { divisor: 3600, name: 'h' };
  if (maxSeconds >= 120) return { divisor: 60, name: 'min' };
  return { divisor: 1, name: 's' };
}

export class Reports {
  constructor(ctx) {
    this.ctx = ctx; // {session, failed}
    const range = lastDays(7);
    dateField($('report-from'), range.from);
    dateField($('report-to'), range.to);
    $('report-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.refresh();
    });
    wireReportDownloads(() => this.range(), ctx.session, (e) => {
      $('report-error').textContent = e.message || t('genericError', { code: e.code });
      show($('report-error'), true);
    });
  }

  /** The chosen period; null, with the reason shown, when the fields do not make one. */
  range() {
    const period = periodOf($('report-from'), $('report-to'));
    $('report-error').textContent = period.error || '';
    show($('report-error'), !!period.error);
    return period.error ? null : period;
  }

  async refresh() {
    const period = this.range();
    if (!period) return;
    const { from, to } = period;
    const error = $('report-error');
    let report;
    try {
      const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
      report = await api('GET', '/api/v1/reports?' + params, this.ctx.session.token);
    } catch (e) {
      if (e.status === 401) {
        this.ctx.failed(e);
        return;
      }
      error.textContent = e.message || t('genericError', { code: e.code });
      show(error, true);
      return;
    }
    // the period is [from, to): its last day is the one before `to`
    const lastDay = new Date(to.getFullYear(), to.getMonth(), to.getDate() - 1);
    $('report-period').textContent = t('reportPeriod', { from: dateText(from), to: dateText(lastDay) });
    this.renderFigures(report.site);
    this.renderAgents(report.agents);
    this.renderCharts(report);
    renderBotArticles(report.site.botArticles || []);
    renderTrend(report.days || []);
    renderWrapUpFigures(report);
  }

  renderFigures(site) {
    const list = $('report-figures');
    list.replaceChildren();
    for (const [key, label, format] of FIGURES) {
      if (!(key in site)) continue; // a server without offer or bot counts
      const figure = el('div', 'figure');
      const value = el('dd', null, site[key] == null ? '–' : format(site[key]));
      value.id = 'figure-' + key;
      figure.append(el('dt', null, t(label)), value);
      if (key === 'ratingAverage' && site.ratings) figure.append(el('dd', 'muted small-note', t('ratingsCount', { n: site.ratings })));
      list.append(figure);
    }
  }

  renderAgents(agents) {
    const body = $('report-agents');
    body.replaceChildren();
    for (const agent of agents) {
      const row = el('tr');
      row.dataset.agentId = agent.agentId;
      row.append(el('th', null, agent.agentName || agent.agentId));
      for (const key of AGENT_COLUMNS) {
        const figure = FIGURES.find((f) => f[0] === key);
        const cell = el('td', 'number', agent[key] == null ? '–' : figure[2](agent[key]));
        cell.dataset.figure = key;
        row.append(cell);
      }
      body.append(row);
    }
    show($('report-no-agents'), agents.length === 0);
    show($('report-agents-table'), agents.length > 0);
  }

  renderCharts(report) {
    const chats = $('chart-chats');
    if (report.agents.length === 0) {
      chats.replaceChildren(el('p', 'muted', t('noAgentsInRange')));
    } else {
      chats.replaceChildren(barChart({
        title: t('chartChatsTitle'),
        categories: report.agents.map((a) => a.agentName || '?'),
        series: [
          { label: t('chats'), className: 'series-a', values: report.agents.map((a) => a.chats) },
          { label: t('missed'), className: 'series-b', values: report.agents.map((a) => a.missed) },
        ],
        valueAxis: t('axisCount'),
        categoryAxis: t('axisAgents'),
        formatValue: integer,
        formatTick: (v) => (Number.isInteger(v) ? integer(v) : ''),
      }));
    }
    const site = report.site;
    const medians = [site.waitMedianSeconds, site.firstResponseMedianSeconds];
    const p90s = [site.waitP90Seconds, site.firstResponseP90Seconds];
    const unit = timeUnit(Math.max(0, ...medians.concat(p90s).filter((v) => v != null)));
    const scaled = (values) => values.map((v) => (v == null ? null : v / unit.divisor));
    $('chart-times').replaceChildren(barChart({
      title: t('chartTimesTitle'),
      categories: [t('wait'), t('firstResponse')],
      series: [
        { label: t('median'), className: 'series-a', values: scaled(medians) },
        { label: t('p90'), className: 'series-c', values: scaled(p90s) },
      ],
      valueAxis: `${t('axisSeconds')} (${unit.name})`,
      categoryAxis: '',
      formatValue: (v) => durationText(v * unit.divisor),
      formatTick: number,
      noData: t('noData'),
    }));
  }
}
