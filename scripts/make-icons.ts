/**
 * Generates the PWA icons (PNG, node built-ins only): a blue tile with a white "P" and a small
 * "offline" notch. Run once; the PNGs are committed under public/icons/.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk as chunk } from './content/assets/png-chunks';

const LETTER = ['11110', '10001', '10001', '11110', '10000', '10000', '10000'];

function icon(size: number, padding: number): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const cell = Math.floor((size - 2 * padding) / 9);
  const left = Math.floor((size - cell * 5) / 2);
  const top = Math.floor((size - cell * 7) / 2);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const gx = Math.floor((x - left) / cell);
      const gy = Math.floor((y - top) / cell);
      const inLetter = x >= left && y >= top && gy < 7 && gx < 5 && LETTER[gy]?.[gx] === '1';
      const notch = x > size - padding - cell * 2 && y > size - padding - cell * 2;
      const [r, g, b] = inLetter ? [255, 255, 255] : notch ? [225, 0, 15] : [0, 0, 145];
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icons/icon-192.png', icon(192, 24));
writeFileSync('public/icons/icon-512.png', icon(512, 64));
writeFileSync('public/icons/icon-maskable-512.png', icon(512, 110));
console.log('icons written to public/icons/');
