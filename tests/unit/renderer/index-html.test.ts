// renderer/index.html carries the one CSP as a meta tag (for any host that forgets the header)
// and nothing inline that this CSP would block.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/serving/content-security-policy';

const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

describe('renderer/index.html', () => {
  it('has the CSP meta tag equal to the shared constant, less what a meta tag cannot carry', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    // CSP 3: frame-ancestors, report-uri and sandbox are ignored in a meta element (Chromium
    // logs an error for each); the headers of both hosts carry them.
    const headerOnly = /^(frame-ancestors|report-uri|sandbox)\b/;
    const expected = CONTENT_SECURITY_POLICY.split('; ')
      .filter((directive) => !headerOnly.test(directive))
      .join('; ');
    expect(meta?.[1]).toBe(expected);
    expect(expected).toContain("script-src 'self'");
  });

  it('is titled KP Desk', () => {
    expect(html).toContain('<title>KP Desk</title>');
  });

  it('has no inline script, inline style or style attribute', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
