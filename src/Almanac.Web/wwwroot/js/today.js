// Progressive enhancement for the home page: the server shows "today" in the site's time zone and
// says which date it is; when the reader's own clock is on another calendar day, swap in that day.
(() => {
  const root = document.querySelector("[data-today]");
  if (!root || !window.fetch) return;
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  if (local === root.dataset.today) return;
  const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  fetch(`/day/${months[now.getMonth()]}-${now.getDate()}`, { headers: { Accept: "text/html" } })
    .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
    .then((html) => {
      const day = new DOMParser().parseFromString(html, "text/html").querySelector(".day");
      if (!day) return;
      day.querySelector(".eyebrow").textContent = "Today in history (your time zone)";
      root.dataset.today = local;
      root.replaceChildren(day);
    })
    .catch(() => { /* keep the server's day */ });
})();
