// The signed certificate checked by outside tools, as a customs office or a reviewer would:
// poppler's pdfsig (which exits 0 either way, so its output is read), qpdf --check, OpenSSL's
// CMS verifier over the extracted signature and byte ranges, and the QR seal decoded by zbarimg
// from pdftoppm's rendering of page 1. Then 200 single-byte changes inside the signed ranges,
// each of which pdfsig and our verifier must both catch.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySeal } from '../../../electron/core/documents/seal/seal-codec';
import { sealPublicKey } from '../../../electron/core/documents/seal/seal-key';
import { toPem } from '../../../electron/core/documents/signing/identity';
import { verifyPdf } from '../../../electron/core/documents/verify/verify-pdf';
import type { SignedFixture } from '../../unit/documents/signed-certificate-fixture';
import { signedCertificate } from '../../unit/documents/signed-certificate-fixture';

const exec = promisify(execFile);

type ToolRun = { code: number; stdout: string; output: string };

async function tool(command: string, args: string[]): Promise<ToolRun> {
  try {
    const { stdout, stderr } = await exec(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
    return { code: 0, stdout, output: stdout + stderr };
  } catch (error: unknown) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    const stdout = failed.stdout ?? '';
    return { code: failed.code, stdout, output: stdout + (failed.stderr ?? '') };
  }
}

/** The DER CMS from /Contents (padding trimmed by its outer length) and the signed bytes. */
function extractSignature(pdf: Buffer): { cms: Buffer; data: Buffer } {
  const text = pdf.toString('latin1');
  const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text);
  if (match === null) throw new Error('no ByteRange');
  const [a, b, c, d] = match.slice(1).map(Number) as [number, number, number, number];
  const padded = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  const lengthBytes = (padded[1] ?? 0) & 0x7f;
  const length = 2 + lengthBytes + padded.subarray(2, 2 + lengthBytes).readUIntBE(0, lengthBytes);
  return {
    cms: padded.subarray(0, length),
    data: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
  };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kp-signing-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(['rsa-2048', 'ecdsa-p256'] as const)('a certificate signed with %s', (keyType) => {
  let fixture: SignedFixture;
  let file = '';
  beforeAll(async () => {
    fixture = await signedCertificate(keyType);
    file = join(dir, `${keyType}.pdf`);
    await writeFile(file, fixture.pdf);
  });

  it('is valid and wholly signed for pdfsig', async () => {
    const { output } = await tool('pdfsig', [file]);
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Total document signed');
    expect(output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(output).toContain('Signing Hash Algorithm: SHA-256');
  });

  it('passes qpdf --check', async () => {
    const { code, output } = await tool('qpdf', ['--check', file]);
    expect(output).toContain('No syntax or stream encoding errors found');
    expect(code).toBe(0);
  });

  it('verifies with openssl cms over the byte ranges, with and without the signer as CA', async () => {
    const { cms, data } = extractSignature(fixture.pdf);
    const sig = join(dir, `${keyType}.sig.der`);
    const content = join(dir, `${keyType}.data.bin`);
    const signer = join(dir, `${keyType}.signer.pem`);
    await writeFile(sig, cms);
    await writeFile(content, data);
    await writeFile(
      signer,
      toPem('CERTIFICATE', fixture.identity.certificateChainDer[0] ?? Buffer.alloc(0)),
    );
    const base = [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sig,
      '-content',
      content,
      '-out',
      '/dev/null',
    ];
    expect((await tool('openssl', [...base, '-noverify'])).output).toContain(
      'Verification successful',
    );
    const anchored = await tool('openssl', [...base, '-CAfile', signer, '-purpose', 'any']);
    expect(anchored.output).toContain('Verification successful');
  });

  it('carries signed attributes content-type, message-digest, signing-certificate-v2 and no signing-time', async () => {
    const { cms } = extractSignature(fixture.pdf);
    const sig = join(dir, `${keyType}.attrs.der`);
    await writeFile(sig, cms);
    const { output } = await tool('openssl', [
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      sig,
    ]);
    const signed = output.slice(output.indexOf('signedAttrs:'), output.indexOf('unsignedAttrs:'));
    expect(signed).toContain('contentType');
    expect(signed).toContain('messageDigest');
    expect(signed).toMatch(/signingCertificateV2/);
    expect(signed).not.toContain('signingTime');
  });

  it('has a QR seal on the rendered page that decodes to the embedded seal and verifies', async () => {
    const prefix = join(dir, `${keyType}-page`);
    await tool('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, prefix]);
    const png = `${prefix}-1.png`;
    expect((await readFile(png)).length).toBeGreaterThan(10_000);
    // stdout only: zbarimg may complain about D-Bus on stderr in a container.
    const { stdout } = await tool('zbarimg', ['-q', '--raw', png]);
    const decoded = stdout.trim();
    expect(decoded).toBe(fixture.seal);
    const verdict = verifySeal(decoded, sealPublicKey(fixture.sealKey.publicKeySpkiDer));
    expect(verdict.status).toBe('valid');
  });
});

describe('200 single-byte changes inside the signed ranges', () => {
  it('are each caught by pdfsig and by our verifier', async () => {
    const fixture = await signedCertificate('ecdsa-p256');
    const [a = 0, b = 0, c = 0, d = 0] = verifyPdf(fixture.pdf).integrity.byteRange ?? [];
    const signedLength = b + d;
    // Evenly spread over both ranges, offset so consecutive samples hit different structures.
    const positions = Array.from({ length: 200 }, (_, i) => {
      const k = Math.floor(((i + 0.37) * signedLength) / 200);
      return k < b ? a + k : c + (k - b);
    });
    const files = await Promise.all(
      positions.map(async (position, i) => {
        const changed = Buffer.from(fixture.pdf);
        changed[position] = (changed[position] ?? 0) ^ 0x01;
        const ours = verifyPdf(changed, { sealPublicKey: fixture.sealKey.publicKeySpkiDer });
        expect(ours.indication, `our verifier at byte ${position}`).toBe('TOTAL-FAILED');
        const path = join(dir, `flip-${i}.pdf`);
        await writeFile(path, changed);
        return { path, position };
      }),
    );
    // pdfsig two at a time (two cores): about 200 × 40 ms.
    const missed: number[] = [];
    const queue = [...files];
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const { output } = await tool('pdfsig', [next.path]);
          if (output.includes('Signature is Valid.')) missed.push(next.position);
        }
      }),
    );
    expect(missed).toEqual([]);
  });
});
