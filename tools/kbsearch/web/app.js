// The search page of `kbsearch serve`: a reference for integrators, with no
// framework and no build step. Everything it shows comes from two endpoints:
// GET /suggest while the user types (completions of the unfinished word and
// the top articles for the completed query) and GET /search for a submitted
// or linked query. The URL holds the whole state (q, lang, offset), so a
// result page can be linked and the back button works. Every URL is
// relative, so the page works where a reverse proxy mounts it (/kb/).
//
// Text from the index (titles, ids, tags, completions) is only ever set with
// textContent; snippet_html is the one exception, because the server escapes
// it and adds the <mark> highlights itself.
'use strict';

const PAGE_SIZE = 10;
// Shorter than the gap between the keys of a steady typist (about 200 ms at
// 60 words a minute), so results follow each letter at that pace, while a
// burst of faster keys sends one request.
const TYPING_PAUSE_MS = 150;

const input = document.getElementById('q');
const languageSelect = document.getElementById('lang');
const completionList = document.getElementById('completions');
const statusLine = document.getElementById('status');
const didYouMean = document.getElementById('did-you-mean');
const suggestionLink = document.getElementById('suggestion');
const resultList = document.getElementById('results');
const pager = document.getElementById('pager');

const languageNames = new Map(
  Array.from(languageSelect.options).filter((o) => o.value).map((o) => [o.value, o.textContent]));

// --- State and URL ----------------------------------------------------------

// The first of the browser's preferred languages that the page offers
// (pt-BR → pt), or '' to leave it to the server (Accept-Language, else
// the query's own).
function browserLanguage() {
  for (const tag of navigator.languages || [navigator.language]) {
    const primary = String(tag).split('-')[0].toLowerCase();
    if (languageNames.has(primary)) return primary;
  }
  return '';
}

function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  const lang = params.has('lang') ? params.get('lang') : browserLanguage();
  return {
    q: params.get('q') || '',
    lang: languageNames.has(lang) ? lang : '',
    offset: Math.max(0, parseInt(params.get('offset'), 10) || 0),
  };
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  params.set('lang', state.lang);
  if (state.offset) params.set('offset', String(state.offset));
  return '?' + params.toString();
}

// --- Requests ---------------------------------------------------------------

// Only the latest request matters: a newer one aborts the one in flight, so
// a slow answer to an older prefix never replaces a newer one.
let inFlight = null;

function cancelRequest() {
  if (inFlight) inFlight.abort();
  inFlight = null;
  resultList.setAttribute('aria-busy', 'false');
}

// aria-busy tells assistive technology (and tests) that results are coming.
async function getJson(path, params) {
  cancelRequest();
  const controller = new AbortController();
  inFlight = controller;
  resultList.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(path + '?' + new URLSearchParams(params),
                                 {signal: controller.signal, headers: {Accept: 'application/json'}});
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error ? body.error.message : response.status + ' ' + response.statusText);
    }
    return body;
  } finally {
    if (inFlight === controller) {
      inFlight = null;
      resultList.setAttribute('aria-busy', 'false');
    }
  }
}

function showFailure(error) {
  if (error.name === 'AbortError') return;
  statusLine.textContent = error.message;
}

// A submitted, picked or linked search: the URL already says what to show.
async function searchFromUrl() {
  const state = stateFromUrl();
  input.value = state.q;
  languageSelect.value = state.lang;
  closeCompletions();
  if (!state.q.trim()) {
    clearResults();
    return;
  }
  try {
    const results = await getJson('search', {q: state.q, lang: state.lang, limit: PAGE_SIZE, offset: state.offset});
    renderResults(results, state);
  } catch (error) {
    showFailure(error);
  }
}

// Search as you type: what the box holds now, its last word unfinished.
async function suggestFromInput() {
  const state = {q: input.value, lang: languageSelect.value, offset: 0};
  history.replaceState(null, '', urlFor(state));
  if (!state.q.trim()) {
    cancelRequest();
    closeCompletions();
    clearResults();
    return;
  }
  try {
    const answer = await getJson('suggest', {q: state.q, lang: state.lang});
    renderCompletions(answer.completions);
    renderResults(answer.results, state);
  } catch (error) {
    showFailure(error);
  }
}

