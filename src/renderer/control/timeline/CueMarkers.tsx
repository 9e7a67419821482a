import type { Programme } from '../../../shared/domain/programme';
import { cueActionWords } from '../../lib/cue-words';
import { deskTime } from '../../lib/desk-time';
import { type MessageKey, useT } from '../../lib/i18n';
import type { CueView } from '../../lib/run-of-show-view';

type MarkerState = CueView['status'] | 'standby';

const ICONS: Record<MarkerState, string> = {
  waiting: '○',
  standby: '▶',
  prewait: '◔',
  fired: '✓',
  skipped: '–',
  missed: '!',
};

function statusKey(s: MarkerState): MessageKey {
  switch (s) {
    case 'waiting':
      return 'cues.status.waiting';
    case 'standby':
      return 'cues.status.standby';
    case 'prewait':
      return 'cues.status.prewait';
    case 'fired':
      return 'cues.status.fired';
    case 'skipped':
      return 'cues.status.skipped';
    case 'missed':
      return 'cues.status.missed';
  }
}

/** The cues of a session as small markers: expected time and status (icon, colour and words). */
export function CueMarkers({ cues, programme }: { cues: CueView[]; programme: Programme }) {
  const t = useT();
  if (cues.length === 0) return null;
  const tz = programme.event.timeZone;
  return (
    <ul className="cue-markers" aria-label={t('timeline.cues')}>
      {cues.map((c) => {
        const state: MarkerState = c.standby && c.status === 'waiting' ? 'standby' : c.status;
        const time = deskTime(c.expectedAt, tz);
        const words = cueActionWords(c.cue.action, programme, t);
        const status = t(statusKey(state));
        return (
          <li
            key={c.id}
            className={`cue-marker cue-marker-${state}`}
            title={`${time} · ${words} · ${status}`}
            data-testid="cue-marker"
            data-cue-id={c.id}
            data-status={c.status}
            data-standby={c.standby}
          >
            <span className="cue-marker-icon" aria-hidden="true">
              {ICONS[state]}
            </span>
            {time}
            <span className="visually-hidden">
              {' '}
              {words}, {status}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
