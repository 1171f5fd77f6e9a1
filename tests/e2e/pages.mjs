// Fixture pages that behave like AliExpress's single-page apps: an empty shell whose own
// script calls the MTOP API (as JSON through fetch, or as JSONP through a script tag) and
// renders what comes back. Values are ours; shapes follow shared/reference/aliexpress-data.md.
import { acsUrl } from '../support/aliexpress-bodies.mjs';

const STYLE = `body{font:14px sans-serif;margin:16px;background:#f5f5f5}.order-item{background:#fff;margin:8px 0;padding:12px;border-radius:8px}
.order-item-header{display:flex;justify-content:space-between;border-bottom:1px solid #eee;padding-bottom:6px}
.order-item-header-status-text{font-weight:bold}.order-item-header-right{display:flex;gap:12px;color:#666}
.order-item-btns{display:flex;gap:8px;justify-content:flex-end}.order-item-btn{border:1px solid #999;border-radius:14px;padding:4px 12px;background:#fff;color:#000;text-decoration:none}`;

const shell = (title, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>
<body><div id="root">Loading…</div><script>${script}</script></body></html>`;

/** The order list; it fetches page 1 of order.list (JSON or JSONP) and renders the cards. */
export function orderListPage({ jsonp = false } = {}) {
  const api = 'mtop.aliexpress.trade.buyer.order.list';
  const url = acsUrl(
    api,
    { statusTab: 'all', renderType: 'init', clientPlatform: 'pc' },
    { jsonp: jsonp ? 'mtopjsonp1' : undefined },
  );
  // Cards in the list page's markup (shared/reference/aliexpress-data.md §2.1).
  const render = `function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
  function render(body) {
    var root = document.getElementById('root'); root.textContent = '';
    var content = el('div', 'order-content'); root.appendChild(content);
    var data = body.data.data;
    var keys = body.data.hierarchy.structure[body.data.hierarchy.root].flatMap(function (k) { return body.data.hierarchy.structure[k] || []; });
    keys.forEach(function (k) {
      var o = data[k] && data[k].fields; if (!o || !o.orderId) return;
      var card = el('div', 'order-item');
      var header = el('div', 'order-item-header');
      var status = el('div', 'order-item-header-status'); status.appendChild(el('span', 'order-item-header-status-text', o.statusText));
      var right = el('div', 'order-item-header-right');
      var info = el('div', 'order-item-header-right-info');
      info.appendChild(el('div', '', 'Order date: ' + o.orderDateText)); info.appendChild(el('div', '', 'Order ID: ' + o.orderId));
      var details = el('a', '', 'Order details'); details.href = 'https://www.aliexpress.com/p/order/detail.html?orderId=' + o.orderId;
      right.appendChild(info); right.appendChild(details);
      header.appendChild(status); header.appendChild(right); card.appendChild(header);
      var store = el('div', 'order-item-store'); var sn = el('span', 'order-item-store-name'); var sa = el('a', '', o.storeName); sa.href = 'https://www.aliexpress.com/store/1105843321'; sn.appendChild(sa); store.appendChild(sn); card.appendChild(store);
      var contentEl = el('div', 'order-item-content');
      o.orderLines.forEach(function (l) {
        var b = el('div', 'order-item-content-body'); var n = el('div', 'order-item-content-info-name'); var sp = el('span', '', l.itemTitle); sp.title = l.itemTitle; n.appendChild(sp); b.appendChild(n);
        b.appendChild(el('span', 'order-item-content-info-number-quantity', 'x' + l.quantity)); contentEl.appendChild(b);
      });
      var opt = el('div', 'order-item-content-opt');
      opt.appendChild(el('span', 'order-item-content-opt-price-total', 'Total: ' + o.totalPriceText));
      var btns = el('div', 'order-item-btns');
      var track = el('a', 'order-item-btn', 'Track order'); track.href = 'https://www.aliexpress.com/p/tracking/index.html?_addShare=no&_login=yes&tradeOrderId=' + o.orderId;
      btns.appendChild(track); btns.appendChild(el('button', 'order-item-btn', 'Confirm received')); opt.appendChild(btns);
      contentEl.appendChild(opt); card.appendChild(contentEl);
      content.appendChild(card);
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

/** A page whose script calls one API (GET through fetch unless `post`), like the SPA pages do. */
export function apiPage(title, api, data, { post = false } = {}) {
  const url = acsUrl(api, data);
  return shell(
    title,
    `fetch(${JSON.stringify(url)}, { method: ${JSON.stringify(post ? 'POST' : 'GET')}, credentials: 'include' })
       .then(function (r) { return r.text(); })
       .then(function (t) { document.getElementById('root').textContent = '${title}'; document.title = '${title} loaded'; });`,
  );
}

/**
 * The order list with the page's own MTOP helper, as the real page loads it
 * (shared/reference/aliexpress-data.md §3.1): `window.lib.mtop.request` appears a little after
 * load, calls acs as JSONP (`mtopjsonp<N>`), resolves with the response on `SUCCESS` and rejects
 * with it otherwise (`ret: ["FAIL_SYS_USER_VALIDATE::…"]`), like the library.
 */
export function orderListPageWithMtop({ jsonp = false, mtopAfterMs = 300 } = {}) {
  const mtop = `(function () {
    var n = 100;
    function request(o) {
      return new Promise(function (resolve, reject) {
        var cb = 'mtopjsonp' + (++n);
        var q = new URLSearchParams({ jsv: '2.5.1', appKey: '12574478', t: String(Date.now()), sign: 'x', api: o.api, v: o.v,
          type: 'jsonp', dataType: o.dataType, callback: cb, data: JSON.stringify(o.data) });
        var s = document.createElement('script');
        window[cb] = function (b) {
          s.remove();
          var ok = b && Array.isArray(b.ret) && b.ret.some(function (r) { return String(r).indexOf('SUCCESS') === 0; });
          (ok ? resolve : reject)(b);
        };
        s.onerror = function () { s.remove(); reject({ ret: ['FAIL_SYS_NETWORK::network error'] }); };
        s.src = 'https://acs.aliexpress.com/h5/' + o.api + '/1.0/?' + q;
        document.head.appendChild(s);
      });
    }
    setTimeout(function () { window.lib = { mtop: { request: request } }; }, ${Number(mtopAfterMs)});
  })();`;
  return orderListPage({ jsonp }).replace('</body>', () => `<script>${mtop}</script></body>`);
}
