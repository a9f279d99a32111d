/*
 * The case's protected data next to the task ("Vaka bilgileri", plugin point tasklist.task.detail) and the person
 * search ("Kişi ara", plugin point tasklist.navbar.action). Tasklist custom script, see config.js.
 *
 * Both call our own endpoints (casework.CaseViewController) with the Tasklist user's own web app session and the web
 * apps' CSRF token (header X-XSRF-TOKEN, from the cookie XSRF-TOKEN, as Tasklist's own requests do). The server decides
 * what the user's role may see for the task; this script only shows it. For the violence line the tab first asks for
 * a stated reason and warns that the read is recorded. Nothing is kept in the browser's storage: the data lives in
 * the page only while the tab is open. Every text is set with textContent (no HTML from the server).
 */

import {contextPath, element, ensureStyle, staffCall} from '../../kadinaile/staff-api.js';

const STYLE_ID = 'kadinaile-case-view-style';

const STYLE = `
.kadinaile-case-view { padding: 12px 15px; }
.kadinaile-case-view .kcv-warning { border-left: 4px solid #b94a48; background: #fdf2f2; padding: 8px 12px; margin-bottom: 12px; }
.kadinaile-case-view dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
.kadinaile-case-view dt { font-weight: 600; }
.kadinaile-case-view dd { margin: 0; white-space: pre-wrap; }
.kadinaile-case-view .kcv-reference { font-size: 1.1em; margin-bottom: 10px; }
.kadinaile-case-view .kcv-error { color: #b94a48; margin-top: 6px; }
.kadinaile-case-view label { display: block; font-weight: 600; margin-top: 8px; }
.kadinaile-case-view select, .kadinaile-case-view textarea { width: 100%; max-width: 520px; }
.kadinaile-case-view button { margin-top: 10px; }
.kadinaile-person-search-panel { position: fixed; top: 60px; right: 20px; z-index: 2000; width: 640px; max-width: calc(100vw - 40px);
  max-height: calc(100vh - 80px); overflow: auto; background: #fff; border: 1px solid #ccc; border-radius: 4px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 14px 16px; color: #333; }
.kadinaile-person-search-panel h3 { margin-top: 0; font-size: 18px; }
.kadinaile-person-search-panel .kps-row { display: flex; gap: 8px; flex-wrap: wrap; align-items: flex-end; }
.kadinaile-person-search-panel label { display: block; font-weight: 600; }
.kadinaile-person-search-panel table { width: 100%; margin-top: 12px; }
.kadinaile-person-search-panel th, .kadinaile-person-search-panel td { padding: 4px 6px; border-bottom: 1px solid #eee; text-align: left; }
.kadinaile-person-search-panel .kps-close { position: absolute; top: 8px; right: 12px; }
.kadinaile-person-search-panel .kps-note { color: #666; font-size: 12px; margin-top: 8px; }
.kadinaile-person-search-panel .kps-error { color: #b94a48; margin-top: 6px; }
`;

function refusal(status, json) {
  if (status === 404) {
    return 'Bu görev için gösterebileceğiniz vaka bilgisi yok.';
  }
  if (status === 401) {
    return 'Oturumunuz sona ermiş. Lütfen yeniden giriş yapın.';
  }
  return (json && json.message) || 'Vaka bilgileri alınamadı.';
}

// ------------------------------------------------------------------------------------------ the task's tab

function showData(container, view) {
  container.replaceChildren();
  if (view.notice) {
    container.appendChild(element('div', {class: 'kcv-warning', role: 'note'}, view.notice));
  }
  container.appendChild(element('div', {class: 'kcv-reference'}, view.service + ' — ' + view.reference));
  if (!view.fields.length) {
    container.appendChild(element('p', {}, 'Bu vakada rolünüze açık bilgi kaydedilmemiş.'));
    return;
  }
  const list = element('dl', {class: 'kcv-fields'});
  view.fields.forEach((field) => {
    list.appendChild(element('dt', {}, field.label));
    list.appendChild(element('dd', {'data-field': field.key}, field.value));
  });
  container.appendChild(list);
}

