import type { RegieState } from '../../shared/api/state';
import { ExportScopeError } from './export-scope';
import { buildExport, ExportRequestError } from './export-file';
import { parseExportQuery } from './export-request';
import { asciiSlug } from './export-scope';
import { pollChartPng, wordCloudPng } from '../report/result-images';

export type DownloadResult =
  { status: 200; body: Buffer; contentType: string; fileName: string } | { status: 400 | 403 | 404 | 500; body: string };

export interface ExportRouteDeps {
  state: () => RegieState;
  /** Only a control seat may take the audience's data away. */
  isControl: (token: string | null) => boolean;
  now?: () => number;
  onError?: (err: unknown) => void;
}

/**
 * `GET /export?scope=…&format=…&names=0|1&sep=;|,`, and the result images `/export/image/poll/<id>.png`, `/export/image/wordcloud/<id>.png`:
 * the file, or a French message with the status that says why not.
 */
export function exportRoute(
  deps: ExportRouteDeps,
): (path: string, params: URLSearchParams, token: string | null) => Promise<DownloadResult> {
  return async (path, params, token) => {
    if (!deps.isControl(token)) return { status: 403, body: 'Jeton de régie requis pour les exports.' };
    const state = deps.state();
    const now = deps.now?.() ?? Date.now();
    try {
      if (path === '/export') {
        const request = parseExportQuery(params, state.programme);
        const file = await buildExport(state, request, { now });
        return { status: 200, ...file };
      }
      const image = /^\/export\/image\/(poll|wordcloud)\/([a-z0-9][a-z0-9-]{0,63})\.png$/.exec(path);
      if (image) {
        const [, kind, id = ''] = image;
        if (!state.programme?.interactions?.some((i) => i.kind === kind && i.id === id)) {
          return { status: 404, body: `${kind === 'poll' ? 'Sondage' : 'Nuage de mots'} inconnu : ${id}` };
        }
        const body = kind === 'poll' ? pollChartPng(state, id) : wordCloudPng(state, id);
        return {
          status: 200,
          body,
          contentType: 'image/png',
          fileName: `pupitre-${kind === 'poll' ? 'sondage' : 'nuage'}-${asciiSlug(id)}.png`,
        };
      }
      return { status: 404, body: `Export inconnu : ${path.slice(0, 80)}` };
    } catch (err) {
      if (err instanceof ExportRequestError || err instanceof ExportScopeError)
        return { status: 400, body: `Export impossible : ${err.message}.` };
      deps.onError?.(err);
      return { status: 500, body: `Export impossible (erreur interne) : ${err instanceof Error ? err.message : String(err)}` };
    }
  };
}