function navigate(state) {
  history.pushState(null, '', urlFor(state));
  searchFromUrl();
}

// --- Completions (an ARIA combobox) -----------------------------------------

let activeCompletion = -1;

function renderCompletions(completions) {
  completionList.replaceChildren(...completions.map((completion, i) => {
    const option = document.createElement('li');
    option.id = 'completion-' + i;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.textContent = completion.query;
    option.dataset.query = completion.query;
    return option;
  }));
  activeCompletion = -1;
  input.removeAttribute('aria-activedescendant');
  completionList.hidden = completions.length === 0;
  input.setAttribute('aria-expanded', String(!completionList.hidden));
}

function closeCompletions() {
  renderCompletions([]);
}

function moveActiveCompletion(step) {
  const options = completionList.children;
  if (completionList.hidden || options.length === 0) return;
  if (activeCompletion >= 0) options[activeCompletion].setAttribute('aria-selected', 'false');
  // Positions cycle through the options and the box itself (-1).
  const positions = options.length + 1;
  activeCompletion = (activeCompletion + 1 + step + positions) % positions - 1;
  if (activeCompletion < 0) {
    input.removeAttribute('aria-activedescendant');
    return;
  }
  const option = options[activeCompletion];
  option.setAttribute('aria-selected', 'true');
  input.setAttribute('aria-activedescendant', option.id);
  option.scrollIntoView({block: 'nearest'});
}

function pickCompletion(option) {
  navigate({q: option.dataset.query, lang: languageSelect.value, offset: 0});
}

// --- Results ----------------------------------------------------------------

