import { Document, Scalar, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import { type Programme, programmeSchema } from '../../shared/domain/programme';

/**
 * Writes a programme in the native format (the one `parseProgrammeFile` reads), as YAML laid out
 * like the demo file: dates, times and offsets in quotes (strings for every YAML reader), cue
 * moments and actions on one line, a blank line between sessions. Round-trips: reading the text
 * back gives the same programme. The programme is checked first: an invalid one is never written.
 */

/** Keys whose values look like numbers or times to some YAML readers: always quoted. */
const QUOTED_KEYS = new Set(['date', 'day', 'start', 'end', 'time', 'offset']);
/** Small maps written on one line: `at: { offset: "+00:15" }`. */
const FLOW_KEYS = new Set(['at', 'action', 'audience']);

export function exportNative(programme: Programme, format: 'yaml' | 'json' = 'yaml'): string {
  const checked = programmeSchema.parse(programme);
  if (format === 'json') return `${JSON.stringify(checked, null, 2)}\n`;

  const doc = new Document(checked);
  doc.commentBefore = [
    ` Programme : ${checked.event.name}`,
    ' Format natif de Pupitre (version 1), exporté par Pupitre ; se relit tel quel.',
  ].join('\n');

  visit(doc, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? pair.key.value : null;
      if (typeof key !== 'string') return;
      if (QUOTED_KEYS.has(key) && isScalar(pair.value) && typeof pair.value.value === 'string') {
        pair.value.type = Scalar.QUOTE_DOUBLE;
      }
      if (FLOW_KEYS.has(key) && isMap(pair.value)) pair.value.flow = true;
    },
  });
  // Air: a blank line before each top-level key but the first, and between sessions and interactions.
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, i) => {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      if (i > 0) pair.key.spaceBefore = true;
      if ((pair.key.value === 'sessions' || pair.key.value === 'interactions') && isSeq(pair.value)) {
        pair.value.items.forEach((item, j) => {
          if (j > 0 && isMap(item)) item.spaceBefore = true;
        });
      }
    });
  }
  return doc.toString({ lineWidth: 0, indentSeq: true });
}
