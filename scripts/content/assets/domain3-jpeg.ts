/**
 * Minimal baseline JPEG writer with an EXIF APP1 segment (node built-ins only). The picture itself is a
 * flat grey (every 8×8 block has only a zero DC difference and an end-of-block code, with one-symbol
 * Huffman tables); what matters for the 3.2 challenges is the EXIF metadata: camera, date, author,
 * copyright, software and pixel dimensions.
 */

export interface ExifSpec {
  make: string;
  model: string;
  software: string;
  /** "YYYY:MM:DD HH:MM:SS" */
  dateTime: string;
  artist: string;
  copyright: string;
}

interface IfdEntry { tag: number; type: 2 | 4; value: string | number }

/** Serialises one IFD (big-endian) at `start` (offset from the TIFF header); returns its bytes. */
function ifd(entries: IfdEntry[], start: number, nextIfd: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const tableSize = 2 + sorted.length * 12 + 4;
  const table = Buffer.alloc(tableSize);
  const extra: Buffer[] = [];
  let extraOffset = start + tableSize;
  table.writeUInt16BE(sorted.length, 0);
  sorted.forEach((e, i) => {
    const at = 2 + i * 12;
    table.writeUInt16BE(e.tag, at);
    table.writeUInt16BE(e.type, at + 2);
    if (e.type === 4) {
      table.writeUInt32BE(1, at + 4);
      table.writeUInt32BE(Number(e.value), at + 8);
      return;
    }
    const bytes = Buffer.concat([Buffer.from(String(e.value), 'latin1'), Buffer.from([0])]);
    table.writeUInt32BE(bytes.length, at + 4);
    if (bytes.length <= 4) {
      bytes.copy(table, at + 8);
    } else {
      table.writeUInt32BE(extraOffset, at + 8);
      const padded = bytes.length % 2 ? Buffer.concat([bytes, Buffer.from([0])]) : bytes;
      extra.push(padded);
      extraOffset += padded.length;
    }
  });
  table.writeUInt32BE(nextIfd, tableSize - 4);
  return Buffer.concat([table, ...extra]);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Builds the TIFF structure of the EXIF block: IFD0 then the Exif sub-IFD. */
export function buildExif(spec: ExifSpec, width: number, height: number): Buffer {
  const ifd0Entries: IfdEntry[] = [
    { tag: 0x010f, type: 2, value: spec.make },
    { tag: 0x0110, type: 2, value: spec.model },
    { tag: 0x0131, type: 2, value: spec.software },
    { tag: 0x0132, type: 2, value: spec.dateTime },
    { tag: 0x013b, type: 2, value: spec.artist },
    { tag: 0x8298, type: 2, value: spec.copyright },
    { tag: 0x8769, type: 4, value: 0 },
  ];
  // first pass to learn IFD0's size, then point the Exif IFD right after it
  const ifd0Size = ifd(ifd0Entries, 8, 0).length;
  const exifStart = 8 + ifd0Size;
  ifd0Entries[6] = { tag: 0x8769, type: 4, value: exifStart };
  const ifd0 = ifd(ifd0Entries, 8, 0);
  const exifIfd = ifd([
    { tag: 0x9003, type: 2, value: spec.dateTime },
    { tag: 0xa002, type: 4, value: width },
    { tag: 0xa003, type: 4, value: height },
  ], exifStart, 0);
  const header = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), header, ifd0, exifIfd]);
}

/** A width×height flat grey baseline JPEG carrying the given EXIF metadata. */
export function buildJpeg(width: number, height: number, exif: ExifSpec): Buffer {
  const dqt = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]);
  const sof = Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  const counts = (): Buffer => { const c = Buffer.alloc(16); c[0] = 1; return c; };
  const dhtDc = Buffer.concat([Buffer.from([0x00]), counts(), Buffer.from([0x00])]);
  const dhtAc = Buffer.concat([Buffer.from([0x10]), counts(), Buffer.from([0x00])]);
  const sos = Buffer.from([1, 1, 0x00, 0, 63, 0]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // 2 bits per block ("0" = DC difference 0, "0" = end of block), padded with 1 bits
  const bits = blocks * 2;
  const data = Buffer.alloc(Math.ceil(bits / 8), 0);
  const pad = data.length * 8 - bits;
  if (pad > 0) data[data.length - 1] = (1 << pad) - 1;
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xffe1, buildExif(exif, width, height)),
    segment(0xffdb, dqt),
    segment(0xffc0, sof),
    segment(0xffc4, dhtDc),
    segment(0xffc4, dhtAc),
    segment(0xffda, sos),
    data,
    Buffer.from([0xff, 0xd9]),
  ]);
}
