/**
 * Minimal PNG writer for the domain-1 attachments: 8-bit greyscale pixels, zlib-compressed IDAT and
 * tEXt chunks carrying metadata (Title, Author, Copyright, Creation Time…) that pupils read in 1.2.
 * Node built-ins only.
 */
import { deflateSync } from 'node:zlib';
import { crc32 } from './domain1-crc32';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

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
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...texts,
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
