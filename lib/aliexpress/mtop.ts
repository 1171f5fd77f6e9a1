import { arr, isRecord } from './json';

/**
 * MTOP answers HTTP 200 with `ret: ["CODE::message"]`. Success is `SUCCESS::调用成功`; failures
 * include `FAIL_SYS_TOKEN_EXOIRED` (sic), `FAIL_SYS_TOKEN_EMPTY`, `FAIL_SYS_ILLEGAL_ACCESS`,
 * `FAIL_SYS_SESSION_EXPIRED`, `NEED_LOGIN`, `FAIL_SYS_SID_INVALID`, `FAIL_SYS_TRAFFIC_LIMIT`,
 * `FAIL_SYS_USER_VALIDATE` (anti-bot) — maxwellmezadre/aliexpress-mcp docs/INTERNAL-API.md,
 * luftaquila/parcel-deck docs/ALIEXPRESS_MTOP.md, we4sz/aliexpress-mcp-server aliexpress_mcp/core.py.
 */
export function mtopErrorCode(parsed: unknown): string | null {
  if (!isRecord(parsed)) return null;
  const ret = arr(parsed.ret).filter((r): r is string => typeof r === 'string');
  if (ret.length === 0) return null;
  if (ret.some((r) => r.startsWith('SUCCESS'))) return null;
  const code = (ret[0] ?? '').split('::')[0]?.trim() ?? '';
  // A code is one upper-case word; anything else is page text, which diagnostics never repeat
  // (fuzzing found a 3,000-character `ret` copied into the problem text).
  return /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'UNKNOWN_MTOP_ERROR';
}

/** A human hint for the popup's diagnostic; never includes body content. */
export function mtopProblem(code: string): string {
  if (/SESSION_EXPIRED|NEED_LOGIN|SID_INVALID/.test(code))
    return `AliExpress asked to log in again (${code})`;
  if (/USER_VALIDATE/.test(code)) return `AliExpress asked for a human check (slider/captcha) (${code})`;
  if (/TRAFFIC_LIMIT/.test(code)) return `AliExpress rate-limited the request (${code})`;
  if (/TOKEN/.test(code)) return `AliExpress's request token had expired; the page will retry (${code})`;
  return `AliExpress answered with an error (${code})`;
}

/**
 * What a stop code means to the buyer. MTOP `ret` codes (shared/reference/aliexpress-data.md
 * §3.1): lost login, the anti-bot check, the rate limit; `login`/`captcha` from the page; a run
 * cut short by a reload; any other code is an error.
 */
export function stopKind(
  code: string,
): 'login' | 'captcha' | 'traffic' | 'unavailable' | 'interrupted' | 'error' {
  // Ours: the page was closed or reloaded while a run was going (lib/content/refresh-run.ts).
  if (code === 'INTERRUPTED') return 'interrupted';
  if (/LOGIN|SESSION_EXPIRED|SID_INVALID/i.test(code)) return 'login';
  if (/VALIDATE|CAPTCHA/i.test(code)) return 'captcha';
  if (/TRAFFIC/.test(code)) return 'traffic';
  return /^(NO_MTOP|TIMEOUT)$/.test(code) ? 'unavailable' : 'error';
}