async function openView(container, api, taskId, reason) {
  const {status, json} = await staffCall(api, 'POST', '/api/staff/cases/tasks/' + encodeURIComponent(taskId) + '/view', reason || {});
  if (status === 200) {
    showData(container, json);
    return true;
  }
  if (status === 400 && reason) {
    const error = (json && json.errors && json.errors[0] && json.errors[0].message) || (json && json.message);
    const box = container.querySelector('.kcv-error');
    box.textContent = error || 'Görüntüleme nedenini belirtin.';
    return false;
  }
  container.replaceChildren(element('p', {class: 'kcv-error'}, refusal(status, json)));
  return false;
}

function askReason(container, api, taskId, description) {
  container.replaceChildren();
  container.appendChild(element('div', {class: 'kcv-warning', role: 'alert'},
    'Bu görüntüleme kayıt altına alınır. ' + (description.notice || '')));
  const form = element('form', {class: 'kcv-reason', novalidate: 'novalidate'});
  form.appendChild(element('p', {}, description.service + ': kişisel bilgileri görmeden önce nedenini belirtin.'));
  form.appendChild(element('label', {for: 'kcv-reason-choice'}, 'Görüntüleme nedeni'));
  const choice = element('select', {id: 'kcv-reason-choice', name: 'reasonChoice', class: 'form-control'});
  choice.appendChild(element('option', {value: ''}, 'Seçin…'));
  description.reasons.forEach((reason) => choice.appendChild(element('option', {value: reason}, reason)));
  form.appendChild(choice);
  form.appendChild(element('label', {for: 'kcv-reason-text'},
    'Açıklama (en az ' + description.minimumReasonLength + ' karakter)'));
  const text = element('textarea', {id: 'kcv-reason-text', name: 'reason', rows: '3', maxlength: '500', class: 'form-control'});
  form.appendChild(text);
  form.appendChild(element('div', {class: 'kcv-error', role: 'alert', 'aria-live': 'polite'}));
  const button = element('button', {type: 'submit', class: 'btn btn-primary'}, 'Bilgileri göster');
  form.appendChild(button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = form.querySelector('.kcv-error');
    box.textContent = '';
    if (!choice.value || text.value.trim().length < description.minimumReasonLength) {
      box.textContent = 'Görüntüleme nedenini seçin ve en az ' + description.minimumReasonLength + ' karakterle açıklayın.';
      return;
    }
    button.disabled = true;
    try {
      await openView(container, api, taskId, {reasonChoice: choice.value, reason: text.value});
    } finally {
      button.disabled = false;
    }
  });
  container.appendChild(form);
}

async function renderTab(node, taskId, api) {
  ensureStyle(STYLE_ID, STYLE);
  const container = element('div', {class: 'kadinaile-case-view', 'data-task': taskId || ''});
  node.appendChild(container);
  if (!taskId) {
    return;
  }
  container.appendChild(element('p', {}, 'Vaka bilgileri yükleniyor…'));
  const {status, json} = await staffCall(api, 'GET', '/api/staff/cases/tasks/' + encodeURIComponent(taskId));
  if (status !== 200) {
    container.replaceChildren(element('p', {class: 'kcv-error'}, refusal(status, json)));
    return;
  }
  if (json.reasonRequired) {
    askReason(container, api, taskId, json);
  } else {
    await openView(container, api, taskId, null);
  }
}

// ------------------------------------------------------------------------------------------ person search

const KINDS = [['NAME', 'Ad soyad'], ['TC_KIMLIK_NO', 'T.C. Kimlik No'], ['PHONE', 'Telefon']];

function taskLink(api, taskId) {
  return contextPath(api) + '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(taskId);
}

function showResults(panel, api, json) {
  const results = panel.querySelector('.kps-results');
  results.replaceChildren();
  if (!json.results.length) {
    results.appendChild(element('p', {}, 'Hizmetlerinizde bu kişiye ait açık vaka bulunamadı.'));
    return;
  }
  const table = element('table', {class: 'table'});
  const head = element('tr');
  ['Hizmet', 'Takip kodu', 'Güncel adım', ''].forEach((title) => head.appendChild(element('th', {}, title)));
  table.appendChild(element('thead')).appendChild(head);
  const body = element('tbody');
  json.results.forEach((hit) => {
    const row = element('tr');
    row.appendChild(element('td', {}, hit.service));
    row.appendChild(element('td', {}, hit.reference));
    row.appendChild(element('td', {}, hit.currentSteps.join(', ') || '—'));
    const cell = element('td');
    if (hit.taskId) {
      cell.appendChild(element('a', {href: taskLink(api, hit.taskId)}, 'Görevi aç'));
    }
    row.appendChild(cell);
    body.appendChild(row);
  });
  table.appendChild(body);
  results.appendChild(table);
}

