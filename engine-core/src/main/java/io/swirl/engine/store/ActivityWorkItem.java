package io.swirl.engine.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A leased activity to run.
 *
 * @param id the queue entry's id
 * @param deliveryCount how many times it has been leased, this time included
 */
public record ActivityWorkItem(
    long id,
    String instanceId,
    int taskId,
    String name,
    JsonNode input,
    String idempotencyKey,
    int deliveryCount) {}
