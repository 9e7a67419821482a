import { useT } from '../../lib/i18n';

/** One shortcut: the keys that do it (any of them) and what it does. */
export type Shortcut = [keys: string[], what: string];

/** A list of keyboard shortcuts as the help dialog shows them. */
export function ShortcutList({ rows }: { rows: Shortcut[] }) {
  const t = useT();
  return (
    <dl className="shortcut-list">
      {rows.map(([keys, what]) => (
        <div key={what} className="shortcut">
          <dt>
            {keys.map((k, i) => (
              <span key={k}>
                {i > 0 && <span className="muted"> {t('shortcuts.or')} </span>}
                <kbd>{k}</kbd>
              </span>
            ))}
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}
