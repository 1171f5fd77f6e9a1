/**
 * The background's message listener: checks the sender, parses the request with its schema,
 * runs the handler, and answers every expected failure as `{ ok: false, error }`.
 */

import type { Envelope, Result } from '../protocol/messages';
import { parseMessage } from '../protocol/requests';
import { type From, type HandlerContext, handlers } from './handlers';
import { CONTENT_SCRIPT_MESSAGES, type SenderLike, senderKind } from './trust';

export interface Identity {
  id: string;
  origin: string;
}

export async function handleMessage(
  raw: unknown,
  sender: SenderLike,
  me: Identity,
  ctx: HandlerContext,
): Promise<Result<unknown>> {
  const kind = senderKind(sender, me.id, me.origin);
  if (kind === null) return { ok: false, error: 'sender not allowed' };
  const parsed = parseMessage(raw);
  if (!parsed.ok) return parsed;
  const { type, payload } = parsed.message as Envelope;
  if (kind === 'content_script' && !CONTENT_SCRIPT_MESSAGES.has(type)) {
    return { ok: false, error: `${type} is not allowed from a web page` };
  }
  // One load of one page: Chrome gives each document its own id; elsewhere the tab and address.
  const page =
    kind === 'content_script' ? (sender.documentId ?? `${sender.tab?.id ?? ''}|${sender.url ?? ''}`) : null;
  try {
    const run = handlers[type] as (p: unknown, c: HandlerContext, f: From) => Promise<Result<unknown>>;
    return await run(payload, ctx, { page });
  } catch (error) {
    // Storage errors (quota, a closed database) are expected failures for the caller to show.
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `${type} failed: ${name === 'QuotaExceededError' ? 'the browser has no storage space left' : message}`,
    };
  }
}
