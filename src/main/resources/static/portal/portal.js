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
