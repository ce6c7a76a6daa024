package io.swirl.engine;

/** The instance's status does not allow the request (e.g. resuming a running instance). */
public class IllegalInstanceStateException extends RuntimeException {

  private final String instanceId;
  private final RuntimeStatus status;

  public IllegalInstanceStateException(String instanceId, RuntimeStatus status, String action) {
    super(
        "cannot "
            + action
            + " instance '"
            + instanceId
            + "': it is "
            + status.name().toLowerCase(java.util.Locale.ROOT));
    this.instanceId = instanceId;
    this.status = status;
  }

  public String instanceId() {
    return instanceId;
  }

  public RuntimeStatus status() {
    return status;
  }
}
