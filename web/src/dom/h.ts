/**
 * A tiny DOM builder. Text always goes through text nodes (never innerHTML), so names that contain markup are
 * shown as text. Attributes are set one by one; event handlers are attached with addEventListener.
 */

export type Child = Node | string | number | null | undefined | false;
type Handler = (ev: Event) => void;

export interface Attrs {
  class?: string;
  id?: string;
  text?: string;
  title?: string;
  role?: string;
  hidden?: boolean;
  disabled?: boolean;
  checked?: boolean;
  value?: string;
  type?: string;
  name?: string;
  for?: string;
  href?: string;
  tabindex?: number;
  dataset?: Record<string, string>;
  aria?: Record<string, string>;
  attrs?: Record<string, string>;
  /** Inline styles through the CSSOM (allowed by a strict CSP, unlike style attributes). */
  style?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, Handler>>;
}

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs.class) el.className = attrs.class;
  if (attrs.id) el.id = attrs.id;
  if (attrs.title) el.title = attrs.title;
  if (attrs.role) el.setAttribute('role', attrs.role);
  if (attrs.hidden) el.hidden = true;
  if (attrs.type) el.setAttribute('type', attrs.type);
  if (attrs.name) el.setAttribute('name', attrs.name);
  if (attrs.for) el.setAttribute('for', attrs.for);
  if (attrs.href !== undefined) el.setAttribute('href', attrs.href);
  if (attrs.tabindex !== undefined) el.tabIndex = attrs.tabindex;
  if (attrs.disabled !== undefined) (el as HTMLButtonElement).disabled = attrs.disabled;
  if (attrs.checked !== undefined) (el as HTMLInputElement).checked = attrs.checked;
  if (attrs.value !== undefined) (el as HTMLInputElement).value = attrs.value;
  for (const [k, v] of Object.entries(attrs.dataset ?? {})) el.dataset[k] = v;
  for (const [k, v] of Object.entries(attrs.aria ?? {})) el.setAttribute(`aria-${k}`, v);
  for (const [k, v] of Object.entries(attrs.attrs ?? {})) el.setAttribute(k, v);
  for (const [k, v] of Object.entries(attrs.style ?? {})) el.style.setProperty(k, v);
  for (const [k, fn] of Object.entries(attrs.on ?? {})) if (fn) el.addEventListener(k, fn);
  if (attrs.text !== undefined) el.textContent = attrs.text;
  append(el, children);
  return el;
}

/** Appends children (text as text nodes). */
export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces all children of an element. */
export function replace(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A safe link: only http(s) URLs become links; anything else is shown as text. */
export function safeLink(url: string, label: string): HTMLElement {
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) return h('span', { text: label });
  return h('a', { href: url, text: label, attrs: { target: '_blank', rel: 'noopener noreferrer' } });
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix: string): string => `${prefix}-${++idCounter}`;
