import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_publishing.js';
import * as m0003 from './0003_requests.js';
import * as m0004 from './0004_reports.js';
import * as m0005 from './0005_interaction.js';
import * as m0006 from './0006_request_handling.js';
import * as m0007 from './0007_rate_limits.js';
import * as m0008 from './0008_catalog_browse_indexes.js';
import * as m0009 from './0009_item_versions.js';
import * as m0010 from './0010_security.js';
import * as m0011 from './0011_request_pause_due_dates.js';
import * as m0015 from './0015_search.js';
// 意见征集 (issue 13)
import * as m0013 from './0013_consultation_drafts.js';
// 回应关切 (issue 13)
import * as m0014 from './0014_concerns.js';
import * as m0016 from './0016_services.js';
import * as m0012 from './0012_messages.js';
// 回应关切: press records (issue 13)
import * as m0017 from './0017_press_records.js';
import * as m0019 from './0019_service_complaints.js';
import * as m0022 from './0022_search_dates.js';
// 便民问答 and interaction indexes (issue 13)
import * as m0018 from './0018_faq.js';
import * as m0020 from './0020_service_case_monthly.js';
import * as m0021 from './0021_staff_email.js';

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_publishing': m0002,
  '0003_requests': m0003,
  '0004_reports': m0004,
  '0005_interaction': m0005,
  '0006_request_handling': m0006,
  '0007_rate_limits': m0007,
  '0008_catalog_browse_indexes': m0008,
  '0009_item_versions': m0009,
  '0010_security': m0010,
  '0011_request_pause_due_dates': m0011,
  '0015_search': m0015,
  // 意见征集 (issue 13)
  '0013_consultation_drafts': m0013,
  // 回应关切 (issue 13)
  '0014_concerns': m0014,
  '0016_services': m0016,
  '0012_messages': m0012,
  // 回应关切: press records (issue 13)
  '0017_press_records': m0017,
  // 政务服务投诉登记 (issue 14)
  '0019_service_complaints': m0019,
  // 便民问答 and interaction indexes (issue 13)
  '0018_faq': m0018,
  // 政务服务 monthly figures (issue 14)
  '0020_service_case_monthly': m0020,
  // staff e-mail for message reminders (issue 13)
  '0021_staff_email': m0021,
  // 全站搜索: publication-date and dictionary-term lexemes (issue 15)
  '0022_search_dates': m0022,
};
