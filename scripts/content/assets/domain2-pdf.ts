/**
 * Minimal PDF 1.4 writer for domain-2 attachments: one Helvetica font (WinAnsi, so French accents work),
 * text lines wrapped to the page width, a correct xref table. Node built-ins only.
 */

export interface PdfLine { size: number; text: string; gap?: number }

function pdfText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
}

/** Splits a line into chunks of at most `max` characters, at spaces (Helvetica is ~0.5 em wide on average). */
export function wrap(text: string, max: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of text.split(' ')) {
    if (row && row.length + 1 + word.length > max) {
      rows.push(row);
      row = word;
    } else row = row ? `${row} ${word}` : word;
  }
  return [...rows, row];
}

export function buildPdf(title: string, pages: PdfLine[][]): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages, 3 font, 4 info, then (content, page) pairs.
  const first = 5;
  pages.forEach((lines, i) => {
    let y = 800;
    const ops = lines.flatMap((l) => wrap(l.text, Math.floor(480 / (l.size * 0.55))).map((text, k) => {
      y -= k === 0 ? l.gap ?? Math.round(l.size * 1.45) : Math.round(l.size * 1.45);
      return `BT /F1 ${l.size} Tf 56 ${y} Td (${pdfText(text)}) Tj ET`;
    })).join('\n');
    const contentId = first + i * 2;
    objects[contentId] = `<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`;
    objects[contentId + 1] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    pageIds.push(contentId + 1);
  });
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((p) => `${p} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title (${pdfText(title)}) /Producer (Pix hors-ligne) /CreationDate (D:20250301120000+01'00') >>`;
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
