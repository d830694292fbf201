package org.plauder.mail;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How answers and replies find each other: every Message-ID Plauder sends carries the
 * conversation's reply token ({@code <plauder.TOKEN.SEQ@domain>}), and mail clients put it into
 * a reply's In-Reply-To and References. A reply is matched by that token or by any Message-ID of
 * the thread it refers to; never by its subject. Plain Java, unit-tested.
 */
public final class MailThreading {

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  private static final int TOKEN_LENGTH = 20;
  private static final Pattern OURS = Pattern.compile("<plauder\\.([a-z2-7]{" + TOKEN_LENGTH + "})\\.\\d+@[^>\\s]+>");
  private static final Pattern ANY_ID = Pattern.compile("<[^<>\\s]{1,250}>");
  private static final Pattern REPLY_PREFIX = Pattern.compile("^(re|aw|antw|wg|fwd?)\\s*:.*", Pattern.CASE_INSENSITIVE);
  /** How many earlier Message-IDs an answer's References names: the first and the latest ones. */
  private static final int MAX_REFERENCES = 10;

  private final SecureRandom random = new SecureRandom();

  /** A fresh reply token: 20 letters and digits (100 bits), unguessable. */
  public String newToken() {
    StringBuilder token = new StringBuilder(TOKEN_LENGTH);
    for (int i = 0; i < TOKEN_LENGTH; i++) {
      token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return token.toString();
  }

  /** The Message-ID of the answer stored as message {@code seq} of the token's conversation. */
  public static String messageId(String token, long seq, String domain) {
    return "<plauder." + token + "." + seq + "@" + domain + ">";
  }

  /** The Message-IDs named in In-Reply-To and References, in order, each once. */
  public static List<String> referencedIds(String inReplyTo, String references) {
    Set<String> ids = new LinkedHashSet<>();
    for (String header : new String[] {inReplyTo, references}) {
      if (header != null) {
        Matcher m = ANY_ID.matcher(header);
        while (m.find()) {
          ids.add(m.group());
        }
      }
    }
    return new ArrayList<>(ids);
  }

  /** The reply token in the first of these Message-IDs that Plauder made, or null. */
  public static String tokenIn(List<String> messageIds) {
    for (String id : messageIds) {
      Matcher m = OURS.matcher(id);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return null;
  }

  /** "Re: " before the subject, unless it is a reply's subject already. */
  public static String replySubject(String subject) {
    String s = subject == null || subject.isBlank() ? "" : subject.strip();
    return REPLY_PREFIX.matcher(s).matches() ? s : ("Re: " + s).strip();
  }

  /** The References of an answer: the thread's first Message-ID and its latest ones, oldest first. */
  public static String references(List<String> threadIds) {
    if (threadIds.size() <= MAX_REFERENCES) {
      return String.join(" ", threadIds);
    }
    List<String> kept = new ArrayList<>();
    kept.add(threadIds.get(0));
    kept.addAll(threadIds.subList(threadIds.size() - (MAX_REFERENCES - 1), threadIds.size()));
    return String.join(" ", kept);
  }

  /** A mail's key when it came without a Message-ID: made from what identifies it. */
  public static String fallbackId(String from, String subject, long sentMillis) {
    return "<no-id." + Integer.toHexString((from + "|" + subject + "|" + sentMillis).hashCode()) + "." + sentMillis + "@plauder>";
  }
}
