package org.pingyi.auth;

/**
 * What an admin token may do: operators run the evening and the suggestion office, auditors read embargoed figures
 * and check the count, a department ({@code department:<code>} in PINGYI_ADMIN_TOKENS, the code on {@link Admin})
 * handles the suggestions it leads or co-handles.
 */
public enum AdminRole { operator, auditor, department }
