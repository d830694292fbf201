package org.plauder.conversation;

/** The file a message carries: its id (for the download), its safe name, its sniffed MIME type and its size in bytes. */
public record Attachment(String id, String name, String type, long size) {}
