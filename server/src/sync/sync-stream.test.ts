import { describe, expect, it } from 'vitest';
import { testNode } from '../testing/test-node';
import { assessmentDoc, push, testIndex, userIdOf } from './sync-fixtures';

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, needle: string, timeoutMs = 2_000): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (!text.includes(needle)) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now())))]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  return text;
}

describe('GET /api/sync/stream', () => {
  it('sends RESYNC to the user whose documents changed, not to others', async () => {
    const node = await testNode({ content: testIndex });
    const lea = await node.login('eleve@demo.pix');
    const hugo = await node.login('hugo.lefevre1109');
    const leaStream = await node.app.request('/api/sync/stream', { headers: lea });
    const hugoStream = await node.app.request('/api/sync/stream', { headers: hugo });
    expect(leaStream.headers.get('content-type')).toContain('text/event-stream');
    const leaReader = (leaStream.body as ReadableStream<Uint8Array>).getReader();
    const hugoReader = (hugoStream.body as ReadableStream<Uint8Array>).getReader();
    await new Promise((r) => setTimeout(r, 10));
    expect(node.syncEvents.size).toBe(2);

    await push(node.app, lea, 'assessments', [assessmentDoc({ userId: userIdOf(node.db, 'eleve@demo.pix') })]);
    expect(await readUntil(leaReader, 'RESYNC')).toContain('data: RESYNC');
    expect(await readUntil(hugoReader, 'RESYNC', 200)).not.toContain('RESYNC');

    await leaReader.cancel();
    await hugoReader.cancel();
    await new Promise((r) => setTimeout(r, 10));
    expect(node.syncEvents.size).toBe(0);
  });
});
