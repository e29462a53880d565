/** Public API of the sync module (protocol, schemas, merge rules, derivations). */
export * from './protocol';
export * from './schemas';
export * from './merge';
export * from './derive-assessment';
