import type { Alert } from '@/lib/rules';

/**
 * What the buyer can do from an order in the popup. The components only call these; the popup
 * (entrypoints/popup/App.tsx) wires them to the background, so components stay presentational.
 */
export interface OrderActions {
  /** Ticks or unticks one evidence-checklist item (kept by the background). */
  setChecklistItem: (orderId: string, itemId: string, done: boolean) => void | Promise<void>;
  /** Records that a refund reached the buyer on `arrivedOn` (YYYY-MM-DD); resolves to whether it was kept. */
  markRefundArrived: (refundId: string, arrivedOn: string) => Promise<boolean>;
  /** "I received it" on `receivedOn` (YYYY-MM-DD), or its undo (null); resolves to whether it was kept. */
  markOrderReceived: (orderId: string, receivedOn: string | null) => Promise<boolean>;
  /** "Snooze until…" `until` (YYYY-MM-DD), or wakes the warning (null); resolves to whether it was kept. */
  snoozeAlert: (
    orderId: string,
    alert: Pick<Alert, 'id' | 'severity'>,
    until: string | null,
  ) => Promise<boolean>;
}
