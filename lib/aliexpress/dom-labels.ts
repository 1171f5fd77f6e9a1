/**
 * Row labels of the detail and refund pages, per language. English labels are observed
 * ("Order placed on", "Paid on", "Shipment completed on", "Order completed on", "Payment
 * method", "Estimated delivery date" — maxwellmezadre test/fixtures/order-detail.json; Spanish
 * "Pedido realizado el", "Fecha del pedido" — [unattributed] Coucou content script). Others are
 * the site's usual wording, unverified; one regex per row kind keeps them easy to correct.
 */
export const LABELS = {
  placed:
    /order placed|order date|placed on|pedido realizado|fecha del pedido|data do pedido|pedido feito|commande pass[ée]e|date de (la )?commande|bestellt am|bestelldatum|ordine effettuato|data dell'ordine|data zamówienia|zamówienie złożone|besteld op|besteldatum|заказ размещ|дата заказа|주문일|주문 날짜|注文日|sipariş tarihi|תאריך הזמנה|ההזמנה בוצעה|تاريخ الطلب|تم تقديم الطلب/i,
  paid: /paid on|payment date|pagado el|pago el|pago em|pay[ée] le|bezahlt am|pagato il|opłacono|betaald op|оплачен|결제일|支払日|ödeme tarihi|שולם ב|تم الدفع/i,
  shipped:
    /shipment completed|shipped on|enviado el|envío completado|enviado em|exp[ée]di[ée] le|versandt am|spedito il|wysłano|verzonden op|отправлен|발송일|発送日|gönderildi|נשלח ב|تم الشحن/i,
  completed:
    /order completed on|completed on|completado el|concluído em|termin[ée]e? le|abgeschlossen am|completato il|zakończono|voltooid op|завершен|완료일|完了日|tamamlandı|הושלם ב|اكتمل/i,
  payment:
    /payment method|método de pago|forma de pagamento|método de pagamento|moyen de paiement|zahlungsmethode|zahlungsart|metodo di pagamento|metoda płatności|betaalmethode|способ оплаты|결제 수단|支払い方法|ödeme yöntemi|אמצעי תשלום|طريقة الدفع/i,
  total:
    /^\s*(total|totale|gesamt|summe|razem|suma|totaal|итого|всего|합계|총|合計|toplam|סה"?כ|המחיר הכולל|الإجمالي|المجموع)/i,
  estimated:
    /estimated delivery|entrega estimada|fecha estimada|livraison estimée|voraussichtliche lieferung|consegna stimata|szacowana dostawa|verwachte levering|ожидаемая доставка|예상 배송|配達予定|tahmini teslimat|משלוח משוער|التسليم المتوقع/i,
  refundAmount:
    /refund amount|amount refunded|refunded amount|valor do reembolso|importe del reembolso|importe reembolsado|montant du remboursement|erstattungsbetrag|importo del rimborso|kwota zwrotu|terugbetalingsbedrag|сумма возврата|환불 금액|返金額|iade tutarı|סכום ההחזר|مبلغ الاسترداد/i,
  refundMethod:
    /refund method|refund to|refunded to|método de reembolso|forma de reembolso|reembolsado a|mode de remboursement|rembours[ée] sur|erstattungsmethode|erstattet auf|metodo di rimborso|metoda zwrotu|terugbetaalmethode|способ возврата|환불 방법|返金方法|iade yöntemi|אמצעי ההחזר|طريقة الاسترداد/i,
  refundDate:
    /refund(ed)? (date|on|time)|processed on|data do reembolso|reembolsado em|fecha de reembolso|reembolsado el|date de remboursement|rembours[ée] le|erstattungsdatum|erstattet am|data di rimborso|rimborsato il|data zwrotu|terugbetaald op|дата возврата|환불일|返金日|iade tarihi|תאריך החזר|تاريخ الاسترداد/i,
  refundStatus:
    /refund status|status do reembolso|estado del reembolso|statut du remboursement|erstattungsstatus|stato del rimborso|status zwrotu|status terugbetaling|статус возврата|환불 상태|返金状況|iade durumu|סטטוס החזר|حالة الاسترداد/i,
  sellerProposal:
    /seller'?s? (proposal|solution|offer)|proposta do vendedor|propuesta del vendedor|proposition du vendeur|vorschlag des verkäufers|proposta del venditore|propozycja sprzedawcy|voorstel van de verkoper|предложение продавца|판매자 제안|販売者の提案|satıcı teklifi|הצעת המוכר|اقتراح البائع/i,
  platformProposal:
    /aliexpress'?s? (proposal|solution|decision)|platform (proposal|decision)|proposta do aliexpress|propuesta de aliexpress|proposition d'aliexpress|vorschlag von aliexpress|proposta di aliexpress|propozycja aliexpress|voorstel van aliexpress|предложение aliexpress|aliexpress 제안|aliexpressの提案|aliexpress teklifi|הצעת aliexpress|اقتراح aliexpress/i,
  orderNumber:
    /order (id|number|no)|ref\.? number|n[úu]mero del pedido|n[úu]mero do pedido|id del pedido|num[ée]ro de commande|bestellnummer|numero d'ordine|numer zamówienia|bestelnummer|номер заказа|주문 번호|注文番号|sipariş numarası|מספר הזמנה|رقم الطلب/i,
} as const;
