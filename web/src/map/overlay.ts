/**
 * A 2D canvas over the map that draws the missing ties of a gap finding as dashed lines. They are not edges of
 * the graph (they do not exist yet), so they live in their own layer and never touch the data.
 */
import type Sigma from 'sigma';
import type { AppContext } from '../app/context.js';
import { MISSING_TIE } from '../look/look.js';

export class MissingTiesOverlay {
  private readonly canvas: HTMLCanvasElement;
  private drawn = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly sigma: Sigma,
    container: HTMLElement,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'missing-ties';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.appendChild(this.canvas);
    sigma.on('afterRender', () => this.draw());
    sigma.on('resize', () => this.draw());
  }

  draw(): void {
    const ties = this.ctx.finding?.missingTies ?? [];
    // Nothing to draw and nothing to clear: skip (this runs after every frame sigma draws).
    if (ties.length === 0 && !this.drawn) return;
    this.drawn = ties.length > 0;
    const { width, height } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    const c = this.canvas.getContext('2d');
    if (!c) return;
    c.setTransform(ratio, 0, 0, ratio, 0, 0);
    c.clearRect(0, 0, width, height);
    const g = this.ctx.graph;
    if (!g || ties.length === 0) return;
    c.strokeStyle = MISSING_TIE;
    c.lineWidth = 3;
    c.setLineDash([9, 6]);
    for (const tie of ties) {
      if (!g.hasNode(tie.from) || !g.hasNode(tie.to)) continue;
      const a = this.sigma.graphToViewport({
        x: g.getNodeAttribute(tie.from, 'x') as number,
        y: g.getNodeAttribute(tie.from, 'y') as number,
      });
      const b = this.sigma.graphToViewport({
        x: g.getNodeAttribute(tie.to, 'x') as number,
        y: g.getNodeAttribute(tie.to, 'y') as number,
      });
      c.beginPath();
      c.moveTo(a.x, a.y);
      c.lineTo(b.x, b.y);
      c.stroke();
    }
  }
}
