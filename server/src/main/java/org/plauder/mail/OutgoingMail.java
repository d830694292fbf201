package org.plauder.mail;

/**
 * An agent's answer as it goes out: plain text, with the headers that thread it in the customer's
 * mail client, and the file the answer carries ({@code attachment}, else null) as a MIME attachment.
 */
public record OutgoingMail(
    String fromAddress,
    String fromName,
    String toAddress,
    String toName,
    String subject,
    String text,
    String messageId,
    String inReplyTo,
    String references,
    MailFile attachment) {}
