package io.swirl.engine;

/** No instance has the given id (it never existed or was purged). */
public class InstanceNotFoundException extends RuntimeException {

  private final String instanceId;

  public InstanceNotFoundException(String instanceId) {
    super("no instance with id '" + instanceId + "'");
    this.instanceId = instanceId;
  }

  public String instanceId() {
    return instanceId;
  }
}
