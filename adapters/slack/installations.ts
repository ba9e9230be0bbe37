/**
 * Slack distribution: Bolt's OAuth flow (/slack/install, /slack/oauth_redirect) keeps each
 * workspace's installation in the project's store, sealed, through these two Bolt
 * extension points. Every instance behind a load balancer shares them, so an install
 * started on one instance finishes on another, and each workspace is answered with its
 * own token.
 *
 *   const store = slackInstallationStore(new Installations(db, box));
 *   const states = oneTimeStateStore(stateSecret, new OneTimeStates(db));
 */
import type { Installation, InstallationQuery, InstallationStore, InstallURLOptions, StateStore } from '@slack/bolt';
// A CommonJS package whose state-store exports Node's ESM loader cannot see by name.
import oauth from '@slack/oauth';
import type { Installations, OneTimeStates } from '../../src/store/installations.js';

/** How long an install link's state stays good: Bolt's default for its state cookie. */
export const STATE_TTL_SECONDS = 600;

/**
 * How long an instance answers a workspace with the installation it last read, before reading
 * it again. Every request is authorized; without this each one queued a read behind the
 * store's small pool, and under load (npm run load on PostgreSQL) hundreds timed out waiting
 * and went unanswered. An uninstall on this instance is seen at once; on another, within this
 * time (and Slack refuses the revoked token meanwhile).
 */
export const INSTALLATION_REREAD_MS = 60_000;

/** The tenant an installation belongs to: its workspace, or its organisation for an org-wide install. */
export function slackTenant(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  const id = q.isEnterpriseInstall ? q.enterpriseId : q.teamId;
  if (!id) throw new Error('slack: an installation without a workspace or organisation id');
  return `slack:${id}`;
}

export function slackInstallationStore(installs: Installations, now = Date.now): InstallationStore {
  type Read = { installation: Installation<'v1' | 'v2', boolean>; at: number };
  /** The installations this instance read last, by tenant. */
  const known = new Map<string, Read>();
  return {
    async storeInstallation(installation) {
      const tenant = slackTenant({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      known.delete(tenant);
      await installs.save(tenant, installation);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const tenant = slackTenant(query);
      const last = known.get(tenant);
      if (last && now() - last.at < INSTALLATION_REREAD_MS) return last.installation;
      let found: Read['installation'] | undefined;
      try {
        found = await installs.get<Read['installation']>(tenant);
      } catch (err) {
        // The store is failing: the installation read last still answers (answering never needs the store).
        if (last) return last.installation;
        throw err;
      }
      // Bolt's authorize turns this into "Authorization of incoming event did not succeed", and acks.
      if (!found) {
        known.delete(tenant);
        throw new Error(`no installation for ${tenant}`);
      }
      known.set(tenant, { installation: found, at: now() });
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      known.delete(slackTenant(query));
      await installs.remove(slackTenant(query));
    },
  };
}

/**
 * Bolt's signed state (ClearStateStore, keyed with SLACK_STATE_SECRET), honoured once: a
 * state is remembered when the install link is made and forgotten when it is used, so a
 * replayed redirect is refused even within the ten minutes its signature is good for.
 */
export function oneTimeStateStore(stateSecret: string, states: OneTimeStates): StateStore {
  const signed = new oauth.ClearStateStore(stateSecret, STATE_TTL_SECONDS);
  return {
    async generateStateParam(installOptions: InstallURLOptions, now: Date) {
      const state = await signed.generateStateParam(installOptions, now);
      await states.remember(state, STATE_TTL_SECONDS);
      return state;
    },
    async verifyStateParam(now: Date, state: string) {
      const options = await signed.verifyStateParam(now, state);
      if (!(await states.use(state))) throw new oauth.InvalidStateError('The state parameter was already used.');
      return options;
    },
  };
}
