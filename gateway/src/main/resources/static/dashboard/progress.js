// Progress of one scope (a team, a rep, the company) against its target: cards, gauges and the cumulative
// pacing charts, shared by the manager, rep and sales-ops views.
import { assignedTarget, first, metric, rows } from './api.js';
import { count, label, money, percent, t, toNumber } from './i18n.js';
import { cumulative, draw, gauge, weekly } from './charts.js';
import { card, fill } from './view.js';

const MONEY = new Set(['REVENUE', 'GROSS_MARGIN', 'COLLECTIONS']);
const GAUGES = ['REVENUE', 'GROSS_MARGIN', 'COLLECTIONS', 'NEW_CUSTOMERS'];
const RATES = ['leadToQualified', 'qualifiedToWon', 'avgDealSize', 'avgSalesCycleDays', 'collectionRate'];

function tone(ratio) {
  const value = toNumber(ratio);
  if (value === null) {
    return '';
  }
  return value >= 1 ? 'good' : value >= 0.9 ? 'warn' : 'bad';
}

function amount(code, value, currency) {
  return MONEY.has(code) ? money(value, currency) : count(value);
}

/** Cards: revenue actual, attainment, pace, projected, then each other metric and the conversion rates. */
function progressCards(kpis, currency) {
  const revenue = metric(kpis, 'REVENUE') || {};
  const cards = [
    card('kpi-revenue-actual', label('metric', 'REVENUE') + ' · ' + t('k.actual'), money(revenue.actual, currency),
      t('k.target') + ' ' + money(revenue.target, currency)),
    card('kpi-attainment', t('k.attainment'), percent(revenue.attainment), t('k.base') + ' ' + money(revenue.base, currency)),
    card('kpi-pace', t('k.pace'), percent(revenue.pace), t('k.expected') + ' ' + money(revenue.expectedToDate, currency),
      tone(revenue.pace)),
    card('kpi-projected', t('k.projected'), money(revenue.projected, currency), t('k.challenge') + ' '
      + money(revenue.challenge, currency), tone(toNumber(revenue.projected) / (toNumber(revenue.target) || 1))),
  ];
  Object.entries(kpis?.metrics || {}).filter(([code]) => code !== 'REVENUE').forEach(([code, value]) => {
    cards.push(card('kpi-' + code.toLowerCase() + '-actual', label('metric', code), amount(code, value.actual, currency),
      t('k.target') + ' ' + amount(code, value.target, currency) + ' · ' + percent(value.attainment), tone(value.pace)));
  });
  RATES.filter(rate => kpis?.rates?.[rate] !== undefined).forEach(rate => {
    const value = kpis.rates[rate];
    const shown = rate === 'avgDealSize' ? money(value, currency) : rate === 'avgSalesCycleDays' ? count(value) : percent(value);
    cards.push(card('kpi-rate-' + rate, t('k.' + rate), shown));
  });
  return '<div class="cards">' + cards.join('') + '</div>';
}

const gaugesBody = '<div class="grid">' + GAUGES.map(code =>
  '<div class="span-3"><div class="chart short" id="chart-gauge-' + code + '"></div></div>').join('') + '</div>';

/** One gauge per metric the scope has a target for. */
function drawGauges(kpis, currency) {
  GAUGES.forEach(code => {
    const holder = document.getElementById('chart-gauge-' + code);
    const value = metric(kpis, code);
    holder.parentElement.hidden = !value;
    if (value) {
      draw(holder.id, gauge(value, label('metric', code), currency, MONEY.has(code)));
    }
  });
}

function dayLabel(date) {
  return date.slice(5);
}

/**
 * Cumulative actual vs target per working day: the target's daily breakdown (GET /api/targets) summed up, and the
 * actual from the KPI document's daily values where it has them, else at each week's end and at asOf.
 */
