// Every migration, registered explicitly in order (never found by scanning a directory, which
// breaks inside an asar bundle). Add a new one at the end with the next multiple of ten.
import { migration0010 } from './0010-initial-schema';
import { migration0020 } from './0020-list-filter-index';
import { migration0030 } from './0030-audit-and-list-covering-indexes';
import { migration0040 } from './0040-settings-and-blank-voids';
import { migration0050 } from './0050-signing-identity';
import { migration0060 } from './0060-issued-expiry-index';
import { migration0070 } from './0070-signature-levels';
import { migration0080 } from './0080-trusted-certificates';
import { migration0095 } from './0095-audit-stock-batches-and-signature-levels';
import { migration0110 } from './0110-submission-delivery';
import { migration0120 } from './0120-submission-recipients';
import { migration0130 } from './0130-issue-references';
import { migration0150 } from './0150-statistics-index';
import { migration0175 } from './0175-certificate-text-search-index';
import { migration0180 } from './0180-submission-mail-channel';
import { migration0200 } from './0200-audit-log-indexes';
import { migration0210 } from './0210-protected-signing-keys';
import { migration0220 } from './0220-audit-verified-heads';
import { migration0230 } from './0230-submission-recipient-demo';
import { migration0240 } from './0240-audit-package-exports';
import { migration0245 } from './0245-record-imports';
import { migration0250 } from './0250-incoming-certificates';
import { migration0260 } from './0260-compact-audit-events';
import { migration0265 } from './0265-outbox-lean-indexes';
import { migration0270 } from './0270-submission-mail-implicit-tls';
import { migration0271 } from './0271-outbox-delivery-lease';
import { migration0280 } from './0280-shipment-templates';
import { migration0285 } from './0285-attachment-metadata-index';
import { migration0295 } from './0295-signing-key-replacements';
import { migration0300 } from './0300-outbox-without-certificate-index';
import { migration0310 } from './0310-stock-by-batch-index';
import type { Migration } from './migration';

export const migrations: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0095,
  migration0110,
  migration0120,
  migration0130,
  migration0150,
  migration0175,
  migration0180,
  migration0200,
  migration0210,
  migration0220,
  migration0230,
  migration0240,
  migration0245,
  migration0250,
  migration0260,
  migration0265,
  migration0270,
  migration0271,
  migration0280,
  migration0285,
  migration0295,
  migration0300,
  migration0310,
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
