package io.iris.gateway.proxy;

import io.iris.gateway.common.JsonP;
import io.iris.gateway.snapshot.CallerGrant;
import io.iris.gateway.snapshot.GatewaySnapshot;
import io.iris.gateway.snapshot.ProviderRoute;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/models}: the models the caller may use, as {@code provider/model} ids (unambiguous, and
 * routable as they are). Providers listing {@code "*"} contribute no entries: they serve any name.
 */
public final class ModelCatalog {
    private ModelCatalog() {
    }

    public static List<String> visibleModels(Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        List<String> ids = new ArrayList<>();
        for (ProviderRoute provider : snapshot.providersInOrder()) {
            for (String model : provider.models()) {
                if (!model.equals("*") && mayUse(caller, provider, model)) {
                    ids.add(provider.name() + "/" + model);
                }
            }
        }
        return ids;
    }

    public static JsonObject list(Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        JsonArrayBuilder data = JsonP.PROVIDER.createArrayBuilder();
        visibleModels(caller, snapshot).forEach(id -> data.add(model(id)));
        return JsonP.PROVIDER.createObjectBuilder().add("object", "list").add("data", data).build();
    }

    public static Optional<JsonObject> one(String id, Optional<CallerGrant> caller, GatewaySnapshot snapshot) {
        return visibleModels(caller, snapshot).stream().filter(id::equals).findFirst().map(ModelCatalog::model);
    }

    private static JsonObject model(String id) {
        return JsonP.PROVIDER.createObjectBuilder().add("id", id).add("object", "model").add("created", 0)
                .add("owned_by", id.substring(0, id.indexOf('/'))).build();
    }

    private static boolean mayUse(Optional<CallerGrant> caller, ProviderRoute provider, String model) {
        if (caller.isEmpty()) {
            return true;
        }
        return caller.get().grantFor(provider.name()).map(g -> g.allows(model))
                .orElse(caller.get().allowAllProviders());
    }
}
