/*
 * Turkish for the few texts that form-js (the Camunda Forms renderer inside Tasklist 7.24) writes in English
 * itself: validation messages and the placeholders of select and search fields. form-js 1.x has no message
 * catalogue, so the texts are replaced in the page as they appear, only while the interface is Turkish.
 * Text nodes are changed in place so that form-js (Preact) keeps working with its own nodes.
 */
import {currentLocale} from '../../kadinaile/locale.js';

const MESSAGES = [
  [/^Field is required\.$/, () => 'Bu alan zorunludur.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Değer en az ${m[1]} olmalıdır.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Değer en çok ${m[1]} olabilir.`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `En az ${m[1]} karakter girilmelidir.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `En çok ${m[1]} karakter girilebilir.`],
  // the pattern itself means nothing to a caseworker; the field's description says what is expected
  [/^Field must match pattern .*\.$/, () => 'Değer beklenen biçimde değil.'],
  [/^Field must be a valid +international phone number\..*$/, () => 'Geçerli bir telefon numarası girin (ör. +905321234567).'],
  [/^Field must be a valid email\.$/, () => 'Geçerli bir e-posta adresi girin.'],
  [/^Value is not a number\.$/, () => 'Değer bir sayı değil.'],
  [/^Value is expected to be an integer\.$/, () => 'Değer tam sayı olmalıdır.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `Değer en çok ${m[1]} ondalık basamak içerebilir.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Lütfen geçerli bir değer girin; en yakın geçerli değerler ${m[1]} ve ${m[2]}.`]
];

const PLACEHOLDERS = {Select: 'Seçiniz', Search: 'Ara'};

function translateMessage(text) {
  for (const [pattern, render] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) {
      return render(match);
    }
  }
  return null;
}

function translateTextNodes(root, selector, translate) {
  root.querySelectorAll(selector).forEach((element) => {
    element.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const translated = translate(node.data.trim());
        if (translated !== null && translated !== node.data) {
          node.data = translated;
        }
      }
    });
  });
}

function translateForms() {
  const forms = document.querySelectorAll('.fjs-container');
  forms.forEach((form) => {
    translateTextNodes(form, '.fjs-form-field-error li', translateMessage);
    translateTextNodes(form, '.fjs-select-display.fjs-select-placeholder',
      (text) => (PLACEHOLDERS[text] !== undefined ? PLACEHOLDERS[text] : null));
    form.querySelectorAll('input[placeholder]').forEach((input) => {
      const translated = PLACEHOLDERS[input.getAttribute('placeholder')];
      if (translated !== undefined) {
        input.setAttribute('placeholder', translated);
      }
    });
  });
}

if (currentLocale() === 'tr') {
  new MutationObserver(translateForms).observe(document.documentElement,
    {childList: true, subtree: true, characterData: true});
}
