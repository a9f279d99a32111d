/*
 * Language of the Camunda web apps (Tasklist, Cockpit, Admin, Welcome) of İzmit Kadın ve Aile Hizmetleri.
 * Imported by every app's scripts/config.js and by the language switch (locale-switch.js).
 *
 * Camunda 7.24 takes the browser's first preferred language when it is listed in `locales.availableLocales`
 * and `locales.fallbackLocale` otherwise; it has no "default" that beats the browser. So that Turkish is the
 * default even for a browser that prefers English, while English stays selectable, each app is offered
 * exactly one locale: the one chosen with the switch in the footer (remembered in this browser under
 * STORAGE_KEY), Turkish when nothing was chosen. Both tr.json and the webjar's en.json stay deployed.
 */

export const LOCALES = ['tr', 'en'];
export const DEFAULT_LOCALE = 'tr';
export const STORAGE_KEY = 'kadinaile.locale';

const APP_NAMES = {
  tr: {
    vendor: 'İzmit Belediyesi',
    tasklist: 'Görev Listesi',
    cockpit: 'Süreç İzleme',
    admin: 'Sistem Yönetimi',
    welcome: 'Hoş Geldiniz'
  },
  en: {
    vendor: 'İzmit Municipality',
    tasklist: 'Tasklist',
    cockpit: 'Cockpit',
    admin: 'Admin',
    welcome: 'Welcome'
  }
};

/** The locale in effect: the one chosen in this browser, or Turkish. */
export function currentLocale() {
  try {
    const chosen = window.localStorage.getItem(STORAGE_KEY);
    return LOCALES.includes(chosen) ? chosen : DEFAULT_LOCALE;
  } catch (e) {
    // storage disabled: stay with the default
    return DEFAULT_LOCALE;
  }
}

/** Remembers the choice and reloads, because the web apps read their locale once, at start-up. */
export function chooseLocale(locale) {
  if (!LOCALES.includes(locale) || locale === currentLocale()) {
    return;
  }
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch (e) {
    return;
  }
  window.location.reload();
}

/** The `locales` setting of an app's config.js. */
export function localeConfig() {
  const locale = currentLocale();
  return {availableLocales: [locale], fallbackLocale: locale};
}

/** The `app` setting of an app's config.js: the name shown in the header and the window title. */
export function appIdentity(app) {
  const names = APP_NAMES[currentLocale()];
  return {vendor: names.vendor, name: names[app]};
}
