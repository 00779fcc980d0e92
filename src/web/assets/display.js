// Call display: follows the server's event stream, shows each call large, keeps the last 8,
// plays a gong (after one click unlocks sound), and reconnects by itself, resuming after
// the last event id it saw so no call is missed.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var body = document.body;
  var url = body.getAttribute('data-events');
  var lastId = Number(body.getAttribute('data-after') || '0');
  var current = document.getElementById('current');
  var recent = document.getElementById('recent');
  var status = document.getElementById('status');
  var hint = document.getElementById('sound-hint');
  var audio = null;

  document.addEventListener('click', function () {
    if (audio) return;
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = new Context();
    audio.resume();
    if (hint) hint.remove();
  });

  function gong() {
    if (!audio) return;
    [659.25, 523.25].forEach(function (frequency, index) {
      var start = audio.currentTime + index * 0.45;
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.5, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.4);
      osc.connect(gain).connect(audio.destination);
      osc.start(start);
      osc.stop(start + 1.5);
    });
  }

  function text(tag, className, value, attrs) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value;
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    return node;
  }

  function show(id, call) {
    var previous = current.getAttribute('data-id') && current.querySelector('.number');
    if (previous && current.getAttribute('data-id') !== String(id)) {
      var item = document.createElement('li');
      item.setAttribute('data-id', current.getAttribute('data-id'));
      item.appendChild(text('span', 'number ltr', previous.textContent));
      item.appendChild(document.createTextNode(' '));
      item.appendChild(text('span', 'counter', current.querySelector('.counter').textContent));
      recent.insertBefore(item, recent.firstChild);
      while (recent.children.length > 8) recent.removeChild(recent.lastChild);
    }
    current.textContent = '';
    current.setAttribute('data-id', String(id));
    var line = text('p', 'call-number ltr', '');
    line.appendChild(text('span', 'number', call.number));
    line.appendChild(document.createTextNode(' '));
    line.appendChild(text('span', 'arrow', '→', { 'aria-hidden': 'true' }));
    line.appendChild(document.createTextNode(' '));
    line.appendChild(text('span', 'counter', call.counter));
    current.appendChild(line);
    call.texts.forEach(function (t) {
      current.appendChild(text('p', 'call-text', t.text, { lang: t.lang, dir: t.dir }));
    });
    current.parentNode.classList.add('flash');
    setTimeout(function () {
      current.parentNode.classList.remove('flash');
    }, 3000);
    gong();
  }

  var source;
  function connect() {
    source = new EventSource(url + '?after=' + lastId);
    source.addEventListener('open', function () {
      status.textContent = '';
    });
    source.addEventListener('call', function (event) {
      var id = Number(event.lastEventId);
      if (id <= lastId) return;
      lastId = id;
      show(id, JSON.parse(event.data));
    });
    source.addEventListener('error', function () {
      status.textContent = 'Verbindung wird wiederhergestellt …';
      // The browser retries by itself unless the server answered with an error; then we do.
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 3000);
    });
  }
  connect();
})();
