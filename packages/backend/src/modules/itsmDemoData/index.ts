export { itsmModuleDemoData as default } from './module';
