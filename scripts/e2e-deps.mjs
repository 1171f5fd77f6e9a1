// Makes sure the browsers the end-to-end tests drive are on this machine, so that the README's
// `npm ci && npm test` works on a fresh one: Debian's Chromium (tests/e2e/harness.mjs), and
// Firefox ESR with openssl, which makes the certificate of its https test server
// (tests/e2e/firefox.test.mjs). Missing ones are installed with apt-get when we are
// root or have password-less sudo; otherwise it stops and prints the exact command to run.
// Playwright's own browser download is not used: this project drives the system's browsers.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const FIREFOX = '/usr/bin/firefox-esr';

function missing() {
  const wanted = [];
  const chrome = process.env.CHROME_PATH;
  if (chrome ? !existsSync(chrome) : !CHROMIUM.some((p) => existsSync(p))) {
    if (chrome) {
      console.error(`CHROME_PATH is set to ${chrome}, but no file is there.`);
      process.exit(1);
    }
    wanted.push('chromium');
  }
  const firefox = process.env.FIREFOX_PATH ?? FIREFOX;
  if (!existsSync(firefox)) wanted.push('firefox-esr');
  if (spawnSync('sh', ['-c', 'command -v openssl'], { stdio: 'ignore' }).status !== 0) wanted.push('openssl');
  return wanted;
}

const packages = missing();
if (packages.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

if (!hasApt || (!isRoot && !canSudo)) {
  console.error(
    `The end-to-end tests need ${packages.join(' and ')}, which this machine lacks.\n` +
      (hasApt
        ? `Install with:  sudo sh -c '${command}'\n`
        : "Install Debian's packages of the same names, or set CHROME_PATH / FIREFOX_PATH to the browsers.\n") +
      'then run npm test again.',
  );
  process.exit(1);
}

console.log(`== Installing ${packages.join(' and ')} for the end-to-end tests (Debian's packages)`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args) =>
  isRoot
    ? execFileSync(args[0], args.slice(1), { stdio: 'inherit', env })
    : execFileSync('sudo', ['-n', '--preserve-env=DEBIAN_FRONTEND', ...args], { stdio: 'inherit', env });
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', ...packages]);
const still = missing();
if (still.length > 0) {
  console.error(`apt-get finished but ${still.join(' and ')} is still missing.`);
  process.exit(1);
}
