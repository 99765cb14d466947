/**
 * The page layout: header (title, map/table switch, language), left column (search, filters, display, path,
 * views), the map with its legend, and the right column of tabs (details, key actors, communities, gaps, edit).
 */
import { h } from '../dom/h.js';
import { t } from '../i18n/i18n.js';

export interface Shell {
  root: HTMLElement;
  header: HTMLElement;
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
  const skipLinks = h('nav', { class: 'skip-links', aria: { label: t('shell.skip') } });
  const root = h('div', { class: 'app' }, skipLinks, header, h('div', { class: 'layout' }, left, main, right));
  return { root, header, left, right, mapWrap, mapContainer, tableWrap, skipLinks };
}
