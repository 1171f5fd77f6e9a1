/** How extension pages and content scripts ask the background (lib/messages.ts). */
import { browser } from '#imports';
import { type MessageType, type RequestOf, type Responses, type Result, send } from '../protocol/messages';

export function call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Result<Responses[T]>> {
  return send((m) => browser.runtime.sendMessage(m), type, payload);
}
