import { describe, expect, it } from 'vitest';
import {
  CHECKLIST_ITEM_IDS,
  checkEvidenceFiles,
  checklistFor,
  checklistValues,
  DISPUTE_REASONS,
  suggestReason,
} from '../../../lib/rules';
import EN from '../../../public/_locales/en/messages.json';
import { dispute, event, facts, pkg } from './factory';

const NOW = new Date('2026-07-15T12:00:00.000Z');

describe('checklists', () => {
  it.each(DISPUTE_REASONS)('%s has labelled items with unique stable ids', (reason) => {
    const items = checklistFor(reason);
    expect(items.length).toBeGreaterThan(2);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const i of items) {
      // Worded where it is shown, from the locale table: every item has its label there.
      expect(Object.hasOwn(EN, `check_${i.id}_label`)).toBe(true);
    }
  });

  it('carries the B.3 essentials', () => {
    expect(CHECKLIST_ITEM_IDS.not_as_described).toEqual(
      expect.arrayContaining(['unboxing_video', 'ruler_size_chart', 'order_snapshot']),
    );
    expect(CHECKLIST_ITEM_IDS.not_received).toEqual(
      expect.arrayContaining(['tracking_screenshots', 'chat_screenshots']),
    );
    expect(CHECKLIST_ITEM_IDS.held_at_customs).toContain('customs_documents');
    expect(checklistFor('damaged').map((i) => i.id)).toContain('file_limits');
    // AliExpress's upload limits, as the file-limits item says them.
    expect(checklistValues()).toEqual({ photoMb: 2, videoMb: 500 });
  });
});

describe('suggestReason', () => {
  it.each([
    ['not delivered', facts({ shippedOn: '2026-07-01' }), 'not_received'],
    [
      'delivered by tracking, dispute says not received',
      facts(
        {},
        { packages: [pkg({ delivered: true })], disputes: [dispute({ reason: 'Item not received' })] },
      ),
      'shown_delivered_not_received',
    ],
    [
      'dispute about size',
      facts({}, { disputes: [dispute({ reason: 'Size not as described' })] }),
      'not_as_described',
    ],
    [
      'dispute about colour',
      facts({}, { disputes: [dispute({ reason: 'Color not as described' })] }),
      'not_as_described',
    ],
    ['damaged', facts({}, { disputes: [dispute({ reason: 'Product damaged' })] }), 'damaged'],
    ['fake', facts({}, { disputes: [dispute({ reason: 'Counterfeit item' })] }), 'fake'],
    ['not working', facts({}, { disputes: [dispute({ reason: "Item doesn't work" })] }), 'not_working'],
    ['quantity', facts({}, { disputes: [dispute({ reason: 'Quantity short' })] }), 'missing_parts'],
    ['wrong item', facts({}, { disputes: [dispute({ reason: 'Wrong item sent' })] }), 'wrong_item'],
    [
      'carrier',
      facts({}, { disputes: [dispute({ reason: 'Different shipping method' })] }),
      'different_shipping_method',
    ],
    [
      'customs dispute',
      facts({}, { disputes: [dispute({ reason: 'Package held by customs' })] }),
      'held_at_customs',
    ],
    [
      'customs hold on tracking',
      facts(
        { shippedOn: '2026-07-01' },
        { packages: [pkg({ events: [event('2026-07-10T00:00:00Z', 'Held by customs')] })] },
      ),
      'held_at_customs',
    ],
    ['completed', facts({ status: 'completed', completedOn: '2026-07-12' }), 'not_as_described'],
  ])('%s', (_label, f, expected) => {
    expect(suggestReason(f, NOW)).toBe(expected);
  });
});

describe('checkEvidenceFiles (measures, never reads)', () => {
  it('checks sizes and types', () => {
    expect(
      checkEvidenceFiles([
        { name: 'label.jpg', size: 1_500_000, type: 'image/jpeg' },
        { name: 'big.png', size: 2_500_000, type: 'image/png' },
        { name: 'unboxing.mp4', size: 400_000_000, type: 'video/mp4' },
        { name: 'long.mov', size: 600_000_000, type: '' },
        { name: 'notes.pdf', size: 1000, type: 'application/pdf' },
        { name: 'photo.HEIC', size: 1000, type: '' },
      ]),
    ).toEqual([
      { name: 'label.jpg', status: 'ok', kind: 'photo' },
      { name: 'big.png', status: 'too_large', kind: 'photo', limit: 'photo', limitBytes: 2_000_000 },
      { name: 'unboxing.mp4', status: 'ok', kind: 'video' },
      { name: 'long.mov', status: 'too_large', kind: 'video', limit: 'video', limitBytes: 500_000_000 },
      { name: 'notes.pdf', status: 'unsupported_type', kind: null },
      { name: 'photo.HEIC', status: 'unsupported_type', kind: null },
    ]);
  });
});
