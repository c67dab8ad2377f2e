// A rep's own view: progress and pace, whom to follow up first, and the incentive statement line by line.
import { first, query, rows } from './api.js';
import { money, t, toNumber } from './i18n.js';
import { escape, fill, html, table } from './view.js';
import { pacingPanels, progressPanel } from './progress.js';
import { highIntentTable } from './manager.js';

export const repView = {
  sources: {
    kpis: { live: true, url: ctx => query('/api/kpis/reps/' + encodeURIComponent(ctx.rep), { period: ctx.period }) },
    statement: { live: true, url: ctx => query('/api/incentives/statements/' + encodeURIComponent(ctx.rep), { period: ctx.period }) },
    targets: { url: ctx => query('/api/targets', { period: ctx.period, entityType: 'REP', entityId: ctx.rep }) },
    highIntent: { url: ctx => query('/api/kpis/customers/high-intent', { repId: ctx.rep }) },
  },
  panels: [
    progressPanel('rep.progress', 'kpis'),
    ...pacingPanels(),
    { id: 'follow-ups', title: 'rep.followUps', span: 5, uses: ['highIntent'], body: '<div id="follow-ups"></div>',
      render: data => {
        fill('follow-ups', highIntentTable(data.highIntent, false));
      } },
    { id: 'statement', title: 'rep.statement', span: 7, uses: ['statement'], body: '<div id="statement"></div>',
      render: (data, ctx) => {
        fill('statement', statementTable(data.statement, ctx.currency));
      } },
  ],
};

/** Each line with the rule and the event(s) it came from, then the total. */
function statementTable(statement, fallbackCurrency) {
  const currency = first(statement, ['currency']) || fallbackCurrency;
  const lines = rows(statement, 'lines').map(line => {
    const sources = first(line, ['sourceEventIds', 'sourceEventId', 'sourceEvents', 'source']);
    return [
      first(line, ['ruleId', 'rule', 'ruleName']) || '',
      first(line, ['description', 'tier', 'type']) || '',
      html('<code>' + escape([].concat(sources ?? []).join(', ')) + '</code>'),
      money(first(line, ['amount']), currency),
    ];
  });
  const stated = first(statement, ['total', 'totalAmount']) ?? statement?.totals?.total ?? statement?.totals?.amount;
  const total = toNumber(stated) ?? rows(statement, 'lines').reduce((sum, line) => sum + (toNumber(line.amount) || 0), 0);
  return table([{ label: t('k.rule') }, { label: '' }, { label: t('k.source') }, { label: t('k.amount'), num: true }], lines, 'statement')
    + '<p class="result" id="statement-total"><strong>' + escape(t('k.total')) + ': ' + escape(money(total, currency))
    + '</strong></p>';
}
