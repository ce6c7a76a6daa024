package io.swirl.engine.store.sqlite;

/** The store's fixed SQL statements, in one place so their indexes can be checked together. */
final class Sql {

  private Sql() {}

  // ---- instances ---------------------------------------------------------------------------

  static final String INSERT_INSTANCE =
      "INSERT OR IGNORE INTO instances (id, name, version, definition_hash, status,"
          + " created_at, updated_at, parent_instance_id, history_size)"
          + " VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?, 0)";

  /** Sets an instance's input (at creation, and again on continue-as-new). */
  static final String UPSERT_INPUT =
      "INSERT OR REPLACE INTO instance_inputs (id, input) VALUES (?, ?)";

  static final String DELETE_INPUT = "DELETE FROM instance_inputs WHERE id = ?";

  static final String SELECT_INSTANCE =
      "SELECT " + Rows.INSTANCE_COLUMNS + " FROM instances WHERE id = ?";

  static final String SELECT_STATUS = "SELECT status FROM instances WHERE id = ?";

  /**
   * The step's row update; it matches only while the step's token is current and the instance is
   * leased to the committer or to nobody (fencing, see StepCommit). It releases the lease and
   * advances the token.
   */
  static final String UPDATE_INSTANCE_AFTER_STEP =
      "UPDATE instances SET status = ?, output = ?, failure = ?,"
          + " custom_status = ?, updated_at = ?, completed_at = ?, history_size = ?,"
          + " lock_owner = NULL, lock_expires = NULL, lock_token = lock_token + 1"
          + " WHERE id = ? AND (lock_owner IS NULL OR lock_owner = ?) AND lock_token = ?";

  /** Leases an instance and returns its row and new lock token ({@link Rows#instance} order). */
  static final String LEASE_INSTANCE_RETURNING =
      "UPDATE instances SET lock_owner = ?, lock_expires = ?, lock_token = lock_token + 1"
          + " WHERE id = ? RETURNING "
          + Rows.LEASE_COLUMNS
          + ", lock_token";

  static final String RELEASE_INSTANCE =
      "UPDATE instances SET lock_owner = NULL, lock_expires = NULL"
          + " WHERE id = ? AND lock_token = ?";

  static final String RELEASE_ALL_INSTANCES =
      "UPDATE instances SET lock_owner = NULL, lock_expires = NULL WHERE lock_owner IS NOT NULL";

  static final String DELETE_INSTANCE = "DELETE FROM instances WHERE id = ?";

  // ---- history -----------------------------------------------------------------------------

  static final String INSERT_HISTORY =
      "INSERT INTO history_steps (instance_id, seq, created_at, events) VALUES (?, ?, ?, ?)";

  static final String SELECT_HISTORY =
      "SELECT seq, created_at, events FROM history_steps WHERE instance_id = ? ORDER BY seq";

  static final String DELETE_HISTORY = "DELETE FROM history_steps WHERE instance_id = ?";

  // ---- inbox -------------------------------------------------------------------------------

  static final String INSERT_MESSAGE =
      "INSERT INTO inbox (instance_id, visible_at, event) VALUES (?, ?, ?) RETURNING id";

  /** Inserts a message only when its instance exists: parameters id, visible_at, event, id. */
  static final String INSERT_MESSAGE_IF_INSTANCE =
      "INSERT INTO inbox (instance_id, visible_at, event)"
          + " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM instances WHERE id = ?)";

  static final String DELETE_MESSAGE = "DELETE FROM inbox WHERE id = ? AND instance_id = ?";

  static final String DELETE_INBOX = "DELETE FROM inbox WHERE instance_id = ?";

  /**
   * Visible messages of instances with no live lease, and of instances that no longer exist ({@code
   * orphan} = 1), earliest due first, ties by arrival. It reads the inbox_by_visible_at index in
   * order and the caller stops after enough distinct instances, so neither instances waiting only
   * for future timers nor a deep backlog is read in full. The LEFT JOIN also keeps SQLite from
   * driving the join from the instances table.
   */
  static final String SELECT_READY_MESSAGES =
      "SELECT m.id, m.instance_id, i.id IS NULL AS orphan"
          + " FROM inbox m INDEXED BY inbox_by_visible_at LEFT JOIN instances i"
          + " ON i.id = m.instance_id"
          + " WHERE m.visible_at <= ?"
          + " AND (i.id IS NULL OR i.lock_expires IS NULL OR i.lock_expires < ?)"
          + " ORDER BY m.visible_at, m.id";

  static final String DELETE_MESSAGE_BY_ID = "DELETE FROM inbox WHERE id = ?";

  static final String SELECT_VISIBLE_MESSAGES =
      "SELECT id, event FROM inbox WHERE instance_id = ? AND visible_at <= ? ORDER BY id";

  static final String NEXT_VISIBLE_AFTER = "SELECT MIN(visible_at) FROM inbox WHERE visible_at > ?";

  // ---- activities --------------------------------------------------------------------------

  static final String INSERT_ACTIVITY =
      "INSERT INTO activity_queue (instance_id, task_id, name, input, idempotency_key,"
          + " visible_at, lock_owner, lock_expires, delivery_count)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id";

  static final String SELECT_READY_ACTIVITIES =
      "SELECT id FROM activity_queue"
          + " WHERE visible_at <= ? AND (lock_expires IS NULL OR lock_expires < ?)"
          + " ORDER BY visible_at, id LIMIT ?";

  static final String LEASE_ACTIVITY =
      "UPDATE activity_queue SET lock_owner = ?, lock_expires = ?,"
          + " delivery_count = delivery_count + 1 WHERE id = ?";

  static final String SELECT_ACTIVITY =
      "SELECT " + Rows.ACTIVITY_COLUMNS + " FROM activity_queue WHERE id = ?";

  static final String DELETE_LEASED_ACTIVITY =
      "DELETE FROM activity_queue WHERE id = ? AND instance_id = ? AND lock_owner = ?";

  static final String ABANDON_ACTIVITY =
      "UPDATE activity_queue SET lock_owner = NULL, lock_expires = NULL, visible_at = ?"
          + " WHERE id = ? AND lock_owner = ?";

  static final String RENEW_ACTIVITY =
      "UPDATE activity_queue SET lock_expires = ? WHERE id = ? AND lock_owner = ?";

  static final String RELEASE_ALL_ACTIVITIES =
      "UPDATE activity_queue SET lock_owner = NULL, lock_expires = NULL"
          + " WHERE lock_owner IS NOT NULL";

  static final String DELETE_ACTIVITIES = "DELETE FROM activity_queue WHERE instance_id = ?";
}
