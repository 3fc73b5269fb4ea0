// Maps a request's URL path to a file inside the built renderer (dist/renderer), for the app://
// protocol handler and the preview host. Every request path is hostile until proven otherwise:
// it may only name an existing regular file under `root`, after one percent-decoding, with no
// "..", no backslash, no NUL, no drive letter or absolute path, and no symlink leading outside.
import { realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep, win32 } from 'node:path';

const INDEX = 'index.html';

/** True when `candidate` is `root` itself or lies below it (both absolute, normalised). */
function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep));
}

function decodeOnce(pathname: string): string | null {
  try {
    // Decoded exactly once: "%252e%252e" stays "%2e%2e", a harmless literal name.
    return decodeURIComponent(pathname);
  } catch {
    return null; // malformed escapes such as "%E0%A4%A"
  }
}

/**
 * The absolute path of the file a request for `urlPathname` may read, or null when the path is
 * malformed, tries to leave `root`, or names no regular file. `root` need not be normalised.
 */
export function resolveStaticPath(root: string, urlPathname: string): string | null {
  // Raw backslashes and NULs are refused before decoding as well as after: Windows treats "\"
  // as a separator, and a NUL truncates paths in native code.
  if (!urlPathname.startsWith('/') || /[\\\0]/.test(urlPathname)) return null;
  const decoded = decodeOnce(urlPathname);
  if (decoded === null || /[\\\0:]/.test(decoded)) return null; // ":" = drive letters, ADS
  // eslint-disable-next-line no-control-regex -- control characters have no place in a file name
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return null;

  const relativePart = decoded === '/' ? INDEX : decoded.slice(1);
  const segments = relativePart.split('/');
  // "//etc/passwd" would be absolute after the leading slash; "." and ".." are never needed.
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  if (isAbsolute(relativePart) || win32.isAbsolute(relativePart)) return null;

  const absoluteRoot = resolve(root);
  const candidate = resolve(absoluteRoot, ...segments);
  if (!isInside(absoluteRoot, candidate)) return null;

  try {
    // A symlink inside dist/ must not lead outside it: compare real paths.
    const realRoot = realpathSync(absoluteRoot);
    const realFile = realpathSync(candidate);
    if (!isInside(realRoot, realFile) || !statSync(realFile).isFile()) return null;
  } catch {
    return null; // does not exist, or cannot be read
  }
  return candidate;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file vite emits; unknown types are served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
