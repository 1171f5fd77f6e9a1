// Fixture pages that behave like AliExpress's single-page apps: an empty shell whose own
// script calls the MTOP API (as JSON through fetch, or as JSONP through a script tag) and
// renders what comes back. Values are ours; shapes follow shared/reference/aliexpress-data.md.
import { acsUrl } from '../support/aliexpress-bodies.mjs';

const shell = (title, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><div id="root">Loading…</div><script>${script}</script></body></html>`;

/** The order list; it fetches page 1 of order.list (JSON or JSONP) and renders the cards. */
export function orderListPage({ jsonp = false } = {}) {
  const api = 'mtop.aliexpress.trade.buyer.order.list';
  const url = acsUrl(
    api,
    { statusTab: 'all', renderType: 'init', clientPlatform: 'pc' },
    { jsonp: jsonp ? 'mtopjsonp1' : undefined },
  );
  const render = `function render(body) {
    var root = document.getElementById('root'); root.textContent = '';
    var data = body.data.data;
    var keys = body.data.hierarchy.structure[body.data.hierarchy.root].flatMap(function (k) { return body.data.hierarchy.structure[k] || []; });
    keys.forEach(function (k) {
      var o = data[k] && data[k].fields; if (!o || !o.orderId) return;
      var card = document.createElement('div'); card.className = 'order-item'; card.setAttribute('data-test-order', o.orderId);
      card.textContent = o.statusText + ' · Order ID: ' + o.orderId + ' · ' + o.totalPriceText;
      root.appendChild(card);
    });
    document.title = 'Orders loaded';
  }`;
  const load = jsonp
    ? `window.mtopjsonp1 = function (body) { render(body); };
       var s = document.createElement('script'); s.src = ${JSON.stringify(url)}; document.head.appendChild(s);`
    : `fetch(${JSON.stringify(url)}, { credentials: 'include' }).then(function (r) { return r.json(); }).then(render);`;
  return shell('Orders', `${render}\n${load}`);
}

/** An order's detail page; it fetches order.detail through XMLHttpRequest, as older pages do. */
export function orderDetailPage(orderId) {
  const url = acsUrl('mtop.aliexpress.trade.buyer.order.detail', {
    tradeOrderId: orderId,
    clientPlatform: 'pc',
    channel: 'tracking',
  });
  return shell(
    'Order details',
    `var x = new XMLHttpRequest(); x.open('GET', ${JSON.stringify(url)});
     x.onload = function () { var b = JSON.parse(x.responseText); document.getElementById('root').textContent = 'Order ' + ${JSON.stringify(orderId)} + ': ' + Object.keys(b.data.data).length + ' blocks'; document.title = 'Detail loaded'; };
     x.send();`,
  );
}

/** An order's tracking page; it loads querydetail as JSONP. */
export function trackingPage(orderId) {
  const url = acsUrl(
    'mtop.ae.ld.querydetail',
    { tradeOrderId: orderId, terminalType: 'PC', needPageDisplayInfo: true },
    { jsonp: 'mtopjsonp2' },
  );
  return shell(
    'Tracking',
    `window.mtopjsonp2 = function (b) { document.getElementById('root').textContent = b.data.module.trackingDetailLineList.length + ' package(s)'; document.title = 'Tracking loaded'; };
     var s = document.createElement('script'); s.src = ${JSON.stringify(url)}; document.head.appendChild(s);`,
  );
}

/** The returns and refunds list; it POSTs to the reverse API like the real page. */
export function refundListPage() {
  const url = acsUrl('mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer', {
    pageNo: 1,
    size: 10,
    reverseStatus: 1,
  });
  return shell(
    'Returns and refunds',
    `fetch(${JSON.stringify(url)}, { method: 'POST', credentials: 'include' }).then(function (r) { return r.text(); }).then(function (t) { document.getElementById('root').textContent = t.length + ' bytes'; document.title = 'Refunds loaded'; });`,
  );
}
