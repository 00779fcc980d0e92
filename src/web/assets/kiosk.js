// Check-in kiosk: on-screen keypad, submit with retries under the same idempotency key,
// and back to the start screen after inactivity. Without this script the forms still work.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var body = document.body;
  var resetTo = body.getAttribute('data-reset');
  var resetAfter = Number(body.getAttribute('data-reset-after') || '60') * 1000;
  var input = document.getElementById('code');

  document.addEventListener('click', function (event) {
    var key = event.target.closest && event.target.closest('[data-key]');
    if (key && input) {
      var value = key.getAttribute('data-key');
      input.value = value === 'backspace' ? input.value.slice(0, -1) : input.value + value;
      input.focus();
    }
    var print = event.target.closest && event.target.closest('[data-print]');
    if (print) window.print();
  });

  var timer;
  function resetLater() {
    clearTimeout(timer);
    if (!resetTo) return;
    var isStart = location.pathname === resetTo && !location.search && !document.querySelector('.kiosk-error');
    if (isStart && (!input || !input.value)) return;
    timer = setTimeout(function () {
      location.assign(resetTo);
    }, resetAfter);
  }
  ['click', 'keydown', 'touchstart', 'input'].forEach(function (name) {
    document.addEventListener(name, resetLater, true);
  });
  resetLater();

  function wait(ms) {
    return new Promise(function (resolve) {
      setTimeout(resolve, ms);
    });
  }

  // The same form data (with its idempotency key) is sent again after a network blip or a
  // server hiccup: the server answers with the one ticket it issued for that key.
  function send(form, attempt) {
    return fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { accept: 'text/html' },
      credentials: 'same-origin',
    }).then(
      function (response) {
        if (response.status >= 500 && attempt < 4)
          return wait(400 * (attempt + 1)).then(function () {
            return send(form, attempt + 1);
          });
        return response;
      },
      function (error) {
        if (attempt < 4)
          return wait(400 * (attempt + 1)).then(function () {
            return send(form, attempt + 1);
          });
        throw error;
      },
    );
  }

  document.querySelectorAll('form[data-retry]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (form.getAttribute('data-busy')) return;
      form.setAttribute('data-busy', '1');
      var button = form.querySelector('button[type=submit]');
      if (button) button.disabled = true;
      send(form, 0)
        .then(function (response) {
          if (response.redirected) {
            location.assign(response.url);
            return;
          }
          return response.text().then(function (html) {
            document.open();
            document.write(html);
            document.close();
          });
        })
        .catch(function () {
          form.removeAttribute('data-busy');
          if (button) button.disabled = false;
        });
    });
  });
})();
