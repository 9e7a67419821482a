import { useT } from '../../lib/i18n';
import { ShortcutList, type Shortcut } from '../shell/ShortcutList';

/** The screening desk's keys, in the desk's `?` help (they work while the « Questions » tab is shown). */
export function QuestionsShortcuts() {
  const t = useT();
  const rows: Shortcut[] = [
    [['q'], t('shortcuts.q.tab')],
    [['j', 'k'], t('shortcuts.q.move')],
    [['a'], t('shortcuts.q.approve')],
    [['r'], t('shortcuts.q.reject')],
    [['e'], t('shortcuts.q.edit')],
    [['s'], t('shortcuts.q.star')],
    [['Alt+↑/↓', 'Maj+↑/↓'], t('shortcuts.q.reorder')],
    [['m'], t('shortcuts.q.merge')],
    [['d'], t('shortcuts.q.answered')],
    [['v'], t('shortcuts.q.preview')],
    [['c'], t('shortcuts.q.clearFlags')],
    [['x'], t('shortcuts.q.redact')],
    [['u'], t('shortcuts.q.undo')],
    [['t'], t('shortcuts.q.add')],
    [['i'], t('shortcuts.q.original')],
    [['f'], t('shortcuts.q.search')],
    [['1…5'], t('shortcuts.q.tabs')],
  ];
  return (
    <section className="shortcuts-questions" data-testid="shortcuts-questions">
      <h3 className="shortcuts-subtitle">{t('shortcuts.q.title')}</h3>
      <ShortcutList rows={rows} />
    </section>
  );
}