function clearResults() {
  statusLine.textContent = '';
  didYouMean.hidden = true;
  resultList.replaceChildren();
  renderFacet('facet-languages', [], '', null);
  renderFacet('facet-tags', [], '', null);
  pager.hidden = true;
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// Where a hit links to: the article's file as it was indexed, at the
// section the snippet comes from. A help center maps this to its own URLs.
function hitHref(hit) {
  return hit.section.anchor ? hit.path + '#' + hit.section.anchor : hit.path;
}

function renderHit(hit) {
  // lang picks fonts, line breaking (Thai has no spaces) and casing (Turkish
  // dotted and dotless i) for the hit; dir lets a right-to-left script
  // render right even in a page whose own language is left-to-right.
  const item = element('li', '', {class: 'hit', lang: hit.lang, dir: 'auto'});
  const heading = element('h3');
  heading.append(element('a', hit.title || hit.id, {href: hitHref(hit)}));
  item.append(heading);
  if (hit.section.heading) item.append(element('p', hit.section.heading, {class: 'section'}));
  if (hit.snippet_html) {
    const snippet = element('p', '', {class: 'snippet'});
    snippet.innerHTML = hit.snippet_html;  // escaped by the server, with <mark> highlights
    item.append(snippet);
  }
  const details = [languageNames.get(hit.lang) || hit.lang, ...hit.tags];
  if (hit.updated) details.push(hit.updated);
  item.append(element('p', details.join(' · '), {class: 'details'}));
  return item;
}

function describeCount(results, offset) {
  const q = results.query;
  if (results.total === 0) return `No results for “${q}”`;
  const first = offset + 1;
  const last = offset + results.hits.length;
  const noun = results.total === 1 ? 'result' : 'results';
  if (first === 1 && last === results.total) return `${results.total} ${noun} for “${q}”`;
  return `Results ${first}–${last} of ${results.total} for “${q}”`;
}

// `state` is what was asked; the results are for results.query, which is
// the asked query completed when they come from /suggest, and what the
// facets and pages go on from.
function renderResults(results, state) {
  const shown = {...state, q: results.query};
  statusLine.textContent = describeCount(results, shown.offset);

  didYouMean.hidden = !results.suggestion;
  if (results.suggestion) {
    suggestionLink.textContent = results.suggestion;
    suggestionLink.href = urlFor({q: results.suggestion, lang: shown.lang, offset: 0});
  }

  resultList.replaceChildren(...results.hits.map(renderHit));
  resultList.start = shown.offset + 1;

  // /suggest counts no facets.
  const facets = results.facets || {};
  renderFacet('facet-languages', facets.lang, 'lang', shown);
  renderFacet('facet-tags', facets.tags, 'tag', shown);

  // Pages go on from the hits shown, however many an answer had.
  const previous = document.getElementById('previous');
  const next = document.getElementById('next');
  previous.hidden = shown.offset === 0;
  previous.href = urlFor({...shown, offset: Math.max(0, shown.offset - PAGE_SIZE)});
  next.hidden = shown.offset + results.hits.length >= results.total;
  next.href = urlFor({...shown, offset: shown.offset + results.hits.length});
  pager.hidden = previous.hidden && next.hidden;
}

// The query with `filter` (lang:pt, tag:billing) added, or taken out when it
// is there: a facet is a filter the user can see and edit in the box.
function toggleFilter(q, filter) {
  const words = q.split(/\s+/).filter(Boolean);
  const kept = words.filter((word) => word !== filter);
  if (kept.length === words.length) kept.push(filter);
  return kept.join(' ');
}

function renderFacet(sectionId, counts, field, state) {
  const section = document.getElementById(sectionId);
  const list = section.querySelector('ul');
  const hadFocus = list.contains(document.activeElement) ? document.activeElement.dataset.filter : null;
  list.replaceChildren(...(counts || []).map(({value, count}) => {
    const filter = field + ':' + value;
    const active = state.q.split(/\s+/).includes(filter);
    const name = field === 'lang' ? languageNames.get(value) || value : value;
    // Filtering on a language makes it the user's too: a group is shown in
    // the user's language when it has that translation, whatever the filter.
    const lang = field === 'lang' && !active ? value : state.lang;
    const link = element('a', name, {
      href: urlFor({q: toggleFilter(state.q, filter), lang, offset: 0}),
      'data-filter': filter,
    });
    if (field === 'lang') link.lang = value;
    if (active) link.setAttribute('aria-current', 'true');
    const item = element('li');
    item.append(link, element('span', String(count), {class: 'count'}));
    return item;
  }));
  section.hidden = list.children.length === 0;
  // The list was rebuilt under the keyboard user: keep their place in it.
  if (hadFocus) {
    const again = list.querySelector(`a[data-filter="${CSS.escape(hadFocus)}"]`);
    if (again) again.focus();
  }
}

// --- Events -----------------------------------------------------------------

let typingTimer = 0;
input.addEventListener('input', (event) => {
  if (event.isComposing) return;  // an input method is still building the character
  clearTimeout(typingTimer);
  typingTimer = setTimeout(suggestFromInput, TYPING_PAUSE_MS);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    moveActiveCompletion(event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Enter' && activeCompletion >= 0) {
    event.preventDefault();
    pickCompletion(completionList.children[activeCompletion]);
  } else if (event.key === 'Escape' && !completionList.hidden) {
    event.preventDefault();
    closeCompletions();
  }
});

// mousedown would move focus out of the box before the click picks.
completionList.addEventListener('mousedown', (event) => event.preventDefault());
completionList.addEventListener('click', (event) => {
  const option = event.target.closest('[role=option]');
  if (option) pickCompletion(option);
});

document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  navigate({q: input.value, lang: languageSelect.value, offset: 0});
});

languageSelect.addEventListener('change', () => {
  navigate({q: input.value, lang: languageSelect.value, offset: 0});
});

// Facets, "Did you mean" and paging are ordinary links to result pages;
// followed here, they search without reloading the page.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  if (link.origin !== location.origin || link.pathname !== location.pathname) return;
  event.preventDefault();
  clearTimeout(typingTimer);
  history.pushState(null, '', link.href);
  searchFromUrl();
});

window.addEventListener('popstate', searchFromUrl);
searchFromUrl();
