package org.plauder.mail;

/** An agent's answer as it goes out: plain text, with the headers that thread it in the customer's mail client. */
public record OutgoingMail(
    String fromAddress,
    String fromName,
    String toAddress,
    String toName,
    String subject,
    String text,
    String messageId,
    String inReplyTo,
    String references) {}
