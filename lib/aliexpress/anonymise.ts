import type { CapturedApi, Observations, PageKind } from '@/lib/schema/model';
import { parseBody } from './body';
import { mtopErrorCode } from './mtop';

/**
 * The anonymiser of the samples a buyer can choose to share (docs/contributing-samples.md). Pure:
 * body text and a seed in, anonymised text and a count of what was removed out. It works on the
 * text, not on `JSON.parse` output, so it also handles JSONP and truncated bodies, and ids of 16+
 * digits keep every digit (JSON numbers beyond 2^53 would not survive a parse).
 *
 * - Values under keys that name a person, an address, a phone, an e-mail, an identity document or
 *   a tracking number, or hold text a person typed (titles, store names, SKU texts, messages,
 *   tracking descriptions), become placeholders of the same shape: letters → x/X, digits → 0.
 *   Every string under an address/receiver/contact object is treated so (`addressVO`,
 *   `logisticsReceiverInfo` — its `receiverInfoRichText` repeats the name), and so are the
 *   tracking events' `detailedLocation` (the buyer's town near the end).
 * - Anywhere else, e-mail addresses, "+" phone numbers and tracking-number-like tokens (letters
 *   with 8+ digits, "RB123456785GB") are replaced the same way.
 * - Every run of 9+ digits (in values, numbers and keys such as `pc_om_list_order_8214…`) is
 *   remapped by adding one secret offset per length: same length, no leading zero made or lost,
 *   the last 4 digits kept, so relations between ids hold (a return line id = its return id +
 *   100000; a trade order line id = its order id + 10000 × n; a reverse id and its order share
 *   their last 4 digits — ../shared/aliexpress-captures/README.md). An offset only the buyer's
 *   browser knew cannot be undone from the file; a new one is drawn for every file.
 * - A 23-digit ARN (Luhn-valid) keeps its first 11 digits (format, acquirer, processing date) and
 *   gets a new reference and check digit, so it still reads as an ARN.
 * - Untouched: field names, money, dates and epochs (anything under a time/date field, and
 *   13-digit values in 2000–2100 unless their field names an id), codes, component tags,
 *   statuses and labels AliExpress wrote.
 * A body that is neither JSON nor JSONP (an HTML page) keeps only its punctuation and spacing.
 */

export interface Removed {
  names: number;
  addresses: number;
  phones: number;
  emails: number;
  trackingNumbers: number;
  texts: number;
  /** Distinct runs of 9+ digits remapped. */
  ids: number;
}

type Category = Exclude<keyof Removed, 'ids'>;

const NAME_KEY =
  /^(?:(?:contact|receiver|buyer|consignee|recipient|full|first|last|middle|nick|user|login|member|store|shop|seller|signer|company|card_?holder|holder)_?name|(?:buyer_?)?login_?id|nick|alias)$/i;
const ADDRESS_KEY =
  /address|location|^street|^(?:city|province|district|county|town|neighbou?rhood)(?:_?name)?$|zip|post_?code|^house_?(?:no|number)$/i;
const PHONE_KEY = /phone|mobile|^tel$|telephone|^fax$/i;
const EMAIL_KEY = /e-?mail(?!_?no)/i;
const DOCUMENT_KEY =
  /^(?:cpf|cnpj|rut|inn|tax_?(?:id|no|number)|passport(?:_?no)?|id_?card(?:_?no)?|document_?(?:no|number))$/i;
const TRACKING_KEY = /mail_?no$|tracking_?(?:number|no)$|waybill|logistics_?no$/i;
const TEXT_KEY =
  /^(?:item|product|goods)_?(?:title|name)$|^subject$|^sku_?(?:value|desc|attr|text)$|memo|message|remark|comment|^notes?$|^description$|evidence|^chat|^reply|trackingdetaildesc|^buyer_?(?:text|desc|reason)/i;
