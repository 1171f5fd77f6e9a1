// Builders for AliExpress's returns/refunds ("reverse") API bodies, in the shapes the readers
// handle (shared/reference/aliexpress-data.md §3.6; no public capture shows the ARN field, so
// the channel's `arn` follows our own fixtures in tests/fixtures/aliexpress/refund-detail/).

/** Completes 22 digits with the Luhn check digit. */
export function withLuhn(digits22) {
  let sum = 0;
  for (let i = 0; i < 22; i += 1) {
    let d = Number(digits22[21 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${digits22}${(10 - (sum % 10)) % 10}`;
}

/** A valid ARN processed on `isoDate`: format 7, acquirer BIN 424105, Julian YDDD. */
export function arnFor(isoDate) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const doy = Math.round((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  const julian = `${d.getUTCFullYear() % 10}${String(doy).padStart(3, '0')}`;
  return withLuhn(`7424105${julian}12345678901`);
}

/** `mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer` for a finished card refund. */
export function refundDetailBody({
  id,
  orderId,
  lineId,
  amountMinor,
  processedAt,
  arn,
  reason = 'Item not as described',
}) {
  const money = { cent: amountMinor, currency: 'USD', formatMoney: `US $${(amountMinor / 100).toFixed(2)}` };
  return {
    api: 'mtop.aliexpress.buyer.reverse.reverseorderlinerenderforbuyer',
    data: {
      module: {
        reverseOrderLineId: id,
        tradeOrderId: orderId,
        tradeOrderLineId: lineId,
        reverseType: 'REFUND',
        reverseStatus: 4,
        reverseDetailStatusText: 'Refund completed',
        gmtCreateFormat: `${processedAt.slice(0, 10)} 09:00:00`,
        applyReason: { reasonName: reason },
        reachSolution: { solutionTypeText: 'Refund only', refundMoney: money },
        reverseFinishInfo: {
          refundInfo: {
            refundNewestStatus: 'Refund successful',
            refundNewestTime: processedAt,
            refundChannelDetails: [
              {
                money,
                refundStatus: 'Refund successful',
                aeRefundFinishTime: processedAt,
                arn,
                payMethod: 'Visa ****1234',
              },
            ],
          },
        },
      },
    },
    ret: ['SUCCESS::调用成功'],
    v: '1.0',
  };
}

/**
 * `mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer`, one line per case.
 * cases: [{ id, orderId, lineId, type ('REFUND'|'RETURN'), status (4 = completed), statusText, createdAt, modifiedAt ('YYYY-MM-DD HH:mm:ss', US Pacific time), unitMinor, count, shop }]
 */
export function refundListBody(cases) {
  return {
    api: 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
    data: {
      module: {
        pageNum: 1,
        pageSize: 10,
        pages: 0,
        total: cases.length,
        items: cases.map((c) => ({
          shopName: c.shop ?? 'Vega Store',
          reverseOrderLines: [
            {
              reverseOrderId: c.id.replace(/^63/, '62'),
              reverseOrderLineId: c.id,
              tradeOrderId: c.orderId,
              tradeOrderLineId: c.lineId,
              reverseType: c.type ?? 'REFUND',
              reverseBizType: '4pl',
              reverseStatus: c.status ?? 4,
              reverseStatusText: c.statusText ?? 'Refund completed',
              solutionType: 1,
              solutionTypeText: 'Refund only',
              gmtCreateFormat: c.createdAt,
              gmtModifiedFormat: c.modifiedAt,
              aeItemDTO: {
                itemTitle: 'Refunded item',
                itemCount: c.count ?? 1,
                itemUnitPrice: {
                  cent: c.unitMinor,
                  currency: 'USD',
                  formatMoney: `US $${(c.unitMinor / 100).toFixed(2)}`,
                },
              },
              buttonDTOList: [],
            },
          ],
        })),
      },
    },
    ret: ['SUCCESS::调用成功'],
    v: '1.0',
  };
}
