import { Fragment } from 'react';
import { frenchNoBreak } from '../../shared/domain/french-no-break';
import { frenchTypography } from '../../shared/domain/french-typography';
import { ordinalParts } from './ordinals';

/**
 * Text for the audience: French typography, times and numbers kept on one line, ordinal suffixes
 * raised. Rendered as inert text.
 */
export function Typeset({ text }: { text: string }) {
  return (
    <>
      {ordinalParts(frenchNoBreak(frenchTypography(text))).map((p, i) =>
        p.sup ? (
          <sup key={i} className="ordinal">
            {p.text}
          </sup>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
