/**
 * Numbers followed by a unit or a noun (issue 15, item 1; docs/correction-des-reponses.md).
 *
 * A numeric field accepts « 23 Go », « 23Go », « 23,0 Go », « 1 280 px » where 23 / 1280 is expected,
 * provided the word after the number is one of the field's units: the text printed right after the
 * box (« ${reponse} Go »), a unit in parentheses or the noun of « Nombre de … » in the label before the
 * box, the noun of « Combien de … » or a known unit written « en Go » / « (Go) » in the instruction.
 * Any other word after the number is rejected, and so is a different known unit (« 23 Mo » where the
 * unit is Go): no conversion between units. Units are compared by family of spellings (Go = gigaoctets
 * = GB…), other nouns without accents, case or a final plural s/x.
 *
 * Composite answers « 1280 x 720 » / « 1280 × 720 pixels » / « 1280*720 » / « 1280 par 720 » read as a
 * list of numbers; they match a variant written the same way (pixels are always allowed after a
 * composite, the usual unit of a screen dimension).
 */
import { preTreat } from './treatments';

/** Spellings of each known unit (lower-case, no accents, no spaces), first = canonical. */
const UNIT_FAMILIES: readonly (readonly string[])[] = [
  ['go', 'gio', 'gigaoctet', 'gigaoctets', 'giga', 'gigas', 'gb'],
  ['mo', 'mio', 'megaoctet', 'megaoctets', 'mega', 'megas', 'mb'],
  ['ko', 'kio', 'kilooctet', 'kilooctets', 'kb'],
  ['to', 'tio', 'teraoctet', 'teraoctets', 'tb'],
  ['octet', 'octets', 'o'],
  ['px', 'pixel', 'pixels'],
  ['ppp', 'dpi', 'pixelsparpouce', 'pointsparpouce'],
  ['mm', 'millimetre', 'millimetres'],
  ['cm', 'centimetre', 'centimetres'],
  ['m', 'metre', 'metres'],
  ['km', 'kilometre', 'kilometres'],
  ['s', 'sec', 'seconde', 'secondes'],
  ['min', 'mn', 'minute', 'minutes'],
  ['h', 'heure', 'heures'],
  ['an', 'ans', 'annee', 'annees'],
  ['eur', '€', 'euro', 'euros'],
  ['°c', '°', 'degre', 'degres', 'degrec', 'degresc', 'degrecelsius', 'degrescelsius'],
  ['%', 'pourcent', 'pourcents', 'pourcentage'],
];

const CANONICAL_UNIT = new Map<string, string>(UNIT_FAMILIES.flatMap((family) => family.map((s) => [s, family[0] ?? s] as [string, string])));

