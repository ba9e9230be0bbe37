/**
 * Who is a moderator on Slack: workspace admins and owners, and the configured moderators.
 * SLACK_MODERATORS lists user ids (U…/W…) and may name user groups (S…), whose members
 * count as moderators. Moderators may run "Check claims" (it posts verdicts in other
 * people's threads) and `/crosscheck report`, `review` and `channel`.
 */
import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

export const notAModerator = (checkCommand: string) =>
  `Only workspace admins and the moderators this bot was set up with can run *Check claims* on a message. You can check a claim yourself with ${checkCommand}.`;

export async function isSlackModerator(client: WebClient, user: string, moderators: string[]): Promise<boolean> {
  if (moderators.includes(user)) return true;
  const info = await client.users.info({ user });
  if (info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner) return true;
  for (const group of moderators.filter((m) => m.startsWith('S'))) {
    const members = await client.usergroups.users.list({ usergroup: group });
    if (members.users?.includes(user)) return true;
  }
  return false;
}
