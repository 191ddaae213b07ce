/**
 * Types, zod schemas, permissions and the pure ITSM domain rules shared by the
 * ITSM frontend and backend plugins. Nothing here does I/O.
 *
 * @packageDocumentation
 */

export * from './records';
export * from './annotations';
export * from './errors';
export * from './permissions';
export * from './calendar';
export * from './priority';
export * from './sla';
export * from './incidents';
export * from './changes';
export * from './problems';
export * from './satisfaction';
export * from './complaints';
export * from './reviews';
export * from './improvements';
export * from './cmdb';
export * from './health';
export * from './slm';
export * from './signals';
export * from './impact';
