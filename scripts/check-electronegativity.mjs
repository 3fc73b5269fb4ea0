// Runs electronegativity (Doyensec's Electron security scanner, `npm run lint`) and fails unless
// every finding is justified in docs/security.md ("Electronegativity findings": a table row whose
// first cell is the check ID and second cell the file, both in backticks, then the reason).
//
// Two scans, run together:
//   1. electron/ with every check except AvailableSecurityFixesGlobalCheck (it downloads
//      Electron's release list) and CSPGlobalCheck (electron/ has no HTML page, so that check
//      can only say "no CSP detected");
//   2. renderer/index.html with CSPGlobalCheck only, so the tool evaluates the page's real CSP.
// The Electron version is given explicitly (the CLI's -e): scanning a folder without a
// package.json otherwise makes the tool assume an old Electron and report REMOTE_MODULE_JS_CHECK.
//
// The tool is called through the runner its CLI calls (same options as
// `electronegativity -i <input> -e <version> -x/-l <checks> -o <file>`), because the CLI exits 0
// whatever it finds, and, when writing a report file, silently drops the files it could not
// parse (never checked) and writes the CSV with unordered asynchronous writes. The runner returns
// the findings and the parse errors; a file it could not parse fails this check.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity/dist/runner.js');
const toolVersion = require('@doyensec/electronegativity/package.json').version;
const electronVersion = require('electron/package.json').version;
const securityDoc = join(root, 'docs', 'security.md');

const scans = [
  { input: 'electron', exclude: ['AvailableSecurityFixesGlobalCheck', 'CSPGlobalCheck'] },
  { input: 'renderer/index.html', only: ['CSPGlobalCheck'] },
];

async function runScan(scan) {
  const result = await runElectronegativity(
    {
      input: resolve(root, scan.input),
      output: undefined,
      customScan: (scan.only ?? []).map((name) => name.toLowerCase()),
      excludeFromScan: (scan.exclude ?? []).map((name) => name.toLowerCase()),
      isRelative: false,
      isVerbose: true,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false, // not "forCli": return the results instead of printing a table
  );
  if (result === undefined || !Array.isArray(result.issues) || !Array.isArray(result.errors)) {
    throw new Error(`electronegativity ${toolVersion} returned no results for ${scan.input}`);
  }
  const skipped = result.errors.filter((error) => !error.tolerable);
  if (skipped.length > 0) {
    const list = skipped.map((error) => `  ${relative(root, error.file)}: ${error.message}`);
    throw new Error(`electronegativity could not parse (so did not check):\n${list.join('\n')}`);
  }
  return result.issues;
}

/**
 * Files that silence the tool with an "eng-disable" comment: such a finding never reaches the
 * results, so it could never be justified or reviewed. Justify in docs/security.md instead.
 */
function findSilencedFiles() {
  const inputs = scans.map((scan) => resolve(root, scan.input));
  const files = inputs.flatMap((input) =>
    input.endsWith('.html')
      ? [input]
      : readdirSync(input, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name)),
  );
  return files
    .filter((file) => /eng-disable/i.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
}

/** The repository-relative file of a finding ("N/A" for global findings without one). */
function findingFile(issue) {
  if (issue.file === undefined || issue.file === 'N/A') return 'N/A';
  return relative(root, resolve(root, issue.file)).split('\\').join('/');
}

/** The "CHECK_ID file" pairs justified in docs/security.md. */
function readJustifications() {
  const pairs = new Set();
  for (const line of readFileSync(securityDoc, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const id = /^`([A-Z_]+)`$/.exec(cells[1] ?? '')?.[1];
    const file = /^`([^`]+)`$/.exec(cells[2] ?? '')?.[1];
    const reason = cells[3] ?? '';
    if (id !== undefined && file !== undefined && reason.length >= 20) pairs.add(`${id} ${file}`);
  }
  return pairs;
}

async function main() {
  const started = Date.now();
  const silenced = findSilencedFiles();
  if (silenced.length > 0) {
    throw new Error(
      `"eng-disable" comments hide findings from review; remove them and justify the finding in docs/security.md: ${silenced.join(', ')}`,
    );
  }
  const issues = (await Promise.all(scans.map(runScan))).flat();
  const justified = readJustifications();
  const open = [];
  for (const issue of issues) {
    const file = findingFile(issue);
    const ok = justified.has(`${issue.id} ${file}`);
    const where = file === 'N/A' ? file : `${file}:${issue.location.line}:${issue.location.column}`;
    const rating = `${issue.severity.name}/${issue.confidence.name}`;
    console.log(
      `  ${ok ? 'justified' : 'OPEN     '} ${issue.id} (${rating}) ${where}: ${issue.description}`,
    );
    if (!ok) open.push(issue);
  }
  const context = `electronegativity ${toolVersion}, Electron ${electronVersion}, ${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (open.length > 0) {
    console.error(
      `check-electronegativity: ${open.length} finding(s) not justified in docs/security.md (${context}). ` +
        'Fix them, or add a row with the check ID, the file and the concrete reason to the table there.',
    );
    process.exit(1);
  }
  console.log(
    `check-electronegativity: ${issues.length} finding(s), each justified in docs/security.md (${context}).`,
  );
}

main().catch((error) => {
  console.error(
    `check-electronegativity: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
