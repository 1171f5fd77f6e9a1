/** How the extension's own pages ask the background (lib/protocol/messages.ts). */
import { browser } from '#imports';
import type { UiStrings } from '../i18n';
import { type MessageType, type RequestOf, type Responses, type Result, send } from '../protocol/messages';

export function call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Result<Responses[T]>> {
  return send((m) => browser.runtime.sendMessage(m), type, payload);
}

/**
 * The buyer's words for a page. A worker still starting (or just stopped by the browser) does
 * not answer the first message: it is asked again, a little later each time, for about 10 s,
 * so a page never shows bare message keys on a busy machine.
 */
export async function loadUiStrings(): Promise<UiStrings> {
  for (let attempt = 1; attempt <= 8; attempt += 1) {
    const r = await call('getUiStrings', { language: navigator.language });
    if (r.ok) return r.value;
    if (!r.retry) break;
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
  }
  return { table: {}, locale: navigator.language, folder: 'en' };
}
