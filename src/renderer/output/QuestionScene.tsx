import { useRef } from 'react';
import type { OutputMode } from './output-mode';
import { Typeset } from './Typeset';
import { useFitLevel } from './use-fit-level';

/** Font steps shared with the message scene (output-scenes.css): long questions shrink, never overflow. */
const MAX_FIT = 7;

const ORIGIN_WORDS = { room: 'dans la salle', remote: 'à distance', regie: 'au micro' } as const;

/**
 * A question read on stage. The core copied its text (as edited by a moderator), first name and
 * origin into the scene when it was composed: the projector never holds the question list.
 * On the stream encoder (mode=obs) it is a lower third, for the remote viewers.
 */
export function QuestionScene({
  text,
  name,
  origin,
  mode,
}: {
  text: string;
  name: string | null;
  origin: 'room' | 'remote' | 'regie' | null;
  mode: OutputMode;
}) {
  const body = useRef<HTMLDivElement>(null);
  const fit = useFitLevel(body, MAX_FIT, JSON.stringify([mode, text, name]));
  const who = name ?? 'Anonyme';
  return (
    <main className="scene scene-message scene-question" data-testid="scene-question">
      <h1 className="scene-title" data-testid="question-asker">
        <Typeset text={origin ? `${who} · ${ORIGIN_WORDS[origin]}` : who} />
      </h1>
      <div className="message-body" ref={body} data-fit={fit}>
        <p className="message-text" data-testid="question-text">
          <Typeset text={`« ${text} »`} />
        </p>
      </div>
    </main>
  );
}
