/*
 * The quick exit of every page: the "Hızlı çıkış" link (an ordinary link without JavaScript) replaces this page's
 * history entry instead of adding one, so that the back button does not return here; pressing Esc twice within a
 * second does the same. The page is blanked first, so nothing of it stays on screen while the neutral site loads.
 */
(function () {
  'use strict';
  var exit = document.getElementById('hizli-cikis');
  if (!exit) {
    return;
  }
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.title = '';
    document.body.hidden = true;
    window.location.replace(exit.href);
  }
  exit.addEventListener('click', leave);
  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' && event.key !== 'Esc') {
      return;
    }
    var now = Date.now();
    if (now - lastEscape < 1000) {
      leave(event);
    }
    lastEscape = now;
  });
}());

/*
 * Withdrawal: the status page's button leads to a confirmation page that needs no JavaScript; with JavaScript the
 * browser's own dialog asks first and, when she confirms, the form goes straight to the withdrawal saying so itself
 * (onay=evet), skipping that page.
 */
(function () {
  'use strict';
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
        return;
      }
      if (form.hasAttribute('data-confirmed-action')) {
        form.action = form.getAttribute('data-confirmed-action');
      }
      if (!form.elements.namedItem('onay')) {
        var confirmed = document.createElement('input');
        confirmed.type = 'hidden';
        confirmed.name = 'onay';
        confirmed.value = 'evet';
        form.appendChild(confirmed);
      }
    });
  });
}());

/*
 * Progressive enhancement of the portal's forms (the pages work without it): hides the fields whose simple
 * condition (data-hide-*, from the form's conditional.hide) says so, as Tasklist does, disabling their inputs
 * so that hidden values are not sent; and moves the focus to the error summary after a failed submission.
 */
(function () {
  'use strict';
  var summary = document.getElementById('hata-ozeti');
  if (summary) {
    summary.focus();
  }
  var form = document.querySelector('form.application');
  if (!form) {
    return;
  }
  var conditional = form.querySelectorAll('[data-hide-key]');
  if (!conditional.length) {
    return;
  }

  function valueOf(key) {
    var control = form.elements.namedItem(key);
    if (!control) {
      return null;
    }
    if (control.type === 'checkbox') {
      return control.checked ? 'true' : 'false';
    }
    return control.value === '' ? null : control.value;
  }

  function update() {
    conditional.forEach(function (field) {
      var equal = valueOf(field.getAttribute('data-hide-key')) === field.getAttribute('data-hide-value');
      var hide = field.getAttribute('data-hide-op') === 'eq' ? equal : !equal;
      field.hidden = hide;
      field.querySelectorAll('input, select, textarea').forEach(function (input) {
        input.disabled = hide;
        input.required = !hide && input.getAttribute('data-required') === 'true';
      });
    });
  }

  form.addEventListener('change', update);
  update();
}());
