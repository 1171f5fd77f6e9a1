// Forged capture messages for tests/e2e/hostile.test.mjs: what a hostile (or broken) order-list
// page can post to its own window, where our isolated content script listens for
// `{ source: 'buyer-shield-capture', api, url, body }` (lib/aliexpress/capture.ts).
import { acsUrl, orderListBody } from '../support/aliexpress-bodies.mjs';

export const SOURCE = 'buyer-shield-capture';
export const LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
export const LIST_URL = acsUrl(LIST_API, { statusTab: 'all', renderType: 'init', clientPlatform: 'pc' });

const DAY = 86_400_000;
const iso = (offsetDays) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** What the real list answers: stored first, then exported as the baseline. */
export const KNOWN = [
  {
    id: '8400000000000101',
    status: 'Awaiting delivery',
    placedOn: iso(-10),
    totalMinor: 1234,
    store: 'Lamp Store',
    lines: [{ id: '8400000000000111', title: 'Desk lamp', quantity: 1, unitMinor: 1234 }],
  },
  {
    id: '8400000000000102',
    status: 'Completed',
    placedOn: iso(-120),
    totalMinor: 600,
    store: 'Case Shop',
    lines: [{ id: '8400000000000112', title: 'Phone case', quantity: 2, unitMinor: 300 }],
  },
];

// The titles go through the readers' plainText (tags stripped), so the title keeps an
// unterminated tag, which survives; the store name is kept whole.
export const MARKUP_TITLE = 'Lamp <script>window.__pwned=2</script> & <img src=x onerror="window.__pwned=1"';
export const MARKUP_TITLE_STORED = 'Lamp window.__pwned=2 & <img src=x onerror="window.__pwned=1"';
export const MARKUP_STORE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Shop';

/** A new order, schema-valid, with markup in its texts: a page may say this, so it is stored. */
export const MARKUP_ORDER = {
  id: '8400000000000177',
  status: 'Awaiting delivery',
  placedOn: iso(-5),
  totalMinor: 999,
  store: MARKUP_STORE,
  lines: [{ id: '8400000000000178', title: MARKUP_TITLE, quantity: 1, unitMinor: 999 }],
};

/** An order only ever posted in messages that must be ignored. */
export const NEVER = {
  id: '8400000000000188',
  status: 'Awaiting delivery',
  placedOn: iso(-3),
  totalMinor: 100,
  store: 'Ignored Store',
  lines: [{ id: '8400000000000189', title: 'Ignored item', quantity: 1, unitMinor: 100 }],
};

const text = (orders) => JSON.stringify(orderListBody(orders));
const capture = (body, extra = {}) => ({ source: SOURCE, api: LIST_API, url: LIST_URL, body, ...extra });

/** A list body with one order component whose fields are `fields` (nothing else). */
function oneOrder(fields) {
  const body = orderListBody([KNOWN[0]]);
  const key = `pc_om_list_order_${KNOWN[0].id}`;
  body.data.data[key].fields = fields;
  return body;
}

