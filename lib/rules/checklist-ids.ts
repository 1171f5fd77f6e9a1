/**
 * Which evidence items each dispute reason asks for, most convincing first (sources in
 * checklists.ts). Kept apart from the wording so the popup can show any reason's list, in the
 * buyer's language, without carrying the English texts.
 */
import type { DisputeReason } from './types';

const COMMON_AFTER = ['chat_screenshots', 'file_limits'] as const;

/** Item ids per reason, most convincing first. */
export const CHECKLIST_ITEM_IDS: Record<DisputeReason, readonly string[]> = {
  not_received: [
    'tracking_screenshots',
    'no_tracking_proof',
    'extension_request',
    'order_snapshot',
    ...COMMON_AFTER,
  ],
  shown_delivered_not_received: [
    'carrier_statement',
    'tracking_screenshots',
    'extension_request',
    'order_snapshot',
    ...COMMON_AFTER,
  ],
  damaged: [
    'unboxing_video',
    'item_photos',
    'packaging_photos',
    'carrier_claim',
    'order_snapshot',
    ...COMMON_AFTER,
  ],
  not_as_described: [
    'unboxing_video',
    'list_differences',
    'order_snapshot',
    'item_photos',
    'ruler_size_chart',
    'colour_photos',
    'all_pieces',
    ...COMMON_AFTER,
  ],
  not_working: ['not_working_video', 'unboxing_video', 'item_photos', 'order_snapshot', ...COMMON_AFTER],
  missing_parts: ['unboxing_video', 'count_items', 'packaging_photos', 'order_snapshot', ...COMMON_AFTER],
  fake: ['authenticity_photos', 'order_snapshot', 'unboxing_video', 'item_photos', ...COMMON_AFTER],
  wrong_item: ['unboxing_video', 'wrong_item_photos', 'order_snapshot', 'packaging_photos', ...COMMON_AFTER],
  different_shipping_method: [
    'shipping_method_proof',
    'tracking_screenshots',
    'order_snapshot',
    ...COMMON_AFTER,
  ],
  held_at_customs: ['customs_documents', 'tracking_screenshots', 'order_snapshot', ...COMMON_AFTER],
};
