// jsdom lays nothing out, so a scroll box is 0 px tall and a virtualised list shows no row. This
// gives the records list's scroll box the height it has in a browser window (about ten rows);
// everything else stays as jsdom has it.
import { afterAll, beforeAll } from 'vitest';

export function giveListboxAHeight(height = 440): void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'listbox' ? height : 0;
      },
    });
  });
  afterAll(() => {
    if (original !== undefined)
      Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  });
}
