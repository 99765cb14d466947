/**
 * What every panel offers: its element, render() that rebuilds it (language change), and optionally update()
 * that refreshes what depends on state, graph or analysis without losing what the user is typing.
 */
export interface Panel {
  el: HTMLElement;
  render(): void;
  update?(): void;
}
