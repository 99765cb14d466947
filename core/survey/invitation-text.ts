/** The invitation mail: Swedish first, then English, addressed to a role (never a person). */
export function invitationMail(
  organisation: string,
  role: string | null,
  title: string,
  closesAt: string,
  url: string,
): { subject: string; text: string } {
  const to = role ? `${role}, ${organisation}` : organisation;
  return {
    subject: `Enkät om samverkan i kompetensförsörjningen: ${title} / Survey on skills-supply cooperation`,
    text: [
      `Till ${to}`,
      '',
      `Vi kartlägger samverkan kring kompetensförsörjningen i länet och ber er bekräfta, rätta eller komplettera de band vi har registrerade för er organisation. Svara senast ${closesAt} via länken nedan. Länken är personlig för organisationen; svaren kan ändras tills enkäten stänger.`,
      '',
      url,
      '',
      `To ${to}: we are mapping cooperation on skills supply in the county and ask you to confirm, correct or add to the ties registered for your organisation. Please answer by ${closesAt} using the link above. The link is for your organisation; answers can be changed until the survey closes.`,
    ].join('\n'),
  };
}
