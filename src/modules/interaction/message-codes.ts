/** The code lists of messages (来信), in the order of their words in LABELS: zod enums and statistics use them. */
import type { MessageChannel, MessageRating, MessageStatus, MessageType } from '../../db/tables/interaction.js';
import { LABELS } from '../../domain/labels.js';

export const MESSAGE_TYPES = Object.keys(LABELS.messageType) as [MessageType, ...MessageType[]];
export const MESSAGE_CHANNELS = Object.keys(LABELS.messageChannel) as [MessageChannel, ...MessageChannel[]];
export const MESSAGE_STATUSES = Object.keys(LABELS.messageStatus) as [MessageStatus, ...MessageStatus[]];
export const MESSAGE_RATINGS = Object.keys(LABELS.messageRating) as [MessageRating, ...MessageRating[]];
