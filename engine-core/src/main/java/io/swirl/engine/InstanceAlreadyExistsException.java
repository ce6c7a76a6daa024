package io.swirl.engine;

/** An instance with the requested id already exists; ids are unique per store. */
public class InstanceAlreadyExistsException extends RuntimeException {

  private final String instanceId;

  public InstanceAlreadyExistsException(String instanceId) {
    super("an instance with id '" + instanceId + "' already exists; choose another id or omit it");
    this.instanceId = instanceId;
  }

  public String instanceId() {
    return instanceId;
  }
}
