import { Window } from 'happy-dom';
import { installCapture } from '@/lib/page-world/capture';
import { type CaptureMessage, isCaptureMessage } from '@/lib/protocol/window-messages';

const LIST_URL =
  'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/?jsv=2.5.1&appKey=12574478&api=mtop.aliexpress.trade.buyer.order.list&v=1.0&type=originaljson';
const OTHER_URL =
  'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.cart.render/1.0/?api=mtop.aliexpress.trade.cart.render';
const BODY = '{"ret":["SUCCESS::调用成功"],"data":{"data":{"x":1}}}';

/** A page window whose network answers every request with `BODY` (happy-dom fetch interceptor). */
function pageWindow(): Window {
  const win: Window = new Window({
    url: 'https://www.aliexpress.com/p/order/index.html',
    settings: {
      disableJavaScriptFileLoading: true,
      fetch: {
        interceptor: {
          beforeAsyncRequest: async () =>
            new win.Response(BODY, { headers: { 'content-type': 'application/json' } }),
        },
      },
    },
  });
  return win;
}

const asWindow = (w: Window) => w as unknown as globalThis.Window;
const flush = () => new Promise((r) => setTimeout(r, 20));

describe('installCapture', () => {
  it('fetch: the page reads the untouched body and we get api/url/body', async () => {
    const win = pageWindow();
    const posted: CaptureMessage[] = [];
    installCapture(asWindow(win), (m) => posted.push(m));
    const res = await win.fetch(LIST_URL);
    expect(await res.text()).toBe(BODY);
    await flush();
    expect(posted).toEqual([
      {
        source: 'buyer-shield-capture',
        api: 'mtop.aliexpress.trade.buyer.order.list',
        url: LIST_URL,
        body: BODY,
      },
    ]);
    expect(isCaptureMessage(posted[0])).toBe(true);
  });

  it('fetch: other URLs are not posted, and a throwing post does not break the page', async () => {
    const win = pageWindow();
    const posted: CaptureMessage[] = [];
    installCapture(asWindow(win), (m) => posted.push(m));
    expect(await (await win.fetch(OTHER_URL)).text()).toBe(BODY);
    await flush();
    expect(posted).toEqual([]);

    const win2 = pageWindow();
    installCapture(asWindow(win2), () => {
      throw new Error('boom');
    });
    expect(await (await win2.fetch(LIST_URL)).json()).toEqual(JSON.parse(BODY));
  });

  it('XHR: the page handler gets the identical body and we get a copy', async () => {
    const win = pageWindow();
    const posted: CaptureMessage[] = [];
    installCapture(asWindow(win), (m) => posted.push(m));
    const seen = await new Promise<string>((resolve, reject) => {
      const xhr = new win.XMLHttpRequest();
      xhr.open('GET', LIST_URL);
      xhr.onload = () => resolve(xhr.responseText);
      xhr.onerror = () => reject(new Error('xhr failed'));
      xhr.send();
    });
    expect(seen).toBe(BODY);
    await flush();
    expect(posted.map((m) => [m.api, m.url, m.body])).toEqual([
      ['mtop.aliexpress.trade.buyer.order.list', LIST_URL, BODY],
    ]);
  });

  it('XHR: a throwing post does not reach the page', async () => {
    const win = pageWindow();
    installCapture(asWindow(win), () => {
      throw new Error('boom');
    });
    const seen = await new Promise<string>((resolve) => {
      const xhr = new win.XMLHttpRequest();
      xhr.open('GET', LIST_URL);
      xhr.addEventListener('load', () => resolve(xhr.responseText));
      xhr.send();
    });
    expect(seen).toBe(BODY);
  });

  it("XHR: the page's send is its own, and a request object opened again speaks for its last address", async () => {
    const win = pageWindow();
    const send = win.XMLHttpRequest.prototype.send;
    const posted: CaptureMessage[] = [];
    installCapture(asWindow(win), (m) => posted.push(m));
    // Nothing of ours runs when the page starts a request (BENCHMARKS.md §5).
    expect(win.XMLHttpRequest.prototype.send).toBe(send);
    const load = (xhr: InstanceType<typeof win.XMLHttpRequest>) =>
      new Promise<void>((resolve) => {
        xhr.addEventListener('load', () => resolve(), { once: true });
        xhr.send();
      });
    const xhr = new win.XMLHttpRequest();
    xhr.open('GET', LIST_URL);
    await load(xhr);
    xhr.open('GET', OTHER_URL);
    await load(xhr);
    xhr.open('GET', `${LIST_URL}&page=2`);
    await load(xhr);
    await flush();
    expect(posted.map((m) => m.url)).toEqual([LIST_URL, `${LIST_URL}&page=2`]);
  });

  it('JSONP: the page callback still receives the same object; we get its JSON text', async () => {
    const win = pageWindow();
    const posted: CaptureMessage[] = [];
    installCapture(asWindow(win), (m) => posted.push(m));
    const g = win as unknown as Record<string, unknown>;
    const received: unknown[] = [];
    const handler = (data: unknown) => {
      received.push(data);
      return 'page-result';
    };
    // The page's mtop library: assign the global callback, then insert the script.
    g.mtopjsonp3 = handler;
    const src = `${LIST_URL.replace('type=originaljson', 'type=jsonp')}&dataType=jsonp&callback=mtopjsonp3`;
    const script = win.document.createElement('script');
    script.src = src;
    win.document.head.appendChild(script);
    await flush();
    // What the loaded script does: call the global with the response object.
    const payload = JSON.parse(BODY);
    const callback = g.mtopjsonp3 as (d: unknown) => unknown;
    expect(callback(payload)).toBe('page-result');
    expect(received).toEqual([payload]);
    expect(received[0]).toBe(payload);
    expect(posted.map((m) => [m.api, m.url, JSON.parse(m.body)])).toEqual([
      ['mtop.aliexpress.trade.buyer.order.list', src, payload],
    ]);
  });

  it('JSONP: a callback assigned after the script, a throwing post, and unrelated callbacks', async () => {
    const win = pageWindow();
    installCapture(asWindow(win), () => {
      throw new Error('boom');
    });
    const g = win as unknown as Record<string, unknown>;
    const script = win.document.createElement('script');
    script.src = `${LIST_URL}&callback=mtopjsonp7`;
    win.document.body.appendChild(script);
    await flush();
    const received: unknown[] = [];
    g.mtopjsonp7 = (d: unknown) => received.push(d);
    (g.mtopjsonp7 as (d: unknown) => void)({ a: 1 });
    expect(received).toEqual([{ a: 1 }]);
    g.mtopjsonp7 = undefined;
    expect(g.mtopjsonp7).toBeUndefined();

    // A callback for an API we do not read is left exactly as the page set it.
    const other = () => 1;
    g.mtopjsonp8 = other;
    const s2 = win.document.createElement('script');
    s2.src = `${OTHER_URL}&callback=mtopjsonp8`;
    win.document.body.appendChild(s2);
    await flush();
    expect(g.mtopjsonp8).toBe(other);
  });
});

