package io.swirl.dsl.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code use.authentications} entry.
 *
 * @param name the entry's name
 * @param scheme {@code basic}, {@code bearer}, {@code digest}, {@code oauth2} or {@code oidc}
 * @param config the scheme's settings as written (may name a secret with {@code use}); shared, do
 *     not mutate
 */
public record AuthenticationPlan(String name, String scheme, JsonNode config) {}
