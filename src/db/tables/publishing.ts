/** Tables of 主动公开 (see migrations/0002_publishing.ts). */
export interface PublishingTables {}
