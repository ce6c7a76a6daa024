package io.swirl.server.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Follows an instance until it ends, with the server's long poll ({@code ?wait=}). */
final class Waiting {

  /** Statuses an instance never leaves. */
  static final Set<String> ENDED = Set.of("completed", "faulted", "cancelled");

  /**
   * One long poll holds a connection at most this long; a longer wait is several polls, so no proxy
   * or idle timeout in between cuts it.
   */
  private static final int POLL_SECONDS = 60;

  private Waiting() {}

  /**
   * The instance view once it has ended, or when {@code seconds} have passed (0: no limit),
   * whichever is first.
   */
  static JsonNode untilEnded(ApiClient api, String id, int seconds) {
    String path = "/api/v1/instances/" + ApiClient.segment(id);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (true) {
      long nanosLeft = deadline - System.nanoTime();
      long left =
          seconds == 0
              ? POLL_SECONDS
              : nanosLeft <= 0 ? 0 : (nanosLeft + 999_999_999L) / 1_000_000_000L;
      int poll = (int) Math.max(0, Math.min(POLL_SECONDS, left));
      JsonNode view = api.longPoll(path + "?wait=" + poll, poll).body();
      if (ENDED.contains(view.path("status").asText()) || seconds != 0 && poll == 0) {
        return view;
      }
    }
  }
}
