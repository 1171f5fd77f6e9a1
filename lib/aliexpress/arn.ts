/**
 * BEST EFFORT. No public source shows where AliExpress puts the card refund's Acquirer Reference
 * Number (reference §9 "Biggest uncertainties"; guide-aliexpress.com/en/what-is-the-arn-on-aliexpress
 * says only that it "should be available on your order page"). An ARN is 23 digits (Visa/Mastercard
 * format, last digit a Luhn check). We accept it only next to an ARN label, so a random 23-digit
 * id elsewhere is never taken for one. Replace with the real field once a capture shows it.
 */

/**
 * "ARN", "Acquirer Reference Number" and its translations in bank and card-network help
 * vocabulary. GUESS: none of the translations has been seen on an AliExpress page; they rest on
 * how banks name the number (pt/es/fr/de/it/ru/pl/ko/ja/zh/tr). Any of them is only taken next
 * to 23 Luhn-valid digits.
 */
const ARN_LABEL =
  /\bARN\b|acquirer'?s?\s*ref(?:erence)?(?:\s*(?:number|no\.?|n[º°o]))?|n[úu]mero de refer[eê]ncia do adquirente|n[úu]mero de referencia del adquirente|num[ée]ro de r[ée]f[ée]rence de l'acqu[ée]reur|referenznummer des acquirers|numero di riferimento dell'acquirente|номер arn|референсный номер|numer referencyjny (?:agenta rozliczeniowego|acquirera)|매입사\s*참조\s*번호|アクワイア(?:ラ|ラー|ラ―)参照番号|收单(?:行|机构)?参考号|(?:alıcı|edinen) banka referans numarası/i;

/**
 * Field names that say "ARN": `arn`, `arnNo`, `refundArn`, `acquirerReferenceNumber`, and
 * `acquirerReferenceNo` — the name Alipay's acquiring refund API gives it (GUESS that AliExpress
 * passes it on under that name; no capture shows it).
 */
const ARN_KEY = /arn|acquirer.?ref/i;

const ARN_NEAR = /(\d(?:[ \u00a0]?\d){22})(?!\d)/;

function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The 23-digit ARN that follows an ARN label in `text` (spaces allowed), or null. */
export function arnFromText(text: string): string | null {
  if (typeof text !== 'string' || text.length > 20_000) return null;
  const label = ARN_LABEL.exec(text);
  if (!label) return null;
  const after = text.slice(label.index + label[0].length, label.index + label[0].length + 80);
  const m = ARN_NEAR.exec(after);
  if (!m?.[1]) return null;
  const digits = m[1].replace(/\D/g, '');
  return digits.length === 23 && luhnOk(digits) ? digits : null;
}

/**
 * An ARN written as a bare JSON number under an ARN field name: 23 digits do not survive
 * `JSON.parse` (beyond 2^53), so they are taken from the body text. GUESS: a number is possible
 * because AliExpress sends other long ids as numbers (`tradeOrderId` in the detail).
 */
export function arnFromRaw(raw: string | null): string | null {
  if (raw === null) return null;
  const found = new Set<string>();
  for (const m of raw.matchAll(/"([A-Za-z_]*(?:arn|acquirer_?ref)[A-Za-z_]*)"\s*:\s*(\d{23})(?![\d.])/gi)) {
    if (m[2] && luhnOk(m[2])) found.add(m[2]);
  }
  // Two different ARNs cannot be told apart from the text: none is taken.
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** An ARN value held under a key whose name says so (/arn|acquirer.?ref/i), or a labelled text. */
export function arnFromJson(x: unknown, depth = 0): string | null {
  if (depth > 6 || x === null || typeof x !== 'object') return null;
  if (Array.isArray(x)) {
    for (const v of x) {
      const found = arnFromJson(v, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const obj = x as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (ARN_KEY.test(k) && (typeof v === 'string' || typeof v === 'number')) {
      const digits = String(v).replace(/[ \u00a0]/g, '');
      if (/^\d{23}$/.test(digits) && luhnOk(digits)) return digits;
    }
  }
  // A {title|label|name: "ARN", value|content: "…"} pair.
  const label = [obj.title, obj.label, obj.name, obj.key].find(
    (v) => typeof v === 'string' && ARN_LABEL.test(v),
  );
  if (typeof label === 'string') {
    for (const v of [obj.value, obj.content, obj.text, obj.desc]) {
      if (typeof v === 'string') {
        const found = arnFromText(`${label} ${v}`);
        if (found) return found;
      }
    }
  }
  for (const v of Object.values(obj)) {
    if (typeof v === 'string' && ARN_LABEL.test(v)) {
      const found = arnFromText(v);
      if (found) return found;
    } else if (typeof v === 'object') {
      const found = arnFromJson(v, depth + 1);
      if (found) return found;
    }
  }
  return null;
}
