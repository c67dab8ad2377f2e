// The manager's morning view of one team: attainment, pacing, funnel, leaderboard, alerts, tiers, high-intent
// customers, the month-end review and the target management table.
import { first, get, pairs, query, rows } from './api.js';
import { count, label, money, percent, t, toNumber } from './i18n.js';
import { channels, draw, funnel, leaderboard, tiers, waterfall } from './charts.js';
import { escape, fill, html, table } from './view.js';
import { pacingPanels, progressPanel } from './progress.js';

const STAGES = ['LEAD', 'QUALIFIED', 'OPPORTUNITY', 'WON'];

export const managerView = {
  sources: {
    kpis: { live: true, url: ctx => query('/api/kpis/teams/' + encodeURIComponent(ctx.team), { period: ctx.period }) },
    leaderboard: { live: true, url: ctx => query('/api/kpis/leaderboard', { period: ctx.period, metric: 'REVENUE', teamId: ctx.team }) },
    funnel: { live: true, url: ctx => query('/api/kpis/funnel', { period: ctx.period, teamId: ctx.team }) },
    alerts: { live: true, url: ctx => query('/api/kpis/alerts', { period: ctx.period, teamId: ctx.team }) },
    targets: { url: ctx => query('/api/targets', { period: ctx.period, entityType: 'TEAM', entityId: ctx.team }) },
    tiers: { url: ctx => query('/api/kpis/customers/tiers', { teamId: ctx.team }) },
    highIntent: { url: ctx => query('/api/kpis/customers/high-intent', { teamId: ctx.team }) },
    review: { url: ctx => query('/api/kpis/review', { period: ctx.period, teamId: ctx.team }) },
    plans: { url: ctx => query('/api/targets/plans', { period: ctx.period }) },
  },
  panels: [
    progressPanel('manager.gauges', 'kpis', 'manager.gaugesHint'),
    ...pacingPanels(),
    { id: 'funnel', title: 'manager.funnel', span: 7, uses: ['funnel'],
      body: '<div class="grid"><div class="span-5"><div class="chart" id="chart-funnel"></div></div>'
        + '<div class="span-7"><div class="chart" id="chart-channels"></div></div></div>',
      render: data => {
        const stages = funnelStages(data.funnel);
        draw('chart-funnel', funnel(stages));
        const codes = stages.map(stage => stage.code);
        draw('chart-channels', channels(funnelChannels(data.funnel, codes), stages.map(stage => stage.label)));
      } },
    { id: 'leaderboard', title: 'manager.leaderboard', span: 5, uses: ['leaderboard'],
      body: '<div class="chart short" id="chart-leaderboard"></div><div id="leaderboard"></div>',
      render: (data, ctx) => {
        const ranked = leaderboardRows(data.leaderboard);
        draw('chart-leaderboard', leaderboard(ranked.slice(0, 8), ctx.currency));
        fill('leaderboard', table(
          [{ label: t('k.rank') }, { label: t('k.rep') }, { label: t('k.actual'), num: true }, { label: t('k.attainment'), num: true }],
          ranked.map(row => [row.rank, row.name, money(row.value, ctx.currency), percent(row.attainment)]), 'leaderboard'));
      } },
    { id: 'alerts', title: 'manager.alerts', span: 5, uses: ['alerts'], body: '<ul class="alerts" id="alerts"></ul>',
      render: data => {
        const alerts = rows(data.alerts, 'alerts');
        fill('alerts', alerts.length ? alerts.map(alertItem).join('')
          : '<li class="info">' + escape(t('nothingYet')) + '</li>');
      } },
    { id: 'tiers', title: 'manager.tiers', span: 3, uses: ['tiers'], body: '<div class="chart short" id="chart-tiers"></div>',
      render: data => draw('chart-tiers', tiers(tierCounts(data.tiers))) },
    { id: 'high-intent', title: 'manager.highIntent', span: 4, uses: ['highIntent'], body: '<div id="high-intent"></div>',
      render: data => {
        fill('high-intent', highIntentTable(data.highIntent, true));
      } },
    { id: 'review', title: 'manager.review', hint: 'manager.reviewHint', span: 7, uses: ['review'],
      body: '<div class="chart" id="chart-review"></div><div id="review-channels"></div>',
      render: (data, ctx) => {
        const review = reviewOf(data.review);
        draw('chart-review', waterfall(review.target, review.drivers, review.actual, ctx.currency));
        fill('review-channels', review.effectiveness.length
          ? genericTable(review.effectiveness, ctx.currency) : '');
      } },
    { id: 'table', title: 'manager.table', span: 5, uses: ['plans'], body: '<div id="target-table"></div>',
      render: (data, ctx) => renderTargetTable(data.plans, ctx) },
  ],
};

