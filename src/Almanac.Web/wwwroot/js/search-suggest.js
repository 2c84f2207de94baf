// Progressive enhancement of the header search box: as the reader types, the best matches appear
// below it (GET /api/v1/search), to be chosen with the arrow keys and Enter or with the mouse.
// Without JavaScript the box is a plain GET form to /search. ARIA combobox pattern (WAI-ARIA 1.2).
(() => {
  const input = document.getElementById("site-search-q");
  if (!input || !window.fetch) return;
  const form = input.form;
  const list = document.createElement("ul");
  list.id = "site-search-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Matching stories");
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.append(list, status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";

  let active = -1;
  let timer = 0;
  let latest = 0;

  const options = () => [...list.children];
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    options().forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", options()[index].id);
    else input.removeAttribute("aria-activedescendant");
  };
  const show = (items) => {
    list.replaceChildren(...items.map((item, i) => {
      const li = document.createElement("li");
      li.id = `${list.id}-${i}`;
      li.setAttribute("role", "option");
      // The story's page on this site, whatever host name the API put in its absolute links.
      const url = new URL(item.story.links.html);
      li.dataset.href = url.pathname + url.search;
      const title = document.createElement("span");
      title.textContent = item.story.headline;
      const date = document.createElement("small");
      date.textContent = item.story.date.display;
      li.append(title, date);
      li.addEventListener("mousedown", (e) => { e.preventDefault(); location.href = li.dataset.href; });
      return li;
    }));
    status.textContent = items.length === 0 ? "No matching stories" : `${items.length} matching ${items.length === 1 ? "story" : "stories"}; use the arrow keys to choose`;
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(items.length > 0));
    highlight(-1);
  };
  const suggest = () => {
    const q = input.value.trim();
    if (q.length < 2) { close(); status.textContent = ""; return; }
    const ticket = ++latest;
    fetch(`/api/v1/search?perPage=6&q=${encodeURIComponent(input.value)}`, { headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((body) => { if (ticket === latest) show(body.items); })
      .catch(() => close());
  };

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 150); });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (e) => {
    const count = options().length;
    if (e.key === "ArrowDown" && count > 0) {
      e.preventDefault();
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight((active + 1) % count);
    } else if (e.key === "ArrowUp" && count > 0) {
      e.preventDefault();
      highlight(active <= 0 ? count - 1 : active - 1);
    } else if (e.key === "Enter" && active >= 0 && !list.hidden) {
      e.preventDefault();
      location.href = options()[active].dataset.href;
    } else if (e.key === "Escape" && !list.hidden) {
      // The first Escape closes the list; only a second one clears the box (the browser's own).
      e.preventDefault();
      close();
    }
  });
})();
