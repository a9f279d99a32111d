/*
 * Server-side refusals of a Camunda Form, shown where the caseworker looks (Tasklist custom script, see config.js).
 *
 * The engine REST API answers a refused submission with 400 and {"type", "message", "errors": [{"field",
 * "message"}]} in Turkish (common.web.EngineRestErrors). Tasklist 7.24 shows only the message, in a red notification
 * at the top of the page; this script writes each field's message under that field of the form-js form instead, the
 * way form-js shows its own validation messages, and removes it as soon as the field is changed. When every message
 * of the answer found its field, Tasklist's notification (the same text again, over the form's buttons) is dropped;
 * a refusal that names no field on the form keeps it, so nothing goes unsaid.
 *
 * It also drops the empty red notification Tasklist raises when form-js itself refuses to submit (a required field
 * left empty): the field already says what is missing.
 *
 * How: Tasklist submits a form with an XMLHttpRequest to .../task/<id>/submit-form (a task) or
 * .../process-definition/<id>/submit-form (a start form); the answer is read when it arrives, before Tasklist raises
 * its notification. A field is found by the form-js component id of its key, taken from the form schema Tasklist
 * fetches (.../task/<id>/deployed-form, .../process-definition/<id>/deployed-start-form); fields of our forms are
 * named "Field_<key>" otherwise.
 */

const SERVER_ERROR_CLASS = 'kadinaile-server-error';
const SUBMISSION = /\/(task|process-definition)\/[^/]+\/(submit-form|complete)$/;
const DEPLOYED_FORM = /\/deployed-(?:start-)?form(?:[?#]|$)/;
// how long after a refusal shown at its fields Tasklist's notification of it is still expected
const NOTIFICATION_DELAY_MS = 5000;

// the message of the last refusal whose every error was shown at its field, and when
let shownAtFields = null;

// key -> form-js component id, from every form schema Tasklist loaded
const componentIdByKey = new Map();

function rememberComponents(components) {
  (components || []).forEach((component) => {
    if (component && typeof component.key === 'string' && typeof component.id === 'string') {
      componentIdByKey.set(component.key, component.id);
    }
    if (component && Array.isArray(component.components)) {
      rememberComponents(component.components);
    }
  });
}

const originalFetch = window.fetch;
window.fetch = function (input, init) {
  const response = originalFetch.call(window, input, init);
  const url = typeof input === 'string' ? input : (input && input.url) || '';
  if (DEPLOYED_FORM.test(url)) {
    response
      .then((res) => (res.ok ? res.clone().json() : null))
      .then((schema) => rememberComponents(schema && schema.components))
      .catch(() => {});
  }
  return response;
};

function removeServerErrors() {
  document.querySelectorAll('.' + SERVER_ERROR_CLASS).forEach((element) => {
    const field = element.closest('.fjs-form-field');
    element.remove();
    if (field && !field.querySelector('.fjs-form-field-error')) {
      field.classList.remove('fjs-has-errors');
    }
  });
}

/** The form-js field wrapper of a key in the forms on the page (the open dialog's first), or null. */
function fieldOf(key) {
  const componentId = componentIdByKey.get(key) || 'Field_' + key;
  const containers = Array.from(document.querySelectorAll('.modal .fjs-container'))
    .concat(Array.from(document.querySelectorAll('.fjs-container')));
  for (const container of containers) {
    const input = Array.from(container.querySelectorAll('[id]'))
      .find((element) => element.id.endsWith('-' + componentId) || element.id === componentId);
    const field = input && input.closest('.fjs-form-field');
    if (field) {
      return field;
    }
  }
  return null;
}

function showAtField(key, message) {
  const field = fieldOf(key);
  if (!field) {
    return false;
  }
  let box = field.querySelector('.' + SERVER_ERROR_CLASS);
  if (!box) {
    box = document.createElement('div');
    box.className = 'fjs-form-field-error ' + SERVER_ERROR_CLASS;
    box.setAttribute('aria-live', 'polite');
    box.appendChild(document.createElement('ul'));
    field.appendChild(box);
    const clear = () => {
      box.remove();
      if (!field.querySelector('.fjs-form-field-error')) {
        field.classList.remove('fjs-has-errors');
      }
      field.removeEventListener('input', clear, true);
      field.removeEventListener('change', clear, true);
    };
    field.addEventListener('input', clear, true);
    field.addEventListener('change', clear, true);
  }
  const item = document.createElement('li');
  item.textContent = message;
  box.firstChild.appendChild(item);
  field.classList.add('fjs-has-errors');
  return true;
}

/** Shows the answer's errors at their fields; true when every one of them found its field. */
function showServerErrors(body) {
  if (!body || !Array.isArray(body.errors) || body.errors.length === 0) {
    return false;
  }
  let everyOne = true;
  body.errors.forEach((error) => {
    const placed = error && typeof error.field === 'string' && typeof error.message === 'string'
      && showAtField(error.field, error.message);
    everyOne = everyOne && placed;
  });
  const first = document.querySelector('.' + SERVER_ERROR_CLASS);
  if (first) {
    const field = first.closest('.fjs-form-field');
    field.scrollIntoView({block: 'center'});
    const input = field.querySelector('input, textarea, select');
    if (input) {
      input.focus({preventScroll: true});
    }
  }
  return everyOne;
}

const originalOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  const path = String(url).split('?')[0];
  if (String(method).toUpperCase() === 'POST' && SUBMISSION.test(path)) {
    removeServerErrors();
    this.addEventListener('load', () => {
      if (this.status !== 400) {
        return;
      }
      try {
        const body = JSON.parse(this.responseText);
        if (showServerErrors(body) && typeof body.message === 'string') {
          shownAtFields = {message: body.message, at: Date.now()};
        }
      } catch (notJson) {
        // an answer that is no JSON carries no fields: Tasklist's notification says what there is to say
      }
    });
  }
  return originalOpen.apply(this, arguments);
};

/*
 * form-js refused to submit (a required field is empty ...): Tasklist passes form-js's errors on as if they were a
 * failed request and raises a red notification without a message. The fields already show what is wrong.
 */
function isRefusalShownAtFields(message) {
  if (shownAtFields === null || Date.now() - shownAtFields.at > NOTIFICATION_DELAY_MS) {
    return false;
  }
  return String(message).indexOf(shownAtFields.message) !== -1;
}

function dropEmptyFormNotifications(notifications) {
  const addError = notifications.addError;
  notifications.addError = function (notification) {
    const message = notification && notification.message;
    const blank = message === undefined || message === null || String(message).trim() === '';
    // every failed request carries a message (Tasklist's own or the REST API's); only form-js's refusal has none
    if (blank && document.querySelector('.fjs-container')) {
      return;
    }
    // the server's refusal, already written under each of its fields
    if (!blank && document.querySelector('.' + SERVER_ERROR_CLASS) && isRefusalShownAtFields(message)) {
      shownAtFields = null;
      return;
    }
    return addError.apply(this, arguments);
  };
}

const waitForTasklist = window.setInterval(() => {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector();
  if (injector && injector.has('Notifications')) {
    window.clearInterval(waitForTasklist);
    dropEmptyFormNotifications(injector.get('Notifications'));
  }
}, 100);
