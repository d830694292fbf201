// The site's pre-chat form as the widget asks it: whether it is due, and which fields it shows.
// The server checks the answers (visitor.prechat, then every new chat); this only decides what to show.

/** The form's fields the visitor sees, in order: 'name', 'email' (those not switched off). */
export function askedFields(form) {
  return ['name', 'email'].filter((f) => form && (form[f] === 'optional' || form[f] === 'required'));
}

/**
 * Whether the panel shows the form instead of the composer: the site asks one, the visitor is not
 * a verified user, has not answered it in this session, and is not in (or starting) a chat.
 */
export function prechatDue({ form, verified, answered, chatting, starting }) {
  return !!form && form.enabled === true && !verified && !answered && !chatting && !starting;
}

/** The answers as the server takes them: blank fields left out, consent as a boolean. */
export function prechatAnswers(form, values) {
  const answers = { consent: values.consent === true };
  for (const f of askedFields(form)) {
    const v = typeof values[f] === 'string' ? values[f].trim() : '';
    if (v) answers[f] = v;
  }
  return answers;
}
