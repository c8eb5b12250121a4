package io.relata.testing;

import io.relata.metadata.access.PermissionSet;
import io.relata.platform.identity.PasswordHashing;
import io.relata.platform.identity.User;
import io.relata.platform.identity.UserRepository;
import java.net.URL;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Users for in-container tests: a fresh one per test class, signed in over HTTP. */
public final class TestUsers {

  public static final String PASSWORD = "s3cret-passphrase";

  private TestUsers() {}

  /** Adds an administrator named {@code prefix-<random>} and signs in as it. */
  public static ApiClient signIn(
      URL base, UserRepository users, PasswordHashing passwords, Clock clock, String prefix)
      throws Exception {
    User user = administrator(users, passwords, clock, prefix);
    return ApiClient.signIn(base, user.username(), PASSWORD).privileged();
  }

  /**
   * Adds a user named {@code prefix-<random>} over the shared server's API ({@link SharedRelata}),
   * with {@code role} (or none) and {@code permissionSets}, and signs in as it.
   */
  public static ApiClient signIn(String prefix, String role, String... permissionSets)
      throws Exception {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder sets = new StringBuilder();
    for (String set : permissionSets) {
      sets.append(sets.length() == 0 ? "" : ",").append('"').append(set).append('"');
    }
    java.net.http.HttpResponse<String> created =
        SharedRelata.admin()
            .send(
                "POST",
                "api/v1/users",
                "{\"username\":\""
                    + username
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\""
                    + (role == null ? "" : ",\"role\":\"" + role + "\"")
                    + ",\"permissionSets\":["
                    + sets
                    + "]}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("user not created: " + created.body());
    }
    return ApiClient.signIn(SharedRelata.url(), username, PASSWORD);
  }

  /** Adds an administrator named {@code prefix-<random>} over the shared server's API. */
  public static ApiClient signIn(String prefix) throws Exception {
    return signIn(prefix, null, PermissionSet.ADMINISTRATOR).privileged();
  }

  /** Adds a user named {@code prefix-<random>} holding the built-in administrator set. */
  public static User administrator(
      UserRepository users, PasswordHashing passwords, Clock clock, String prefix) {
    String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    User user =
        new User(username, passwords.hash(PASSWORD.toCharArray()), OffsetDateTime.now(clock));
    users.add(user);
    users.assignPermissionSet(user.id(), PermissionSet.ADMINISTRATOR);
    return user;
  }
}
