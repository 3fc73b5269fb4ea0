// Across records (ITN_USED_ELSEWHERE): the app's check of a certificate names another certificate
// of the vault that already carries the same ITN; voided ones do not count (15 CFR 30.6, 30.7(c)).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';
import { validDraft } from '../../unit/domain/certificate-fixtures';

let h: ChannelHarness;
beforeEach(async () => {
  h = createChannelHarness();
  await h.firstRun();
});
afterEach(() => h.dispose());

type Report = { findings: { code: string; message: string }[] };

describe('an ITN already used on another certificate', () => {
  it('is a warning naming that certificate in certificates:validate', async () => {
    const draft = validDraft(); // ITN X20261127123456
    const codes = async (number: string) =>
      (
        await h.value<Report>('certificates:validate', {
          certificate: { ...draft, number },
          purpose: 'draft',
        })
      ).findings.filter((f) => f.code === 'ITN_USED_ELSEWHERE');
    expect(await codes('US12346')).toEqual([]);
    await h.issueFixture(); // US12345, issued with that ITN
    const found = await codes('US12346');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('US12345');
    expect(await codes('US12345')).toEqual([]);
  });
});
