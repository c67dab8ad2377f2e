// ECharts options for the dashboard's charts. Each chart keeps its instance and is updated in place on every
// refresh (setOption), so live numbers move without a page reload. SVG rendering keeps the numbers in the DOM.
/* global echarts */
import { count, money, percent, t, toNumber } from './i18n.js';

const COLORS = { bad: '#dc2626', warn: '#d97706', ok: '#65a30d', good: '#16a34a', accent: '#2563eb', muted: '#9ca3af' };

/** Draws (or updates) the chart in the element with this id; an unchanged chart is left alone. */
export function draw(id, option) {
  const element = document.getElementById(id);
  if (!element) {
    return;
  }
  const fingerprint = JSON.stringify(option);
  const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'svg' });
  if (element.dataset.fingerprint === fingerprint && chart.getWidth() === element.clientWidth) {
    return;
  }
  element.dataset.fingerprint = fingerprint;
  chart.resize();
  chart.setOption(option, { notMerge: true });
}

window.addEventListener('resize', () => {
  document.querySelectorAll('.chart').forEach(element => echarts.getInstanceByDom(element)?.resize());
});

/** Attainment of one metric against its levels: red below base, amber to target, green to challenge and beyond. */
export function gauge(kpi, name, currency, isMoney = true) {
  const actual = toNumber(kpi.actual) ?? 0;
  const target = toNumber(kpi.target) ?? 0;
  const base = toNumber(kpi.base) ?? target * 0.8;
  const challenge = toNumber(kpi.challenge) ?? target * 1.2;
  const max = Math.max(challenge * 1.1, actual * 1.05, 1);
  const format = value => (isMoney ? money(value, currency) : count(value));
  const attainment = toNumber(kpi.attainment) ?? (target ? actual / target : 0);
  return {
    series: [{
      type: 'gauge',
      min: 0,
      max,
      startAngle: 210,
      endAngle: -30,
      center: ['50%', '56%'],
      radius: '80%',
      axisLine: {
        lineStyle: {
          width: 14,
          color: [[base / max, COLORS.bad], [target / max, COLORS.warn], [challenge / max, COLORS.ok], [1, COLORS.good]],
        },
      },
      pointer: { width: 5, length: '52%', offsetCenter: [0, '-8%'] },
      anchor: { show: true, size: 8, itemStyle: { color: '#4b5563' } },
      splitLine: { show: false },
      axisTick: { show: false },
      axisLabel: { show: false },
      title: { offsetCenter: [0, '86%'], fontSize: 11, color: '#6b7280', lineHeight: 14 },
      detail: {
        valueAnimation: true,
        offsetCenter: [0, '42%'],
        fontSize: 20,
        fontWeight: 700,
        formatter: () => percent(attainment) + '\n{sub|' + format(actual) + '}',
        rich: { sub: { fontSize: 12, fontWeight: 400, color: '#6b7280', padding: [4, 0, 0, 0] } },
      },
      data: [{
        value: actual,
        name: t('k.base') + ' ' + format(base) + ' · ' + t('k.target') + ' ' + format(target) + '\n'
          + t('k.challenge') + ' ' + format(challenge),
      }],
    }],
    title: { text: name, left: 'center', top: 0, textStyle: { fontSize: 13 } },
  };
}

/** Cumulative actual against cumulative target over the working days (or weeks) of the month. */
export function cumulative(labels, target, actual, currency) {
  return {
    tooltip: { trigger: 'axis', valueFormatter: value => money(value, currency) },
    legend: { data: [t('k.cumTarget'), t('k.cumActual')], bottom: 0 },
    grid: { left: 70, right: 16, top: 16, bottom: 54 },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: value => compact(value) } },
    series: [
      { name: t('k.cumTarget'), type: 'line', data: target, symbol: 'none', lineStyle: { type: 'dashed', width: 2 },
        color: COLORS.muted },
      { name: t('k.cumActual'), type: 'line', data: actual, connectNulls: true, areaStyle: { opacity: 0.12 },
        color: COLORS.accent },
    ],
  };
}

