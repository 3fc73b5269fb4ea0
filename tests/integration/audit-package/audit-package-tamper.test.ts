// Any change to an audit package is detected and named (issue 14): the wrong passphrase, a byte
// flipped in the ciphertext, a file cut short, an entry replaced (with and without a recomputed
// manifest), removed or added, a manifest re-signed by another key, a chain cut short and
// re-signed with the licensee's own key. The altered packages are made by package-surgery.ts
// (node:crypto and the system's tar, from the documented format), not by the code under test.
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedAuditPackage } from '../../../electron/core/audit-package/open-audit-package';
import { openAuditPackage } from '../../../electron/core/audit-package/open-audit-package';
import type { AuditPackageManifest } from '../../../electron/core/audit-package/package-format';
import { CHUNK_BYTES } from '../../../electron/core/audit-package/package-format';
import { buildSignedData } from '../../../electron/core/documents/signing/cms-signed-data';
import { generateSigningIdentity, toPem } from '../../../electron/core/documents/signing/identity';
import { cmsSignerOf } from '../../../electron/core/documents/signing/sign-pdf';
import { createIdentityRepository } from '../../../electron/core/vault/repositories/identity-repository';
import { AppFailure } from '../../../electron/core/app-failure';
import type { PackageWorld } from './package-world';
import { PACKAGE_PASSPHRASE, openPackageWorld } from './package-world';
import { decryptPackage, extractArchive, rewritePackage } from './package-surgery';

let world: PackageWorld;
beforeAll(async () => {
  world = await openPackageWorld();
}, 180_000);
afterAll(async () => {
  await world.close();
});

let counter = 0;
const target = (): string => {
  counter += 1;
  return join(world.vault.dir, `altered-${String(counter)}.kpdesk-audit`);
};

async function open(file: string, passphrase = PACKAGE_PASSPHRASE): Promise<OpenedAuditPackage> {
  return openAuditPackage(file, passphrase, {
    trustAnchorsDer: [world.licenseeCertificateDer],
    now: () => world.vault.clock.now,
  });
}

async function refusal(file: string, passphrase = PACKAGE_PASSPHRASE) {
  try {
    const opened = await open(file, passphrase);
    opened.vault.close();
  } catch (error: unknown) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('the altered package was opened');
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Recomputes the manifest's entry for `name` after its file changed. */
function recomputeManifest(dir: string, names: readonly string[]): Buffer {
  const manifest = JSON.parse(
    readFileSync(join(dir, 'manifest.json'), 'utf8'),
  ) as AuditPackageManifest;
  manifest.entries = manifest.entries
    .filter((entry) => names.includes(entry.name))
    .map((entry) => {
      const bytes = readFileSync(join(dir, entry.name));
      return { name: entry.name, size: bytes.length, sha256: sha256(bytes) };
    });
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'manifest.json'), bytes);
  return bytes;
}

function licenseeSigner() {
  const stored = createIdentityRepository(world.vault.db, () => world.vault.clock.now).active();
  if (stored === null) throw new Error('no identity');
  const keys = documentOperationsFor(world.vault.db, {
    now: () => world.vault.clock.now,
    resourcesDir: undefined,
  }).signingKeys;
  return cmsSignerOf({
    privateKeyPkcs8Der: keys.openForSigning(stored.wrappedPrivateKey, 'signing_identity'),
    certificateChainDer: stored.identity.certificateChainDer,
  });
}

/** Changes the certificates' records: one certificate's carats. */
function changeCarats(dir: string): void {
  const path = join(dir, 'records/certificates.json');
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(/"carat_hundredths":(\d+)/, (_m, n: string) => {
    return `"carat_hundredths":${String(Number(n) + 100)}`;
  });
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
}

