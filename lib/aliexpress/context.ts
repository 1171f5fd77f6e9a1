import type { Instant } from '@/lib/schema/model';

/**
 * What a reader is told about the moment and place of a read. Readers never look at the clock
 * or the page themselves: the content script passes these in.
 */
export interface ReadContext {
  /** When the body or page was seen (becomes the observation's provenance in the store). */
  seenAt: Instant;
  /** The page language, e.g. "en", "pt-BR", "es" (from `<html lang>` or the `aep_usuc_f` cookie). */
  lang?: string;
  /** The buyer's display currency (ISO 4217), used only to settle ambiguous symbols ("$", "kr"). */
  currency?: string;
  /**
   * The captured request URL, when known. Some responses do not repeat the ids they were asked
   * for (the tracking body has no order id), so readers may take `tradeOrderId` from its `data=`
   * parameter (maxwellmezadre/aliexpress-mcp docs/INTERNAL-API.md: GET `…&data=<json>`).
   */
  requestUrl?: string;
}
