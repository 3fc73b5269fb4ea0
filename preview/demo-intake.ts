// The preview's demo recipient (issue 12): `npm run preview` runs the reference intake server on
// 127.0.0.1 and points Census and USKPA of its vault at it (the vault gateway's afterOpen hook;
// electron/core/submission/demo-recipients.ts), so a new user sees a copy go Pending → Delivered
// with a verified receipt. Nothing reaches Census or USKPA: the intake is a test server with its
// own test CA, and the app labels these recipients as the demo intake on this computer.
// The intake's test PKI is kept in <vault folder>/demo-intake/pki.json, so with a kept vault
// folder (--vault-dir) the receipts of earlier runs still verify against the pinned CA and the
// demo rows only follow the intake to its new port.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoIntake } from '../electron/core/submission/demo-recipients';
import type { VaultGatewayOptions } from '../electron/core/vault/vault-gateway';
import { createIntakePki } from './intake/intake-pki';
import type { IntakePki } from './intake/intake-pki';
import { startIntakeServer } from './intake/intake-server';

export type RunningDemoIntake = {
  /** The intake's address (https://127.0.0.1:<port>/v1/submissions). */
  url: string;
  afterOpen: NonNullable<VaultGatewayOptions['afterOpen']>;
  close: () => Promise<void>;
};

const DAY_MS = 86_400_000;

function isPki(value: unknown): value is IntakePki {
  if (typeof value !== 'object' || value === null) return false;
  const pairs = ['ca', 'server', 'client', 'receiptSigner', 'rogueCa', 'rogueServer'];
  return pairs.every((name) => {
    const pair = (value as Record<string, unknown>)[name];
    return (
      typeof pair === 'object' &&
      pair !== null &&
      typeof (pair as Record<string, unknown>).certPem === 'string' &&
      typeof (pair as Record<string, unknown>).keyPem === 'string'
    );
  });
}

/** The kept test PKI if it is still good for a month, else a new one (written for next time). */
function demoPki(dataDir: string, now: Date): IntakePki {
  const dir = join(dataDir, 'demo-intake');
  const file = join(dir, 'pki.json');
  if (existsSync(file)) {
    try {
      const kept: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isPki(kept)) {
        const leafEnd = new X509Certificate(kept.client.certPem).validTo;
        if (new Date(leafEnd).getTime() - now.getTime() > 30 * DAY_MS) return kept;
      }
    } catch {
      // A damaged file: replaced below by a new PKI (test keys, nothing of the licensee's).
    }
  }
  const pki = createIntakePki({ now });
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(pki)}\n`, { mode: 0o600 });
  return pki;
}

export async function startDemoIntake(dataDir: string): Promise<RunningDemoIntake> {
  const pki = demoPki(dataDir, new Date());
  const server = await startIntakeServer({ pki });
  const intake: DemoIntake = {
    url: server.url,
    caPem: pki.ca.certPem,
    clientCertPem: pki.client.certPem,
    clientKeyPem: pki.client.keyPem,
  };
  return {
    url: server.url,
    afterOpen: ({ desk, firstAdministratorId }) => {
      if (firstAdministratorId === null) desk.demoRecipients.follow(intake);
      else desk.demoRecipients.setUp(intake, firstAdministratorId);
    },
    close: () => server.close(),
  };
}
