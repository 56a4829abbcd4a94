/**
 * Starts Pagefind's default UI on /search/. Loaded as an Astro-processed module, and Pagefind's
 * own files are loaded from /pagefind/ by URL, so the page needs no inline script or style
 * attribute (the CSP needs script-src 'self' 'wasm-unsafe-eval' for Pagefind's WebAssembly).
 */
interface PagefindUIOptions {
  element: string;
  showSubResults?: boolean;
  showImages?: boolean;
  resetStyles?: boolean;
  autofocus?: boolean;
  translations?: Record<string, string>;
}
declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => { triggerSearch(term: string): void };
  }
}

const box = document.getElementById('search');
const fallback = document.getElementById('search-fallback');
const base = box?.dataset['base'] ?? '/pagefind/';

async function start(): Promise<void> {
  if (!box) return;
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = `${base}pagefind-ui.css`;
  document.head.append(css);
  // pagefind-ui.js is a classic script that defines window.PagefindUI. It is added as a script
  // element with a src (allowed by script-src 'self'), not bundled: Pagefind writes it after
  // `astro build`, and a dynamic import() would go through Vite's preload helper.
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${base}pagefind-ui.js`;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`could not load ${script.src}`)));
    document.head.append(script);
  });
  if (!window.PagefindUI) throw new Error('Pagefind UI did not load');
  const ui = new window.PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    autofocus: true,
  });
  fallback?.setAttribute('hidden', '');
  // A search can be linked to: /search/?q=Section+47
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
}

start().catch(() => {
  const msg = document.getElementById('search-nojs');
  if (!msg) return;
  const strong = document.createElement('strong');
  strong.textContent = 'Search could not load.';
  msg.replaceChildren(
    strong,
    ' The search index may be missing from this copy of the site. Every page can also be reached by browsing:',
  );
});

export {};
