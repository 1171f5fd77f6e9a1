/**
 * What the Node benchmarks call, bundled by tests/bench/vite.config.mjs into .bench/node/ so Node
 * runs the TypeScript sources without a compile step of its own. Only re-exports and the order
 * mix the rule benchmarks assess.
 */
import type { OrderFacts } from '../../lib/schema/model';
import { dispute, event, facts, pkg, refund } from '../unit/rules/factory';

export { readCapturedBody } from '../../lib/aliexpress/read-captured';
export { installCapture } from '../../lib/page-world/capture';
export { assessAll, assessAllWithWake, nextWake } from '../../lib/rules';

const DAY = 86_400_000;

/**
 * `n` orders in the mix the timed unit test used (moved here from tests/unit/rules): a fifth each
 * shipped with a tracked parcel, shipped with AliExpress's protection date, completed, in
 * dispute, and closed with a processed refund; dates spread over 400 days.
 */
export function orderMix(n: number): OrderFacts[] {
  return Array.from({ length: n }, (_, i) => {
    const d = (k: number) =>
      new Date(Date.parse('2026-01-01T00:00:00Z') + ((i * 7 + k) % 400) * DAY).toISOString().slice(0, 10);
    const at = (k: number) => `${d(k)}T0${i % 10}:00:00.000Z`;
    const id = String(8_000_000_000_000_000 + i);
    switch (i % 5) {
      case 0:
        return facts(
          { id, shippedOn: d(0) },
          { packages: [pkg({ orderId: id, events: [event(at(3)), event(at(1))] })] },
        );
      case 1:
        return facts({ id, shippedOn: d(0), protection: { endsOn: d(60), text: '' } });
      case 2:
        return facts({ id, status: 'completed', shippedOn: d(0), completedOn: d(20) });
      case 3:
        return facts(
          { id, status: 'in_dispute', shippedOn: d(0) },
          { disputes: [dispute({ orderId: id, openedAt: at(15) })] },
        );
      default:
        return facts({ id, status: 'closed' }, { refunds: [refund({ orderId: id, processedOn: d(30) })] });
    }
  });
}
