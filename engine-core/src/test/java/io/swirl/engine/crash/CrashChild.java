package io.swirl.engine.crash;

import io.swirl.engine.Engine;
import io.swirl.engine.InstanceAlreadyExistsException;
import io.swirl.engine.StartOptions;
import io.swirl.engine.store.StoreUrl;
import io.swirl.engine.store.Stores;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@link CrashRecoveryIT} kills: it opens the SQLite store at {@code args[0]},
 * registers {@link CrashWorkflow}, and in {@code start} mode makes sure instances {@code crash-0}
 * to {@code crash-(N-1)} exist ({@code args[2]}, default 200); then it runs the engine until it is
 * killed. Mode {@code run} only runs the engine. SIGTERM closes the engine cleanly; SIGKILL is the
 * test.
 */
public final class CrashChild {

  static final String ID_PREFIX = "crash-";

  private CrashChild() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: CrashChild DB_PATH start|run [INSTANCES]");
      System.exit(2);
    }
    String mode = args[1];
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Engine engine = Engine.builder(Stores.open(StoreUrl.parse("sqlite:" + args[0]))).build();
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
