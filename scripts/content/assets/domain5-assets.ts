/**
 * Generates the binary-ish attachments of domain 5 (Environnement numérique) that are not written by
 * hand: the printer manual PDF of 5.1. Run `npx tsx scripts/content/assets/domain5-assets.ts`; the
 * output is committed under public/content/files/5.1/ (it is content). Deterministic: same bytes each run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPdf, type PdfLine } from './domain5-pdf';

/** Error codes of the fictional CDI printer, as printed in its manual (read by ch-5.1-pannesCourantes-3-*). */
export const PRINTER_ERROR_CODES: ReadonlyArray<{ code: string; problem: string; action: string }> = [
  { code: 'E-01', problem: 'Bac papier vide', action: 'Remplir le bac papier (format A4), puis appuyer sur OK.' },
  { code: 'E-02', problem: 'Bourrage papier', action: 'Ouvrir le capot arrière et retirer doucement la feuille coincée.' },
  { code: 'E-03', problem: 'Toner noir vide', action: 'Ouvrir le capot avant et remplacer la cartouche de toner.' },
  { code: 'E-04', problem: 'Capot avant ouvert', action: 'Fermer le capot avant jusqu’au déclic.' },
  { code: 'E-05', problem: 'Réseau indisponible', action: 'Vérifier le câble réseau ou la connexion Wi-Fi de l’imprimante.' },
  { code: 'E-06', problem: 'Mémoire saturée', action: 'Annuler les travaux en attente dans la file d’impression, puis relancer.' },
];

export function printerManualLines(): PdfLine[] {
  const lines: PdfLine[] = [
    { text: 'Imprimante laser LaserNet 300', size: 18, bold: true },
    { text: 'Notice rapide — codes d’erreur affichés à l’écran', size: 13, gapBefore: 4 },
    { text: 'Avant toute intervention, attendez que l’imprimante ait refroidi et ne forcez jamais sur une pièce.', gapBefore: 12 },
    { text: 'Code      Problème                      Que faire ?', bold: true, gapBefore: 16 },
  ];
  for (const entry of PRINTER_ERROR_CODES) {
    lines.push({ text: `${entry.code}      ${entry.problem}`, bold: true, gapBefore: 8 });
    lines.push({ text: entry.action, indent: 48 });
  }
  lines.push(
    { text: 'Le problème persiste ?', bold: true, gapBefore: 20 },
    { text: '1. Éteignez l’imprimante, attendez 30 secondes, rallumez-la.' },
    { text: '2. Notez le code affiché et prévenez la personne responsable du CDI.' },
    { text: 'Document fictif créé pour Pix hors-ligne — licence CC BY-SA 4.0.', size: 9, gapBefore: 24 },
  );
  return lines;
}

function main(): void {
  const dir = path.resolve('public/content/files/5.1');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'notice-imprimante.pdf');
  writeFileSync(file, buildPdf(printerManualLines(), 'Notice LaserNet 300 — codes d’erreur'));
  process.stdout.write(`écrit : ${path.relative(process.cwd(), file)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) main();