/** Sets an own, enumerable `__proto__` key, as JSON.parse makes it. */
function withProtoKey(target, value) {
  Object.defineProperty(target, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const DEPTH = 10_000;
const deepObject = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;

/** Known orders with a 10,000-deep value in a field the reader never looks at. */
function knownWithDeepField() {
  return text(KNOWN).replaceAll('"orderLineSize":', `"deep":${deepObject},"orderLineSize":`);
}

/** Known order 1's fields with its values under `__proto__` / `constructor` / `prototype` only. */
function protoFields() {
  const hacked = {
    statusText: 'Hacked',
    totalPriceText: 'US $0.01',
    formatPriceInfo: 'US $0.01|0|01',
    currencyCode: 'USD',
    storeName: 'Hacked',
    orderLines: [{ orderLineId: KNOWN[0].lines[0].id, itemTitle: 'Hacked', quantity: 9 }],
    polluted: 'yes',
  };
  const fields = withProtoKey({ orderId: KNOWN[0].id }, hacked);
  fields.constructor = { prototype: hacked };
  fields.prototype = hacked;
  const body = withProtoKey(oneOrder(fields), { polluted: 'yes' });
  body.constructor = { prototype: { polluted: 'yes' } };
  withProtoKey(body.data, { polluted: 'yes', data: { polluted: 'yes' } });
  return JSON.stringify(body);
}

/**
 * Messages the content script must read without changing anything stored (each yields a
 * diagnostic or a reading identical to what is stored). `[name, message]`.
 */
export function harmlessMessages() {
  return [
    ['10,000-deep JSON array', capture(deepArray)],
    ['10,000-deep JSON object', capture(deepObject)],
    ['known orders with a 10,000-deep field', capture(knownWithDeepField())],
    ['__proto__ / constructor / prototype keys', capture(protoFields())],
    [
      'known order, invalid values (status, total as strings, date, store, line id)',
      capture(
        JSON.stringify(
          oneOrder({
            orderId: KNOWN[0].id,
            statusText: { text: 'Hacked' },
            utParams: { args: { orderStatus: 'HACKED' } },
            totalPriceText: 'lots',
            formatPriceInfo: 'free|x|y',
            currencyCode: 'US DOLLARS',
            orderDateText: 'Feb 31, 2026',
            storeName: ['Hacked'],
            storePageUrl: 'javascript:window.__pwned=3',
            orderLines: [{ orderLineId: 'line with spaces', itemTitle: 'Hacked', quantity: 3 }],
          }),
        ),
      ),
    ],
    [
      'known order, total beyond a safe integer',
      capture(
        JSON.stringify(
          oneOrder({
            orderId: KNOWN[0].id,
            totalPriceText: 'US $99999999999999999999.99',
            formatPriceInfo: 'US $99999999999999999999.99|99999999999999999999|99',
            currencyCode: 'USD',
          }),
        ),
      ),
    ],
    [
      'order id with letters',
      capture(
        JSON.stringify(oneOrder({ orderId: '84000000000001AB', statusText: 'Closed', storeName: 'Hacked' })),
      ),
    ],
    [
      'order id of 40 digits',
      capture(
        JSON.stringify(oneOrder({ orderId: '1'.repeat(40), statusText: 'Closed', storeName: 'Hacked' })),
      ),
    ],
  ];
}

/**
 * A known line posted again with an unreadable quantity: the stored quantity (2) must stay.
 * Kept apart: see the bug noted in docs/reliability.md.
 */
export function unreadableQuantityMessage() {
  const body = orderListBody([KNOWN[1]]);
  const key = `pc_om_list_order_${KNOWN[1].id}`;
  body.data.data[key].fields = {
    orderId: KNOWN[1].id,
    orderLines: [{ orderLineId: KNOWN[1].lines[0].id, quantity: 'lots' }],
  };
  return capture(JSON.stringify(body));
}

/**
 * A valid list body with one new order, posted after a message under test: the background
 * applies a page's bodies in the order they were posted (each message opens its transaction
 * before anything awaits), so once this order is stored, every earlier body has been applied.
 */
export const MARKER = {
  id: '8400000000000177',
  status: 'Awaiting delivery',
  placedOn: iso(-2),
  totalMinor: 100,
  store: 'Marker Store',
  lines: [{ id: '8400000000000178', title: 'Marker item', quantity: 1, unitMinor: 100 }],
};
export function markerMessage() {
  return capture(text([MARKER]));
}

/** Messages that are not our capture's and must be ignored: each carries the NEVER order. */
export function ignoredMessages() {
  const valid = text([NEVER]);
  return [
    ['wrong source', capture(valid, { source: 'buyer-shield-capturE' })],
    ['no source', { api: LIST_API, url: LIST_URL, body: valid }],
    ['unknown api', capture(valid, { api: 'mtop.evil.steal.everything' })],
    ['api in capitals', capture(valid, { api: LIST_API.toUpperCase() })],
    ['body as an object', capture(JSON.parse(valid))],
    ['body as a number', capture(42)],
    ['url of 20,000 characters', capture(valid, { url: `${LIST_URL}&pad=${'x'.repeat(20_000)}` })],
    ['the message as JSON text', JSON.stringify(capture(valid))],
    ['null', null],
    ['an array', [SOURCE, LIST_API, LIST_URL, valid]],
  ];
}

/** The new order with markup, posted last: it is stored. */
export function markupMessage() {
  return capture(text([MARKUP_ORDER]));
}

/** The list body the page renders after the attack (its own cards, text through textContent). */
export function renderedAfter() {
  return orderListBody([...KNOWN, MARKUP_ORDER]);
}
