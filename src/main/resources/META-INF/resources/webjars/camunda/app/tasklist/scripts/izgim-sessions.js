/*
 * "Seanslarım": İZGİM's professionals (psychologists, child psychologists, dietitians) and their supervisors see their
 * sessions of today and the coming days in Tasklist and record what happened (Tasklist custom script, see config.js).
 * During a series the counselling case waits for the calendar, so there is no task to work on: this page is where the
 * professional records "Geldi", "Gelmedi" or "İptal". A link in the header (plugin point tasklist.navbar.action) opens
 * the page #/seanslarim (plugin point tasklist.route).
 *
 * Everything comes from the calendar's staff API (izgim.calendar.CalendarStaffController), called with the Tasklist
 * user's own web app session and, for changes, the web apps' CSRF token (header X-XSRF-TOKEN, from the cookie
 * XSRF-TOKEN), as Tasklist's own requests do. The server decides who sees what (a professional her own sessions, a
 * supervisor every professional's) and what may be recorded; the link is shown only to those it answers. A session
 * is shown by its time, room, tracking code and service, never by a name or a note. After a second no-show in a row
 * the process creates the task "İki kez gelmedi: karar ver"; the page looks it up (the web apps' engine API, as the
 * user) and links to it. Every text is set with textContent; nothing is kept in the browser's storage.
 */

import {element, ensureStyle, staffCall} from '../../kadinaile/staff-api.js';

const API = '/api/staff/izgim/calendar';
const ROUTE = '/seanslarim';
const DECISION_TASK = 'Task_ConfirmNoShows';
const PERIOD_DAYS = 14;
const STYLE_ID = 'kadinaile-izgim-sessions-style';
const LINK_CLASS = 'kadinaile-izgim-sessions-link';

const WEEKDAYS = ['Pazar', 'Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi'];
const ACTIONS = [
  {status: 'ATTENDED', label: 'Geldi', when: (session) => session.mayRecord, style: 'btn-success'},
  {status: 'NO_SHOW', label: 'Gelmedi', when: (session) => session.mayRecord, style: 'btn-warning'},
  {status: 'CANCELLED', label: 'İptal', when: (session) => session.mayCancel, style: 'btn-default'}
];

const STYLE = `
.kadinaile-izgim-sessions { padding: 16px 24px 40px; overflow: auto; height: 100%; background: #fff; color: #333; }
.kadinaile-izgim-sessions h2 { margin-top: 0; font-size: 24px; }
.kadinaile-izgim-sessions h2:focus, .kadinaile-izgim-sessions .kis-status:focus { outline: 2px solid #1f6fb2; outline-offset: 2px; }
.kadinaile-izgim-sessions h3 { font-size: 17px; margin: 22px 0 6px; }
.kadinaile-izgim-sessions .kis-intro { color: #555; max-width: 900px; }
.kadinaile-izgim-sessions .kis-nav { display: flex; gap: 8px; flex-wrap: wrap; margin: 10px 0; }
.kadinaile-izgim-sessions .kis-status { border-left: 4px solid #3c763d; background: #f2f8f1; padding: 8px 12px; margin: 10px 0; }
.kadinaile-izgim-sessions .kis-status:empty, .kadinaile-izgim-sessions .kis-error:empty { display: none; }
.kadinaile-izgim-sessions .kis-decision { border-left-color: #b94a48; background: #fdf2f2; }
.kadinaile-izgim-sessions .kis-error { border-left: 4px solid #b94a48; background: #fdf2f2; color: #8a1f1d; padding: 8px 12px; margin: 10px 0; }
.kadinaile-izgim-sessions table { width: 100%; max-width: 1100px; margin-bottom: 6px; }
.kadinaile-izgim-sessions caption { text-align: left; color: #555; padding: 2px 0; }
.kadinaile-izgim-sessions th, .kadinaile-izgim-sessions td { padding: 6px 8px; border-bottom: 1px solid #e5e5e5; text-align: left; vertical-align: middle; }
.kadinaile-izgim-sessions td.kis-actions { white-space: nowrap; }
.kadinaile-izgim-sessions td.kis-actions .btn { margin-right: 6px; min-width: 72px; }
.kadinaile-izgim-sessions .kis-code { font-family: monospace; font-size: 1.05em; }
.kadinaile-izgim-sessions tr.kis-begun td:first-child { font-weight: 600; }
.${LINK_CLASS} .badge { background: #b94a48; margin-left: 4px; }
`;

