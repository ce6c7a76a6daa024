package io.swirl.engine.store.postgres;

/**
 * The store's fixed SQL, in one place so its indexes can be checked together. Batches travel as
 * arrays expanded by {@code unnest}: one statement (one plan, one round trip) whatever the batch
 * size. Times are epoch millis.
 */
final class PgSql {

  private PgSql() {}

  // ---- instances ---------------------------------------------------------------------------

  /**
   * Creates instances (skipping taken ids) and puts the start message of each one created in its
   * inbox. Arrays: id, name, version, definition_hash, input, created_at, parent_instance_id,
   * start_at, event; the caller removes duplicate ids. Returns the ids created, each with its start
   * message's id.
   */
  static final String INSERT_INSTANCES =
      "WITH c AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],"
          + " $5::text[], $6::bigint[], $7::text[], $8::bigint[], $9::text[]) WITH ORDINALITY"
          + " AS c(id, name, version, definition_hash, input, created_at, parent_instance_id,"
          + " start_at, event, ord)),"
          + " created AS (INSERT INTO instances (id, name, version, definition_hash, status,"
          + " input, created_at, updated_at, parent_instance_id, history_size)"
          + " SELECT id, name, version, definition_hash, 'PENDING', input, created_at,"
          + " created_at, parent_instance_id, 0 FROM c ORDER BY ord"
          + " ON CONFLICT (id) DO NOTHING RETURNING id)"
          + " INSERT INTO inbox (instance_id, visible_at, event)"
          + " SELECT c.id, c.start_at, c.event FROM c JOIN created ON created.id = c.id"
          + " ORDER BY c.ord RETURNING instance_id, id";

  /** Records an event by its key: source, id, type, received_at, envelope. */
  static final String INSERT_EVENT =
      "INSERT INTO events (source, id, type, received_at, envelope) VALUES ($1, $2, $3, $4, $5)"
          + " ON CONFLICT (source, id) DO NOTHING RETURNING 1";

  /** Puts a message in the inbox of every live instance of the names: visible_at, event, names. */
  static final String DELIVER_EVENT =
      "INSERT INTO inbox (instance_id, visible_at, event)"
          + " SELECT id, $1, $2 FROM instances"
          + " WHERE name = ANY($3::text[]) AND status IN ('PENDING', 'RUNNING', 'SUSPENDED')";

  static final String FORGET_EVENTS = "DELETE FROM events WHERE received_at < $1";

  static final String COUNT_INSTANCES = "SELECT status, COUNT(*) FROM instances GROUP BY status";

  /** Inbox messages visible at $1, and queued activities. */
  static final String COUNT_WORK =
      "SELECT (SELECT COUNT(*) FROM inbox WHERE visible_at <= $1),"
          + " (SELECT COUNT(*) FROM activity_queue)";

  static final String SELECT_INSTANCE =
      "SELECT " + PgRows.INSTANCE_COLUMNS + " FROM instances WHERE id = $1";

  /**
   * The steps' row updates, fenced (see StepCommit): a row matches only while its step's token is
   * current, the instance is leased to $11 or to nobody, and every activity of the step's consumed
   * results ($12: their ids; $13: how many per step) was still leased to $11 — those activities are
   * deleted first, whether or not their step then applies. Each matched row releases its lease and
   * advances its token. Returns a row per applied step — its id, and when the step ended the
   * instance the rest of {@link PgRows#INSTANCE_COLUMNS} (else NULLs) — and a row per deleted
   * activity, whose id is the last column (NULL in the others).
   */
  static final String UPDATE_INSTANCES_AFTER_STEPS =
      "WITH u AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[],"
          + " $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::int[],"
          + " $13::int[])"
          + " AS u(id, token, status, input, output, failure, custom_status, updated_at,"
          + " completed_at, history_size, results)),"
          + " taken AS (DELETE FROM activity_queue a WHERE a.id = ANY ($12::bigint[])"
          + " AND a.lock_owner = $11 RETURNING a.id, a.instance_id),"
          + " applied AS (UPDATE instances i SET status = u.status,"
          + " input = COALESCE(u.input, i.input), output = u.output, failure = u.failure,"
          + " custom_status = u.custom_status, updated_at = u.updated_at,"
          + " completed_at = u.completed_at, history_size = u.history_size,"
          + " lock_owner = NULL, lock_expires = NULL, lock_token = i.lock_token + 1"
          + " FROM u WHERE i.id = u.id AND i.lock_token = u.token"
          + " AND (i.lock_owner IS NULL OR i.lock_owner = $11)"
          + " AND u.results = (SELECT count(*) FROM taken t WHERE t.instance_id = u.id)"
          + " RETURNING i.id"
          + endedColumns()
          + ")"
          + " SELECT *, NULL::bigint FROM applied UNION ALL SELECT"
          + " NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL::bigint, NULL::bigint,"
          + " NULL::bigint, NULL, NULL::int, id FROM taken";

