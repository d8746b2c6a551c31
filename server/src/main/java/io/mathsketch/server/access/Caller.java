package io.mathsketch.server.access;

import java.util.Optional;

/**
 * Who is asking: an anonymous client, possibly holding the admin token.
 *
 * @param client the caller's anonymous id (rows it posts are owned by it)
 * @param admin whether the request carries the admin token, which sees every row
 */
public record Caller(ClientId client, boolean admin) {

    /** The owner key rows must have to be visible to this caller; empty for the admin, who sees all. */
    public Optional<String> visibleOwner() {
        return admin ? Optional.empty() : Optional.of(client.ownerKey());
    }
}
