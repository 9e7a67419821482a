import type { Programme } from '../../shared/domain/programme';
import { Typeset } from './Typeset';

/** The event's name, with its edition and theme, and where it takes place. */
export function EventHeader({ event }: { event: Programme['event'] }) {
  const sub = [event.edition, event.theme].filter((x): x is string => !!x).join(' · ');
  const place = [event.venue, event.city].filter((x): x is string => !!x).join(', ');
  return (
    <div className="event-header">
      <div className="event-accent" aria-hidden="true" />
      <h1 className="event-name" data-testid="event-name">
        <Typeset text={event.name} />
      </h1>
      {sub && (
        <p className="event-sub" data-testid="event-subtitle">
          <Typeset text={sub} />
        </p>
      )}
      {place && (
        <p className="event-place">
          <Typeset text={place} />
        </p>
      )}
    </div>
  );
}