  /** The instance columns after {@code id}, each NULL unless the updated row ended. */
  private static String endedColumns() {
    StringBuilder columns = new StringBuilder();
    for (String column : PgRows.INSTANCE_COLUMNS.split(",\\s*")) {
      if (!column.equals("id")) {
        columns
            .append(", CASE WHEN i.status IN ('COMPLETED', 'FAILED', 'TERMINATED') THEN i.")
            .append(column)
            .append(" END");
      }
    }
    return columns.toString();
  }

  /**
   * Leases up to $3 instances with visible messages ($1 = now) and no live lease, by their oldest
   * visible message, and returns each with its visible messages (as arrays, in arrival order) and
   * its new token; sort the rows by (first_at, first_id).
   *
   * <p>It reads at most $2 visible messages of unleased instances, in the order of the
   * inbox_by_visible_at index, so neither a backlog nor instances waiting only for future timers
   * are read in full; SKIP LOCKED passes over instances another process is leasing right now.
   *
   * <p>The messages come from the statement's snapshot, which is exact only for an instance whose
   * row has not changed since: a stale lease holder may have committed a step (consuming messages)
   * between the snapshot and the lock, and the lock then returns the row's newer version. {@code
   * steady} keeps the instances whose locked version is the snapshot's (same xmin); the others are
   * left for the next call.
   *
   * <p>Every step is written so that no plan can scan {@code instances}: lookups are correlated
   * subqueries or {@code id = ANY (ARRAY(...))} on the primary key, whatever the (often stale)
   * statistics of these fast-churning tables say.
   */
  static final String LEASE_INSTANCES =
      "WITH ready AS (SELECT m.instance_id, m.visible_at, m.id FROM inbox m"
          + " WHERE m.visible_at <= $1"
          + " AND COALESCE((SELECT j.lock_expires FROM instances j WHERE j.id = m.instance_id),"
          + " 0) < $1"
          + " ORDER BY m.visible_at, m.id LIMIT $2),"
          + " firsts AS (SELECT instance_id, visible_at, id FROM (SELECT DISTINCT ON"
          + " (instance_id) instance_id, visible_at, id FROM ready"
          + " ORDER BY instance_id, visible_at, id) d ORDER BY visible_at, id LIMIT $3),"
          + " picked AS (SELECT i.id, i.xmin AS seen FROM instances i"
          + " WHERE i.id = ANY (ARRAY(SELECT instance_id FROM firsts))"
          + " AND (i.lock_expires IS NULL OR i.lock_expires < $1)"
          + " FOR NO KEY UPDATE SKIP LOCKED),"
          + " steady AS (SELECT p.id FROM picked p"
          + " WHERE p.seen = (SELECT s.xmin FROM instances s WHERE s.id = p.id)),"
          + " msgs AS (SELECT m.instance_id, array_agg(m.id ORDER BY m.id) AS ids,"
          + " array_agg(m.event ORDER BY m.id) AS events FROM inbox m"
          + " WHERE m.instance_id = ANY (ARRAY(SELECT id FROM steady)) AND m.visible_at <= $1"
          + " GROUP BY m.instance_id)"
          + " UPDATE instances i SET lock_owner = $4, lock_expires = $5,"
          + " lock_token = i.lock_token + 1"
          + " FROM msgs g JOIN firsts f ON f.instance_id = g.instance_id"
          + " WHERE i.id = g.instance_id AND i.id = ANY (ARRAY(SELECT instance_id FROM msgs))"
          + " RETURNING "
          + PgRows.I_INSTANCE_COLUMNS
          + ", i.lock_token, f.visible_at, f.id, g.ids, g.events";

  static final String RELEASE_INSTANCE =
      "UPDATE instances SET lock_owner = NULL, lock_expires = NULL"
          + " WHERE id = $1 AND lock_token = $2";

  static final String SELECT_STATUS_FOR_UPDATE =
      "SELECT status FROM instances WHERE id = $1 FOR UPDATE";

  static final String DELETE_INSTANCE = "DELETE FROM instances WHERE id = $1";

  // ---- history -----------------------------------------------------------------------------

  /** One row per step. Arrays: instance_id, seq (the step's first), created_at, events. */
  static final String INSERT_HISTORY =
      "INSERT INTO history_steps (instance_id, seq, created_at, events)"
          + " SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[])";

  static final String SELECT_HISTORY =
      "SELECT seq, created_at, events FROM history_steps WHERE instance_id = $1 ORDER BY seq";

