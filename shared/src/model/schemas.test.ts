import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import { buildAnswer, buildPack } from '../testing/builders';
import { answerEventSchema, challengeSchema, contentPackSchema, skillSchema, targetProfileSchema } from './schemas';
import type { AnswerEvent, Challenge, ContentPack, Skill, TargetProfile } from './types';

describe('schemas match the model types', () => {
  it('infers the types of types.ts', () => {
    expectTypeOf<z.output<typeof challengeSchema>>().toEqualTypeOf<Challenge>();
    expectTypeOf<z.output<typeof skillSchema>>().toEqualTypeOf<Skill>();
    expectTypeOf<z.output<typeof targetProfileSchema>>().toEqualTypeOf<TargetProfile>();
    expectTypeOf<z.output<typeof answerEventSchema>>().toEqualTypeOf<AnswerEvent>();
    expectTypeOf<z.output<typeof contentPackSchema>>().toEqualTypeOf<ContentPack>();
  });

  it('accepts a built pack and answer, rejects a bad one', () => {
    expect(contentPackSchema.safeParse(buildPack({ competences: [{ tubes: [{ name: '@a', levels: [1] }] }] })).success).toBe(true);
    expect(answerEventSchema.safeParse(buildAnswer()).success).toBe(true);
    expect(answerEventSchema.safeParse({ ...buildAnswer(), createdAt: 'hier' }).success).toBe(false);
  });
});
