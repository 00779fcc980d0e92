// Desk and reception: when the location's queues change, fetch the live part of the page
// again (no reload; open forms outside it stay as they are).
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var region = document.getElementById('live');
  if (!region || !window.EventSource) return;
  var liveUrl = region.getAttribute('data-live');
  var busy = false;
  var again = false;
  function refresh() {
    if (busy) {
      again = true;
      return;
    }
    // Do not pull the rug from under someone typing in the live region.
    if (region.contains(document.activeElement) && /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName)) {
      again = true;
      setTimeout(refresh, 2000);
      return;
    }
    busy = true;
    fetch(liveUrl, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null) region.innerHTML = html;
      })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }
  var source;
  function connect() {
    source = new EventSource(region.getAttribute('data-events'));
    source.addEventListener('queue', refresh);
    source.addEventListener('open', refresh);
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
    });
  }
  connect();
})();
