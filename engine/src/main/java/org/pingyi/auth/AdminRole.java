package org.pingyi.auth;

/** What an admin token may do: operators run the evening, auditors read embargoed figures and check the count. */
public enum AdminRole { operator, auditor }
