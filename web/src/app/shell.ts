/**
 * The page layout: header (title, map/table switch, language), the search, the map with its legend, the left
 * column (filters, display, path, views, export) and the right column of tabs (details, key actors,
 * communities, gaps, edit). On a wide screen search and left column share the left side; on a narrow one
 * the page is one column in this (the DOM and keyboard) order: search, map, left column, right column.
 */
import { h } from '../dom/h.js';
import { t } from '../i18n/i18n.js';

export interface Shell {
  root: HTMLElement;
  header: HTMLElement;
  search: HTMLElement;
  left: HTMLElement;
  right: HTMLElement;
  mapWrap: HTMLElement;
  mapContainer: HTMLElement;
  tableWrap: HTMLElement;
  skipLinks: HTMLElement;
}

export function buildShell(): Shell {
  const mapContainer = h('div', { id: 'sigma', class: 'sigma', dataset: { testid: 'map' } });
  const mapWrap = h(
    'div',
    { class: 'map-wrap', id: 'map-wrap', role: 'region', aria: { label: t('map.label') } },
    mapContainer,
  );
  const tableWrap = h('div', { class: 'table-wrap', id: 'table-wrap', hidden: true });
  const header = h('header', { class: 'topbar' });
  const left = h('aside', { class: 'sidebar left', id: 'explore', aria: { label: t('shell.explore') } });
  const right = h('aside', { class: 'sidebar right', id: 'understand', aria: { label: t('shell.understand') } });
  const main = h('main', { class: 'main', id: 'main' }, mapWrap, tableWrap);
  const search = h('div', { class: 'searchbar', role: 'search' });
  const skipLinks = h('nav', { class: 'skip-links', aria: { label: t('shell.skip') } });
  const root = h('div', { class: 'app' }, skipLinks, header, h('div', { class: 'layout' }, search, main, left, right));
  return { root, header, search, left, right, mapWrap, mapContainer, tableWrap, skipLinks };
}
