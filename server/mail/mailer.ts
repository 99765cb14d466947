import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Optional sending of invitations by SMTP, configured by the environment: `AKTORSATLAS_SMTP_URL`
 * (smtp://user:password@host:port, or smtps://…) and `AKTORSATLAS_MAIL_FROM`. Without them the app only shows the
 * links (and the CSV for a mail merge).
 */
export interface MailConfig {
  url: string;
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function mailConfigFromEnv(env: NodeJS.ProcessEnv): MailConfig | undefined {
  const url = env.AKTORSATLAS_SMTP_URL;
  const from = env.AKTORSATLAS_MAIL_FROM;
  return url && from ? { url, from } : undefined;
}

export function smtpMailer(config: MailConfig): Mailer {
  // Short timeouts: a dead mail server must not hold an editor's request for minutes.
  const transport: Transporter = nodemailer.createTransport(config.url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
