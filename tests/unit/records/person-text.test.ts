// The typed-text rule (shared/records/person-text.ts) on its own and in the schemas where a
// person's text enters: each kind of hostile character is refused naming the field and the
// character, ordinary text in any script passes, and accepted text comes out NFC.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CertificateDraftSchema } from '../../../shared/domain/certificate-draft';
import {
  GenerateIdentitySchema,
  ImportIdentitySchema,
} from '../../../shared/ipc/documents-contract';
import { AddTrustedCertificateSchema } from '../../../shared/ipc/trust-contract';
import {
  DecideEditSchema,
  IssueSchema,
  RequestEditSchema,
  VoidSchema,
} from '../../../shared/records/issuance-inputs';
import { LicenseeProfileSchema } from '../../../shared/records/licensee-profile';
import { PartyInputSchema } from '../../../shared/records/party-inputs';
import { personTextProblem } from '../../../shared/records/person-text';
import { RegisterStockSchema, VoidBlankSchema } from '../../../shared/records/stock-inputs';
import { NewUserSchema } from '../../../shared/records/user-inputs';
import { validDraft } from '../domain/certificate-fixtures';

const RLO = '\u202E';
const ZWSP = '\u200B';
const BEL = '\u0007';
const LONE = '\uD800';

/** The message for `path` of a refused parse, or a failure naming what was accepted. */
function refusal(schema: z.ZodType, input: unknown, path: string): string {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(parsed.data)}`);
  const issue = parsed.error.issues.find((i) => i.path.join('.') === path);
  if (issue === undefined)
    throw new Error(`no issue at ${path}: ${JSON.stringify(parsed.error.issues)}`);
  return issue.message;
}

describe('personTextProblem', () => {
  it.each([
    [
      'a right-to-left override',
      `Diamant${RLO}VN tropmI`,
      'name',
      /text-direction control.*U\+202E at character 8/,
    ],
    ['a left-to-right embedding', 'A\u202AB', 'lines', /text-direction control.*U\+202A/],
    ['a first-strong isolate', 'A\u2068B', 'line', /text-direction control.*U\+2068/],
    ['a right-to-left mark', 'A\u200FB', 'name', /text-direction control.*U\+200F/],
    ['a zero-width space inside a name', `Ada${ZWSP}Admin`, 'name', /invisible character.*U\+200B/],
    ['a zero-width joiner inside a name', 'Ada\u200DAdmin', 'name', /invisible character.*U\+200D/],
    ['a soft hyphen inside a name', 'Ada\u00ADAdmin', 'name', /invisible character.*U\+00AD/],
    ['a byte-order mark inside a name', 'Ada\uFEFFAdmin', 'name', /invisible character.*U\+FEFF/],
    ['a bell', `Ada${BEL}`, 'name', /control character.*U\+0007/],
    ['a bell in free text', `line 1\nline 2${BEL}`, 'lines', /control character.*U\+0007/],
    ['an escape in free text', 'a\u001B[31mred', 'lines', /control character.*U\+001B/],
    ['a C1 control', 'a\u0085b', 'line', /control character.*U\+0085/],
    ['DEL', 'a\u007Fb', 'line', /control character.*U\+007F/],
    ['a line break in a name', 'Ada\nAdmin', 'name', /control character.*U\+000A/],
    ['a tab in one line', 'a\tb', 'line', /control character.*U\+0009/],
    ['a line separator', 'a\u2028b', 'lines', /line or paragraph separator.*U\+2028/],
    ['a lone high surrogate', `Ada ${LONE}`, 'name', /unpaired UTF-16 surrogate.*U\+D800/],
    ['a lone low surrogate', 'Ada \uDC00x', 'lines', /unpaired UTF-16 surrogate.*U\+DC00/],
    ['a noncharacter', 'a\uFFFEb', 'line', /non-character.*U\+FFFE/],
    ['only zero-width characters', `${ZWSP}\u200C\u2060`, 'lines', /only invisible characters/],
    ['only zero-width characters in one line', ZWSP, 'line', /only invisible characters/],
  ] as const)('refuses %s, naming the field', (_name, text, kind, expected) => {
    const problem = personTextProblem(text, kind, 'consignee’s name');
    expect(problem).toMatch(/^The consignee’s name contains /);
    expect(problem).toMatch(expected);
  });

  it.each([
    ['Latin with accents', 'Société Générale Anvers', 'name'],
    ['Hebrew', 'יהלומים בע"מ', 'name'],
    ['Arabic', 'شركة الماس', 'name'],
    ['Chinese', '钻石贸易有限公司', 'name'],
    ['Devanagari (combining marks)', 'हीरा व्यापार', 'name'],
    ['an emoji pair (a valid surrogate pair)', 'Diamonds 💎', 'line'],
    [
      'a multi-line address with CRLF and a tab',
      'Hoveniersstraat 30\r\n2018\tAntwerp\nBelgium',
      'lines',
    ],
    ['a zero-width joiner inside free text', 'note\u200Dtext', 'lines'],
    ['an empty text', '', 'name'],
  ] as const)('accepts %s', (_name, text, kind) => {
    expect(personTextProblem(text, kind, 'name')).toBeNull();
  });
});

describe('the schemas where a person’s text enters', () => {
  const draft = validDraft();
  it('refuses hostile text in each, naming the field', () => {
    const cases: [z.ZodType, unknown, string][] = [
      [
        CertificateDraftSchema,
        { ...draft, consignee: { ...draft.consignee, name: `X${RLO}Y` } },
        'consignee.name',
      ],
      [
        CertificateDraftSchema,
        { ...draft, exporter: { ...draft.exporter, address: `A${BEL}` } },
        'exporter.address',
      ],
      [CertificateDraftSchema, { ...draft, hsCodes: [`7102.10${ZWSP}`] }, 'hsCodes.0'],
      [
        PartyInputSchema,
        { kind: 'exporter', name: `Ada${ZWSP}Co`, address: 'x', country: 'US' },
        'name',
      ],
      [
        LicenseeProfileSchema,
        { legalName: `H${BEL}`, address: 'x', tin: '12-3456789', isCommonCarrier: false },
        'legalName',
      ],
      [
        NewUserSchema,
        { username: 'ada', displayName: `Ada${RLO}`, role: 'operator', password: 'x'.repeat(12) },
        'displayName',
      ],
      [GenerateIdentitySchema, { signerName: `Ada ${LONE}` }, 'signerName'],
      [GenerateIdentitySchema, { signerName: 'Ada', organization: `Co${RLO}` }, 'organization'],
      [ImportIdentitySchema, { password: '', signerName: `A${ZWSP}da` }, 'signerName'],
      [AddTrustedCertificateSchema, { label: `USKPA${BEL}` }, 'label'],
      [RequestEditSchema, { id: 1, proposed: draft, reason: `typo${RLO}` }, 'reason'],
      [DecideEditSchema, { requestId: 1, decision: 'approve', note: ZWSP }, 'note'],
      [VoidSchema, { id: 1, reason: 'Damaged', notes: `n${BEL}` }, 'notes'],
      [
        IssueSchema,
        {
          id: 1,
          attested: true,
          packaging: { description: `box${RLO}` },
          warranty: { statement: 's' },
        },
        'packaging.description',
      ],
      [
        IssueSchema,
        {
          id: 1,
          attested: true,
          packaging: { description: 'box', sealNumbers: [`S${ZWSP}1`] },
          warranty: { statement: 's' },
        },
        'packaging.sealNumbers.0',
      ],
      [RegisterStockSchema, { numbers: 'US1', description: `Book${BEL}` }, 'description'],
      [VoidBlankSchema, { number: 'US1', reason: 'Damaged', notes: LONE }, 'notes'],
    ];
    for (const [schema, input, path] of cases)
      expect(refusal(schema, input, path), path).toMatch(/^The .+ contains /);
  });

  it('names the field in words: the signer’s name with a lone surrogate', () => {
    expect(refusal(GenerateIdentitySchema, { signerName: `Ada ${LONE}` }, 'signerName')).toMatch(
      /^The signer’s name contains half of a character/,
    );
  });

  it('stores accepted text as NFC, whichever way it was typed', () => {
    const decomposed = 'Societe\u0301 Ge\u0301ne\u0301rale';
    const party = PartyInputSchema.parse({
      kind: 'consignee',
      name: decomposed,
      address: 'x',
      country: 'BE',
    });
    expect(party.name).toBe('Societé Générale');
    expect(party.name).toBe(decomposed.normalize('NFC'));
    const parsed = CertificateDraftSchema.parse({
      ...draft,
      consignee: { name: decomposed, address: 'a\nb' },
    });
    expect(parsed.consignee.name).toBe(decomposed.normalize('NFC'));
    expect(parsed.consignee.address).toBe('a\nb');
  });
});
