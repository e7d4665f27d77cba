package org.pingyi.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the jar's manifest carries (the Maven project version), or "development" from classes. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"pingyi-engine " + (version == null ? "development" : version)};
  }
}
