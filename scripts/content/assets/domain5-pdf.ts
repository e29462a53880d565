/**
 * Minimal PDF 1.4 writer for the domain 5 attachments (no dependency): one or more A4 pages of
 * left-aligned text lines in Helvetica, WinAnsi-encoded so French accents render, with a correct
 * cross-reference table (byte offsets) so any PDF reader opens the file without repairing it.
 */

export interface PdfLine {
  text: string;
  /** font size in points; 11 by default */
  size?: number;
  bold?: boolean;
  /** extra vertical space before the line, in points */
  gapBefore?: number;
  /** horizontal offset from the left margin, in points */
  indent?: number;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;

/** Characters outside Latin-1 that WinAnsiEncoding maps to specific bytes. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '…': 0x85, 'œ': 0x9c, 'Œ': 0x8c,
};

/** Encodes a string as a PDF literal string body in WinAnsi bytes, escaping delimiters. */
export function encodePdfText(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = WIN_ANSI_EXTRA[char] ?? char.codePointAt(0) ?? 0x3f;
    const byte = code <= 0xff ? code : 0x3f;
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) bytes.push(0x5c);
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

/** Splits lines into pages so that none overflows the bottom margin. */
export function paginate(lines: PdfLine[]): PdfLine[][] {
  const pages: PdfLine[][] = [[]];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const step = (line.size ?? 11) * 1.4 + (line.gapBefore ?? 0);
    if (y - step < MARGIN && pages[pages.length - 1].length > 0) {
      pages.push([]);
      y = PAGE_HEIGHT - MARGIN;
    }
    y -= step;
    pages[pages.length - 1].push(line);
  }
  return pages;
}

function pageContent(lines: PdfLine[]): Buffer {
  const parts: Buffer[] = [];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const size = line.size ?? 11;
    y -= size * 1.4 + (line.gapBefore ?? 0);
    const font = line.bold ? 'F2' : 'F1';
    const x = MARGIN + (line.indent ?? 0);
    parts.push(Buffer.from(`BT /${font} ${size} Tf ${x} ${y.toFixed(1)} Td (`, 'latin1'));
    parts.push(encodePdfText(line.text));
    parts.push(Buffer.from(') Tj ET\n', 'latin1'));
  }
  return Buffer.concat(parts);
}

/** Builds a complete PDF file; `title` goes into the document information dictionary. */
export function buildPdf(lines: PdfLine[], title: string): Buffer {
  const pages = paginate(lines);
  const objects: Buffer[] = [];
  // 1 catalog, 2 pages tree, 3 regular font, 4 bold font, 5 info, then (page, content) pairs.
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'));
  objects.push(Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`, 'latin1'));
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', 'latin1'));
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>', 'latin1'));
  objects.push(Buffer.concat([
    Buffer.from('<< /Title (', 'latin1'), encodePdfText(title), Buffer.from(') /Producer (Pix hors-ligne) >>', 'latin1'),
  ]));
  pages.forEach((page, i) => {
    const content = pageContent(page);
    objects.push(Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`,
      'latin1',
    ));
    objects.push(Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1'),
    ]));
  });

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    offset += chunk.length;
    chunks.push(chunk);
  });
  const xref = [
    'xref', `0 ${objects.length + 1}`, '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer', `<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>`, 'startxref', String(offset), '%%EOF', '',
  ].join('\n');
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
