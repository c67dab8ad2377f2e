// Calls to the Quotaflow API through the gateway, with the signed-in user's token, and the shapes the dashboard
// reads from the answers (see gateway/README.md, "Dashboard").

const TOKEN = 'quotaflow.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }

  /** The problem's field errors, as "field: message" lines. */
  fieldErrors() {
    return (this.problem.errors || []).map(error => error.field + ': ' + error.message);
  }
}

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN);
  },

  /** The claims the dashboard needs from a JWT (it is validated by the gateway, not here). */
  claims() {
    const token = this.token();
    return token ? decode(token) : null;
  },

  signIn(token) {
    const claims = decode(token);
    if (!claims || !Array.isArray(claims.roles)) {
      return null;
    }
    sessionStorage.setItem(TOKEN, token);
    return claims;
  },

  signOut() {
    sessionStorage.removeItem(TOKEN);
  },
};

function decode(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(atob(payload).split('')
      .map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

/** fetch through the gateway; resolves with the parsed JSON (or text), rejects with an ApiError. */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = session.token();
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, { detail: e.message });
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = text;
    }
  }
  if (!response.ok) {
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('quotaflow:unauthorized'));
    }
    throw new ApiError(response.status, typeof parsed === 'object' ? parsed : { detail: text });
  }
  return parsed;
}

export const get = path => call('GET', path);

export function query(path, params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, value);
    }
  });
  const text = search.toString();
  return text ? path + '?' + text : path;
}

// ---- Shapes. API.md fixes the KPI document; for the lists it says what, not how, so these accept the usual forms
// (a bare array, or an object holding one; a map of code -> value, or a list of {code, value}).

/** A list from an answer that is a list, or an object holding the list under one of these names. */
export function rows(answer, ...names) {
  if (Array.isArray(answer)) {
    return answer;
  }
  if (answer && typeof answer === 'object') {
    for (const name of [...names, 'rows', 'items', 'entries', 'content', 'data']) {
      if (Array.isArray(answer[name])) {
        return answer[name];
      }
    }
  }
  return [];
}

/** [{key, value}] from {CODE: value} or from [{<keyName>: CODE, <valueName>: value}]. */
export function pairs(source, keyNames, valueNames) {
  if (Array.isArray(source)) {
    return source.map(item => ({
      key: first(item, keyNames),
      value: first(item, valueNames),
      item,
    }));
  }
  if (source && typeof source === 'object') {
    return Object.entries(source).map(([key, value]) => ({
      key,
      value: value && typeof value === 'object' ? first(value, valueNames) : value,
      item: value,
    }));
  }
  return [];
}

/** The first of these properties that the object has. */
export function first(object, names) {
  if (!object || typeof object !== 'object') {
    return undefined;
  }
  for (const name of names) {
    if (object[name] !== undefined && object[name] !== null) {
      return object[name];
    }
  }
  return undefined;
}

/** The KPI document's metric (REVENUE by default): {actual, target, base, challenge, attainment, pace, ...}. */
export function metric(kpis, code = 'REVENUE') {
  return kpis?.metrics?.[code] || null;
}

/** The assigned target of one metric from GET /api/targets (a list of targets, one per plan and metric). */
export function assignedTarget(targets, code = 'REVENUE') {
  const all = rows(targets, 'targets');
  return all.find(target => (target.metric || 'REVENUE') === code) || all[0] || null;
}
