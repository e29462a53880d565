import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RetryDelay } from './CompetenceDetailPage';

describe('« Retenter » delay on a competence', () => {
  it.each([
    [4, 'Vous pourrez retenter cette compétence dans 4 jours.'],
    [2, 'Vous pourrez retenter cette compétence dans 2 jours.'],
    [1, 'Vous pourrez retenter cette compétence dans 1 jour.'],
    // no delay left, or none to count (reset with nothing answered since): nothing promised
    [0, ''],
    [null, ''],
  ])('%s day(s) left → %j', (days, text) => {
    const html = renderToStaticMarkup(<RetryDelay days={days} />);
    expect(html.replace(/<[^>]+>/g, '')).toBe(text);
    expect(html).not.toContain('null');
  });
});
