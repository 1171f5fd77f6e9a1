// Issue 17: a detail page we cannot read, with the receiver's name and phone in its body → the
// popup's problem list offers an anonymised sample → the saved file holds neither, its ids are
// remapped consistently, and it still names the API and the component tags.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { orderDetailBody } from '../support/aliexpress-bodies.mjs';
import { ARTIFACTS, launch, openPopup, serveAliExpress, until } from './harness.mjs';
import { orderDetailPage } from './pages.mjs';

const ORDER_ID = '8400000000000123';
const LINE_ID = '8400000000100123'; // the order id + 100000: a relation the file must keep
const DETAIL = 'mtop.aliexpress.trade.buyer.order.detail';

/** A detail body in a shape our reader refuses: its ids moved to where we do not look. */
function unreadableDetail() {
  const body = orderDetailBody({
    id: ORDER_ID,
    status: 'Awaiting delivery',
    placedOn: '2026-10-01',
    totalMinor: 1234,
    lines: [{ id: LINE_ID, title: 'Desk lamp', quantity: 1, unitMinor: 1234 }],
  });
  const renamed = {};
  for (const c of Object.values(body.data.data)) {
    const fields = { ...c.fields };
    delete fields.tradeOrderId;
    delete fields.orderId;
    if (c.tag === 'detail_simple_order_info_component') {
      fields.addressVO = {
        contactName: 'Receiver Example',
        fullPhoneNo: '+1 5550100199',
        detailAddress: '1 Example St',
      };
      fields.newOrderIdField = ORDER_ID;
      fields.newLineIdField = LINE_ID;
    }
    renamed[`${c.tag}_${ORDER_ID}`] = { ...c, id: ORDER_ID, fields };
  }
  return { ...body, data: { ...body.data, data: renamed } };
}

describe('anonymised samples of pages we cannot read', () => {
  let browser;
  before(async () => {
    browser = await launch();
    await serveAliExpress(browser.ctx, {
      pages: { '/p/order/detail.html': (url) => orderDetailPage(url.searchParams.get('orderId')) },
      api: (name) => (name === DETAIL ? unreadableDetail() : null),
    });
  });
  after(() => browser?.close());

  it('the problem list offers the sample; the saved file has no receiver data and consistent ids', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${ORDER_ID}`);
    await page.waitForFunction(() => document.title === 'Detail loaded');
    // The page stays open until its body is in: the capture hands it over only after the page's
    // next task (a cloned response's text resolves late), so closing the tab at once could lose it
    // on a loaded machine.
    const popup = await until(
      async () => {
        const p = await openPopup(browser);
        const offered = await p
          .getByText(/Pages we could not read \(\d+\)/)
          .waitFor({ timeout: 2_000 })
          .then(() => true)
          .catch(() => false);
        if (offered) return p;
        await p.close();
        return null;
      },
      { what: 'the problem list', timeout: 20_000, interval: 300 },
    );
    await page.close();
    await popup.getByText(/Pages we could not read \(\d+\)/).click();
    await popup
      .getByText(/An order's page, .+: Buyer Shield could not read it/)
      .first()
      .waitFor();
    await popup.getByRole('button', { name: 'Save an anonymised sample' }).click();
    // The buyer sees what was removed before saving.
    const summary = popup.getByRole('status').filter({ hasText: 'Removed before saving' });
    await summary.waitFor();
    assert.match(await summary.innerText(), /1 names, 1 address parts, 1 phone numbers/);
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('link', { name: 'Save the file' }).click(),
    ]);
    const file = path.join(ARTIFACTS, `samples-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const text = await readFile(file, 'utf8');
    await popup.close();

    assert.match(download.suggestedFilename(), /^buyer-shield-sample-order_detail-\d{4}-\d{2}-\d{2}\.json$/);
    for (const personal of ['Receiver Example', '5550100199', '1 Example St', ORDER_ID, LINE_ID]) {
      assert.equal(text.includes(personal), false, `${personal} is not in the file`);
    }
    const sample = JSON.parse(text);
    assert.equal(sample.api, DETAIL);
    assert.equal(sample.pageKind, 'order_detail');
    assert.match(sample.extensionVersion, /^\d+\.\d+\.\d+$/);
    const body = JSON.parse(sample.body);
    const keys = Object.keys(body.data.data);
    const info = keys.find((k) => k.startsWith('detail_simple_order_info_component_'));
    assert.ok(info, 'the component tag is kept');
    const id = info.slice('detail_simple_order_info_component_'.length);
    assert.match(id, /^\d{16}$/);
    // The same id everywhere it was, and the line id still the order id + 100000.
    assert.ok(keys.every((k) => k.endsWith(`_${id}`)));
    const fields = body.data.data[info].fields;
    assert.equal(fields.newOrderIdField, id);
    assert.equal(BigInt(fields.newLineIdField) - BigInt(id), 100_000n);
    assert.equal(body.data.data[info].tag, 'detail_simple_order_info_component');
    assert.ok(sample.removed.ids >= 2);
  });

  it('Options offers the same sample, and "Delete all data" removes it', async () => {
    const options = await browser.ctx.newPage();
    await options.goto(browser.url('options.html'));
    const heading = options.getByRole('heading', { name: 'Samples for bug reports' });
    await heading.waitFor();
    await options.getByRole('button', { name: 'Save an anonymised sample' }).waitFor();
    await options.getByRole('button', { name: 'Delete all data' }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await heading.waitFor({ state: 'detached' });
    await options.reload();
    await options.getByRole('heading', { name: 'Privacy' }).waitFor();
    assert.equal(await heading.count(), 0);
    await options.close();
  });
});
