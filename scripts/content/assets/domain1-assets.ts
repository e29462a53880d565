/**
 * Generates the binary attachments of competence 1.2 (metadata questions) into public/content/files/1.2/:
 * a JPEG photo with EXIF, a PNG poster with tEXt metadata and a PDF report with an Info dictionary.
 * Run: npx tsx scripts/content/assets/domain1-assets.ts (outputs are committed content).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeJpeg } from './domain1-jpeg';
import { encodePng } from './domain1-png';
import { encodePdf } from './domain1-pdf';

const OUT = join(import.meta.dirname, '../../../public/content/files/1.2');

/** A lighthouse on a cliff: light sky, dark sea, white tower with a dark band. */
function lighthousePixels(w: number, h: number): number[][] {
  return Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => {
    const tower = x >= 24 && x < 32 && y >= 8 && y < 40;
    if (tower) return y >= 16 && y < 24 ? 40 : 240;
    if (y < 32) return 200;
    return 70;
  }));
}

/** A poster: frame, title band and two "masks". */
function posterPixels(w: number, h: number): number[][] {
  return Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => {
    if (x < 3 || y < 3 || x >= w - 3 || y >= h - 3) return 20;
    if (y < 16) return 60;
    const mask = (cx: number) => (x - cx) ** 2 + (y - 40) ** 2 < 120;
    if (mask(32) || mask(64)) return 230;
    return 150;
  }));
}

export function buildDomain1Assets(): Record<string, Buffer> {
  return {
    'photo-sortie-phare.jpg': encodeJpeg(lighthousePixels(64, 48), {
      ifd0: {
        0x010f: { type: 'ascii', value: 'Canon' },
        0x0110: { type: 'ascii', value: 'PowerShot SX740 HS' },
        0x0132: { type: 'ascii', value: '2025:05:16 14:32:10' },
        0x013b: { type: 'ascii', value: 'Ines Moreau' },
      },
      exif: { 0x9003: { type: 'ascii', value: '2025:05:16 14:32:10' } },
      gps: {
        0x0001: { type: 'ascii', value: 'N' },
        0x0002: { type: 'rational', value: [[48, 1], [19, 1], [48, 1]] },
        0x0003: { type: 'ascii', value: 'W' },
        0x0004: { type: 'rational', value: [[4, 1], [46, 1], [17, 1]] },
      },
    }),
    'affiche-club-theatre.png': encodePng(posterPixels(96, 64), {
      Title: 'Affiche du club théâtre 2025',
      Author: 'Lucas Benoît',
      Copyright: 'CC BY-SA 4.0 - Lucas Benoît',
      'Creation Time': '2025-01-12',
      Software: 'Krita 5.2',
    }),
    'compte-rendu-cvc.pdf': encodePdf([
      'Collège Jules-Verne - Conseil de vie collégienne',
      'Compte rendu de la réunion du 14 janvier 2025',
      '',
      '1. Foyer : achat de deux jeux de société (vote : 9 pour, 1 contre).',
      '2. Cantine : proposition d\'un menu végétarien le jeudi.',
      '3. Journal du collège : appel à volontaires pour la rubrique sport.',
      '',
      'Prochaine réunion : mardi 11 février 2025.',
    ], {
      Title: 'Compte rendu CVC - 14 janvier 2025',
      Author: 'Mme Le Bris',
      Subject: 'Conseil de vie collégienne',
      Creator: 'LibreOffice Writer',
      Producer: 'Pix hors-ligne (générateur de contenu)',
      CreationDate: "D:20250114173000+01'00'",
      ModDate: "D:20250120081500+01'00'",
    }),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  mkdirSync(OUT, { recursive: true });
  for (const [name, bytes] of Object.entries(buildDomain1Assets())) {
    writeFileSync(join(OUT, name), bytes);
    console.log(`${name} : ${bytes.length} octets`);
  }
}
