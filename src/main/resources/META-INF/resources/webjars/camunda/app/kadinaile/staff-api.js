/**
 * What the Tasklist plugins that call our staff API share: the call itself, with the user's own web app session and,
 * for changes, the web apps' CSRF token (header X-XSRF-TOKEN, from the cookie XSRF-TOKEN, as Tasklist's own requests
 * send it); a style sheet added once; a DOM element with attributes and text. The server decides what each user may
 * see and do; nothing here grants anything.
 */

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

function csrfToken() {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(CSRF_COOKIE + '='));
  return match ? decodeURIComponent(match.substring(CSRF_COOKIE.length + 1)) : '';
}

/** The application's context path, from the web apps' admin API path (<context>/camunda/api/admin). */
export function contextPath(api) {
  const admin = (api && api.adminApi) || '/camunda/api/admin';
  return admin.replace(/\/camunda\/api\/admin\/?$/, '');
}

/**
 * Calls our API at {@code path} below the context path; answers {status, json}: status 0 when the server could not be
 * reached, json null when the answer has no JSON body.
 */
export async function staffCall(api, method, path, body) {
  // a script's request: when the session has ended the server answers 401 without opening the browser's password dialog
  const headers = {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers[CSRF_HEADER] = csrfToken();
  }
  let response;
  try {
    response = await fetch(contextPath(api) + path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    return {status: 0, json: null};
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  return {status: response.status, json};
}

/** Adds the style sheet {@code css} under the id {@code id} once per page. */
export function ensureStyle(id, css) {
  if (!document.getElementById(id)) {
    const style = document.createElement('style');
    style.id = id;
    style.textContent = css;
    document.head.appendChild(style);
  }
}

/** A new element with these attributes and, unless null, this text. */
export function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}