  static final String DELETE_HISTORY = "DELETE FROM history_steps WHERE instance_id = $1";

  static final String DELETE_HISTORIES =
      "DELETE FROM history_steps WHERE instance_id = ANY($1::text[])";

  // ---- inbox -------------------------------------------------------------------------------

  static final String INSERT_MESSAGE_IF_INSTANCE =
      "INSERT INTO inbox (instance_id, visible_at, event) SELECT $1::text, $2, $3"
          + " WHERE EXISTS (SELECT 1 FROM instances WHERE id = $1::text)";

  /** Arrays: instance_id, visible_at, event; messages to unknown instances are dropped. */
  static final String INSERT_MESSAGES_IF_INSTANCE =
      "INSERT INTO inbox (instance_id, visible_at, event)"
          + " SELECT m.instance_id, m.visible_at, m.event"
          + " FROM unnest($1::text[], $2::bigint[], $3::text[]) WITH ORDINALITY"
          + " AS m(instance_id, visible_at, event, ord)"
          + " WHERE EXISTS (SELECT 1 FROM instances i WHERE i.id = m.instance_id)"
          + " ORDER BY m.ord";

  static final String DELETE_MESSAGES = "DELETE FROM inbox WHERE id = ANY($1::bigint[])";

  static final String DELETE_INBOX = "DELETE FROM inbox WHERE instance_id = $1";

  static final String NEXT_VISIBLE_AFTER =
      "SELECT min(visible_at) FROM inbox WHERE visible_at > $1";

  // ---- activities --------------------------------------------------------------------------

  /** Arrays: instance_id, task_id, name, input, idempotency_key, visible_at; then owner, until. */
  static final String INSERT_LEASED_ACTIVITIES =
      "INSERT INTO activity_queue (instance_id, task_id, name, input, idempotency_key,"
          + " visible_at, lock_owner, lock_expires, delivery_count)"
          + " SELECT a.instance_id, a.task_id, a.name, a.input, a.idempotency_key, a.visible_at,"
          + " $7, $8, 1 FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[],"
          + " $6::bigint[]) WITH ORDINALITY"
          + " AS a(instance_id, task_id, name, input, idempotency_key, visible_at, ord)"
          + " ORDER BY a.ord RETURNING id, instance_id, task_id";

  /** Leases up to $2 visible ($1 = now), unleased or expired activities; sort by (8, 1). */
  static final String LEASE_ACTIVITIES =
      "WITH picked AS (SELECT id FROM activity_queue"
          + " WHERE visible_at <= $1 AND (lock_expires IS NULL OR lock_expires < $1)"
          + " ORDER BY visible_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)"
          + " UPDATE activity_queue a SET lock_owner = $3, lock_expires = $4,"
          + " delivery_count = a.delivery_count + 1 FROM picked p"
          + " WHERE a.id = p.id AND a.id = ANY (ARRAY(SELECT id FROM picked))"
          + " RETURNING a.id, a.instance_id, a.task_id, a.name, a.input, a.idempotency_key,"
          + " a.delivery_count, a.visible_at";

  /**
   * Deletes the activities still leased to $4 and puts their results in their inboxes, visible from
   * $5. Arrays: activity id, instance_id, result event.
   */
  static final String COMPLETE_ACTIVITIES =
      "WITH r AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[]) WITH ORDINALITY"
          + " AS r(id, instance_id, event, ord)),"
          + " done AS (DELETE FROM activity_queue a USING r"
          + " WHERE a.id = ANY ($1::bigint[]) AND a.id = r.id AND a.instance_id = r.instance_id"
          + " AND a.lock_owner = $4"
          + " RETURNING a.id)"
          + " INSERT INTO inbox (instance_id, visible_at, event)"
          + " SELECT r.instance_id, $5, r.event FROM r"
          + " WHERE r.id IN (SELECT id FROM done)"
          + " AND EXISTS (SELECT 1 FROM instances i WHERE i.id = r.instance_id)"
          + " ORDER BY r.ord";

  static final String ABANDON_ACTIVITY =
      "UPDATE activity_queue SET lock_owner = NULL, lock_expires = NULL, visible_at = $1"
          + " WHERE id = $2 AND lock_owner = $3";

  static final String RENEW_ACTIVITY =
      "UPDATE activity_queue SET lock_expires = $1 WHERE id = $2 AND lock_owner = $3";

  static final String DELETE_ACTIVITIES = "DELETE FROM activity_queue WHERE instance_id = $1";

  // ---- wake-ups ----------------------------------------------------------------------------

  static final String CHANNEL = "swirl_work";

  static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', $1)";
}
