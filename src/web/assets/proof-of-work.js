// ALTCHA proof of work, solved in the browser (no third party): find n with SHA-256(salt + n) = challenge.
// Without this script the form still works; the server then counts the booking against a stricter limit.
(function () {
  var form = document.querySelector('form[data-pow-form]');
  if (!form || !window.crypto || !crypto.subtle || !window.TextEncoder) return;
  var data = JSON.parse(form.getAttribute('data-challenge'));
  var field = form.querySelector('input[name="altcha"]');
  var status = document.getElementById('pow-status');
  var encoder = new TextEncoder();
  var solved = null;
  var waiting = false;
  function hex(buffer) {
    var bytes = new Uint8Array(buffer),
      out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }
  async function solve() {
    var max = data.maxnumber || 1000000;
    for (var n = 0; n <= max; n++) {
      var digest = await crypto.subtle.digest('SHA-256', encoder.encode(data.salt + n));
      if (hex(digest) === data.challenge) return n;
    }
    return null;
  }
  if (status) status.textContent = status.getAttribute('data-working');
  var started = Date.now();
  var work = solve().then(function (number) {
    if (number === null) return;
    solved = btoa(
      JSON.stringify({
        algorithm: data.algorithm,
        challenge: data.challenge,
        number: number,
        salt: data.salt,
        signature: data.signature,
        took: Date.now() - started,
      }),
    );
    field.value = solved;
    if (status) status.textContent = status.getAttribute('data-done');
  });
  form.addEventListener('submit', function (event) {
    if (solved || waiting) return;
    event.preventDefault();
    waiting = true;
    work.then(function () {
      form.submit();
    });
  });
})();
