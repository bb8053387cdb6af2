/** A file's bytes as base64, for the API's importAsset. */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Opens the system's file chooser; resolves with the chosen file, or null when cancelled. */
export function chooseFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

export const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/gif';

/** Saves a file through the browser's download (in Electron the download asks where to save). Returns its size in bytes. */
function downloadBlob(file: string, blob: Blob): number {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob.size;
}

/** Saves an HTML document through the browser's download. Returns its size in bytes. */
export function downloadHtml(file: string, html: string): number {
  return downloadBlob(file, new Blob([html], { type: 'text/html;charset=utf-8' }));
}

/** Saves bytes (base64) through the browser's download. Returns the size. */
export function downloadBase64(file: string, dataBase64: string, type: string): number {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return downloadBlob(file, new Blob([bytes], { type }));
}

