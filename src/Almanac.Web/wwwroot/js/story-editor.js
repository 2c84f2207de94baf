// The story editor's live preview. Without JavaScript the "Preview" button posts the form and the
// server renders the preview into the page; with it, the same server renderer (and sanitizer) is
// asked for the fragment as the body is typed. The form's anti-forgery token travels in the FormData.
(() => {
  const form = document.querySelector('form.story-form');
  const body = document.getElementById('story-body');
  const target = document.getElementById('story-preview');
  const button = document.getElementById('preview-button');
  if (!form || !body || !target) return;
  let timer = 0;
  let pending = null;
  async function refresh() {
    const data = new FormData(form);
    const url = new URL(window.location.href);
    url.search = '?handler=Render';
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(url, { method: 'POST', body: data, signal: pending.signal, credentials: 'same-origin' });
      if (response.ok) target.innerHTML = await response.text(); // sanitized by the server, as on published pages
    } catch (e) {
      if (e.name !== 'AbortError') throw e;
    }
  }
  body.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(refresh, 400); });
  button?.addEventListener('click', (e) => { e.preventDefault(); refresh(); });
})();
