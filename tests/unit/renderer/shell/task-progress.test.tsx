// @vitest-environment jsdom
// A long task's progress is polled four times a second: the bar shows the exact percent, while
// what screen readers hear (the polite status line and aria-valuetext) moves in steps of ten,
// rounded down, so a task is announced at most eleven times and never as further than it is.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BusyNote } from '../../../../renderer/src/shell/form/BusyNote';
import { TaskProgressBar } from '../../../../renderer/src/shell/form/TaskProgressBar';
import { announcedPercent, exactPercent } from '../../../../renderer/src/shell/task-percent';
import type { TaskProgress } from '../../../../shared/records/task-progress';

afterEach(cleanup);

describe('task percent', () => {
  it('is exact for the bar, clamped, and 0 while the total is unknown', () => {
    expect(exactPercent(3, 4)).toBe(75);
    expect(exactPercent(1, 3)).toBe(33);
    expect(exactPercent(0, 0)).toBe(0);
    expect(exactPercent(7, 5)).toBe(100);
  });

  it('is announced in tens, rounded down: 100 only when done', () => {
    expect([0, 9, 10, 75, 99, 100].map(announcedPercent)).toEqual([0, 0, 10, 70, 90, 100]);
  });
});

describe('TaskProgressBar', () => {
  it('fills to the exact percent but announces only each step of ten', () => {
    const at = (done: number): TaskProgress => ({
      operation: 'backup',
      phase: 'write',
      done,
      total: 100,
    });
    const { rerender } = render(<TaskProgressBar label="Backup progress" progress={at(0)} />);
    const bar = screen.getByRole('progressbar', { name: 'Backup progress' });
    const status = screen.getByRole('status');
    const said: string[] = [status.textContent];
    // Each change of the live region's DOM is an announcement.
    const observer = new MutationObserver(() => undefined);
    observer.observe(status, { childList: true, characterData: true, subtree: true });

    for (let done = 1; done <= 100; done += 1) {
      rerender(<TaskProgressBar label="Backup progress" progress={at(done)} />);
      if (observer.takeRecords().length > 0) said.push(status.textContent);
      const exact = done;
      // The bar: exact value and fill, styled from app.css (no inline geometry).
      expect(bar.getAttribute('aria-valuenow')).toBe(String(exact));
      expect(bar.style.getPropertyValue('--task-progress')).toBe(`${String(exact)}%`);
      expect(bar.getAttribute('aria-valuetext')).toBe(
        `Writing the backup file: ${String(Math.floor(exact / 10) * 10)} %`,
      );
    }
    observer.disconnect();
    expect(bar.className).toBe('task-progress');
    expect(bar.style.width).toBe('');
    // 100 polls, one announcement per step of ten.
    expect(said).toHaveLength(11);
    expect(said.at(-1)).toBe('Writing the backup file (100 %)');
    expect(said).not.toContain('Writing the backup file (55 %)');
  });
});

describe('BusyNote', () => {
  it('shows the exact count on the bar and says the percent in tens', () => {
    render(<BusyNote label="Registering the form numbers" done={57} total={100} />);
    const bar = screen.getByRole('progressbar', { name: 'Registering the form numbers' });
    expect(bar.getAttribute('value')).toBe('57');
    expect(screen.getByRole('status').textContent).toBe('Registering the form numbers (50 %)');
  });
});
