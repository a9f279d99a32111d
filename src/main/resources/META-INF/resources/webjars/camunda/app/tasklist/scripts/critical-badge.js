/*
 * The emergency task of a CRITICAL violence-line call stands out (Tasklist custom script, see config.js): a red
 * badge "KRİTİK" with a live countdown to the task's due date on its card in the task list (plugin point
 * tasklist.card) and a banner with the same countdown above the open task (the task view has no plugin point
 * above its form, so the banner is placed next to the task's title).
 *
 * What tells: the task (the web app's engine API, as the user: only tasks she may see), its process
 * (violence-line-referral), its activity (the emergency response or its escalation) and the process variable
 * riskLevel, which the engine holds for routing (the decision violence-risk-level) — no personal data. Each task is
 * asked about at most every CACHE_MS; the countdowns tick once a second without asking again.
 */
import {currentLocale} from '../../kadinaile/locale.js';

const VIOLENCE_LINE = 'violence-line-referral:';
const EMERGENCY_ACTIVITIES = ['Task_EmergencyResponse', 'Task_EmergencyEscalation'];
const CRITICAL = 'CRITICAL';
const CACHE_MS = 30000;

const BADGE_CLASS = 'kadinaile-critical-badge';
const BANNER_CLASS = 'kadinaile-critical-banner';
const CARD_CLASS = 'kadinaile-critical-task';
const COUNTDOWN_CLASS = 'kadinaile-countdown';

const TEXTS = {
  tr: {
    badge: 'KRİTİK',
    banner: 'Kritik risk: acil müdahale',
    left: (time) => `kalan süre ${time}`,
    late: (time) => `süre ${time} önce doldu`,
    noDue: 'son tarih yok'
  },
  en: {
    badge: 'CRITICAL',
    banner: 'Critical risk: emergency response',
    left: (time) => `${time} left`,
    late: (time) => `overdue by ${time}`,
    noDue: 'no due date'
  }
};
const text = TEXTS[currentLocale()] || TEXTS.tr;

// taskId -> {at, promise of {due: Date|null} for a critical emergency task, or null}
const cache = new Map();

function engineApi() {
  const base = document.querySelector('base');
  const engine = /\/tasklist\/([^/]+)/.exec(window.location.pathname);
  return base.getAttribute('engine-api') + 'engine/' + (engine ? engine[1] : 'default');
}

