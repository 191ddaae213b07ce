/**
 * The ITSM backend plugin for Backstage.
 *
 * @packageDocumentation
 */

export { itsmPlugin as default } from './plugin';
