// The window opens where it was left (a per-computer preference, issue 16): its size and place
// are saved when it moves or resizes (debounced) and when it closes, and restored at start only
// if they still fall on a connected display (a laptop taken off its second screen).
import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';
import type { WindowBounds } from '../../shared/preferences/preferences-schema';
import type { PreferencesService } from '../core/preferences/preferences-service';
import type { Logger } from './logger';

/** The saved bounds when a display still shows most of them; undefined otherwise. */
export function restorableBounds(saved: WindowBounds | null): Rectangle | undefined {
  if (saved === null) return undefined;
  const visible = screen.getAllDisplays().some(({ workArea }) => {
    const width =
      Math.min(saved.x + saved.width, workArea.x + workArea.width) - Math.max(saved.x, workArea.x);
    const height =
      Math.min(saved.y + saved.height, workArea.y + workArea.height) -
      Math.max(saved.y, workArea.y);
    return width >= 200 && height >= 100;
  });
  return visible ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : undefined;
}

export function rememberWindowBounds(
  window: BrowserWindow,
  preferences: PreferencesService,
  log: Logger,
): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.getNormalBounds();
    try {
      preferences.save({ window: { ...bounds, maximized: window.isMaximized() } });
    } catch (error: unknown) {
      // A window smaller than the schema allows (never by the app's own minimum) is not kept.
      log.error('the window size and place could not be saved', error);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
