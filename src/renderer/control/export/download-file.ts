/**
 * Downloads an export with a progress figure: the response is read as a stream and its bytes are
 * counted against Content-Length; then the browser saves it (a blob and an anchor). In Electron
 * the same anchor opens the native save dialog (the shell handles `will-download`).
 */

export interface DownloadProgress {
  received: number;
  /** From Content-Length; null when the server did not say. */
  total: number | null;
}

export class DownloadError extends Error {
  override name = 'DownloadError';
}

/** The file name the core chose, from `Content-Disposition: attachment; filename="…"`. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  const m = /filename="([^"]+)"/.exec(header ?? '');
  return m?.[1] ?? fallback;
}

export async function fetchWithProgress(
  url: string,
  onProgress: (p: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; fileName: string }> {
  const res = await fetch(url, { cache: 'no-store', ...(signal ? { signal } : {}) });
  if (!res.ok) {
    const text = (await res.text()).trim();
    throw new DownloadError(text || `HTTP ${res.status}`);
  }
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  const fileName = fileNameFromDisposition(res.headers.get('content-disposition'), 'pupitre-export');
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } else {
    const all = new Uint8Array(await res.arrayBuffer());
    chunks.push(all);
    received = all.byteLength;
    onProgress({ received, total });
  }
  return { blob: new Blob(chunks, { type }), fileName };
}

/** Hands the file to the browser (a download) or to Electron (its save dialog). */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a little later: the download has taken the blob by then.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
