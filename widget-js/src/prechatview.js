// The pre-chat form in the panel: the fields the site asks, its consent line with a link to the
// site's privacy page, and what is stored for how long. Built with DOM calls; texts by textContent.

import { el } from './dom.js';
import { askedFields } from './prechat.js';

/** A link only to an http(s) page; anything else stays out of the form. */
function privacyHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function markRequired(input, required) {
  if (required) input.setAttribute('aria-required', 'true');
  else input.removeAttribute('aria-required');
}

export function createPrechatForm(s, submit) {
  const name = el('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: '100' });
  const email = el('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: '254' });
  const nameLabel = el('span');
  const emailLabel = el('span');
  const nameRow = el('label', {}, nameLabel, name);
  const emailRow = el('label', {}, emailLabel, email);
  const consent = el('input', { type: 'checkbox', name: 'consent' });
  const consentRow = el('label', { class: 'consent' }, consent, el('span', { text: s.prechatConsent }));
  const privacy = el('a', { target: '_blank', rel: 'noopener noreferrer', text: s.prechatPrivacy });
  const stored = el('p', { class: 'stored' });
  const start = el('button', { type: 'submit', class: 'primary', text: s.prechatStart });
  // The server checks the answers and says what is missing; the browser's own bubbles would say it twice.
  const node = el('form', { class: 'form prechat', novalidate: true, hidden: true },
    el('p', {}, el('strong', { text: s.prechatIntro })), nameRow, emailRow, consentRow, stored, privacy, start);
  let shown = null;
  node.addEventListener('submit', (e) => {
    e.preventDefault();
    submit({ name: name.value, email: email.value, consent: consent.checked });
  });

  return {
    node,
    /** {@code prechat}: {form, retentionDays, name, email, busy}, or null when the form is not due. */
    render(prechat) {
      node.hidden = !prechat;
      if (!prechat) {
        shown = null;
        return;
      }
      start.disabled = !!prechat.busy;
      if (shown === prechat.form) return;
      shown = prechat.form;
      const form = prechat.form;
      const fields = askedFields(form);
      nameRow.hidden = !fields.includes('name');
      emailRow.hidden = !fields.includes('email');
      nameLabel.textContent = form.name === 'required' ? s.prechatName : s.name;
      emailLabel.textContent = form.email === 'required' ? s.prechatEmail : s.prechatEmailOptional;
      markRequired(name, form.name === 'required');
      markRequired(email, form.email === 'required');
      if (!name.value && prechat.name) name.value = prechat.name;
      if (!email.value && prechat.email) email.value = prechat.email;
      consentRow.hidden = form.consentRequired !== true;
      const href = privacyHref(form.privacyUrl);
      privacy.hidden = !href;
      if (href) privacy.setAttribute('href', href);
      else privacy.removeAttribute('href');
      stored.textContent = s.prechatStored(fields, prechat.retentionDays == null ? null : prechat.retentionDays);
    },
    /** Where focus goes when the form opens: its first field shown. */
    first() {
      return [name, email, consent, start].find((n) => !n.closest('[hidden]')) || start;
    },
  };
}
