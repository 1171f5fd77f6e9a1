import type { OrderStatus } from '@/lib/schema/model';

/**
 * Order status words as AliExpress shows them (list `statusText`, detail `title`, DOM
 * `.order-item-header-status-text`). Site vocabulary, so a table is right here (months, by
 * contrast, come from Intl).
 *
 * Observed: en — maxwellmezadre/aliexpress-mcp src/domain/status.ts and fixtures ("Awaiting
 * delivery", "Completed"), luftaquila/parcel-deck extension/src/collectors/aliexpress-parse.ts;
 * pt-BR — maxwellmezadre src/domain/status.ts ("Aguardando a entrega", "Concluído " with a
 * trailing space, …); es "Esperando entrega" — [unattributed] Blade clone template (reference
 * §6.1); ru "С отделкой" — greasyfork 489244 (AliExpress's odd translation of "Finished").
 * The other languages are AliExpress-style translations we have not seen on a live page; they
 * are matched the same way and can be corrected here without touching any reader.
 */
const STATUS_WORDS: Record<Exclude<OrderStatus, 'unknown'>, Record<string, string[]>> = {
  unpaid: {
    en: ['awaiting payment', 'to pay', 'payment pending', 'pay now'],
    es: ['pendiente de pago', 'esperando el pago', 'por pagar'],
    pt: ['a ser pago', 'aguardando pagamento', 'a pagar'],
    fr: ['en attente de paiement', 'à payer'],
    de: ['warten auf zahlung', 'zahlung ausstehend', 'zu bezahlen'],
    it: ['in attesa di pagamento', 'da pagare'],
    pl: ['oczekuje na płatność', 'do zapłaty'],
    nl: ['wachten op betaling', 'te betalen'],
    ru: ['ожидает оплаты', 'не оплачен'],
    ko: ['결제 대기', '결제 대기 중'],
    ja: ['支払い待ち', 'お支払い待ち'],
    tr: ['ödeme bekleniyor', 'ödenecek'],
    he: ['ממתין לתשלום'],
    ar: ['في انتظار الدفع', 'بانتظار الدفع'],
  },
  awaiting_shipment: {
    en: ['awaiting shipment', 'ready to ship', 'processing', 'to ship', 'awaiting dispatch'],
    es: ['esperando el envío', 'pendiente de envío', 'procesando', 'en preparación'],
    pt: ['aguardando envio', 'processando', 'a enviar'],
    fr: ["en attente d'expédition", 'en cours de traitement', 'à expédier'],
    de: ['warten auf versand', 'in bearbeitung', 'versandbereit'],
    it: ['in attesa di spedizione', 'in elaborazione', 'da spedire'],
    pl: ['oczekuje na wysyłkę', 'w realizacji', 'do wysłania'],
    nl: ['wachten op verzending', 'in behandeling'],
    ru: ['ожидает отправки', 'в обработке', 'обрабатывается'],
    ko: ['발송 대기', '배송 준비 중', '처리 중'],
    ja: ['発送待ち', '処理中', '発送準備中'],
    tr: ['gönderim bekleniyor', 'kargoya verilmeyi bekliyor', 'işleniyor'],
    he: ['ממתין למשלוח', 'בטיפול'],
    ar: ['في انتظار الشحن', 'قيد المعالجة'],
  },
  awaiting_delivery: {
    en: ['awaiting delivery', 'shipped', 'in transit', 'awaiting receipt', 'processed'],
    es: ['esperando entrega', 'esperando la entrega', 'enviado', 'en tránsito', 'pendiente de entrega'],
    pt: ['aguardando a entrega', 'aguardando entrega', 'enviado', 'processado', 'em trânsito'],
    fr: ['en attente de livraison', 'expédié', 'en transit'],
    de: ['warten auf lieferung', 'versandt', 'unterwegs', 'lieferung ausstehend'],
    it: ['in attesa di consegna', 'spedito', 'in transito'],
    pl: ['oczekuje na dostawę', 'wysłane', 'w drodze'],
    nl: ['wachten op levering', 'verzonden', 'onderweg'],
    ru: ['ожидает доставки', 'отправлен', 'в пути', 'ожидает получения'],
    ko: ['배송 대기', '배송 중', '발송 완료'],
    ja: ['配達待ち', '発送済み', '配送中'],
    tr: ['teslimat bekleniyor', 'kargoda', 'gönderildi'],
    he: ['ממתין למסירה', 'נשלח', 'בדרך'],
    ar: ['في انتظار التسليم', 'تم الشحن', 'قيد الشحن'],
  },
  completed: {
    en: ['completed', 'order completed', 'finished', 'awaiting feedback', 'delivered'],
    es: ['completado', 'finalizado', 'pedido completado', 'entregado'],
    pt: ['concluído', 'finalizado', 'pedido concluído', 'entregue'],
    fr: ['terminé', 'commande terminée', 'livré'],
    de: ['abgeschlossen', 'bestellung abgeschlossen', 'zugestellt'],
    it: ['completato', 'ordine completato', 'consegnato'],
    pl: ['zakończone', 'zrealizowane', 'dostarczone'],
    nl: ['voltooid', 'afgerond', 'geleverd'],
    ru: ['завершен', 'завершён', 'с отделкой', 'выполнен', 'доставлен'],
    ko: ['완료', '주문 완료', '배송 완료', '구매 확정'],
    ja: ['完了', '注文完了', '配達済み'],
    tr: ['tamamlandı', 'sipariş tamamlandı', 'teslim edildi'],
    he: ['הושלם', 'הזמנה הושלמה', 'נמסר'],
    ar: ['مكتمل', 'اكتمل الطلب', 'تم التسليم'],
  },
  closed: {
    en: ['closed', 'order closed', 'expired', 'payment expired'],
    es: ['cerrado', 'pedido cerrado', 'caducado'],
    pt: ['fechado', 'expirado', 'pagamento expirado'],
    fr: ['fermé', 'clôturé', 'expiré'],
    de: ['geschlossen', 'abgelaufen'],
    it: ['chiuso', 'scaduto'],
    pl: ['zamknięte', 'wygasło'],
    nl: ['gesloten', 'verlopen'],
    ru: ['закрыт', 'истек', 'истёк'],
    ko: ['종료', '만료'],
    ja: ['終了', '期限切れ'],
    tr: ['kapatıldı', 'süresi doldu'],
    he: ['נסגר', 'פג תוקף'],
    ar: ['مغلق', 'منتهي الصلاحية'],
  },
  cancelled: {
    en: ['cancelled', 'canceled', 'order cancelled', 'order canceled'],
    es: ['cancelado', 'pedido cancelado'],
    pt: ['cancelado', 'compra cancelada', 'pedido cancelado'],
    fr: ['annulé', 'commande annulée'],
    de: ['storniert', 'abgebrochen', 'bestellung storniert'],
    it: ['annullato', 'ordine annullato'],
    pl: ['anulowane', 'zamówienie anulowane'],
    nl: ['geannuleerd'],
    ru: ['отменен', 'отменён', 'заказ отменен'],
    ko: ['취소됨', '주문 취소'],
    ja: ['キャンセル済み', 'キャンセル'],
    tr: ['iptal edildi'],
    he: ['בוטל', 'ההזמנה בוטלה'],
    ar: ['ملغي', 'تم الإلغاء', 'تم إلغاء الطلب'],
  },
  in_dispute: {
    en: ['dispute in progress', 'in dispute', 'refund in progress', 'return in progress'],
    es: ['disputa en curso', 'en disputa', 'reembolso en curso'],
    pt: ['disputa em andamento', 'em disputa', 'reembolso em andamento'],
    fr: ['litige en cours', 'en litige'],
    de: ['streitfall läuft', 'im streitfall', 'erstattung läuft'],
    it: ['controversia in corso', 'in contestazione'],
    pl: ['spór w toku', 'w sporze'],
    nl: ['geschil in behandeling', 'in geschil'],
    ru: ['спор открыт', 'идет спор', 'открыт спор'],
    ko: ['분쟁 진행 중', '분쟁 중'],
    ja: ['紛争中', '紛争処理中'],
    tr: ['anlaşmazlık devam ediyor', 'anlaşmazlıkta'],
    he: ['מחלוקת בתהליך', 'בסכסוך'],
    ar: ['نزاع قيد التنفيذ', 'قيد النزاع'],
  },
};

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const flat: Array<{ phrase: string; status: OrderStatus }> = Object.entries(STATUS_WORDS)
  .flatMap(([status, byLang]) =>
    Object.values(byLang).flatMap((phrases) =>
      phrases.map((p) => ({ phrase: normalise(p), status: status as OrderStatus })),
    ),
  )
  // Longest first, so "order completed" beats "completed" and "awaiting delivery" beats "delivered".
  .sort((a, b) => b.phrase.length - a.phrase.length);

