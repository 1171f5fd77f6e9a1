// `npm run bench`: measures what issue 8 asks for and rewrites BENCHMARKS.md.
//   1. reading and 2. rules in Node (node-bench.mjs, on a Vite bundle of the TypeScript sources);
//   3. storing, 4. popup, 5. page cost in Debian's Chromium (browser-bench.mjs);
//   6. bundle and zip sizes (sizes.mjs).
// Options: --quick (fewer runs; writes .bench/BENCHMARKS.quick.md, leaves BENCHMARKS.md alone);
// --render (rewrites BENCHMARKS.md from the last .bench/results.json).
// Working files go to .bench/ (git-ignored, excluded from the zip).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { codeAt, runBrowserBenches } from './browser-bench.mjs';
import { render, summaryTable } from './report.mjs';
import { measureSizes } from './sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = path.join(root, '.bench');
const quick = process.argv.includes('--quick');
/** `--only=page` (both page series), `page-late`, `popup` or `storing`: one browser figure; writes nothing. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null;
/** The peer's build to measure beside ours in the same run (issue 16): luftaquila/parcel-deck. */
const peerSource = path.resolve(root, '../shared/peers/parcel-deck/chrome-mv3');
const started = Date.now();
const log = (...a) => console.log(...a);
const step = (s) => log(`\n▶ ${s}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {}
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) osName = `${pretty} (${os.release()})`;
  } catch {}
  return { cpu, cores: os.cpus().length, memGiB: os.totalmem() / 2 ** 30, loadavg: os.loadavg(), os: osName };
}

function git() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

// --render: rewrite BENCHMARKS.md from the last .bench/results.json without measuring again.
if (process.argv.includes('--render')) {
  const last = JSON.parse(readFileSync(path.join(work, 'results.json'), 'utf8'));
  for (const h of last.browser?.pageCost.hotspots ?? []) h.code ||= codeAt(path.join(work, 'ext'), h.frame);
  writeFileSync(path.join(work, 'results.json'), `${JSON.stringify(last, null, 2)}\n`);
  writeFileSync(path.join(root, 'BENCHMARKS.md'), `${render(last)}\n`);
  log(summaryTable(last));
  process.exit(0);
}

mkdirSync(work, { recursive: true });
const results = { date: new Date().toISOString(), machine: machine(), git: git(), quick };

// 6 (first, because it builds): `wxt zip` builds chrome-mv3 and zips it. A private copy of the
// build is used from here on, so a rebuild by someone else during the run changes nothing.
step('Building and zipping the extension (wxt zip)');
const wxt = path.join(root, 'node_modules/.bin/wxt');
const zipRun = spawnSync(wxt, ['zip'], { cwd: root, encoding: 'utf8' });
if (zipRun.status !== 0) {
  process.stderr.write(zipRun.stdout + zipRun.stderr);
  throw new Error('wxt zip failed');
}
const extDir = path.join(work, 'ext');
rmSync(extDir, { recursive: true, force: true });
cpSync(path.join(root, '.output/chrome-mv3'), extDir, { recursive: true });
const zips = readdirSync(path.join(root, '.output'))
  .filter((f) => f.endsWith('-chrome.zip'))
  .map((f) => path.join(root, '.output', f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
results.sizes = measureSizes(extDir, zips[0]);
// Issue 16 "nothing blocks the page": when each content script runs, from the built manifest.
results.contentScripts = JSON.parse(
  readFileSync(path.join(extDir, 'manifest.json'), 'utf8'),
).content_scripts.map((c) => ({
  js: c.js ?? [],
  runAt: c.run_at ?? 'document_idle',
  world: c.world ?? 'ISOLATED',
}));

const peerDir = path.join(work, 'peer');
rmSync(peerDir, { recursive: true, force: true });
if (existsSync(path.join(peerSource, 'manifest.json'))) cpSync(peerSource, peerDir, { recursive: true });
else log(`No peer build at ${peerSource}: the page cost is measured without the peer.`);
const peerOk = existsSync(path.join(peerDir, 'manifest.json'));
if (peerOk) results.peerSizes = measureSizes(peerDir, null);

if (only) {
  const browser = await runBrowserBenches(extDir, { log, quick, peerDir: peerOk ? peerDir : null, only });
  writeFileSync(path.join(work, `only-${only}.json`), `${JSON.stringify(browser, null, 2)}\n`);
  log(JSON.stringify(browser, (k, v) => (k === 'samples' ? undefined : v), 1));
  process.exit(0);
}

step('Bundling the readers and rules for Node (Vite)');
await build({ configFile: path.join(root, 'tests/bench/vite.config.mjs'), logLevel: 'warn' });

step('1. Reading and 2. Rules (Node)');
const nodeRun = spawnSync(
  process.execPath,
  ['--expose-gc', path.join(root, 'tests/bench/node-bench.mjs'), path.join(work, 'node/node-entry.mjs')],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (nodeRun.status !== 0) {
  process.stderr.write(nodeRun.stderr);
  throw new Error('the Node benchmarks failed');
}
results.node = JSON.parse(nodeRun.stdout);

step('3. Storing, 4. Popup, 5. Page cost beside the peer, 7. Memory (Chromium)');
try {
  results.browser = await runBrowserBenches(extDir, { log, quick, peerDir: peerOk ? peerDir : null });
} catch (error) {
  results.browser = null;
  results.browserError = error instanceof Error ? error.message : String(error);
  console.error(error);
}

results.wallSeconds = (Date.now() - started) / 1000;
writeFileSync(path.join(work, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const md = render(results);
const target =
  quick || !results.browser ? path.join(work, 'BENCHMARKS.quick.md') : path.join(root, 'BENCHMARKS.md');
writeFileSync(target, `${md}\n`);

log(`\n${md}\n`);
log(summaryTable(results));
log(
  `\nWritten: ${path.relative(root, target)} and .bench/results.json (${results.wallSeconds.toFixed(0)} s)`,
);
if (!results.browser) {
  log('The browser figures failed, so BENCHMARKS.md was left as it was.');
  process.exitCode = 1;
}
if (!existsSync(path.join(root, 'BENCHMARKS.md')) && quick)
  log('Run without --quick to write BENCHMARKS.md.');
