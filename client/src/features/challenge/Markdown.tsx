/**
 * Markdown of challenge instructions, proposals, tutorials and landing messages, rendered by
 * markdown-to-jsx (CommonMark + GFM tables, fenced code, lists, emphasis across line breaks) into React
 * elements, with raw HTML disabled so content cannot inject markup. URL rules of the project: links and
 * images only relative or https (no http:, javascript:, data:, protocol-relative //); external links open
 * in a new tab. A single line break inside a paragraph stays a line break, as Pix authors write them.
 */
import MarkdownToJsx, { RuleType, type MarkdownToJSX } from 'markdown-to-jsx';
import { Fragment, type ComponentProps, type ReactNode } from 'react';

/** Relative (path, query or anchor, no scheme, not `//host`) or https. */
export function isSafeUrl(url: string): boolean {
  const value = url.trim();
  if (/^https:\/\//i.test(value)) return true;
  if (value.startsWith('//') || value.startsWith('\\') || /^\/\\/.test(value)) return false;
  // a scheme is what comes before the first `:` when no `/`, `?` or `#` precedes it
  return !/^[^/?#]*:/.test(value);
}

function sanitize(value: string, _tag: string, attribute: string): string | null {
  if (attribute === 'href' || attribute === 'src' || attribute === 'xlink:href' || attribute === 'action' || attribute === 'formaction') {
    return isSafeUrl(value) ? value : null;
  }
  return value;
}

function Link(props: ComponentProps<'a'>) {
  const { href, children, title, ...rest } = props;
  if (!href || !isSafeUrl(href)) return <>{children}</>;
  const external = /^https:\/\//i.test(href);
  return external ? (
    <a {...rest} href={href} target="_blank" rel="noopener noreferrer" title={title ?? `${textOf(children)} — nouvelle fenêtre`}>
      {children}
    </a>
  ) : (
    <a {...rest} href={href} title={title}>
      {children}
    </a>
  );
}

function Image(props: ComponentProps<'img'>) {
  const { src, alt, title } = props;
  if (typeof src !== 'string' || !isSafeUrl(src)) return <>{alt ?? ''}</>;
  return <img src={src} alt={alt ?? ''} title={title} className="pix-md-img" />;
}

function Table(props: ComponentProps<'table'>) {
  return (
    <div className="fr-table">
      <table {...props} />
    </div>
  );
}

function Heading(props: ComponentProps<'h1'>) {
  return <p className="fr-text--bold fr-mb-1w">{props.children}</p>;
}

function Quote(props: ComponentProps<'blockquote'>) {
  return <blockquote className="pix-md-quote">{props.children}</blockquote>;
}

function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'object' && 'props' in node) return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

/** Text with single line breaks: each one a `<br/>` (code blocks are other nodes and keep theirs). */
function renderRule(next: () => ReactNode, node: MarkdownToJSX.ASTNode, _render: MarkdownToJSX.ASTRender, state: MarkdownToJSX.State): ReactNode {
  if (node.type === RuleType.text && node.text.includes('\n')) {
    const lines = node.text.split('\n');
    return (
      <Fragment key={state.key}>
        {lines.map((line, i) => (
          <Fragment key={i}>
            {i > 0 && <br />}
            {line}
          </Fragment>
        ))}
      </Fragment>
    );
  }
  return next();
}

const OPTIONS: MarkdownToJSX.Options = {
  disableParsingRawHTML: true,
  ignoreHTMLBlocks: true,
  disableAutoLink: true,
  sanitizer: sanitize,
  renderRule,
  overrides: {
    a: Link,
    img: Image,
    table: Table,
    h1: Heading,
    h2: Heading,
    h3: Heading,
    h4: Heading,
    h5: Heading,
    h6: Heading,
    blockquote: Quote,
  },
};

const INLINE_OPTIONS: MarkdownToJSX.Options = { ...OPTIONS, forceInline: true, wrapper: Fragment };

/** Inline Markdown (a QCU/QCM option, a line of proposals): no paragraph wrapper. */
export function renderInline(text: string, keyPrefix = 'i'): ReactNode {
  return (
    <MarkdownToJsx key={keyPrefix} options={INLINE_OPTIONS}>
      {text}
    </MarkdownToJsx>
  );
}

export function Markdown(props: { source: string; className?: string }) {
  return (
    <div className={props.className}>
      <MarkdownToJsx options={{ ...OPTIONS, forceBlock: true, wrapper: Fragment }}>{props.source}</MarkdownToJsx>
    </div>
  );
}
