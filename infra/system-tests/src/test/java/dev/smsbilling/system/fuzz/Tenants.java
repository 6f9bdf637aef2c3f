package dev.smsbilling.system.fuzz;

import java.util.List;

/**
 * The accounts a fuzz run works with: A is the caller, B is another tenant whose key and cursor
 * A's requests borrow, C is the account the internal subscription route may switch, and the
 * destinations the quote endpoint priced at setup.
 */
record Tenants(Tenant a, Tenant b, Tenant c, List<String> destinations) {
    record Tenant(String id, String key, String cursor) {
    }
}
