package org.plauder.web;

import org.plauder.abuse.SocketBudget;
import org.plauder.auth.Identity;
import org.plauder.auth.TokenRejected;
import org.plauder.auth.Tokens;

/** What this node knows about one open bridge socket. */
final class BridgeSocket {
  final String id;
  final SocketBudget budget = new SocketBudget(System.nanoTime());
  String originCheckedFor; // "site:<key>" or "agent" once the socket's Origin passed for that
  int registrations;
  String visitorSocketId;
  String agentId;
  String agentSiteKey;
  String agentSocketId;
  /** The token of the socket's last send or registration and what it verified as: the next frames carry the same one. */
  String sentToken;
  Tokens.Verified sentAs;
  /** When the client last pinged, or the socket opened ({@link System#nanoTime}). */
  long lastPingNanos = System.nanoTime();

  BridgeSocket(String id) {
    this.id = id;
  }

  /**
   * A socket registers its inbox and sends frame after frame with the same token: its signature
   * is checked once, and only its expiry again while the socket keeps sending it. Throws
   * {@link TokenRejected} as {@link Tokens#verify}.
   */
  Identity verifyToken(Tokens tokens, String token, Identity.Kind kind) {
    Tokens.Verified known = sentAs;
    if (known != null && known.identity().kind() == kind && token != null && token.equals(sentToken) && tokens.stillValid(known)) {
      return known.identity();
    }
    Tokens.Verified verified = tokens.check(token, kind);
    sentToken = token;
    sentAs = verified;
    return verified.identity();
  }
}
