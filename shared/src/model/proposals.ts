/**
 * Parser of a challenge's `proposals` (§1.3, mon-pix proposals-parser):
 * - QROC/QROCM template: text with response blocks `${key}`, `${key#placeholder}`, `${key§aria label}`
 *   (both may be combined) and select blocks `${key options=["a","b"]}`;
 * - QCU/QCM: one option per `- option` line (only when the text holds no `${…}` block).
 * The client renders from `parts`; the content validator checks `blocks` keys against solution keys.
 */

export interface ProposalBlock {
  type: 'input' | 'select';
  key: string;
  placeholder?: string;
  ariaLabel?: string;
  /** select blocks only */
  options?: string[];
}

export type ProposalPart = { type: 'text'; text: string } | ProposalBlock;

export interface ParsedProposals {
  /** text pieces and blocks, in order */
  parts: ProposalPart[];
  /** the input and select blocks only, in order */
  blocks: ProposalBlock[];
  /** QCU/QCM options ("- option" lines), empty for a template */
  options: string[];
}

const BLOCK = /\$\{([^}]*)\}/g;

function parseOptionList(raw: string): string[] {
  const text = raw.trim();
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.map((o) => String(o));
  } catch {
    // not JSON: fall back to a bracketed, comma-separated list (escaped separator `\/\/` is not supported)
  }
  return text
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((o) => o.trim().replace(/^["']|["']$/g, ''))
    .filter((o) => o.length > 0);
}

export function parseBlock(content: string): ProposalBlock {
  const optionsAt = content.indexOf('options=');
  if (optionsAt >= 0) {
    const head = parseBlock(content.slice(0, optionsAt).trim());
    return { ...head, type: 'select', options: parseOptionList(content.slice(optionsAt + 'options='.length)) };
  }
  const block: ProposalBlock = { type: 'input', key: '' };
  // key, then any number of `#placeholder` / `§aria label` segments
  const segments = content.split(/(?=[#§])/);
  block.key = segments[0].trim();
  for (const segment of segments.slice(1)) {
    const value = segment.slice(1).trim();
    if (segment.startsWith('#')) block.placeholder = value;
    else block.ariaLabel = value;
  }
  return block;
}

export function parseProposals(proposals: string): ParsedProposals {
  const parts: ProposalPart[] = [];
  const blocks: ProposalBlock[] = [];
  let last = 0;
  for (const match of proposals.matchAll(BLOCK)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ type: 'text', text: proposals.slice(last, at) });
    const block = parseBlock(match[1]);
    parts.push(block);
    blocks.push(block);
    last = at + match[0].length;
  }
  if (last < proposals.length) parts.push({ type: 'text', text: proposals.slice(last) });
  const options =
    blocks.length > 0
      ? []
      : proposals
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line.startsWith('- ') || line === '-')
          .map((line) => line.slice(1).trim());
  return { parts, blocks, options };
}
