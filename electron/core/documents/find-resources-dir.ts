// Where the certificate fonts are when no host said so: the packaged app ships them as extra
// resources (process.resourcesPath/fonts, electron-builder.yml); a development build, the CLI and
// the tests run from the repository, whose resources/ folder is an ancestor's child of their
// bundle (dist/<entry>/) or source file. The first folder that really holds the fonts wins; none
// is an installation error the caller reports.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FONT = join('fonts', 'DejaVuSans.ttf');
const MAX_LEVELS = 6;

const holdsFonts = (dir: string | undefined): dir is string =>
  dir !== undefined && existsSync(join(dir, FONT));

export function findResourcesDir(
  explicit: string | undefined,
  startDir: string,
): string | undefined {
  if (holdsFonts(explicit)) return explicit;
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (holdsFonts(packaged)) return packaged;
  for (let dir = startDir, level = 0; level < MAX_LEVELS; level += 1) {
    if (holdsFonts(join(dir, 'resources'))) return join(dir, 'resources');
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
