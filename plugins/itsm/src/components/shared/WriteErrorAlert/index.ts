export { WriteErrorAlert } from './WriteErrorAlert';
export { isStaleVersion, serverMessageOf, statusCodeOf } from './errors';
