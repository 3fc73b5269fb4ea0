// resolveStaticPath maps request paths of app://kpdesk (and the preview host) to files. Real
// files and symlinks in a temporary folder: a secret sits next to the served root, and every
// trick below tries to reach it.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentTypeFor,
  resolveStaticPath,
} from '../../../electron/core/serving/resolve-static-path';

let base = '';
let root = '';

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'kpdesk-static-')));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'a b.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'vault key');
  writeFileSync(join(base, 'outside', 'secret.txt'), 'vault key');
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(join(base, 'outside'), join(root, 'linkdir'));
  symlinkSync(join(root, 'index.html'), join(root, 'alias.html'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('resolveStaticPath serves the files of the root', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app.js', join('assets', 'app.js')],
    ['/assets/a%20b.css', join('assets', 'a b.css')],
    ['/alias.html', 'alias.html'],
  ])('%s', (pathname, file) => {
    expect(resolveStaticPath(root, pathname)).toBe(join(root, file));
  });

  it('accepts a root given with a trailing separator or dot segments', () => {
    expect(resolveStaticPath(`${root}${sep}`, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(join(root, 'assets', '..'), '/index.html')).toBe(
      join(root, 'index.html'),
    );
  });
});

describe('resolveStaticPath refuses', () => {
  it.each([
    // traversal
    ['parent segment', '/../secret.txt'],
    ['nested parent segments', '/assets/../../secret.txt'],
    ['a parent segment that stays inside', '/assets/../index.html'],
    ['a dot segment', '/./index.html'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['upper-case encoded dots', '/%2E%2E/secret.txt'],
    ['mixed encoded dots', '/.%2e/secret.txt'],
    ['encoded dots, nested', '/assets/%2e%2e/%2e%2e/secret.txt'],
    ['encoded slash after dots', '/..%2fsecret.txt'],
    ['fully encoded traversal', '/%2e%2e%2fsecret.txt'],
    ['double-encoded traversal (decoded once only)', '/%252e%252e/secret.txt'],
    ['overlong UTF-8 dot', '/%c0%ae%c0%ae/secret.txt'],
    // backslashes
    ['raw backslash traversal', '/..\\secret.txt'],
    ['encoded backslash traversal', '/%5c..%5csecret.txt'],
    ['backslash as separator', '/assets\\app.js'],
    // NUL and control characters
    ['encoded NUL', '/index.html%00.js'],
    ['raw NUL', '/index.html\u0000'],
    ['encoded newline', '/index.html%0a'],
    // absolute paths and drive letters
    ['an empty first segment', '//etc/passwd'],
    ['an encoded absolute path', '/%2fetc%2fpasswd'],
    ['a drive letter', '/C:/Windows/win.ini'],
    ['a drive letter with backslash', '/C:%5cWindows%5cwin.ini'],
    ['an NTFS stream', '/index.html::$DATA'],
    ['no leading slash', 'index.html'],
    ['an absolute file path', join(base, 'secret.txt')],
    // malformed escapes
    ['a truncated escape', '/%E0%A4%A'],
    ['a lone percent', '/%'],
    // symlinks leading outside
    ['a symlinked file outside the root', '/leak.txt'],
    ['a file in a symlinked folder outside the root', '/linkdir/secret.txt'],
    // not a regular file
    ['a folder', '/assets'],
    ['a folder with a trailing slash', '/assets/'],
    ['a missing file', '/missing.js'],
  ])('%s (%s)', (_name, pathname) => {
    expect(resolveStaticPath(root, pathname)).toBeNull();
  });

  it('never answers a path outside the real root, whatever the request', () => {
    const pieces = [
      '..',
      '.',
      '%2e',
      '%2E',
      '%2f',
      '%5c',
      '%00',
      '%25',
      '/',
      '\\',
      ':',
      'assets',
      'index.html',
      'app.js',
      'secret.txt',
      'leak.txt',
      'linkdir',
      'outside',
      'renderer',
    ];
    const request = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 8 })
      .map((parts) => `/${parts.join('')}`);
    fc.assert(
      fc.property(request, (pathname) => {
        const resolved = resolveStaticPath(root, pathname);
        if (resolved === null) return;
        const rel = relative(root, realpathSync(resolved));
        expect(rel.startsWith('..')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['assets/INDEX.JS', 'text/javascript; charset=utf-8'],
    ['assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/logo.png', 'image/png'],
    ['assets/index.js.map', 'application/json; charset=utf-8'],
    ['payload.exe', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
