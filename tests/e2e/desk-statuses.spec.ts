import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, test } from './fixtures';
import { shot } from './question-desk';

// Issue 16: the desk's statuses tell the truth. In rehearsal their « depuis HH:MM » is on the show
// clock like every other time of the desk; when the desk loses the core, the hub's last state is
// not shown as if it were current.

test('statuses in rehearsal say the show clock’s time; without the core the hub’s state is unknown', async ({ page, core }, testInfo) => {
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  expect(
    await send(seat, {
      id: 'statuses-clock-0001',
      command: { type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') } },
    }),
  ).toMatchObject({ ok: true });
  seat.close();

  await page.goto(core.controlUrl); // 1920×1080: the link's « depuis » is shown
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('clock')).toHaveText(/^10:1[56]:\d\d$/);
  // The link to the core came up at 10:15 on the show clock; the hub's link before the clock was set.
  await expect(page.getByTestId('connection-state')).toContainText(/depuis 10:1[56]/);
  const hub = page.getByTestId('audience-indicator');
  await expect(hub).toHaveAttribute('data-state', 'online');
  await expect(hub).toContainText(/depuis 10:1[0-6]/);

  // The core goes away: the desk says so, and no longer claims the hub is connected.
  core.child.kill('SIGKILL');
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('offline-banner')).toContainText(/10:1[56]/);
  await expect(hub).toHaveAttribute('data-state', 'unknown');
  await expect(page.getByTestId('audience-link-words')).toHaveText('Hub : état inconnu');
  await expect(hub).toContainText('régie injoignable');
  await expect(page.getByTestId('participants-room')).toHaveCount(0);
  // The « Public » panel still gives the join address, and says the same of the hub.
  await hub.click();
  await expect(page.getByTestId('audience-panel-state')).toHaveText('Hub : état inconnu (régie injoignable)');
  await expect(page.getByTestId('panel-participants-room')).toHaveCount(0);
  await shot(page, testInfo, 'desk-core-lost');
});