/** Every string under these objects is personal (`addressVO`, receiver blocks). */
const PERSONAL_CONTAINER = /addressvo|^address|receiver|consignee|^contact|buyerinfo|userinfo|^member/i;
/** SKU attribute lists: their `text`/`value` are the seller's words for the variant. */
const SKU_CONTAINER = /^sku\w*$/i;
const TIME_KEY = /time|date(?!d)|gmt|stamp/i;
const ID_KEY = /(?:id|no|num|number|seq|code)$/i;
type DigitsUnder = 'time' | 'id' | 'other';
/** What the digits under a field are: a time (kept), an id (remapped), or unknown. */
function digitsUnder(key: string | null): DigitsUnder {
  if (key === null) return 'other';
  if (ID_KEY.test(key)) return 'id';
  return TIME_KEY.test(key) ? 'time' : 'other';
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const PHONE = /\+\d[\d\s().-]{6,}\d/g;
// Not an image or file name in a URL ("/kf/S1404596….jpg").
const TRACKING_TOKEN = /(?<![/\w])[A-Z]{1,5}\d{8,}[A-Z]{0,3}(?!\w|\.[a-z])/g;
const DIGIT_RUN = /\d{9,}/g;
/** 23 digits, maybe grouped by single spaces (an ARN), else any run of 9+ digits. */
const SPACED_23 = /(?<!\d)\d(?:[ \u00a0]?\d){22}(?!\d)|\d{9,}/g;

const MIN_EPOCH = 946_684_800_000n; // 2000-01-01
const MAX_EPOCH = 4_102_444_800_000n; // 2100-01-01

/** Same shape: letters → x/X, digits → 0, everything else kept. */
export function placeholder(s: string): string {
  return s.replace(/\p{L}|\p{N}/gu, (c) => (/\p{N}/u.test(c) ? '0' : c.toLowerCase() !== c ? 'X' : 'x'));
}

function luhnCheckDigit(first22: string): string {
  let sum = 0;
  for (let i = 0; i < first22.length; i++) {
    let d = Number(first22[first22.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

function luhnOk(digits: string): boolean {
  return luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

/**
 * The offset for runs of one length, from the seed and the length alone (splitmix64), so a run
 * maps the same whichever runs came before it.
 */
function offsetFor(seed: bigint, length: number): bigint {
  let state = BigInt.asUintN(64, seed ^ (BigInt(length) * 0x9e3779b97f4a7c15n));
  const next = (): bigint => {
    state = BigInt.asUintN(64, state + 0x9e3779b97f4a7c15n);
    let z = state;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    return z ^ (z >> 31n);
  };
  // A multiple of 10^4, never 0 modulo the range: last 4 digits kept, every id changed.
  const steps = 9n * 10n ** BigInt(length - 5);
  let wide = 0n;
  for (let i = 0; i < Math.ceil(length / 16) + 1; i++) wide = (wide << 64n) | next();
  return ((wide % (steps - 1n)) + 1n) * 10_000n;
}

export interface DigitRemapper {
  /** The remapped run (same length); the same run always maps to the same run. */
  (run: string): string;
  /** Distinct runs remapped so far. */
  readonly count: () => number;
}

/** The consistent remapping of runs of 9+ digits for one sample. */
export function digitRemapper(seed: bigint): DigitRemapper {
  const byLength = new Map<number, bigint>();
  const seen = new Map<string, string>();
  const shift = (run: string): string => {
    const length = run.length;
    let k = byLength.get(length);
    if (k === undefined) {
      k = offsetFor(seed, length);
      byLength.set(length, k);
    }
    const v = BigInt(run);
    if (run[0] === '0') {
      const m = 10n ** BigInt(length);
      return ((v + k) % m).toString().padStart(length, '0');
    }
    const low = 10n ** BigInt(length - 1);
    return (low + ((v - low + k) % (9n * low))).toString();
  };
  const map = ((run: string): string => {
    const known = seen.get(run);
    if (known !== undefined) return known;
    let out: string;
    if (run.length === 23 && luhnOk(run)) {
      const body = `${run.slice(0, 11)}${shift(run.slice(11, 22))}`;
      out = `${body}${luhnCheckDigit(body)}`;
    } else {
      out = shift(run);
    }
    seen.set(run, out);
    return out;
  }) as DigitRemapper;
  Object.defineProperty(map, 'count', { value: () => seen.size });
  return map;
}

function isEpochMs(run: string): boolean {
  if (run.length !== 13) return false;
  const v = BigInt(run);
  return v >= MIN_EPOCH && v < MAX_EPOCH;
}

interface Frame {
  /** The key this object or array is the value of (lower-cased), or null at the top. */
  key: string | null;
  isArray: boolean;
  /** In an object: the key whose value comes next. */
  lastKey: string | null;
  /** This container, or one above it, holds a person's details. */
  personal: boolean;
  sku: boolean;
}

function categoryOf(key: string | null, frame: Frame | undefined): Category | null {
  if (frame?.personal) {
    if (key && PHONE_KEY.test(key)) return 'phones';
    if (key && EMAIL_KEY.test(key)) return 'emails';
    if (key && NAME_KEY.test(key)) return 'names';
    return 'addresses';
  }
  if (key === null) return null;
  if (TRACKING_KEY.test(key)) return 'trackingNumbers';
  if (PHONE_KEY.test(key)) return 'phones';
  if (EMAIL_KEY.test(key)) return 'emails';
  if (NAME_KEY.test(key) || DOCUMENT_KEY.test(key)) return 'names';
  if (ADDRESS_KEY.test(key)) return 'addresses';
  if (TEXT_KEY.test(key)) return 'texts';
  if (/receiver|consignee|recipient/i.test(key)) return 'names';
  if (frame?.sku && /^(?:text|value|name)$/i.test(key)) return 'texts';
  return null;
}

export interface Anonymised {
  text: string;
  removed: Removed;
}

/** Anonymises a response body (JSON, JSONP, truncated JSON or anything else). */
export function anonymiseBody(body: string, seed: bigint): Anonymised {
  const remap = digitRemapper(seed);
  const removed: Removed = {
    names: 0,
    addresses: 0,
    phones: 0,
    emails: 0,
    trackingNumbers: 0,
    texts: 0,
    ids: 0,
  };
  const trimmed = body.trimStart();
  if (!/^(?:[{[]|[A-Za-z_$][\w$.]*\s*\(|\(|null\s*\()/.test(trimmed)) {
    // Not JSON: nothing here is known to be safe to keep.
    removed.texts = body.trim() === '' ? 0 : 1;
    return { text: placeholder(body), removed };
  }
  const remapRun = (run: string, under: DigitsUnder): string => {
    // All zeros is a placeholder already, never an id.
    if (under === 'time' || /^0+$/.test(run)) return run;
    // A 13-digit epoch-like value elsewhere is a time too, unless its field names an id.
    return under === 'other' && isEpochMs(run) ? run : remap(run);
  };
  const remapRuns = (s: string, under: DigitsUnder): string =>
    s.replace(SPACED_23, (m) => {
      const digits = m.replace(/\D/g, '');
      // An ARN written in groups ("7424 1056 1991 …") is remapped as the 23 digits it is.
      if (digits.length !== 23 || !luhnOk(digits)) return m.replace(DIGIT_RUN, (run) => remapRun(run, under));
      const next = remap(digits);
      let at = 0;
      return m.replace(/\d/g, () => next[at++] as string);
    });
  /** Personal tokens inside otherwise kept text. */
  const scrub = (s: string): string =>
    s
      .replace(EMAIL, (m) => {
        removed.emails++;
        return placeholder(m);
      })
      .replace(PHONE, (m) => {
        removed.phones++;
        return placeholder(m);
      })
      .replace(TRACKING_TOKEN, (m) => {
        removed.trackingNumbers++;
        return placeholder(m);
      });

  const stack: Frame[] = [];
  let out = '';
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (j < n && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
      const closed = j < n;
      const raw = body.slice(i + 1, Math.min(j, n));
      i = closed ? j + 1 : n;
      let k = i;
      while (k < n && /\s/.test(body[k] as string)) k++;
      const top = stack[stack.length - 1];
      if (closed && body[k] === ':' && top && !top.isArray) {
        // A field name: kept, but ids inside it ("pc_om_list_order_8214…") are remapped.
        top.lastKey = raw.toLowerCase();
        out += `"${remapRuns(raw, 'id')}"`;
        continue;
      }
      const key = top ? (top.isArray ? top.key : top.lastKey) : null;
      const category = categoryOf(key, top);
      let value = raw;
      if (category !== null && raw.trim() !== '') {
        removed[category]++;
        value = placeholder(decoded(raw));
        value = JSON.stringify(value).slice(1, -1);
      } else {
        value = remapRuns(scrub(raw), digitsUnder(key));
      }
      out += closed ? `"${value}"` : `"${value}`;
      continue;
    }
    if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      const key = top ? (top.isArray ? top.key : top.lastKey) : null;
      stack.push({
        key,
        isArray: c === '[',
        lastKey: null,
        personal: (top?.personal ?? false) || (key !== null && PERSONAL_CONTAINER.test(key)),
        sku: (top?.sku ?? false) || (key !== null && SKU_CONTAINER.test(key)),
      });
      out += c;
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      out += c;
      i++;
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(body.slice(i, i + 400));
      const num = m?.[0] ?? c;
      const top = stack[stack.length - 1];
      const key = top ? (top.isArray ? top.key : top.lastKey) : null;
      const category = categoryOf(key, top);
      if (
        category === 'phones' ||
        category === 'names' ||
        category === 'addresses' ||
        category === 'trackingNumbers'
      ) {
        removed[category]++;
        // Same shape and still a JSON number: "11999999999" → "10000000000".
        out += num.replace(/\d/g, (d, at: number) =>
          at === (num[0] === '-' ? 1 : 0) && d !== '0' ? '1' : '0',
        );
      } else {
        out += remapRuns(num, digitsUnder(key));
      }
      i += num.length;
      continue;
    }
    // Outside strings: punctuation, literals (true/false/null) and a JSONP wrapper's name.
    const m = /^[^"{}[\]\-\d]+/.exec(body.slice(i, i + 4096));
    const chunk = m?.[0] ?? c;
    out += chunk;
    i += chunk.length;
  }
  removed.ids = remap.count();
  return { text: out, removed };
}

function decoded(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** The page a captured API answers for (lib/schema/model.ts CAPTURED_APIS). */
const PAGE_OF_API: Record<CapturedApi, PageKind> = {
  'mtop.aliexpress.trade.buyer.order.list': 'order_list',
  'mtop.aliexpress.trade.buyer.order.detail': 'order_detail',
  'mtop.ae.ld.querydetail': 'tracking',
  'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer': 'refund_list',
  'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer': 'refund_detail',
};

/**
 * What we looked for in a body that was read but did not find: a part a reader exists for but
 * no real response has shown yet (arn.ts; read-refund-detail.ts). Such bodies are kept as samples.
 */
export function missingPart(api: CapturedApi, o: Observations): string | null {
  if (o.disputes.some((d) => d.status === 'unknown'))
    return 'a dispute without a stage we know (its status text is not one we read)';
  if (
    api === 'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer' &&
    o.refunds.some((r) => r.status === 'processed' && r.arn === null)
  )
    return 'a processed refund without an ARN';
  return null;
}

/**
 * Whether an unreadable body is worth keeping as a sample: not an MTOP error answer (log in
 * again, rate limit, expired token), which holds no page data and says all in its code.
 */
export function worthASample(body: string): boolean {
  const parsed = parseBody(body);
  return !parsed.ok || mtopErrorCode(parsed.json) === null;
}

export interface SampleInput {
  api: CapturedApi;
  problem: string;
  seenAt: string;
  body: string;
  extensionVersion: string;
  seed: bigint;
}

export interface SampleFile {
  fileName: string;
  text: string;
  removed: Removed;
}

/** The JSON file a buyer saves: the anonymised body and what it is. */
export function buildSampleFile(s: SampleInput): SampleFile {
  const { text, removed } = anonymiseBody(s.body, s.seed);
  // The problem text holds no body content, but may name an id: remapped with the body's.
  const remap = digitRemapper(s.seed);
  const problem = s.problem.replace(DIGIT_RUN, (run) => remap(run));
  const file = {
    format: 'buyer-shield-sample/1',
    extensionVersion: s.extensionVersion,
    api: s.api,
    pageKind: PAGE_OF_API[s.api] ?? null,
    problem,
    seenAt: s.seenAt,
    removed,
    body: text,
  };
  const day = s.seenAt.slice(0, 10);
  return {
    fileName: `buyer-shield-sample-${PAGE_OF_API[s.api] ?? 'page'}-${day}.json`,
    text: `${JSON.stringify(file, null, 2)}\n`,
    removed,
  };
}