function funnelStages(answer) {
  let source = first(answer, ['stages', 'counts', 'total', 'overall']);
  if (source && !Array.isArray(source) && source.stages) {
    source = source.stages;
  }
  let stages = pairs(source, ['stage', 'name'], ['count', 'value']).filter(pair => STAGES.includes(pair.key)
    || typeof pair.value === 'number');
  if (!stages.length) {
    const totals = {};
    funnelChannelList(answer).forEach(channel => pairs(channel.stages, ['stage', 'name'], ['count', 'value'])
      .forEach(pair => { totals[pair.key] = (totals[pair.key] || 0) + (toNumber(pair.value) || 0); }));
    stages = Object.entries(totals).map(([key, value]) => ({ key, value }));
  }
  return stages.map(stage => ({ code: stage.key, label: label('stage', stage.key), count: toNumber(stage.value) || 0 }));
}

function funnelChannelList(answer) {
  const source = first(answer, ['channels', 'byChannel', 'perChannel']);
  if (Array.isArray(source)) {
    return source.map(channel => ({ code: first(channel, ['channel', 'name']), stages: first(channel, ['stages', 'counts']) || channel }));
  }
  return Object.entries(source || {}).map(([code, value]) => ({ code, stages: first(value, ['stages', 'counts']) || value }));
}

function funnelChannels(answer, codes) {
  return funnelChannelList(answer).map(channel => {
    const counts = {};
    pairs(channel.stages, ['stage', 'name'], ['count', 'value']).forEach(pair => { counts[pair.key] = toNumber(pair.value); });
    return { label: label('channel', channel.code), counts: codes.map(code => counts[code] ?? 0) };
  });
}

function leaderboardRows(answer) {
  return rows(answer, 'leaderboard', 'ranking').map((row, index) => ({
    rank: first(row, ['rank']) ?? index + 1,
    name: first(row, ['name', 'repName', 'repId', 'id']) ?? '–',
    value: toNumber(first(row, ['actual', 'value', 'amount']) ?? row.metrics?.REVENUE?.actual),
    attainment: first(row, ['attainment']) ?? row.metrics?.REVENUE?.attainment,
  }));
}

function alertItem(alert) {
  const severity = String(first(alert, ['severity', 'level']) || 'medium').toLowerCase();
  const kind = first(alert, ['type', 'kind', 'code', 'anomaly']) || '';
  const scope = alert.scope ? (alert.scope.type || '') + ' ' + (alert.scope.id || '') : first(alert, ['repId', 'teamId']) || '';
  const when = first(alert, ['detectedAt', 'occurredAt', 'at', 'asOf']) || '';
  const message = first(alert, ['message', 'summary', 'title', 'description']) || kind;
  return '<li class="' + escape(severity) + '"><strong>' + escape(message) + '</strong>'
    + '<div class="meta">' + escape([kind, severity, scope, when.replace('T', ' ').slice(0, 16)].filter(Boolean).join(' · '))
    + '</div>' + evidence(alert.evidence) + '</li>';
}

function evidence(value) {
  if (value === undefined || value === null) {
    return '';
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index + 1), item]) : Object.entries(value);
  return '<dl title="' + escape(t('k.evidence')) + '">' + entries.map(([key, item]) => '<dt>' + escape(key) + '</dt><dd>'
    + escape(typeof item === 'object' ? JSON.stringify(item) : item) + '</dd>').join('') + '</dl>';
}

function tierCounts(answer) {
  const counts = first(answer, ['counts', 'totals']);
  if (counts) {
    return pairs(counts, ['tier'], ['count', 'value']).map(pair => ({ key: pair.key, value: toNumber(pair.value) || 0 }));
  }
  const byTier = {};
  rows(answer, 'customers', 'tiers').forEach(customer => {
    const tier = first(customer, ['tier']) || '?';
    byTier[tier] = (byTier[tier] || 0) + 1;
  });
  return ['A', 'B', 'C'].filter(tier => byTier[tier]).map(tier => ({ key: tier, value: byTier[tier] }));
}

