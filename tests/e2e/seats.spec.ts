import { expect, test } from './fixtures';
import { shot } from './question-desk';

// Issue 17 § 3 at the desk, on a venue laptop's 1366×768: the top bar says which seat this desk
// is; « Sièges » lists every seat with its address and QR code; « Nouveau jeton » on « Régie —
// conduite » closes the colleague's desk at once and its old address is refused, the new one opens.

interface SeatEntry {
  id: string;
  name: string;
  addresses: string[];
}

test('the Sièges dialog at 1366×768: every seat with its address and QR code; a new token refuses the old address', async ({ core, page, context }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const list = async () =>
    ((await (await page.request.get(`http://127.0.0.1:${core.port}/api/seats`, { headers: { Authorization: `Bearer ${core.tokens.control}` } })).json()) as {
      seats: SeatEntry[];
    }).seats;
  const conduite = (await list()).find((s) => s.name === 'Régie — conduite')!;
  const oldAddress = conduite.addresses[0]!;

  // The colleague's desk, open on « Régie — conduite ».
  const colleague = await context.newPage();
  await colleague.setViewportSize({ width: 1366, height: 768 });
  await colleague.goto(oldAddress);
  await expect(colleague.getByTestId('seat-role')).toHaveText('Régie — conduite');

  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('seat-role')).toHaveText('Régie — modération');
  await page.getByTestId('seat-role').click();
  const dialog = page.getByTestId('seats-dialog');
  await expect(dialog).toBeVisible();
  const rows = dialog.getByTestId('seat-row');
  // Two régie seats, the main room's output and stage, and three seats for each of the six workshops.
  await expect(rows).toHaveCount(2 + 2 + 6 * 3);
  const row = (id: string) => dialog.locator(`[data-testid="seat-row"][data-seat="${id}"]`);
  await expect(row('regie-moderation').getByText('ce poste')).toBeVisible();
  await expect(row('regie-moderation').getByTestId('seat-revoke')).toHaveCount(0); // a desk cannot lock itself out
  await expect(row('regie-conduite').getByTestId('seat-connected')).toHaveText('1 vue ouverte');
  await expect(row('room-salle-450').getByTestId('seat-name')).toHaveText('Salle 450 — animation');
  await expect(row('room-salle-450').locator('img.seat-qr')).toBeVisible();
  await expect(row('room-salle-450').getByTestId('seat-address')).toContainText('/control?token=');
  await expect(row('room-salle-450').getByTestId('seat-address')).toContainText('&room=salle-450');
  // Within the screen: nothing runs off the right edge, the dialog scrolls inside itself.
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  for (const id of ['regie-conduite', 'room-salle-450']) {
    const actions = (await row(id).locator('.seat-actions').boundingBox())!;
    expect(actions.x + actions.width).toBeLessThanOrEqual(box.x + box.width);
  }
  await shot(page, testInfo, 'seats-dialog-1366x768');

  // A new token for « Régie — conduite »: its open desk is closed at once, the old address refused.
  await row('regie-conduite').getByTestId('seat-reissue').click();
  await expect(row('regie-conduite').getByTestId('seat-notice')).toContainText('l’ancienne adresse est refusée');
  const newAddress = (await row('regie-conduite').getByTestId('seat-address').textContent())!;
  expect(newAddress).not.toBe(oldAddress);
  expect(newAddress).toContain('/control?token=');
  await expect(colleague.getByTestId('access-problem')).toHaveAttribute('data-problem', 'refused');
  await shot(page, testInfo, 'seats-dialog-after-reissue');

  const stale = await context.newPage();
  await stale.setViewportSize({ width: 1366, height: 768 });
  await stale.goto(oldAddress);
  await expect(stale.getByTestId('access-problem')).toHaveAttribute('data-problem', 'refused');
  await shot(stale, testInfo, 'seats-old-address-refused');
  await stale.goto(newAddress);
  await expect(stale.getByTestId('seat-role')).toHaveText('Régie — conduite');
});
