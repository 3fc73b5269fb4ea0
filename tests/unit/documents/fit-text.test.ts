import { describe, expect, it } from 'vitest';
import { wrapRun } from '../../../electron/core/documents/layout/fit-text';
import {
  formBoxes,
  formPositions,
  PAGE_HEIGHT,
  PAGE_WIDTH,
} from '../../../electron/core/documents/layout/form-positions';

// A monospaced measure: every character is 1 unit wide.
const measure = (text: string): number => Array.from(text).length;
const run = (text: string) => ({ text, weight: 'regular' as const, source: 'test' });

describe('wrapping', () => {
  it('breaks at spaces and keeps every word', () => {
    expect(wrapRun(run('Schupstraat 21 2018 Antwerpen Belgium'), 14, measure)).toEqual([
      'Schupstraat 21',
      '2018 Antwerpen',
      'Belgium',
    ]);
  });

  it('splits a word longer than the line between characters', () => {
    expect(wrapRun(run('mail: orders@diamonds.example'), 10, measure)).toEqual([
      'mail:',
      'orders@dia',
      'monds.exam',
      'ple',
    ]);
  });

  it('collapses runs of whitespace', () => {
    expect(wrapRun(run('  a \t b  '), 10, measure)).toEqual(['a b']);
  });
});

describe('the form positions', () => {
  it('keep every value inside its labelled box and every box on the page', () => {
    for (const [key, { rect }] of Object.entries(formBoxes)) {
      const value = formPositions[key as keyof typeof formBoxes];
      expect(rect.x).toBeGreaterThanOrEqual(36);
      expect(rect.x + rect.width).toBeLessThanOrEqual(PAGE_WIDTH - 36);
      expect(rect.y + rect.height).toBeLessThanOrEqual(PAGE_HEIGHT);
      expect(value.x).toBeGreaterThan(rect.x);
      expect(value.x + value.width).toBeLessThan(rect.x + rect.width);
      expect(value.y).toBeLessThan(rect.y + rect.height);
      expect(value.y - value.height).toBeGreaterThanOrEqual(rect.y);
    }
  });

  it('do not let two boxes overlap', () => {
    const rects = Object.values(formBoxes).map((box) => box.rect);
    for (const [i, a] of rects.entries())
      for (const b of rects.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
  });
});
