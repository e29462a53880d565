/**
 * Generates the binary attachments of domain 2 (communication and collaboration) with Node built-ins only:
 * a JPEG photo carrying EXIF author/licence metadata (2.2) and hand-laid PDF 1.4 documents with a correct
 * xref table (2.2 forum charter, 2.4 ENT charter). Run: `npx tsx scripts/content/assets/domain2-assets.ts`.
 * The generated files are committed as content; re-running rewrites them identically.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPdf, type PdfLine } from './domain2-pdf';
import { buildJpeg, exifSegment, type Rgb } from './domain2-jpeg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const filesRoot = join(root, 'public', 'content', 'files');

function lighthouse(bx: number, by: number): Rgb {
  // 40×30 blocks: sky, sea, a cliff on the right and a white-and-red lighthouse on it.
  const x = Math.floor(bx / 2);
  const y = Math.floor(by / 2);
  if (x >= 13 && x <= 14 && y >= 3 && y <= 10) return y % 3 === 0 ? [200, 30, 40] : [245, 245, 240];
  if (x >= 12 && x <= 15 && y === 2) return [60, 60, 60];
  if (x === 13 && y === 1) return [250, 220, 90];
  if (y >= 11 && x >= 9 + Math.max(0, 13 - y)) return y > 12 ? [95, 85, 70] : [70, 130, 60];
  if (y >= 10) return (x + y) % 4 === 0 ? [90, 150, 200] : [30, 90, 160];
  return [150 + y * 8, 190 + y * 5, 235];
}

/** Every generated attachment: path under public/content/files/ and its bytes. */
export function domain2Files(): { path: string; data: Buffer }[] {
  const files: { path: string; data: Buffer }[] = [];
  const out = (path: string, data: Buffer): void => { files.push({ path, data }); };
  const exif = exifSegment([
    { tag: 0x010e, value: 'Phare du Petit Minou au coucher du soleil, Plouzane (Finistere)' },
    { tag: 0x013b, value: 'Yann Le Gall' },
    { tag: 0x0132, value: '2024:07:14 21:42:10' },
    { tag: 0x0131, value: 'Pix hors-ligne' },
    { tag: 0x8298, value: 'Yann Le Gall - Licence CC BY-NC-ND 4.0' },
  ]);
  out('2.2/photo-phare-petit-minou.jpg', buildJpeg(40, 30, lighthouse, exif));

  const L = (text: string, size = 10, gap?: number): PdfLine => ({ text, size, gap });
  out('2.2/charte-forum-club-astro.pdf', buildPdf('Charte du forum du club d\'astronomie', [[
    L('Charte du forum « Les Astronomes du Vercors »', 18, 30),
    L('Club d\'astronomie du collège du Vercors - version du 1er septembre 2024', 10),
    L('1. Qui peut participer ?', 13, 30),
    L('Le forum est ouvert aux élèves du collège et à leurs familles. Les élèves de moins de 15 ans'),
    L('s\'inscrivent avec l\'accord d\'un responsable légal. Un pseudonyme est conseillé.'),
    L('2. Ce qui est interdit', 13, 30),
    L('- les insultes, moqueries, menaces et propos discriminatoires ;'),
    L('- la publication de photos ou d\'informations personnelles d\'autrui sans son accord ;'),
    L('- la copie de textes ou d\'images sans respecter leur licence et sans citer l\'auteur ;'),
    L('- la publicité et les liens vers des sites sans rapport avec l\'astronomie.'),
    L('3. Modération', 13, 30),
    L('Les messages sont relus a posteriori par deux modérateurs (un professeur et un élève de 3e).'),
    L('Un message signalé avec le bouton « Signaler » est examiné dans un délai de 48 heures.'),
    L('Un message contraire à la charte est masqué et son auteur reçoit un avertissement.'),
    L('Au bout de 3 avertissements, le compte est suspendu pour le reste de l\'année scolaire.'),
    L('4. Contact', 13, 30),
    L('Pour toute question ou réclamation : moderation.astro@clg-vercors.fr'),
    L('En cas de harcèlement, parlez-en aussi à un adulte du collège ou appelez le 3018.'),
    L('En vous inscrivant, vous acceptez cette charte.', 10, 34),
  ]]));

  out('2.4/charte-ent-college.pdf', buildPdf('Charte d\'usage de l\'ENT', [[
    L('Charte d\'usage de l\'ENT et du numérique', 18, 30),
    L('Collège du Vercors - annexe au règlement intérieur, adoptée le 24 juin 2024', 10),
    L('Article 1 - Accès', 13, 30),
    L('Chaque élève reçoit un identifiant personnel. Le mot de passe est secret : il ne doit être'),
    L('communiqué à personne, pas même à un ami. Toute action faite avec un compte engage son titulaire.'),
    L('Article 2 - Respect des personnes', 13, 30),
    L('Il est interdit de publier ou de faire circuler des propos injurieux, des rumeurs, des images'),
    L('d\'une personne sans son accord. Le cyberharcèlement est puni par la loi, y compris hors du collège.'),
    L('Article 3 - Messagerie et espaces collaboratifs', 13, 30),
    L('Les messages doivent rester courtois. Les documents partagés ne doivent pas être supprimés'),
    L('ou modifiés sans l\'accord de leurs auteurs. L\'historique des versions est conservé 30 jours.'),
    L('Article 4 - Données personnelles', 13, 30),
    L('Les données de l\'ENT sont conservées jusqu\'à la fin de la scolarité au collège, puis supprimées'),
    L('dans un délai de 3 mois. Pour exercer vos droits, écrivez au délégué à la protection des données :'),
    L('dpd@ac-vercors.fr'),
    L('Article 5 - Sanctions', 13, 30),
    L('Le non-respect de la charte peut entraîner la suspension du compte pendant 15 jours, ainsi que'),
    L('les sanctions prévues par le règlement intérieur.'),
  ]]));
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { path, data } of domain2Files()) {
    const file = join(filesRoot, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
    console.log(`${path} (${data.length} octets)`);
  }
}
