// Sales ops: the company's progress, target plans (create, preview, approve), incentive plans and period close.
import { ApiError, call, query, rows } from './api.js';
import { label, money, t } from './i18n.js';
import { escape, fill, html, table } from './view.js';
import { progressPanel } from './progress.js';

const METRICS = ['REVENUE', 'GROSS_MARGIN', 'COLLECTIONS', 'NEW_CUSTOMERS', 'DEALS', 'CALLS', 'VISITS', 'FOLLOW_UPS',
  'QUALIFIED_LEADS'];

export function incentiveTemplate(period) {
  return JSON.stringify({
    name: period + ' plan', effectiveFrom: period + '-01', effectiveTo: null, currency: 'CNY',
    eligibility: { roles: ['REP'], teamIds: null },
    rules: [
      { ruleId: 'base-bonus', type: 'THRESHOLD', metric: 'REVENUE', level: 0.8, amount: '2000.00' },
      { ruleId: 'commission', type: 'TIERED_COMMISSION', metric: 'REVENUE', payOn: 'CLOSE',
        bands: [{ from: 0.0, to: 1.0, rate: 0.03 }, { from: 1.0, to: null, rate: 0.05 }], cap: '50000.00' },
      { ruleId: 'new-customer', type: 'PER_UNIT', unit: 'NEW_CUSTOMER', amount: '500.00' },
      { ruleId: 'top-seller', type: 'RANK', metric: 'REVENUE', amounts: ['5000.00', '2000.00'] },
      { ruleId: 'team-bonus', type: 'TEAM_BONUS', metric: 'REVENUE', level: 1.0, amountPerMember: '1000.00' },
    ],
  }, null, 2);
}

function select(name, options, chosen) {
  return '<select name="' + name + '">' + options.map(option => '<option value="' + option + '"'
    + (option === chosen ? ' selected' : '') + '>' + escape(option) + '</option>').join('') + '</select>';
}

const planForm = ctx => '<form class="stack" id="plan-form">'
  + '<div class="row"><label><span data-i18n="f.name">' + escape(t('f.name')) + '</span><input name="name" value="'
  + escape(ctx.period) + ' revenue"></label>'
  + '<label>' + escape(t('f.metric')) + select('metric', METRICS, 'REVENUE') + '</label>'
  + '<label>' + escape(t('f.total')) + '<input name="total" value="3000000.00" size="12"></label>'
  + '<label>' + escape(t('f.base')) + '<input name="base" value="0.8" size="4"></label>'
  + '<label>' + escape(t('f.challenge')) + '<input name="challenge" value="1.2" size="4"></label></div>'
  + '<div class="row"><label>' + escape(t('f.productLines')) + select('productLines', ['MARGIN_PRIORITY', 'HISTORY', 'EVEN'], 'MARGIN_PRIORITY') + '</label>'
  + '<label>' + escape(t('f.regions')) + select('regions', ['GROWTH', 'HISTORY', 'EVEN'], 'GROWTH') + '</label>'
  + '<label>' + escape(t('f.reps')) + select('reps', ['CAPACITY', 'HISTORY', 'EVEN'], 'CAPACITY') + '</label></div>'
  + '<div class="actions"><button type="button" id="plan-preview">' + escape(t('ops.preview')) + '</button>'
  + '<button type="button" class="primary" id="plan-create">' + escape(t('ops.create')) + '</button></div>'
  + '<div class="result" id="plan-result"></div></form>';

export const opsView = {
  sources: {
    company: { live: true, url: ctx => query('/api/kpis/company', { period: ctx.period }) },
    plans: { url: ctx => query('/api/targets/plans', { period: ctx.period }) },
  },
  panels: [
    progressPanel('ops.company', 'company'),
    { id: 'plans', title: 'ops.plans', span: 7, uses: ['plans'],
      body: '<div id="plans"></div><div class="result" id="plans-result"></div>',
      render: (data, ctx) => renderPlans(data.plans, ctx) },
    { id: 'new-plan', title: 'ops.newPlan', span: 5, uses: [], body: '<div id="new-plan"></div>',
      render: (data, ctx) => once('new-plan', ctx, () => planForm(ctx), wirePlanForm) },
    { id: 'incentives', title: 'ops.incentivePlans', hint: 'ops.incentiveHint', span: 7, uses: [],
      body: '<div id="incentive-plan"></div>',
      render: (data, ctx) => once('incentive-plan', ctx, () => '<form class="stack" id="incentive-form">'
        + '<label>' + escape(t('f.planId')) + '<input name="planId" value="plan-' + escape(ctx.period) + '"></label>'
        + '<label>' + escape(t('f.rules')) + '<textarea name="plan" rows="14">' + escape(incentiveTemplate(ctx.period))
        + '</textarea></label><div class="actions"><button type="submit" class="primary">' + escape(t('ops.save'))
        + '</button></div><div class="result" id="incentive-result"></div></form>', wireIncentiveForm) },
    { id: 'close', title: 'ops.close', hint: 'ops.closeHint', span: 5, uses: [], body: '<div id="period-close"></div>',
      render: (data, ctx) => once('period-close', ctx, () => '<form class="stack" id="close-form"><div class="row">'
        + '<label>' + escape(t('f.period')) + '<input type="month" name="period" value="' + escape(ctx.period) + '"></label>'
        + '<button type="submit" class="primary">' + escape(t('ops.closePeriod')) + '</button></div>'
        + '<div class="result" id="close-result"></div></form>', wireCloseForm) },
  ],
};

