import { originOf } from './policy';

/**
 * Downloads the shell lets through: files served by the core, and blobs made by the core's own
 * pages (the desk fetches an export with a progress bar, then saves it as `blob:<core origin>/…`).
 */
export function isCoreDownload(url: string, coreOrigin: string): boolean {
  const inner = url.startsWith('blob:') ? url.slice('blob:'.length) : url;
  return originOf(inner) === coreOrigin;
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV (tableur)', extensions: ['csv'] },
  xlsx: { name: 'Classeur Excel', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
  png: { name: 'Image PNG', extensions: ['png'] },
};

/** The native save dialog for an export: French title, the file's own name in the documents folder. */
export function exportSaveDialog(
  fileName: string,
  documentsDir: string,
): { title: string; defaultPath: string; buttonLabel: string; filters: { name: string; extensions: string[] }[] } {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const filter = FILTERS[ext];
  const sep = documentsDir.includes('\\') && !documentsDir.includes('/') ? '\\' : '/';
  return {
    title: 'Enregistrer l’export de Pupitre',
    defaultPath: documentsDir ? `${documentsDir.replace(/[\\/]+$/, '')}${sep}${fileName}` : fileName,
    buttonLabel: 'Enregistrer',
    filters: [...(filter ? [filter] : []), { name: 'Tous les fichiers', extensions: ['*'] }],
  };
}
