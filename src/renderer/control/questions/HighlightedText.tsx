import type { QuestionField, QuestionFinding, RedactionMark } from '../../../shared/api/state';
import { type PersonalDataKind, personalDataKinds } from '../../../shared/domain/personal-data';
import { displayText } from '../../../shared/domain/question-display';
import { useT } from '../../lib/i18n';
import { type PickedSpan, samePlace, segments, widest } from './highlight-model';
import { kindWord, reasonOf } from './question-words';

const reasonId = (kind: PersonalDataKind) => `pd-reason-${kind}`;

/** A piece drawn as a view draws text (displayText), keeping the space at its edges (displayText trims). */
function shown(piece: string): string {
  const body = displayText(piece);
  if (body === '') return /\s/.test(piece) ? ' ' : '';
  return `${/^\s/.test(piece) ? ' ' : ''}${body}${/\s$/.test(piece) ? ' ' : ''}`;
}

/**
 * A question's text or name with what the detector found highlighted: each passage is marked
 * (colour, a wavy underline and bold type: never colour alone), says why on hover (`title`) and to
 * a screen reader (`aria-describedby`, the reason in French), and in the detail is a button that
 * picks it for `x`. The reasons are on the page once (PersonalDataReasons). Redacted passages show their label (« [prénom] ») apart. Every piece carries
 * its offset in the field (`data-start`), so that text selected with the mouse maps back to it.
 */
export function HighlightedText({
  value,
  field,
  questionId,
  flags,
  marks,
  cleared,
  picked,
  onPick,
}: {
  value: string;
  field: QuestionField;
  questionId: string;
  flags: readonly QuestionFinding[];
  marks: readonly RedactionMark[] | undefined;
  /** The flags were read and cleared: the passages stay marked, quieter. */
  cleared: boolean;
  /** In the detail: the picked passage, and what a click does. Absent in the queue's rows. */
  picked?: PickedSpan | null;
  onPick?: (span: PickedSpan) => void;
}) {
  const t = useT();
  const pieces = segments(value, field, flags, marks ?? []);
  return (
    <span data-redact-field={field} data-question-id={questionId}>
      {pieces.map((p) => {
        if (p.kind === 'plain') {
          return (
            <span key={p.start} data-start={p.start}>
              {shown(p.text)}
            </span>
          );
        }
        if (p.kind === 'redacted') {
          return (
            <span
              key={p.start}
              className="pd-redacted"
              data-start={p.start}
              data-testid="pd-redacted"
              data-kind={p.redacted}
              title={t('questions.redacted', { kind: kindWord(p.redacted, t) })}
            >
              {p.text}
            </span>
          );
        }
        const main = widest(p.findings) ?? p.findings[0]!;
        const title = [...new Set(p.findings.map((f) => reasonOf(f.kind, t)))].join(' ');
        const describedBy = [...new Set(p.findings.map((f) => reasonId(f.kind)))].join(' ');
        const common = {
          className: `pd-mark pd-${main.kind}${cleared ? ' pd-cleared' : ''}`,
          'data-start': p.start,
          'data-testid': 'pd-mark',
          'data-field': field,
          'data-kind': main.kind,
          'aria-describedby': describedBy,
        };
        if (!onPick) {
          return (
            <mark key={p.start} {...common} title={title}>
              {shown(p.text)}
            </mark>
          );
        }
        const isPicked = picked ? samePlace(picked, main) : false;
        return (
          <button
            key={p.start}
            type="button"
            {...common}
            className={`${common.className}${isPicked ? ' pd-picked' : ''}`}
            title={t('questions.findingTitle', { reason: title })}
            aria-pressed={isPicked}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick({ questionId, field, start: main.start, end: main.end })}
          >
            {shown(p.text)}
          </button>
        );
      })}
    </span>
  );
}

/**
 * The reasons, once per page, for `aria-describedby` (hidden: a screen reader reads them with the
 * passage; the text of the question stays the text).
 */
export function PersonalDataReasons() {
  const t = useT();
  return (
    <div hidden>
      {personalDataKinds.map((k) => (
        <span key={k} id={reasonId(k)}>
          {reasonOf(k, t)}
        </span>
      ))}
    </div>
  );
}