/** The web apps' engine API of this Tasklist's engine (<context>/camunda/api/engine/engine/default). */
function engineApi() {
  const base = document.querySelector('base');
  const engine = /\/tasklist\/([^/]+)/.exec(window.location.pathname);
  return base.getAttribute('engine-api') + 'engine/' + (engine ? engine[1] : 'default');
}

// ------------------------------------------------------------------------------------------ dates, Turkish forms

/** "2027-03-02" or "2027-03-02T10:00:00" as a date of its own (no time zone: the server's local time is meant). */
function parts(value) {
  const [date, time] = String(value).split('T');
  const [year, month, day] = date.split('-').map(Number);
  return {year, month, day, time: (time || '00:00').substring(0, 5)};
}

function pad(number) {
  return String(number).padStart(2, '0');
}

function dayKey(value) {
  const p = parts(value);
  return p.year + '-' + pad(p.month) + '-' + pad(p.day);
}

function turkishDate(value) {
  const p = parts(value);
  return pad(p.day) + '.' + pad(p.month) + '.' + p.year;
}

function weekday(value) {
  const p = parts(value);
  return WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
}

function plusDays(isoDate, days) {
  const p = parts(isoDate);
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return date.getUTCFullYear() + '-' + pad(date.getUTCMonth() + 1) + '-' + pad(date.getUTCDate());
}

function dayTitle(isoDate, today) {
  const name = turkishDate(isoDate) + ' ' + weekday(isoDate);
  if (isoDate === today) {
    return 'Bugün — ' + name;
  }
  if (isoDate === plusDays(today, 1)) {
    return 'Yarın — ' + name;
  }
  return name;
}

// ------------------------------------------------------------------------------------------ refusals in Turkish

function refusal(status, json, fallback) {
  const field = json && json.errors && json.errors[0] && json.errors[0].message;
  if (field) {
    return field;
  }
  if (status === 401) {
    return 'Oturumunuz sona ermiş. Lütfen Görev Listesi\'ne yeniden giriş yapın.';
  }
  if (json && json.message) {
    return json.message;
  }
  if (status === 403) {
    return 'Bu işlem için yetkiniz yok.';
  }
  if (status === 0) {
    return 'Sunucuya ulaşılamadı. Bağlantınızı kontrol edip yeniden deneyin.';
  }
  return fallback;
}

// ------------------------------------------------------------------------------------------ the decision task

/** The user's open decision tasks of the case (the web apps' engine API, as the user: only tasks she may see). */
async function decisionTasks(trackingCode) {
  if (!trackingCode) {
    return [];
  }
  try {
    const response = await fetch(engineApi() + '/task?processInstanceBusinessKey=' + encodeURIComponent(trackingCode)
      // the web apps refuse a query without a bound on its results
      + '&taskDefinitionKey=' + DECISION_TASK + '&firstResult=0&maxResults=10', {credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}});
    return response.ok ? await response.json() : [];
  } catch (e) {
    return [];
  }
}

// ------------------------------------------------------------------------------------------ the page

const ACTION_LABELS = Object.fromEntries(ACTIONS.map((action) => [action.status, action.label]));

function sessionRow(page, api, state, session, supervisor) {
  const row = element('tr', {'data-session': String(session.id), class: session.begun ? 'kis-begun' : ''});
  const start = parts(session.start);
  const end = parts(session.end);
  const time = element('td');
  time.appendChild(element('time', {datetime: session.start}, start.time + '–' + end.time));
  row.appendChild(time);
  row.appendChild(element('td', {}, session.room));
  row.appendChild(element('td', {class: 'kis-code'}, session.trackingCode || '—'));
  row.appendChild(element('td', {}, session.serviceLabel));
  if (supervisor) {
    row.appendChild(element('td', {}, session.professionalId));
  }
  row.appendChild(element('td', {class: 'kis-state'}, session.statusLabel));
  const cell = element('td', {class: 'kis-actions'});
  ACTIONS.filter((action) => action.when(session)).forEach((action) => {
    const button = element('button', {
      type: 'button',
      class: 'btn btn-sm ' + action.style,
      'data-action': action.status,
      'aria-label': action.label + ': ' + turkishDate(session.start) + ' ' + start.time + ' seansı'
        + (session.trackingCode ? ' (' + session.trackingCode + ')' : '')
    }, action.label);
    button.addEventListener('click', () => record(page, api, state, session, action.status, row));
    cell.appendChild(button);
  });
  if (!session.begun && session.status === 'BOOKED') {
    cell.appendChild(element('span', {class: 'kis-note text-muted'}, 'Henüz başlamadı'));
  }
  row.appendChild(cell);
  return row;
}

