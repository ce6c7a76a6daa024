package io.swirl.engine.store;

import io.swirl.engine.InstanceState;
import java.util.List;

/** One page of instances; {@code nextCursor} is null on the last page. */
public record InstancePage(List<InstanceState> items, String nextCursor) {
  public InstancePage {
    items = List.copyOf(items);
  }
}
