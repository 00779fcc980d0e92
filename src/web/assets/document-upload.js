// Progressive enhancement of the document upload forms (the plain form works without it):
// a file dropped on the form is taken as its file, and the upload shows its progress.
for (const form of document.querySelectorAll('form[data-upload]')) {
  const input = form.querySelector('input[type=file]');
  const progress = form.querySelector('progress');
  const status = form.querySelector('.upload-status');
  form.addEventListener('dragover', (event) => {
    event.preventDefault();
    form.classList.add('dragging');
  });
  form.addEventListener('dragleave', () => form.classList.remove('dragging'));
  form.addEventListener('drop', (event) => {
    event.preventDefault();
    form.classList.remove('dragging');
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      status.textContent = input.files[0].name;
    }
  });
  form.addEventListener('submit', (event) => {
    if (!input.files || !input.files.length || !window.XMLHttpRequest) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (progressEvent) => {
      if (!progressEvent.lengthComputable) return;
      progress.hidden = false;
      progress.value = Math.round((progressEvent.loaded / progressEvent.total) * 100);
    });
    request.addEventListener('load', () => {
      // Success ends on the document's page (the redirect was followed); an error page is shown as it is.
      if (request.status < 400) window.location.assign(request.responseURL);
      else document.documentElement.innerHTML = request.responseText;
    });
    request.addEventListener('error', () => {
      status.textContent = document.documentElement.lang === 'de' ? 'Hochladen abgebrochen.' : 'Upload interrupted.';
    });
    request.send(new FormData(form));
  });
}
