/**
 * The search on /search/: loads the index the build wrote (src/integrations/searchIndex.ts) into
 * MiniSearch and lists the pages that match as the reader types, each with an excerpt in which
 * the matched words are marked; a polite live region says how many pages matched. The query is
 * kept in the address (?q=), so a search can be linked to and survives going back. No HTML is
 * built from strings: results are made with DOM methods, so page text can never become markup.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { formatNumber } from '../lib/format/formatNumber.ts';
import { excerpt } from '../lib/search/excerpt.ts';
import { sitePath } from '../site/sitePath.ts';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from '../lib/search/searchOptions.ts';

/** Results shown at first, and added by each press of "Show more results". */
const PAGE_SIZE = 20;
/** Wait this long after the last keystroke before searching (and announcing the count). */
const TYPING_PAUSE_MS = 200;

const box = document.getElementById('search');
const form = document.getElementById('search-form') as HTMLFormElement | null;
const input = document.getElementById('search-q') as HTMLInputElement | null;
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more') as HTMLButtonElement | null;
const fallback = document.getElementById('search-fallback');

type Hit = SearchResult & Pick<SearchDocument, 'title' | 'text'>;

function resultItem(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  // The index holds site paths (/findings/trial/); the site may be published under a path.
  a.href = sitePath(hit.id as string);
  a.textContent = hit.title;
  const p = document.createElement('p');
  p.className = 'search-excerpt';
  for (const part of excerpt(hit.text, hit.terms)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      p.append(mark);
    } else p.append(part.text);
  }
  li.append(a, p);
  return li;
}

function start(index: MiniSearch<SearchDocument>): void {
  if (!form || !input || !status || !list || !more) return;
  let hits: Hit[] = [];
  let shown = 0;

  const showMore = (): void => {
    const next = hits.slice(shown, shown + PAGE_SIZE).map(resultItem);
    list.append(...next);
    shown += next.length;
    const left = hits.length - shown;
    more.hidden = left <= 0;
    more.textContent = `Show more results (${formatNumber(left)} more)`;
  };

  const run = (): void => {
    const q = input.value.trim();
    hits = q ? (index.search(q, QUERY_OPTIONS) as Hit[]) : [];
    shown = 0;
    list.replaceChildren();
    showMore();
    const n = hits.length;
    status.textContent = q
      ? `${n === 0 ? 'No' : formatNumber(n)} ${n === 1 ? 'result' : 'results'} for “${q}”`
      : '';
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    if (url.href !== location.href) history.replaceState(null, '', url);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run();
  });
  more.addEventListener('click', () => {
    const first = shown;
    showMore();
    // Keyboard and screen-reader users carry on from the first new result.
    list.children[first]?.querySelector('a')?.focus();
  });
  if (input.value.trim()) run();
}

async function load(): Promise<void> {
  if (!box || !form || !input || !status) return;
  const q = new URLSearchParams(location.search).get('q') ?? '';
  input.value = q;
  form.hidden = false;
  // Until the index is here, a submitted query waits for it rather than reloading the page.
  form.addEventListener('submit', (e) => e.preventDefault());
  fallback?.setAttribute('hidden', '');
  if (q) status.textContent = 'Loading the search index…';
  const response = await fetch(box.dataset['index'] ?? sitePath('/search-index.json'));
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  start(MiniSearch.loadJSON<SearchDocument>(await response.text(), INDEX_OPTIONS));
}

load().catch(() => {
  form?.setAttribute('hidden', '');
  if (status) status.textContent = '';
  fallback?.removeAttribute('hidden');
  const msg = document.getElementById('search-nojs');
  if (!msg) return;
  const strong = document.createElement('strong');
  strong.textContent = 'Search could not load.';
  msg.replaceChildren(
    strong,
    ' The search index may be missing from this copy of the site. Every page can also be reached by browsing:',
  );
});
