import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import {
  demoAuthenticator,
  demoProfileTransform,
  signInAsDemoUser,
} from './authenticator';

/**
 * The `demo` sign-in provider of the development portal: sign in as any User entity of the demo
 * catalog by naming it in the `x-itsm-demo-user` header, so one person in one browser can walk
 * every journey (requester, change manager, CAB member, ...). Registered only when
 * `itsmDemo.signIn.enabled` is true; the auth plugin then serves it when `auth.providers.demo`
 * is configured.
 */
export const authModuleDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        if (!config.getOptionalBoolean('itsmDemo.signIn.enabled')) {
          return;
        }
        logger.warn(
          'Demo sign-in is enabled: anyone reaching this backend can sign in as any catalog user',
        );
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            profileTransform: demoProfileTransform,
            signInResolver: signInAsDemoUser,
          }),
        });
      },
    });
  },
});
