/**
 * Gateway payloads shaped as Discord documents them (discord-api-types v10): the bot user,
 * a guild with a text channel and a thread, and INTERACTION_CREATE data for slash
 * commands, autocomplete and message commands.
 */
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandInteraction,
  type APIApplicationCommandAutocompleteInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  type RoleFlags,
  type GatewayGuildCreateDispatchData,
} from 'discord.js';

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A fresh snowflake: milliseconds since Discord's epoch, then a counter. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment);
}

/** A guild id that Discord's formula (id >> 22) % count puts on `shard`. */
export function guildIdOnShard(shard: number, count: number): string {
  const ms = BigInt(Date.now()) - DISCORD_EPOCH;
  const t = ms - (ms % BigInt(count)) + BigInt(shard);
  return String((t << 22n) | 1n);
}

export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export function user(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

const p = PermissionFlagsBits;
/** An ordinary member: can read, talk and use commands. */
export const MEMBER_PERMISSIONS = String(
  p.ViewChannel | p.SendMessages | p.SendMessagesInThreads | p.ReadMessageHistory | p.UseApplicationCommands,
);
/** A moderator: a member who may also manage messages. */
export const MODERATOR_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | p.ManageMessages);
const APP_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | p.EmbedLinks);

export interface GuildFixture {
  id: string;
  name: string;
  channelId: string;
  threadId: string;
}

export function guildFixture(id = snowflake()): GuildFixture {
  return { id, name: `Guild ${id}`, channelId: snowflake(), threadId: snowflake() };
}

export function guildCreate(g: GuildFixture, ownerId: string): GatewayGuildCreateDispatchData {
  const joined = new Date().toISOString();
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    region: 'en-US',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      {
        id: g.id,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: MEMBER_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0 as RoleFlags,
      },
    ],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: joined,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [],
    channels: [
      {
        id: g.channelId,
        type: ChannelType.GuildText,
        guild_id: g.id,
        name: 'general',
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
    ],
    threads: [
      {
        id: g.threadId,
        type: ChannelType.PublicThread,
        guild_id: g.id,
        parent_id: g.channelId,
        name: 'arms deals',
        owner_id: ownerId,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 1,
        member_count: 1,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: joined, locked: false },
        total_message_sent: 1,
      },
    ],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface Actor {
  user: APIUser;
  permissions: string;
}

export interface Where {
  guild: GuildFixture;
  /** The thread instead of the guild's text channel. */
  inThread?: boolean;
}

/** What every guild interaction carries: who, where, and the token to answer with. */
function base(applicationId: string, actor: Actor, where: Where) {
  const { guild, inThread } = where;
  const channel = inThread
    ? {
        id: guild.threadId,
        type: ChannelType.PublicThread as const,
        guild_id: guild.id,
        parent_id: guild.channelId,
        name: 'arms deals',
        flags: 0,
      }
    : { id: guild.channelId, type: ChannelType.GuildText as const, guild_id: guild.id, name: 'general', flags: 0 };
  return {
    id: snowflake(),
    application_id: applicationId,
    token: `aW50ZXJhY3Rpb24${snowflake()}`,
    version: 1 as const,
    guild_id: guild.id,
    guild: { id: guild.id, locale: Locale.EnglishUS, features: [] },
    channel,
    channel_id: channel.id,
    member: {
      user: actor.user,
      roles: [],
      permissions: actor.permissions,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      banner: null,
      premium_since: null,
      pending: false,
    },
    app_permissions: APP_PERMISSIONS,
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export type Option = APIApplicationCommandInteractionDataBasicOption;
export const stringOption = (name: string, value: string): Option => ({
  name,
  type: ApplicationCommandOptionType.String,
  value,
});
export const booleanOption = (name: string, value: boolean): Option => ({
  name,
  type: ApplicationCommandOptionType.Boolean,
  value,
});

export function chatInput(
  applicationId: string,
  name: string,
  options: Option[],
  actor: Actor,
  where: Where,
): APIChatInputApplicationCommandInteraction {
  return {
    ...base(applicationId, actor, where),
    type: InteractionType.ApplicationCommand,
    data: { id: snowflake(), name, type: ApplicationCommandType.ChatInput, options, guild_id: where.guild.id },
  };
}

export function autocomplete(
  applicationId: string,
  name: string,
  option: string,
  typed: string,
  actor: Actor,
  where: Where,
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(applicationId, actor, where),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      options: [{ name: option, type: ApplicationCommandOptionType.String, value: typed, focused: true }],
      guild_id: where.guild.id,
    },
  };
}

