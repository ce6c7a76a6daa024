package io.swirl.engine.bench;

import io.swirl.engine.store.InstancePage;
import io.swirl.engine.store.Store;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wraps a {@link Store} in a proxy that counts and times every call it forwards, with the number of
 * items the batch calls carry: the benchmark's profile of where store time goes. A dynamic proxy
 * rather than a hand-written decorator, so that the benchmark keeps compiling as the SPI evolves.
 *
 * <p>Times include waiting for the store's connection lock: the SQLite store runs every call on one
 * connection under one lock, so the sum of busy shares above 100% is queueing.
 */
final class TimedStore implements InvocationHandler {

  private final Store delegate;
  private final Map<String, Stat> stats = new ConcurrentHashMap<>();

  private TimedStore(Store delegate) {
    this.delegate = delegate;
  }

  /** Calls, time and items per store method. */
  private static final class Stat {
    final LongAdder calls = new LongAdder();
    final LongAdder nanos = new LongAdder();
    final LongAdder items = new LongAdder();
  }

  static TimedStore wrap(Store delegate) {
    return new TimedStore(delegate);
  }

  Store store() {
    return (Store)
        Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, this);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(this, args);
    }
    long start = System.nanoTime();
    Object result;
    try {
      result = method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    Stat stat = stats.computeIfAbsent(method.getName(), k -> new Stat());
    stat.nanos.add(System.nanoTime() - start);
    stat.calls.increment();
    stat.items.add(items(args, result));
    return result;
  }

  /** Batch size: what a batch call was given, or how many items a fetch returned. */
  private static int items(Object[] args, Object result) {
    if (args != null && args.length > 0 && args[0] instanceof List<?> given) {
      return given.size();
    }
    if (result instanceof List<?> fetched) {
      return fetched.size();
    }
    if (result instanceof InstancePage page) {
      return page.items().size();
    }
    return 0;
  }

  void reset() {
    stats.clear();
  }

  /** A markdown table of the counters since the last {@link #reset()}, over {@code seconds}. */
  String report(double seconds) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "| store call | calls/s | mean µs (incl. lock wait) | busy %% of one thread |"
                + " items/call |%n|---|---:|---:|---:|---:|%n"));
    double busy = 0;
    for (Map.Entry<String, Stat> e : new TreeMap<>(stats).entrySet()) {
      Stat s = e.getValue();
      long calls = s.calls.sum();
      if (calls == 0 || e.getKey().equals("close")) {
        continue;
      }
      double share = s.nanos.sum() / 1e9 / seconds * 100;
      busy += share;
      long items = s.items.sum();
      out.append(
          String.format(
              "| %s | %.0f | %.1f | %.1f | %s |%n",
              e.getKey(),
              calls / seconds,
              s.nanos.sum() / 1e3 / calls,
              share,
              items == 0 ? "" : String.format("%.1f", (double) items / calls)));
    }
    out.append(String.format("| **all** | | | %.1f | |%n", busy));
    return out.toString();
  }
}
