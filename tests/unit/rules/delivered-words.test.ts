/**
 * Which tracking events read like a delivery (lib/aliexpress/tracking-codes.ts `looksDelivered`):
 * every delivered code and word the references list, in the readers' languages, and none of
 * the events that only look close ("out for delivery", "collected by carrier").
 */
import { describe, expect, it } from 'vitest';
import { isDeliveredCode, looksDelivered } from '../../../lib/aliexpress/tracking-codes';

const ev = (text: string, code: string | null = null) => ({ text, code });

describe('delivered, certain or not', () => {
  it.each(['AE_GTMS_SIGNED', 'AE_GTMS_SIGNED_SUCCESS', 'SIGNIN', ' signin '])(
    '%s is a certain delivery',
    (code) => {
      expect(isDeliveredCode(code)).toBe(true);
      expect(looksDelivered(ev('', code))).toBe(true);
    },
  );

  it.each([
    ['CW_SIGN_IN_SUCCESS', ''],
    ['WAIT4SIGNIN', 'Awaiting collection'],
    [null, 'Delivered to parcel locker'],
    [null, 'Package delivered.'],
    [null, 'Ready for pickup at the pickup point'],
    [null, 'Pedido entregue ao destinatário'],
    [null, 'Entregado en el buzón'],
    [null, 'Colis livré en point relais'],
    [null, 'Sendung wurde zugestellt'],
    [null, 'In der Packstation abholbereit'],
    [null, 'Посылка доставлена в постамат'],
    [null, 'Paczka dostarczona do paczkomatu'],
  ])('%s / "%s" reads like a delivery but is not certain', (code, text) => {
    expect(isDeliveredCode(code)).toBe(false);
    expect(looksDelivered(ev(text, code))).toBe(true);
  });

  it.each([
    ['AE_GTMS_DELIVERING', 'Delivery update Package out for delivery'],
    ['AE_PICK_UP_SUCCESS', 'Collected by carrier Package collected by carrier.'],
    ['AE_GTMS_ORDER_INFO_UPDATE', 'Your delivery information has been updated.'],
    ['SIGNIN_EXC', ''],
    [null, 'Delivery attempt failed: not delivered'],
    [null, 'Sendung wird zugestellt'],
    [null, 'Em trânsito'],
  ])('%s / "%s" is not a delivery', (code, text) => {
    expect(looksDelivered(ev(text, code))).toBe(false);
  });
});
