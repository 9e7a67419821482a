import type { KeyboardEvent } from 'react';
import { useT } from '../../lib/i18n';
import { type EditorTab, editorTabs } from './editor-store';

export const tabId = (tab: EditorTab) => `editor-tab-${tab}`;
export const panelId = (tab: EditorTab) => `editor-panel-${tab}`;

/** « Répliques » / « Sondages et nuages »: tabs with the arrow keys, Home and End (WAI-ARIA tabs). */
export function EditorTabs({
  tab,
  counts,
  onSelect,
}: {
  tab: EditorTab;
  counts: Record<EditorTab, number>;
  onSelect: (tab: EditorTab) => void;
}) {
  const t = useT();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = editorTabs.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? editorTabs[(i + 1) % editorTabs.length]
        : e.key === 'ArrowLeft'
          ? editorTabs[(i + editorTabs.length - 1) % editorTabs.length]
          : e.key === 'Home'
            ? editorTabs[0]
            : e.key === 'End'
              ? editorTabs[editorTabs.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div className="ed-tabs" role="tablist" aria-label={t('editor.title')} onKeyDown={onKeyDown}>
      {editorTabs.map((k) => (
        <button
          key={k}
          id={tabId(k)}
          type="button"
          role="tab"
          className="ed-tab"
          aria-selected={tab === k}
          aria-controls={panelId(k)}
          tabIndex={tab === k ? 0 : -1}
          onClick={() => onSelect(k)}
          data-testid={tabId(k)}
        >
          {k === 'cues' ? t('editor.tab.cues') : t('editor.tab.interactions')} <span className="ed-count">{counts[k]}</span>
        </button>
      ))}
    </div>
  );
}
