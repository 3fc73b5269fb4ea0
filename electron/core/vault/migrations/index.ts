// Every migration, registered explicitly in order (never found by scanning a directory, which
// breaks inside an asar bundle). Add a new one at the end with the next multiple of ten.
import { migration0010 } from './0010-initial-schema';
import { migration0020 } from './0020-list-filter-index';
import type { Migration } from './migration';

export const migrations: readonly Migration[] = [migration0010, migration0020];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