export function message(channelId: string, author: APIUser, content: string): APIMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    components: [],
  };
}

export function messageCommand(
  applicationId: string,
  name: string,
  target: APIMessage,
  actor: Actor,
  where: Where,
): APIMessageApplicationCommandInteraction {
  return {
    ...base(applicationId, actor, where),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
      guild_id: where.guild.id,
    },
  };
}

/** A subcommand with its options, e.g. /crosscheck report days:30. */
export function subcommand(name: string, options: Option[] = []): Option {
  return { name, type: ApplicationCommandOptionType.Subcommand, options } as unknown as Option;
}

export const integerOption = (name: string, value: number): Option => ({
  name,
  type: ApplicationCommandOptionType.Integer,
  value,
});

/** A click on a button of `message` (a message the bot sent; ephemeral ones carry flags 64). */
export function buttonClick(
  applicationId: string,
  customId: string,
  clicked: APIMessage,
  actor: Actor,
  where: Where,
): APIMessageComponentButtonInteraction {
  return {
    ...base(applicationId, actor, where),
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message: clicked,
  };
}

/** A submitted modal: one labelled text input per value, as Discord sends Label components. */
export function modalSubmit(
  applicationId: string,
  customId: string,
  values: Record<string, string>,
  actor: Actor,
  where: Where,
  from?: APIMessage,
): APIModalSubmitInteraction {
  let id = 0;
  const components = Object.entries(values).map(([custom_id, value]) => ({
    type: ComponentType.Label,
    id: ++id,
    component: { type: ComponentType.TextInput, id: ++id, custom_id, value },
  }));
  return {
    ...base(applicationId, actor, where),
    type: InteractionType.ModalSubmit,
    data: { custom_id: customId, components } as unknown as APIModalSubmitInteraction['data'],
    ...(from ? { message: from } : {}),
  };
}

/** The message the bot's reply became, to click its buttons: what Discord would hand back. */
export function sentMessage(
  channelId: string,
  author: APIUser,
  body: { content?: string; embeds?: unknown[]; components?: unknown[]; flags?: number },
): APIMessage {
  return {
    ...message(channelId, author, body.content ?? ''),
    embeds: (body.embeds ?? []) as APIMessage['embeds'],
    components: (body.components ?? []) as APIMessage['components'],
    flags: body.flags ?? 0,
  };
}

/** A guild interaction as made above: who sent it is its member. */
type GuildInteraction = { member?: { user: APIUser } };

/**
 * The interaction as Discord sends it when a member added the app to their own account and
 * runs a command in a server the bot is not in: only the user install authorizes it.
 */
export function fromUserInstall<T extends GuildInteraction>(interaction: T): T {
  return {
    ...interaction,
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: interaction.member!.user.id },
    // A user install acts with the member's rights, not the bot's.
    app_permissions: String(p.ViewChannel | p.SendMessages | p.EmbedLinks | p.UseApplicationCommands),
  };
}

/**
 * The interaction as sent from a DM with the bot (BotDM) or a DM or group DM between users
 * (PrivateChannel): no guild, no member, the user alone.
 */
export function fromDirectMessage<T extends GuildInteraction>(
  interaction: T,
  context: InteractionContextType.BotDM | InteractionContextType.PrivateChannel,
): object {
  const {
    guild_id: _g,
    guild: _guild,
    member,
    guild_locale: _l,
    ...rest
  } = interaction as T & {
    guild_id?: string;
    guild?: object;
    guild_locale?: string;
    data?: object;
  };
  const who = member!.user;
  const channelId = snowflake();
  const channel =
    context === InteractionContextType.BotDM
      ? { id: channelId, type: ChannelType.DM as const, flags: 0, recipients: [who] }
      : { id: channelId, type: ChannelType.GroupDM as const, flags: 0, recipients: [who], name: 'friends' };
  const data =
    'data' in rest && rest.data && 'guild_id' in rest.data ? { ...rest.data, guild_id: undefined } : undefined;
  return {
    ...rest,
    ...(data ? { data } : {}),
    user: who,
    channel,
    channel_id: channelId,
    context,
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: who.id },
  };
}
