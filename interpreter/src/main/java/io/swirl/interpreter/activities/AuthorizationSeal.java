package io.swirl.interpreter.activities;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals an OAuth2 access token so that it can be recorded in history without being readable there,
 * for {@code $authorization.parameter}.
 *
 * <p>The activity that obtained the token returns it sealed (AES-256-GCM, random nonce); the
 * orchestrator opens it in memory, on the live run and on every replay, to fill {@code
 * $authorization.parameter} with the same value each time. The key is derived from the
 * authentication's client credentials ({@code authority}, {@code client.id}, {@code
 * client.secret}), which both sides can read from the secrets provider but history does not hold
 * (unless the definition writes them inline). Without a client secret there is no key, and nothing
 * is sealed.
 */
public final class AuthorizationSeal {

  /**
   * The call request member ({@code true}) that asks the activity for its OAuth2 token back,
   * sealed: the activity's result is then {@code {"result": <the call's output>, "sealed": <the
   * token>}} ({@code sealed} absent when there is no key).
   */
  public static final String REQUEST = "sealAuthorization";

  /** The member of the wrapped result that holds the call's output. */
  public static final String RESULT = "result";

  /** The member of the wrapped result that holds the sealed token. */
  public static final String SEALED = "sealed";

  private static final byte[] CONTEXT = "swirl.authorization.v1".getBytes(StandardCharsets.UTF_8);
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private AuthorizationSeal() {}

  /** The sealed token (base64), or null when the settings hold no client secret. */
  public static String seal(JsonNode oauthSettings, String token) {
    SecretKeySpec key = key(oauthSettings);
    if (key == null || token == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(CONTEXT);
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * The token, or null when it cannot be opened with these settings (no client secret, a secret
   * that changed since the token was sealed, or a damaged value).
   */
  public static String open(JsonNode oauthSettings, String sealed) {
    SecretKeySpec key = key(oauthSettings);
    if (key == null || sealed == null) {
      return null;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      if (bytes.length <= NONCE) {
        return null;
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
      cipher.updateAAD(CONTEXT);
      byte[] token = cipher.doFinal(bytes, NONCE, bytes.length - NONCE);
      return new String(token, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return null;
    }
  }

  private static SecretKeySpec key(JsonNode settings) {
    String secret = settings == null ? "" : settings.path("client").path("secret").asText("");
    if (secret.isEmpty()) {
      return null;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(CONTEXT);
      for (String part :
          new String[] {
            settings.path("authority").asText(""),
            settings.path("client").path("id").asText(""),
            secret
          }) {
        sha.update((byte) 0);
        sha.update(part.getBytes(StandardCharsets.UTF_8));
      }
      return new SecretKeySpec(sha.digest(), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
