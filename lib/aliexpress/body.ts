/**
 * Turning captured response text into JSON. Bodies arrive as JSON (`type=originaljson`) or as
 * JSONP `mtopjsonp3({...})` (`dataType=jsonp`), and the legacy endpoints answer ` null({...})`
 * when no callback is given (reference §3.1 and §1.2: maxwellmezadre docs/INTERNAL-API.md,
 * luftaquila/parcel-deck extension/src/public/injected/aliexpress-hook.js, chriskomus
 * bulk-order-download.js).
 */

type ParsedBody = { ok: true; json: unknown } | { ok: false; problem: string };

const JSONP = /^\s*(?:[A-Za-z_$][\w$.]*)?\s*\(([\s\S]*)\)\s*;?\s*$/;

export function parseBody(text: string): ParsedBody {
  if (typeof text !== 'string') return { ok: false, problem: 'the body is not text' };
  // Size is checked once, at the trust boundary (saveCapture, lib/protocol/limits.ts MAX_CAPTURE_CHARS).
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'the body is empty' };
  let inner = trimmed;
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    const m = JSONP.exec(trimmed);
    if (!m?.[1]) {
      return {
        ok: false,
        problem: /^\s*</.test(trimmed)
          ? 'the body is HTML, not JSON (a login or verification page?)'
          : 'the body is neither JSON nor JSONP',
      };
    }
    inner = m[1];
  }
  try {
    return { ok: true, json: JSON.parse(inner) };
  } catch {
    return { ok: false, problem: 'the body is not valid JSON (truncated or changed format)' };
  }
}
