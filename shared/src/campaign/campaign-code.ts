/**
 * Campaign codes (§4.1): 6 upper-case letters then 3 digits, regenerated until unused. Like Pix's
 * "readable" generator, the confusable 0 is never drawn (digits 1–9), nor I, L or O among the letters.
 */
export const CAMPAIGN_CODE_PATTERN = /^[A-Z]{6}[0-9]{3}$/;
/** what a pupil may type: validated loosely (9 letters/digits), normalised to upper case */
export const CAMPAIGN_CODE_INPUT = /^[A-Z0-9]{9}$/;

const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const DIGITS = '123456789';

export function normaliseCampaignCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

export function generateCampaignCode(isTaken: (code: string) => boolean, randomInt: (n: number) => number): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let code = '';
    for (let i = 0; i < 6; i++) code += LETTERS[randomInt(LETTERS.length)];
    for (let i = 0; i < 3; i++) code += DIGITS[randomInt(DIGITS.length)];
    if (!isTaken(code)) return code;
  }
  throw new Error('Aucun code de campagne libre après 1000 essais');
}
