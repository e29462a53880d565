/**
 * Content-Security-Policy violations in browser tests: every frame of the page (the simulators' sandboxed
 * srcdoc frames included) reports its `securitypolicyviolation` events to the console, where they are
 * collected with Chromium's own "Refused to …" messages.
 */
import type { Page } from '@playwright/test';

const PREFIX = 'CSP violation:';

/** Starts recording; returns the list, filled as the test goes (empty when nothing was refused). */
export async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript((prefix: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${prefix} ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI} ${event.sample}`);
    });
  }, PREFIX);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(PREFIX) || text.includes('Refused to')) violations.push(`${message.location().url}: ${text}`);
  });
  return violations;
}
