/**
 * Minimal PNG writer for the domain-1 attachments: 8-bit greyscale pixels, zlib-compressed IDAT and
 * tEXt chunks carrying metadata (Title, Author, Copyright, Creation Time…) that pupils read in 1.2.
 * Node built-ins only.
 */
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk as chunk } from './png-chunks';


/** pixels: rows of grey levels 0..255; text: tEXt entries (Latin-1 keys and values, as the PNG spec requires). */
export function encodePng(pixels: number[][], text: Record<string, string>): Buffer {
  const height = pixels.length;
  const width = pixels[0].length;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: greyscale
  const raw = Buffer.concat(pixels.map((row) => Buffer.from([0, ...row])));
  const texts = Object.entries(text).map(([k, v]) => chunk('tEXt', Buffer.from(`${k}\0${v}`, 'latin1')));
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    ...texts,
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
