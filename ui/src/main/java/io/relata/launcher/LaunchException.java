package io.relata.launcher;

/** A reason not to start, worded for the operator who ran the command. */
class LaunchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LaunchException(String message) {
    super(message);
  }

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
