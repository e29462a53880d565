/**
 * Campaign codes (§4.1): 6 upper-case letters then 3 digits, regenerated until unused. Like Pix's current
 * generator (`numericSafe`), the digits are drawn from 2–9: pupils confuse 0 and 1 with O, I and l. I, L and
 * O are not drawn among the letters either. Only generation is strict: codes made earlier (digits 1–9, such
 * as the demo's CLGJMA501) stay valid, since input is checked loosely against CAMPAIGN_CODE_INPUT.
 */
export const CAMPAIGN_CODE_PATTERN = /^[A-Z]{6}[0-9]{3}$/;
/** what a pupil may type: validated loosely (9 letters/digits), normalised to upper case */
export const CAMPAIGN_CODE_INPUT = /^[A-Z0-9]{9}$/;

const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const DIGITS = '23456789';

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
