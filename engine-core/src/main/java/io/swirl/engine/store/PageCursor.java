package io.swirl.engine.store;

import io.swirl.engine.InstanceState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A position in the newest-first order of instances (creation time, then id), as the opaque {@link
 * InstancePage#nextCursor()} every store hands out and reads back.
 */
public record PageCursor(long createdAt, String id) {

  public String encode() {
    byte[] bytes = (createdAt + ":" + id).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Reads a cursor back.
   *
   * @throws IllegalArgumentException saying the cursor is not one a page handed out
   */
  public static PageCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      return new PageCursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "invalid page cursor '" + text + "'; pass the nextCursor of the previous page", e);
    }
  }

  /**
   * The page of a query that read up to {@code pageSize + 1} rows: the extra row only tells that
   * another page follows.
   */
  public static InstancePage page(List<InstanceState> rows, int pageSize) {
    if (rows.size() <= pageSize) {
      return new InstancePage(rows, null);
    }
    List<InstanceState> page = rows.subList(0, pageSize);
    InstanceState last = page.get(page.size() - 1);
    return new InstancePage(
        page, new PageCursor(last.createdAt().toEpochMilli(), last.instanceId()).encode());
  }
}
