import { networkInterfaces } from 'node:os';
import { expect, test } from './fixtures';
import { shot } from './question-desk';

// « Ouvrir aux tablettes du réseau local » at the desk, on a venue laptop's 1366×768: the core
// starts closed (the seats' addresses and QR codes are this computer's); the moderator opens it
// from « Sièges », the LAN address appears in the QR codes, a tablet opens Salle 450's animation
// seat at that address; closing asks first (a tablet is connected), cuts it, and the addresses go
// back to this computer's.

const LAN = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

test.skip(!LAN, 'this machine has no address on a network');

test('the Sièges dialog opens the régie to the venue’s tablets and closes it again', async ({ core, page, context }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('seat-role').click();
  const dialog = page.getByTestId('seats-dialog');
  const lan = dialog.getByTestId('seats-lan');
  const salle450 = dialog.locator('[data-testid="seat-row"][data-seat="room-salle-450"]');
  await expect(lan).toHaveAttribute('data-open', 'false');
  await expect(lan.getByTestId('seats-lan-status')).toContainText('ne s’ouvrent que sur cet ordinateur');
  await expect(salle450.getByTestId('seat-address')).toContainText(`http://127.0.0.1:${core.port}/control?token=`);

  await lan.getByRole('switch', { name: 'Ouvrir aux tablettes du réseau local' }).click();
  await expect(lan).toHaveAttribute('data-open', 'true');
  await expect(lan.getByTestId('seats-lan-status')).toContainText(`Ouvert sur ${LAN}`);
  await expect(lan.getByTestId('seats-lan-status')).toContainText('Régie — modération');
  const address = `http://${LAN}:${core.port}/control?token=`;
  await expect(salle450.getByTestId('seat-address')).toContainText(address);
  await expect(salle450.locator('img.seat-qr')).toHaveAttribute('data-url', new RegExp(`^http://${LAN!.replace(/\./g, '\\.')}:`));
  // Within the screen: the switch does not push the dialog off the laptop's screen.
  const box = (await dialog.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  await shot(page, testInfo, 'seats-lan-open-1366x768');

  // The workshop's tablet opens its seat's LAN address.
  const tablet = await context.newPage();
  await tablet.setViewportSize({ width: 1024, height: 768 });
  await tablet.goto((await salle450.getByTestId('seat-address').textContent())!);
  await expect(tablet.getByTestId('seat-role')).toHaveText('Salle 450 — animation');
  await expect(tablet.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  // Its program monitor is its room's screen, a second view over the same network (docs/rooms.md § 5).
  await expect(tablet.frameLocator('[data-testid="program-monitor"] iframe').getByTestId('output-stage')).toBeVisible();

  // Closing cuts them: the desk asks first, counting the views it will cut (the desk and its monitor).
  await lan.getByRole('switch').click();
  await expect(lan.getByTestId('seats-lan-confirm')).toHaveText(/^2 vues ouvertes depuis le réseau local seront coupées/);
  await shot(page, testInfo, 'seats-lan-confirm-close');
  await lan.getByTestId('seats-lan-close-anyway').click();
  await expect(lan).toHaveAttribute('data-open', 'false');
  await expect(salle450.getByTestId('seat-address')).toContainText(`http://127.0.0.1:${core.port}/control?token=`);
  await expect(tablet.getByTestId('connection-state')).not.toHaveAttribute('data-state', 'online');
  // The desk on this computer is still online.
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await shot(page, testInfo, 'seats-lan-closed');
});
