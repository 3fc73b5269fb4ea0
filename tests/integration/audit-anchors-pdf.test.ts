// Anchors inside signed certificates (issue 13 part 1): each signed PDF carries the audit chain's
// head at its signing, inside the signed recipe (never printed). A certificate rewritten through
// plain SQL with the whole chain recomputed from event 1 still gives "Audit chain OK"; a PDF
// signed after the rewritten point contradicts the chain and the report names the first event
// that differs, while a PDF signed before it still holds. A PDF not signed by this vault's
// identity, or changed after signing, is not taken as an anchor.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runKpdesk } from '../../cli/kpdesk';
import { decodeRecipe } from '../../electron/core/documents/recipe/document-recipe';
import { unlockVaultAndKey } from '../../electron/core/vault/keys/unlock-vault';
import { rewriteAndRechain } from '../helpers/rewrite-audit-chain';
import type { ChannelHarness } from '../helpers/vault-channel-harness';
import {
  HARNESS_PASSPHRASE,
  HARNESS_PASSWORD,
  createChannelHarness,
} from '../helpers/vault-channel-harness';
import { validDraft } from '../unit/domain/certificate-fixtures';
import { captureIo } from '../unit/cli/capture-io';

const harnesses: ChannelHarness[] = [];
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.dispose();
});

async function kpdesk(h: ChannelHarness, args: string[]) {
  const io = captureIo();
  const env = { KPDESK_PASSPHRASE: HARNESS_PASSPHRASE, KPDESK_PASSWORD: HARNESS_PASSWORD };
  const code = await runKpdesk([...args, '--dir', h.dataDir], {
    ...io,
    cwd: join(h.dialogs.root, 'exports'),
    env,
  });
  return { code, out: io.out(), err: io.err() };
}

/** Issues a second certificate on `number` (after issueFixture registered the stock). */
async function issueAnother(h: ChannelHarness, number: string, itn: string): Promise<number> {
  const draft = await h.value<{ id: number }>('certificates:createDraft', {
    number,
    draft: { ...validDraft(), number, itn: '' },
  });
  await h.value('certificates:recordItn', { id: draft.id, itn });
  await h.value('certificates:issue', {
    id: draft.id,
    attested: true,
    packaging: { description: '1 parcel', sealNumbers: ['S-2'] },
    warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-2'] },
  });
  return draft.id;
}

/** Signs the certificate and saves its PDF; returns the file name (in the exports folder). */
async function signedPdf(h: ChannelHarness, certificateId: number): Promise<string> {
  await h.value('documents:sign', { certificateId });
  const saved = await h.value<{ path: string }>('documents:save', { certificateId });
  return saved.path.slice(saved.path.lastIndexOf('/') + 1);
}

async function preparedVault() {
  const h = createChannelHarness();
  harnesses.push(h);
  await h.firstRun();
  await h.value('identity:generate', { signerName: 'Ada Admin' });
  const first = await h.issueFixture();
  const early = await signedPdf(h, first);
  const second = await issueAnother(h, 'US12346', 'X20261127654321');
  const late = await signedPdf(h, second);
  return { h, early, late };
}

const recipeOf = (pdf: Buffer) => {
  const match = /\/KPDeskDocument \(([A-Za-z0-9_-]+)\)/.exec(pdf.toString('latin1'));
  const reading = decodeRecipe(match?.[1] ?? '');
  if (reading.kind !== 'recipe') throw new Error('no recipe');
  return reading.recipe;
};

