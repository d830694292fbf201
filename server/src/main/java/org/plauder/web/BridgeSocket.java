package org.plauder.web;

import org.plauder.abuse.SocketBudget;

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

  BridgeSocket(String id) {
    this.id = id;
  }
}
