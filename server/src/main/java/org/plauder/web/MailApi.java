package org.plauder.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.plauder.Services;
import org.plauder.agent.Agent;
import org.plauder.auth.Identity;
import org.plauder.event.DomainEvent.SiteChanged;
import org.plauder.mail.EmailAnswers;
import org.plauder.mail.MailThreading;
import org.plauder.protocol.Failure;
import org.plauder.protocol.Inputs;
import org.plauder.protocol.Json;
import org.plauder.site.Mailbox;
import org.plauder.store.MailThreads;
import org.plauder.store.Mailboxes;

/**
 * The e-mail channel over REST: the site's mailbox (admins; the password is written, never read
 * back), answering a left message or an ended chat by e-mail, and the mails of a conversation as
 * they came (before quotes and signatures were trimmed).
 */
final class MailApi {

  private static final Set<String> FIELDS = Set.of("enabled", "address", "imapHost", "imapPort", "imapSecurity", "smtpHost",
      "smtpPort", "smtpSecurity", "username", "password", "pollSeconds");

  private final Services services;
  private final Mailboxes mailboxes;
  private final MailThreads threads;
  private final EmailAnswers answers;

  MailApi(Services services) {
    this.services = services;
    this.mailboxes = new Mailboxes(services.database());
    this.threads = new MailThreads(services.database());
    this.answers = new EmailAnswers(threads, mailboxes, services.caches().sites(), services.messages(), new MailThreading());
  }

  void get(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    mailboxes.find(admin.siteKey()).onComplete(box -> Http.json(ctx, 200, toJson(box)), ctx::fail);
  }

  /** Every field but the password is required; an absent password keeps the stored one. */
  void replace(RoutingContext ctx) {
    Identity admin = Http.admin(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    if (!FIELDS.containsAll(body.fieldNames())) {
      throw Failure.badInput("send only " + String.join(", ", FIELDS.stream().sorted().toList()));
    }
    Object password = body.getValue("password");
    if (password != null && !(password instanceof String)) {
      throw Failure.badInput("password must be a string");
    }
    Mailbox box = new Mailbox(Inputs.bool(body, "enabled"), Inputs.requiredString(body, "address", 254),
        Inputs.requiredString(body, "imapHost", 253), Inputs.intInRange(body, "imapPort", 1, 65535),
        Mailbox.Security.fromWire(body.getValue("imapSecurity"), "imapSecurity"),
        Inputs.requiredString(body, "smtpHost", 253), Inputs.intInRange(body, "smtpPort", 1, 65535),
        Mailbox.Security.fromWire(body.getValue("smtpSecurity"), "smtpSecurity"),
        Inputs.requiredString(body, "username", 254), password == null || ((String) password).isEmpty() ? null : (String) password,
        body.getValue("pollSeconds") == null ? Mailbox.DEFAULT_POLL_SECONDS : Inputs.intInRange(body, "pollSeconds", 1, 3600));
    mailboxes.save(admin.siteKey(), box)
        .compose(saved -> saved ? mailboxes.find(admin.siteKey()) : Future.failedFuture(Failure.notFound("site")))
        .onSuccess(saved -> services.events().publish(new SiteChanged(admin.siteKey())))
        .onComplete(saved -> Http.json(ctx, 200, toJson(saved)), ctx::fail);
  }

  /** POST /api/v1/conversations/:id/email-answer {text, clientMsgId}: the ack of the stored answer, which is then sent. */
  void answer(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    JsonObject body = Http.body(ctx);
    String text = services.messageRules().validText(body.getValue("text"));
    String clientMsgId = services.messageRules().validClientMsgId(body.getValue("clientMsgId"));
    Future.all(services.access().ofSite(agent, conversationId(ctx)), services.caches().agents().get(agent.id()))
        .compose(all -> answers.answer(all.resultAt(0), agent.id(), all.resultAt(1) == null ? null : all.<Agent>resultAt(1).name(),
            text, clientMsgId))
        .onComplete(appended -> Http.json(ctx, 200, Json.ack(appended)), ctx::fail);
  }

  /** GET /api/v1/conversations/:id/mails: each incoming mail's whole text, by the seq of its message. */
  void originals(RoutingContext ctx) {
    Identity agent = Http.agent(ctx, services.tokens());
    services.access().ofSite(agent, conversationId(ctx))
        .compose(c -> threads.originals(c.id()))
        .onComplete(bySeq -> {
          JsonArray mails = new JsonArray();
          bySeq.forEach((seq, text) -> mails.add(new JsonObject().put("seq", seq).put("text", text)));
          Http.json(ctx, 200, new JsonObject().put("mails", mails));
        }, ctx::fail);
  }

  private static String conversationId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!Inputs.isId(id)) {
      throw Failure.notFound("conversation");
    }
    return id;
  }

  private static JsonObject toJson(Mailbox box) {
    if (box == null) {
      return new JsonObject().put("configured", false);
    }
    return new JsonObject().put("configured", true).put("enabled", box.enabled()).put("address", box.address())
        .put("imapHost", box.imapHost()).put("imapPort", box.imapPort()).put("imapSecurity", box.imapSecurity().wire())
        .put("smtpHost", box.smtpHost()).put("smtpPort", box.smtpPort()).put("smtpSecurity", box.smtpSecurity().wire())
        .put("username", box.username()).put("passwordSet", box.password() != null).put("pollSeconds", box.pollSeconds());
  }
}
