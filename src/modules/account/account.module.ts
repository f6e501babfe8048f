import type { AppModule } from '../../platform/module.ts';
import type { OidcProvider } from '../../platform/oidc-providers.ts';
import { accountPages } from './account.pages.tsx';
import { accountRoutes } from './account.routes.ts';
import type { SignInSettings } from './account.service.ts';
import type { OidcSettings } from './oidc.service.ts';

/** What signing in needs: throttling, session limits, the public address, and the partners' identity providers. */
export interface AccountSettings extends SignInSettings, OidcSettings {
  readonly oidcProviders: readonly OidcProvider[];
}

export const accountModule: AppModule<AccountSettings> = async (app, options) => {
  await app.register(accountPages, options);
  await app.register(accountRoutes, options);
};
