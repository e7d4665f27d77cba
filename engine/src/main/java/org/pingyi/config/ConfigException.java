package org.pingyi.config;

/** A configuration value the engine cannot start with; the message names the key. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
