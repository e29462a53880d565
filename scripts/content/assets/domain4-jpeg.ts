/**
 * Minimal baseline colour JPEG writer with an EXIF APP1 segment holding a GPS position (node built-ins
 * only), for the 4.2 challenges where a pupil reads a photo's metadata (phone model, date taken, GPS
 * latitude/longitude) in the file properties. The picture is pixel art: each 8×8 block has one flat
 * YCbCr colour, so only DC coefficients are coded (AC = end-of-block), which keeps the encoder tiny.
 */

export interface GpsPosition {
  /** decimal degrees, positive = north */
  latitude: number;
  /** decimal degrees, positive = east */
  longitude: number;
}

export interface PhotoExif {
  make: string;
  model: string;
  /** "YYYY:MM:DD HH:MM:SS" */
  dateTimeOriginal: string;
  gps: GpsPosition;
}

type Rgb = [number, number, number];

// TIFF field types used here
const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;
const BYTE = 1;

interface Entry { tag: number; type: number; count: number; data: Buffer }

const ascii = (tag: number, s: string): Entry => {
  const data = Buffer.concat([Buffer.from(s, 'latin1'), Buffer.from([0])]);
  return { tag, type: ASCII, count: data.length, data };
};
const long = (tag: number, v: number): Entry => {
  const data = Buffer.alloc(4);
  data.writeUInt32LE(v, 0);
  return { tag, type: LONG, count: 1, data };
};
const rationals = (tag: number, pairs: [number, number][]): Entry => {
  const data = Buffer.alloc(pairs.length * 8);
  pairs.forEach(([n, d], i) => {
    data.writeUInt32LE(n, i * 8);
    data.writeUInt32LE(d, i * 8 + 4);
  });
  return { tag, type: RATIONAL, count: pairs.length, data };
};

/** Serialises one little-endian IFD placed at `start` (offset from the TIFF header). */
function ifd(entries: Entry[], start: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const tableSize = 2 + sorted.length * 12 + 4;
  const table = Buffer.alloc(tableSize);
  const extra: Buffer[] = [];
  let extraOffset = start + tableSize;
  table.writeUInt16LE(sorted.length, 0);
  sorted.forEach((e, i) => {
    const at = 2 + i * 12;
    table.writeUInt16LE(e.tag, at);
    table.writeUInt16LE(e.type, at + 2);
    table.writeUInt32LE(e.count, at + 4);
    if (e.data.length <= 4) {
      e.data.copy(table, at + 8);
      return;
    }
    table.writeUInt32LE(extraOffset, at + 8);
    // values start on a word boundary
    const padded = e.data.length % 2 ? Buffer.concat([e.data, Buffer.from([0])]) : e.data;
    extra.push(padded);
    extraOffset += padded.length;
  });
  table.writeUInt32LE(0, tableSize - 4); // no next IFD
  return Buffer.concat([table, ...extra]);
}

/** Degrees → [[deg,1],[min,1],[sec×100,100]] as EXIF stores them. */
export function toDms(decimal: number): [number, number][] {
  const abs = Math.abs(decimal);
  const deg = Math.floor(abs);
  const minFloat = (abs - deg) * 60;
  const min = Math.floor(minFloat);
  const sec = Math.round((minFloat - min) * 60 * 100);
  return [[deg, 1], [min, 1], [sec, 100]];
}

/** APP1 payload: "Exif\0\0" + TIFF (IFD0 → Exif IFD + GPS IFD). */
export function buildExif(spec: PhotoExif): Buffer {
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  const ifd0Entries = (exifAt: number, gpsAt: number): Entry[] => [
    ascii(0x010f, spec.make),
    ascii(0x0110, spec.model),
    ascii(0x0132, spec.dateTimeOriginal),
    long(0x8769, exifAt),
    long(0x8825, gpsAt),
  ];
  // sizes do not depend on the pointer values, so lay out once with zeros then for real
  const ifd0Size = ifd(ifd0Entries(0, 0), 8).length;
  const exifEntries = [ascii(0x9003, spec.dateTimeOriginal), ascii(0x9004, spec.dateTimeOriginal)];
  const exifAt = 8 + ifd0Size;
  const exifIfd = ifd(exifEntries, exifAt);
  const gpsAt = exifAt + exifIfd.length;
  const { latitude, longitude } = spec.gps;
  const gpsIfd = ifd(
    [
      { tag: 0x0000, type: BYTE, count: 4, data: Buffer.from([2, 3, 0, 0]) },
      ascii(0x0001, latitude >= 0 ? 'N' : 'S'),
      rationals(0x0002, toDms(latitude)),
      ascii(0x0003, longitude >= 0 ? 'E' : 'W'),
      rationals(0x0004, toDms(longitude)),
    ],
    gpsAt,
  );
  const ifd0 = ifd(ifd0Entries(exifAt, gpsAt), 8);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), header, ifd0, exifIfd, gpsIfd]);
}

/** Standard luminance DC Huffman table (JPEG Annex K.3). */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** Canonical Huffman codes: category → [code, length]. */
function dcCodes(): Map<number, [number, number]> {
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < DC_BITS[len - 1]; i++) codes.set(DC_VALUES[k++], [code++, len]);
    code <<= 1;
  }
  return codes;
}

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0x00); // byte stuffing
    this.acc = 0;
    this.n = 0;
  }
  finish(): Buffer {
    while (this.n !== 0) this.write(1, 1); // pad with 1 bits
    return Buffer.from(this.bytes);
  }
}

const segment = (marker: number, body: Buffer): Buffer => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** Builds a width×height JPEG (multiples of 8) where block (bx, by) has colour `block(bx, by)`. */
export function buildJpeg(width: number, height: number, exif: PhotoExif, block: (bx: number, by: number) => Rgb): Buffer {
  const codes = dcCodes();
  const bits = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < height / 8; by++) {
    for (let bx = 0; bx < width / 8; bx++) {
      const [r, g, b] = block(bx, by);
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ];
      ycc.forEach((v, c) => {
        // flat block: DC coefficient = 8 × (value − 128), quantised by 8 → value − 128
        const dc = Math.round(v - 128);
        const diff = dc - previous[c];
        previous[c] = dc;
        const size = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        const [code, len] = codes.get(size) ?? [0, 0];
        bits.write(code, len);
        if (size > 0) bits.write(diff > 0 ? diff : diff + (1 << size) - 1, size);
        bits.write(0, 1); // AC: end-of-block, the only symbol of the AC table (code "0")
      });
    }
  }
  const quant = Buffer.alloc(65, 8);
  quant[0] = 0; // table 0, 8-bit precision, all steps 8
  const sof = Buffer.from([8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
  const dht = Buffer.concat([
    Buffer.from([0x00]), Buffer.from(DC_BITS), Buffer.from(DC_VALUES),
    Buffer.from([0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]),
  ]);
  const sos = Buffer.from([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xffe1, buildExif(exif)),
    segment(0xffdb, quant),
    segment(0xffc0, sof),
    segment(0xffc4, dht),
    segment(0xffda, sos),
    bits.finish(),
    Buffer.from([0xff, 0xd9]),
  ]);
}
