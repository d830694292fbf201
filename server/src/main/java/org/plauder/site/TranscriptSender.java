package org.plauder.site;

import java.util.regex.Pattern;
import org.plauder.protocol.Failure;

/**
 * Who a site's e-mailed transcripts come from: its own address (say {@code service@shop.example}) and,
 * optionally, a name ("Kaffeerösterei Beispiel"). A site without one sends from the server's
 * {@code PLAUDER_SMTP_FROM}. The name is one line without the characters that would end or break an
 * address header ({@code " \ < > ,} {@code ;}), so it can be written as the header's display name.
 */
public record TranscriptSender(String name, String address) {

  public static final int MAX_NAME = 80;
  private static final Pattern HEADER_BREAKING = Pattern.compile("[\"\\\\<>,;\\p{Cntrl}]");
  private static final Pattern PLAIN_ASCII = Pattern.compile("[\\x20-\\x7E]*");
  /** An address a mail server takes as a sender: an ASCII local part and a domain with a dot. */
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  public TranscriptSender {
    if (address == null || address.length() > 254 || !ADDRESS.matcher(address).matches()) {
      throw Failure.badInput("address must be an e-mail address such as service@shop.example");
    }
    if (name != null && (name.codePointCount(0, name.length()) > MAX_NAME || HEADER_BREAKING.matcher(name).find())) {
      throw Failure.badInput("name must be one line of at most " + MAX_NAME + " characters without \" \\ < > , or ;");
    }
  }

  /**
   * The {@code From} header as the mail client takes it: the address alone, or the name in quotes
   * before it; a name beyond ASCII unquoted, because the mail client writes it as an encoded word.
   */
  public String fromHeader() {
    if (name == null) {
      return address;
    }
    return PLAIN_ASCII.matcher(name).matches() ? "\"" + name + "\" <" + address + ">" : name + " <" + address + ">";
  }

  /** The header a transcript of a site with {@code sender} (null: none set) is sent with. */
  public static String fromOf(TranscriptSender sender, String serverDefault) {
    return sender == null ? serverDefault : sender.fromHeader();
  }
}