function drawDaily(id, kpis, targets, currency) {
  const revenue = metric(kpis, 'REVENUE') || {};
  const daily = assignedTarget(targets)?.daily || [];
  const days = daily.map(day => day.date);
  let running = 0;
  const target = daily.map(day => {
    running += toNumber(day.amount) || 0;
    return Math.round(running * 100) / 100;
  });
  const actualByDay = {};
  const kpiDays = rows(kpis?.daily);
  if (kpiDays.length) {
    let sum = 0;
    kpiDays.forEach(day => {
      sum += toNumber(first(day.metrics?.REVENUE, ['actual']) ?? first(day, ['actual', 'amount'])) || 0;
      actualByDay[day.date] = sum;
    });
  } else {
    let sum = 0;
    rows(kpis?.weekly).forEach(week => {
      sum += toNumber(week.metrics?.REVENUE?.actual) || 0;
      const end = week.to || lastDayOfWeek(days, week.week);
      if (end) {
        actualByDay[end] = sum;
      }
    });
  }
  const asOf = (kpis?.asOf || '').slice(0, 10);
  const today = days.filter(day => day <= asOf).pop();
  if (today && revenue.actual !== undefined) {
    actualByDay[today] = toNumber(revenue.actual);
  }
  // Known points only, joined by straight lines; the month starts at zero, and there is nothing after today.
  const actual = days.map((day, index) => {
    if (today && day > today) {
      return null;
    }
    return actualByDay[day] ?? (index === 0 ? 0 : null);
  });
  draw(id, cumulative(days.map(dayLabel), target, actual, currency));
}

function lastDayOfWeek(days, isoWeek) {
  // Without the week's end date, the last working day in that ISO week.
  const matching = days.filter(day => isoWeekOf(day) === isoWeek);
  return matching[matching.length - 1];
}

function isoWeekOf(date) {
  const day = new Date(date + 'T00:00:00Z');
  const weekday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((day - firstThursday) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return day.getUTCFullYear() + '-W' + String(week).padStart(2, '0');
}

/**
 * Cumulative actual vs target per week: every week of the month (from the target's weekly breakdown, else the KPI
 * document's), the target summed up, the actual summed up to the last week the KPI document has.
 */
function drawWeekly(id, kpis, targets, currency) {
  const measured = {};
  rows(kpis?.weekly).forEach(week => { measured[week.week] = week.metrics?.REVENUE || {}; });
  const planned = {};
  (assignedTarget(targets)?.weekly || []).forEach(week => { planned[week.week] = toNumber(week.amount); });
  const weeks = [...new Set([...Object.keys(planned), ...Object.keys(measured)])].sort();
  let sumTarget = 0;
  let sumActual = 0;
  const target = weeks.map(week => {
    sumTarget += toNumber(measured[week]?.target) ?? planned[week] ?? 0;
    return sumTarget;
  });
  const actual = weeks.map(week => {
    if (!measured[week]) {
      return null;
    }
    sumActual += toNumber(measured[week].actual) || 0;
    return sumActual;
  });
  draw(id, weekly(weeks.map(week => week.replace(/^\d{4}-/, '')), target, actual, currency));
}

/** The cards and gauges of the scope whose KPI document is the source of this name. */
export function progressPanel(title, source, hint) {
  return {
    id: 'cards', title, hint, span: 12, uses: [source], body: '<div id="cards"></div>' + gaugesBody,
    render: (data, ctx) => {
      fill('cards', progressCards(data[source], ctx.currency));
      drawGauges(data[source], ctx.currency);
    },
  };
}

/** Cumulative actual vs target per working day and per week, from the kpis and targets sources. */
export function pacingPanels() {
  return [
    { id: 'daily', title: 'manager.daily', hint: 'manager.pacingHint', span: 8, uses: ['kpis'], optional: ['targets'],
      body: '<div class="chart" id="chart-daily"></div>',
      render: (data, ctx) => drawDaily('chart-daily', data.kpis, data.targets, ctx.currency) },
    { id: 'weekly', title: 'manager.weekly', span: 4, uses: ['kpis'], optional: ['targets'],
      body: '<div class="chart" id="chart-weekly"></div>',
      render: (data, ctx) => drawWeekly('chart-weekly', data.kpis, data.targets, ctx.currency) },
  ];
}
