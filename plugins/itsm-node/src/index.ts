/**
 * Node library of the ITSM backend plugin: extension points for backend modules.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './imports';
