import { invitationMail } from '../../core/survey/invitation-text.js';
import { problem } from '../../core/model/problems.js';
import { ApiProblem } from '../problems.js';
import type { SurveyRounds } from '../survey/rounds.js';
import type { Mailer } from './mailer.js';

export interface SendResult {
  sent: string[];
  /** Respondents without a mail address: their links come from the invitations call or its CSV. */
  withoutAddress: string[];
  /** The mail server refused or could not be reached; send again to issue new links. */
  failed: string[];
}

const notConfigured = () =>
  new ApiProblem(409, 'mail_not_configured', 'Sending needs AKTORSATLAS_SMTP_URL and AKTORSATLAS_MAIL_FROM', [
    problem(
      '',
      'mail_not_configured',
      'Servern är inte inställd för att skicka e-post. Använd länkarna eller CSV-filen för utskick.',
      'The server is not set up to send mail. Use the links or the CSV file for a mail merge.',
    ),
  ]);

/** Issues new links for the respondents with a mail address (all, or `nodeIds`) and mails each its link. */
export async function sendInvitations(
  rounds: SurveyRounds,
  mailer: Mailer | undefined,
  id: string,
  nodeIds: string[] | undefined,
  baseUrl: string,
): Promise<SendResult> {
  if (!mailer) throw notConfigured();
  const survey = await rounds.get(id);
  const respondents = await rounds.surveys.listRespondents(id);
  const chosen = respondents.filter((r) => !nodeIds || nodeIds.includes(r.nodeId));
  const withAddress = chosen.filter((r) => r.email !== null).map((r) => r.nodeId);
  const result: SendResult = {
    sent: [],
    withoutAddress: chosen.filter((r) => r.email === null).map((r) => r.nodeId),
    failed: [],
  };
  if (withAddress.length === 0) return result;
  const issued = await rounds.invite(id, withAddress, baseUrl);
  const names = await rounds.names(withAddress);
  for (const x of issued) {
    const mail = invitationMail(
      names.get(x.nodeId) ?? x.nodeId,
      x.respondent.role,
      survey.title,
      survey.closesAt,
      x.url,
    );
    try {
      await mailer.send({ to: x.respondent.email!, ...mail });
      result.sent.push(x.nodeId);
    } catch {
      result.failed.push(x.nodeId);
    }
  }
  return result;
}