function openPanel(api, services) {
  ensureStyle(STYLE_ID, STYLE);
  let panel = document.querySelector('.kadinaile-person-search-panel');
  if (panel) {
    panel.querySelector('input').focus();
    return;
  }
  panel = element('section', {class: 'kadinaile-person-search-panel', role: 'dialog', 'aria-label': 'Kişi ara'});
  const close = element('button', {type: 'button', class: 'btn btn-link kps-close', 'aria-label': 'Kapat'}, '×');
  close.addEventListener('click', () => panel.remove());
  panel.appendChild(close);
  panel.appendChild(element('h3', {}, 'Kişi ara'));
  const form = element('form', {novalidate: 'novalidate'});
  const row = element('div', {class: 'kps-row'});
  const kindBox = element('div');
  kindBox.appendChild(element('label', {for: 'kps-kind'}, 'Neye göre'));
  const kind = element('select', {id: 'kps-kind', class: 'form-control'});
  KINDS.forEach(([value, label]) => kind.appendChild(element('option', {value}, label)));
  kindBox.appendChild(kind);
  const termBox = element('div', {style: 'flex: 1'});
  termBox.appendChild(element('label', {for: 'kps-term'}, 'Aranan'));
  const term = element('input', {id: 'kps-term', type: 'text', class: 'form-control', autocomplete: 'off', maxlength: '100'});
  termBox.appendChild(term);
  const button = element('button', {type: 'submit', class: 'btn btn-primary'}, 'Ara');
  row.append(kindBox, termBox, button);
  form.appendChild(row);
  form.appendChild(element('div', {class: 'kps-error', role: 'alert', 'aria-live': 'polite'}));
  form.appendChild(element('p', {class: 'kps-note'},
    'Aranan hizmetler: ' + services.join(', ') + '. Yalnızca açık vakalar aranır; her arama kayıt altına alınır.'));
  panel.appendChild(form);
  panel.appendChild(element('div', {class: 'kps-results', 'aria-live': 'polite'}));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = form.querySelector('.kps-error');
    error.textContent = '';
    button.disabled = true;
    try {
      const {status, json} = await staffCall(api, 'POST', '/api/staff/people/search', {kind: kind.value, term: term.value});
      if (status === 200) {
        showResults(panel, api, json);
      } else {
        panel.querySelector('.kps-results').replaceChildren();
        error.textContent = (json && json.errors && json.errors[0] && json.errors[0].message)
          || (status === 403 ? 'Kişi arama yetkiniz yok.' : refusal(status, json));
      }
    } finally {
      button.disabled = false;
    }
  });
  document.addEventListener('keydown', function onEscape(event) {
    if (event.key === 'Escape' && document.body.contains(panel)) {
      panel.remove();
      document.removeEventListener('keydown', onEscape);
    }
  });
  document.body.appendChild(panel);
  term.focus();
}

// the panel and its results leave with the session
window.addEventListener('hashchange', () => {
  if (/^#\/login\b/.test(window.location.hash)) {
    const panel = document.querySelector('.kadinaile-person-search-panel');
    if (panel) {
      panel.remove();
    }
  }
});

export default [
  {
    id: 'kadinaile-case-view',
    pluginPoint: 'tasklist.task.detail',
    priority: 5,
    label: 'Vaka bilgileri',
    render: (node, {taskId, api}) => {
      renderTab(node, taskId, api);
    }
  },
  {
    id: 'kadinaile-person-search',
    pluginPoint: 'tasklist.navbar.action',
    priority: 200,
    render: async (node, {api}) => {
      // only for those whose groups work on a service with cases to search
      const {status, json} = await staffCall(api, 'GET', '/api/staff/people/services');
      if (status !== 200 || !json || !json.services.length) {
        return;
      }
      const link = element('a', {href: '', class: 'kadinaile-person-search', title: 'Kişi ara', role: 'button'});
      link.appendChild(element('span', {class: 'glyphicon glyphicon-search', 'aria-hidden': 'true'}));
      link.appendChild(document.createTextNode(' Kişi ara'));
      link.addEventListener('click', (event) => {
        event.preventDefault();
        openPanel(api, json.services);
      });
      node.appendChild(link);
    }
  }
];
