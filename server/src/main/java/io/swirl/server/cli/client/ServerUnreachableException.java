package io.swirl.server.cli.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** No HTTP answer came from the server: refused, timed out, unknown host, interrupted. */
public final class ServerUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ServerUnreachableException(URI server, Exception cause) {
    super(
        "cannot reach the Swirl server at "
            + server
            + " ("
            + reason(cause)
            + "); start it with 'swirl server', or point --server or SWIRL_SERVER at it",
        cause);
  }

  /** Why, in words: the JDK's HTTP client often wraps the telling exception without a message. */
  static String reason(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "timed out connecting";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer in time";
      }
      if (t instanceof InterruptedException) {
        return "interrupted";
      }
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return cause instanceof ConnectException
        ? "connection refused"
        : cause.getClass().getSimpleName();
  }
}
