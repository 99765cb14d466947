/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; each tab panel is focusable. */
import { h } from './h.js';

export interface TabDef {
  id: string;
  label: () => string;
  panel: HTMLElement;
}

export interface Tabs {
  el: HTMLElement;
  select(id: string, focus?: boolean): void;
  current(): string;
  relabel(): void;
  onSelect(fn: (id: string) => void): void;
}

export function tabs(defs: TabDef[], label: string): Tabs {
  const list = h('div', { role: 'tablist', class: 'tablist', aria: { label } });
  const panels = h('div', { class: 'tabpanels' });
  let current = defs[0].id;
  const listeners: ((id: string) => void)[] = [];
  const buttons = defs.map((d) =>
    h('button', {
      type: 'button',
      role: 'tab',
      id: `tab-${d.id}`,
      dataset: { testid: `tab-${d.id}` },
      aria: { controls: `tabpanel-${d.id}`, selected: 'false' },
      tabindex: -1,
      on: { click: () => select(d.id, true) },
    }),
  );
  const wrappers = defs.map((d) =>
    h(
      'div',
      { role: 'tabpanel', id: `tabpanel-${d.id}`, tabindex: 0, hidden: true, aria: { labelledby: `tab-${d.id}` } },
      d.panel,
    ),
  );
  list.append(...buttons);
  panels.append(...wrappers);
  list.addEventListener('keydown', (ev) => {
    const i = defs.findIndex((d) => d.id === current);
    let j = i;
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') j = (i + 1) % defs.length;
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') j = (i - 1 + defs.length) % defs.length;
    else if (ev.key === 'Home') j = 0;
    else if (ev.key === 'End') j = defs.length - 1;
    else return;
    ev.preventDefault();
    select(defs[j].id, true);
  });
  function select(id: string, focus = false): void {
    current = id;
    defs.forEach((d, k) => {
      const on = d.id === id;
      buttons[k].setAttribute('aria-selected', String(on));
      buttons[k].tabIndex = on ? 0 : -1;
      wrappers[k].hidden = !on;
      if (on && focus) buttons[k].focus();
    });
    for (const fn of listeners) fn(id);
  }
  const relabel = () => defs.forEach((d, k) => (buttons[k].textContent = d.label()));
  relabel();
  select(current);
  return {
    el: h('div', { class: 'tabs' }, list, panels),
    select,
    current: () => current,
    relabel,
    onSelect: (fn) => listeners.push(fn),
  };
}
