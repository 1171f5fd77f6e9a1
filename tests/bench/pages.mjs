// Fixture pages for the browser benchmarks, served at the real AliExpress order-list URL.
import { enDate, usd } from '../support/aliexpress-bodies.mjs';

const shell = (title, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><div class="order-content" id="root"></div><script>${script}</script></body></html>`;

/**
 * A page that first downloads its bodies (untimed, from a URL the capture does not watch), then,
 * when told, hands each one to its JSONP handler `mtopjsonp<N>` for a `<script>` it inserted for
 * the order.list API, exactly as AliExpress's JSONP pages do. The MAIN-world capture traps those
 * handlers, so from the first call on everything runs through our real path (capture → content
 * script → background → Dexie) with no network or Playwright routing in the timed part.
 */
export function replayPage() {
  return shell(
    'Orders (bench)',
    `window.__preload = async function (paths) {
      var out = [];
      for (var i = 0; i < paths.length; i++) out.push(await (await fetch(paths[i])).json());
      window.__bodies = out;
      return out.length;
    };
    window.__replay = async function (urls) {
      var names = urls.map(function (u) {
        var name = new URL(u).searchParams.get('callback');
        window[name] = function () {};
        var s = document.createElement('script'); s.src = u; document.head.appendChild(s);
        return name;
      });
      await new Promise(function (r) { setTimeout(r, 0); });
      var t0 = Date.now();
      names.forEach(function (n, i) { window[n](window.__bodies[i]); });
      return t0;
    };`,
  );
}

const priceDom = (text) =>
  `<div class="es--wrap--1Hlfkoj">${[...text].map((c) => `<span class="es--char--3xQyM">${c}</span>`).join('')}</div>`;

/** One order-list card in the real DOM shape (tests/fixtures/aliexpress/dom-order-list). */
export function orderCardHtml(o) {
  const lines = o.lines
    .map(
      (l) => `<div class="order-item-content-body">
  <span><div class="order-item-content-img" style="background-image: url('https://ae-pic-a1.aliexpress-media.com/kf/S${l.id}.jpg_220x220.jpg');"></div><span class="sr-only">${l.title}</span></span>
  <div class="order-item-content-info">
    <div class="order-item-content-info-name"><a href="//www.aliexpress.com/item/1005001234567890.html"><span title="${l.title}">${l.title}</span></a></div>
    <div class="order-item-content-info-sku">Color: Black</div>
    <div class="order-item-content-info-number">${priceDom(usd(l.unitMinor).text)}<span class="order-item-content-info-number-quantity">x${l.quantity}</span></div>
  </div>
</div>`,
    )
    .join('');
  return `<div class="order-item">
  <div class="order-item-header">
    <div class="order-item-header-status"><span class="order-item-header-status-text">${o.status}</span></div>
    <div class="order-item-header-right"><div class="order-item-header-right-info">
      <div>Order date: ${enDate(o.placedOn)}</div>
      <div>Order ID: ${o.id}<span class="order-item-header-right-copy">Copy</span></div>
    </div><a class="order-item-header-right-detail" href="//www.aliexpress.com/p/order/detail.html?orderId=${o.id}">Order details</a></div>
  </div>
  <div class="order-item-store"><span class="order-item-store-name"><a href="//www.aliexpress.com/store/1105843321"><span>${o.store}</span></a></span></div>
  <div class="order-item-content">${lines}
    <div class="order-item-content-opt"><div class="order-item-content-opt-price"><span class="order-item-content-opt-price-total">Total: ${priceDom(usd(o.totalMinor).text)}</span></div>
    <div class="order-item-btns-wrap"><div class="order-item-btns"><a href="https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${o.id}">Track order</a></div></div></div>
  </div>
</div>`;
}

/**
 * The order list as the real single-page app behaves: an empty shell whose script fetches
 * order.list (JSON, through `fetch`) and then renders one card per order in the real DOM shape,
 * one card per insertion. The cards' HTML comes with the page, so only the insertions happen late.
 */
export function orderListPageWithCards(apiUrl, orders, { afterLoadMs = null } = {}) {
  const cards = orders.map(orderCardHtml);
  const request = `fetch(${JSON.stringify(apiUrl)}, { credentials: 'include' }).then(function (r) { return r.json(); }).then(function (body) {
      var root = document.getElementById('root');
      CARDS.forEach(function (html) { var t = document.createElement('template'); t.innerHTML = html; root.appendChild(t.content); });
      window.__cardsAt = performance.now();
      document.title = 'Orders loaded ' + body.data.hierarchy.structure.pc_om_list_body_2.length;
    });`;
  return shell(
    'Orders',
    `var CARDS = ${JSON.stringify(cards)};
    ${afterLoadMs === null ? request : `addEventListener('load', function () { setTimeout(function () { ${request} }, ${afterLoadMs}); });`}`,
  );
}