/** High-intent customers, highest score first. */
export function highIntentTable(answer, withRep) {
  const customers = rows(answer, 'customers').map(customer => ({
    name: first(customer, ['name', 'customerName', 'customerId']),
    rep: first(customer, ['repId']),
    score: toNumber(first(customer, ['score', 'intentScore', 'intent'])),
    tier: first(customer, ['tier']),
    signal: first(customer, ['lastSignal', 'latestSignal', 'signal']),
    at: first(customer, ['lastSignalAt', 'latestSignalAt', 'at']),
  })).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const columns = [{ label: t('k.customer') }, ...(withRep ? [{ label: t('k.rep') }] : []), { label: t('k.score'), num: true },
    { label: t('k.signal') }];
  return table(columns, customers.map(customer => [
    customer.tier ? html('<span class="tier tier-' + escape(customer.tier) + '">' + escape(customer.tier) + '</span> '
      + escape(customer.name)) : customer.name,
    ...(withRep ? [customer.rep ?? ''] : []),
    count(customer.score),
    [customer.signal, (customer.at || '').slice(0, 10)].filter(Boolean).join(' · '),
  ]), withRep ? 'high-intent' : 'follow-ups');
}

function reviewOf(answer) {
  const revenue = answer?.metrics?.REVENUE || {};
  const target = toNumber(first(answer, ['target']) ?? revenue.target) ?? 0;
  const actual = toNumber(first(answer, ['actual']) ?? revenue.actual) ?? 0;
  const drivers = pairs(first(answer, ['drivers', 'gapDrivers']), ['driver', 'name', 'code'], ['amount', 'impact', 'value', 'contribution'])
    .map(pair => ({ label: label('driver', pair.key), amount: toNumber(pair.value) || 0 }));
  const effectiveness = [...rows(first(answer, ['channels', 'channelEffectiveness'])),
    ...rows(first(answer, ['promotions', 'promotionEffectiveness']))];
  return { target, actual, drivers, effectiveness };
}

/** Rows of an unknown shape: their plain fields as columns (money strings shown as money). */
function genericTable(items, currency) {
  const keys = [...new Set(items.flatMap(item => Object.keys(item)
    .filter(key => item[key] === null || typeof item[key] !== 'object')))].slice(0, 6);
  return table(keys.map(key => ({ label: t('k.' + key) === key ? key : t('k.' + key) })), items.map(item => keys.map(key => {
    const value = item[key];
    if (typeof value === 'string' && /^-?\d+\.\d{2}$/.test(value)) {
      return money(value, currency);
    }
    if (key === 'channel') {
      return label('channel', value);
    }
    return typeof value === 'number' && value > 0 && value < 1 ? percent(value) : value;
  })));
}

async function renderTargetTable(plans, ctx) {
  const all = rows(plans, 'plans');
  const plan = all.find(p => ['APPROVED', 'REVISED'].includes(p.status) && (p.metric || 'REVENUE') === 'REVENUE')
    || all.find(p => ['APPROVED', 'REVISED'].includes(p.status)) || all[0];
  if (!plan) {
    fill('target-table', '<p class="unavailable">' + escape(t('nothingYet')) + '</p>');
    return;
  }
  if (ctx.cachedTable?.planId !== plan.planId || ctx.cachedTable?.version !== plan.version) {
    try {
      ctx.cachedTable = { planId: plan.planId, version: plan.version,
        value: await get('/api/targets/plans/' + encodeURIComponent(plan.planId) + '/table') };
    } catch (error) {
      fill('target-table', '<p class="unavailable">' + escape(t('unavailable') + ': ' + error.message) + '</p>');
      return;
    }
  }
  const answer = ctx.cachedTable.value;
  const currency = answer.currency || ctx.currency;
  fill('target-table', table(
    [{ label: t('k.entity') }, { label: t('k.type') }, { label: t('k.monthly'), num: true }, { label: t('k.weekly'), num: true },
      { label: t('k.strategy') }],
    rows(answer, 'rows').map(row => [first(row, ['responsible', 'name', 'entityId']), label('metric', row.targetType),
      money(row.monthlyTarget, currency), money(row.weeklyAverage, currency), row.keyStrategy || '']), 'target'));
}
