/**
 * The hand-written PDF must open in any reader: every xref entry points at its "N 0 obj" header,
 * startxref points at the xref table, stream lengths are exact, accents are WinAnsi bytes, and the
 * committed printer manual is exactly what the generator produces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf, encodePdfText, paginate, type PdfLine } from './domain5-pdf';
import { PRINTER_ERROR_CODES, printerManualLines } from './domain5-assets';

function xrefOffsets(pdf: Buffer): { offsets: number[]; start: number } {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1]);
  const table = text.slice(start).split('\n');
  const count = Number(table[1].split(' ')[1]);
  return { offsets: table.slice(3, 2 + count).map((line) => Number(line.slice(0, 10))), start };
}

describe('buildPdf', () => {
  it.each([
    ['one short page', [{ text: 'Bonjour' }]],
    ['accents and delimiters', [{ text: 'Éteignez (puis rallumez) l’imprimante \\ à 30 s' }]],
    ['several pages', Array.from({ length: 90 }, (_, i): PdfLine => ({ text: `Ligne ${i + 1}` }))],
  ])('writes a consistent xref table: %s', (_name, lines) => {
    const pdf = buildPdf(lines, 'Essai');
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    const { offsets, start } = xrefOffsets(pdf);
    expect(text.slice(start, start + 5)).toBe('xref\n');
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(text).toContain(`/Count ${paginate(lines).length}`);
    for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const begin = (match.index ?? 0) + match[0].length;
      expect(text.slice(begin + Number(match[1]), begin + Number(match[1]) + 10)).toBe('\nendstream');
    }
  });

  it('splits long documents into several A4 pages', () => {
    const lines = Array.from({ length: 90 }, (_, i): PdfLine => ({ text: `Ligne ${i + 1}` }));
    const pages = paginate(lines);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat()).toHaveLength(90);
  });
});

describe('encodePdfText', () => {
  it.each([
    ['é', [0xe9]],
    ['’', [0x92]],
    ['(a)', [0x5c, 0x28, 0x61, 0x5c, 0x29]],
    ['\\', [0x5c, 0x5c]],
    ['→', [0x3f]],
  ])('encodes %s', (input, bytes) => {
    expect([...encodePdfText(input)]).toEqual(bytes);
  });
});

describe('printer manual', () => {
  it('lists every error code the 5.1 challenges rely on', () => {
    const text = printerManualLines().map((l) => l.text).join('\n');
    expect(PRINTER_ERROR_CODES.map((e) => e.code)).toEqual(['E-01', 'E-02', 'E-03', 'E-04', 'E-05', 'E-06']);
    expect(text).toMatch(/E-02\s+Bourrage papier/);
    expect(text).toContain('capot arrière');
  });

  it('is committed exactly as generated', () => {
    const committed = readFileSync(path.resolve('public/content/files/5.1/notice-imprimante.pdf'));
    expect(committed.equals(buildPdf(printerManualLines(), 'Notice LaserNet 300 — codes d’erreur'))).toBe(true);
  });
});
