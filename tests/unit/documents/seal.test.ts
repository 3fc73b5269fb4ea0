// The QR seal against its specification: the test vectors are read from docs/seal.md itself.
import { createPrivateKey, createPublicKey, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../../shared/domain/certificate';
import { canonicalJson } from '../../../electron/core/documents/seal/canonical-json';
import { encodeSeal, signSeal, verifySeal } from '../../../electron/core/documents/seal/seal-codec';
import {
  generateSealKey,
  sealPrivateKey,
  sealPublicKey,
  sealPublicKeyPem,
} from '../../../electron/core/documents/seal/seal-key';
import {
  certificateCanonicalJson,
  certificateDigest,
  compareSealWithRecord,
  sealPartyName,
  sealPayloadOf,
  sealPayloadV1Of,
} from '../../../electron/core/documents/seal/seal-payload';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/seal.md', import.meta.url)), 'utf8');

function vector(name: string): string {
  const match = new RegExp(`<!-- vector: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(
    doc,
  );
  if (match?.[1] === undefined) throw new Error(`docs/seal.md has no vector "${name}"`);
  return match[1];
}

const certificate = JSON.parse(vector('certificate')) as Certificate;
const publicKey = createPublicKey(vector('public-key'));
const privateKey = createPrivateKey(vector('private-key'));

describe('docs/seal.md test vectors', () => {
  it('gives the record’s canonical JSON and digest exactly', () => {
    expect(certificateCanonicalJson(certificate)).toBe(vector('record-canonical-json'));
    expect(certificateDigest(certificate)).toBe(vector('record-digest'));
    const recomputed = createHash('sha256').update(vector('record-canonical-json'), 'utf8');
    expect(recomputed.digest('base64url')).toBe(vector('record-digest'));
  });

  it('gives the payload’s canonical JSON exactly, for the issued document and its VOID copy', () => {
    expect(canonicalJson(sealPayloadOf(certificate))).toBe(vector('payload-canonical-json'));
    expect(canonicalJson(sealPayloadOf(certificate, 'void'))).toBe(
      vector('payload-canonical-json-void'),
    );
    expect(canonicalJson(sealPayloadV1Of(certificate))).toBe(vector('payload-v1-canonical-json'));
  });

  it('shortens a long name as the rule says', () => {
    expect(sealPartyName(vector('long-name'))).toBe(vector('long-name-sealed'));
    expect(Buffer.byteLength(vector('long-name-sealed'))).toBe(48);
    expect(sealPartyName(certificate.exporter.name)).toBe(certificate.exporter.name);
  });

  it('verifies the VOID copy’s seal and the version 1 seal of documents issued before', () => {
    expect(verifySeal(vector('seal-void'), publicKey)).toEqual({
      status: 'valid',
      payload: sealPayloadOf(certificate, 'void'),
    });
    expect(verifySeal(vector('seal-v1'), publicKey)).toEqual({
      status: 'valid',
      payload: sealPayloadV1Of(certificate),
    });
    const payloadPart = Buffer.from(vector('payload-v1-canonical-json'), 'utf8');
    expect(vector('seal-v1').startsWith(`KPS1.${payloadPart.toString('base64url')}.`)).toBe(true);
  });

  it('verifies the printed seal with the printed public key', () => {
    const seal = vector('seal');
    const result = verifySeal(seal, publicKey);
    expect(result).toEqual({ status: 'valid', payload: sealPayloadOf(certificate) });
    const payloadPart = Buffer.from(vector('payload-canonical-json'), 'utf8').toString('base64url');
    expect(seal.startsWith(`KPS1.${payloadPart}.`)).toBe(true);
  });

  it('signs the vector certificate into a seal that verifies and has the same first parts', () => {
    const seal = signSeal(certificate, privateKey);
    expect(verifySeal(seal, publicKey).status).toBe('valid');
    expect(seal.split('.').slice(0, 2)).toEqual(vector('seal').split('.').slice(0, 2));
    expect(seal.split('.')[2]).toHaveLength(86);
  });
});

describe('seal verification', () => {
  const key = generateSealKey();
  const seal = signSeal(certificate, sealPrivateKey(key.privateKeyPkcs8Der));

  it('accepts the public key as SPKI DER or PEM', () => {
    expect(verifySeal(seal, sealPublicKey(key.publicKeySpkiDer)).status).toBe('valid');
    expect(verifySeal(seal, sealPublicKey(sealPublicKeyPem(key))).status).toBe('valid');
  });

  it('refuses a seal checked with another issuer’s key', () => {
    expect(verifySeal(seal, publicKey).status).toBe('invalid');
  });

  it('refuses a seal whose payload was altered', () => {
    const [prefix, payload = '', signature] = seal.split('.');
    const json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(
      canonicalJson({ ...(json as Record<string, number>), ct: 999_999 }),
    ).toString('base64url');
    expect(
      verifySeal(`${prefix}.${forged}.${signature}`, sealPublicKey(key.publicKeySpkiDer)).status,
    ).toBe('invalid');
  });

  it('calls text that is not a seal malformed', () => {
    const verifyKey = sealPublicKey(key.publicKeySpkiDer);
    for (const text of ['', 'hello', 'KPS2.abc.def', `${seal}x`, 'KPS1.' + 'A'.repeat(5000)])
      expect(verifySeal(text, verifyKey).status).toBe('malformed');
  });

  it('refuses a validly signed payload that is not canonical or not the schema', () => {
    const priv = sealPrivateKey(key.privateKeyPkcs8Der);
    const verifyKey = sealPublicKey(key.publicKeySpkiDer);
    const extra = encodeSeal({ ...sealPayloadOf(certificate), extra: 'x' } as never, priv);
    expect(verifySeal(extra, verifyKey).status).toBe('malformed');
  });

  it('reports which sealed fields differ from a record', () => {
    const other = {
      ...certificate,
      caratHundredths: 1251,
      consignee: { ...certificate.consignee, address: 'Elsewhere' },
    };
    const result = verifySeal(seal, sealPublicKey(key.publicKeySpkiDer));
    if (result.status !== 'valid') throw new Error('seal should verify');
    expect(compareSealWithRecord(result.payload, certificate)).toEqual([]);
    expect(compareSealWithRecord(result.payload, other).map((m) => m.field)).toEqual(['ct', 'h']);
    expect(compareSealWithRecord(result.payload, certificate, 'void')).toEqual([
      { field: 'k', sealed: 'issued', record: 'void' },
    ]);
  });

  it('compares a version 1 seal in version 1, and a long name by the shortening rule', () => {
    const v1 = verifySeal(vector('seal-v1'), publicKey);
    if (v1.status !== 'valid') throw new Error('v1 seal should verify');
    expect(compareSealWithRecord(v1.payload, certificate)).toEqual([]);
    expect(compareSealWithRecord(v1.payload, certificate, 'void').map((m) => m.field)).toEqual([
      'k',
    ]);
    const long = {
      ...certificate,
      consignee: { ...certificate.consignee, name: vector('long-name') },
    };
    const sealed = verifySeal(
      signSeal(long, sealPrivateKey(key.privateKeyPkcs8Der)),
      sealPublicKey(key.publicKeySpkiDer),
    );
    if (sealed.status !== 'valid') throw new Error('seal should verify');
    expect(sealed.payload.co).toBe(vector('long-name-sealed'));
    expect(compareSealWithRecord(sealed.payload, long)).toEqual([]);
    expect(compareSealWithRecord(sealed.payload, certificate).map((m) => m.field)).toEqual([
      'co',
      'h',
    ]);
  });
});

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units, nests, and refuses non-integers', () => {
    expect(canonicalJson({ b: 1, a: { d: 'é', c: '"' }, B: 2 })).toBe(
      '{"B":2,"a":{"c":"\\"","d":"é"},"b":1}',
    );
    expect(() => canonicalJson({ a: 1.5 })).toThrow();
  });
});
