/*
 * The task list as the README describes it (Tasklist custom script, see config.js):
 *
 *  - Sort: earliest due date first, then the highest priority. Every shared filter already sorts so
 *    (identity.IdentitySetup), and the engine puts the filter's order before the one Tasklist sends; but Tasklist's
 *    sort header starts at its own default, "Oluşturulma" (created, newest first), which says otherwise. When the
 *    address carries no sort or just that default, the header is set to "Son tarih" (ascending), then "Öncelik"
 *    (descending). A sort the user chose otherwise stays as it is.
 *  - "Süreç başlat" (start process) in the header only for users who may start some process: the same question
 *    Tasklist's start dialog asks (startable in Tasklist, CREATE_INSTANCE checked), as a count. Hidden until the
 *    answer is known (tasklist/styles/user-styles.css).
 *  - Names instead of user ids in the task's history and comments: the ids shown there are looked up with the
 *    engine's user query, which returns only the users the caseworker may read (her colleagues on the same
 *    processes, see IdentitySetup#shareNameWithColleagues); an id she may not read stays as it is. The assignee on
 *    cards and in the task view is named by Tasklist itself from the same query.
 */

const DUE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}, {sortBy: 'priority', sortOrder: 'desc'}]);
const TASKLIST_DEFAULT = JSON.stringify([{sortBy: 'created', sortOrder: 'desc'}]);
const MAY_START_CLASS = 'kadinaile-may-start';
const USER_ID = /^[A-Za-z0-9._-]{1,64}$/;

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
  if (!response.ok) {
    throw new Error('HTTP ' + response.status);
  }
  return response.json();
}

/* ---------------------------------------------------------------- sort */

function sortDueFirst($location, $rootScope) {
  if ($location.path() !== '/') {
    return;
  }
  const sorting = $location.search().sorting;
  if (sorting === undefined || sorting === TASKLIST_DEFAULT) {
    // after the digest that wrote Tasklist's default, as a change of its own (Tasklist then reloads its list)
    window.setTimeout(() => $rootScope.$apply(() => {
      const now = $location.search().sorting;
      if ($location.path() === '/' && (now === undefined || now === TASKLIST_DEFAULT)) {
        $location.search('sorting', DUE_FIRST).replace();
      }
    }), 0);
  }
}

/* ---------------------------------------------------------------- "Süreç başlat" */

let startCheckedFor = null;

function showStartOnlyToStarters(userId) {
  if (userId === startCheckedFor) {
    return;
  }
  startCheckedFor = userId;
  document.body.classList.remove(MAY_START_CLASS);
  if (!userId) {
    return;
  }
  getJson('/process-definition/count?latestVersion=true&active=true&startableInTasklist=true'
      + '&startablePermissionCheck=true')
    .then((answer) => {
      if (startCheckedFor === userId) {
        document.body.classList.toggle(MAY_START_CLASS, answer.count > 0);
      }
    })
    .catch(() => {
      // unknown: stays hidden; the next login asks again
      startCheckedFor = null;
    });
}

/* ---------------------------------------------------------------- names */

// user id -> Promise of "First Last", or null when she may not read that user
const names = new Map();
let namesScheduled = false;

function lookUpNames(ids) {
  const unknown = ids.filter((id) => !names.has(id));
  if (unknown.length > 0) {
    const answer = getJson('/user?idIn=' + unknown.map(encodeURIComponent).join(',') + '&maxResults=' + unknown.length)
      .catch(() => []);
    unknown.forEach((id) => names.set(id, answer.then((users) => {
      const user = users.find((candidate) => candidate.id === id);
      const name = user ? [user.firstName, user.lastName].filter(Boolean).join(' ').trim() : '';
      return name || null;
    })));
  }
  return ids;
}

/**
 * Elements of the task's history that may show a user id: the actor of each entry (also of a comment), and the old
 * and new values of a change (the assignee, the owner ...; a value that is no user she may read stays as it is).
 */
function userIdElements() {
  return Array.from(document.querySelectorAll(
    '.task-details .operation-user, .task-details .event-body .new-value span, .task-details .event-body .original-value span'))
    .filter((element) => element.children.length === 0 && element.getAttribute('data-user-id') === null);
}

function showNames() {
  namesScheduled = false;
  const elements = userIdElements()
    .map((element) => ({element, id: element.textContent.trim()}))
    .filter(({id}) => USER_ID.test(id));
  if (elements.length === 0) {
    return;
  }
  lookUpNames(Array.from(new Set(elements.map(({id}) => id))));
  elements.forEach(({element, id}) => {
    names.get(id).then((name) => {
      if (name && element.isConnected && element.textContent.trim() === id) {
        element.setAttribute('data-user-id', id);
        element.setAttribute('title', id);
        element.textContent = name;
      }
    });
  });
}

function scheduleNames() {
  if (!namesScheduled) {
    namesScheduled = true;
    window.setTimeout(showNames, 150);
  }
}

/* ---------------------------------------------------------------- start-up */

const waitForTasklist = window.setInterval(() => {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector();
  if (!injector || !injector.has('$location')) {
    return;
  }
  window.clearInterval(waitForTasklist);
  const $location = injector.get('$location');
  const $rootScope = injector.get('$rootScope');
  $rootScope.$on('$locationChangeSuccess', () => sortDueFirst($location, $rootScope));
  sortDueFirst($location, $rootScope);
  $rootScope.$watch(() => ($rootScope.authentication && $rootScope.authentication.name) || null,
    (userId) => showStartOnlyToStarters(userId));
}, 100);

new MutationObserver(scheduleNames).observe(document.documentElement, {childList: true, subtree: true});
