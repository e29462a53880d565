/**
 * A device learns the node's stamp of each of its answers from the push answer (ADR 0001: `receivedAt`, the
 * node's clock, is the first key of the answer order). The device here replicates as RxDB does: a pulled
 * document whose local copy has a change not yet acknowledged is skipped (the push settles it), an
 * acknowledged push makes the pushed copy the assumed master, a conflict replaces the local copy and is
 * pushed back once. Two ways the pull alone lost the stamp: the pupil reloads before the push is
 * acknowledged (the device pushes the answer again), and the stream's RESYNC makes the device pull while
 * its push awaits the derivation. Either way the device ordered that answer last, after later stamped
 * ones, and disagreed with the node on the next question.
 */
import { describe, expect, it } from 'vitest';
import { nextChallenge } from '../../../shared/src/engine/next-challenge';
import { targetSkillIdsOf } from '../../../shared/src/sync/derive-assessment';
import { orderAssessmentAnswers, sameDocument } from '../../../shared/src/sync/merge';
import type { AnswerDoc, PullResponse, PushResponse } from '../../../shared/src/sync/protocol';
import { challengeIdOf } from '../../../shared/src/testing/builders';
import { centralAndRelay } from '../relay/relay-fixtures';
import { forwardOnce } from '../relay/forwarder';
import { pullSnapshot } from '../relay/relay-loops';
import { testNode } from '../testing/test-node';
import { answerDoc, assessmentDoc, pullAll, push, testIndex, userIdOf, type Headers } from './sync-fixtures';

type Node = Awaited<ReturnType<typeof testNode>>;

/** A device's answers collection as RxDB replicates it (default conflict handler: the node's copy wins). */
class Device {
  readonly local = new Map<string, AnswerDoc>();
  /** what RxDB assumes the node holds (its meta instance): written on acknowledgement, on conflict, on pull */
  private assumed = new Map<string, AnswerDoc>();
  private checkpoint = { seq: 0, id: '' };

  constructor(
    private readonly node: Node,
    private readonly headers: Headers,
  ) {}

  write(doc: AnswerDoc): void {
    this.local.set(doc.id, doc);
  }

  private unacknowledged(): AnswerDoc[] {
    return [...this.local.values()].filter((doc) => {
      const assumed = this.assumed.get(doc.id);
      return !assumed || !sameDocument(assumed, doc);
    });
  }

  /** Sends the unacknowledged answers; `receive` applies the node's answer (skip it: the page reloaded first). */
  async sendPush(): Promise<{ receive: () => void; response: PushResponse<AnswerDoc> }> {
    const rows = this.unacknowledged();
    const { status, body } = await push(this.node.app, this.headers, 'answers', rows);
    expect(status).toBe(200);
    return {
      response: body,
      receive: () => {
        const conflicts = new Map(body.conflicts.map((doc) => [doc.id, doc]));
        for (const doc of rows) {
          const master = conflicts.get(doc.id);
          if (master) {
            // resolved: the node's copy is written locally, and pushed back once (RxDB pushes a resolved conflict)
            this.local.set(doc.id, master);
            this.assumed.delete(doc.id);
          } else this.assumed.set(doc.id, doc);
        }
      },
    };
  }

  /** Pushes until nothing is left to push (a resolved conflict goes back once); returns the number of pushes. */
  async pushAll(): Promise<number> {
    let pushes = 0;
    while (this.unacknowledged().length > 0) {
      (await this.sendPush()).receive();
      pushes++;
      expect(pushes).toBeLessThan(5);
    }
    return pushes;
  }

  async pull(): Promise<void> {
    for (;;) {
      const query = `seq=${this.checkpoint.seq}&id=${encodeURIComponent(this.checkpoint.id)}&limit=100`;
      const page = (await (await this.node.app.request(`/api/sync/answers/pull?${query}`, { headers: this.headers })).json()) as PullResponse<AnswerDoc>;
      for (const master of page.documents) {
        const local = this.local.get(master.id);
        const assumed = this.assumed.get(master.id);
        // RxDB's downstream: a local change not acknowledged yet is the upstream's to settle
        if (local && (!assumed || !sameDocument(assumed, local))) continue;
        this.local.set(master.id, master);
        this.assumed.set(master.id, master);
      }
      if (!page.checkpoint) return;
      this.checkpoint = page.checkpoint;
    }
  }

  /** A reload: the local database stays, the push in flight is lost. */
  reload(): void {}
}

const CHALLENGES = [challengeIdOf('@web', 2), challengeIdOf('@mail', 1), challengeIdOf('@web', 3)];

async function pupil() {
  const node = await testNode({ content: testIndex });
  const headers = await node.login('eleve@demo.pix');
  const userId = userIdOf(node.db, 'eleve@demo.pix');
  const assessment = assessmentDoc({ userId, method: 'SMART_RANDOM' });
  expect((await push(node.app, headers, 'assessments', [assessment])).body.rejected).toEqual([]);
  const device = new Device(node, headers);
  // device times that would put the answers in another order than the node's reception (clock skew)
  const answer = (i: number) =>
    answerDoc({ userId, assessmentId: assessment.id, challengeId: CHALLENGES[i], createdAt: `2026-11-23T09:0${5 - i}:00.000Z`, value: '1', result: 'ok' });
  return { node, headers, assessment, device, answer };
}

