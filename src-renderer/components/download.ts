import { fromBase64 } from '../api/base64';

/** Saves a file through the browser's download (the desktop shows its save dialog for it). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a file the core sent as base64 (exports, copies, originals). */
export function downloadBase64(data: string, mimeType: string, fileName: string): void {
  download(new Blob([fromBase64(data)], { type: mimeType }), fileName);
}