export function weekly(labels, target, actual, currency) {
  return {
    tooltip: { trigger: 'axis', valueFormatter: value => money(value, currency) },
    legend: { data: [t('k.cumTarget'), t('k.cumActual')], bottom: 0 },
    grid: { left: 70, right: 16, top: 16, bottom: 54 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', axisLabel: { formatter: value => compact(value) } },
    series: [
      { name: t('k.cumActual'), type: 'bar', data: actual, color: COLORS.accent, barMaxWidth: 36 },
      { name: t('k.cumTarget'), type: 'line', data: target, color: COLORS.muted, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** The whole funnel, stage by stage. */
export function funnel(stages) {
  return {
    tooltip: { trigger: 'item', formatter: item => item.name + ': ' + count(item.value) },
    series: [{
      type: 'funnel', left: '8%', width: '84%', top: 10, bottom: 10, sort: 'none', gap: 2,
      label: { show: true, position: 'inside', formatter: item => item.name + ' ' + count(item.value) },
      data: stages.map(stage => ({ name: stage.label, value: stage.count })),
    }],
  };
}

/** Stage counts per lead channel, side by side. */
export function channels(channelRows, stageLabels) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 10, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: channelRows.map(row => row.label), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value' },
    series: stageLabels.map((stage, index) => ({
      name: stage, type: 'bar', data: channelRows.map(row => row.counts[index] ?? 0), barMaxWidth: 18,
    })),
  };
}

/** From target, through each driver of the gap, to actual; the drivers add up to actual - target. */
export function waterfall(target, drivers, actual, currency) {
  const names = [t('driver.start'), ...drivers.map(driver => driver.label), t('driver.end')];
  const hidden = [0];
  const totals = [target];
  const up = [0];
  const down = [0];
  let level = target;
  drivers.forEach(driver => {
    const next = level + driver.amount;
    hidden.push(Math.min(level, next));
    totals.push(0);
    up.push(driver.amount > 0 ? driver.amount : 0);
    down.push(driver.amount < 0 ? -driver.amount : 0);
    level = next;
  });
  hidden.push(0);
  totals.push(actual);
  up.push(0);
  down.push(0);
  const bar = (data, color) => ({ type: 'bar', stack: 'gap', data, color, barMaxWidth: 40 });
  return {
    tooltip: {
      trigger: 'axis',
      formatter: items => items.filter(item => item.seriesIndex > 0 && item.value)
        .map(item => item.name + ': ' + (item.seriesIndex === 3 ? '−' : '') + money(item.value, currency)).join('<br>'),
    },
    grid: { left: 70, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: value => compact(value) } },
    series: [
      { type: 'bar', stack: 'gap', data: hidden, itemStyle: { color: 'transparent' }, silent: true },
      bar(totals, COLORS.accent),
      bar(up, COLORS.good),
      bar(down, COLORS.bad),
    ],
  };
}

export function tiers(counts) {
  const colors = { A: COLORS.good, B: COLORS.warn, C: COLORS.muted };
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['40%', '70%'], top: 0, bottom: 24,
      label: { formatter: item => item.name + ' ' + count(item.value) },
      data: counts.map(tier => ({ name: tier.key, value: tier.value, itemStyle: { color: colors[tier.key] } })),
    }],
  };
}

export function leaderboard(rows, currency) {
  const ordered = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', valueFormatter: value => money(value, currency) },
    grid: { left: 90, right: 30, top: 6, bottom: 20 },
    xAxis: { type: 'value', axisLabel: { formatter: value => compact(value) } },
    yAxis: { type: 'category', data: ordered.map(row => row.name) },
    series: [{ type: 'bar', data: ordered.map(row => row.value), color: COLORS.accent, barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: item => percentOrEmpty(ordered[item.dataIndex].attainment) } }],
  };
}

function percentOrEmpty(value) {
  return toNumber(value) === null ? '' : percent(value);
}

function compact(value) {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
