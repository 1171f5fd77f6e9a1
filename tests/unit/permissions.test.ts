// @vitest-environment node
/**
 * What the extension may touch is part of its promise to buyers: a test fails as soon as either
 * built manifest asks for more than the agreed permissions and hosts, runs a content script
 * anywhere else, exposes files to pages it does not need to, or relaxes the default CSP (which
 * is what keeps remote code out). Both manifests are built fresh into a temporary folder, so the
 * test checks what would ship, not a stale `.output/`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

const PERMISSIONS = ['alarms', 'notifications', 'storage'];
/** https only (issue 14): a plain-http page can be written by anyone on the network path. */
const HOSTS = ['https://*.aliexpress.com/*', 'https://*.aliexpress.us/*'];
const HOST_PREFIXES = ['https://*.aliexpress.com/', 'https://*.aliexpress.us/'];
/** Keys that widen what the extension can reach or who can reach it. None is agreed. */
const FORBIDDEN_KEYS = [
  'optional_permissions',
  'optional_host_permissions',
  'externally_connectable',
  'content_security_policy',
  'sandbox',
  'chrome_url_overrides',
  'devtools_page',
  'declarative_net_request',
  'update_url',
  'oauth2',
  'key',
];

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; js?: string[]; world?: string }>;
  web_accessible_resources?: unknown[];
};

let outDir = '';
const manifests: Record<'chrome' | 'firefox', Manifest> = {
  chrome: { manifest_version: 0 },
  firefox: { manifest_version: 0 },
};

async function build(browser: 'chrome' | 'firefox'): Promise<string> {
  const dir = path.join(outDir, browser);
  const script = `const { build } = await import('wxt');
    await build({ browser: ${JSON.stringify(browser)}, outDir: ${JSON.stringify(dir)} });`;
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 120_000 });
  const [target] = await readdir(dir);
  if (!target) throw new Error(`wxt build -b ${browser} produced nothing`);
  return path.join(dir, target);
}

const built: Record<'chrome' | 'firefox', string> = { chrome: '', firefox: '' };

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'buyer-shield-manifest-'));
  for (const browser of ['chrome', 'firefox'] as const) {
    built[browser] = await build(browser);
    manifests[browser] = JSON.parse(await readFile(path.join(built[browser], 'manifest.json'), 'utf8'));
  }
}, 240_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function expectContentScriptsOnlyOnAliExpress(m: Manifest): void {
  const scripts = m.content_scripts ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const cs of scripts) {
    expect(cs.matches.length).toBeGreaterThan(0);
    for (const match of cs.matches) {
      expect(
        HOST_PREFIXES.some((p) => match.startsWith(p)),
        match,
      ).toBe(true);
    }
  }
}

function expectNothingForbidden(m: Manifest): void {
  for (const key of FORBIDDEN_KEYS) expect(m[key], key).toBeUndefined();
}

/** Every script and style the pages load is a file of the package: no remote code. */
async function expectNoRemoteCode(dir: string): Promise<void> {
  const files = await readdir(dir, { recursive: true });
  const html = files.filter((f) => f.endsWith('.html'));
  expect(html.length).toBeGreaterThan(0);
  for (const f of html) {
    const text = await readFile(path.join(dir, f), 'utf8');
    expect(text, f).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
    expect(text, f).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
  }
}

describe('Chrome (MV3) manifest', () => {
  it('asks for exactly storage, alarms and notifications, on the two AliExpress hosts', () => {
    const m = manifests.chrome;
    expect(m.manifest_version).toBe(3);
    expect([...(m.permissions ?? [])].sort()).toEqual(PERMISSIONS);
    expect([...(m.host_permissions ?? [])].sort()).toEqual(HOSTS);
  });

  it('runs content scripts only on AliExpress, the capture in the page world', () => {
    const m = manifests.chrome;
    expectContentScriptsOnlyOnAliExpress(m);
    expect(m.content_scripts?.some((cs) => cs.world === 'MAIN')).toBe(true);
  });

  it('exposes no file to web pages and keeps the default CSP', async () => {
    const m = manifests.chrome;
    expect(m.web_accessible_resources).toBeUndefined();
    expectNothingForbidden(m);
    await expectNoRemoteCode(built.chrome);
  });
});

describe('Firefox (MV2) manifest', () => {
  it('asks for exactly storage, alarms and notifications, on the two AliExpress hosts', () => {
    const m = manifests.firefox;
    expect(m.manifest_version).toBe(2);
    // MV2 lists hosts among the permissions.
    expect([...(m.permissions ?? [])].sort()).toEqual([...PERMISSIONS, ...HOSTS].sort());
    expect(m.host_permissions).toBeUndefined();
  });

  it('runs content scripts only on AliExpress', () => {
    expectContentScriptsOnlyOnAliExpress(manifests.firefox);
  });

  it('exposes at most the capture script to pages, and keeps the default CSP', async () => {
    const m = manifests.firefox;
    const exposed = (m.web_accessible_resources ?? []) as string[];
    expect(
      exposed.every((f) => /^[\w/-]*aliexpress-capture[\w-]*\.js$/.test(f)),
      exposed.join(),
    ).toBe(true);
    expectNothingForbidden(m);
    await expectNoRemoteCode(built.firefox);
  });
});
