/**
 * Checks the hand-written encoders behind the domain-3 attachments: PNG chunks carry valid CRCs, the
 * declared size, resolution and tEXt metadata; the JPEG carries its EXIF fields; every PDF xref offset
 * points at its object and the page count matches.
 */
import { describe, expect, it } from 'vitest';
import { buildPng, crc32 } from './domain3-png';
import { buildJpeg } from './domain3-jpeg';
import { buildPdf, pdfString } from './domain3-pdf';

function pngChunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out = [];
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    const crcOk = png.readUInt32BE(at + 8 + len) === crc32(png.subarray(at + 4, at + 8 + len));
    out.push({ type, data, crcOk });
    at += 12 + len;
  }
  return out;
}

describe('buildPng', () => {
  const png = buildPng({ width: 30, height: 20, dpi: 300, text: { Author: 'Inès Moreau' }, pixel: () => [1, 2, 3] });
  const chunks = pngChunks(png);

  it('writes valid chunks in order with correct CRCs', () => {
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'tEXt', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
  });

  it.each([
    ['width', (c: Buffer) => c.readUInt32BE(0), 30],
    ['height', (c: Buffer) => c.readUInt32BE(4), 20],
  ])('declares the %s', (_name, read, expected) => {
    expect(read(chunks[0].data)).toBe(expected);
  });

  it('stores the resolution in pixels per metre and Latin-1 metadata', () => {
    expect(chunks[1].data.readUInt32BE(0)).toBe(11811);
    expect(chunks[2].data.toString('latin1')).toBe('Author\0Inès Moreau');
  });
});

describe('buildJpeg', () => {
  const jpeg = buildJpeg(64, 48, {
    make: 'Canon', model: 'Canon EOS 250D', software: 'S', dateTime: '2024:03:23 15:47:12', artist: 'Yanis Haddad', copyright: 'CC BY',
  });
  it.each(['Exif\0\0', 'Canon EOS 250D', 'Yanis Haddad', '2024:03:23 15:47:12'])('contains %j', (needle) => {
    expect(jpeg.includes(Buffer.from(needle, 'latin1'))).toBe(true);
  });
  it('starts with SOI and ends with EOI', () => {
    expect([jpeg[0], jpeg[1], jpeg[jpeg.length - 2], jpeg[jpeg.length - 1]]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  });
});

describe('buildPdf', () => {
  const pdf = buildPdf({
    title: 'Guide (sortie)', author: 'M. Durand', creationDate: 'D:20240402093000',
    pages: [[{ text: 'Page une' }], [{ text: 'Page deux' }], [{ text: 'Page trois' }]],
  });
  const text = pdf.toString('latin1');

  it('has an xref table whose offsets point at each object', () => {
    const xrefAt = text.lastIndexOf('\nxref\n') + 1;
    const xref = text.slice(xrefAt);
    const offsets = [...xref.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.length).toBe(10);
    offsets.forEach((off, i) => expect(text.startsWith(`${i + 1} 0 obj`, off)).toBe(true));
    expect(Number(/startxref\n(\d+)/.exec(text)?.[1])).toBe(xrefAt);
  });

  it('counts the pages and escapes the metadata', () => {
    expect(text).toContain('/Count 3');
    expect(text).toContain('/Title (Guide \\(sortie\\))');
  });

  it.each([
    ['(a)', '(\\(a\\))'],
    ['l’été', "(l'été)"],
    ['a\\b', '(a\\\\b)'],
  ])('escapes %j', (input, expected) => {
    expect(pdfString(input)).toBe(expected);
  });
});
