export { MultiFilter, orAny } from './MultiFilter';
