// The Almanac widget, served at /widget.js:
//   <script src="https://almanac.example/widget.js" data-day="08-04" async></script>
// It lists a day's stories (today without data-day) inside a shadow root, so the host page's styles
// and ours never meet, on an element placed right after the script tag (or the page's own
// <div data-almanac-widget>). All in one function scope: it defines no globals. Text goes in through
// textContent only, never as HTML.
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || !script.src || !window.fetch) return;
  const origin = new URL(script.src).origin;
  const day = /^\d{2}-\d{2}$/.test(script.dataset.day || "") ? script.dataset.day : "";

  let host = document.querySelector("div[data-almanac-widget]:not([data-almanac-ready])");
  if (!host) {
    host = document.createElement("div");
    script.after(host);
  }
  host.setAttribute("data-almanac-ready", "");
  const root = host.attachShadow({ mode: "open" });

  const style = document.createElement("style");
  style.textContent = `
    :host { all: initial; display: block; }
    .almanac { --bg: #faf6ee; --text: #211b17; --muted: #5f554b; --accent: #8b2a1c; --rule: #d6cab7;
      max-width: 40rem; padding: 0.75rem 1rem; border-top: 4px solid var(--accent); background: var(--bg);
      color: var(--text); font: 1rem/1.45 Charter, Cambria, Georgia, serif; overflow-wrap: break-word; }
    @media (prefers-color-scheme: dark) {
      .almanac { --bg: #171412; --text: #ede5d8; --muted: #b4a999; --accent: #f0a08c; --rule: #4a403a; }
    }
    h2 { margin: 0 0 0.5rem; font-size: 1.25rem; line-height: 1.2; }
    a { color: var(--text); text-decoration: none; }
    a:hover { color: var(--accent); text-decoration: underline; }
    a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    ol { margin: 0 0 0.75rem; padding: 0; list-style: none; }
    li { padding: 0.4rem 0; border-bottom: 1px solid var(--rule); }
    .featured a { font-weight: 700; }
    .year { color: var(--accent); font-weight: 700; }
    .more, .empty { margin: 0; font: 600 0.8rem/1.4 system-ui, sans-serif; }
    .more a { color: var(--accent); text-decoration: underline; }
    .empty { color: var(--muted); font-weight: 400; margin-bottom: 0.5rem; }`;

  const element = (name, className, text) => {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const link = (href, text, className) => {
    const a = element("a", className, text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener";
    return a;
  };

  const render = (data) => {
    const section = element("section", "almanac");
    section.setAttribute("aria-label", data.title);
    const heading = element("h2");
    heading.append(link(data.url, data.title));
    section.append(heading);
    if (data.stories.length === 0) {
      section.append(element("p", "empty", "No stories for this day yet."));
    } else {
      const list = element("ol");
      for (const story of data.stories) {
        const item = element("li", story.featured ? "featured" : "");
        const a = link(story.url, "");
        a.append(element("span", "year", story.year), `: ${story.title}`);
        item.append(a);
        list.append(item);
      }
      section.append(list);
    }
    const more = element("p", "more");
    more.append(link(data.url, `More on ${data.siteName}`));
    section.append(more);
    root.replaceChildren(style, section);
  };

  // Without the data (offline, blocked), a plain link to the site still says where the stories are.
  const fallback = () => {
    const more = element("p", "more");
    more.append(link(origin + "/", "On this day in history"));
    root.replaceChildren(style, more);
  };

  fetch(`${origin}/embed/day${day ? "/" + day : ""}.json`, { credentials: "omit" })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then(render)
    .catch(fallback);
})();
