// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
  // htmx requests carry the CSRF token of the page.
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  document.body.addEventListener('htmx:configRequest', (event) => {
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // A submitted form cannot be submitted twice; its button shows progress.
  document.body.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.dataset.confirm && form.dataset.submitting !== 'true' && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    if (form.dataset.submitting === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = 'true';
    form.querySelectorAll('button[type="submit"]').forEach((button) => {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
    });
  });
  // htmx swaps re-enable the forms they replace.
  document.body.addEventListener('htmx:afterRequest', (event) => {
    const form = event.detail.elt.closest ? event.detail.elt.closest('form') : null;
    if (form) {
      form.dataset.submitting = 'false';
      form.querySelectorAll('button[type="submit"]').forEach((button) => {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      });
    }
  });
});
