import { useId, useMemo, useState } from 'react';
import type { TalliedWord } from '../../../shared/domain/word-tally';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { HeldWords } from './HeldWords';
import { WordList } from './WordList';
import { ModeratedWords } from './ModeratedWords';
import { useWordActions } from './use-word-actions';
import { defaultCloud, deskClouds, wordDesk } from './word-desk-model';
import './words.css';

const STATUS = { draft: 'words.status.draft', open: 'words.status.open', closed: 'words.status.closed' } as const;

/**
 * The word cloud at the desk: the open cloud (or one chosen), its words as the projector counts
 * them with their spellings, the words held back for a moderator to read, and the moderation:
 * ban (and take back), merge two words (and undo), release a held word. Counts: words sent,
 * participants, distinct words.
 */
export function WordsPanel() {
  const t = useT();
  const selectId = useId();
  const programme = useRegie((s) => s.state?.programme);
  const live = useRegie((s) => s.state?.live);
  const audience = useRegie((s) => s.state?.audience);
  const wordModeration = useRegie((s) => s.state?.wordModeration);
  const wordParticipants = useRegie((s) => s.state?.wordParticipants);
  const clouds = useMemo(() => (programme && live ? deskClouds({ programme, live }) : []), [programme, live]);
  const [chosen, setChosen] = useState<string | null>(null);
  const cloudId = chosen !== null && clouds.some((c) => c.id === chosen) ? chosen : defaultCloud(clouds, live);
  const desk = useMemo(
    () =>
      audience && cloudId
        ? wordDesk({ audience, wordModeration: wordModeration ?? {}, wordParticipants: wordParticipants ?? {} }, cloudId)
        : null,
    [audience, wordModeration, wordParticipants, cloudId],
  );
  const [mergeFrom, setMergeFrom] = useState<TalliedWord | null>(null);
  const { act, undo, feedback } = useWordActions();

  if (clouds.length === 0 || !cloudId || !desk) {
    return (
      <section className="ap-section" aria-label={t('words.title')} data-testid="words-panel">
        <h3 className="ap-section-title">{t('words.title')}</h3>
        <p className="empty small">{t('words.noCloud')}</p>
      </section>
    );
  }
  const cloud = clouds.find((c) => c.id === cloudId);
  const from = mergeFrom && desk.words.some((w) => w.key === mergeFrom.key) ? mergeFrom : null;
  const people = desk.participants.room + desk.participants.remote;

  return (
    <section className="ap-section wd-panel" aria-label={t('words.title')} data-testid="words-panel" data-cloud-id={cloudId}>
      <h3 className="ap-section-title">{t('words.title')}</h3>
      <div className="wd-choose">
        <label htmlFor={selectId} className="small muted">
          {t('words.cloud')}
        </label>
        <select
          id={selectId}
          value={cloudId}
          onChange={(e) => {
            setChosen(e.target.value);
            setMergeFrom(null);
          }}
          data-testid="words-cloud"
        >
          {clouds.map((c) => (
            <option key={c.id} value={c.id}>
              {`${c.prompt} — ${t(STATUS[c.status])}`}
            </option>
          ))}
        </select>
      </div>
      {cloud && <p className="wd-prompt">{cloud.prompt}</p>}
      <p className="wd-stats small" data-testid="words-stats">
        {t('words.stats', {
          sent: desk.sent,
          people,
          room: desk.participants.room,
          remote: desk.participants.remote,
          distinct: desk.words.length,
        })}
      </p>
      {from && (
        <p className="wd-merging" role="status" data-testid="words-merging">
          {t('words.merging', { word: from.text })}{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setMergeFrom(null)}>
            {t('words.mergeCancel')}
          </button>
        </p>
      )}
      <WordList
        words={desk.words}
        mergeFrom={from}
        onBan={(w) => {
          setMergeFrom(null);
          void act({ type: 'words.ban', cloudId, word: w.key }, { word: w.text });
        }}
        onPickMerge={(w) => setMergeFrom(w)}
        onMergeInto={(w) => {
          if (!from) return;
          setMergeFrom(null);
          void act({ type: 'words.merge', cloudId, from: from.key, into: w.key }, { word: from.text, into: w.text });
        }}
        onCancelMerge={() => setMergeFrom(null)}
        onUndo={() => void undo()}
      />
      <p
        className={`wd-feedback${feedback?.tone === 'error' ? ' wd-feedback-error' : ''}`}
        role="status"
        aria-live="polite"
        data-testid="words-feedback"
      >
        {feedback?.text}
        {feedback?.undo && (
          <>
            {' '}
            <button type="button" className="btn btn-small btn-ghost" onClick={() => void undo()} data-testid="words-undo">
              {t('words.undo')}
            </button>
          </>
        )}
      </p>
      <HeldWords held={desk.held} onAllow={(h) => void act({ type: 'words.allow', cloudId, word: h.key }, { word: h.text })} />
      <ModeratedWords
        banned={desk.banned}
        merges={desk.merges}
        onUnban={(b) => void act({ type: 'words.unban', cloudId, word: b.key }, { word: b.text })}
        onUnmerge={(m) => void act({ type: 'words.unmerge', cloudId, word: m.from }, { word: m.fromText, into: m.intoText })}
      />
    </section>
  );
}
