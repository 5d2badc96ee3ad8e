/**
 * Telling people things: e-mail through SMTP (SMTP_URL; none configured → nothing is sent) and SMS
 * through a gateway behind `SmsDriver` (SMS_DRIVER; `log`, the default, only writes the text to the log).
 * Slices call `notifierFor(config)`; they never talk to a transport themselves.
 */
import nodemailer from 'nodemailer';
import type { AppConfig } from '../config.js';

export interface SmsDriver {
  send(to: string, text: string): Promise<void>;
}

/** Writes each SMS to the log instead of sending it (and keeps the last ones for tests and the console). */
export class LoggingSmsDriver implements SmsDriver {
  readonly sent: { to: string; text: string }[] = [];
  constructor(private readonly log: (line: string) => void = () => {}) {}
  async send(to: string, text: string): Promise<void> {
    this.sent.push({ to, text });
    if (this.sent.length > 100) this.sent.shift();
    this.log(`SMS to ${to.slice(0, 3)}****: ${text}`);
  }
}

export interface Notifier {
  /** Whether e-mail can go out at all. */
  readonly mailConfigured: boolean;
  email(to: string, subject: string, text: string): Promise<void>;
  sms(to: string, text: string): Promise<void>;
  readonly smsDriver: SmsDriver;
}

function createNotifier(config: AppConfig): Notifier {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const smsDriver: SmsDriver = new LoggingSmsDriver();
  return {
    mailConfigured: !!transport,
    smsDriver,
    async email(to, subject, text) {
      if (!transport) return;
      await transport.sendMail({ from: config.mailFrom, to, subject, text });
    },
    async sms(to, text) {
      await smsDriver.send(to, text);
    },
  };
}

const notifiers = new WeakMap<AppConfig, Notifier>();

/** One notifier per configuration (one SMTP connection pool per process). */
export function notifierFor(config: AppConfig): Notifier {
  let n = notifiers.get(config);
  if (!n) notifiers.set(config, (n = createNotifier(config)));
  return n;
}
