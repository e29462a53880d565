/**
 * Reads back the EXIF written by domain4-jpeg (an independent little TIFF reader) to check that phone
 * model, date and GPS position are where photo viewers look for them.
 */
import { describe, expect, it } from 'vitest';
import { buildExif, buildJpeg, toDms, type PhotoExif } from './domain4-jpeg';

interface Field { type: number; count: number; valueAt: number }

/** Parses one IFD of a little-endian TIFF block: tag → field. */
function readIfd(tiff: Buffer, at: number): Map<number, Field> {
  const fields = new Map<number, Field>();
  const n = tiff.readUInt16LE(at);
  for (let i = 0; i < n; i++) {
    const e = at + 2 + i * 12;
    const type = tiff.readUInt16LE(e + 2);
    const count = tiff.readUInt32LE(e + 4);
    const size = count * ({ 1: 1, 2: 1, 4: 4, 5: 8 } as Record<number, number>)[type];
    fields.set(tiff.readUInt16LE(e), { type, count, valueAt: size <= 4 ? e + 8 : tiff.readUInt32LE(e + 8) });
  }
  return fields;
}

const text = (tiff: Buffer, f: Field | undefined): string => (f ? tiff.toString('latin1', f.valueAt, f.valueAt + f.count - 1) : '');
const degrees = (tiff: Buffer, f: Field | undefined): number => {
  if (!f) return NaN;
  const r = (i: number): number => tiff.readUInt32LE(f.valueAt + i * 8) / tiff.readUInt32LE(f.valueAt + i * 8 + 4);
  return r(0) + r(1) / 60 + r(2) / 3600;
};

function parse(spec: PhotoExif): { make: string; model: string; date: string; lat: number; lon: number } {
  const app1 = buildExif(spec);
  expect(app1.toString('latin1', 0, 6)).toBe('Exif\0\0');
  const tiff = app1.subarray(6);
  expect(tiff.toString('latin1', 0, 2)).toBe('II');
  const ifd0 = readIfd(tiff, tiff.readUInt32LE(4));
  const exif = readIfd(tiff, tiff.readUInt32LE(ifd0.get(0x8769)?.valueAt ?? 0));
  const gps = readIfd(tiff, tiff.readUInt32LE(ifd0.get(0x8825)?.valueAt ?? 0));
  const sign = (ref: number, neg: string): number => (text(tiff, gps.get(ref)) === neg ? -1 : 1);
  return {
    make: text(tiff, ifd0.get(0x010f)),
    model: text(tiff, ifd0.get(0x0110)),
    date: text(tiff, exif.get(0x9003)),
    lat: sign(1, 'S') * degrees(tiff, gps.get(2)),
    lon: sign(3, 'W') * degrees(tiff, gps.get(4)),
  };
}

describe('domain4 JPEG EXIF', () => {
  it.each([
    { model: 'Lumio X3', date: '2025:03:12 14:37:05', latitude: 48.6361, longitude: -1.5115 },
    { model: 'Lumio A1', date: '2025:05:24 17:02:44', latitude: 48.1147, longitude: -1.6794 },
    { model: 'Autre', date: '2024:12:31 23:59:59', latitude: -33.8568, longitude: 151.2153 },
  ])('stores model, date and GPS $latitude,$longitude', ({ model, date, latitude, longitude }) => {
    const read = parse({ make: 'Lumio', model, dateTimeOriginal: date, gps: { latitude, longitude } });
    expect(read).toMatchObject({ make: 'Lumio', model, date });
    expect(read.lat).toBeCloseTo(latitude, 4);
    expect(read.lon).toBeCloseTo(longitude, 4);
  });

  it.each([
    [48.1147, [[48, 1], [6, 1], [5292, 100]]],
    [1.5115, [[1, 1], [30, 1], [4140, 100]]],
  ])('converts %f to degrees, minutes, seconds', (decimal, dms) => {
    expect(toDms(decimal)).toEqual(dms);
  });

  it('frames a JPEG: SOI, APP1 Exif, …, EOI', () => {
    const jpeg = buildJpeg(16, 8, { make: 'M', model: 'X', dateTimeOriginal: '2025:01:01 00:00:00', gps: { latitude: 1, longitude: 1 } }, () => [255, 0, 0]);
    expect([...jpeg.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe1]);
    expect(jpeg.toString('latin1', 6, 12)).toBe('Exif\0\0');
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
  });
});
