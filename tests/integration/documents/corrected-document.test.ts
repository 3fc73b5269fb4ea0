// A correction must lead to a new signed document (issue 16). On a real encrypted vault through
// the channels the renderer uses: after an approved correction of an ISSUED certificate, the PDF
// signed before no longer matches the record. It is listed as superseded and kept (records are
// kept 10 years, 31 CFR 592.309); "Save" refuses to export it as if it were current
// (DOCUMENT_SUPERSEDED, nothing written); saving it is possible only explicitly, under a name that
// says SUPERSEDED, and audited; signing again makes a new signed PDF of the corrected record,
// which pdfsig, qpdf and pdftotext check, and the supersession is recorded in the audit chain.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import type { StoredDocument } from '../../../shared/ipc/documents-contract';
import { validDraft } from '../../unit/domain/certificate-fixtures';
import { pdfText, tool } from './pdf-tools';

const exec = promisify(execFile);
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let h: ChannelHarness;
let id: number;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
  id = await h.issueFixture();
  await h.value('identity:generate', { signerName: 'Jane Doe', keyType: 'ecdsa-p256' });
  await h.addUser('otto', 'operator');
  await h.addUser('bert', 'administrator');
  await h.addUser('rita', 'reviewer');
});
afterEach(() => h.dispose());

type Signed = { documentId: number; reused: boolean; sha256: string };
const list = async () =>
  (await h.value<{ documents: StoredDocument[] }>('documents:list', { certificateId: id }))
    .documents;
const exportsDir = () => join(h.dialogs.root, 'exports');
const exported = () => (existsSync(exportsDir()) ? readdirSync(exportsDir()).sort() : []);

async function correctConsignee(name: string) {
  await h.signInAs('otto');
  const asked = await h.value<{ id: number }>('certificates:requestEdit', {
    id,
    proposed: {
      ...validDraft(),
      consignee: { name, address: 'Hoveniersstraat 30\n2018 Antwerp\nBelgium' },
    },
    reason: 'The consignee renamed itself (invoice INV-1).',
  });
  await h.signInAs('bert');
  await h.value('editRequests:decide', {
    requestId: asked.id,
    decision: 'approve',
    note: 'Checked against the invoice.',
  });
}

describe('a correction leads to a new signed document', () => {
  it('marks the old PDF superseded, keeps it, and signs the corrected certificate', async () => {
    const first = await h.value<Signed>('documents:sign', { certificateId: id });
    expect(first.reused).toBe(false);
    expect(await list()).toEqual([
      expect.objectContaining({ documentId: first.documentId, status: 'current' }),
    ]);

    await correctConsignee('Diamant Import Trading NV');

    // The stored PDF shows the old consignee: superseded, still there, same bytes.
    const afterCorrection = await list();
    expect(afterCorrection).toEqual([
      expect.objectContaining({
        documentId: first.documentId,
        status: 'superseded',
        sha256: first.sha256,
        fileName: expect.stringMatching(/^US12345-SUPERSEDED-\d{4}-\d{2}-\d{2}\.pdf$/) as string,
      }),
    ]);

    // "Save the PDF again" no longer exports the old one without a word: refused, nothing written.
    const refused = await h.call('documents:save', { certificateId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DOCUMENT_SUPERSEDED' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('Sign the corrected certificate');
      expect(refused.error.message).toContain('Nothing was saved');
    }
    expect(
      await h.code('documents:save', { certificateId: id, documentId: first.documentId }),
    ).toBe('DOCUMENT_SUPERSEDED');
    expect(exported()).toEqual([]);

    // Saved only explicitly, as a superseded copy: its own name, the old bytes, audited.
    const old = await h.value<{ path: string }>('documents:save', {
      certificateId: id,
      documentId: first.documentId,
      superseded: true,
    });
    expect(old.path).toMatch(/US12345-SUPERSEDED-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(sha256(readFileSync(old.path))).toBe(first.sha256);
    expect(await pdfText(old.path)).toContain('Diamant Import NV');

    // A reviewer may not sign (the role as for signing), and nothing changes.
    await h.signInAs('rita');
    expect(await h.code('documents:sign', { certificateId: id })).toBe('FORBIDDEN');
    expect(await list()).toHaveLength(1);

    // Signing makes a new PDF of the corrected record; the old one stays, superseded.
    await h.signInAs('otto');
    const second = await h.value<Signed>('documents:sign', { certificateId: id });
    expect(second.reused).toBe(false);
    expect(second.documentId).not.toBe(first.documentId);
    expect(await list()).toEqual([
      expect.objectContaining({ documentId: first.documentId, status: 'superseded' }),
      expect.objectContaining({ documentId: second.documentId, status: 'current' }),
    ]);
    // Signing again reuses the current one.
    expect(await h.value<Signed>('documents:sign', { certificateId: id })).toMatchObject({
      reused: true,
      documentId: second.documentId,
    });

    // Saving exports the current, corrected PDF, which the independent tools accept.
    const saved = await h.value<{ path: string }>('documents:save', { certificateId: id });
    expect(saved.path).toBe(join(exportsDir(), 'US12345.pdf'));
    const bytes = readFileSync(saved.path);
    expect(sha256(bytes)).toBe(second.sha256);
    const pdfsig = await tool('pdfsig', [saved.path]);
    expect(pdfsig).toContain('Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
    await exec('qpdf', ['--check', saved.path]);
    const text = await pdfText(saved.path);
    expect(text).toContain('Diamant Import Trading NV');
    expect(text).not.toContain('Diamant Import NV');

    // The chain records the supersession and the export of the superseded copy, and holds.
    const actions = (
      await h.value<{ action: string; entityType: string; entityId: string }[]>(
        'certificates:timeline',
        { id },
      )
    ).map((e) => e.action);
    expect(actions.filter((a) => a === 'document.supersede')).toHaveLength(1);
    expect(actions).toContain('document.save-superseded');
    expect(await h.value('audit:verify')).toMatchObject({ ok: true });
  });

  it('keeps an unchanged PDF current when a correction is rejected', async () => {
    const first = await h.value<Signed>('documents:sign', { certificateId: id });
    await h.signInAs('otto');
    const asked = await h.value<{ id: number }>('certificates:requestEdit', {
      id,
      proposed: {
        ...validDraft(),
        consignee: {
          name: 'Someone Else NV',
          address: 'Hoveniersstraat 30\n2018 Antwerp\nBelgium',
        },
      },
      reason: 'Asked in error.',
    });
    await h.signInAs('bert');
    await h.value('editRequests:decide', {
      requestId: asked.id,
      decision: 'reject',
      note: 'The invoice names Diamant Import NV.',
    });
    expect(await list()).toEqual([
      expect.objectContaining({ documentId: first.documentId, status: 'current' }),
    ]);
    const saved = await h.value<{ path: string }>('documents:save', { certificateId: id });
    expect(sha256(readFileSync(saved.path))).toBe(first.sha256);
  });
});
