// Builds AliExpress MTOP response bodies in the shapes of the real captures
// (shared/aliexpress-fixtures, read for their shape only: all values here are invented), for
// the end-to-end tests and the benchmarks. Plain JS so Node runs it without a compile step.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-10-03" → "Oct 3, 2026", the English format the pages show. */
export function enDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** 1234 → "US $12.34|12|34", as `formatPriceInfo` carries it. */
export function usd(minor) {
  const int = Math.floor(minor / 100);
  const frac = String(minor % 100).padStart(2, '0');
  return { text: `US $${int}.${frac}`, info: `US $${int}.${frac}|${int}|${frac}` };
}

const ok = (api, data) => ({ api, data, ret: ['SUCCESS::调用成功'], v: '1.0' });

/**
 * One page of `mtop.aliexpress.trade.buyer.order.list`.
 * orders: [{ id, status ('Awaiting delivery'…), placedOn (ISO), totalMinor, store, lines: [{id, title, quantity, unitMinor}] }]
 */
export function orderListBody(orders, { hasMore = false, pageIndex = 1 } = {}) {
  const data = {
    pc_om_list_page_1: { tag: 'pc_om_list_page', id: '1', type: 'pc_om_list_page', fields: {} },
    pc_om_list_body_2: {
      tag: 'pc_om_list_body',
      id: '2',
      type: 'pc_om_list_body',
      fields: { hasMore, hasMoreText: 'View orders', pageIndex, pageSize: 10 },
    },
  };
  const keys = [];
  for (const o of orders) {
    const key = `pc_om_list_order_${o.id}`;
    keys.push(key);
    const total = usd(o.totalMinor);
    data[key] = {
      tag: 'pc_om_list_order',
      id: o.id,
      type: 'pc_om_list_order',
      status: 'normal',
      position: 'body',
      fields: {
        orderId: o.id,
        orderDateText: enDate(o.placedOn),
        orderDateTitle: 'Date',
        statusText: o.status,
        statusTitle: 'Status',
        totalPriceText: total.text,
        totalPriceTitle: 'Total',
        formatPriceInfo: total.info,
        currencyCode: 'USD',
        baseCurrency: 'USD',
        intentionCurrency: 'USD',
        storeName: o.store ?? 'Vega Store',
        storePageUrl: '//www.aliexpress.com/store/1105843321',
        orderDetailUrl: 'https://www.aliexpress.com/p/order/detail.html',
        orderLineSize: o.lines.length,
        orderLines: o.lines.map((l) => {
          const unit = usd(l.unitMinor);
          return {
            orderLineId: l.id,
            productId: '1005001234567890',
            itemTitle: l.title,
            itemImgUrl: 'https://ae-pic-a1.aliexpress-media.com/kf/example.jpg_220x220.jpg',
            itemPriceText: unit.text,
            formatPriceInfo: unit.info,
            currencyCode: 'USD',
            quantity: l.quantity,
            skuAttrs: [{ id: 14, name: 'Color', text: 'Black', vid: 193 }],
            itemTags: [],
          };
        }),
        buttons: [
          {
            type: 'TRACKING',
            text: 'Track status',
            href: 'https://www.aliexpress.com/p/tracking/index.html',
          },
        ],
      },
    };
  }
  return ok('mtop.aliexpress.trade.buyer.order.list', {
    data,
    hierarchy: {
      root: 'pc_om_list_page_1',
      structure: { pc_om_list_page_1: ['pc_om_list_body_2'], pc_om_list_body_2: keys },
    },
    linkage: { signature: 'stub' },
    endpoint: { protocolVersion: '3.0', mode: 'pc' },
  });
}

/** `mtop.aliexpress.trade.buyer.order.detail` for one order, with its protection text. */
export function orderDetailBody(o) {
  const total = usd(o.totalMinor);
  const id = Number(o.id);
  const data = {
    detail_order_status_block_1: {
      tag: 'detail_order_status_block',
      id: '1',
      fields: { title: o.status, orderId: id, reminder: '' },
    },
    detail_simple_order_info_component_2: {
      tag: 'detail_simple_order_info_component',
      id: '2',
      fields: {
        tradeOrderId: id,
        orderCreatTime: enDate(o.placedOn),
        orderCreatTimeTile: 'Order placed on',
        payTime: enDate(o.placedOn),
        payTimeTitle: 'Paid on',
        ...(o.shippedOn
          ? { orderShipTime: enDate(o.shippedOn), orderShipTimeTile: 'Shipment completed on' }
          : {}),
        ...(o.completedOn
          ? { orderEndTime: enDate(o.completedOn), orderEndTimeTile: 'Order completed on' }
          : {}),
        paymentMethod: 'Credit/Debit card',
        paymentMethodTitle: 'Payment method',
        addressVO: {
          contactName: 'Receiver Example',
          fullPhoneNo: '+1 5550100',
          detailAddress: '1 Example St',
        },
      },
    },
    detail_order_price_block_3: {
      tag: 'detail_order_price_block',
      id: '3',
      fields: {
        priceDetails: [{ title: 'Subtotal', value: total.text }],
        totalPrice: { title: 'Total', value: total.text, formatPriceInfo: total.info, currencyCode: 'USD' },
      },
    },
    ...(o.protectionOn
      ? {
          'detail_order_services_sv3-1': {
            tag: 'detail_order_services',
            id: 'sv3-1',
            fields: {
              data: [
                {
                  title: 'Fast delivery',
                  content: `Refund if no delivery before ${enDate(o.protectionOn)} · Refund if items damaged · Refund if package lost`,
                },
              ],
            },
          },
        }
      : {}),
  };
  return ok('mtop.aliexpress.trade.buyer.order.detail', {
    data,
    hierarchy: { root: 'detail_root_container_0', structure: { detail_root_container_0: Object.keys(data) } },
  });
}

