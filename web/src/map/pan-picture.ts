/**
 * While the map is dragged, move the picture sigma last drew (a CSS translate of its canvases) instead of redrawing
 * it every frame; sigma redraws once the camera has been still for PAUSE_MS or the zoom changes. Under software
 * WebGL (SwiftShader) each drawn item (node, tie, label glyph) costs about a tenth of a millisecond per frame, so a
 * 10k map cannot be redrawn 30 times a second; moving a finished picture costs the same at any size. Parts of the
 * map that enter the view during a drag are drawn when it pauses or ends.
 */
import type Sigma from 'sigma';

const PAUSE_MS = 400;
/** Maps drawing more items (nodes + drawn ties) than this pan by moving the drawn picture. */
export const PAN_PICTURE_ITEMS = 300;

/** Sigma's private render machinery we hook into (sigma 4.0). */
interface SigmaRender {
  render: () => Sigma;
  renderFrame: number | null;
}

export class PanPicture {
  /** The graph point drawn at the view's top-left corner when the drag started; null when not moving a picture. */
  private origin: { x: number; y: number } | null = null;
  private ratio = 1;
  private mouseDown = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly renderNow: () => Sigma;

  constructor(
    private readonly sigma: Sigma,
    /** The canvases that move with the picture (sigma's stage and our overlays). */
    private readonly layers: () => HTMLElement[],
    /** Whether this map is worth it (drawing it takes longer than a frame). */
    private readonly enabled: () => boolean,
  ) {
    const r = sigma as unknown as SigmaRender;
    this.renderNow = r.render.bind(sigma);
    r.render = () => {
      if (!this.origin) return this.renderNow();
      r.renderFrame = null; // sigma schedules its next frame only when this is cleared
      this.translate();
      return sigma;
    };
    sigma.getContainer().style.overflow = 'hidden';
    const captor = sigma.getMouseCaptor();
    captor.on('mousedown', () => (this.mouseDown = true));
    captor.on('mouseup', () => (this.mouseDown = false));
    sigma.getCamera().on('updated', (st) => this.cameraMoved(st.ratio));
  }

  /** Whether a picture is being moved right now (for tests and the bench). */
  get active(): boolean {
    return this.origin !== null;
  }

  private cameraMoved(ratio: number): void {
    if (this.origin && ratio !== this.ratio) {
      this.finish(); // a zoom: the picture no longer fits, draw for real
      return;
    }
    if (!this.origin) {
      if (!this.mouseDown || !this.enabled()) return;
      // The camera has already moved by this first step; the picture on screen was drawn before it.
      const prev = this.sigma.getCamera().getPreviousState();
      if (!prev || prev.ratio !== ratio) return;
      this.ratio = ratio;
      this.origin = this.sigma.viewportToGraph({ x: 0, y: 0 }, { cameraState: prev });
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.finish(), PAUSE_MS);
  }

  private translate(): void {
    if (!this.origin) return;
    const p = this.sigma.graphToViewport(this.origin);
    const t = `translate(${p.x}px, ${p.y}px)`;
    for (const el of this.layers()) el.style.transform = t;
  }

  /** Back to drawing: drop the translation and draw the current view in the same frame. */
  finish(): void {
    clearTimeout(this.timer);
    if (!this.origin) return;
    this.origin = null;
    for (const el of this.layers()) el.style.transform = '';
    this.renderNow();
  }
}
