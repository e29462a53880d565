/**
 * Opening an offline simulator in a browser test: load the scenario, cut the network, record every request
 * that leaves the machine and every answer the simulator posts (outside an iframe, window.parent is the
 * page itself, so the posts reach it).
 */
import type { Page } from '@playwright/test';

export interface SimulatorPost {
  from?: string;
  type?: string;
  answer?: string;
}

/** Returns the list (filled as the test goes) of requests that left 127.0.0.1. */
export async function openSimulatorOffline(page: Page, simulator: string, scenario: string): Promise<string[]> {
  const external: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') external.push(request.url());
  });
  await page.goto(`/simulators/${simulator}/index.html?scenario=${scenario}`);
  await page.context().setOffline(true);
  await page.evaluate(() => {
    const w = window as unknown as { __answers?: unknown[] };
    window.addEventListener('message', (e) => {
      w.__answers = [...(w.__answers ?? []), e.data];
    });
  });
  return external;
}

export function postedAnswers<T = SimulatorPost>(page: Page): Promise<T[]> {
  return page.evaluate(() => (window as unknown as { __answers?: T[] }).__answers ?? []) as Promise<T[]>;
}
