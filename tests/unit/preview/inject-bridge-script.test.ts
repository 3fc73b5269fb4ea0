import { describe, expect, it } from 'vitest';
import { BRIDGE_SCRIPT_TAG, injectBridgeScript } from '../../../preview/static-files';

describe('injectBridgeScript', () => {
  it('puts the bridge client before the first module script, once', () => {
    const html =
      '<head><title>KP Desk</title><script type="module" crossorigin src="/assets/a.js"></script>' +
      '<script type="module" src="/assets/b.js"></script></head>';
    const out = injectBridgeScript(html);
    expect(out.indexOf(BRIDGE_SCRIPT_TAG)).toBeLessThan(out.indexOf('/assets/a.js'));
    expect(out.split(BRIDGE_SCRIPT_TAG).length).toBe(2);
    expect(out.replace(`${BRIDGE_SCRIPT_TAG}\n    `, '')).toBe(html);
  });

  it('refuses a page without a module script: the app could start before window.kp exists', () => {
    expect(() => injectBridgeScript('<head><script src="/a.js"></script></head>')).toThrow(
      /module script/,
    );
  });
});
