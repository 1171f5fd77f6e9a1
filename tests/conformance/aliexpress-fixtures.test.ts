/**
 * Conformance against REAL anonymised AliExpress responses kept beside the project in
 * ../shared/aliexpress-fixtures (maxwellmezadre/aliexpress-mcp test/fixtures @ 226cf08; no
 * licence, so they are read from there and never copied in). Every expected value below was
 * written by hand from reading those files, not computed with the code under test.
 */
import { readCapturedBody } from '@/lib/aliexpress/read-captured';
import type { CapturedApi, Observations } from '@/lib/schema/model';
import { sharedData } from '../support/shared-data';

const real = sharedData('aliexpress-fixtures');
const present = real.present;

const ctx = { seenAt: '2026-09-08T00:00:00.000Z', lang: 'en' };

function read(file: string, api: CapturedApi): Observations {
  const result = readCapturedBody(api, real.text(file), ctx);
  if (!result.ok) throw new Error(`${file}: ${result.failure.problem}`);
  return result.observations;
}

const title = real.title('real AliExpress responses');

describe.skipIf(!present)(title, () => {
  it('order-list-init.json: the 10 orders in display order with status, date, total and store', () => {
    const { orders } = read('order-list-init.json', 'mtop.aliexpress.trade.buyer.order.list');
    const brl = (amountMinor: number) => ({ amountMinor, currency: 'BRL' });
    const store = (name: string, id: string) => ({ name, url: `https://www.aliexpress.com/store/${id}` });
    expect(
      orders.map((o) => ({
        id: o.id,
        status: o.status,
        statusText: o.statusText,
        placedOn: o.placedOn,
        total: o.total,
        store: o.store,
      })),
    ).toEqual([
      {
        id: '8214398062177351',
        status: 'awaiting_delivery',
        statusText: 'Awaiting delivery',
        placedOn: '2026-09-01',
        total: brl(3193),
        store: store('LIMA Store', '1102357078'),
      },
      {
        id: '8214779947343229',
        status: 'awaiting_delivery',
        statusText: 'Awaiting delivery',
        placedOn: '2026-09-01',
        total: brl(8715),
        store: store('LIMA Store', '1102199525'),
      },
      {
        id: '8212313961591322',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-07-15',
        total: brl(13274),
        store: store('Vega Store', '1105843321'),
      },
      {
        id: '8212268452148012',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-07-15',
        total: brl(27733),
        store: store('Tango Store', '1102610220'),
      },
      {
        id: '8212611134562621',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-06-26',
        total: brl(33507),
        store: store('XENON Store', '1936564'),
      },
      {
        id: '8211781299384136',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-05-27',
        total: brl(40020),
        store: store('Bravo Store', '301635'),
      },
      {
        id: '8211748238135282',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-05-18',
        total: brl(8782),
        store: store('NANO Store', '1104336407'),
      },
      {
        id: '8211736227630231',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-04-23',
        total: brl(28799),
        store: store('Tango Store', '1102610220'),
      },
      {
        id: '8211589415816822',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-04-19',
        total: brl(1397),
        store: store('Jade Store', '900103868'),
      },
      {
        id: '8210505692320516',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-04-08',
        total: brl(4587),
        store: store('LIMA Store', '1102199525'),
      },
    ]);
  });

  it('order-list-init.json: lines, unit prices, variants and tags', () => {
    const { orders } = read('order-list-init.json', 'mtop.aliexpress.trade.buyer.order.list');
    const first = orders[0];
    expect(first?.lines).toEqual([
      {
        id: '8214969923776196',
        title:
          'Lima neo micro alfa eco 13 12 11 eco indigo eco neo micro de pixel kilo alfa eco x xr 8 micro hidra c alfa neo vetor',
        variant: 'Color: 2.4A USB To L; Length: 1m',
        quantity: 2,
        unitPrice: { amountMinor: 1390, currency: 'BRL' },
        imageUrl:
          'https://ae-pic-a1.aliexpress-media.com/kf/S59c8779a01d0451982fb9f0fde8a58b6P.jpg_220x220.jpg',
        productId: '1005426411597830',
      },
    ]);
    expect(first?.tags).toEqual(['free_return']);
    const nano = orders.find((o) => o.id === '8211748238135282');
    expect(nano?.lines?.map((l) => l.unitPrice?.amountMinor)).toEqual([3779, 3510]);
    expect(nano?.tags).toEqual(['delivery_guarantee', 'free_return']);
  });

  it('order-detail.json: dates, protection, promised delivery, coupon, payment and lines', () => {
    const { orders, packages } = read('order-detail.json', 'mtop.aliexpress.trade.buyer.order.detail');
    expect(packages).toEqual([]);
    expect(orders).toEqual([
      {
        id: '8212313961591322',
        status: 'completed',
        statusText: 'Completed',
        reminderText:
          'Order complete.If there are any problems, you can apply for a return/refund within 7 days of confirming receipt.If the item you received is defective or not as described, you can open a dispute within 90 days after order was placed.',
        placedOn: '2026-07-15',
        paidOn: '2026-07-15',
        shippedOn: '2026-07-16',
        completedOn: '2026-07-28',
        paymentMethod: 'Credit/Debit card',
        store: { name: 'Vega Store', url: 'https://www.aliexpress.com/store/1105843321' },
        total: { amountMinor: 13274, currency: 'BRL' },
        lines: [
          {
            id: '8212840438652111',
            title:
              'Neo XENON 2.1 de Gama Omega eco Cabo Xenon XENON Pixel 8K@60Hz 4K@120Hz Tango Xenon HD e HD Indigo alfa TV Ultra PS5 Tango',
            variant: 'Color: HDMI-compatible 2.1; Length: 2m',
            quantity: 1,
            unitPrice: { amountMinor: 12659, currency: 'BRL' },
            imageUrl:
              'https://ae-pic-a1.aliexpress-media.com/kf/S414120c60bc24a2d9a8ce34a49f61967C.jpg_220x220.jpg',
            productId: '1005745176332016',
          },
        ],
        tags: ['free_return', 'fast_delivery'],
        promisedDeliveryOn: '2026-08-03',
        protection: { endsOn: '2026-09-04', text: 'Refund if no delivery before Sep 4, 2026' },
        couponIfLateOn: '2026-08-03',
      },
    ]);
  });

  it('logistics-querydetail.json: one delivered package with its 26 events, and the protection date', () => {
    const { orders, packages } = read('logistics-querydetail.json', 'mtop.ae.ld.querydetail');
    expect(orders).toEqual([
      {
        id: '8212313961591322',
        protection: { endsOn: '2026-09-03', text: 'Refund if no delivery before Sep 3, 2026' },
        couponIfLateOn: '2026-08-03',
      },
    ]);
    expect(packages).toHaveLength(1);
    const p = packages[0];
    expect(p).toMatchObject({
      orderId: '8212313961591322',
      trackingNumber: 'AA000000000BR',
      originNumber: 'LP00000000000000',
      carrier: 'J&T Express',
      delivered: true,
      // The fixture's epochs are scrambled (README): 1785512111654 is simply what it says.
      deliveredAt: '2026-07-31T15:35:11.654Z',
      eta: { from: '2026-07-31', to: '2026-07-31' },
    });
    expect(p?.events.map((e) => e.code)).toEqual([
      'AE_GTMS_SIGNED',
      'AE_GTMS_DELIVERING',
      'AE_GTMS_DO_ARRIVE',
      'AE_GTMS_SC_DEPART',
      'AE_GTMS_SC_ARRIVE',
      'AE_GTMS_SC_DEPART',
      'AE_GTMS_SC_ARRIVE',
      'AE_GTMS_SC_DEPART',
      'AE_GTMS_SC_ARRIVE',
      'AE_GTMS_SC_DEPART',
      'AE_GTMS_ACCEPT',
      'AE_GTMS_ORDER_INFO_UPDATE',
      'AE_CC_HO_OUT_SUCCESS',
      'AE_CC_IM_SUCCESS',
      'AE_LH_ARRIVE',
      'AE_CC_IM_START',
      'AE_LH_DEPART',
      'AE_LH_HO_AIRLINE',
      'AE_CC_EX_SUCCESS',
      'AE_CC_EX_START',
      'AE_LH_HO_IN_SUCCESS',
      'AE_SC_OUTBOUND_SUCCESS',
      'AE_SC_INBOUND_SUCCESS',
      'AE_PICK_UP_SUCCESS',
      'AE_ORDER_PAID',
      'AE_ORDER_PLACED',
    ]);
    expect(p?.events.map((e) => e.stage)).toEqual([
      ...Array(12).fill('1700'),
      '1600',
      '1600',
      '1400',
      '1600',
      '1400',
      '1400',
      '1600',
      '1600',
      '1400',
      '1200',
      '1200',
      '1100',
      null,
      null,
    ]);
    expect(p?.events[0]).toEqual({
      at: '2026-07-31T15:35:11.654Z',
      code: 'AE_GTMS_SIGNED',
      stage: '1700',
      text: 'Delivered: Package delivered.',
    });
    expect(p?.events[25]).toEqual({
      at: '2026-07-19T22:59:31.615Z',
      code: 'AE_ORDER_PLACED',
      stage: null,
      text: "Order created: Your order's been created",
    });
  });

  it('logistics-querydetail.json: no receiver data leaks into the observations', () => {
    const text = JSON.stringify(read('logistics-querydetail.json', 'mtop.ae.ld.querydetail'));
    for (const pii of ['Comprador Exemplo', 'Rua Exemplo', '11999999999', 'Cidade Exemplo', 'Bairro']) {
      expect(text).not.toContain(pii);
    }
  });

  it('refund-list.json: the 3 completed returns as disputes and processed refunds', () => {
    const { disputes, refunds, orders } = read(
      'refund-list.json',
      'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
    );
    expect(orders).toEqual([]);
    expect(refunds).toEqual([
      {
        id: '6239649418962814',
        orderId: '8144543148947317',
        lineId: '8144101709301607',
        disputeId: '6239649418962814',
        amount: { amountMinor: 6125, currency: 'BRL' },
        status: 'processed',
        statusText: null,
        processedOn: null,
        // "2022-03-27 02:19:10" US Pacific daylight time; its epoch is scrambled (README).
        processedAt: '2022-03-27T09:19:10.000Z',
        arn: null,
        method: null,
      },
      {
        id: '6234417803672596',
        orderId: '8143536486605361',
        lineId: '8143355043086413',
        disputeId: '6234417803672596',
        amount: { amountMinor: 5273, currency: 'BRL' },
        status: 'processed',
        statusText: null,
        processedOn: null,
        processedAt: '2022-01-29T13:38:19.000Z',
        arn: null,
        method: null,
      },
      // itemCount 3 × R$56.17
      {
        id: '230619598499278',
        orderId: '8142247025479021',
        lineId: '8142306633611334',
        disputeId: '230619598499278',
        amount: { amountMinor: 16851, currency: 'BRL' },
        status: 'processed',
        statusText: null,
        processedOn: null,
        processedAt: '2021-12-10T10:16:50.000Z',
        arn: null,
        method: null,
      },
    ]);
    expect(disputes.map((d) => [d.id, d.kind, d.status, d.openedAt, d.closedAt])).toEqual([
      // "2022-03-23 21:19:58" US Pacific daylight time (−7 h) = 04:19:58 UTC the next day; the
      // epochs beside the texts disagree with them by hours to days and are not used.
      ['6239649418962814', 'return', 'closed', '2022-03-24T04:19:58.000Z', '2022-03-27T09:19:10.000Z'],
      // Winter: −8 h.
      ['6234417803672596', 'return', 'closed', '2022-01-29T13:37:04.000Z', '2022-01-29T13:38:19.000Z'],
      ['230619598499278', 'return', 'closed', '2021-12-10T10:08:25.000Z', '2021-12-10T10:16:50.000Z'],
    ]);
  });

  it('order-count.json is not one of our APIs and reads as a failure, not an exception', () => {
    const body = real.text('order-count.json');
    const result = readCapturedBody('mtop.aliexpress.trade.buyer.order.list', body, ctx);
    expect(result.ok).toBe(false);
  });
});
