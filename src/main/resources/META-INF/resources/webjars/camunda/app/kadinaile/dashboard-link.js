/*
 * A link from the Welcome page to the managers' dashboard /yonetim, for managers only (Welcome custom script, see
 * welcome/scripts/config.js; plugin point welcome.dashboard). Whether the user is a manager is asked of the
 * dashboard's own door, with the same web app login: it answers 403 to anybody else, so the link shows exactly
 * where it leads somewhere.
 */
import {currentLocale} from './locale.js';

const TEXTS = {
  tr: {
    title: 'Yönetim paneli',
    link: 'Yönetim paneline git',
    description: 'Hizmetlerin başlıca göstergeleri, önceki döneme göre değişimleri ve uyarılar (süresi geçen görevler, aşılan hizmet süreleri).'
  },
  en: {
    title: 'Managers\u2019 dashboard',
    link: 'Open the dashboard',
    description: 'The services\u2019 headline figures, their change from the previous period, and alerts (overdue tasks, missed service levels).'
  }
};

/** The application's context path: the web apps live one level below it (camunda.bpm.webapp.application-path). */
function contextPath() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.replace(/\/[^/]*$/, '');
}

export function dashboardPath() {
  return contextPath() + '/yonetim';
}

function render(container) {
  const text = TEXTS[currentLocale()] || TEXTS.tr;
  window.fetch(dashboardPath(), {method: 'HEAD', credentials: 'same-origin', redirect: 'manual', cache: 'no-store'})
    .then((response) => {
      if (!response.ok) {
        return;
      }
      const section = document.createElement('section');
      // not the plugin's id: Welcome gives that class to the plugin's wrapper
      section.className = 'kadinaile-dashboard-section';
      const title = document.createElement('h3');
      title.className = 'section-title';
      title.textContent = text.title;
      const description = document.createElement('p');
      description.textContent = text.description;
      const link = document.createElement('a');
      link.className = 'btn btn-primary';
      link.href = dashboardPath();
      link.textContent = text.link;
      section.appendChild(title);
      section.appendChild(description);
      section.appendChild(link);
      container.appendChild(section);
    })
    .catch(() => {
      // no answer: no link
    });
}

export default {
  id: 'kadinaile-dashboard-link',
  pluginPoint: 'welcome.dashboard',
  priority: 100,
  render
};
