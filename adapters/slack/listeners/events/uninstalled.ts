/**
 * A workspace that removes the app (app_uninstalled), or revokes its bot token
 * (tokens_revoked), loses its installation at once: no token of theirs is kept. Bolt runs
 * these two events without authorizing them, since the token is already gone. The
 * workspace's records stay under the store's retention, as README says.
 */
import type { AllMiddlewareArgs, InstallationStore, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../../src/log.js';

type UninstallArgs = SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs;

export function uninstalledCallback(installations: InstallationStore, logger: Logger) {
  return async ({ event, context }: UninstallArgs): Promise<void> => {
    // A user token revoked leaves the bot's installation as it was.
    if (event.type === 'tokens_revoked' && !event.tokens.bot?.length) return;
    const query = {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall ?? false,
    };
    await installations.deleteInstallation?.(query);
    logger.info(
      { team: context.teamId, enterprise: context.enterpriseId, event: event.type },
      'slack: installation removed',
    );
  };
}
