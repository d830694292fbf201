package org.plauder.mail;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.plauder.attachment.FileLimits;
import org.plauder.site.Mailbox;

/**
 * A support mailbox's INBOX over IMAP. Every method blocks: {@link MailboxWatch} calls them on
 * the mail worker threads, never on an event loop. Mail is read without marking it seen; it is
 * marked seen only when its conversation is stored, so mail that could not be handled stays unseen.
 */
final class ImapInbox implements AutoCloseable {

  /** More files in one mail are left out. */
  static final int MAX_FILES = 10;
  /** Larger than any site's limit: such a file is refused without reading it into memory. */
  private static final int MAX_FILE_BYTES = FileLimits.MAX_MB * 1024 * 1024;

  private final Mailbox box;
  private Store store;
  private IMAPFolder folder;
  /** How many mails the INBOX held, as far as this connection was told, when it was last searched. */
  private volatile int countAtSearch;

  ImapInbox(Mailbox box) {
    this.box = box;
  }

  /** The first {@code max} unseen mails, oldest first, leaving out those whose UID {@code skip} names. */
  synchronized List<IncomingMail> unseen(int max, LongPredicate skip) throws MessagingException, IOException {
    IMAPFolder inbox = open();
    countAtSearch = inbox.getMessageCount();
    Message[] found = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
    List<IncomingMail> mails = new ArrayList<>();
    for (int i = 0; i < found.length && mails.size() < max; i++) {
      long uid = inbox.getUID(found[i]);
      if (!skip.test(uid)) {
        mails.add(read(uid, (MimeMessage) found[i]));
      }
    }
    return mails;
  }

  synchronized void markSeen(long uid) throws MessagingException {
    Message m = open().getMessageByUID(uid);
    if (m != null) {
      m.setFlag(Flags.Flag.SEEN, true);
    }
  }

  /** Whether the server announces new mail (IMAP IDLE); without it the mailbox is polled. */
  synchronized boolean supportsIdle() throws MessagingException {
    open();
    return ((IMAPStore) store).hasCapability("IDLE");
  }

  /**
   * Waits for the server to announce a change; returns at once if it announced a new mail since
   * the last search (in the answer to another command, which IDLE would not repeat). Not
   * synchronized: {@link #wakeUp} must reach the folder meanwhile, which ends the IDLE.
   */
  void idle() throws MessagingException {
    IMAPFolder inbox = folder;
    if (inbox != null && inbox.isOpen() && inbox.getMessageCount() <= countAtSearch) {
      inbox.idle(true);
    }
  }

  /** Ends a running IDLE (any command on the folder does). */
  void wakeUp() throws MessagingException {
    IMAPFolder inbox = folder;
    if (inbox != null && inbox.isOpen()) {
      inbox.doCommand(protocol -> {
        protocol.noop();
        return null;
      });
    }
  }

  private IMAPFolder open() throws MessagingException {
    if (store == null || !store.isConnected()) {
      store = MailSessions.imap(box).getStore(box.imapSecurity() == Mailbox.Security.SSL ? "imaps" : "imap");
      store.connect(box.imapHost(), box.imapPort(), box.username(), box.password());
      folder = null;
    }
    if (folder == null || !folder.isOpen()) {
      folder = (IMAPFolder) store.getFolder("INBOX");
      folder.open(Folder.READ_WRITE);
      // A mail announced just as the IDLE starts does not end it: its event (on the folder's own thread) does.
      folder.addMessageCountListener(new MessageCountAdapter() {
        @Override
        public void messagesAdded(MessageCountEvent e) {
          try {
            wakeUp();
          } catch (MessagingException closed) {
            // the next search finds the mail
          }
        }
      });
    }
    return folder;
  }

  private static IncomingMail read(long uid, MimeMessage m) throws MessagingException, IOException {
    Address[] from = m.getFrom();
    InternetAddress sender = from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a : null;
    Instant sent = m.getSentDate() != null ? m.getSentDate().toInstant() : Instant.now();
    String messageId = m.getMessageID() != null ? m.getMessageID().strip()
        : MailThreading.fallbackId(sender == null ? "" : sender.getAddress(), m.getSubject(), sent.toEpochMilli());
    return new IncomingMail(uid, messageId,
        MailThreading.referencedIds(m.getHeader("In-Reply-To", " "), m.getHeader("References", " ")),
        sender == null ? null : sender.getAddress(), sender == null ? null : sender.getPersonal(),
        m.getSubject(), text(m), sent, files(m));
  }

  /**
   * The mail's attached files: every part marked as an attachment or carrying a file name that is
   * not the mail's text, at most {@value #MAX_FILES}; one larger than any site accepts is not read.
   */
  static List<MailFile> files(Part part) throws MessagingException, IOException {
    List<MailFile> found = new ArrayList<>();
    collectFiles(part, found);
    return found;
  }

  private static void collectFiles(Part part, List<MailFile> found) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multi = (Multipart) part.getContent();
      for (int i = 0; i < multi.getCount() && found.size() < MAX_FILES; i++) {
        collectFiles(multi.getBodyPart(i), found);
      }
      return;
    }
    boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    String name = part.getFileName();
    if (!attached && (name == null || part.isMimeType("text/plain") || part.isMimeType("text/html"))) {
      return; // the mail's own text
    }
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      boolean tooLarge = bytes.length > MAX_FILE_BYTES;
      found.add(new MailFile(name == null ? "attachment" : MimeUtility.decodeText(name), part.getContentType(),
          tooLarge ? new byte[0] : bytes, tooLarge));
    }
  }

  /** The mail's text: its plain-text part, or else its HTML part made text; attachments are left out. */
  static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return HtmlMail.toText(String.valueOf(part.getContent()));
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multi = (Multipart) part.getContent();
      String html = null;
      for (int i = 0; i < multi.getCount(); i++) {
        Part child = multi.getBodyPart(i);
        if (child.isMimeType("text/html")) {
          html = html == null ? text(child) : html;
        } else {
          String text = text(child);
          if (!text.isEmpty()) {
            return text;
          }
        }
      }
      return html == null ? "" : html;
    }
    return "";
  }

  @Override
  public synchronized void close() {
    try {
      if (folder != null && folder.isOpen()) {
        folder.close(false);
      }
      if (store != null) {
        store.close();
      }
    } catch (MessagingException e) {
      // Closing a connection that is gone already: nothing to keep.
    }
    folder = null;
    store = null;
  }
}
