export * from './serviceHealth';
