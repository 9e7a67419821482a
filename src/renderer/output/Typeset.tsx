import { Fragment } from 'react';
import { frenchTypography } from '../../shared/domain/french-typography';
import { ordinalParts } from './ordinals';

/** Text for the audience: French typography, ordinal suffixes raised. Rendered as inert text. */
export function Typeset({ text }: { text: string }) {
  return (
    <>
      {ordinalParts(frenchTypography(text)).map((p, i) =>
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
