package io.iris.gateway.web.admin;

import io.iris.gateway.common.NotFoundException;
import java.util.UUID;

/** Path ids: a malformed UUID names nothing, so it is a 404 like an unknown one. */
final class Ids {
    private Ids() {
    }

    static UUID parse(String kind, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(kind + " '" + id + "' does not exist");
        }
    }
}
