/**
 * A tiny parser for the YAML maps of QROCM answers and solutions (YAML "failsafe" subset: every value
 * is a string). Supported: `key: value`, `key: [a, "b"]`, `key:` followed by `- item` lines, single
 * and double quoted strings, `# comments`, empty values. No yaml library may enter shared/.
 */

export type YamlValue = string | string[];
export type YamlMapResult = { ok: true; entries: [string, YamlValue][] } | { ok: false; error: string };

function unquote(raw: string): string {
  const text = raw.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  // plain scalar: a " #" starts a comment
  const comment = text.search(/\s#/);
  return (comment >= 0 ? text.slice(0, comment) : text).trim();
}

/** Split a flow sequence body on commas outside quotes. */
function splitFlow(body: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quote) {
      if (char === '\\' && quote === '"' && i + 1 < body.length) {
        current += char + body[++i];
        continue;
      }
      if (char === quote) quote = null;
      current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === ',') {
      items.push(current);
      current = '';
    } else current += char;
  }
  if (current.trim().length > 0 || items.length > 0) items.push(current);
  return items.map(unquote);
}

function parseValue(raw: string): YamlValue {
  const text = raw.trim();
  if (text.startsWith('[') && text.endsWith(']')) return splitFlow(text.slice(1, -1));
  return unquote(text);
}

function parseKey(raw: string): string {
  return unquote(raw);
}

/** Index of the `:` separating key and value (outside quotes, followed by space or end). */
function keySeparator(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ':' && (i + 1 === line.length || /\s/.test(line[i + 1]))) return i;
  }
  return -1;
}

export function parseYamlMap(text: string): YamlMapResult {
  const entries: [string, YamlValue][] = [];
  const seen = new Set<string>();
  const bareKeys = new Set<string>();
  let pendingList: string[] | null = null;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---') continue;
    if (trimmed === '-' || trimmed.startsWith('- ')) {
      if (!pendingList) return { ok: false, error: `ligne ${n + 1} : élément de liste sans clé` };
      pendingList.push(unquote(trimmed.slice(1)));
      continue;
    }
    const at = keySeparator(line);
    if (at < 0) return { ok: false, error: `ligne ${n + 1} : « clé: valeur » attendu` };
    const key = parseKey(line.slice(0, at));
    if (key === '') return { ok: false, error: `ligne ${n + 1} : clé vide` };
    if (seen.has(key)) return { ok: false, error: `ligne ${n + 1} : clé « ${key} » en double` };
    seen.add(key);
    const rest = line.slice(at + 1).trim();
    if (rest === '' || rest.startsWith('#')) {
      pendingList = [];
      bareKeys.add(key);
      entries.push([key, pendingList]);
    } else {
      pendingList = null;
      entries.push([key, parseValue(rest)]);
    }
  }
  // `key:` followed by no item is an empty scalar, as in YAML (null reads "" in the failsafe schema)
  return { ok: true, entries: entries.map(([k, v]) => [k, bareKeys.has(k) && v.length === 0 ? '' : v]) };
}

/** Every value as a list of variants (solutions). */
export function asVariants(value: YamlValue): string[] {
  return Array.isArray(value) ? value : [value];
}

/** Every value as a single string (answers; a list is joined with ", "). */
export function asScalar(value: YamlValue): string {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Serialise an answer map as the client sends it (`key: "value"` per line, JSON-quoted). */
export function stringifyYamlMap(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
}
