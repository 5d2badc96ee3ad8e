/**
 * The platform's periodic work, one entry per job. A capability adds its own jobs here (one line each),
 * written as a function of its service that takes the context.
 */
import type { Checkpoint } from '../modules/audit/audit-chain.js';
import { CHECKPOINT_INTERVAL_MS, writeAuditCheckpoint } from '../modules/audit/audit-integrity.service.js';
import { purgeIdleSessions } from '../modules/auth/auth.service.js';
import { purgeExpiredLoginGuards } from '../modules/auth/login-guard.service.js';
import { sweepOrphanBlobs } from '../modules/platform/blob-sweep.service.js';
import { purgeExpiredChallenges } from '../modules/platform/challenge.repository.js';
import { purgeExpiredHits } from '../modules/platform/rate-limits.repository.js';
import { publishScheduledItems } from '../modules/publishing/publishing.service.js';
import { queueReindexIfStale, runQueuedReindex } from '../modules/search/search.service.js';
// 意见征集 (issue 13)
import { closeEndedDrafts } from '../modules/solicitations/solicitations.service.js';
import { escalateDeemedApprovals } from '../modules/services/cases.service.js';
import { remindMessages } from '../modules/interaction/messages-reminders.service.js';
import type { BackgroundJob } from './background-jobs.js';

const HOUR = 3600_000;

interface Log {
  info(obj: object, msg: string): void;
}

export function platformJobs(log: Log): BackgroundJob[] {
  return [
    // Expired sessions, rate-limit counters, spent challenges and sign-in counters are refused or restarted on
    // use regardless; removing them hourly keeps the tables small.
    { name: 'purge-sessions', everyMs: HOUR, run: (ctx) => purgeIdleSessions(ctx) },
    { name: 'purge-rate-limits', everyMs: HOUR, run: (ctx) => purgeExpiredHits(ctx.db) },
    { name: 'purge-challenges', everyMs: HOUR, run: (ctx) => purgeExpiredChallenges(ctx.db, ctx.now()) },
    { name: 'purge-login-guards', everyMs: HOUR, run: (ctx) => purgeExpiredLoginGuards(ctx) },
    {
      name: 'sweep-orphan-blobs', everyMs: HOUR,
      run: async (ctx) => {
        const { deleted } = await sweepOrphanBlobs(ctx);
        if (deleted.length) log.info({ deleted: deleted.length }, 'orphan blobs deleted');
      },
    },
    // The audit chain's head is signed every few minutes (audit-integrity.service.ts) and written to the log.
    {
      name: 'audit-checkpoint', everyMs: CHECKPOINT_INTERVAL_MS,
      run: (ctx) => writeAuditCheckpoint(ctx, (checkpoint: Checkpoint) => log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint')),
    },
    // Scheduled items become public on time (feeds, sitemap, search, the console's 定时发布 list) even when
    // nobody reads a public page; at start, those that fell due while the platform was down.
    {
      name: 'publish-scheduled', everyMs: 30_000, runAtStart: true,
      run: async (ctx) => {
        const published = await publishScheduledItems(ctx);
        if (published) log.info({ published }, 'scheduled items published');
      },
    },
    // 全站搜索: a full reindex queued from the console (or by migration 0015) runs here, its progress in the console.
    { name: 'search-reindex', everyMs: 5000, runAtStart: true, run: async (ctx) => { await queueReindexIfStale(ctx); return runQueuedReindex(ctx); } },
    // 意见征集 (issue 13): drafts whose comment period has run are marked 已截止 (pages already show them so).
    { name: 'close-solicitations', everyMs: HOUR, runAtStart: true, run: async (ctx) => { await closeEndedDrafts(ctx); } },
    // 政务服务: 逾期视为同意 — cases of such items past their promised limit go to the centre, marked.
    {
      name: 'service-deemed-approval', everyMs: HOUR, runAtStart: true,
      run: async (ctx) => {
        const escalated = await escalateDeemedApprovals(ctx);
        if (escalated) log.info({ escalated }, 'service cases escalated (deemed approval)');
      },
    },
    // 互动交流: reminders 2 working days before a message's reply is due, and overdue flags.
    {
      name: 'message-reminders', everyMs: HOUR, runAtStart: true,
      run: async (ctx) => {
        const done = await remindMessages(ctx);
        if (done.reminded || done.overdue) log.info(done, 'message reminders');
      },
    },
  ];
}
