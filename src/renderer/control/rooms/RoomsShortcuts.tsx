import { useT } from '../../lib/i18n';
import { ShortcutList, type Shortcut } from '../shell/ShortcutList';

/** The rooms' keys at the central desk, in the `?` help. */
export function RoomsShortcuts() {
  const t = useT();
  const rows: Shortcut[] = [
    [['o'], t('shortcuts.rooms')],
    [['0'], t('shortcuts.mainRoom')],
  ];
  return <ShortcutList rows={rows} />;
}
