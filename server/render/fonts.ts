import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Folders where the map's font (DejaVu Sans, as the SVG asks for) may be; the first that has it is used. */
const FONT_DIRS = [process.env.AKTORSATLAS_FONT_DIR, '/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu'];

/** DejaVu Sans regular and bold, when installed; otherwise an empty list (the system fonts are still tried). */
export function dejaVuFiles(): string[] {
  for (const dir of FONT_DIRS) {
    if (!dir) continue;
    const regular = join(dir, 'DejaVuSans.ttf');
    if (existsSync(regular)) return [regular, join(dir, 'DejaVuSans-Bold.ttf')].filter((f) => existsSync(f));
  }
  return [];
}
