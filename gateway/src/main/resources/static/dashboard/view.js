// A dashboard view: panels fed by API sources. Live sources are fetched on every refresh, the others on a full
// refresh (sign-in, a new period or team, every few ticks). Panels are rendered again from what was fetched last,
// so switching the language needs no call; a panel whose source failed says so and keeps its place.
import { ApiError, get } from './api.js';
import { t } from './i18n.js';

export function escape(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A table's HTML: columns [{label, num?}] and rows of cell values (already formatted, escaped here). */
export function table(columns, rows, id) {
  if (!rows.length) {
    return '<p class="unavailable">' + escape(t('nothingYet')) + '</p>';
  }
  const head = columns.map(column => '<th' + (column.num ? ' class="num"' : '') + '>' + escape(column.label) + '</th>').join('');
  const body = rows.map(row => '<tr>' + row.map((cell, index) =>
    '<td' + (columns[index]?.num ? ' class="num"' : '') + '>' + (cell?.html ?? escape(cell)) + '</td>').join('') + '</tr>').join('');
  return '<div class="table-scroll"><table' + (id ? ' id="' + id + '-table"' : '') + '><thead><tr>' + head
    + '</tr></thead><tbody>' + body + '</tbody></table></div>';
}

/**
 * Replaces the element's content, unless it is the same already (live refreshes keep the page still); says
 * whether it did.
 */
export function fill(id, markup) {
  const element = document.getElementById(id);
  if (!element || element.dataset.markup === markup) {
    return false;
  }
  element.dataset.markup = markup;
  element.innerHTML = markup;
  return true;
}

/** Cell content that is HTML already. */
export function html(markup) {
  return { html: markup };
}

export function card(id, labelText, value, sub, tone) {
  return '<div class="card' + (tone ? ' ' + tone : '') + '"><div class="label">' + escape(labelText) + '</div>'
    + '<div class="value" id="' + id + '">' + escape(value) + '</div>'
    + (sub ? '<div class="sub">' + escape(sub) + '</div>' : '') + '</div>';
}

function describe(error) {
  if (error instanceof ApiError) {
    return t('unavailable') + (error.status ? ' (' + error.status + ')' : '') + ': ' + error.message;
  }
  return t('unavailable') + ': ' + (error?.message || error);
}

/**
 * definition: {sources: {name: {url(ctx), live}}, panels: [{id, title, hint, span, uses, optional, body,
 * render(data, ctx)}]}. body is the panel's static HTML (chart holders keep their place between refreshes).
 */
export function mountView(root, definition, ctx) {
  const answers = {};
  let tick = 0;

  root.innerHTML = '<div class="grid">' + definition.panels.map(panel =>
    '<section class="panel span-' + (panel.span || 6) + '" id="panel-' + panel.id + '">'
    + '<h2>' + escape(t(panel.title)) + '</h2>'
    + (panel.hint ? '<p class="hint">' + escape(t(panel.hint)) + '</p>' : '')
    + '<p class="unavailable" hidden></p><div class="content">' + (panel.body || '') + '</div></section>').join('')
    + '</div>';

  function renderPanel(panel) {
    const section = document.getElementById('panel-' + panel.id);
    if (!section) {
      return;
    }
    section.querySelector('h2').textContent = t(panel.title);
    const hint = section.querySelector('.hint');
    if (hint) {
      hint.textContent = t(panel.hint);
    }
    const failed = (panel.uses || []).map(name => answers[name]).find(answer => answer && answer.error);
    const waiting = (panel.uses || []).some(name => !answers[name]);
    const message = section.querySelector('.unavailable');
    const content = section.querySelector('.content');
    if (failed || waiting) {
      message.hidden = !failed;
      message.textContent = failed ? describe(failed.error) : '';
      content.hidden = true;
      return;
    }
    message.hidden = true;
    content.hidden = false;
    const data = {};
    [...(panel.uses || []), ...(panel.optional || [])].forEach(name => {
      data[name] = answers[name] && !answers[name].error ? answers[name].value : null;
    });
    try {
      panel.render(data, ctx, section);
    } catch (e) {
      message.hidden = false;
      message.textContent = describe(e);
      console.error('panel ' + panel.id, e);
    }
  }

  function render() {
    definition.panels.forEach(renderPanel);
  }

  /** Fetches the sources due now and renders; resolves to whether every live source answered. */
  async function refresh(full) {
    const due = Object.entries(definition.sources).filter(([, source]) => full || source.live || tick % 6 === 0);
    tick++;
    await Promise.all(due.map(async ([name, source]) => {
      const url = source.url(ctx);
      if (url === null) {
        answers[name] = { value: null };
        return;
      }
      try {
        answers[name] = { value: await get(url) };
      } catch (error) {
        answers[name] = { error };
      }
    }));
    render();
    return due.every(([name, source]) => !source.live || !answers[name].error);
  }

  return { refresh, render };
}
