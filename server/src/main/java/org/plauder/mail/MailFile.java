package org.plauder.mail;

/**
 * A file attached to a mail, coming in or going out: its name as the mail gives it, the type the
 * mail claims (never trusted: the attachment rules sniff the bytes) and its bytes; {@code tooLarge}
 * when it was larger than any site accepts, so its bytes were not read.
 */
public record MailFile(String name, String claimedType, byte[] bytes, boolean tooLarge) {}
