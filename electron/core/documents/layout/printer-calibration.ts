// Per-printer calibration for printing onto USKPA's pre-printed forms: printers feed paper a few
// millimetres off and some scale slightly, so the overlay is shifted (and optionally scaled)
// before printing. Offsets are in PDF points (1 pt = 1/72 in ≈ 0.353 mm): positive offsetX moves
// the print right, positive offsetY moves it up. Scale is about the page's top-left corner,
// where the paper's leading edge and side guide meet. The settings that store these come later;
// their schema should use the same bounds.
import { concatTransformationMatrix, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import { AppFailure } from '../../app-failure';
import { PAGE_HEIGHT } from './form-positions';

export type PrinterCalibration = { offsetX: number; offsetY: number; scale?: number };

export const noCalibration: PrinterCalibration = { offsetX: 0, offsetY: 0 };

/** One inch either way: a printer further off than that needs repair, not calibration. */
export const MAX_OFFSET_PT = 72;
export const MIN_SCALE = 0.9;
export const MAX_SCALE = 1.1;

function check(calibration: PrinterCalibration): void {
  const fields: Record<string, string> = {};
  for (const key of ['offsetX', 'offsetY'] as const) {
    const value = calibration[key];
    if (!Number.isFinite(value) || Math.abs(value) > MAX_OFFSET_PT)
      fields[key] =
        `must be a number of points between -${String(MAX_OFFSET_PT)} and ${String(MAX_OFFSET_PT)}`;
  }
  const scale = calibration.scale ?? 1;
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE)
    fields.scale = `must be between ${String(MIN_SCALE)} and ${String(MAX_SCALE)}`;
  if (Object.keys(fields).length > 0)
    throw new AppFailure('INVALID_INPUT', 'The printer calibration is out of range.', fields);
}

/** Draws whatever `draw` puts on the page shifted and scaled by the calibration. */
export function withCalibration(
  page: PDFPage,
  calibration: PrinterCalibration,
  draw: () => void,
): void {
  check(calibration);
  const scale = calibration.scale ?? 1;
  // x' = s·x + offsetX; y' = s·y + (1 − s)·H + offsetY keeps the top-left corner in place.
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(
      scale,
      0,
      0,
      scale,
      calibration.offsetX,
      (1 - scale) * PAGE_HEIGHT + calibration.offsetY,
    ),
  );
  draw();
  page.pushOperators(popGraphicsState());
}
