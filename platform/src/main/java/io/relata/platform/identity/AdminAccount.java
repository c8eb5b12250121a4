package io.relata.platform.identity;

import io.relata.metadata.access.PermissionSet;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the user {@code admin} on the first start of an empty database. Its password is {@code
 * RELATA_ADMIN_PASSWORD} when set; otherwise one is generated and printed once, on this start only.
 * Later starts leave the account alone, whatever the variable says.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
public class AdminAccount {

  /** The username of the first administrator. */
  public static final String USERNAME = "admin";

  private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());

  @Inject private UserRepository users;
  @Inject private PasswordHashing passwords;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "relata.admin.password")
  private Optional<String> configuredPassword;

  @PostConstruct
  void createOnFirstStart() {
    if (users.findByUsername(USERNAME).isPresent()) {
      return;
    }
    Optional<String> given = configuredPassword.filter(p -> !p.isBlank());
    String password = given.orElseGet(() -> SecretText.random(15));
    User admin =
        new User(USERNAME, passwords.hash(password.toCharArray()), OffsetDateTime.now(clock));
    if (!users.addIfAbsent(admin)) {
      return; // another node created it between the check and the insert
    }
    users.assignPermissionSet(admin.id(), PermissionSet.ADMINISTRATOR);
    if (given.isPresent()) {
      LOG.info("Created the user 'admin' with the password from RELATA_ADMIN_PASSWORD.");
    } else {
      // Printed, not logged: this is the one time anybody sees it.
      System.out.println(
          "\n=== Relata: created the user 'admin' with the generated password: "
              + password
              + "\n=== It is shown only this once. Sign in and keep it safe.\n");
    }
  }
}
