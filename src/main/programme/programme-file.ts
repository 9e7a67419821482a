import { type Document, LineCounter, parseDocument, isMap, isNode, isScalar, isSeq } from 'yaml';
import { LOGO_TYPES, MAX_LOGO_BYTES, isLogoDataUrl, sniffLogoType } from '../../shared/domain/event-branding';
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

export interface ProgrammeFileOptions {
  /** Reads a file named relative to the programme file (its logo); absent when the file came without its folder. */
  readAsset?: (relativePath: string) => Uint8Array | null;
}

/**
 * Reads a programme in the native format. YAML and JSON share one parser (JSON is YAML), so both
 * get line numbers; a file named *.json must also be strict JSON (YAML would let a trailing comma
 * or a comment through). All or nothing: any error and no programme is returned.
 */
export function parseProgrammeFile(text: string, fileName = 'programme', options: ProgrammeFileOptions = {}): Programme {
  if (Buffer.byteLength(text, 'utf8') > MAX_PROGRAMME_FILE_BYTES) {
    throw new ProgrammeFileError(fileName, [
      { line: null, column: null, field: '', message: `fichier trop grand (${MAX_PROGRAMME_FILE_BYTES / 1024} Kio au plus)` },
    ]);
  }
  const source = text.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const at = (offset: number | null) => (offset === null ? null : lineCounter.linePos(offset));
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ProgrammeFileError(
      fileName,
      doc.errors.map((e) => {
        // e.linePos is only filled in with prettyErrors; the offset is always there.
        const pos = at(e.pos[0]);
        return {
          line: pos?.line ?? null,
          column: pos?.col ?? null,
          field: '',
          message: `syntaxe : ${e.message.split('\n')[0] ?? e.code}`,
        };
      }),
    );
  }
  if (/\.json$/i.test(fileName)) {
    try {
      JSON.parse(source);
    } catch (err) {
      const comma = trailingCommaOffset(source);
      const pos = at(comma ?? jsonErrorOffset(err));
      const detail = comma !== null ? 'virgule en trop avant } ou ]' : (err as Error).message;
      throw new ProgrammeFileError(fileName, [
        { line: pos?.line ?? null, column: pos?.col ?? null, field: '', message: `syntaxe JSON : ${detail}` },
      ]);
    }
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    // Unresolved or too many aliases (*ref): a file error, not a crash.
    throw new ProgrammeFileError(fileName, [{ line: null, column: null, field: '', message: `syntaxe : ${(err as Error).message}` }]);
  }
  const parsed = programmeSchema.safeParse(data);
  if (parsed.success) {
    const logo = parsed.data.event.branding?.logo;
    if (logo === undefined || isLogoDataUrl(logo)) return parsed.data;
    // A logo named by its path: read beside the file and embedded, so every view gets the image itself.
    const field = ['event', 'branding', 'logo'];
    const fail = (message: string): never => {
      const pos = at(locate(doc, field));
      throw new ProgrammeFileError(fileName, [{ line: pos?.line ?? null, column: pos?.col ?? null, field: formatPath(field), message }]);
    };
    if (!options.readAsset)
      return fail(
        'un chemin de logo ne se lit que pour un fichier ouvert depuis le disque : donnez l’image en adresse data:image/…;base64',
      );
    const bytes = options.readAsset(logo);
    if (!bytes) return fail(`logo introuvable à côté du programme : ${logo}`);
    if (bytes.length > MAX_LOGO_BYTES)
      return fail(`logo trop lourd : ${Math.ceil(bytes.length / 1024)} Kio (${MAX_LOGO_BYTES / 1024} Kio au plus)`);
    const type = sniffLogoType(bytes);
    if (!type) return fail(`${logo} n’est ni un PNG, ni un JPEG, ni un SVG`);
    const dataUrl = `data:${LOGO_TYPES[type]};base64,${Buffer.from(bytes).toString('base64')}`;
    return { ...parsed.data, event: { ...parsed.data.event, branding: { ...parsed.data.event.branding, logo: dataUrl } } };
  }

  throw new ProgrammeFileError(
    fileName,
    parsed.error.issues.flatMap((issue) => {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // A strict object's unknown fields: one issue per field, on the field's own line.
      const located =
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ path: [...path, key], message: `champ inconnu : ${key}` }))
          : [{ path, message: issue.message }];
      return located.map(({ path: p, message }) => {
        const pos = at(locate(doc, p));
        return { line: pos?.line ?? null, column: pos?.col ?? null, field: formatPath(p), message };
      });
    }),
  );
}

/**
 * Where a field is in the file: the deepest part of its path that exists, and for a map entry the
 * line of its key (`end:`), so a missing field is reported on its parent's key (`event:`).
 */
function locate(doc: Document, path: (string | number)[]): number | null {
  let node: unknown = doc.contents;
  let offset = isNode(node) && node.range ? node.range[0] : null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      if (isNode(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item: unknown = node.items[key];
      if (!isNode(item) || !item.range) break;
      offset = item.range[0];
      node = item;
    } else break;
  }
  return offset;
}

/** The first `,` followed only by blanks and a closing `}` or `]`, outside strings. */
function trailingCommaOffset(source: string): number | null {
  let inString = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' && /^\s*[}\]]/.test(source.slice(i + 1, i + 200))) return i;
  }
  return null;
}

function jsonErrorOffset(err: unknown): number | null {
  const m = /at position (\d+)/.exec(err instanceof Error ? err.message : '');
  return m ? Number(m[1]) : null;
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}
