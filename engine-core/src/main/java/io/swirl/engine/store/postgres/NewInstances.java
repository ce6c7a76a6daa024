package io.swirl.engine.store.postgres;

import io.swirl.engine.history.HistoryCodec;
import io.swirl.engine.history.HistoryEvent;
import io.swirl.engine.store.NewInstance;
import io.swirl.engine.store.StoredJson;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds instances to create to {@link PgSql#INSERT_INSTANCES}. */
final class NewInstances {

  private NewInstances() {}

  /** The statement's arrays; of two instances with one id only the first is kept. */
  static Tuple tuple(List<NewInstance> instances) {
    Map<String, NewInstance> unique = new LinkedHashMap<>();
    for (NewInstance instance : instances) {
      unique.putIfAbsent(instance.instanceId(), instance);
    }
    int n = unique.size();
    String[] ids = new String[n];
    String[] names = new String[n];
    String[] versions = new String[n];
    String[] hashes = new String[n];
    String[] inputs = new String[n];
    Long[] createdAt = new Long[n];
    String[] parents = new String[n];
    Long[] startAt = new Long[n];
    String[] events = new String[n];
    int i = 0;
    for (NewInstance instance : unique.values()) {
      HistoryEvent.ExecutionStarted started = instance.started();
      ids[i] = instance.instanceId();
      names[i] = started.name();
      versions[i] = started.version();
      hashes[i] = started.definitionHash();
      inputs[i] = StoredJson.text(started.input());
      createdAt[i] = PgRows.millis(instance.createdAt());
      parents[i] = started.parentInstanceId();
      startAt[i] = PgRows.millis(instance.startAt());
      events[i] = HistoryCodec.encode(started);
      i++;
    }
    return Tuple.from(
        new Object[] {ids, names, versions, hashes, inputs, createdAt, parents, startAt, events});
  }
}