/** Forms are built once per language and period, so what a user typed survives the live refreshes. */
function once(id, ctx, markup, wire) {
  const holder = document.getElementById(id);
  const key = ctx.language + '|' + ctx.period;
  if (holder.dataset.key !== key) {
    holder.dataset.key = key;
    holder.innerHTML = markup();
    wire(holder, ctx);
  }
}

function show(id, outcome) {
  const element = document.getElementById(id);
  if (outcome instanceof ApiError) {
    const errors = outcome.fieldErrors();
    element.className = 'result error';
    element.innerHTML = escape(outcome.message) + (errors.length
      ? '<ul class="field-errors">' + errors.map(line => '<li>' + escape(line) + '</li>').join('') + '</ul>' : '');
  } else {
    element.className = 'result ok';
    element.innerHTML = outcome;
  }
}

function planRequest(form, period) {
  const values = Object.fromEntries(new FormData(form));
  return {
    name: values.name, period, metric: values.metric, total: values.total, currency: 'CNY',
    levels: { base: Number(values.base), challenge: Number(values.challenge) },
    allocation: { productLines: values.productLines, regions: values.regions, reps: values.reps },
  };
}

function wirePlanForm(holder, ctx) {
  const form = holder.querySelector('form');
  const submit = async (path, done) => {
    try {
      const plan = await call('POST', path, planRequest(form, ctx.period));
      show('plan-result', done(plan));
    } catch (error) {
      show('plan-result', error);
    }
  };
  holder.querySelector('#plan-preview').addEventListener('click', () => submit('/api/targets/plans:preview', plan =>
    table([{ label: t('k.entity') }, { label: t('k.type') }, { label: t('k.monthly'), num: true }],
      rows(plan, 'nodes').map(node => [node.name || node.entityId, node.entityType, money(node.monthly, plan.currency)]))));
  holder.querySelector('#plan-create').addEventListener('click', () => submit('/api/targets/plans', plan => {
    ctx.refresh(true);
    return escape(t('ops.created') + ': ' + plan.planId);
  }));
}

function renderPlans(answer, ctx) {
  const plans = rows(answer, 'plans');
  const changed = fill('plans', table([{ label: t('f.name') }, { label: t('f.metric') }, { label: t('f.total'), num: true },
    { label: t('k.status') }, { label: t('k.version'), num: true }, { label: '' }],
  plans.map(plan => [plan.name || plan.planId, label('metric', plan.metric), money(plan.total, plan.currency),
    plan.status, plan.version, plan.status === 'DRAFT'
      ? html('<button type="button" data-approve="' + escape(plan.planId) + '">' + escape(t('ops.approve')) + '</button>') : '']),
  'plans'));
  if (!changed) {
    return;
  }
  document.getElementById('plans').querySelectorAll('[data-approve]').forEach(button => button.addEventListener('click', async () => {
    try {
      await call('POST', '/api/targets/plans/' + encodeURIComponent(button.dataset.approve) + '/approve');
      await ctx.refresh(true);
      show('plans-result', escape(t('ops.approved') + ': ' + button.dataset.approve));
    } catch (error) {
      show('plans-result', error);
    }
  }));
}

function wireIncentiveForm(holder) {
  holder.querySelector('form').addEventListener('submit', async event => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.target));
    let plan;
    try {
      plan = JSON.parse(values.plan);
    } catch (e) {
      show('incentive-result', new ApiError(400, { detail: e.message, errors: [{ field: 'plan', message: 'is not valid JSON' }] }));
      return;
    }
    try {
      await call('PUT', '/api/incentives/plans/' + encodeURIComponent(values.planId), plan);
      show('incentive-result', escape(t('ops.saved') + ': ' + values.planId));
    } catch (error) {
      show('incentive-result', error);
    }
  });
}

function wireCloseForm(holder) {
  holder.querySelector('form').addEventListener('submit', async event => {
    event.preventDefault();
    const period = new FormData(event.target).get('period');
    try {
      await call('POST', '/api/incentives/periods/' + encodeURIComponent(period) + '/close');
      show('close-result', escape(t('ops.closed') + ': ' + period));
    } catch (error) {
      show('close-result', error);
    }
  });
}
