import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

const DemoSignInPageExtension = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { DemoSignInPage } = await import('./DemoSignInPage');
      return props => <DemoSignInPage {...props} />;
    },
  },
});

/** Replaces the app's sign-in page with Guest plus the demo users (`itsmDemo.signIn`). */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [DemoSignInPageExtension],
});
