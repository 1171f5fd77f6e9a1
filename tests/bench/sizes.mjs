// Figure 6: bundle sizes per entrypoint, raw and gzip -9, from the built extension's manifest
// and HTML pages (each entrypoint counted with every file it loads, shared chunks included).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

function sizeOf(file) {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** A JS file plus the chunks it imports statically, transitively. */
function jsClosure(dir, rel, into) {
  if (into.has(rel)) return;
  into.add(rel);
  const code = readFileSync(path.join(dir, rel), 'utf8');
  for (const m of code.matchAll(
    /(?:import|export)\s*(?:[^'"`;]*?from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g,
  )) {
    const spec = m[1];
    if (spec) jsClosure(dir, path.posix.join(path.posix.dirname(rel), spec), into);
  }
}

/** An HTML page plus its scripts (with their imports) and stylesheets. */
function htmlClosure(dir, rel) {
  const files = new Set([rel]);
  const html = readFileSync(path.join(dir, rel), 'utf8');
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
    if (m[1]) jsClosure(dir, m[1].replace(/^\//, ''), files);
  }
  for (const m of html.matchAll(/<link[^>]*\shref="([^"]+\.(?:css|js))"/g)) {
    if (m[1]) {
      const f = m[1].replace(/^\//, '');
      if (f.endsWith('.js')) jsClosure(dir, f, files);
      else files.add(f);
    }
  }
  return files;
}

export function measureSizes(extDir, zipFile) {
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const entries = [];
  const add = (name, files) => {
    let raw = 0;
    let gzip = 0;
    const list = [...files].filter((f) => existsSync(path.join(extDir, f)));
    for (const f of list) {
      const s = sizeOf(path.join(extDir, f));
      raw += s.raw;
      gzip += s.gzip;
    }
    entries.push({ name, files: list, raw, gzip });
  };
  if (manifest.background?.service_worker) {
    const files = new Set();
    jsClosure(extDir, manifest.background.service_worker, files);
    add('background (service worker)', files);
  }
  for (const cs of manifest.content_scripts ?? []) {
    for (const js of cs.js ?? []) {
      const files = new Set();
      jsClosure(extDir, js, files);
      add(`${js}${cs.world === 'MAIN' ? ' (MAIN world)' : ' (isolated)'}`, files);
    }
  }
  const popup = manifest.action?.default_popup;
  if (popup) add(`popup (${popup} + scripts + styles)`, htmlClosure(extDir, popup));
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) add(`options (${options} + scripts + styles)`, htmlClosure(extDir, options));
  const all = [];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(extDir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else all.push({ file: r, ...sizeOf(path.join(extDir, r)) });
    }
  };
  walk('');
  all.sort((a, b) => b.raw - a.raw);
  return {
    entries,
    files: all,
    zip:
      zipFile && existsSync(zipFile) ? { file: path.basename(zipFile), bytes: statSync(zipFile).size } : null,
  };
}