const stamps = (docs: Iterable<AnswerDoc>) => new Map([...docs].map((doc) => [doc.id, doc.receivedAt]));
const order = (docs: Iterable<AnswerDoc>) => orderAssessmentAnswers([...docs]).ordered.map((doc) => doc.id);

describe('the push answer gives the device the node’s stamp', () => {
  it('reload before the acknowledgement: the answer pushed again comes back with its first stamp', async () => {
    const { node, headers, assessment, device, answer } = await pupil();
    const first = answer(0);
    device.write(first);
    await device.sendPush(); // stored and stamped by the node, but the page reloads before the answer
    const stamp = node.now().toISOString();
    device.reload();
    node.advance(5_000);
    await device.pull(); // skipped: the local copy was never acknowledged
    expect(device.local.get(first.id)?.receivedAt).toBeUndefined();

    const again = await device.sendPush();
    expect(again.response.conflicts).toEqual([expect.objectContaining({ id: first.id, receivedAt: stamp })]);
    again.receive();
    expect(device.local.get(first.id)?.receivedAt).toBe(stamp);

    // later answers, synced normally: the device orders them as the node does, and asks the same question
    for (const i of [1, 2]) {
      node.advance(5_000);
      device.write(answer(i));
      await device.pushAll();
      await device.pull();
    }
    const atNode = await pullAll<AnswerDoc>(node.app, headers, 'answers');
    expect(stamps(device.local.values())).toEqual(stamps(atNode));
    expect(order(device.local.values())).toEqual(order(atNode));
    const input = { assessmentId: assessment.id, userId: assessment.userId, targetSkillIds: targetSkillIdsOf(testIndex, assessment) ?? [], previousKnowledgeElements: [], method: assessment.method };
    expect(nextChallenge(testIndex, input, orderAssessmentAnswers([...device.local.values()]).effective)).toEqual(
      nextChallenge(testIndex, input, orderAssessmentAnswers(atNode).effective),
    );
  });

  it('pulled while its push awaited the derivation: the acknowledgement itself carries the stamp', async () => {
    const { node, device, answer } = await pupil();
    const first = answer(0);
    device.write(first);
    const pushed = await device.sendPush();
    await device.pull(); // the stream's RESYNC came before the push answer: skipped
    pushed.receive();
    expect(device.local.get(first.id)?.receivedAt).toBe(node.now().toISOString());
  });

  it('the node’s copy pushed back (a resolved conflict) is acknowledged without a conflict: one extra push, no loop', async () => {
    const { node, headers, device, answer } = await pupil();
    device.write(answer(0));
    expect(await device.pushAll()).toBe(2);
    const seqs = node.db.prepare('SELECT id, server_seq FROM answers').all();
    expect(await device.pushAll()).toBe(0);
    // pushing the node's copies again changes nothing there
    expect((await push(node.app, headers, 'answers', [...device.local.values()])).body).toEqual({ conflicts: [], rejected: [] });
    expect(node.db.prepare('SELECT id, server_seq FROM answers').all()).toEqual(seqs);
  });

  it('a copy that differs in what orders answers (a forged stamp or date) gets the node’s copy back', async () => {
    const { node, headers, device, answer } = await pupil();
    device.write(answer(0));
    await device.pushAll();
    const [stored] = device.local.values();
    for (const forged of [{ ...stored, receivedAt: '2020-01-01T00:00:00.000Z' }, { ...stored, createdAt: '2020-01-01T00:00:00.000Z' }, { ...stored, receivedAt: undefined }]) {
      const { body } = await push(node.app, headers, 'answers', [forged]);
      expect(body.conflicts).toEqual([expect.objectContaining({ id: stored.id, receivedAt: stored.receivedAt, createdAt: stored.createdAt })]);
    }
  });

  it('a relay forwarding its stamped copies to central: no conflict when central holds the same', async () => {
    const { central, relay, upstream, loopDeps } = await centralAndRelay();
    await pullSnapshot(loopDeps);
    const school = await relay.login('eleve@demo.pix');
    const userId = userIdOf(central.db, 'eleve@demo.pix');
    const assessment = assessmentDoc({ userId });
    await push(relay.app, school, 'assessments', [assessment]);
    await push(relay.app, school, 'answers', [answerDoc({ userId, assessmentId: assessment.id, challengeId: CHALLENGES[0] })]);
    await forwardOnce(relay.db, upstream, loopDeps.now);
    const [atRelay] = await pullAll<AnswerDoc>(relay.app, school, 'answers');
    const [atCentral] = await pullAll<AnswerDoc>(central.app, await central.login('eleve@demo.pix'), 'answers');
    expect(atCentral.receivedAt).toBe(atRelay.receivedAt);
    const relayHeaders = { authorization: `Bearer ${upstream.token}` };
    expect((await push(central.app, relayHeaders, 'answers', [atRelay])).body).toEqual({ conflicts: [], rejected: [] });
  });
});
