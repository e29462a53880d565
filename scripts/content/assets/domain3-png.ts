/**
 * Minimal PNG encoder for the domain-3 attachments (node built-ins only): RGB image from a pixel
 * function, physical resolution (pHYs, dots per inch) and tEXt metadata chunks (Author, Copyright,
 * Creation Time, Software…), so pupils can read dimensions, resolution and metadata in 3.2 challenges.
 */
import { deflateSync } from 'node:zlib';

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

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as used by PNG chunks (ISO 3309). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
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
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}
