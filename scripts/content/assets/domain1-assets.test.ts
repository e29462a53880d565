/**
 * The domain-1 binary attachments are rebuilt byte for byte by the generator, and each one carries
 * the metadata the 1.2 challenges ask about (read back here with independent parsers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDomain1Assets } from './domain1-assets';
import { crc32 } from './png-chunks';

const assets = buildDomain1Assets();
const FILES = join(import.meta.dirname, '../../../public/content/files/1.2');

function pngChunks(buf: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    const crcOk = crc32(buf.subarray(at + 4, at + 8 + len)) === buf.readUInt32BE(at + 8 + len);
    out.push({ type, data, crcOk });
    at += 12 + len;
  }
  return out;
}

/** Reads the ASCII tags of IFD0 and the GPS sub-IFD from the EXIF APP1 segment of a JPEG. */
function exifTags(jpeg: Buffer): Map<number, string | number[]> {
  const app1 = jpeg.indexOf(Buffer.from('Exif\0\0', 'latin1'));
  const tiff = jpeg.subarray(app1 + 6);
  const tags = new Map<number, string | number[]>();
  const readIfd = (offset: number): void => {
    const n = tiff.readUInt16LE(offset);
    for (let i = 0; i < n; i++) {
      const e = offset + 2 + 12 * i;
      const tag = tiff.readUInt16LE(e); const type = tiff.readUInt16LE(e + 2); const count = tiff.readUInt32LE(e + 4);
      const at = type === 2 && count <= 4 ? e + 8 : tiff.readUInt32LE(e + 8);
      if (type === 2) tags.set(tag, tiff.toString('latin1', at, at + count - 1));
      if (type === 5) tags.set(tag, Array.from({ length: count }, (_, k) => tiff.readUInt32LE(at + 8 * k) / tiff.readUInt32LE(at + 8 * k + 4)));
      if (type === 4 && (tag === 0x8769 || tag === 0x8825)) readIfd(tiff.readUInt32LE(e + 8));
    }
  };
  readIfd(tiff.readUInt32LE(4));
  return tags;
}

describe('domain-1 attachments', () => {
  it.each(Object.keys(assets))('%s committed file equals the generator output', (name) => {
    expect(readFileSync(join(FILES, name)).equals(assets[name])).toBe(true);
  });

  it('PNG: valid chunk CRCs, greyscale 96×64, tEXt Author read by the 1.2 challenge', () => {
    const chunks = pngChunks(assets['affiche-club-theatre.png']);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'tEXt', 'tEXt', 'tEXt', 'tEXt', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect([chunks[0].data.readUInt32BE(0), chunks[0].data.readUInt32BE(4)]).toEqual([96, 64]);
    const text = Object.fromEntries(chunks.filter((c) => c.type === 'tEXt').map((c) => c.data.toString('latin1').split('\0')));
    expect(text.Author).toBe('Lucas Benoît');
  });

  it('JPEG: SOI/EOI markers and EXIF model, date taken, author, GPS', () => {
    const jpeg = assets['photo-sortie-phare.jpg'];
    expect([jpeg[0], jpeg[1], jpeg[jpeg.length - 2], jpeg[jpeg.length - 1]]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    const tags = exifTags(jpeg);
    expect(tags.get(0x0110)).toBe('PowerShot SX740 HS');
    expect(tags.get(0x9003)).toBe('2025:05:16 14:32:10');
    expect(tags.get(0x013b)).toBe('Ines Moreau');
    expect(tags.get(0x0001)).toBe('N');
    expect(tags.get(0x0002)).toEqual([48, 19, 48]);
  });

  it('PDF: every xref offset points at its object and the Info dictionary holds the author', () => {
    const pdf = assets['compte-rendu-cvc.pdf'].toString('latin1');
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
    const offsets = [...pdf.matchAll(/(\d{10}) 00000 n /g)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((o, i) => expect(pdf.slice(o, o + 8)).toBe(`${i + 1} 0 obj\n`));
    expect(pdf).toContain('/Author (Mme Le Bris)');
    expect(pdf).toContain('/Creator (LibreOffice Writer)');
  });
});
