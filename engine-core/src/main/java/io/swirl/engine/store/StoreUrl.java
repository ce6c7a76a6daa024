package io.swirl.engine.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an engine keeps its state, named by one URL everywhere ({@code --store}, {@code
 * SWIRL_STORE}).
 *
 * <ul>
 *   <li>{@code sqlite:PATH} — an embedded SQLite file ({@code sqlite::memory:} for a throw-away
 *       in-memory database);
 *   <li>{@code postgresql://user[:password]@host[:port]/database} — a PostgreSQL server.
 * </ul>
 */
public sealed interface StoreUrl {

  /** The store used when none is configured: a file under {@code ./swirl-data/}. */
  String DEFAULT = "sqlite:swirl-data/swirl.db";

  /** The URL as it may be printed: never contains a password. */
  String display();

  /** An embedded SQLite database; {@code path} is null for an in-memory one. */
  record Sqlite(Path path) implements StoreUrl {
    public boolean inMemory() {
      return path == null;
    }

    @Override
    public String display() {
      return inMemory() ? "sqlite::memory:" : "sqlite:" + path;
    }
  }

  /** A PostgreSQL database. */
  record Postgres(String host, int port, String database, String user, String password)
      implements StoreUrl {
    public Postgres {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(database, "database");
    }

    @Override
    public String display() {
      return "postgresql://"
          + (user == null ? "" : user + "@")
          + host
          + ":"
          + port
          + "/"
          + database;
    }

    @Override
    public String toString() {
      return "Postgres[" + display() + "]";
    }
  }

  /**
   * Parses a store URL.
   *
   * @throws IllegalArgumentException naming what is wrong and showing the accepted forms
   */
  static StoreUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw invalid(url, "it is empty");
    }
    String text = url.strip();
    if (text.startsWith("sqlite:")) {
      String rest = text.substring("sqlite:".length());
      if (rest.startsWith("//")) {
        rest = rest.substring(2);
      }
      if (rest.isEmpty()) {
        throw invalid(url, "the SQLite file path is missing");
      }
      return rest.equals(":memory:") ? new Sqlite(null) : new Sqlite(Path.of(rest));
    }
    if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
      return parsePostgres(url, text);
    }
    throw invalid(url, "the scheme is neither 'sqlite:' nor 'postgresql://'");
  }

  private static Postgres parsePostgres(String original, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(original, "it is not a valid URI (" + e.getReason() + ")");
    }
    if (uri.getHost() == null) {
      throw invalid(original, "the host is missing");
    }
    String path = uri.getPath();
    if (path == null || path.length() <= 1) {
      throw invalid(original, "the database name is missing");
    }
    String user = null;
    String password = null;
    if (uri.getUserInfo() != null) {
      String info = uri.getUserInfo();
      int colon = info.indexOf(':');
      user = colon < 0 ? info : info.substring(0, colon);
      password = colon < 0 ? null : info.substring(colon + 1);
    }
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    return new Postgres(uri.getHost(), port, path.substring(1), user, password);
  }

  private static IllegalArgumentException invalid(String url, String why) {
    String shown = url == null ? "" : url.replaceAll("(//[^:/@]*:)[^@]*@", "$1***@");
    return new IllegalArgumentException(
        "invalid store URL '"
            + shown
            + "': "
            + why
            + "; use sqlite:PATH or postgresql://user@host:port/database");
  }
}
