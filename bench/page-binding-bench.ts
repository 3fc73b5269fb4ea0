// The page binding's cost per verified certificate (verify/check-page-binding.ts): writing the
// document again from its recipe and comparing it with the file, against the verify budget
// (p50 ≤ 3 ms for the whole verification, issue 11). Also its parts: the QR symbol of the seal,
// the rewrite (layout + QR + serialisation), and the byte comparison alone.
// Run: npm run bench:binding (esbuild bundle, then node, from the package root).
import type { Certificate } from '../shared/domain/certificate';
import { benchCertificate, resourcesDir } from './bench-certificate';
import { issueSignedCertificate } from '../electron/core/documents/issue-signed-certificate';
import { verifySeal } from '../electron/core/documents/seal/seal-codec';
import { generateSealKey, sealPublicKey } from '../electron/core/documents/seal/seal-key';
import { sealQrSymbol } from '../electron/core/documents/seal/seal-qr-symbol';
import { generateSigningIdentity } from '../electron/core/documents/signing/identity';
import { createPageBindingChecker } from '../electron/core/documents/verify/check-page-binding';
import {
  loadDocumentFonts,
  writeUnsignedCertificate,
} from '../electron/core/documents/write-certificate-document';

const certificate: Certificate = benchCertificate;

function timings(runs: number, task: () => unknown): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < 300; i += 1) task(); // warm-up (JIT)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const used = process.cpuUsage();
    task();
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((user + system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const at = (sorted: number[], q: number) =>
  (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(3);
const line = (name: string, t: { wall: number[]; cpu: number[] }) =>
  `  ${name.padEnd(34)} p50 ${at(t.wall, 0.5)} ms  p95 ${at(t.wall, 0.95)} ms   cpu p50 ${at(t.cpu, 0.5)} ms`;

const identity = generateSigningIdentity({
  licenseeName: 'Hudson Rough Trading LLC',
  signerName: 'Jane Doe',
  keyType: 'ecdsa-p256',
});
const sealKey = generateSealKey();
const { pdf, seal, recipe } = await issueSignedCertificate(certificate, {
  identity,
  sealKey,
  signerName: 'Jane Doe',
  licenseeName: 'Hudson Rough Trading LLC',
  resourcesDir,
});
const verdict = verifySeal(seal, sealPublicKey(sealKey.publicKeySpkiDer));
if (verdict.status !== 'valid') throw new Error('seal');
const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(pdf.toString('latin1'));
const byteRange = (match?.slice(1).map(Number) ?? []) as [number, number, number, number];

const setup = performance.now();
const check = await createPageBindingChecker(resourcesDir);
const setupMs = performance.now() - setup;
if (check(pdf, byteRange, verdict.payload).status !== 'bound') throw new Error('not bound');
const fonts = await loadDocumentFonts(resourcesDir);
const written = writeUnsignedCertificate(recipe, seal, fonts);
const [, hole, holeEnd] = byteRange;

const runs = 1000;
const print = (text: string) => process.stdout.write(`${text}\n`);
print(`page binding, ${String(pdf.length)}-byte certificate, ${String(runs)} runs each`);
print(`  createPageBindingChecker (once)     ${setupMs.toFixed(1)} ms (fonts cached by then)`);
print(
  line(
    'check (the whole page binding)',
    timings(runs, () => check(pdf, byteRange, verdict.payload)),
  ),
);
print(
  line(
    '  rewrite from the recipe',
    timings(runs, () => writeUnsignedCertificate(recipe, seal, fonts)),
  ),
);
print(
  line(
    '  of which the seal QR symbol',
    timings(runs, () => sealQrSymbol(seal)),
  ),
);
print(
  line(
    '  byte comparison',
    timings(
      runs,
      () =>
        pdf.subarray(0, hole).equals(written.subarray(0, hole)) &&
        pdf.subarray(holeEnd).equals(written.subarray(holeEnd)),
    ),
  ),
);
