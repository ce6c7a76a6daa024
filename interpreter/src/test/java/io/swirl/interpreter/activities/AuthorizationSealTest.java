package io.swirl.interpreter.activities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AuthorizationSealTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode settings(String secret) {
    return JSON.createObjectNode()
        .put("authority", "https://idp.test")
        .set("client", JSON.createObjectNode().put("id", "app").put("secret", secret));
  }

  @Test
  void a_sealed_token_opens_with_the_same_client_credentials_only() {
    String sealed = AuthorizationSeal.seal(settings("shh"), "tok-123");
    assertThat(sealed).doesNotContain("tok-123");
    assertThat(AuthorizationSeal.open(settings("shh"), sealed)).isEqualTo("tok-123");
    assertThat(AuthorizationSeal.open(settings("rotated"), sealed)).isNull();
    assertThat(AuthorizationSeal.open(settings("shh"), "bm90IHNlYWxlZA==")).isNull();
    assertThat(AuthorizationSeal.open(settings("shh"), "%%%")).isNull();
  }

  @Test
  void nothing_is_sealed_without_a_client_secret() {
    assertThat(AuthorizationSeal.seal(JSON.createObjectNode(), "tok-123")).isNull();
    assertThat(AuthorizationSeal.seal(settings(""), "tok-123")).isNull();
  }
}
