import { refundStatusOf } from '@/lib/aliexpress/reverse-parts';

describe('refund states as the pages word them', () => {
  it.each([
    ['환불 완료', 'processed'],
    ['요청 완료', 'pending'],
    ['환불 요청', 'pending'],
    ['Refund successful', 'processed'],
    ['Reembolsado', 'processed'],
    ['En cours de traitement', 'pending'],
    ['Zwrócono', 'processed'],
    ['Ver detalhes', 'unknown'],
  ] as const)('%s → %s', (text, status) => {
    expect(refundStatusOf(text)).toBe(status);
  });
});
