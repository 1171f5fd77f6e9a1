import { Window } from 'happy-dom';
import { untilReady } from '@/lib/page-world/capture';
import { CAPTURE_READY, CAPTURE_SOURCE, type CaptureMessage } from '@/lib/protocol/window-messages';

const msg = (n: number): CaptureMessage => ({
  source: CAPTURE_SOURCE,
  api: 'mtop.aliexpress.trade.buyer.order.list',
  url: `https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/?n=${n}`,
  body: `{"n":${n}}`,
});

function setup() {
  const win = new Window({ url: 'https://www.aliexpress.com/p/order/index.html' });
  const w = win as unknown as globalThis.Window;
  const posted: CaptureMessage[] = [];
  const post = untilReady(w, (m) => posted.push(m));
  const ready = (source: unknown = win) =>
    win.dispatchEvent(
      new win.MessageEvent('message', { data: { source: CAPTURE_READY }, source: source as never }),
    );
  return { win, post, posted, ready };
}

describe('the capture waits for the isolated script (it starts at document_idle)', () => {
  it('keeps what the page fetched before, hands it over in order once, then passes straight on', () => {
    const { post, posted, ready } = setup();
    post(msg(1));
    post(msg(2));
    expect(posted).toEqual([]);
    ready();
    expect(posted.map((m) => m.body)).toEqual(['{"n":1}', '{"n":2}']);
    ready();
    post(msg(3));
    expect(posted.map((m) => m.body)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it('ignores a "ready" from another window and keeps only the newest 16 when nobody listens', () => {
    const { win, post, posted, ready } = setup();
    const other = new Window();
    ready(other);
    for (let n = 1; n <= 20; n += 1) post(msg(n));
    expect(posted).toEqual([]);
    ready(win);
    expect(posted.map((m) => m.body)).toEqual(Array.from({ length: 16 }, (_, i) => `{"n":${i + 5}}`));
  });
});
