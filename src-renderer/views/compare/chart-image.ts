/** A chart of the Compare view as a picture: its SVG drawn to a PNG for slides and papers. */

/** The size an SVG says it has (ECharts writes width and height on its root). */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)/.exec(root)?.[1] ?? 800);
  const height = Number(/\bheight="([\d.]+)/.exec(root)?.[1] ?? 600);
  return { width, height };
}

/**
 * A PNG of an SVG: the SVG loads as an image from a blob URL (allowed by the CSP's img-src) and
 * is drawn on a white canvas at `scale` times its size, sharp enough for a slide or a paper.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be saved as PNG.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
