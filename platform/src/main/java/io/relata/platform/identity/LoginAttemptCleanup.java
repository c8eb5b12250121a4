package io.relata.platform.identity;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/**
 * Every five minutes, removes the login-attempt rows of names nobody has tried lately, so that
 * guessing many names cannot grow the table without bound.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class LoginAttemptCleanup {

  @Inject private PasswordLogin login;

  @Schedule(minute = "*/5", hour = "*", persistent = false)
  void forgetQuietNames() {
    login.forgetQuietNames();
  }
}
