// The dashboard's shell: sign-in (demo users in the embedded run, or a pasted token), the views each role gets,
// the period and team pickers, the language switch and the live refresh.
import { call, get, rows, session } from './api.js';
import { language, setLanguage, t } from './i18n.js';
import { mountView } from './view.js';
import { managerView } from './manager.js';
import { repView } from './rep.js';
import { opsView } from './ops.js';

const $ = id => document.getElementById(id);
const VIEWS = { manager: managerView, rep: repView, ops: opsView };

let settings = { period: new Date().toISOString().slice(0, 7), currency: 'CNY', refreshMillis: 5000, devTokens: false, demoUsers: [] };
let ctx = null;
let current = null;
let timer = null;

async function start() {
  setLanguage(language());
  document.querySelectorAll('[data-lang]').forEach(button => button.addEventListener('click', () => {
    setLanguage(button.dataset.lang);
    if (ctx) {
      ctx.language = language();
      showWho();
      renderTabs();
      current?.render();
    } else {
      showLogin();
    }
  }));
  $('logout').addEventListener('click', signOut);
  $('period').addEventListener('change', () => {
    if ($('period').value) {
      ctx.period = $('period').value;
      ctx.cachedTable = null;
      refresh(true);
    }
  });
  $('team').addEventListener('change', () => {
    ctx.team = $('team').value;
    ctx.cachedTable = null;
    refresh(true);
  });
  $('token-form').addEventListener('submit', event => {
    event.preventDefault();
    signIn($('token-input').value.trim());
  });
  window.addEventListener('quotaflow:unauthorized', () => {
    if (ctx) {
      signOut();
    }
  });
  try {
    settings = await get('/dashboard/settings');
  } catch (e) {
    // The defaults above do; the API calls themselves will say what is wrong.
  }
  const claims = session.claims();
  if (claims && (!claims.exp || claims.exp * 1000 > Date.now())) {
    open(claims);
  } else {
    session.signOut();
    showLogin();
  }
}

function showLogin(message) {
  $('login').hidden = false;
  ['tabs', 'period-box', 'team-box', 'live', 'who', 'logout'].forEach(id => { $(id).hidden = true; });
  $('view').innerHTML = '';
  $('login-error').textContent = message || '';
  $('no-demo').hidden = settings.devTokens;
  $('demo-users').innerHTML = '';
  (settings.demoUsers || []).forEach(user => {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'demo-' + user.sub;
    button.innerHTML = '<strong></strong><small></small>';
    button.querySelector('strong').textContent = user.name || user.sub;
    button.querySelector('small').textContent = user.roles.map(role => t('role.' + role)).join(', ')
      + (user.teamIds?.length ? ' · ' + user.teamIds.join(', ') : '') + (user.repId ? ' · ' + user.repId : '');
    button.addEventListener('click', () => demoSignIn(user));
    $('demo-users').appendChild(button);
  });
}

async function demoSignIn(user) {
  try {
    const answer = await call('POST', '/auth/dev-token', {
      sub: user.sub, roles: user.roles, repId: user.repId || undefined, teamIds: user.teamIds?.length ? user.teamIds : undefined,
    });
    signIn(answer.token);
  } catch (error) {
    $('login-error').textContent = t('login.failed') + ': ' + error.message;
  }
}

function signIn(token) {
  const claims = session.signIn(token);
  if (!claims) {
    $('login-error').textContent = t('login.badToken');
    return;
  }
  open(claims);
}

function signOut() {
  clearInterval(timer);
  timer = null;
  session.signOut();
  ctx = null;
  current = null;
  showLogin();
}

function viewsFor(roles) {
  const views = [];
  if (roles.includes('ADMIN')) {
    views.push('ops', 'manager');
  }
  if (roles.includes('MANAGER') && !views.includes('manager')) {
    views.push('manager');
  }
  if (roles.includes('REP')) {
    views.push('rep');
  }
  return views;
}

async function open(claims) {
  $('login').hidden = true;
  ctx = {
    claims, period: settings.period, currency: settings.currency, language: language(),
    views: viewsFor(claims.roles || []), team: (claims.teamIds || [])[0], rep: claims.repId,
    refresh: full => refresh(full),
  };
  showWho();
  $('logout').hidden = false;
  $('period-box').hidden = false;
  $('period').value = ctx.period;
  let teams = claims.teamIds || [];
  if ((claims.roles || []).includes('ADMIN')) {
    try {
      teams = rows(await get('/api/org/teams'), 'teams').map(team => team.id || team.teamId).filter(Boolean);
    } catch (e) {
      teams = [];
    }
    ctx.team = ctx.team || teams[0];
  }
  $('team').innerHTML = teams.map(team => '<option>' + team.replace(/</g, '') + '</option>').join('');
  if (ctx.team) {
    $('team').value = ctx.team;
  }
  if (!ctx.views.length) {
    $('view').innerHTML = '<p class="unavailable">' + t('noView') + '</p>';
    return;
  }
  show(ctx.views[0]);
  clearInterval(timer);
  timer = setInterval(() => refresh(false), settings.refreshMillis || 5000);
}

function showWho() {
  $('who').hidden = false;
  $('who').textContent = ctx.claims.sub + ' · ' + (ctx.claims.roles || []).map(role => t('role.' + role)).join(', ');
}

function renderTabs() {
  $('tabs').hidden = ctx.views.length < 2;
  $('tabs').innerHTML = ctx.views.map(view => '<button type="button" data-view="' + view + '" class="'
    + (view === ctx.view ? 'active' : '') + '">' + t('tab.' + view) + '</button>').join('');
  $('tabs').querySelectorAll('button').forEach(button => button.addEventListener('click', () => show(button.dataset.view)));
}

function show(view) {
  ctx.view = view;
  ctx.cachedTable = null;
  renderTabs();
  $('team-box').hidden = view !== 'manager' || !$('team').options.length;
  current = mountView($('view'), VIEWS[view], ctx);
  refresh(true);
}

async function refresh(full) {
  if (!current) {
    return;
  }
  const view = current;
  const ok = await view.refresh(full);
  if (view !== current) {
    return;
  }
  $('live').hidden = false;
  $('live').classList.toggle('stale', !ok);
  $('updated').textContent = t('updated') + ' ' + new Date().toLocaleTimeString(language() === 'zh' ? 'zh-CN' : 'en-GB');
  document.body.dataset.refreshed = String(Date.now());
}

start();
