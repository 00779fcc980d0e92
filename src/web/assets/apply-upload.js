// Progressive enhancement of the applicant's upload forms: with the tus client (tus.js) a file goes
// up in pieces and a broken connection resumes where it stopped. Without JavaScript, or in a
// browser tus does not support, the plain form posts the file as before.
const chunkSize = 1024 * 1024;
// Long enough for a train through a tunnel; each retry first asks the server how far it got.
const retryDelays = [0, 1000, 2000, 5000, 10000, 10000, 20000, 30000, 60000, 60000, 60000];

for (const form of document.querySelectorAll('form[data-tus]')) {
  if (!window.tus || !window.tus.isSupported) continue;
  const input = form.querySelector('input[type=file]');
  const button = form.querySelector('button[type=submit]');
  const progress = form.querySelector('progress');
  const status = form.querySelector('.upload-status');
  const text = (name, percent) => (form.dataset[name] || '').replace('{percent}', String(percent));
  form.addEventListener('submit', (event) => {
    const file = input.files?.[0];
    if (!file) return; // the server answers "choose a file first"
    event.preventDefault();
    button.disabled = true;
    status.classList.remove('field-error');
    let interrupted = false;
    let resumed = false;
    const upload = new window.tus.Upload(file, {
      endpoint: form.dataset.tus,
      chunkSize,
      retryDelays,
      metadata: { filename: file.name, filetype: file.type },
      removeFingerprintOnSuccess: true,
      onShouldRetry(error) {
        const code = error.originalResponse ? error.originalResponse.getStatus() : 0;
        // A refusal (wrong kind, too large, infected) stays refused; a lost connection is retried.
        if (code >= 400 && code < 500 && code !== 409 && code !== 423) return false;
        interrupted = true;
        status.textContent = text('textInterrupted');
        return true;
      },
      onProgress(sent, total) {
        const percent = total ? Math.floor((sent / total) * 100) : 0;
        if (interrupted && !resumed && sent > 0) resumed = true;
        progress.hidden = false;
        progress.value = percent;
        status.textContent = resumed ? `${text('textResumed')} ${text('textProgress', percent)}` : text('textProgress', percent);
      },
      onSuccess() {
        status.textContent = text('textDone');
        window.location.assign(form.dataset.done);
      },
      onError(error) {
        const body = error.originalResponse ? error.originalResponse.getBody() : '';
        status.textContent = body || text('textInterrupted');
        status.classList.add('field-error');
        button.disabled = false;
      },
    });
    upload
      .findPreviousUploads()
      .then((previous) => {
        if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      })
      .catch(() => upload.start());
  });
}