function sessionTable(page, api, state, caption, sessions, supervisor) {
  const table = element('table', {class: 'table table-condensed'});
  table.appendChild(element('caption', {class: 'sr-only'}, caption));
  const head = element('tr');
  const titles = ['Saat', 'Oda', 'Takip kodu', 'Hizmet'].concat(supervisor ? ['Uzman'] : [], ['Durum', 'İşlem']);
  titles.forEach((title) => head.appendChild(element('th', {scope: 'col'}, title)));
  table.appendChild(element('thead')).appendChild(head);
  const body = element('tbody');
  sessions.forEach((session) => body.appendChild(sessionRow(page, api, state, session, supervisor)));
  table.appendChild(body);
  return table;
}

function show(page, api, state, view, notice) {
  page.replaceChildren();
  page.appendChild(element('h2', {id: 'kis-title', tabindex: '-1'}, 'Seanslarım'));
  const intro = view.supervisor
    ? 'Süpervizör olarak bütün uzmanların seanslarını görüyorsunuz. '
    : '';
  page.appendChild(element('p', {class: 'kis-intro'}, intro + turkishDate(view.from) + ' – ' + turkishDate(view.to)
    + ' arasındaki seanslar. Danışanı takip koduyla bulun; adı ve seans notları burada gösterilmez. Katılımı görüşme '
    + 'saati geldikten sonra kaydedebilirsiniz.'));

  const nav = element('div', {class: 'kis-nav', role: 'group', 'aria-label': 'Dönem'});
  // "Bugün" asks the server for its today (the page has no clock of its own)
  [['Önceki ' + PERIOD_DAYS + ' gün', plusDays(view.from, -PERIOD_DAYS)], ['Bugün', null],
    ['Sonraki ' + PERIOD_DAYS + ' gün', plusDays(view.from, PERIOD_DAYS)]].forEach(([label, from]) => {
    const button = element('button', {type: 'button', class: 'btn btn-default btn-sm'}, label);
    button.addEventListener('click', () => {
      state.from = from;
      load(page, api, state, null);
    });
    nav.appendChild(button);
  });
  page.appendChild(nav);

  const status = element('div', {class: 'kis-status', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  const error = element('div', {class: 'kis-error', role: 'alert'});
  page.append(status, error);
  if (notice) {
    status.appendChild(document.createTextNode(notice.message));
    if (notice.task) {
      status.classList.add('kis-decision');
      status.appendChild(element('br'));
      status.appendChild(element('strong', {}, 'Karar görevi oluşturuldu: '));
      status.appendChild(document.createTextNode('«' + notice.task.name + '». '));
      status.appendChild(element('a', {href: '#/?task=' + encodeURIComponent(notice.task.id), class: 'kis-task-link'}, 'Görevi aç'));
    }
  }

  if (view.awaitingRecord.length) {
    page.appendChild(element('h3', {}, 'Katılımı kaydedilmemiş geçmiş seanslar'));
    page.appendChild(sessionTable(page, api, state, 'Katılımı kaydedilmemiş geçmiş seanslar', view.awaitingRecord, view.supervisor));
  }
  if (!view.sessions.length) {
    page.appendChild(element('p', {class: 'kis-none'}, 'Bu dönemde seansınız yok.'));
  }
  const days = new Map();
  view.sessions.forEach((session) => {
    const key = dayKey(session.start);
    if (!days.has(key)) {
      days.set(key, []);
    }
    days.get(key).push(session);
  });
  days.forEach((sessions, day) => {
    const title = dayTitle(day, view.today);
    page.appendChild(element('h3', {'data-day': day}, title));
    page.appendChild(sessionTable(page, api, state, title, sessions, view.supervisor));
  });
  updateBadge(view);
  if (notice) {
    status.focus();
  }
}

async function load(page, api, state, notice) {
  const query = state.from ? '?from=' + state.from + '&to=' + plusDays(state.from, PERIOD_DAYS) : '';
  const {status, json} = await staffCall(api, 'GET', API + '/my-sessions' + query);
  if (status === 200 && json) {
    show(page, api, state, json, notice);
    return;
  }
  page.replaceChildren();
  page.appendChild(element('h2', {id: 'kis-title', tabindex: '-1'}, 'Seanslarım'));
  page.appendChild(element('div', {class: 'kis-error', role: 'alert'}, status === 403
    ? 'Seanslarım yalnızca İZGİM uzmanlarına ve süpervizörlerine açıktır.'
    : refusal(status, json, 'Seanslar alınamadı. Sayfayı yenileyip yeniden deneyin.')));
}

async function record(page, api, state, session, attendance, row) {
  const when = turkishDate(session.start) + ' ' + parts(session.start).time;
  if (attendance === 'CANCELLED'
      && !window.confirm(when + ' seansı iptal edilsin mi? Danışana SMS ile bildirilir ve saat boşa çıkar.')) {
    return;
  }
  const buttons = Array.from(row.querySelectorAll('button'));
  buttons.forEach((button) => { button.disabled = true; });
  const error = page.querySelector('.kis-error');
  error.textContent = '';
  const before = attendance === 'NO_SHOW' ? await decisionTasks(session.trackingCode) : [];
  const {status, json} = await staffCall(api, 'POST', API + '/sessions/' + encodeURIComponent(session.id) + '/attendance',
    {status: attendance});
  if (status !== 200) {
    buttons.forEach((button) => { button.disabled = false; });
    error.textContent = refusal(status, json, 'Seans kaydedilemedi. Lütfen yeniden deneyin.');
    const first = buttons[0];
    if (first) {
      first.focus();
    }
    return;
  }
  let task = null;
  if (attendance === 'NO_SHOW') {
    const after = await decisionTasks(session.trackingCode);
    task = after.find((candidate) => !before.some((old) => old.id === candidate.id)) || null;
  }
  const code = session.trackingCode ? ' (' + session.trackingCode + ')' : '';
  await load(page, api, state, {message: when + ' seansı' + code + ' kaydedildi: ' + ACTION_LABELS[attendance] + '.', task});
}

// ------------------------------------------------------------------------------------------ the header link

/** Sessions that have begun and wait for a record: a number on the header link. */
function updateBadge(view) {
  const link = document.querySelector('a.' + LINK_CLASS);
  if (!link) {
    return;
  }
  const waiting = view.awaitingRecord.length
    + view.sessions.filter((session) => session.mayRecord).length;
  let badge = link.querySelector('.badge');
  if (!waiting) {
    if (badge) {
      badge.remove();
    }
    link.setAttribute('title', 'Seanslarım');
    return;
  }
  if (!badge) {
    badge = element('span', {class: 'badge'});
    link.appendChild(badge);
  }
  badge.textContent = String(waiting);
  link.setAttribute('title', 'Seanslarım: ' + waiting + ' seansın katılımı kaydedilmedi');
}

export default [
  {
    id: 'kadinaile-izgim-sessions-link',
    pluginPoint: 'tasklist.navbar.action',
    priority: 210,
    render: async (node, {api}) => {
      // only for those the calendar answers: İZGİM's professionals and their supervisors
      const {status, json} = await staffCall(api, 'GET', API + '/my-sessions');
      if (status !== 200 || !json) {
        return;
      }
      ensureStyle(STYLE_ID, STYLE);
      const link = element('a', {href: '#' + ROUTE, class: LINK_CLASS});
      link.appendChild(element('span', {class: 'glyphicon glyphicon-calendar', 'aria-hidden': 'true'}));
      link.appendChild(document.createTextNode(' Seanslarım'));
      node.appendChild(link);
      updateBadge(json);
    }
  },
  {
    id: 'kadinaile-izgim-sessions-page',
    pluginPoint: 'tasklist.route',
    properties: {
      path: ROUTE
    },
    render: (node, {api}) => {
      ensureStyle(STYLE_ID, STYLE);
      const page = element('section', {class: 'kadinaile-izgim-sessions', 'aria-labelledby': 'kis-title'});
      node.appendChild(page);
      page.appendChild(element('p', {}, 'Seanslar yükleniyor…'));
      load(page, api, {from: null}, null).then(() => {
        const title = page.querySelector('#kis-title');
        if (title) {
          title.focus();
        }
      });
    }
  }
];
