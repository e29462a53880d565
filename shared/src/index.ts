/**
 * Public API of the pure domain package, for client/, server/ and scripts/.
 * Content model and pack loading, answer matching, knowledge elements and scoring, campaign results,
 * and the entry points of the adaptive engines (their internals stay behind `engine/`).
 * Test-data builders are not exported here: import `shared/src/testing/builders` from tests.
 */

// content model
export type * from './model/types';
export * from './model/referential';
export * from './model/pack-index';
export * from './model/pix-values';
export * from './model/irt-defaults';
export * from './model/proposals';
export * from './model/schemas';
export * from './model/load-pack';

// answer matching
export * from './matching/match-answer';
export * from './matching/correction';
export * from './matching/treatments';
export * from './matching/levenshtein';
export * from './matching/yaml-map';
export * from './matching/match-choices';
export * from './matching/match-qroc';
export * from './matching/match-qrocm';

// knowledge elements and scoring
export * from './scoring/knowledge-elements';
export * from './scoring/competence-score';
export * from './scoring/scorecards';
export * from './scoring/delays';
export * from './scoring/time';
export * from './scoring/user-knowledge';

// campaign results
export * from './campaign/campaign-skills';
export * from './campaign/stages';
export * from './campaign/badges';
export * from './campaign/mastery-stats';
export * from './campaign/recommended-tubes';
export * from './campaign/participant-results';

// adaptive engines (owned by the engines module) and seeded randomness
export { nextChallenge } from './engine/next-challenge';
export type * from './engine/types';
export * from './engine/checkpoint';
export * from './engine/flash/capacity-to-score';
export * from './random/seeded-rng';
export * from './random/hash-int';

// sync protocol (documents, schemas, merge rules, what a node derives from an assessment)
export * from './sync';