describe('installCapture: JSONP callback names reused by the page', () => {
  it('traps a name again after the page deleted its global', async () => {
    const win = pageWindow();
    const posted: CaptureMessage[] = [];
    installCapture(asWindow(win), (m) => posted.push(m));
    const g = win as unknown as Record<string, unknown>;
    for (const round of [1, 2]) {
      g.mtopjsonp1 = (d: unknown) => d;
      const s = win.document.createElement('script');
      s.src = `${LIST_URL}&callback=mtopjsonp1&round=${round}`;
      win.document.head.appendChild(s);
      await flush();
      (g.mtopjsonp1 as (d: unknown) => unknown)({ round });
      delete g.mtopjsonp1;
    }
    expect(posted.map((m) => JSON.parse(m.body))).toEqual([{ round: 1 }, { round: 2 }]);
  });
});

describe('capture messages', () => {
  it('knows the API from the path or the api= parameter, case-insensitively', async () => {
    const apiSeen = async (url: string) => {
      const win = pageWindow();
      const posted: CaptureMessage[] = [];
      installCapture(asWindow(win), (m) => posted.push(m));
      await win.fetch(url);
      await flush();
      return posted.map((m) => m.api);
    };
    expect(await apiSeen(LIST_URL)).toEqual(['mtop.aliexpress.trade.buyer.order.list']);
    expect(
      await apiSeen(
        'https://acs.aliexpress.com/h5/mtop.aliexpress.buyer.reverse.queryReverseOrderPageListForBuyer/1.0/?api=x',
      ),
    ).toEqual(['mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer']);
    expect(await apiSeen('https://acs.aliexpress.com/gw/?api=mtop.ae.ld.querydetail')).toEqual([
      'mtop.ae.ld.querydetail',
    ]);
    // Capitals anywhere in the name: the quick test for `mtop` before parsing must not drop it.
    expect(await apiSeen('https://acs.aliexpress.com/h5/MTOP.AE.LD.QueryDetail/1.0/')).toEqual([
      'mtop.ae.ld.querydetail',
    ]);
    expect(await apiSeen('https://acs.aliexpress.com.evil.example/h5/mtop.ae.ld.querydetail/1.0/')).toEqual(
      [],
    );
    expect(await apiSeen(OTHER_URL)).toEqual([]);
  });

  it('isCaptureMessage checks every field', () => {
    const good = {
      source: 'buyer-shield-capture',
      api: 'mtop.ae.ld.querydetail',
      url: 'https://x',
      body: '{}',
    };
    expect(isCaptureMessage(good)).toBe(true);
    expect(isCaptureMessage({ ...good, source: 'other' })).toBe(false);
    expect(isCaptureMessage({ ...good, api: 'mtop.aliexpress.trade.cart.render' })).toBe(false);
    expect(isCaptureMessage({ ...good, body: 42 })).toBe(false);
    expect(isCaptureMessage({ ...good, body: 'x'.repeat(5 * 1024 * 1024 + 1) })).toBe(false);
    expect(isCaptureMessage(null)).toBe(false);
    expect(isCaptureMessage('buyer-shield-capture')).toBe(false);
  });
});
