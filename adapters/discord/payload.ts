/**
 * The shape of what the bot sends Discord, in discord-api-types' own types, so a misshaped
 * payload does not compile. Our embeds always carry a fields list, and every payload says
 * that nothing in it may ping anyone.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
  MessageFlags,
} from 'discord-api-types/v10';

export type DiscordEmbedField = APIEmbedField;
export type DiscordEmbed = APIEmbed & { fields: APIEmbedField[] };
export type DiscordActionRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export type DiscordReplyPayload = Omit<
  APIInteractionResponseCallbackData,
  'embeds' | 'components' | 'allowed_mentions' | 'flags'
> & {
  embeds: DiscordEmbed[];
  /** Set only to make a reply ephemeral. */
  flags?: MessageFlags.Ephemeral;
  /** Rows of buttons: the feedback row under an answer, the review buttons. They take no embed space. */
  components?: DiscordActionRow[];
  /** Always empty: nothing the bot says can ping anyone, whatever a user typed. */
  allowed_mentions: { parse: [] };
};

/** Only the person who asked sees the reply. */
export const EPHEMERAL = MessageFlags.Ephemeral;
