import { LineCounter, parseDocument, isNode } from 'yaml';
import { type Programme, programmeSchema } from '../../shared/domain/programme';

/** A problem in a programme file, located for a person: line, column and field. */
export interface FileIssue {
  line: number | null;
  column: number | null;
  field: string;
  message: string;
}

export class ProgrammeFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: FileIssue[],
  ) {
    super(
      `${fileName} : ${issues.length} erreur(s)\n` +
        issues
          .slice(0, 20)
          .map((i) => `  ligne ${i.line ?? '?'}${i.field ? `, champ ${i.field}` : ''} : ${i.message}`)
          .join('\n'),
    );
    this.name = 'ProgrammeFileError';
  }
}

export const MAX_PROGRAMME_FILE_BYTES = 1024 * 1024;

/**
 * Reads a programme in the native format. YAML and JSON share one parser (JSON is YAML), so both
 * get line numbers. All or nothing: any error and no programme is returned.
 */
export function parseProgrammeFile(text: string, fileName = 'programme'): Programme {
  if (text.length > MAX_PROGRAMME_FILE_BYTES) {
    throw new ProgrammeFileError(fileName, [{ line: null, column: null, field: '', message: `fichier trop grand (${MAX_PROGRAMME_FILE_BYTES / 1024} Kio au plus)` }]);
  }
  const source = text.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ProgrammeFileError(
      fileName,
      doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? null,
        column: e.linePos?.[0]?.col ?? null,
        field: '',
        message: `syntaxe : ${e.message.split('\n')[0] ?? e.code}`,
      })),
    );
  }
  const parsed = programmeSchema.safeParse(doc.toJS({ maxAliasCount: 50 }));
  if (parsed.success) return parsed.data;

  throw new ProgrammeFileError(
    fileName,
    parsed.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // Point at the deepest node that exists: a missing field is reported on its parent's line.
      let node: unknown = undefined;
      for (let n = path.length; n >= 0 && !isNode(node); n -= 1) node = doc.getIn(path.slice(0, n), true);
      const offset = isNode(node) && node.range ? node.range[0] : null;
      const pos = offset === null ? null : lineCounter.linePos(offset);
      return {
        line: pos?.line ?? null,
        column: pos?.col ?? null,
        field: formatPath(path),
        message: issue.message,
      };
    }),
  );
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}
