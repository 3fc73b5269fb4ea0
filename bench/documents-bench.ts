// Generate + sign + seal one certificate, against a floor measured in the same run: SHA-256 of
// the same PDF bytes plus one signature with the same key in Node's crypto (the least any signed
// document costs). Also: verifying one certificate. A plain script (npm run bench:documents)
// because vitest bench cannot print the ratio of two benchmarks' medians. bench/README.md says
// how to read it. The goals (issue 11): generate + sign + seal p50 ≤ 3× the floor for each key
// type, verify p50 ≤ 3 ms. Each figure is printed with its goal and OK or MISS; a miss does not
// change the exit code (a benchmark informs, it does not gate: the machine's load moves it).
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import type { Certificate } from '../shared/domain/certificate';
import { benchCertificate, resourcesDir } from './bench-certificate';
import { issueSignedCertificate } from '../electron/core/documents/issue-signed-certificate';
import { renderCertificatePdf } from '../electron/core/documents/layout/render-certificate-pdf';
import { generateSealKey } from '../electron/core/documents/seal/seal-key';
import type { SigningKeyType } from '../electron/core/documents/signing/identity';
import { generateSigningIdentity } from '../electron/core/documents/signing/identity';
import { createPageBindingChecker } from '../electron/core/documents/verify/check-page-binding';
import { verifyPdf } from '../electron/core/documents/verify/verify-pdf';

const certificate: Certificate = benchCertificate;

type Timings = { wall: number[]; cpu: number[] };

/**
 * Wall-clock and CPU time (this process, user + system) of each run, sorted. On a shared machine
 * the wall clock includes the time other processes hold the cores; the CPU time does not, so
 * both are reported.
 */
async function timings(runs: number, task: () => unknown): Promise<Timings> {
  for (let i = 0; i < Math.min(50, runs); i += 1) await task(); // warm-up (JIT, font subsets)
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const used = process.cpuUsage();
    await task();
    const { user, system } = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((user + system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const ms = (value: number): string => `${value.toFixed(2)} ms`;

const GOALS = { ratioToFloor: 3, verifyMs: 3, issueMs: 15 } as const;
const verdict = (met: boolean): string => (met ? 'OK  ' : 'MISS');
const misses: string[] = [];
function judge(what: string, met: boolean): string {
  if (!met) misses.push(what);
  return verdict(met);
}
const line = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function benchKeyType(keyType: SigningKeyType): Promise<void> {
  const identity = generateSigningIdentity({
    licenseeName: 'Hudson Rough Diamond Trading LLC',
    keyType,
  });
  const sealKey = generateSealKey();
  const options = {
    identity,
    sealKey,
    signerName: 'Jane Doe',
    licenseeName: 'Hudson Rough Diamond Trading LLC',
    resourcesDir,
  };
  const { pdf } = await issueSignedCertificate(certificate, options);
  const privateKey = createPrivateKey({
    key: identity.privateKeyPkcs8Der,
    format: 'der',
    type: 'pkcs8',
  });

  const issue = await timings(150, () => issueSignedCertificate(certificate, options));
  const { seal } = await issueSignedCertificate(certificate, options);
  const render = await timings(150, () =>
    renderCertificatePdf(certificate, {
      resourcesDir,
      variant: 'issued',
      signatureBox: true,
      seal,
    }),
  );
  const floor = await timings(2000, () =>
    sign('sha256', createHash('sha256').update(pdf).digest(), privateKey),
  );
  // The whole verification a reviewer gets: trusted signer, seal, the page written again from
  // its recipe and compared (page binding), the vault's record.
  const pageBinding = await createPageBindingChecker(resourcesDir);
  const verify = await timings(500, () => {
    const result = verifyPdf(pdf, {
      sealPublicKey: sealKey.publicKeySpkiDer,
      trustAnchorsDer: identity.certificateChainDer,
      vault: { record: certificate, voided: null },
      pageBinding,
    });
    if (result.indication !== 'TOTAL-PASSED') throw new Error(result.summary);
  });

  const p50 = quantile(issue.wall, 0.5);
  const floorP50 = quantile(floor.wall, 0.5);
  const ratio = p50 / floorP50;
  const verifyP50 = quantile(verify.wall, 0.5);
  const cpu = (t: Timings): string => `cpu p50 ${ms(quantile(t.cpu, 0.5))}`;
  line(`\n${keyType} signing key (PDF ${(pdf.length / 1024).toFixed(1)} KiB)`);
  line(
    `  ${judge(`${keyType} generate + sign + seal`, p50 <= GOALS.issueMs)} generate + sign + seal   p50 ${ms(p50)}  p95 ${ms(quantile(issue.wall, 0.95))}   goal ≤ ${String(GOALS.issueMs)} ms   ${cpu(issue)}`,
  );
  line(
    `       of which render + write p50 ${ms(quantile(render.wall, 0.5))} (layout, QR, PDF; no seal or signature)   ${cpu(render)}`,
  );
  line(`       floor (SHA-256 + sign)   p50 ${ms(floorP50)}   ${cpu(floor)}`);
  line(
    `  ${judge(`${keyType} ratio to the floor ${ratio.toFixed(1)}×`, ratio <= GOALS.ratioToFloor)} ratio to the floor       ${ratio.toFixed(1)}×   goal ≤ ${String(GOALS.ratioToFloor)}×   (cpu ${(quantile(issue.cpu, 0.5) / quantile(floor.cpu, 0.5)).toFixed(1)}×)`,
  );
  line(
    `  ${judge(`${keyType} verify ${ms(verifyP50)}`, verifyP50 <= GOALS.verifyMs)} verify one certificate   p50 ${ms(verifyP50)}  p95 ${ms(quantile(verify.wall, 0.95))}   goal ≤ ${String(GOALS.verifyMs)} ms   ${cpu(verify)}`,
  );
}

line('Certificate documents (bench/documents-bench.ts)');
line(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${String(cpus().length)} cores`,
);
await benchKeyType('ecdsa-p256');
await benchKeyType('rsa-3072');
await benchKeyType('rsa-2048');
line(
  misses.length === 0
    ? '\nAll goals met.'
    : `\nMISSED ${String(misses.length)} goal(s): ${misses.join('; ')}. (Informational: exit code 0.)`,
);
