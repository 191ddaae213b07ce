export { ChangeLink, useChangePath } from './ChangeLink';
