export { Fact, RefOrUnset, Unset } from './Fact';
