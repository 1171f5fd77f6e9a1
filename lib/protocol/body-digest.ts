/**
 * The digest of a captured body, worked out the same way by the worker (which remembers the
 * bodies it read that changed nothing, lib/background/page-known.ts) and by the isolated script
 * (which compares its body with the digest the worker gives out, `captureKnown`). Sending a
 * 150 KB body over `runtime.sendMessage` was the page's largest cost (5–14 ms per load,
 * BENCHMARKS.md §5); a small question and a digest cost a fraction of that. Plain functions of
 * the text, no state.
 */

/**
 * The parts of an MTOP answer that change on every request while saying nothing a reader reads:
 * the gateway's `traceId` (top level of every real capture in ../shared/aliexpress-fixtures) and
 * the Ultron pages' server clock `data.global.curTime` (order-list-init.json, order-detail.json).
 * With them in, no two visits of one unchanged page would share a digest. Both sides blank them
 * the same way, and no reader reads either key (tests/unit/protocol/body-digest.test.ts checks
 * lib/aliexpress for them).
 *
 * Why two bodies that differ only there read the same: in JSON text `"traceId":"` can only be
 * that key opening a string (a string's own quotes are escaped), and only a value that is valid
 * JSON whatever it is gets blanked (letters and digits; a number without a leading zero followed
 * by `,` or `}`), so the other body is as valid as this one and differs only in that value.
 * Anything else that differs gives another digest, and the body is sent: a miss only costs the send.
 */
const VOLATILE: readonly [key: string, value: RegExp, blank: string][] = [
  ['"traceId":"', /^[0-9A-Za-z]{0,64}"/, ''],
  ['"curTime":', /^(0|[1-9][0-9]{0,15})[,}]/, '0'],
];

/**
 * Where the volatile values are, in text order: [start, end, what replaces them]. The last
 * occurrence of each key (the real answers have one, near the end: found at once from there).
 */
function volatileSpans(text: string): [number, number, string][] {
  const spans: [number, number, string][] = [];
  for (const [key, value, blank] of VOLATILE) {
    const at = text.lastIndexOf(key);
    if (at < 0) continue;
    const start = at + key.length;
    const m = value.exec(text.slice(start, start + 84));
    // The closing quote, or the `,`/`}` after the number, stays.
    if (m) spans.push([start, start + m[0].length - 1, blank]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The text the digest is of (what `bodyDigest` hashes, as a string). */
export function withoutVolatile(text: string): string {
  let out = '';
  let from = 0;
  for (const [start, end, blank] of volatileSpans(text)) {
    out += text.slice(from, start) + blank;
    from = end;
  }
  return out + text.slice(from);
}

/**
 * SHA-256 of `withoutVolatile(text)` as UTF-8, 64 hex digits. The pieces are encoded straight
 * into one buffer: on the order list's 150 KB body that costs the page ~0.4 ms, against ~0.9 ms
 * for encoding the joined text (measured in Chromium 156, tests/bench). The digest itself is
 * WebCrypto's.
 */
export async function bodyDigest(text: string): Promise<string> {
  const encoder = new TextEncoder();
  const bytes = new Uint8Array(text.length * 3);
  let length = 0;
  let from = 0;
  const put = (s: string) => {
    length += encoder.encodeInto(s, bytes.subarray(length)).written;
  };
  for (const [start, end, blank] of volatileSpans(text)) {
    put(text.slice(from, start));
    put(blank);
    from = end;
  }
  put(text.slice(from));
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.subarray(0, length)));
  let hex = '';
  for (const b of hash) hex += b.toString(16).padStart(2, '0');
  return hex;
}
