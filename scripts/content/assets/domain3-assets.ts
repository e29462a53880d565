/**
 * Generates the binary attachments of domain 3 (PNG with tEXt/pHYs, JPEG with EXIF, PDF) under
 * public/content/files/3.2 and 3.3. The files are content: they are committed, and this script is kept
 * so they can be rebuilt identically. Run: `npx tsx scripts/content/assets/domain3-assets.ts`.
 * Every figure a challenge asks about (dimensions, resolution, author, page count…) is set here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPng, type PngSpec } from './domain3-png';
import { buildJpeg } from './domain3-jpeg';
import { buildPdf, type PdfLine } from './domain3-pdf';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public', 'content', 'files');

type Rgb = [number, number, number];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb;

/** A landscape: sky gradient, sun, two mountains. */
function landscape(w: number, h: number): PngSpec['pixel'] {
  return (x, y) => {
    const sx = x / w;
    const sy = y / h;
    const ridge = 0.55 + 0.25 * Math.abs(sx - 0.4) - 0.1 * Math.sin(sx * 9);
    if (sy > ridge) return mix([60, 120, 70], [30, 70, 40], (sy - ridge) / (1 - ridge));
    const dx = sx - 0.78;
    const dy = (sy - 0.2) * (h / w);
    if (dx * dx + dy * dy < 0.004) return [255, 214, 90];
    return mix([120, 180, 240], [220, 236, 250], sy / ridge);
  };
}

/** A poster: coloured bands and a centred disc. */
function poster(w: number, h: number, a: Rgb, b: Rgb): PngSpec['pixel'] {
  return (x, y) => {
    const dx = (x - w / 2) / h;
    const dy = (y - h / 2) / h;
    if (dx * dx + dy * dy < 0.06) return [255, 255, 255];
    return Math.floor((y / h) * 6) % 2 === 0 ? a : b;
  };
}

function out(rel: string, data: Buffer): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  console.log(`${rel} (${data.length} octets)`);
}

const lines = (...texts: string[]): PdfLine[] => texts.map((text, i) => (i === 0 ? { text, size: 18 } : { text }));

function pngs(): void {
  out('3.2/photo-sortie.png', buildPng({
    width: 1200, height: 800, dpi: 72, pixel: landscape(1200, 800),
    text: {
      Title: 'Sortie au Puy de Dôme - classe de 4e B',
      Author: 'Inès Moreau',
      Copyright: 'CC BY-SA 4.0 Inès Moreau',
      'Creation Time': '2024-05-14 10:32',
      Software: 'GIMP 2.10.36',
    },
  }));
  out('3.2/photo-club.png', buildPng({
    width: 960, height: 1280, dpi: 96, pixel: landscape(960, 1280),
    text: {
      Title: 'Club astronomie - soirée d\'observation',
      Author: 'Lucas Bernard',
      Copyright: 'Tous droits réservés - Lucas Bernard',
      'Creation Time': '2023-11-08 16:05',
      Software: 'darktable 4.6',
    },
  }));
  out('3.2/affiche-concert.png', buildPng({
    width: 1772, height: 1181, dpi: 300, pixel: poster(1772, 1181, [18, 163, 255], [29, 43, 79]),
    text: { Title: 'Concert de fin d\'année', Author: 'Club musique du lycée', Software: 'Inkscape 1.3' },
  }));
  out('3.2/flyer-festival.png', buildPng({
    width: 2362, height: 1181, dpi: 300, pixel: poster(2362, 1181, [240, 120, 60], [250, 200, 80]),
    text: { Title: 'Festival du court métrage', Author: 'Atelier vidéo du collège', Software: 'Krita 5.2' },
  }));
}

function jpegs(): void {
  out('3.2/photo-match.jpg', buildJpeg(640, 480, {
    make: 'Canon', model: 'Canon EOS 250D', software: 'Shotwell 0.32', dateTime: '2024:03:23 15:47:12',
    artist: 'Yanis Haddad', copyright: 'Yanis Haddad - CC BY-NC 4.0',
  }));
  out('3.2/photo-concert.jpg', buildJpeg(800, 600, {
    make: 'Samsung', model: 'Galaxy A54', software: 'Galaxy A54 Camera', dateTime: '2023:12:15 20:31:05',
    artist: 'Chloé Martin', copyright: 'Tous droits réservés',
  }));
}

function pdfs(): void {
  out('3.3/guide-sortie.pdf', buildPdf({
    title: 'Guide de la sortie au Puy de Dôme', author: 'Collège Jean Moulin - M. Durand',
    subject: 'Sortie scolaire des 4e', creationDate: 'D:20240402093000', pages: [
      lines('Sortie au Puy de Dôme', 'Classes de 4e A et 4e B - jeudi 16 mai', 'Départ 7 h 45 devant le collège, retour vers 18 h.'),
      lines('Programme de la journée', '10 h : montée par le chemin des Muletiers.', '12 h 30 : pique-nique au sommet (prévoir un repas).', '14 h : visite de l\'espace volcanique.'),
      lines('Matériel à emporter', 'Chaussures de marche, gourde, vêtement de pluie, carnet et crayon.', 'Téléphones autorisés pour les photos, en mode avion.'),
      lines('Autorisation parentale', 'Je soussigné(e) ........ autorise mon enfant ........ à participer à la sortie.', 'Signature :'),
    ],
  }));
  out('3.3/fiche-methode.pdf', buildPdf({
    title: 'Fiche méthode : citer ses sources', author: 'Mme Lefèvre, professeure documentaliste',
    creationDate: 'D:20230915140000', pages: [
      lines('Citer ses sources', 'Pour une image : auteur, titre, site, date de consultation, licence.', 'Pour un article : auteur, titre, média, date de publication, adresse web.'),
      lines('Exemple', 'Photo : « Le Puy de Dôme » par J. Martin, Wikimedia Commons, CC BY-SA 4.0.',
        'Licence de cette fiche : CC BY-NC-SA 4.0 - Mme Lefèvre, CDI du collège Jean Moulin.'),
    ],
  }));
  out('3.3/rapport-stage.pdf', buildPdf({
    title: 'Rapport de stage d\'observation', author: 'Sophie Garnier', creator: 'LibreOffice Writer',
    creationDate: 'D:20220611101500', pages: [
      lines('Rapport de stage de 3e', 'Nathan Roux - 3e C', 'Stage du 11 au 15 décembre à la boulangerie Les Blés d\'Or.'),
      lines('Présentation de l\'entreprise', 'La boulangerie emploie 6 personnes et ouvre 6 jours sur 7.'),
      lines('Mon bilan', 'J\'ai découvert les métiers de boulanger et de vendeur.'),
    ],
  }));
  out('3.3/affiche-kermesse.pdf', buildPdf({
    title: 'Affiche de la kermesse', author: 'Conseil de la vie collégienne', creationDate: 'D:20240520170000',
    pageSize: [842, 1191], pages: [
      lines('Kermesse du collège', 'Samedi 22 juin, de 14 h à 18 h, dans la cour.', 'Jeux, stands, concert des élèves.'),
    ],
  }));
}

pngs();
jpegs();
pdfs();
