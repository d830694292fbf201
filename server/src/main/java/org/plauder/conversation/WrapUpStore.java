package org.plauder.conversation;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tags and rating comments on the conversations' documents. Implemented over MongoDB by {@code store.WrapUps}. */
public interface WrapUpStore {

  Future<WrapUp> of(String conversationId);

  /**
   * Adds the tag with one conditional update, only while it is missing and the conversation has
   * fewer than {@code limit} tags, so concurrent additions never go past the limit; the tags after.
   */
  Future<List<String>> addTag(String conversationId, String tag, int limit);

  /** Removes the tag; the tags after. */
  Future<List<String>> removeTag(String conversationId, String tag);

  Future<Void> setRatingComment(String conversationId, String comment);

  /** Each tag in use on the site's conversations, with how many carry it. */
  Future<Map<String, Integer>> tagsInUse(String siteKey);

  /** The ids of the site's conversations carrying the tag, newest first, at most {@code limit}. */
  Future<List<String>> tagged(String siteKey, String tag, int limit);

  /** Tags and rating comments of the site's conversations created in [from, to), by conversation id; only those with any. */
  Future<Map<String, WrapUp>> ofSite(String siteKey, Instant from, Instant to);
}
