import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertParkedShopifyReturn, markShopifyReturnExpired } from '../../src/store/repositories/parked-shopify-return.repository.js';
import { CHROMIUM, layoutProblems, openDesk, screenshot, signIn, type Desk } from './console-harness.js';

// Admin › Shopify: back office (Shopify issues, R000-01) sees the Shopify returns that arrived
// before their order — one still waiting, one expired because the order never came.

describe.runIf(existsSync(CHROMIUM))('parked Shopify returns in the console', () => {
  let desk: Desk;
  beforeAll(async () => {
    desk = await openDesk({
      async seed(store) {
        const parkedAt = new Date(Date.now() - 80 * 3_600_000).toISOString();
        await insertParkedShopifyReturn(store.db, { deliveryId: 'd-expired-1', topic: 'returns/request', shopifyOrderId: '4783296540001', returnId: '9100000000000001', parkedAt });
        const old = await store.db.selectFrom('parked_shopify_returns').select('id').where('delivery_id', '=', 'd-expired-1').executeTakeFirstOrThrow();
        await markShopifyReturnExpired(store.db, Number(old.id), new Date(Date.now() - 8 * 3_600_000).toISOString());
        await insertParkedShopifyReturn(store.db, { deliveryId: 'd-waiting-2', topic: 'returns/approve', shopifyOrderId: '4783296540002', returnId: '9100000000000002', parkedAt: new Date().toISOString() });
      },
    });
  }, 180_000);
  afterAll(async () => { await desk?.close(); });

  test('back office lists waiting and expired parked returns and filters to the expired one', async () => {
    const office = await signIn(desk, desk.emails.backOffice);
    await office.goto(`${desk.url}/admin/shopify`);
    const panel = office.getByRole('region', { name: 'Shopify returns waiting for their order' });
    const waiting = panel.getByRole('row').filter({ hasText: '4783296540002' });
    await waiting.waitFor();
    expect(await waiting.getByTestId('parked-state').textContent()).toBe('Waiting');
    const expired = panel.getByRole('row').filter({ hasText: '4783296540001' });
    expect(await expired.getByTestId('parked-state').textContent()).toBe('Expired');
    expect(await layoutProblems(office)).toEqual([]);
    await screenshot(office, 'shopify-parked-returns');

    await panel.getByLabel('Show').selectOption('expired');
    await waiting.waitFor({ state: 'detached' });
    expect(await panel.getByTestId('parked-state').allTextContents()).toEqual(['Expired']);
    await office.close();
  }, 60_000);
});
