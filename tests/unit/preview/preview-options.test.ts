import { describe, expect, it } from 'vitest';
import { choosePort } from '../../../preview/preview-options';

describe('choosePort', () => {
  it('defaults to 0, a free port', () => {
    expect(choosePort([], {})).toEqual({ ok: true, port: 0 });
    expect(choosePort([], { KP_PREVIEW_PORT: '' })).toEqual({ ok: true, port: 0 });
  });

  it('reads --port N, --port=N and KP_PREVIEW_PORT, the option first', () => {
    expect(choosePort(['--port', '43123'], {})).toEqual({ ok: true, port: 43123 });
    expect(choosePort(['--port=8080'], {})).toEqual({ ok: true, port: 8080 });
    expect(choosePort([], { KP_PREVIEW_PORT: '5000' })).toEqual({ ok: true, port: 5000 });
    expect(choosePort(['--port', '6000'], { KP_PREVIEW_PORT: '5000' })).toEqual({
      ok: true,
      port: 6000,
    });
  });

  it.each([
    ['--port'],
    ['--port', '-1'],
    ['--port', '65536'],
    ['--port', '80x'],
    ['--port=1e3'],
    ['--host', 'x'],
  ])('refuses %j', (...argv) => {
    expect(choosePort(argv, {}).ok).toBe(false);
  });

  it('refuses a bad KP_PREVIEW_PORT', () => {
    expect(choosePort([], { KP_PREVIEW_PORT: 'eighty' })).toMatchObject({ ok: false });
  });
});
