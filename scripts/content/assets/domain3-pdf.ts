/**
 * Minimal PDF 1.4 writer (node built-ins only) for the 3.3 attachments: one text page per entry, Helvetica
 * in WinAnsiEncoding, an Info dictionary (Title, Author, Subject, Creator, dates) and an exact xref table,
 * so that pupils can check page count, metadata and a licence line with any PDF reader.
 */

export interface PdfLine {
  text: string;
  /** font size in points, 11 by default */
  size?: number;
}

export interface PdfSpec {
  title: string;
  author: string;
  subject?: string;
  creator?: string;
  /** "D:YYYYMMDDHHmmSS" */
  creationDate: string;
  /** A4 portrait (595×842 pt) unless set */
  pageSize?: [number, number];
  pages: PdfLine[][];
}

/** Escapes a string for a PDF literal (Latin-1 text; typographic apostrophes are folded to ASCII). */
export function pdfString(s: string): string {
  const folded = s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/…/g, '...').replace(/[–—]/g, '-');
  return '(' + folded.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)') + ')';
}

function pageContent(lines: PdfLine[], height: number): string {
  const out: string[] = ['BT'];
  let y = height - 72;
  for (const line of lines) {
    const size = line.size ?? 11;
    y -= size * 1.5;
    out.push(`/F1 ${size} Tf 1 0 0 1 64 ${y.toFixed(1)} Tm ${pdfString(line.text)} Tj`);
  }
  out.push('ET');
  return out.join('\n');
}

/** Builds the whole file; objects: 1 catalog, 2 pages, 3 font, 4 info, then (page, content) pairs. */
export function buildPdf(spec: PdfSpec): Buffer {
  const [w, h] = spec.pageSize ?? [595, 842];
  const n = spec.pages.length;
  const pageIds = spec.pages.map((_, i) => 5 + i * 2);
  const objects: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${n} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  const info = [`/Title ${pdfString(spec.title)}`, `/Author ${pdfString(spec.author)}`];
  if (spec.subject) info.push(`/Subject ${pdfString(spec.subject)}`);
  info.push(`/Creator ${pdfString(spec.creator ?? 'Pix hors-ligne')}`, `/Producer (Pix hors-ligne)`);
  info.push(`/CreationDate (${spec.creationDate})`, `/ModDate (${spec.creationDate})`);
  objects[4] = `<< ${info.join(' ')} >>`;
  spec.pages.forEach((lines, i) => {
    const content = pageContent(lines, h);
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = offset;
    const obj = Buffer.from(`${id} 0 obj\n${objects[id]}\nendobj\n`, 'latin1');
    parts.push(obj);
    offset += obj.length;
  }
  const xref = [`xref\n0 ${objects.length}\n`, '0000000000 65535 f \n'];
  for (let id = 1; id < objects.length; id++) xref.push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  const trailer = `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref.join('') + trailer, 'latin1'));
  return Buffer.concat(parts);
}
