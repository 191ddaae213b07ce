export { EntityRefPicker, EntityRefsPicker } from './EntityRefPicker';
