export interface Config {
  /** Demo settings of the development portal. */
  itsmDemo?: {
    /**
     * Sign-in as any demo user (packages/backend/src/modules/demoAuth). Never enable in production.
     * @deepVisibility frontend
     */
    signIn?: {
      /** Offer the demo users on the sign-in page and register the `demo` auth provider. */
      enabled?: boolean;
      /** The catalog users offered; defaults to a built-in list of the demo organisation. */
      users?: Array<{
        /** The User entity name in the default namespace, e.g. `marcus.reed`. */
        name: string;
        /** Shown instead of the name. */
        displayName?: string;
        /** What the user does in the demo, e.g. `Change manager, CAB, ECAB`. */
        role?: string;
      }>;
    };
  };
}