async function getJson(path) {
  const response = await window.fetch(engineApi() + path, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  return response.ok ? response.json() : null;
}

/** The engine REST API writes "2026-12-07T08:15:00.000+0000"; Date wants "+00:00". */
function parseDate(value) {
  if (typeof value !== 'string') {
    return null;
  }
  const date = new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return isNaN(date.getTime()) ? null : date;
}

async function lookUp(taskId) {
  const id = encodeURIComponent(taskId);
  const task = await getJson('/task/' + id);
  if (!task || typeof task.processDefinitionId !== 'string' || !task.processDefinitionId.startsWith(VIOLENCE_LINE)
      || !EMERGENCY_ACTIVITIES.includes(task.taskDefinitionKey)) {
    return null;
  }
  const risk = await getJson('/task/' + id + '/variables/riskLevel');
  return risk && risk.value === CRITICAL ? {due: parseDate(task.due)} : null;
}

/** {due} when the task is the emergency task of a CRITICAL call, else null. */
export function criticalEmergency(taskId) {
  const cached = cache.get(taskId);
  if (cached && Date.now() - cached.at < CACHE_MS) {
    return cached.promise;
  }
  const promise = lookUp(taskId).catch(() => null);
  cache.set(taskId, {at: Date.now(), promise});
  return promise;
}

function twoDigits(number) {
  return String(number).padStart(2, '0');
}

/** "14:05" (minutes:seconds) under an hour, "3 sa 05 dk" above. */
function duration(milliseconds) {
  const seconds = Math.floor(Math.abs(milliseconds) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) {
    return currentLocale() === 'en' ? `${hours} h ${twoDigits(minutes)} min` : `${hours} sa ${twoDigits(minutes)} dk`;
  }
  return `${twoDigits(minutes)}:${twoDigits(seconds % 60)}`;
}

function updateCountdown(element) {
  const due = Number(element.getAttribute('data-due'));
  if (!due) {
    element.textContent = text.noDue;
    return;
  }
  const left = due - Date.now();
  element.textContent = left >= 0 ? text.left(duration(left)) : text.late(duration(left));
  element.classList.toggle('overdue', left < 0);
}

function countdown(due) {
  const element = document.createElement('span');
  element.className = COUNTDOWN_CLASS;
  if (due) {
    element.setAttribute('data-due', String(due.getTime()));
    element.setAttribute('title', due.toLocaleString(currentLocale() === 'en' ? 'en-GB' : 'tr-TR'));
  }
  updateCountdown(element);
  return element;
}

function badge(due) {
  const element = document.createElement('span');
  element.className = BADGE_CLASS;
  const label = document.createElement('strong');
  label.textContent = text.badge;
  element.appendChild(label);
  element.appendChild(document.createTextNode(' '));
  element.appendChild(countdown(due));
  return element;
}

/* ---------------------------------------------------------------- the card (plugin point tasklist.card) */

function markCard(container, emergency) {
  const card = container.closest('li.task');
  if (!card) {
    return false;
  }
  card.classList.add(CARD_CLASS);
  const names = card.querySelector('.names');
  if (names && !names.querySelector('.' + BADGE_CLASS)) {
    const title = names.querySelector('h4.task');
    names.insertBefore(badge(emergency.due), title ? title.nextSibling : names.firstChild);
  }
  return true;
}

const cardPlugin = {
  id: 'kadinaile-critical-card',
  pluginPoint: 'tasklist.card',
  priority: 100,
  render: (container, {taskId}) => {
    criticalEmergency(taskId).then((emergency) => {
      if (!emergency) {
        return;
      }
      // the container is put into the card right after render(): wait for it
      let tries = 0;
      const place = () => {
        if (!markCard(container, emergency) && tries++ < 20) {
          window.setTimeout(place, 50);
        }
      };
      place();
    });
  }
};

/* ---------------------------------------------------------------- the open task */

function openTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

let bannerScheduled = false;

function placeBanner() {
  bannerScheduled = false;
  const taskId = openTaskId();
  const title = document.querySelector('.task-details h2.task');
  document.querySelectorAll('.' + BANNER_CLASS).forEach((banner) => {
    if (banner.getAttribute('data-task') !== taskId || !title) {
      banner.remove();
    }
  });
  if (!taskId || !title || document.querySelector('.' + BANNER_CLASS)) {
    return;
  }
  criticalEmergency(taskId).then((emergency) => {
    const current = document.querySelector('.task-details h2.task');
    if (!emergency || openTaskId() !== taskId || !current || document.querySelector('.' + BANNER_CLASS)) {
      return;
    }
    const banner = document.createElement('div');
    banner.className = BANNER_CLASS;
    banner.setAttribute('data-task', taskId);
    banner.setAttribute('role', 'note');
    const label = document.createElement('strong');
    label.textContent = text.badge;
    banner.appendChild(label);
    banner.appendChild(document.createTextNode(' ' + text.banner + ' — '));
    banner.appendChild(countdown(emergency.due));
    current.parentNode.insertBefore(banner, current.nextSibling);
  });
}

function scheduleBanner() {
  if (!bannerScheduled) {
    bannerScheduled = true;
    window.setTimeout(placeBanner, 200);
  }
}

new MutationObserver(scheduleBanner).observe(document.documentElement, {childList: true, subtree: true});
window.addEventListener('hashchange', scheduleBanner);

window.setInterval(() => {
  document.querySelectorAll('.' + COUNTDOWN_CLASS).forEach(updateCountdown);
}, 1000);

export default [cardPlugin];
