// parseExternalUrl decides what shell.openExternal may receive, and isAppOrigin what counts as
// the app's own page. Both are fed hostile input here: every entry below must be refused.
import { describe, expect, it } from 'vitest';
import { isAppOrigin, parseExternalUrl } from '../../../electron/core/security/external-url';

const accepted = [
  'https://www.kimberleyprocess.com/',
  'https://www.ecfr.gov/current/title-31/subtitle-B/chapter-V/part-592',
  'https://ofac.treasury.gov/faqs/topic/1581?page=2#answer',
  'HTTPS://WWW.USKPA.ORG/',
  'mailto:certificates@uskpa.org',
  'mailto:certificates@uskpa.org?subject=Certificate%20US12345&body=Please%20confirm',
  'mailto:a@example.com,b@example.org?cc=c@example.net',
];

const refused: [string, unknown][] = [
  // schemes that run code, read files or reach other handlers
  ['javascript:', 'javascript:alert(1)'],
  ['mixed-case javascript:', 'JaVaScRiPt:alert(document.cookie)'],
  ['javascript: dressed as a host', 'javascript://www.example.com/%0Aalert(1)'],
  ['file:', 'file:///etc/passwd'],
  ['file: to a share', 'file://server/share/setup.exe'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['blob:', 'blob:https://example.com/0f1e2d3c'],
  ['http:', 'http://www.kimberleyprocess.com/'],
  ['ftp:', 'ftp://example.com/file'],
  ['smb:', 'smb://server/share'],
  ['ms-msdt: handler', 'ms-msdt:/id PCWDiagnostic /skip force'],
  ['search-ms: handler', 'search-ms:query=invoice&crumb=location:\\\\evil\\share'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['about:', 'about:blank'],
  ['chrome:', 'chrome://settings'],
  ['the app itself', 'app://kpdesk/index.html'],
  // look-alike schemes and shapes the URL parser would repair
  ['https; instead of https:', 'https;//example.com/'],
  ['https without slashes', 'https:example.com'],
  ['https with one slash', 'https:/example.com'],
  ['https with four slashes', 'https:////example.com/'],
  ['backslashes', 'https:\\\\example.com\\'],
  ['hxxps', 'hxxps://example.com/'],
  ['encoded scheme separator', 'https%3A//example.com/'],
  ['scheme-relative', '//example.com/'],
  ['no scheme', 'www.example.com'],
  // user info hides the real host
  ['user info before the host', 'https://treasury.gov@evil.example/'],
  ['user and password', 'https://user:secret@example.com/'],
  ['empty user info', 'https://@example.com/'],
  ['encoded @ in the host', 'https://treasury.gov%40evil.example/'],
  // UNC-ish, local and numeric hosts
  ['a UNC path', '\\\\server\\share\\file.txt'],
  ['a bare intranet name', 'https://fileserver/share'],
  ['localhost', 'https://localhost/'],
  ['IPv4 literal', 'https://127.0.0.1/'],
  ['numeric IPv4 in hex', 'https://0x7f000001/'],
  ['numeric IPv4 as an integer', 'https://2130706433/'],
  ['IPv6 literal', 'https://[::1]/'],
  ['an explicit port', 'https://example.com:8443/'],
  ['a trailing dot', 'https://example.com./'],
  // whitespace, control and invisible characters
  ['leading space', ' https://example.com/'],
  ['trailing space', 'https://example.com/ '],
  ['leading tab', '\thttps://example.com/'],
  ['tab inside the host', 'https://exa\tmple.com/'],
  ['newline inside the scheme', 'ht\ntps://example.com/'],
  ['trailing newline', 'https://example.com/\n'],
  ['NUL', 'https://example.com/\u0000.exe'],
  ['DEL', 'https://example.com/\u007f'],
  ['zero-width space in the host', 'https://ex\u200bample.com/'],
  ['Cyrillic look-alike host', 'https://ex\u0430mple.com/'],
  ['right-to-left override', 'https://example.com/\u202egpj.exe'],
  ['non-breaking space', 'https://example.com/\u00a0'],
  // mailto: that is not a plain message
  ['mailto without address', 'mailto:'],
  ['mailto with only a subject', 'mailto:?subject=hello'],
  ['mailto with attach=', 'mailto:a@example.com?attach=/etc/passwd'],
  ['mailto with Attachment=', 'mailto:a@example.com?Attachment=~/.ssh/id_rsa'],
  ['mailto with header injection', 'mailto:a@example.com%0D%0ABcc:x@evil.example'],
  ['mailto that is not an address', 'mailto:not-an-address'],
  ['mailto with slashes', 'mailto://evil.example/'],
  ['mailto with a bad escape', 'mailto:a%E0%A4%A@example.com'],
  // not a string at all, or too long
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['an object with href', { href: 'https://example.com/' }],
  ['a URL object', new URL('https://example.com/')],
  ['an array', ['https://example.com/']],
  ['the empty string', ''],
  ['an over-long URL', `https://example.com/${'a'.repeat(3000)}`],
];

describe('parseExternalUrl', () => {
  it.each(accepted)('accepts %s', (value) => {
    expect(parseExternalUrl(value)?.href).toBe(new URL(value).href);
  });

  it.each(refused)('refuses %s', (_name, value) => {
    expect(parseExternalUrl(value)).toBeNull();
  });

  it('never throws, whatever the input', () => {
    const odd = ['%', 'https://%', 'mailto:%', 'https://[', '\ud800', 'https://a.b/\ud800'];
    for (const value of odd) expect(() => parseExternalUrl(value)).not.toThrow();
  });
});

describe('isAppOrigin', () => {
  it.each([
    'app://kpdesk/index.html',
    'app://kpdesk/',
    'app://kpdesk',
    'app://kpdesk/assets/x.js?v=1#f',
  ])('accepts %s', (url) => {
    expect(isAppOrigin(url)).toBe(true);
  });

  it.each([
    'app://kpdesk.evil/',
    'app://evil.kpdesk/',
    'app://kpdesk@evil/',
    'app://user@kpdesk/',
    'app://kpdesk:1/',
    'app://other/',
    'apps://kpdesk/',
    'https://kpdesk/',
    'file:///kpdesk/index.html',
    'app:kpdesk',
    'app:///kpdesk/',
    'kpdesk',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppOrigin(url)).toBe(false);
  });
});
