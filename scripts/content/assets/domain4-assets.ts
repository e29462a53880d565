/**
 * Generates the binary attachments of domain 4 (JPEG photos with EXIF GPS, PNG with tEXt author, PDF
 * privacy-policy excerpt) under public/content/files/4.2. The files are content: they are committed, and
 * this script is kept so they can be rebuilt identically. Run: `npx tsx scripts/content/assets/domain4-assets.ts`.
 * Every value a challenge asks about (GPS position, phone model, author, retention period…) is set here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJpeg } from './domain4-jpeg';
import { buildPng } from './domain3-png';
import { buildPdf } from './domain3-pdf';

type Rgb = [number, number, number];

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public', 'content', 'files');

/** Bay with a rocky island and an abbey (20×15 blocks): the school-trip photo. */
function bay(bx: number, by: number): Rgb {
  const island = Math.abs(bx - 10) <= 5 - Math.max(0, 9 - by) && by >= 4 && by <= 10;
  if (bx === 10 && by >= 1 && by < 4) return [90, 90, 100]; // spire
  if (island) return by < 7 ? [150, 140, 125] : [115, 105, 95];
  if (by > 10) return by > 12 ? [215, 195, 150] : [120, 160, 185];
  return by < 3 ? [130, 180, 235] : [175, 210, 240];
}

/** Garden: sky, a tree, a house corner, lawn (20×15 blocks). */
function garden(bx: number, by: number): Rgb {
  if (by >= 11) return (bx + by) % 3 === 0 ? [70, 140, 60] : [85, 160, 70];
  if (bx >= 3 && bx <= 6 && by >= 3 && by <= 7) return [40, 110, 50]; // foliage
  if (bx >= 4 && bx <= 5 && by > 7) return [110, 75, 45]; // trunk
  if (bx >= 13 && by >= 5) return by === 5 ? [170, 60, 50] : bx === 16 && by >= 8 ? [90, 60, 40] : [235, 225, 205];
  return [150, 200, 245];
}

/** Robotics club logo: circle with a simple robot face. */
function logo(x: number, y: number): Rgb {
  const dx = x - 64;
  const dy = y - 64;
  const d = Math.sqrt(dx * dx + dy * dy);
  if (d > 60) return [255, 255, 255];
  if (d > 54) return [0, 85, 164];
  const inHead = Math.abs(dx) < 28 && Math.abs(dy) < 22;
  const eye = (Math.abs(dx - 12) < 5 || Math.abs(dx + 12) < 5) && Math.abs(dy + 6) < 5;
  if (eye) return [255, 200, 0];
  if (inHead) return Math.abs(dy - 10) < 3 && Math.abs(dx) < 14 ? [40, 40, 40] : [180, 190, 200];
  return [230, 240, 250];
}

function write(path: string, data: Buffer): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
  console.log(`${path} (${data.length} octets)`);
}

export function generateDomain4Assets(): void {
  write(
    '4.2/photo-sortie.jpg',
    buildJpeg(160, 120, { make: 'Lumio', model: 'Lumio X3', dateTimeOriginal: '2025:03:12 14:37:05', gps: { latitude: 48.6361, longitude: -1.5115 } }, bay),
  );
  write(
    '4.2/photo-jardin.jpg',
    buildJpeg(160, 120, { make: 'Lumio', model: 'Lumio A1', dateTimeOriginal: '2025:05:24 17:02:44', gps: { latitude: 48.1147, longitude: -1.6794 } }, garden),
  );
  write(
    '4.2/logo-club-robotique.png',
    buildPng({
      width: 128,
      height: 128,
      text: { Title: 'Logo du club robotique', Author: 'Malik Benali', Software: 'Krita 5.2', 'Creation Time': '2025-02-03' },
      pixel: logo,
    }),
  );
  write(
    '4.2/politique-confidentialite.pdf',
    buildPdf({
      title: 'MonClubSport - Politique de confidentialité (extrait)',
      author: 'MonClubSport',
      creator: 'Pix hors-ligne',
      creationDate: 'D:20250115100000',
      pages: [
        [
          { text: 'MonClubSport - Politique de confidentialité (extrait)', size: 15 },
          { text: '' },
          { text: '1. Données collectées', size: 12 },
          { text: 'Nom, prénom, date de naissance, adresse électronique, club et licence sportive.' },
          { text: 'Pour les adhérents de moins de 15 ans : adresse électronique d\'un parent.' },
          { text: '' },
          { text: '2. Finalités', size: 12 },
          { text: 'Gérer les inscriptions, les entraînements et les compétitions. Vos données ne sont' },
          { text: 'ni vendues ni utilisées pour de la publicité.' },
          { text: '' },
          { text: '3. Durée de conservation', size: 12 },
          { text: 'Vos données sont conservées pendant 3 ans après votre dernière connexion,' },
          { text: 'puis supprimées. Les justificatifs de paiement sont gardés 10 ans (obligation légale).' },
          { text: '' },
          { text: '4. Vos droits', size: 12 },
          { text: 'Vous disposez d\'un droit d\'accès, de rectification, d\'effacement et d\'opposition.' },
          { text: 'Écrivez à notre délégué à la protection des données : dpo@monclubsport.fr' },
          { text: 'Nous répondons dans un délai d\'un mois. Vous pouvez aussi adresser une réclamation' },
          { text: 'à la CNIL (www.cnil.fr).' },
        ],
      ],
    }),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) generateDomain4Assets();