/** Maps a status text in any supported language to `OrderStatus` ('unknown' if unrecognised). */
export function statusFromText(text: string | null | undefined): OrderStatus {
  if (!text) return 'unknown';
  // A list repeats a handful of status texts on every card: each is worked out once (bounded).
  let status = seenStatus.get(text);
  if (status === undefined) {
    status = statusOfText(text);
    if (seenStatus.size >= 1024) seenStatus.clear();
    seenStatus.set(text, status);
  }
  return status;
}

const seenStatus = new Map<string, OrderStatus>();

function statusOfText(text: string): OrderStatus {
  const t = normalise(text);
  if (t === '') return 'unknown';
  for (const { phrase, status } of flat) if (t === phrase) return status;
  for (const { phrase, status } of flat) if (phrase.length >= 4 && t.includes(phrase)) return status;
  return 'unknown';
}

/**
 * Numeric `utParams.args.orderStatus` (list) / `global.orderStatus` (detail): only 8 = awaiting
 * delivery and 9 = completed are publicly documented (luftaquila/parcel-deck
 * docs/ALIEXPRESS_MTOP.md, verified 2026-04; ElMagoCT tests/live-shapes.test.ts).
 */
export function statusFromCode(code: unknown): OrderStatus | null {
  if (code === 8 || code === '8') return 'awaiting_delivery';
  if (code === 9 || code === '9') return 'completed';
  return null;
}
