export { Fact, Unset } from './Fact';