/**
 * `mtop.ae.ld.querydetail` for one package; events newest first.
 * events: [{ at (ISO instant), code, stage, name, desc }]
 */
export function trackingBody({
  trackingNumber,
  carrier = 'AliExpress standard shipping',
  protectionOn,
  events,
}) {
  return ok('mtop.ae.ld.querydetail', {
    module: {
      isTrackingV2: true,
      ...(protectionOn
        ? {
            fastDeliveryInfoDTO: {
              fdTitle: 'Fast delivery',
              fdContentList: [`Refund if no delivery before ${enDate(protectionOn)}`],
            },
          }
        : {}),
      logisticsReceiverInfo: { name: 'Receiver Example', address: '1 Example St', phone: '+1 5550100' },
      trackingDetailLineList: [
        {
          mailNo: trackingNumber,
          originMailNo: `LP00${trackingNumber.replace(/\D/g, '').padEnd(12, '0').slice(0, 12)}`,
          logisticsCarrierName: carrier,
          logisticsCpInfo: { cpName: 'Example Post' },
          detailList: events.map((e) => ({
            time: Date.parse(e.at),
            timeText: '',
            trackingName: e.name,
            trackingDetailDesc: e.desc,
            trackingPrimaryCode: e.code,
            trackingSecondCode: e.code,
            fulfillStage: e.stage,
          })),
        },
      ],
    },
  });
}

/** The acs URL the page calls for an API, with the request data as the real pages send it. */
export function acsUrl(api, data, { jsonp } = {}) {
  const q = new URLSearchParams({
    jsv: '2.5.1',
    appKey: '12574478',
    t: '1760000000000',
    sign: 'x',
    api,
    v: '1.0',
    type: jsonp ? 'jsonp' : 'originaljson',
    dataType: jsonp ? 'jsonp' : 'json',
    ...(jsonp ? { callback: jsonp } : {}),
    data: JSON.stringify(data),
  });
  return `https://acs.aliexpress.com/h5/${api}/1.0/?${q}`;
}

// ── Bulk builders for the benchmarks (tests/bench) ──────────────────────────────────────────

const BULK_STATUSES = ['Awaiting delivery', 'Completed', 'Awaiting shipment', 'Closed', 'Awaiting delivery'];
const BULK_TITLES = [
  'USB-C cable 2m, braided',
  'Phone case, clear, shockproof',
  'LED strip 5m RGB with remote',
  'Stainless steel watch band 22mm',
  'Mechanical keyboard keycaps, PBT',
];
const DAY_MS = 86_400_000;

/**
 * `n` distinct, deterministic orders for `orderListBody` (ids from `firstId` up), mixed like a
 * real history: statuses, dates over ~400 days before `latest`, one to three lines each.
 */
export function bulkOrders(n, { firstId = 8_100_000_000_000_000n, latest = '2026-10-01' } = {}) {
  const end = Date.parse(`${latest}T00:00:00Z`);
  const orders = [];
  for (let i = 0; i < n; i += 1) {
    const id = String(BigInt(firstId) + BigInt(i) * 10n);
    const lineCount = 1 + (i % 3);
    orders.push({
      id,
      status: BULK_STATUSES[i % BULK_STATUSES.length],
      placedOn: new Date(end - ((i * 7) % 400) * DAY_MS).toISOString().slice(0, 10),
      totalMinor: 199 + ((i * 137) % 20_000),
      store: `Store ${i % 97}`,
      lines: Array.from({ length: lineCount }, (_, j) => ({
        id: String(BigInt(id) + BigInt(j + 1)),
        title: `${BULK_TITLES[(i + j) % BULK_TITLES.length]} #${i}`,
        quantity: 1 + ((i + j) % 3),
        unitMinor: 99 + ((i * 31 + j * 17) % 5_000),
      })),
    });
  }
  return orders;
}

/** `n` tracking events for `trackingBody`, newest first, one every six hours before `last`. */
export function bulkTrackingEvents(n, { last = '2026-10-20T12:00:00.000Z' } = {}) {
  const steps = [
    { code: 'SIGN', stage: 'DELIVERED', name: 'Delivered', desc: 'Delivered, signed by the receiver' },
    {
      code: 'GTMS_DO_DEPART',
      stage: 'IN_TRANSIT',
      name: 'In transit',
      desc: 'Departed from the sorting centre',
    },
    { code: 'GTMS_ACCEPT', stage: 'IN_TRANSIT', name: 'In transit', desc: 'Arrived at the sorting centre' },
    { code: 'CC_EX_START', stage: 'CUSTOMS', name: 'Customs', desc: 'Import customs clearance started' },
  ];
  const end = Date.parse(last);
  return Array.from({ length: n }, (_, i) => {
    const s = steps[i === 0 ? 0 : 1 + (i % (steps.length - 1))];
    return { at: new Date(end - i * 6 * 3_600_000).toISOString(), ...s, desc: `${s.desc} (${n - i})` };
  });
}
