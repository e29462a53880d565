/**
 * A small, safe Markdown renderer for challenge instructions and tutorials: paragraphs, line breaks,
 * lists, headings, **bold**, *italic*, `code`, links and images. It builds React elements (never raw
 * HTML), so content cannot inject markup.
 */
import type { ReactNode } from 'react';

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'h'; level: number; text: string }
  | { kind: 'quote'; lines: string[] };

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const flush = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    // `current` is reassigned by flush(): read it through a widened alias
    const open = current as Block | null;
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const ordered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (!line.trim()) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'h', level: heading[1].length, text: heading[2] });
    } else if (bullet || ordered) {
      const kind = bullet ? 'ul' : 'ol';
      const text = (bullet ?? ordered)![1];
      if (open?.kind !== kind) {
        flush();
        current = { kind, items: [] };
      }
      (current as { items: string[] }).items.push(text);
    } else if (quote) {
      if (open?.kind !== 'quote') {
        flush();
        current = { kind: 'quote', lines: [] };
      }
      (current as { lines: string[] }).lines.push(quote[1]);
    } else if (open?.kind === 'ul' || open?.kind === 'ol') {
      // continuation of the last list item
      open.items[open.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (open?.kind !== 'p') {
        flush();
        current = { kind: 'p', lines: [] };
      }
      (current as { lines: string[] }).lines.push(line);
    }
  }
  flush();
  return blocks;
}

const INLINE = /(!\[([^\]]*)\]\(([^)\s]+)\))|(\[([^\]]+)\]\(([^)\s]+)\))|(\*\*([^*]+)\*\*)|(`([^`]+)`)|(\*([^*\s][^*]*)\*)|(_([^_\s][^_]*)_)/g;

function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|\/|#|mailto:)/i.test(url);
}

export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) nodes.push(text.slice(last, at));
    const key = `${keyPrefix}-${n++}`;
    if (m[1]) {
      nodes.push(isSafeUrl(m[3]) ? <img key={key} src={m[3]} alt={m[2]} className="pix-md-img" /> : m[0]);
    } else if (m[4]) {
      const url = m[6];
      const external = /^https?:\/\//i.test(url);
      nodes.push(
        isSafeUrl(url) ? (
          <a key={key} href={url} {...(external ? { target: '_blank', rel: 'noopener noreferrer', title: `${m[5]} — nouvelle fenêtre` } : {})}>
            {renderInline(m[5], key)}
          </a>
        ) : (
          m[5]
        ),
      );
    } else if (m[7]) nodes.push(<strong key={key}>{renderInline(m[8], key)}</strong>);
    else if (m[9]) nodes.push(<code key={key}>{m[10]}</code>);
    else if (m[11]) nodes.push(<em key={key}>{renderInline(m[12], key)}</em>);
    else if (m[13]) nodes.push(<em key={key}>{renderInline(m[14], key)}</em>);
    last = at + m[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

export function Markdown(props: { source: string; className?: string }) {
  const blocks = parseBlocks(props.source);
  return (
    <div className={props.className}>
      {blocks.map((block, i) => {
        const key = `b${i}`;
        switch (block.kind) {
          case 'h':
            return (
              <p key={key} className="fr-text--bold fr-mb-1w">
                {renderInline(block.text, key)}
              </p>
            );
          case 'ul':
            return (
              <ul key={key}>
                {block.items.map((item, j) => (
                  <li key={j}>{renderInline(item, `${key}-${j}`)}</li>
                ))}
              </ul>
            );
          case 'ol':
            return (
              <ol key={key}>
                {block.items.map((item, j) => (
                  <li key={j}>{renderInline(item, `${key}-${j}`)}</li>
                ))}
              </ol>
            );
          case 'quote':
            return (
              <blockquote key={key} className="pix-md-quote">
                {block.lines.map((line, j) => (
                  <p key={j} className="fr-mb-0">
                    {renderInline(line, `${key}-${j}`)}
                  </p>
                ))}
              </blockquote>
            );
          default:
            return (
              <p key={key}>
                {block.lines.map((line, j) => (
                  <span key={j}>
                    {j > 0 && <br />}
                    {renderInline(line, `${key}-${j}`)}
                  </span>
                ))}
              </p>
            );
        }
      })}
    </div>
  );
}
