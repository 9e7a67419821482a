import { useState } from 'react';
import { useT } from '../i18n';
import type { Origin } from '../../../shared/protocol/fields';
import { useEventLook } from '../lib/event-look';
import { joinEvent } from '../lib/hub-link';
import { useParticipant } from '../lib/participant-store';
import { AskCard } from './AskCard';
import { ConnectionBanner } from './ConnectionBanner';
import { EventLook } from './EventLook';
import { Header } from './Header';
import { InteractionArea } from './InteractionArea';
import { JoinScreen } from './JoinScreen';
import { NoticeCard } from './NoticeCard';
import { PlaceBar } from './PlaceBar';
import { QuestionList } from './QuestionList';
import { RoomChooser } from './RoomChooser';
import { mustChoose } from '../lib/rooms';

/** The page: the join screen until a code and a place are chosen, then the live event. */
export function ParticipantApp({ initialCode }: { initialCode: string }) {
  const eventCode = useParticipant((s) => s.eventCode);
  const origin = useParticipant((s) => s.origin);
  const audience = useParticipant((s) => s.audience);
  const place = useParticipant((s) => s.place);
  const rooms = useParticipant((s) => s.rooms);
  const [changing, setChanging] = useState(false);
  const [changingRoom, setChangingRoom] = useState(false);
  const eventName = useEventLook((s) => s.branding?.name ?? null);
  const t = useT();

  const onJoin = (code: string, o: Origin) => {
    setChanging(false);
    joinEvent(code, o);
  };

  if (!eventCode || !origin || changing) {
    return (
      <>
        <EventLook />
        <Header />
        <JoinScreen initialCode={eventCode ?? initialCode} initialOrigin={origin} onJoin={onJoin} />
      </>
    );
  }
  return (
    <>
      <EventLook />
      <Header onChange={() => setChanging(true)} />
      <ConnectionBanner />
      <main id="main" className="live" data-testid="live" aria-labelledby="live-title">
        <h1 id="live-title" className="visually-hidden">
          {t('app.title')} —{' '}
          {eventName ? `${eventName} (${t('header.event', { code: eventCode })})` : t('header.event', { code: eventCode })}
        </h1>
        {place && (changingRoom || mustChoose(rooms, place)) ? (
          <RoomChooser rooms={rooms} place={place} {...(changingRoom ? { onClose: () => setChangingRoom(false) } : {})} />
        ) : audience ? (
          <>
            <PlaceBar onChangeRoom={() => setChangingRoom(true)} />
            <NoticeCard text={audience.notice} />
            <InteractionArea audience={audience} />
            {/* The hub's word on where this phone is, when it gives one (a hub of before rooms: the phone's). */}
            <AskCard qa={audience.qa} origin={place?.origin ?? origin} />
            {audience.questions.length > 0 || audience.qa.open ? <QuestionList questions={audience.questions} /> : null}
          </>
        ) : (
          <NoticeCard text={null} />
        )}
      </main>
    </>
  );
}
