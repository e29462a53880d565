/**
 * Rendering of the shipped content pack (issue 15): every challenge instruction and proposals, every
 * tutorial summary and every skill hint of content/dist/pack.json go through the client's Markdown
 * renderer (as ChallengeView, TutorialCard and AnswerReview render them) and come out as real markup:
 * no raw `**`, tables as `<table>` rather than pipes, code fences as `<pre><code>` keeping their
 * indentation, lists as lists, images with an alt, links and images only relative or https.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, Markdown, renderInline } from '../../client/src/features/challenge/Markdown';
import { loadPack } from '../../shared/src/model/load-pack';
import { parseProposals } from '../../shared/src/model/proposals';
import type { Challenge } from '../../shared/src/model/types';
import { PACK_FILE } from '../lib/pwa-build';
import { buildPack } from './build-pack';

const ROOT = resolve(import.meta.dirname, '../..');

function shippedPack() {
  const file = join(ROOT, PACK_FILE);
  const raw: unknown = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : JSON.parse(JSON.stringify(buildPack(join(ROOT, 'content'), join(ROOT, 'public')).pack));
  const loaded = loadPack(raw);
  if (!loaded.ok) throw new Error(`paquet de contenu invalide : ${loaded.errors.slice(0, 3).map((e) => `${e.path} ${e.message}`).join(' ; ')}`);
  return loaded.index.pack;
}

const pack = shippedPack();

const block = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));
const inline = (source: string) => renderToStaticMarkup(createElement(Fragment, null, renderInline(source)));

/** Proposals as ChallengeView renders them: each QCU/QCM option inline, else the template's text lines. */
function proposalsHtml(challenge: Challenge): string {
  const parsed = parseProposals(challenge.proposals);
  if (challenge.type === 'QCU' || challenge.type === 'QCM') return parsed.options.map(inline).join('\n');
  return parsed.parts
    .flatMap((part) => (part.type === 'text' ? part.text.split('\n') : []))
    .map(inline)
    .join('\n');
}

interface Rendered {
  where: string;
  source: string;
  html: string;
  /** rendered as a block (Markdown), where lists, tables and code fences are expected */
  block: boolean;
}

const rendered: Rendered[] = [
  ...pack.challenges.flatMap((c) => [
    { where: `${c.id} consigne`, source: c.instruction, html: block(c.instruction), block: true },
    { where: `${c.id} propositions`, source: c.proposals, html: proposalsHtml(c), block: false },
  ]),
  ...pack.tutorials.map((t) => ({ where: `${t.id} résumé`, source: t.summary, html: block(t.summary), block: true })),
  ...pack.skills.filter((s) => s.hint).map((s) => ({ where: `${s.id} indice`, source: s.hint, html: inline(s.hint), block: false })),
];

const FENCE = /^```[^\n]*\n([\s\S]*?)\n```/gm;
const TABLE = /^\s*\|.*\|\s*\n\s*\|?\s*:?-{3,}/m;
const LIST = /^(?:[-*+]|\d+[.)])\s+\S/m;
const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const withoutCode = (html: string) => html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
const withoutFences = (source: string) => source.replace(FENCE, '');

const withCode = rendered.filter((r) => r.block && [...r.source.matchAll(FENCE)].length > 0);
const withTable = rendered.filter((r) => r.block && TABLE.test(r.source));
const withWrappedBold = rendered.filter((r) => r.source.split(/\n\s*\n/).some((p) => /\*\*[^*]+\n[^*]*\*\*/.test(withoutFences(p))));
const withList = rendered.filter((r) => r.block && LIST.test(withoutFences(r.source)));
const withImage = rendered.filter((r) => r.html.includes('<img'));
const withLink = rendered.filter((r) => r.html.includes('<a '));

describe(`rendering of the shipped pack: ${rendered.length} texts (${pack.challenges.length} challenges, ${pack.tutorials.length} tutorials, hints)`, () => {
  it('renders texts of every kind', () => {
    console.log(
      `rendu du paquet : ${rendered.length} textes, ${withCode.length} avec du code, ${withTable.length} avec un tableau, ${withWrappedBold.length} avec du gras sur plusieurs lignes, ${withList.length} avec une liste, ${withImage.length} avec une image, ${withLink.length} avec un lien`,
    );
    expect(withCode.length).toBeGreaterThan(0);
    expect(withTable.length).toBeGreaterThan(0);
    expect(withWrappedBold.length).toBeGreaterThan(0);
  });

  it('leaves no raw ** outside code', () => {
    expect(rendered.filter((r) => withoutCode(r.html).includes('**')).map((r) => r.where)).toEqual([]);
  });

  it(`renders the ${withWrappedBold.length} texts with bold across a line break as <strong>`, () => {
    expect(withWrappedBold.filter((r) => !r.html.includes('<strong>')).map((r) => r.where)).toEqual([]);
  });

  it(`renders the ${withTable.length} tables as <table>, without raw pipes`, () => {
    expect(withTable.filter((r) => !r.html.includes('<div class="fr-table"><table>')).map((r) => r.where)).toEqual([]);
    expect(rendered.filter((r) => /\|\s*:?-{3,}/.test(withoutCode(r.html))).map((r) => r.where)).toEqual([]);
  });

  it(`renders the ${withCode.length} code fences as <pre><code>, keeping their indentation`, () => {
    const broken = withCode.filter((r) => {
      const codes = [...r.html.matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) => unescape(m[1]));
      return [...r.source.matchAll(FENCE)].some((m) => !codes.includes(m[1]));
    });
    expect(broken.map((r) => r.where)).toEqual([]);
    expect(withCode.some((r) => /<pre><code[^>]*>[^<]*\n {2,}\S/.test(r.html))).toBe(true);
  });

  it(`renders the ${withList.length} lists as lists`, () => {
    expect(withList.filter((r) => !/<(ul|ol)[ >]/.test(r.html)).map((r) => r.where)).toEqual([]);
  });

  it(`gives an alt to the ${withImage.length} images, and links and images only relative or https`, () => {
    expect(rendered.filter((r) => /<img(?![^>]*\balt="[^"]+")[^>]*>/.test(r.html)).map((r) => r.where)).toEqual([]);
    const urls = rendered.flatMap((r) => [...r.html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => ({ where: r.where, url: unescape(m[1]) })));
    expect(urls.filter((u) => !isSafeUrl(u.url))).toEqual([]);
    expect(rendered.filter((r) => /<a [^>]*href="https:/.test(r.html) && !/<a [^>]*href="https:[^"]*" target="_blank" rel="noopener noreferrer"/.test(r.html)).map((r) => r.where)).toEqual([]);
  });
});
