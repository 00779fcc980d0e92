// File search as you type: the plain GET form keeps working without this script. While typing,
// the results fragment is fetched (debounced, a newer request aborts the older one) and swapped
// in; its role="status" line announces the number of results to screen readers.
(function () {
  'use strict';
  var form = document.getElementById('file-search');
  var region = document.getElementById('search-results');
  if (!form || !region || !window.fetch || !window.AbortController) return;
  var input = form.elements.namedItem('q');
  var resultsUrl = form.getAttribute('data-results');
  var timer = null;
  var pending = null;
  var lastSent = null;

  function currentParams() {
    var params = new URLSearchParams();
    params.set('q', input.value.trim());
    var scope = form.querySelector('input[name="in"]:checked');
    if (scope) params.set('in', scope.value);
    return params;
  }

  function search() {
    var params = currentParams();
    var key = params.toString();
    if (key === lastSent) return;
    lastSent = key;
    if (pending) pending.abort();
    var controller = new AbortController();
    pending = controller;
    // The address follows the search, so that reload and "back" from a file show the same list.
    history.replaceState(null, '', form.getAttribute('action') + '?' + key);
    fetch(resultsUrl + '?' + key, { credentials: 'same-origin', headers: { accept: 'text/html' }, signal: controller.signal })
      .then(function (response) {
        // 422 carries the refusal's text as a fragment too; anything else keeps the old list.
        return response.ok || response.status === 422 ? response.text() : null;
      })
      .then(function (html) {
        if (html === null || pending !== controller) return;
        pending = null;
        // The status line stays one element so that screen readers announce its new text.
        var status = document.getElementById('search-status');
        var holder = document.createElement('div');
        holder.innerHTML = html;
        var newStatus = holder.querySelector('#search-status');
        if (status && newStatus) {
          status.textContent = newStatus.textContent;
          status.className = newStatus.className;
          newStatus.remove();
        }
        while (region.lastChild && region.lastChild !== status) region.removeChild(region.lastChild);
        while (holder.firstChild) region.appendChild(holder.firstChild);
      })
      .catch(function (error) {
        if (error && error.name === 'AbortError') return;
        lastSent = null;
      });
  }

  function schedule() {
    clearTimeout(timer);
    var value = input.value.trim();
    if (value.length === 1) return;
    timer = setTimeout(search, 250);
  }

  input.addEventListener('input', schedule);
  form.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'in') search();
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    lastSent = null;
    search();
  });
})();
