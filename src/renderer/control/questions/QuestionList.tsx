import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AudienceQuestion } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';
import { QuestionRow } from './QuestionRow';
import type { Projection } from './question-words';

/** Every row has this height: the list draws only the rows in view (20,000 questions stay light). */
export const ROW_HEIGHT = 66;
const OVERSCAN = 4;

/**
 * The queue, windowed: a tall empty box the height of every row, and in it only the rows that can
 * be seen (plus a few). The selected row is kept in view as `j`/`k` move it.
 */
export const QuestionList = memo(function QuestionList({
  rows,
  selectedId,
  selectedIndex,
  timeZone,
  onAirId,
  previewId,
  starredOrder,
  onSelect,
  emptyText,
}: {
  rows: readonly AudienceQuestion[];
  selectedId: string | null;
  selectedIndex: number;
  timeZone: string;
  onAirId: string | null;
  previewId: string | null;
  /** Position on the shortlist (1-based) by question id. */
  starredOrder: ReadonlyMap<string, number>;
  onSelect: (id: string, index: number) => void;
  emptyText: string;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the selected row in view.
  useEffect(() => {
    const el = box.current;
    if (!el || selectedId === null) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedId, selectedIndex]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);
  const projection = (q: AudienceQuestion): Projection => (q.id === onAirId ? 'onAir' : q.id === previewId ? 'preview' : null);

  return (
    <div
      ref={box}
      className="ql"
      role="listbox"
      tabIndex={0}
      aria-label={t('questions.list')}
      aria-activedescendant={selectedId ? `ql-${selectedId}` : undefined}
      data-testid="question-list"
      data-count={rows.length}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {rows.length === 0 ? (
        <p className="empty ql-empty">{emptyText}</p>
      ) : (
        <div className="ql-track" style={{ height: rows.length * ROW_HEIGHT }}>
          {visible.map((q, i) => (
            <QuestionRow
              key={q.id}
              q={q}
              index={first + i}
              top={(first + i) * ROW_HEIGHT}
              selected={q.id === selectedId}
              timeZone={timeZone}
              projection={projection(q)}
              starredAt={starredOrder.get(q.id) ?? null}
              onSelect={onSelect}
            />
          ))}
        </div>
      )}
    </div>
  );
});