describe('audit package tamper detection', () => {
  it('tells the wrong passphrase apart from altered bytes', async () => {
    const wrong = await refusal(world.file, 'not the passphrase at all');
    expect(wrong.code).toBe('AUDIT_PACKAGE_PASSPHRASE_WRONG');
    expect(wrong.message).toMatch(/passphrase does not open records.kpdesk-audit/);

    const bytes = readFileSync(world.file);
    const flipped = Buffer.from(bytes);
    const at = Math.floor(bytes.length / 2);
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    const file = target();
    writeFileSync(file, flipped);
    const altered = await refusal(file);
    expect(altered.code).toBe('AUDIT_PACKAGE_INVALID');
    expect(altered.fields).toEqual({ check: 'decryption' });
    const range =
      /part (\d+) of (\d+) \(bytes (\d+)–(\d+) of the file\) fails its authentication\. The passphrase is right/.exec(
        altered.message,
      );
    expect(range, altered.message).not.toBeNull();
    expect(Number(range?.[3])).toBeLessThanOrEqual(at);
    expect(Number(range?.[4])).toBeGreaterThanOrEqual(at);
  });

  it('names a file cut short, at a part boundary or inside the last part', async () => {
    const bytes = readFileSync(world.file);
    const headerLength = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    // The package of the test world is more than one part (a part is 1 MiB + its 16-byte tag).
    expect(bytes.length).toBeGreaterThan(headerLength + CHUNK_BYTES + 16);
    const atBoundary = target();
    writeFileSync(atBoundary, bytes.subarray(0, headerLength + CHUNK_BYTES + 16));
    const cut = await refusal(atBoundary);
    expect(cut.fields).toEqual({ check: 'decryption' });
    expect(cut.message).toMatch(/was cut short: its last part \(after byte \d+\) is missing/);

    const inside = target();
    writeFileSync(inside, bytes.subarray(0, bytes.length - 700));
    const partial = await refusal(inside);
    expect(partial.fields).toEqual({ check: 'decryption' });
    expect(partial.message).toMatch(/altered or cut short: its last part, part 2 of 2/);
  });

  it('names an entry replaced without touching the manifest', async () => {
    const file = target();
    rewritePackage(world.file, file, PACKAGE_PASSPHRASE, (dir, names) => {
      changeCarats(dir);
      return names;
    });
    const found = await refusal(file);
    expect(found.fields).toEqual({ check: 'entries' });
    expect(found.message).toMatch(
      /The entry records\/certificates.json is not the one the manifest's signature covers/,
    );
  });

  it('finds an entry replaced with a recomputed manifest hash but the old signature', async () => {
    const file = target();
    rewritePackage(world.file, file, PACKAGE_PASSPHRASE, (dir, names) => {
      changeCarats(dir);
      recomputeManifest(dir, names);
      return names;
    });
    const found = await refusal(file);
    expect(found.fields).toEqual({ check: 'signature' });
    expect(found.message).toMatch(/manifest was changed after it was signed/);
  });

  it('names an entry removed and an entry added', async () => {
    const removed = target();
    let document = '';
    rewritePackage(world.file, removed, PACKAGE_PASSPHRASE, (_dir, names) => {
      document = names.find((name) => name.startsWith('documents/')) ?? '';
      return names.filter((name) => name !== document);
    });
    const missing = await refusal(removed);
    expect(missing.fields).toEqual({ check: 'entries' });
    expect(missing.message).toContain(
      `The entry ${document} named in the signed manifest is missing`,
    );

    const added = target();
    rewritePackage(world.file, added, PACKAGE_PASSPHRASE, (dir, names) => {
      writeFileSync(join(dir, 'records/extra.json'), '[]\n');
      return [...names.slice(0, 2), 'records/extra.json', ...names.slice(2)];
    });
    const extra = await refusal(added);
    expect(extra.fields).toEqual({ check: 'entries' });
    expect(extra.message).toContain('The entry records/extra.json is not in the signed manifest');
  });

  it('names entries rearranged: a document moved before the records of its attachment', async () => {
    // The opener takes each document's attachment digest as the document passes (its row comes
    // first in format 1); a package whose entries were moved is refused, not misread.
    const file = target();
    let moved = '';
    rewritePackage(world.file, file, PACKAGE_PASSPHRASE, (_dir, names) => {
      moved = names.find((name) => name.startsWith('documents/')) ?? '';
      return [moved, ...names.filter((name) => name !== moved)];
    });
    const found = await refusal(file);
    expect(found.fields).toEqual({ check: 'entries' });
    expect(found.message).toContain(`The entry ${moved} comes before records/attachments.json`);
  });

  it('says who re-signed a manifest with another key, and that it is not trusted here', async () => {
    const mallory = generateSigningIdentity({ licenseeName: 'Mallory Trading LLC' });
    const file = target();
    rewritePackage(world.file, file, PACKAGE_PASSPHRASE, (dir, names) => {
      const manifest = readFileSync(join(dir, 'manifest.json'));
      writeFileSync(
        join(dir, 'manifest.json.p7s'),
        buildSignedData(createHash('sha256').update(manifest).digest(), cmsSignerOf(mallory)),
      );
      return names;
    });
    const opened = await open(file);
    try {
      expect(opened.signature.status).toBe('untrusted');
      expect(opened.checks[1]).toMatchObject({ check: 'signature', status: 'warning' });
      expect(opened.checks[1]?.message).toMatch(
        /^Signed by .*Mallory Trading LLC.*, whose certificate is not trusted here/,
      );
    } finally {
      opened.vault.close();
    }

    // With records changed too, the recomputed chain refuses it whoever signed.
    const changed = target();
    rewritePackage(world.file, changed, PACKAGE_PASSPHRASE, (dir, names) => {
      changeCarats(dir);
      const manifest = recomputeManifest(dir, names);
      writeFileSync(
        join(dir, 'manifest.json.p7s'),
        buildSignedData(createHash('sha256').update(manifest).digest(), cmsSignerOf(mallory)),
      );
      return names;
    });
    const broken = await refusal(changed);
    expect(broken.fields).toEqual({ check: 'audit-chain' });
    expect(broken.message).toMatch(
      /certificate \d+ in the package's records is not what audit event \d+ recorded/,
    );
  });

  it('refuses a chain cut short even when re-signed with the licensee’s own key', async () => {
    const file = target();
    rewritePackage(world.file, file, PACKAGE_PASSPHRASE, (dir, names) => {
      const path = join(dir, 'audit/events.jsonl');
      const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
      writeFileSync(path, `${lines.slice(0, -3).join('\n')}\n`);
      const manifest = recomputeManifest(dir, names);
      writeFileSync(
        join(dir, 'manifest.json.p7s'),
        buildSignedData(createHash('sha256').update(manifest).digest(), licenseeSigner()),
      );
      return names;
    });
    const cut = await refusal(file);
    expect(cut.fields).toEqual({ check: 'audit-chain' });
    expect(cut.message).toMatch(/chain ends at event \d+, before the head its manifest names/);
  });

  it('is readable with standard tools: openssl verifies the manifest signature, tar lists it', () => {
    const { archive } = decryptPackage(world.file, PACKAGE_PASSPHRASE);
    const { dir, names } = extractArchive(archive);
    expect(names.at(-2)).toBe('manifest.json');
    expect(names.at(-1)).toBe('manifest.json.p7s');
    const certificate = join(dir, 'licensee.pem');
    writeFileSync(certificate, toPem('CERTIFICATE', world.licenseeCertificateDer));
    const out = execFileSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, 'manifest.json.p7s'),
        '-content',
        join(dir, 'manifest.json'),
        '-CAfile',
        certificate,
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out.toString()).toBe('');
    const manifest = JSON.parse(
      readFileSync(join(dir, 'manifest.json'), 'utf8'),
    ) as AuditPackageManifest;
    for (const entry of manifest.entries)
      expect([entry.name, sha256(readFileSync(join(dir, entry.name)))]).toEqual([
        entry.name,
        entry.sha256,
      ]);
    // Secrets stay in the vault: password hashes and private keys are withheld.
    const rows = (table: string) =>
      JSON.parse(readFileSync(join(dir, `records/${table}.json`), 'utf8')) as Record<
        string,
        unknown
      >[];
    expect(rows('users').map((row) => row.password_hash)).toEqual(
      rows('users').map(() => ({ $withheld: true })),
    );
    expect(rows('signing_identities').map((row) => row.private_key)).toEqual([{ $withheld: true }]);
    expect(rows('submission_recipients').map((row) => row.client_key_pem)).toEqual([
      { $withheld: true },
      { $withheld: true },
    ]);
  });
});
