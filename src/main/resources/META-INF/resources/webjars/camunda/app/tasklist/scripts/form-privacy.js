/*
 * Keeps violence-line form values out of the browser's storage (Tasklist custom script, see config.js).
 *
 * What Tasklist 7.24 stores: for a Camunda Form it writes the current form values as JSON to
 * localStorage["camunda-form:<taskId>"] when the user presses "Kaydet" (Save) and when the session turns out
 * to be gone ("authentication.login.required", which also happens while logging out with a form open); it
 * reads the entry back when the form opens and removes it only when the task is completed. Start forms have
 * no task id, so every start form of every process shares localStorage["camunda-form:undefined"]. Embedded
 * HTML forms (not used here) use localStorage["camForm:<taskId or processDefinitionId>"] the same way.
 *
 * On a shared computer such an entry outlives the session. Therefore:
 *  - a task draft is written only when the task's form is known and is not a violence-line form
 *    (violence-line-referral-*): the form schema Tasklist fetches from .../task/<id>/deployed-form tells;
 *  - the shared start-form draft (camunda-form:undefined) is never written, because one process's start form
 *    would otherwise be pre-filled with another's values;
 *  - no draft at all is written while logging out, and every draft is removed once the logout went through;
 *  - violence-line drafts are removed when the page is left or hidden and when the login page shows;
 *  - the "Kaydet" button is hidden on violence-line forms, since nothing would be kept: such a form is
 *    completed in one go.
 */

const SENSITIVE_FORM_PREFIX = 'violence-line-referral';
const TASK_DRAFT_PREFIX = 'camunda-form:';
const EMBEDDED_DRAFT_PREFIX = 'camForm:';
const SHARED_START_FORM_DRAFT = TASK_DRAFT_PREFIX + 'undefined';

const storage = window.localStorage;
const formIdByTask = new Map();
let loggingOut = false;

function isDraftKey(key) {
  return typeof key === 'string' && (key.startsWith(TASK_DRAFT_PREFIX) || key.startsWith(EMBEDDED_DRAFT_PREFIX));
}

function isSensitiveForm(formId) {
  return typeof formId === 'string' && formId.startsWith(SENSITIVE_FORM_PREFIX);
}

/** Whether a draft may be kept under this key. */
function mayStore(key) {
  if (loggingOut || key === SHARED_START_FORM_DRAFT) {
    return false;
  }
  if (key.startsWith(TASK_DRAFT_PREFIX)) {
    const taskId = key.substring(TASK_DRAFT_PREFIX.length);
    // unknown form: do not keep it
    return formIdByTask.has(taskId) && !isSensitiveForm(formIdByTask.get(taskId));
  }
  const id = key.substring(EMBEDDED_DRAFT_PREFIX.length);
  return !isSensitiveForm(id) && !isSensitiveForm(formIdByTask.get(id));
}

function draftKeys() {
  const keys = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (isDraftKey(key)) {
      keys.push(key);
    }
  }
  return keys;
}

function removeDrafts(predicate) {
  draftKeys().filter(predicate).forEach((key) => storage.removeItem(key));
}

/** Drafts known to hold violence-line values (or any start form's values). */
function isSensitiveDraft(key) {
  if (key === SHARED_START_FORM_DRAFT) {
    return true;
  }
  if (key.startsWith(TASK_DRAFT_PREFIX)) {
    return isSensitiveForm(formIdByTask.get(key.substring(TASK_DRAFT_PREFIX.length)));
  }
  const id = key.substring(EMBEDDED_DRAFT_PREFIX.length);
  return isSensitiveForm(id) || isSensitiveForm(formIdByTask.get(id));
}

function removeSensitiveDrafts() {
  removeDrafts(isSensitiveDraft);
}

function removeAllDrafts() {
  removeDrafts(() => true);
}

// Drafts are written by Tasklist through localStorage.setItem; refuse the ones that must not stay.
const originalSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (this === storage && isDraftKey(key) && !mayStore(key)) {
    storage.removeItem(key);
    return;
  }
  return originalSetItem.call(this, key, value);
};

// Tasklist loads a Camunda Form's schema with fetch(); its id says which process the form belongs to.
const originalFetch = window.fetch;
window.fetch = function (input, init) {
  const response = originalFetch.call(window, input, init);
  const url = typeof input === 'string' ? input : (input && input.url) || '';
  const match = /\/task\/([^/?#]+)\/deployed-form(?:[?#]|$)/.exec(url);
  if (match) {
    const taskId = decodeURIComponent(match[1]);
    response
      .then((res) => (res.ok ? res.clone().json() : null))
      .then((schema) => {
        if (schema && typeof schema.id === 'string') {
          formIdByTask.set(taskId, schema.id);
        }
        // a form that could not be identified stays unknown: its draft is not kept
        if (!mayStore(TASK_DRAFT_PREFIX + taskId)) {
          storage.removeItem(TASK_DRAFT_PREFIX + taskId);
        }
        showSaveButtonOnlyWhereDraftsAreKept();
      })
      .catch(() => storage.removeItem(TASK_DRAFT_PREFIX + taskId));
  }
  return response;
};

// Logout and login are XMLHttpRequests of the web app ($http).
const originalOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  const path = String(url).split('?')[0];
  if (/\/auth\/user\/[^/]+\/logout$/.test(path)) {
    loggingOut = true;
    this.addEventListener('loadend', removeAllDrafts);
  } else if (/\/auth\/user\/[^/]+\/login\/[^/]+$/.test(path)) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        loggingOut = false;
      }
    });
  }
  return originalOpen.apply(this, arguments);
};

function openTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function showSaveButtonOnlyWhereDraftsAreKept() {
  const taskId = openTaskId();
  const sensitive = taskId !== null && isSensitiveForm(formIdByTask.get(taskId));
  document.querySelectorAll('.task-details .form-actions button[ng-click^="save"]').forEach((button) => {
    button.style.display = sensitive ? 'none' : '';
  });
}

new MutationObserver(showSaveButtonOnlyWhereDraftsAreKept).observe(document.documentElement, {childList: true, subtree: true});

function onLoginPage() {
  return /^#\/login\b/.test(window.location.hash);
}

window.addEventListener('hashchange', () => {
  if (onLoginPage()) {
    removeSensitiveDrafts();
    if (loggingOut) {
      removeAllDrafts();
    }
  }
});
window.addEventListener('pagehide', removeSensitiveDrafts);
window.addEventListener('beforeunload', removeSensitiveDrafts);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') {
    removeSensitiveDrafts();
  }
});

// whatever an earlier page left behind under the shared start-form key
storage.removeItem(SHARED_START_FORM_DRAFT);
