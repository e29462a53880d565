/**
 * Minimal baseline JPEG writer for the domain-1 attachments: greyscale image whose 8×8 blocks are uniform
 * (DC coefficients only, a one-symbol AC table for end-of-block), preceded by an EXIF APP1 segment
 * (IFD0, Exif sub-IFD, GPS sub-IFD) that pupils read in 1.2 (camera, date taken, author, position).
 * Node built-ins only.
 */
type TiffValue = { type: 'ascii'; value: string } | { type: 'long'; value: number } | { type: 'rational'; value: [number, number][] };
export interface ExifData {
  ifd0: Record<number, TiffValue>;
  exif: Record<number, TiffValue>;
  gps: Record<number, TiffValue>;
}

const TYPE_CODE = { ascii: 2, long: 4, rational: 5 } as const;

function valueBytes(v: TiffValue): Buffer {
  if (v.type === 'ascii') return Buffer.from(`${v.value}\0`, 'latin1');
  if (v.type === 'long') { const b = Buffer.alloc(4); b.writeUInt32LE(v.value); return b; }
  const b = Buffer.alloc(8 * v.value.length);
  v.value.forEach(([n, d], i) => { b.writeUInt32LE(n, 8 * i); b.writeUInt32LE(d, 8 * i + 4); });
  return b;
}

function ifdSize(entries: Record<number, TiffValue>): number {
  const data = Object.values(entries).map(valueBytes).reduce((s, b) => s + (b.length > 4 ? b.length + (b.length % 2) : 0), 0);
  return 2 + 12 * Object.keys(entries).length + 4 + data;
}

/** Serialises one IFD placed at `offset` (from the TIFF header); values longer than 4 bytes follow it. */
function ifd(entries: Record<number, TiffValue>, offset: number): Buffer {
  const tags = Object.keys(entries).map(Number).sort((a, b) => a - b);
  const head = Buffer.alloc(2 + 12 * tags.length + 4);
  head.writeUInt16LE(tags.length, 0);
  const extra: Buffer[] = [];
  let dataOffset = offset + head.length;
  tags.forEach((tag, i) => {
    const v = entries[tag];
    const bytes = valueBytes(v);
    const at = 2 + 12 * i;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(TYPE_CODE[v.type], at + 2);
    head.writeUInt32LE(v.type === 'ascii' ? bytes.length : v.type === 'long' ? 1 : v.value.length, at + 4);
    if (bytes.length <= 4) bytes.copy(head, at + 8);
    else {
      head.writeUInt32LE(dataOffset, at + 8);
      const padded = bytes.length % 2 ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes;
      extra.push(padded);
      dataOffset += padded.length;
    }
  });
  return Buffer.concat([head, ...extra]);
}

function exifSegment(data: ExifData): Buffer {
  const ifd0Entries = { ...data.ifd0, 0x8769: { type: 'long', value: 0 }, 0x8825: { type: 'long', value: 0 } } as Record<number, TiffValue>;
  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(ifd0Entries);
  const gpsAt = exifAt + ifdSize(data.exif);
  ifd0Entries[0x8769] = { type: 'long', value: exifAt };
  ifd0Entries[0x8825] = { type: 'long', value: gpsAt };
  const tiff = Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), ifd(ifd0Entries, ifd0At), ifd(data.exif, exifAt), ifd(data.gps, gpsAt)]);
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

// Standard luminance DC table (ITU T.81 K.3): number of codes of each length 1..16, then the symbols.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

function canonicalCodes(bits: number[], vals: number[]): Map<number, { code: number; len: number }> {
  const out = new Map<number, { code: number; len: number }>();
  let code = 0; let k = 0;
  bits.forEach((n, i) => { for (let j = 0; j < n; j++) out.set(vals[k++], { code: code++, len: i + 1 }); code <<= 1; });
  return out;
}

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(code: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      if (++this.n === 8) { this.bytes.push(this.acc); if (this.acc === 0xff) this.bytes.push(0); this.acc = 0; this.n = 0; }
    }
  }
  finish(): Buffer {
    while (this.n !== 0) this.write(1, 1);
    return Buffer.from(this.bytes);
  }
}

/** pixels: rows of grey levels; width and height must be multiples of 8 (each block is averaged). */
export function encodeJpeg(pixels: number[][], exif: ExifData): Buffer {
  const h = pixels.length; const w = pixels[0].length;
  if (h % 8 || w % 8) throw new Error('dimensions must be multiples of 8');
  const q = 16;
  const dc = canonicalCodes(DC_BITS, DC_VALS);
  const bw = new BitWriter();
  let prev = 0;
  for (let by = 0; by < h; by += 8) for (let bx = 0; bx < w; bx += 8) {
    let sum = 0;
    for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) sum += pixels[by + y][bx + x];
    const coef = Math.round((8 * (sum / 64 - 128)) / q); // DC of a uniform block is 8 × (value − 128)
    const diff = coef - prev; prev = coef;
    const cat = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
    const c = dc.get(cat);
    if (!c) throw new Error('DC out of range');
    bw.write(c.code, c.len);
    if (cat) bw.write(diff >= 0 ? diff : diff + (1 << cat) - 1, cat);
    bw.write(0, 1); // end of block (only AC symbol, code "0")
  }
  const sof = Buffer.from([8, h >> 8, h & 0xff, w >> 8, w & 0xff, 1, 1, 0x11, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    exifSegment(exif),
    segment(0xdb, Buffer.from([0, ...new Array<number>(64).fill(q)])),
    segment(0xc0, sof),
    segment(0xc4, Buffer.from([0x00, ...DC_BITS, ...DC_VALS])),
    segment(0xc4, Buffer.from([0x10, 1, ...new Array<number>(15).fill(0), 0x00])),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    bw.finish(),
    Buffer.from([0xff, 0xd9]),
  ]);
}
