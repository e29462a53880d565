/**
 * Minimal baseline JPEG writer for domain-2 attachments: an image made of flat 8×8 blocks (DC coefficients
 * only, YCbCr 4:4:4, standard DC Huffman table, an AC table holding only end-of-block) carrying an EXIF APP1
 * segment with ASCII tags (author, copyright…). Node built-ins only.
 */

export type Rgb = [number, number, number];

export function exifSegment(tags: { tag: number; value: string }[]): Buffer {
  const entries = tags.slice().sort((a, b) => a.tag - b.tag);
  const ifdSize = 2 + entries.length * 12 + 4;
  const tiff: number[] = [0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00];
  const data: number[] = [];
  const ifd: number[] = [entries.length & 0xff, entries.length >> 8];
  const le32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const { tag, value } of entries) {
    const bytes = [...Buffer.from(value, 'latin1'), 0];
    ifd.push(tag & 0xff, tag >> 8, 2, 0, ...le32(bytes.length));
    if (bytes.length <= 4) ifd.push(...bytes, ...new Array<number>(4 - bytes.length).fill(0));
    else {
      ifd.push(...le32(8 + ifdSize + data.length));
      data.push(...bytes);
      if (data.length % 2) data.push(0);
    }
  }
  ifd.push(0, 0, 0, 0);
  const payload = Buffer.from([...Buffer.from('Exif\0\0', 'latin1'), ...tiff, ...ifd, ...data]);
  const len = payload.length + 2;
  return Buffer.concat([Buffer.from([0xff, 0xe1, len >> 8, len & 0xff]), payload]);
}

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0x00);
    this.acc = 0;
    this.n = 0;
  }
  end(): Buffer {
    while (this.n !== 0) this.write(1, 1);
    return Buffer.from(this.bytes);
  }
}

// Standard luminance DC table (ITU T.81 K.3): code lengths per category 0..11.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_CODES: { code: number; len: number }[] = (() => {
  const codes: { code: number; len: number }[] = [];
  let code = 0;
  DC_BITS.forEach((count, i) => {
    for (let k = 0; k < count; k++) codes.push({ code: code++, len: i + 1 });
    code <<= 1;
  });
  return codes;
})();

export function buildJpeg(blocksWide: number, blocksHigh: number, color: (bx: number, by: number) => Rgb, exif: Buffer): Buffer {
  const seg = (marker: number, payload: number[]): Buffer => Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload]);
  const w = blocksWide * 8;
  const h = blocksHigh * 8;
  const dqt = seg(0xdb, [0x00, ...new Array<number>(64).fill(8)]);
  const sof = seg(0xc0, [8, h >> 8, h & 0xff, w >> 8, w & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
  const dhtDc = seg(0xc4, [0x00, ...DC_BITS, ...Array.from({ length: 12 }, (_, i) => i)]);
  const dhtAc = seg(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]); // only EOB, code "0"
  const sos = seg(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);
  const bits = new BitWriter();
  const pred = [0, 0, 0];
  for (let by = 0; by < blocksHigh; by++) {
    for (let bx = 0; bx < blocksWide; bx++) {
      const [r, g, b] = color(bx, by);
      const ycc = [
        0.299 * r + 0.587 * g + 0.114 * b,
        128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
        128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
      ].map((v) => Math.max(-128, Math.min(127, Math.round(v - 128)))); // DC = 8·(v−128), quantised by 8
      ycc.forEach((dc, c) => {
        const diff = dc - pred[c];
        pred[c] = dc;
        const cat = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        bits.write(DC_CODES[cat].code, DC_CODES[cat].len);
        if (cat > 0) bits.write(diff > 0 ? diff : diff + (1 << cat) - 1, cat);
        bits.write(0, 1); // EOB
      });
    }
  }
  return Buffer.concat([Buffer.from([0xff, 0xd8]), exif, dqt, sof, dhtDc, dhtAc, sos, bits.end(), Buffer.from([0xff, 0xd9])]);
}
