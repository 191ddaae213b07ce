export { permissionModuleItsmPolicy as default } from './module';