function fold(word: string): string {
  return preTreat(word).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Is this word (any spelling) a known unit? */
export function isKnownUnit(word: string): boolean {
  return CANONICAL_UNIT.has(fold(word).replace(/\s/g, ''));
}

/** One word → its canonical form: the unit family, else the noun without a final plural s/x. */
function canonicalWord(word: string): string {
  const folded = fold(word);
  const unit = CANONICAL_UNIT.get(folded);
  if (unit) return unit;
  return folded.length > 3 ? folded.replace(/[sx]$/, '') : folded;
}

/** A unit or noun phrase → canonical form; '' for nothing. « Giga-octets » ≡ « Go », « fichiers » ≡ « fichier ». */
export function canonicalUnit(phrase: string): string {
  const folded = fold(phrase).replace(/[.!?;:,]+$/, '').trim();
  const whole = CANONICAL_UNIT.get(folded.replace(/[\s-]/g, ''));
  if (whole) return whole;
  return folded
    .split(/[\s'’-]+/)
    .filter((w) => w.length > 0)
    .map(canonicalWord)
    .join(' ');
}

// 1 280 / 1280 / 23,5 / 23.5 (thousand groups separated by plain, non-breaking or narrow spaces)
const NUMBER_HEAD = /^([+-]?)(\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:[.,](\d+))?/;

export interface NumberWithUnit {
  value: number;
  /** canonical unit/noun after the number, '' if none */
  unit: string;
}

/** « 23,0 Go » → {23, 'go'}; « 1 280 px » → {1280, 'px'}; null when the text does not start with a number. */
export function readNumberWithUnit(text: string): NumberWithUnit | null {
  const trimmed = preTreat(text).trim();
  const match = NUMBER_HEAD.exec(trimmed);
  if (!match) return null;
  const [head, sign = '', whole = '', decimals] = match;
  const value = Number.parseFloat(`${sign}${whole.replace(/ /g, '')}${decimals ? `.${decimals}` : ''}`);
  return { value, unit: canonicalUnit(trimmed.slice(head.length)) };
}

/**
 * The number of the answer if it is a number, optionally followed by one of the allowed units
 * (canonical forms, see unitsOfField); null otherwise (different unit, unrelated word, no number).
 */
export function readNumberAnswer(answer: string, allowedUnits: ReadonlySet<string>): number | null {
  const read = readNumberWithUnit(answer);
  if (!read) return null;
  if (read.unit === '' || allowedUnits.has(read.unit)) return read.value;
  return null;
}

const COMPOSITE = /^(\d+(?:[.,]\d+)?)(?:\s*(?:[x×*]|par)\s*(\d+(?:[.,]\d+)?))+/i;

/** « 1280 × 720 pixels » → [1280, 720]; null if not at least two numbers joined by x, ×, * or « par ». */
export function readComposite(text: string, allowedUnits: ReadonlySet<string> = new Set()): number[] | null {
  const trimmed = preTreat(text).trim();
  const match = COMPOSITE.exec(trimmed);
  if (!match) return null;
  const unit = canonicalUnit(trimmed.slice(match[0].length));
  if (unit !== '' && unit !== 'px' && !allowedUnits.has(unit)) return null;
  return match[0].split(/\s*(?:[x×*]|par)\s*/i).map((n) => Number.parseFloat(n.replace(',', '.')));
}

export interface FieldContext {
  /** the challenge's proposals (template with ${…} boxes) */
  proposals?: string;
  instruction?: string;
}

function stripMarkdown(text: string): string {
  return text.replace(/[*_`]/g, '');
}

/** Unit phrase → the canonical forms it allows: the whole phrase and its first word (« cookies tiers » → cookie tier, cookie). */
function addPhrase(units: Set<string>, phrase: string): void {
  const cleaned = stripMarkdown(phrase).trim();
  if (cleaned === '') return;
  const whole = canonicalUnit(cleaned);
  if (whole !== '') units.add(whole);
  const first = cleaned.split(/\s+/)[0] ?? '';
  const firstUnit = canonicalUnit(first);
  if (firstUnit !== '') units.add(firstUnit);
}

function nounAfterQuantity(text: string, units: Set<string>, pattern: RegExp): void {
  for (const match of stripMarkdown(text).matchAll(pattern)) addPhrase(units, match[1] ?? '');
}

const NOMBRE_DE = /nombre\s+(?:total\s+)?(?:de\s+|d['’]\s*)([\p{L}]+)/giu;
const COMBIEN_DE = /combien\s+(?:de\s+|d['’]\s*)([\p{L}]+)/giu;

/**
 * Canonical units/nouns a numeric box accepts after the number: text right after the box (up to the
 * end of the line or a punctuation mark), unit in parentheses or « Nombre de X » before it on its line,
 * « Combien de X » and known units written « en X » / « (X) » in the instruction.
 */
export function unitsOfField(context: FieldContext, key?: string): Set<string> {
  const units = new Set<string>();
  const proposals = context.proposals ?? '';
  const boxes = [...proposals.matchAll(/\$\{([^}#]*)(?:#[^}]*)?\}/g)];
  const box = boxes.find((b) => key === undefined || b[1]?.trim() === key) ?? (key === undefined ? undefined : boxes.length === 1 ? boxes[0] : undefined);
  if (box && box.index !== undefined) {
    const lineStart = proposals.lastIndexOf('\n', box.index) + 1;
    const before = proposals.slice(lineStart, box.index);
    const afterAll = proposals.slice(box.index + box[0].length);
    const after = afterAll.split(/[\n.,;:!?()$]/)[0] ?? '';
    if (/^\s*\p{L}|^\s*[€%°]/u.test(after)) addPhrase(units, after);
    for (const paren of before.matchAll(/\(([^)]*)\)/g)) addPhrase(units, (paren[1] ?? '').replace(/^\s*en\s+/i, ''));
    nounAfterQuantity(before, units, NOMBRE_DE);
  }
  const instruction = context.instruction ?? '';
  nounAfterQuantity(instruction, units, COMBIEN_DE);
  for (const match of stripMarkdown(instruction).matchAll(/(?:\ben\s+|\()([^\s().,;:!?]+)/giu)) {
    const word = match[1] ?? '';
    if (isKnownUnit(word)) units.add(canonicalUnit(word));
  }
  return units;
}
