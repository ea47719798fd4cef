import { type LogoRaster, logoSize, rasterizeLogo } from '@shopbook/shared';

/** Why a picked file cannot be a logo: shown to the user in their language. */
export class LogoFileError extends Error {
  constructor(readonly reason: 'notImage' | 'unreadable') {
    super(reason);
    this.name = 'LogoFileError';
  }
}

/**
 * A picked image file → the printer raster: the browser decodes it (PNG, JPEG, GIF,
 * WebP, SVG), it is scaled down to fit the logo box, and its pixels are dithered to dots.
 */
export async function logoFromFile(file: File): Promise<LogoRaster> {
  if (!file.type.startsWith('image/')) throw new LogoFileError('notImage');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new LogoFileError('unreadable');
  }
  const { width, height } = logoSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new LogoFileError('unreadable');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return rasterizeLogo({ width, height, data: context.getImageData(0, 0, width, height).data });
}
