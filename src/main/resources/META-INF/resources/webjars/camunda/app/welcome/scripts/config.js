/*
 * Welcome configuration of İzmit Kadın ve Aile Hizmetleri. Replaces the webjar's scripts/config.js (the
 * application's classpath comes first). Language: see ../../kadinaile/locale.js.
 */
import {appIdentity, localeConfig} from '../../kadinaile/locale.js';

export default {
  app: appIdentity('welcome'),
  locales: localeConfig(),
  disableWelcomeMessage: true,
  customScripts: [
    // path relative to app/welcome/
    '../kadinaile/locale-switch',
    '../kadinaile/dashboard-link'
  ]
};
