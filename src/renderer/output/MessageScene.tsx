import { useRef } from 'react';
import type { OutputMode } from './output-mode';
import { Typeset } from './Typeset';
import { useFitLevel } from './use-fit-level';

/** Font steps of a long message (output-scenes.css): it shrinks until it fits, never overflows. */
const MAX_FIT = 7;

/** A free message from the régie: a title and a text. */
export function MessageScene({ text, title, mode }: { text: string; title: string | null; mode: OutputMode }) {
  const body = useRef<HTMLDivElement>(null);
  const fit = useFitLevel(body, MAX_FIT, JSON.stringify([mode, title, text]));
  return (
    <main className="scene scene-message" data-testid="scene-message">
      {title && (
        <h1 className="scene-title" data-testid="message-title">
          <Typeset text={title} />
        </h1>
      )}
      <div className="message-body" ref={body} data-fit={fit}>
        <p className="message-text" data-testid="message-text">
          <Typeset text={text} />
        </p>
      </div>
    </main>
  );
}
