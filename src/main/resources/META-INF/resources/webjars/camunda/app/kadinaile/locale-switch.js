/*
 * A small "Dil: Türkçe | English" switch in the footer of every Camunda web app, registered through each
 * app's config.js (customScripts). See locale.js for why the choice is stored instead of taken from the
 * browser. Loaded as an ES module before the app starts; the footer itself is rendered later by AngularJS,
 * hence the observer.
 */
import {LOCALES, chooseLocale, currentLocale} from './locale.js';

const NATIVE_NAMES = {tr: 'Türkçe', en: 'English'};
const CAPTION = {tr: 'Dil', en: 'Language'};
const SWITCH_CLASS = 'kadinaile-locale-switch';

document.documentElement.setAttribute('lang', currentLocale());

function buildSwitch() {
  const current = currentLocale();
  const container = document.createElement('div');
  container.className = SWITCH_CLASS;
  container.setAttribute('role', 'group');
  container.setAttribute('aria-label', CAPTION[current]);

  const caption = document.createElement('span');
  caption.className = SWITCH_CLASS + '__caption';
  caption.textContent = CAPTION[current] + ':';
  container.appendChild(caption);

  LOCALES.forEach((locale) => {
    if (locale === current) {
      const active = document.createElement('strong');
      active.setAttribute('lang', locale);
      active.setAttribute('aria-current', 'true');
      active.textContent = NATIVE_NAMES[locale];
      container.appendChild(active);
    } else {
      // a button, not a link: an href would be taken as a route by the apps' hash router
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('lang', locale);
      button.setAttribute('data-locale', locale);
      button.textContent = NATIVE_NAMES[locale];
      button.addEventListener('click', () => chooseLocale(locale));
      container.appendChild(button);
    }
  });
  return container;
}

function ensureSwitch() {
  const footer = document.querySelector('[cam-widget-footer]');
  if (footer && !footer.querySelector('.' + SWITCH_CLASS)) {
    footer.appendChild(buildSwitch());
  }
}

new MutationObserver(ensureSwitch).observe(document.documentElement, {childList: true, subtree: true});
ensureSwitch();
