/**
 * Tests of the domain-2 binary generators: the PDF xref table really points at its objects, the JPEG is a
 * well-formed baseline file whose EXIF tags read back, and the committed attachments are exactly what the
 * generator produces (so nobody edits a generated file by hand or forgets to regenerate it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf, wrap } from './domain2-pdf';
import { buildJpeg, exifSegment } from './domain2-jpeg';
import { domain2Files, filesRoot } from './domain2-assets';

function checkPdf(pdf: Buffer): { objects: number; texts: string[] } {
  const s = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(s)?.[1]);
  expect(s.slice(start, start + 4)).toBe('xref');
  const rows = s.slice(start).split('\n').filter((r) => /^\d{10} \d{5} [nf] $/.test(r));
  rows.slice(1).forEach((row, i) => expect(s.slice(Number(row.slice(0, 10))).startsWith(`${i + 1} 0 obj`)).toBe(true));
  for (const m of s.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const from = (m.index ?? 0) + m[0].length;
    expect(s.slice(from + Number(m[1]), from + Number(m[1]) + 10)).toBe('\nendstream');
  }
  return { objects: rows.length - 1, texts: [...s.matchAll(/\((.*?)\) Tj/g)].map((m) => m[1]) };
}

function readExif(jpeg: Buffer): Map<number, string> {
  expect(jpeg.subarray(2, 4)).toEqual(Buffer.from([0xff, 0xe1]));
  expect(jpeg.subarray(6, 12).toString('latin1')).toBe('Exif\0\0');
  const tiff = jpeg.subarray(12);
  const tags = new Map<number, string>();
  for (let i = 0; i < tiff.readUInt16LE(8); i++) {
    const e = 10 + i * 12;
    const count = tiff.readUInt32LE(e + 4);
    const at = count <= 4 ? e + 8 : tiff.readUInt32LE(e + 8);
    tags.set(tiff.readUInt16LE(e), tiff.subarray(at, at + count - 1).toString('latin1'));
  }
  return tags;
}

describe('wrap', () => {
  it.each([
    ['court', 10, ['court']],
    ['un deux trois quatre', 9, ['un deux', 'trois', 'quatre']],
    ['mot-tres-long-insecable', 5, ['mot-tres-long-insecable']],
  ])('wrap(%j, %i)', (text, max, rows) => expect(wrap(text, max)).toEqual(rows));
});

describe('buildPdf', () => {
  it.each([
    [1, ['Titre']],
    [2, ['Une ligne (avec parenthèses) et \\ barre', 'é à ç « »']],
  ])('%i page(s): xref offsets and stream lengths are right', (pageCount, lines) => {
    const pages = Array.from({ length: pageCount }, () => lines.map((text) => ({ text, size: 10 })));
    const { objects, texts } = checkPdf(buildPdf('Essai', pages));
    expect(objects).toBe(4 + 2 * pageCount);
    expect(texts).toHaveLength(pageCount * lines.length);
  });

  it('wraps a long line so it fits the page width', () => {
    const long = 'mot '.repeat(60).trim();
    const { texts } = checkPdf(buildPdf('Essai', [[{ text: long, size: 10 }]]));
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(Math.floor(480 / 5.5));
  });
});

describe('buildJpeg', () => {
  it('writes SOI, EXIF, a SOF0 with the right size, stuffed entropy data and EOI', () => {
    const jpeg = buildJpeg(3, 2, (bx) => (bx === 0 ? [255, 255, 255] : [0, 0, 0]), exifSegment([{ tag: 0x013b, value: 'A' }]));
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(jpeg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(jpeg.readUInt16BE(sof + 5)).toBe(16);
    expect(jpeg.readUInt16BE(sof + 7)).toBe(24);
    const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    const data = jpeg.subarray(sos + 2 + jpeg.readUInt16BE(sos + 2), -2);
    data.forEach((b, i) => { if (b === 0xff) expect(data[i + 1]).toBe(0x00); });
  });

  it.each([
    [[{ tag: 0x013b, value: 'Yann' }], 0x013b, 'Yann'],
    [[{ tag: 0x8298, value: 'Licence CC BY-NC-ND 4.0' }, { tag: 0x010e, value: 'Phare' }], 0x8298, 'Licence CC BY-NC-ND 4.0'],
    [[{ tag: 0x8298, value: 'Licence CC BY-NC-ND 4.0' }, { tag: 0x010e, value: 'Phare' }], 0x010e, 'Phare'],
  ])('EXIF tags read back (%#)', (tags, tag, value) => {
    expect(readExif(buildJpeg(1, 1, () => [0, 0, 0], exifSegment(tags))).get(tag)).toBe(value);
  });
});

describe('committed domain-2 attachments', () => {
  const files = domain2Files();
  it.each(files.map((f) => [f.path, f.data] as const))('%s is up to date with the generator', (path, data) => {
    expect(readFileSync(join(filesRoot, path)).equals(data)).toBe(true);
  });

  it('the photo carries the author and licence the 2.2 challenges ask for', () => {
    const photo = files.find((f) => f.path.endsWith('.jpg'));
    const tags = readExif(photo?.data ?? Buffer.alloc(0));
    expect(tags.get(0x013b)).toBe('Yann Le Gall');
    expect(tags.get(0x8298)).toContain('CC BY-NC-ND 4.0');
  });
});
