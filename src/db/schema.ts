/**
 * The database as Kysely sees it (camelCase; columns are snake_case).
 * Each capability declares its tables in `tables/<capability>.ts`.
 */
import type { FoundationTables } from './tables/foundation.js';
import type { InteractionTables } from './tables/interaction.js';
import type { PublishingTables } from './tables/publishing.js';
import type { ReportsTables } from './tables/reports.js';
import type { RequestsTables } from './tables/requests.js';
import type { SecurityTables } from './tables/security.js';
import type { SearchTables } from './tables/search.js';
import type { SolicitationTables } from './tables/solicitations.js';
import type { ConcernTables } from './tables/concerns.js';
import type { ServicesTables } from './tables/services.js';
import type { ServiceComplaintTables } from './tables/service-complaints.js';
import type { PressRecordTables } from './tables/press-records.js';
import type { FaqTables } from './tables/faq.js';

export interface DB extends FoundationTables, PublishingTables, RequestsTables, ReportsTables, InteractionTables, SecurityTables, SearchTables,
  SolicitationTables, ConcernTables, ServicesTables, ServiceComplaintTables, PressRecordTables, /* 便民问答 */ FaqTables {}
