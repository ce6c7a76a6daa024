package io.swirl.engine.crash;

import io.swirl.engine.Engine;
import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.StartOptions;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@link CrashRecoveryIT} and {@link TwoProcessesIT} kill: it opens the store {@code
 * args[0]} names (a store URL, or a bare path meaning a SQLite file), registers {@link
 * CrashWorkflow}, and in {@code start} mode makes sure instances {@code crash-0} to {@code
 * crash-(N-1)} exist ({@code args[2]}, default 200); then it runs the engine until it is killed.
 * Mode {@code run} only runs the engine. SIGTERM closes the engine cleanly; SIGKILL is the test.
 *
 * <p>System properties {@code crash.orchestrationLeaseMs} and {@code crash.activityLeaseMs} shorten
 * the leases, so that on a shared store the survivors take a dead process's work over within a
 * test's deadline.
 */
public final class CrashChild {

  static final String ID_PREFIX = "crash-";

  private CrashChild() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: CrashChild STORE_URL|DB_PATH start|run [INSTANCES]");
      System.exit(2);
    }
    String mode = args[1];
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    String store = args[0];
    if (!store.startsWith("sqlite:") && !store.startsWith("postgres")) {
      store = "sqlite:" + store;
    }
    Engine.Builder builder = Engine.builder(Stores.open(StoreUrl.parse(store)));
    Long orchestrationLease = Long.getLong("crash.orchestrationLeaseMs");
    if (orchestrationLease != null) {
      builder.orchestrationLease(Duration.ofMillis(orchestrationLease));
    }
    Long activityLease = Long.getLong("crash.activityLeaseMs");
    if (activityLease != null) {
      builder.activityLease(Duration.ofMillis(activityLease));
    }
    Engine engine = builder.build();
    CrashWorkflow.register(engine);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  closed.countDown();
                }));
    engine.start();
    System.out.println("STARTED pid=" + ProcessHandle.current().pid());
    if (mode.equals("start")) {
      int created = 0;
      for (int n = 0; n < instances; n++) {
        try {
          engine.client().scheduleNew(CrashWorkflow.NAME, n, StartOptions.withId(ID_PREFIX + n));
          created++;
        } catch (InstanceAlreadyExistsException alreadyThere) {
          // a previous life of this process created it
        }
      }
      System.out.println("SCHEDULED " + created + " new instances");
    } else if (!mode.equals("run")) {
      System.err.println("unknown mode " + mode);
      System.exit(2);
    }
    System.out.flush();
    closed.await();
  }
}