describe('signed certificates as anchors', () => {
  it('carry the head at signing inside the signed recipe', async () => {
    const { h, early, late } = await preparedVault();
    const exports = join(h.dialogs.root, 'exports');
    const first = recipeOf(readFileSync(join(exports, early)));
    const second = recipeOf(readFileSync(join(exports, late)));
    expect(first.auditHead?.seq).toBeGreaterThan(0);
    expect(second.auditHead?.seq).toBeGreaterThan(first.auditHead?.seq ?? 0);
    expect(first.auditHead?.vault).toMatch(/^[0-9a-f-]{36}$/);
    const untouched = await kpdesk(h, ['audit', 'verify', '--anchors', early, '--anchors', late]);
    expect(untouched.code, untouched.out + untouched.err).toBe(0);
    expect(untouched.out).toContain('2 read, 2 hold, none contradicts the chain');
  });

  it('a PDF signed after a plain-SQL rewrite point catches it; one signed before still holds', async () => {
    const { h, early, late } = await preparedVault();
    await h.value('vault:lock');
    const { db } = await unlockVaultAndKey({
      dir: h.dataDir,
      secret: { passphrase: HARNESS_PASSPHRASE },
    });
    try {
      rewriteAndRechain(
        db,
        "UPDATE certificates SET consignee_name = 'Someone Else Ltd' WHERE number = 'US12346'",
      );
    } finally {
      db.close();
    }
    // The chain alone cannot tell.
    const alone = await kpdesk(h, ['audit', 'verify']);
    expect(alone.code, alone.out + alone.err).toBe(0);
    expect(alone.out).toContain('Audit chain OK');

    const anchored = await kpdesk(h, [
      'audit',
      'verify',
      '--anchors',
      early,
      '--anchors',
      late,
      '--json',
    ]);
    expect(anchored.code).toBe(1);
    const report = JSON.parse(anchored.out) as {
      anchors: {
        verdicts: { status: string; anchor: { kind: string; source: string } }[];
        firstDifference: { from: number; to: number; message: string };
      };
    };
    expect(report.anchors.verdicts.map((v) => [v.anchor.kind, v.status])).toEqual([
      ['signed-certificate', 'holds'],
      ['signed-certificate', 'contradicted'],
    ]);
    expect(report.anchors.verdicts[1]?.anchor.source).toContain('certificate US12346');
    const earlyHead = recipeOf(readFileSync(join(h.dialogs.root, 'exports', early))).auditHead;
    const lateHead = recipeOf(readFileSync(join(h.dialogs.root, 'exports', late))).auditHead;
    expect(report.anchors.firstDifference.from).toBe((earlyHead?.seq ?? 0) + 1);
    expect(report.anchors.firstDifference.to).toBe(lateHead?.seq);
    const text = await kpdesk(h, ['audit', 'verify', '--anchors', late]);
    expect(text.out).toContain('ANCHORS CONTRADICT THE CHAIN');
    expect(text.out).toContain('certificate US12346');

    // The app's "Check the record" against the same PDF, chosen in the open dialog.
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    mkdirSync(join(h.dialogs.root, 'imports'), { recursive: true });
    copyFileSync(join(h.dialogs.root, 'exports', late), join(h.dialogs.root, 'imports', late));
    const checked = await h.value<{
      cancelled: boolean;
      ok: boolean;
      verdicts: { status: string; kind: string; source: string }[];
      firstDifference: { to: number } | null;
    }>('audit:checkAnchors');
    expect(checked).toMatchObject({ cancelled: false, ok: false });
    expect(checked.verdicts).toEqual([
      expect.objectContaining({ status: 'contradicted', kind: 'signed-certificate' }),
    ]);
    expect(checked.verdicts[0]?.source).toContain('certificate US12346');
    expect(checked.verdicts[0]?.source).not.toContain('/');
    expect(checked.firstDifference?.to).toBe(lateHead?.seq);
    expect(h.dialogs.asked.at(-1)).toMatchObject({ kind: 'open', purpose: 'audit-anchor' });
  });

  it('takes no head from a PDF changed after signing or signed by another vault', async () => {
    const { h, late } = await preparedVault();
    const other = await preparedVault();
    const exports = join(h.dialogs.root, 'exports');
    const bytes = readFileSync(join(exports, late));
    const at = bytes.indexOf('/KPDeskDocument (') + 20;
    const changed = Buffer.from(bytes);
    changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(join(exports, 'changed.pdf'), changed);
    writeFileSync(
      join(exports, 'foreign.pdf'),
      readFileSync(join(other.h.dialogs.root, 'exports', other.late)),
    );
    const report = await kpdesk(h, [
      'audit',
      'verify',
      '--anchors',
      'changed.pdf',
      '--anchors',
      'foreign.pdf',
    ]);
    expect(report.code).toBe(2);
    expect(report.out).toMatch(/cannot read +.*changed\.pdf: its signature does not hold/);
    expect(report.out).toMatch(
      /cannot read +.*foreign\.pdf: it was not signed by this vault's signing identity/,
    );
  });
});
