/*
 * Tasklist configuration of İzmit Kadın ve Aile Hizmetleri. Replaces the webjar's scripts/config.js (the
 * application's classpath comes first). Language: see ../../kadinaile/locale.js.
 */
import {appIdentity, currentLocale, localeConfig} from '../../kadinaile/locale.js';

const turkish = currentLocale() === 'tr';

export default {
  app: appIdentity('tasklist'),
  locales: localeConfig(),
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  // the first-login notice points to Camunda's own welcome page, which is of no use to caseworkers
  disableWelcomeMessage: true,
  customScripts: [
    // paths relative to app/tasklist/
    '../kadinaile/locale-switch',
    'scripts/form-privacy',
    'scripts/form-messages',
    'scripts/server-errors',
    'scripts/case-view',
    'scripts/task-list',
    'scripts/critical-badge',
    'scripts/izgim-sessions',
    '../kadinaile/izgim-desk-link'
  ],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: turkish ? 'seçili görevi üzerinize alır' : 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: turkish ? 'listedeki ilk filtreye geçer' : 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: turkish ? 'listedeki ilk göreve geçer' : 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: turkish ? 'görev formundaki ilk alana geçer' : 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: turkish ? 'süreç başlatma penceresini açar' : 'opens the start process modal dialog'
    }
  }
};
