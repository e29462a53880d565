/**
 * Minimal PNG encoder for the domain-3 attachments (node built-ins only): RGB image from a pixel
 * function, physical resolution (pHYs, dots per inch) and tEXt metadata chunks (Author, Copyright,
 * Creation Time, Software…), so pupils can read dimensions, resolution and metadata in 3.2 challenges.
 */
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk as chunk } from './png-chunks';

export { crc32 } from './png-chunks';

export interface PngSpec {
  width: number;
  height: number;
  /** dots per inch written in pHYs (converted to pixels per metre) */
  dpi?: number;
  /** tEXt chunks, Latin-1 keywords and values */
  text?: Record<string, string>;
  /** colour of pixel (x, y) as [r, g, b] 0..255 */
  pixel: (x: number, y: number) => [number, number, number];
}

/** Encodes the image as an 8-bit RGB, non-interlaced PNG. */
export function buildPng(spec: PngSpec): Buffer {
  const { width, height } = spec;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  const rowLength = width * 3 + 1;
  const raw = Buffer.alloc(rowLength * height);
  for (let y = 0; y < height; y++) {
    raw[y * rowLength] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = spec.pixel(x, y);
      const at = y * rowLength + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const chunks = [chunk('IHDR', ihdr)];
  if (spec.dpi) {
    const phys = Buffer.alloc(9);
    const ppm = Math.round(spec.dpi / 0.0254);
    phys.writeUInt32BE(ppm, 0);
    phys.writeUInt32BE(ppm, 4);
    phys[8] = 1; // unit: metre
    chunks.push(chunk('pHYs', phys));
  }
  for (const [key, value] of Object.entries(spec.text ?? {})) {
    chunks.push(chunk('tEXt', Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0]), Buffer.from(value, 'latin1')])));
  }
  chunks.push(chunk('IDAT', deflateSync(raw, { level: 9 })));
  chunks.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([PNG_SIGNATURE, ...chunks]);
}
