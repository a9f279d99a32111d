/*
 * A link from Tasklist's top bar to İZGİM's desk pages /izgim (the children's library, the seminars), for İZGİM
 * officers only (Tasklist custom script, see tasklist/scripts/config.js; plugin point tasklist.navbar.action, which
 * Tasklist renders once the user is logged in). Whether she may use the desk is asked of the desk's own door, with
 * the same web app login: it answers 403 to every other group, so the link shows exactly where it leads somewhere.
 */
import {currentLocale} from './locale.js';

const TEXTS = {
  tr: {link: 'İZGİM masası', title: 'Çocuk kütüphanesi ve seminerler'},
  en: {link: 'İZGİM desk', title: 'Children\u2019s library and seminars'}
};

/** The application's context path: the web apps live one level below it (camunda.bpm.webapp.application-path). */
function contextPath() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.replace(/\/[^/]*$/, '');
}

export function deskPath() {
  return contextPath() + '/izgim';
}

function render(node) {
  const text = TEXTS[currentLocale()] || TEXTS.tr;
  window.fetch(deskPath(), {method: 'HEAD', credentials: 'same-origin', redirect: 'manual', cache: 'no-store'})
    .then((response) => {
      if (!response.ok || node.querySelector('.kadinaile-izgim-desk')) {
        return;
      }
      const link = document.createElement('a');
      link.className = 'kadinaile-izgim-desk';
      link.href = deskPath();
      link.title = text.title;
      const icon = document.createElement('span');
      icon.className = 'glyphicon glyphicon-book';
      icon.setAttribute('aria-hidden', 'true');
      link.appendChild(icon);
      link.appendChild(document.createTextNode(' ' + text.link));
      node.appendChild(link);
    })
    .catch(() => {
      // no answer: no link
    });
}

export default {
  id: 'kadinaile-izgim-desk-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 150,
  render
};
